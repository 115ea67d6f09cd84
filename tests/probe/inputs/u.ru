INSERT DATA { <http://ex/a> <http://ex/b> <http://ex/c> }
