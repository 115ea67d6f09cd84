/* A Turtle writer for sorted graphs: prefixes, one block per subject, deterministic layout. */
#ifndef ASEANKG_TURTLE_H
#define ASEANKG_TURTLE_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  const char* name;          /**< e.g. "skos" */
  const char* namespace_iri; /**< e.g. "http://www.w3.org/2004/02/skos/core#" */
} AseankgPrefix;

/**
   Write the default-graph triples of `graph` as Turtle. Call
   aseankg_graph_sort() first: subjects appear in that order, each with its
   rdf:type first (as `a`) and then its other predicates in order, objects of
   one predicate joined with commas. An IRI is abbreviated with the longest
   namespace in `prefixes` that leaves a plain local name; only the prefixes
   used are declared, sorted by name. Named-graph quads are not written.
*/
ASEANKG_API AseankgStatus aseankg_turtle_write(const AseankgGraph* graph, FILE* stream,
                                               const AseankgPrefix* prefixes, size_t n_prefixes);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_TURTLE_H */
