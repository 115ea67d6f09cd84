/* The readers behind aseankg_read_stream(), one per parser library. */
#ifndef ASEANKG_SRC_READER_PRIVATE_H
#define ASEANKG_SRC_READER_PRIVATE_H

#include "aseankg/ntriples.h"
#include "aseankg/status.h"

#include <stdio.h>

/**
   Read Turtle (or, with `trig` non-zero, TriG) from `stream` with serd,
   resolving relative IRIs against `base_iri` (an absolute IRI). Every value is
   checked after its escapes are decoded: well-formed UTF-8 without surrogates,
   absolute IRIs of allowed characters, language tags of the Turtle grammar.
   Brackets nested deeper than ASEANKG_MAX_NESTING are refused. Errors carry
   `path`, line and column.
*/
AseankgStatus aseankg_turtle_read(AseankgGraph* graph, FILE* stream, const char* path, const char* base_iri,
                                  int trig, const AseankgReadOptions* options, AseankgError* error);

#endif /* ASEANKG_SRC_READER_PRIVATE_H */
