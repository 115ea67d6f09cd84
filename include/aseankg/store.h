/* The embedded quad store: named graphs on disk in LMDB, queried with rasqal, changed by SPARQL Update. */
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

/**
   A store: one directory holding an LMDB environment (data.mdb, lock.mdb)
   with a term dictionary and six quad indexes; docs/store.md describes the
   layout. Several processes may open one store at once: writers queue on
   LMDB's writer lock, readers never wait and see the state before or after
   each write, never between.
*/
typedef struct AseankgStoreImpl AseankgStore;

/** The on-disk format this library writes and reads. Newer stores are refused. */
#define ASEANKG_STORE_FORMAT 2

/** How to open a store. */
typedef enum {
  ASEANKG_STORE_READ  = 0, /**< The store must exist; nothing is created or changed on disk. */
  ASEANKG_STORE_WRITE = 1  /**< Create the store if missing; migrate an older format first. */
} AseankgStoreMode;

/** What a query's default graph is when the query names no FROM graph. */
typedef enum {
  ASEANKG_STORE_UNION    = 0, /**< The union of the default graph and every named graph (the default). */
  ASEANKG_STORE_SEPARATE = 1  /**< The store's own default graph only (named graphs only through GRAPH). */
} AseankgStoreDefaultGraph;

/**
   Write the default store directory into `path` (`size` bytes): $ASEANKG_STORE,
   else $XDG_DATA_HOME/aseankg/store, else ~/.local/share/aseankg/store.
   Returns `path`, or NULL if it does not fit or no home is known.
*/
ASEANKG_API char* aseankg_store_default_path(char* path, size_t size);

/**
   Open the store in directory `path`. With ASEANKG_STORE_READ a missing
   store is ASEANKG_ERR_IO and nothing is created. With ASEANKG_STORE_WRITE
   the directory is created if needed, and a store of format 0 (the former
   directory of N-Triples files with graphs.tsv) is migrated into the new
   format in one transaction, its old files removed only after the commit.
   Errors: ASEANKG_ERR_IO (cannot open or create, or a format-0 store opened
   for reading), ASEANKG_ERR_DATA (not an aseankg store, a newer format, or a
   damaged or truncated file), ASEANKG_ERR_NOMEM. On success the caller owns
   `*store` and frees it with aseankg_store_free().
*/
ASEANKG_API AseankgStatus aseankg_store_open(AseankgStore** store, const char* path, AseankgStoreMode mode,
                                             AseankgError* error);

/**
   The format of an older store at `path` that aseankg_store_open() with
   ASEANKG_STORE_WRITE migrates (0: the directory of N-Triples files; 1: the
   first LMDB layout), or -1 when there is no such store there (none at all,
   one of the current format, or not a store). Only reads.
*/
ASEANKG_API int aseankg_store_old_format(const char* path);

/** Close a store, aborting an open write transaction. Safe on NULL. */
ASEANKG_API void aseankg_store_free(AseankgStore* store);

/**
   Start a write transaction, waiting while another process writes. Every
   change until aseankg_store_commit() becomes visible at once or not at all;
   a process killed before the commit leaves the store as it was.
   Errors: ASEANKG_ERR_USAGE (opened for reading, or a transaction is open),
   ASEANKG_ERR_IO.
*/
ASEANKG_API AseankgStatus aseankg_store_begin(AseankgStore* store, AseankgError* error);

/** Make the changes since aseankg_store_begin() durable. ASEANKG_ERR_IO (e.g. disk full) undoes them all. */
ASEANKG_API AseankgStatus aseankg_store_commit(AseankgStore* store, AseankgError* error);

/** Drop the changes since aseankg_store_begin(). Safe without an open transaction. */
ASEANKG_API void aseankg_store_abort(AseankgStore* store);

/**
   Inside a write transaction, make the graph named `graph_iri` (NULL: the
   default graph) hold exactly the triples of `graph` (whose own graph names
   are ignored). Blank nodes get labels new to the store, so they never merge
   with blank nodes already stored. Errors: ASEANKG_ERR_USAGE (no
   transaction), ASEANKG_ERR_IRI (`graph_iri` not an absolute IRI),
   ASEANKG_ERR_IO, ASEANKG_ERR_NOMEM.
*/
ASEANKG_API AseankgStatus aseankg_store_replace(AseankgStore* store, const char* graph_iri,
                                                const AseankgGraph* graph, AseankgError* error);

