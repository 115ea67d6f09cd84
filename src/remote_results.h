/* The SPARQL results reader behind `query --endpoint`, private to the library (and its fuzz harness). */
#ifndef ASEANKG_SRC_REMOTE_RESULTS_H
#define ASEANKG_SRC_REMOTE_RESULTS_H

#include "aseankg/status.h"

#include <stddef.h>
#include <stdio.h>

/**
   Lay out a server's answer to a query as a text table on `stream`: a SPARQL
   XML results document (bindings or boolean, media type
   application/sparql-results+xml) is parsed with rasqal; a Turtle graph
   (text/turtle) is passed through. `data` holds `length` bytes followed by a
   NUL; `source` names the server in errors. Anything else, or a document
   rasqal cannot read, is ASEANKG_ERR_SYNTAX with rasqal's message in `error`
   (nothing is logged to standard error); a failed write is ASEANKG_ERR_IO.
*/
AseankgStatus aseankg_remote_results_table(const char* data, size_t length, const char* content_type,
                                           const char* source, FILE* stream, AseankgError* error);

#endif /* ASEANKG_SRC_REMOTE_RESULTS_H */
