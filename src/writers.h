/* The RDF writers behind aseankg_graph_write(): each returns a bare status, which writer.c records; and that
 * record. */
#ifndef ASEANKG_SRC_WRITERS_H
#define ASEANKG_SRC_WRITERS_H

#include "aseankg/graph.h"
#include "aseankg/status.h"
#include "aseankg/turtle.h"

#include <stddef.h>
#include <stdio.h>

/**
   Record in `error` (may be NULL) that writing to the stream named
   `file_name` failed with `st`, and return `st`; with a NULL `file_name` the
   error names the parameter "stream". The one wording of a failed write for
   every writer (RDF, DOT, HTML): "write error" for ASEANKG_ERR_IO (the stream
   reported an error), "out of memory" for ASEANKG_ERR_NOMEM, and for
   ASEANKG_ERR_DATA what JSON-LD cannot hold.
*/
AseankgStatus aseankg_write_failed(AseankgError* error, AseankgStatus st, const char* file_name);

/**
   Write the default-graph triples of sorted `graph` as Turtle (see
   aseankg_graph_write()). Returns ASEANKG_ERR_IO if the stream fails, or
   ASEANKG_ERR_NOMEM.
*/
AseankgStatus aseankg_turtle_write(const AseankgGraph* graph, FILE* stream, const AseankgPrefix* prefixes,
                                   size_t n_prefixes);

/**
   Write the default-graph triples of sorted `graph` as one compacted JSON-LD
   1.1 document (see aseankg/jsonld.h for the form). Returns ASEANKG_ERR_IO,
   ASEANKG_ERR_NOMEM, or ASEANKG_ERR_DATA for a triple term or a term that
   is not UTF-8.
*/
AseankgStatus aseankg_jsonld_write(const AseankgGraph* graph, FILE* stream, const AseankgPrefix* prefixes,
                                   size_t n_prefixes);

#endif /* ASEANKG_SRC_WRITERS_H */