/**
   Inside a write transaction, make the graph named `graph_iri` (NULL: the
   default graph) hold exactly the triples read from the files `paths[0 ..
   n_paths)` ("-" for standard input) in `syntax` (NULL: from each file's
   extension, as aseankg_read_path() says); the files' own graph names are
   ignored. Blank nodes get labels new to the store; equal labels in the files
   of one call are one node. The input is streamed: memory holds a bounded
   batch of terms, each distinct blank label and 16 bytes per triple, never
   the files. Errors: those of aseankg_read_path() (file, line, column),
   ASEANKG_ERR_USAGE (no transaction), ASEANKG_ERR_IRI (`graph_iri` not an
   absolute IRI), ASEANKG_ERR_DATA (a damaged store, or one that would need
   more than 2^32 - 1 term ids), ASEANKG_ERR_IO (the map size reached too),
   ASEANKG_ERR_NOMEM; the transaction should then be aborted.
*/
ASEANKG_API AseankgStatus aseankg_store_load(AseankgStore* store, const char* graph_iri,
                                             const char* const* paths, size_t n_paths, const char* syntax,
                                             AseankgError* error);

/**
   Count the named graphs (`*graphs`) and the quads of every graph, the
   default graph included (`*triples`).
*/
ASEANKG_API AseankgStatus aseankg_store_count(AseankgStore* store, size_t* graphs, size_t* triples,
                                              AseankgError* error);

/**
   Run a SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query and write the
   results to `stream` as `results_format`: "table", "csv", "tsv", "json" (SPARQL 1.1
   Query Results JSON, RFC 8259 strings: astral characters as UTF-16
   surrogate pairs), "xml" (SPARQL Query Results XML; a character XML 1.0
   cannot carry is ASEANKG_ERR_DATA, never dropped) or "ntriples". Graph
   results are canonical N-Triples (aseankg_ntriples_write()), except for
   "table", which writes Turtle. FROM and FROM NAMED choose the dataset;
   without them the named graphs are every graph in the store and the default
   graph is chosen by `default_graph`. `source` is the name of the query
   text, the "file" of every error about it (the file it was read from, or
   what the caller calls it, e.g. "query"); borrowed, not NULL. Errors:
   ASEANKG_ERR_USAGE (unknown format, or "ntriples" for a SELECT or ASK,
   about the parameter "results_format"), ASEANKG_ERR_SYNTAX (the query, named
   `source`, with line and column), ASEANKG_ERR_DATA (a damaged store; a
   value the results format cannot carry, named `source`), ASEANKG_ERR_IO (a
   failed write to `stream`, which names the parameter "stream"),
   ASEANKG_ERR_NOMEM.
*/
ASEANKG_API AseankgStatus aseankg_store_query(AseankgStore* store, const char* query, const char* source,
                                              const char*              results_format,
                                              AseankgStoreDefaultGraph default_graph, FILE* stream,
                                              AseankgError* error);

/**
   Execute a SPARQL 1.1 Update request (INSERT DATA, DELETE DATA, DELETE/INSERT
   WHERE, DELETE WHERE, LOAD is refused, CLEAR, DROP, CREATE, ADD, MOVE, COPY)
   as one transaction: every operation applies or none does. WHERE clauses see
   the dataset as aseankg_store_query() with `default_graph` does. The store
   must be open for writing and have no open transaction. `source` names the
   request text in every error about it, as aseankg_store_query()'s does
   (borrowed, not NULL). Errors: as aseankg_store_query(), plus ASEANKG_ERR_DATA for an operation SPARQL says
   fails (CREATE of an existing graph, DROP of a missing one, without SILENT).
   A request of nothing but white space and comments (SPARQL 1.1 Update's empty
   request) changes nothing and succeeds.
*/
ASEANKG_API AseankgStatus aseankg_store_update(AseankgStore* store, const char* request, const char* source,
                                               AseankgStoreDefaultGraph default_graph, AseankgError* error);

/**
   Write one line per graph to `stream`: the triple count, a tab, and the
   graph's IRI in angle brackets; the default graph, when it holds triples,
   comes first as "DEFAULT". Named graphs come in IRI byte order.
*/
ASEANKG_API AseankgStatus aseankg_store_list(AseankgStore* store, FILE* stream, AseankgError* error);

/**
   Write the graph named `graph_iri` (NULL: the default graph) to `stream` as
   sorted canonical N-Triples. A graph the store does not hold is
   ASEANKG_ERR_DATA (so is a damaged store); ASEANKG_ERR_IO (the stream
   failed: "write error") and ASEANKG_ERR_NOMEM name the parameter "stream",
   for the caller, who knows what the stream is, to name it.
*/
ASEANKG_API AseankgStatus aseankg_store_dump(AseankgStore* store, const char* graph_iri, FILE* stream,
                                             AseankgError* error);

/**
   Write every graph to `stream` as sorted canonical N-Quads (default-graph
   triples without a name). Errors as aseankg_store_dump()'s.
*/
ASEANKG_API AseankgStatus aseankg_store_dump_all(AseankgStore* store, FILE* stream, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_STORE_H */
