/* The RDF writers behind aseankg_graph_write(): each returns a bare status, which writer.c records. */
#ifndef ASEANKG_SRC_WRITERS_H
#define ASEANKG_SRC_WRITERS_H

#include "aseankg/graph.h"
#include "aseankg/status.h"
#include "aseankg/turtle.h"

#include <stddef.h>
#include <stdio.h>

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
