# Empty dependencies file for aseankg-cli.
# This may be replaced when dependencies are built.
