/* The embedded SPARQL store: named graphs kept on disk, queried with librdf and rasqal. */
#ifndef ASEANKG_STORE_H
#define ASEANKG_STORE_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct AseankgStoreImpl AseankgStore;

/**
   Write the default store directory into `path`: $ASEANKG_STORE, else
   $XDG_DATA_HOME/aseankg/store, else ~/.local/share/aseankg/store.
   Returns `path`, or NULL if it does not fit or no home is known.
*/
ASEANKG_API char* aseankg_store_default_path(char* path, size_t size);

/**
   Open the store in directory `path`, creating it if needed. The store keeps
   one file of sorted canonical N-Triples per named graph and an index of
   them; loading rewrites only the graph loaded, atomically. On success the
   caller owns `*store`.
*/
ASEANKG_API AseankgStatus aseankg_store_open(AseankgStore** store, const char* path, AseankgError* error);

/** Close a store. Safe on NULL. */
ASEANKG_API void aseankg_store_free(AseankgStore* store);

/**
   Make the named graph `graph_iri` hold exactly the triples of `graph`
   (graph names in `graph` are ignored; blank nodes stay apart from those of
   other graphs). A graph loaded before under the same name is replaced;
   other graphs are untouched. `graph` is sorted. The queries see the union
   of the graphs, without GRAPH patterns: librdf's balanced-tree storage,
   chosen for speed, keeps no contexts.
*/
ASEANKG_API AseankgStatus aseankg_store_load(AseankgStore* store, const char* graph_iri, AseankgGraph* graph,
                                             AseankgError* error);

/** Number of named graphs and of triples in all of them. */
ASEANKG_API size_t aseankg_store_graphs(const AseankgStore* store);
ASEANKG_API size_t aseankg_store_triples(const AseankgStore* store);

/**
   Run a SPARQL 1.1 SELECT, ASK or CONSTRUCT query over the union of the
   store's graphs and write the results
   to `stream` as `format`: "table", or "csv", "tsv", "json" or "xml" (the W3C
   SPARQL results formats). CONSTRUCT results are written as Turtle for
   "table" and as N-Triples otherwise ("ntriples" asks for that alone).
*/
ASEANKG_API AseankgStatus aseankg_store_query(AseankgStore* store, const char* query, const char* format,
                                              FILE* stream, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_STORE_H */
