/* Store internals shared by the core (store.c), the SPARQL glue (store_query.c) and Update (store_update.c).
 */
#ifndef ASEANKG_SRC_STORE_PRIVATE_H
#define ASEANKG_SRC_STORE_PRIVATE_H

#include "aseankg/graph.h"
#include "aseankg/status.h"
#include "aseankg/store.h"

#include <lmdb.h>
#include <stddef.h>
#include <stdint.h>

/* Quad positions; a term id is never 0, graph 0 is the default graph. */
enum { STORE_S = 0, STORE_P = 1, STORE_O = 2, STORE_G = 3 };

/* Which positions of a pattern are bound: one bit per position. */
#define STORE_BOUND(position) (1U << (position))

#define STORE_INDEXES 6

struct AseankgStoreImpl {
  char*    path;
  MDB_env* env;
  MDB_txn* txn; /* the open transaction, or NULL */
  int      writing;
  int      writable; /* opened with ASEANKG_STORE_WRITE */
  MDB_dbi  meta, terms, hashes, graphs;
  MDB_dbi  index[STORE_INDEXES];
};

/** A range scan over one index: every quad matching the bound positions of a pattern. */
typedef struct {
  MDB_cursor*   cursor;
  unsigned      index;
  unsigned char prefix[32];
  size_t        prefix_length;
  uint64_t      quad[4]; /* the current quad, S P O G */
  int           started;
} StoreScan;

/** Start a read transaction if none is open (queries, listing). */
AseankgStatus aseankg_store__read_begin(AseankgStore* store, AseankgError* error);

/** End the transaction aseankg_store__read_begin() opened (a no-op inside a write transaction). */
void aseankg_store__read_end(AseankgStore* store);

/** The id of the term whose canonical N-Triples form is `key`, or 0 in `*id` if the store has none. */
AseankgStatus aseankg_store__lookup(AseankgStore* store, const char* key, size_t length, uint64_t* id,
                                    AseankgError* error);

/** As aseankg_store__lookup(), adding the term when it is new (write transaction only). */
AseankgStatus aseankg_store__intern(AseankgStore* store, const char* key, size_t length, uint64_t* id,
                                    AseankgError* error);

/** A fresh blank node ("_:bN", N never used before in this store) in `*id`. */
AseankgStatus aseankg_store__fresh_blank(AseankgStore* store, uint64_t* id, AseankgError* error);

/** The canonical N-Triples bytes of term `id`, valid until the transaction ends. */
AseankgStatus aseankg_store__term(AseankgStore* store, uint64_t id, const char** key, size_t* length,
                                  AseankgError* error);

/**
   As aseankg_store__term(), through `*cursor` on the terms table (opened here when NULL; the caller closes
   it with mdb_cursor_close() before the transaction ends): LMDB searches the cursor's current page
   first, so ids read in nearly increasing order cost no descent of the tree.
*/
AseankgStatus aseankg_store__term_near(AseankgStore* store, MDB_cursor** cursor, uint64_t id,
                                       const char** key, size_t* length, AseankgError* error);

/** Add a quad; `*changed` says whether it was new. Creates the graph if needed. */
AseankgStatus aseankg_store__add(AseankgStore* store, const uint64_t quad[4], int* changed,
                                 AseankgError* error);

/** Remove a quad; `*changed` says whether it was there. */
AseankgStatus aseankg_store__remove(AseankgStore* store, const uint64_t quad[4], int* changed,
                                    AseankgError* error);

/** Whether graph `graph` exists (the default graph always does), and its quad count. */
AseankgStatus aseankg_store__graph_info(AseankgStore* store, uint64_t graph, int* exists, uint64_t* count,
                                        AseankgError* error);

/** Make named graph `graph` exist (empty if new). */
AseankgStatus aseankg_store__graph_create(AseankgStore* store, uint64_t graph, AseankgError* error);

/** Remove every quad of `graph`; with `drop`, forget the named graph too. */
AseankgStatus aseankg_store__graph_clear(AseankgStore* store, uint64_t graph, int drop, AseankgError* error);

/** Every existing named graph's id, in a new array the caller frees. */
AseankgStatus aseankg_store__named_graphs(AseankgStore* store, uint64_t** graphs, size_t* count,
                                          AseankgError* error);

/** Open a scan of the quads matching `pattern` at the positions in `bound`. */
AseankgStatus aseankg_store__scan_open(AseankgStore* store, StoreScan* scan, const uint64_t pattern[4],
                                       unsigned bound, AseankgError* error);

/** Move to the next match: 1 and the quad in scan->quad, or 0 at the end; -1 on a store error. */
int aseankg_store__scan_next(StoreScan* scan);

/** Close a scan. Safe on a zeroed or closed one. */
void aseankg_store__scan_close(StoreScan* scan);

/** Record an LMDB failure `rc` while doing `what`, as ASEANKG_ERR_DATA for damage, else ASEANKG_ERR_IO. */
AseankgStatus aseankg_store__fail(AseankgStore* store, int rc, const char* what, AseankgError* error);

#endif /* ASEANKG_SRC_STORE_PRIVATE_H */
