/* The store's SPARQL glue, shared by queries (store_query.c) and Update's WHERE clauses (store_update.c). */
#ifndef ASEANKG_SRC_STORE_QUERY_H
#define ASEANKG_SRC_STORE_QUERY_H

#include "store_private.h"

#include "buffer.h"

#include <rasqal.h>

/** A decoded term: kind, unescaped text, and language or datatype (pointing into the key). */
typedef struct {
  AseankgBuffer   value; /* first: the rest is zeroed per decode */
  AseankgTermKind kind;
  const char*     language;
  size_t          language_length;
  const char*     datatype;
  size_t          datatype_length;
} StoreTermView;

/** Slots of the cache of rasqal values by term id (a power of two). */
#define STORE_VALUE_CACHE 4096U

/** One query's state: its rasqal world, the dataset's graph ids, a scratch graph for term keys. */
typedef struct {
  AseankgStore*            store;
  AseankgStoreDefaultGraph default_graph;
  AseankgError*            error;
  const char*              label; /* names the query text in errors */
  rasqal_world*            world;
  AseankgGraph*            scratch;
  StoreTermView            view;
  uint64_t                 with_graph;       /* an update's WITH graph as the default graph, or 0 */
  int                      explicit_dataset; /* FROM, FROM NAMED, USING or USING NAMED given */
  uint64_t*                from;
  size_t                   n_from;
  uint64_t*                named;
  size_t                   n_named;
  /* The rasqal value of recently bound terms, by id modulo the size (0: empty): predicates and
   * subjects repeat from one quad to the next, and a dictionary read, a decode and an allocation per
   * binding would dominate a scan. */
  MDB_cursor* terms; /* reads terms by id for aseankg_store__value(), or NULL */
  /* Set when nothing reads the values the triple patterns bind (see only_counts() in store_query.c):
   * every match then binds this one value instead of its terms. */
  rasqal_literal* placeholder;
  uint64_t        cache_ids[STORE_VALUE_CACHE];
  rasqal_literal* cache_values[STORE_VALUE_CACHE];
} StoreQuery;

/** Decode canonical N-Triples `key` into `view`; -1 if it is not an IRI, blank node or literal. */
int aseankg_store__decode(const char* key, size_t length, StoreTermView* view);

/** A new rasqal value for a decoded term, or NULL if out of memory. */
rasqal_literal* aseankg_store__to_rasqal(rasqal_world* world, const StoreTermView* view);

/** The rasqal value's term interned in `scratch` (its key is canonical), or 0. */
AseankgTermId aseankg_store__from_rasqal(AseankgGraph* scratch, rasqal_literal* literal);

/** A new rasqal value for store term `id`, or NULL with the error recorded. */
rasqal_literal* aseankg_store__value(StoreQuery* query, uint64_t id);

/** Set up a query on `store`: a rasqal world reading the store, inside a read (or the open write)
 * transaction. */
AseankgStatus aseankg_store__query_start(StoreQuery* query, AseankgStore* store,
                                         AseankgStoreDefaultGraph default_graph, const char* label,
                                         AseankgError* error);

/** Parse `text` into `rq` and resolve its dataset against the store. */
AseankgStatus aseankg_store__query_prepare(StoreQuery* query, rasqal_query* rq, const char* text);

/** Release what aseankg_store__query_start() set up. */
void aseankg_store__query_finish(StoreQuery* query);

#endif /* ASEANKG_SRC_STORE_QUERY_H */
