/* The store's API on a real LMDB store in a temporary directory: opening modes, transactions, named
 * graphs, SPARQL queries and updates, exact results, and the errors each call documents. */
#include "aseankg/aseankg.h"
#include "aseankg/store.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <lmdb.h>

static char directory[] = "/tmp/aseankg-test-store-XXXXXX";

static void
remove_tree(const char* const path)
{
  char command[256];
  snprintf(command, sizeof(command), "rm -rf '%s'", path);
  assert_int_equal(system(command), 0);
}

/* A fresh store path under the test directory (not created). */
static const char*
store_path(const char* const name)
{
  static char path[256];
  snprintf(path, sizeof(path), "%s/%s", directory, name);
  return path;
}

/* A graph of `n` triples <http://ex.org/sI> <http://ex.org/p> "I" , plus one with a blank node. */
static AseankgGraph*
small_graph(const unsigned n)
{
  AseankgGraph* const graph = aseankg_graph_new();
  assert_non_null(graph);
  const AseankgTermId p = aseankg_graph_iri(graph, "http://ex.org/p", 15U);
  for (unsigned i = 0U; i < n; ++i) {
    char      subject[64];
    char      value[16];
    const int s = snprintf(subject, sizeof(subject), "http://ex.org/s%u", i);
    const int v = snprintf(value, sizeof(value), "%u", i);
    assert_int_equal(aseankg_graph_add(graph, aseankg_graph_iri(graph, subject, (size_t)s), p,
                                       aseankg_graph_literal(graph, value, (size_t)v, 0U, NULL, NULL), 0U),
                     ASEANKG_SUCCESS);
  }
  assert_int_equal(aseankg_graph_add(graph, aseankg_graph_blank(graph, "x", 1U), p,
                                     aseankg_graph_iri(graph, "http://ex.org/o", 15U), 0U),
                   ASEANKG_SUCCESS);
  return graph;
}

static void
counts(AseankgStore* const store, size_t* const graphs, size_t* const triples)
{
  AseankgError error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_count(store, graphs, triples, &error), ASEANKG_SUCCESS);
}

/* Run `query` and return its results as text (caller frees). */
static char*
run_query(AseankgStore* const store, const char* const query, const char* const format, AseankgStatus* st)
{
  char*        text = NULL;
  size_t       size = 0U;
  FILE* const  out  = open_memstream(&text, &size);
  AseankgError error;
  aseankg_error_clear(&error);
  assert_non_null(out);
  *st = aseankg_store_query(store, query, "query", format, ASEANKG_STORE_UNION, out, &error);
  fclose(out);
  return text;
}

static void
test_free_null(void** state)
{
  (void)state;
  aseankg_store_free(NULL);
}

static void
test_read_mode_creates_nothing(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  const char* const path = store_path("missing/store");
  assert_int_equal(aseankg_store_open(&store, path, ASEANKG_STORE_READ, &error), ASEANKG_ERR_IO);
  assert_null(store);
  struct stat status;
  assert_int_not_equal(stat(store_path("missing"), &status), 0);
}

static void
test_transactions(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, store_path("tx"), ASEANKG_STORE_WRITE, &error),
                   ASEANKG_SUCCESS);
  AseankgGraph* const graph = small_graph(100U);

  /* Without a transaction, replace is a usage error. */
  assert_int_equal(aseankg_store_replace(store, "http://ex.org/g1", graph, &error), ASEANKG_ERR_USAGE);
  aseankg_error_clear(&error);

  /* Committed: visible, and the graph is counted once per triple. */
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_ERR_USAGE); /* one at a time */
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_replace(store, "http://ex.org/g1", graph, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_commit(store, &error), ASEANKG_SUCCESS);
  size_t graphs  = 0U;
  size_t triples = 0U;
  counts(store, &graphs, &triples);
  assert_int_equal(graphs, 1U);
  assert_int_equal(triples, 101U);

  /* Aborted: nothing of it stays. */
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_replace(store, "http://ex.org/g2", graph, &error), ASEANKG_SUCCESS);
  aseankg_store_abort(store);
  counts(store, &graphs, &triples);
  assert_int_equal(graphs, 1U);
  assert_int_equal(triples, 101U);

  /* A bad graph name is an error about the argument, not a file. */
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_replace(store, "not an iri", graph, &error), ASEANKG_ERR_IRI);
  assert_string_equal(error.parameter, "graph_iri");
  aseankg_store_abort(store);

  /* Replacing keeps the blank node apart: a second load of the same graph elsewhere adds a new one. */
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_replace(store, "http://ex.org/g2", graph, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_commit(store, &error), ASEANKG_SUCCESS);
  AseankgStatus st = ASEANKG_SUCCESS;
  char*         text =
    run_query(store, "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b ?p <http://ex.org/o> }", "csv", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_string_equal(text, "n\r\n2\r\n");
  free(text);

  aseankg_graph_free(graph);
  aseankg_store_free(store);
}

/* Write `text` to a file under the test directory and return its path (static buffer per slot). */
static const char*
write_file(const char* const name, const char* const text, const unsigned slot)
{
  static char paths[2][256];
  snprintf(paths[slot], sizeof(paths[slot]), "%s/%s", directory, name);
  FILE* const stream = fopen(paths[slot], "wb");
  assert_non_null(stream);
  assert_int_equal(fputs(text, stream) >= 0, 1);
  assert_int_equal(fclose(stream), 0);
  return paths[slot];
}

static void
test_streaming_load(void** state)
{
  (void)state;
  /* More terms than one batch of the loader holds: the blank node before the batch is forgotten and the
   * one after it are still one node, and every triple arrives. */
  const unsigned n      = 70000U;
  char* const    text   = (char*)malloc((size_t)n * 64U + 256U);
  size_t         length = 0U;
  assert_non_null(text);
  length += (size_t)sprintf(text + length, "_:x <http://ex.org/p> <http://ex.org/o> .\n");
  for (unsigned i = 0U; i < n; ++i) {
    length += (size_t)sprintf(text + length, "<http://ex.org/s%u> <http://ex.org/p> \"%u\" .\n", i, i);
  }
  sprintf(text + length,
          "_:x <http://ex.org/q> <http://ex.org/o> .\n_:y <http://ex.org/q> <http://ex.org/o> .\n");
  const char* paths[2] = { write_file("big.nt", text, 0U), NULL };
  free(text);

  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, store_path("stream"), ASEANKG_STORE_WRITE, &error),
                   ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_load(store, "http://ex.org/g", paths, 1U, NULL, &error), ASEANKG_ERR_USAGE);
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_load(store, "http://ex.org/g", paths, 1U, NULL, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_commit(store, &error), ASEANKG_SUCCESS);
  size_t graphs  = 0U;
  size_t triples = 0U;
  counts(store, &graphs, &triples);
  assert_int_equal(graphs, 1U);
  assert_int_equal(triples, n + 3U);
  AseankgStatus st = ASEANKG_SUCCESS;
  char*         answer =
    run_query(store, "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b ?p <http://ex.org/o> }", "csv", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_string_equal(answer, "n\r\n2\r\n");
  free(answer);
  answer = run_query(store, "SELECT ?v WHERE { <http://ex.org/s69999> <http://ex.org/p> ?v }", "csv", &st);
  assert_string_equal(answer, "v\r\n69999\r\n");
  free(answer);

  /* A bad second file: its position is reported, and the aborted transaction keeps the first load. */
  paths[1] =
    write_file("bad.nt", "<http://ex.org/a> <http://ex.org/p> \"1\" .\n<http://ex.org/a> oops .\n", 1U);
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_load(store, "http://ex.org/g", paths, 2U, "ntriples", &error),
                   ASEANKG_ERR_SYNTAX);
  assert_string_equal(error.file, paths[1]);
  assert_int_equal(error.line, 2U);
  aseankg_store_abort(store);
  counts(store, &graphs, &triples);
  assert_int_equal(triples, n + 3U);
  aseankg_store_free(store);
}

/* Rewrite a format-2 store at `path` into format 1's layout (the same tables, 64-bit big-endian ids in
 * 32-byte index keys, format record "aseankg-store 1"), straight through LMDB. */
static void
make_format1(const char* const path)
{
  static const char* const indexes[6] = { "spog", "posg", "ospg", "gspo", "gpos", "gosp" };
  MDB_env*                 env        = NULL;
  MDB_txn*                 txn        = NULL;
  assert_int_equal(mdb_env_create(&env), 0);
  assert_int_equal(mdb_env_set_maxdbs(env, 16U), 0);
  assert_int_equal(mdb_env_set_mapsize(env, (size_t)1U << 30U), 0);
  assert_int_equal(mdb_env_open(env, path, 0U, 0644), 0);
  assert_int_equal(mdb_txn_begin(env, NULL, 0U, &txn), 0);
  for (unsigned i = 0U; i < 6U; ++i) {
    MDB_dbi       dbi    = 0U;
    MDB_cursor*   cursor = NULL;
    MDB_val       k;
    MDB_val       v;
    unsigned char keys[256][16];
    size_t        n = 0U;
    assert_int_equal(mdb_dbi_open(txn, indexes[i], 0U, &dbi), 0);
    assert_int_equal(mdb_cursor_open(txn, dbi, &cursor), 0);
    for (int rc = mdb_cursor_get(cursor, &k, &v, MDB_FIRST); !rc;
         rc     = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)) {
      assert_int_equal(k.mv_size, 16U);
      assert_true(n < 256U);
      memcpy(keys[n++], k.mv_data, 16U);
    }
    mdb_cursor_close(cursor);
    assert_true(n > 0U);
    assert_int_equal(mdb_drop(txn, dbi, 0), 0);
    for (size_t q = 0U; q < n; ++q) {
      unsigned char wide[32];
      memset(wide, 0, sizeof(wide));
      for (size_t c = 0U; c < 4U; ++c) {
        memcpy(wide + 8U * c + 4U, keys[q] + 4U * c, 4U);
      }
      MDB_val key   = { 32U, wide };
      MDB_val empty = { 0U, NULL };
      assert_int_equal(mdb_put(txn, dbi, &key, &empty, 0U), 0);
    }
  }
  MDB_dbi meta = 0U;
  assert_int_equal(mdb_dbi_open(txn, "meta", 0U, &meta), 0);
  char    name[]  = "format";
  char    value[] = "aseankg-store 1";
  MDB_val key     = { strlen(name), name };
  MDB_val data    = { strlen(value), value };
  assert_int_equal(mdb_put(txn, meta, &key, &data, 0U), 0);
  assert_int_equal(mdb_txn_commit(txn), 0);
  mdb_env_close(env);
}

static void
test_format1_is_migrated_when_written(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  const char* const path = store_path("format1");
  assert_int_equal(aseankg_store_open(&store, path, ASEANKG_STORE_WRITE, &error), ASEANKG_SUCCESS);
  AseankgGraph* const graph = small_graph(40U);
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_replace(store, "http://ex.org/g1", graph, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_commit(store, &error), ASEANKG_SUCCESS);
  aseankg_graph_free(graph);
  aseankg_store_free(store);
  store = NULL;
  make_format1(path);

  /* Read-only, it is refused with what migrates it; opened for writing, it is migrated and answers. */
  assert_int_equal(aseankg_store_open(&store, path, ASEANKG_STORE_READ, &error), ASEANKG_ERR_DATA);
  assert_non_null(strstr(error.message, "format 1"));
  assert_non_null(strstr(error.message, "opening it for writing migrates it"));
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, path, ASEANKG_STORE_WRITE, &error), ASEANKG_SUCCESS);
  aseankg_store_free(store);
  store = NULL;
  assert_int_equal(aseankg_store_open(&store, path, ASEANKG_STORE_READ, &error), ASEANKG_SUCCESS);
  size_t graphs  = 0U;
  size_t triples = 0U;
  counts(store, &graphs, &triples);
  assert_int_equal(graphs, 1U);
  assert_int_equal(triples, 41U);
  AseankgStatus st   = ASEANKG_SUCCESS;
  char*         text = run_query(
            store, "SELECT ?g ?v WHERE { GRAPH ?g { <http://ex.org/s39> <http://ex.org/p> ?v } }", "csv", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_string_equal(text, "g,v\r\nhttp://ex.org/g1,39\r\n");
  free(text);
  text = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://ex.org/p> ?o }", "csv", &st);
  assert_string_equal(text, "n\r\n41\r\n");
  free(text);
  aseankg_store_free(store);
}

/* A query that only counts binds no values (store_query.c, only_counts()): its answers must be those of
 * the same count over a query that reads the values. */
static void
test_counting_matches_reading(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, store_path("count"), ASEANKG_STORE_WRITE, &error),
                   ASEANKG_SUCCESS);
  /* The same triple in two graphs (the union default graph holds it once), a repeated variable, a
   * literal. */
  static const char* const data[2] = {
    "INSERT DATA { GRAPH <http://ex.org/g1> { <http://ex.org/a> <http://ex.org/p> <http://ex.org/a> . "
    "<http://ex.org/a> <http://ex.org/p> \"1\" . <http://ex.org/b> <http://ex.org/q> <http://ex.org/a> } }",
    "INSERT DATA { GRAPH <http://ex.org/g2> { <http://ex.org/a> <http://ex.org/p> \"1\" } }",
  };
  for (size_t i = 0U; i < 2U; ++i) {
    assert_int_equal(aseankg_store_update(store, data[i], "update", ASEANKG_STORE_UNION, &error),
                     ASEANKG_SUCCESS);
  }
  /* Each query, its answer, and the same query with FILTER(true), which makes the store read the values. */
  static const char* const cases[][3] = {
    { "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "3",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(true) }" },
    { "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?s }", "1",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?s FILTER(true) }" },
    { "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://ex.org/p> ?o }", "2",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://ex.org/p> ?o FILTER(true) }" },
    { "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?x ?y ?z }", "9",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?x ?y ?z FILTER(true) }" },
    { "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "4",
      "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o FILTER(true) } }" },
    /* not counting only: a join, a FILTER, DISTINCT, VALUES, GROUP BY */
    { "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?o ?q ?r }", "4", NULL },
    { "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?o)) }", "2", NULL },
    { "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }", "2", NULL },
    { "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } VALUES ?s { <http://ex.org/b> }", "1", NULL },
    { "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY ?n", "1\r\n2", NULL },
  };
  for (size_t i = 0U; i < sizeof(cases) / sizeof(cases[0]); ++i) {
    AseankgStatus st   = ASEANKG_SUCCESS;
    char* const   text = run_query(store, cases[i][0], "csv", &st);
    assert_int_equal(st, ASEANKG_SUCCESS);
    char expected[64];
    snprintf(expected, sizeof(expected), "n\r\n%s\r\n", cases[i][1]);
    assert_string_equal(text, expected);
    if (cases[i][2]) {
      char* const reading = run_query(store, cases[i][2], "csv", &st);
      assert_int_equal(st, ASEANKG_SUCCESS);
      assert_string_equal(reading, text);
      free(reading);
    }
    free(text);
  }
  aseankg_store_free(store);
}

static void
test_read_only_store_refuses_writes(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, store_path("ro"), ASEANKG_STORE_WRITE, &error),
                   ASEANKG_SUCCESS);
  aseankg_store_free(store);
  store = NULL;
  assert_int_equal(aseankg_store_open(&store, store_path("ro"), ASEANKG_STORE_READ, &error), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_begin(store, &error), ASEANKG_ERR_USAGE);
  aseankg_store_free(store);
}

static void
test_update_is_one_transaction(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, store_path("up"), ASEANKG_STORE_WRITE, &error),
                   ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_update(store,
                                        "INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/a> "
                                        "<http://ex.org/p> \"1\" } }",
                                        "update", ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  /* The second operation fails (the graph exists): the first one must not stay. */
  assert_int_equal(aseankg_store_update(store,
                                        "INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/b> "
                                        "<http://ex.org/p> \"2\" } } ; CREATE GRAPH <http://ex.org/g>",
                                        "request.ru", ASEANKG_STORE_UNION, &error),
                   ASEANKG_ERR_DATA);
  assert_string_equal(error.file, "request.ru"); /* the error names the request as the caller does */
  aseankg_error_clear(&error);
  size_t graphs  = 0U;
  size_t triples = 0U;
  counts(store, &graphs, &triples);
  assert_int_equal(triples, 1U);
  /* CREATE SILENT of an existing graph is no error. */
  assert_int_equal(aseankg_store_update(store, "CREATE SILENT GRAPH <http://ex.org/g>", "update",
                                        ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);

  /* DELETE/INSERT without WITH, templates in GRAPH blocks (rasqal's grammar needs help here). */
  assert_int_equal(aseankg_store_update(store,
                                        "PREFIX ex: <http://ex.org/>\n"
                                        "DELETE { GRAPH ex:g { ?s ex:p \"1\" } }\n"
                                        "INSERT { GRAPH ex:h { ?s ex:p \"one\" } }\n"
                                        "WHERE { GRAPH ex:g { ?s ex:p \"1\" } }",
                                        "update", ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  AseankgStatus st   = ASEANKG_SUCCESS;
  char*         text = run_query(store, "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }", "csv", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_string_equal(text, "g,o\r\nhttp://ex.org/h,one\r\n");
  free(text);

  /* WITH names the graph of templates without GRAPH and of the WHERE clause. */
  assert_int_equal(
    aseankg_store_update(store,
                         "PREFIX ex: <http://ex.org/>\n"
                         "WITH ex:h DELETE { ?s ex:p ?o } INSERT { ?s ex:q ?o } WHERE { ?s ex:p ?o }",
                         "update", ASEANKG_STORE_UNION, &error),
    ASEANKG_SUCCESS);
  text = run_query(store, "SELECT ?g ?p WHERE { GRAPH ?g { ?s ?p ?o } }", "csv", &st);
  assert_string_equal(text, "g,p\r\nhttp://ex.org/h,http://ex.org/q\r\n");
  free(text);

  /* LOAD reads no network. */
  assert_int_equal(
    aseankg_store_update(store, "LOAD <http://ex.org/x>", "update", ASEANKG_STORE_UNION, &error),
    ASEANKG_ERR_USAGE);
  aseankg_store_free(store);
}

/* SPARQL 1.1 Update 3.1.1: a blank node label names one fresh node throughout an INSERT DATA block, in
 * the default graph and in GRAPH blocks alike (rasqal takes such a block only in parts), and no node
 * of the store nor a [] of the request. */
static void
test_insert_data_label_is_one_node(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, store_path("bnode"), ASEANKG_STORE_WRITE, &error),
                   ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_update(store, "INSERT DATA { _:b <http://ex.org/p> \"old\" }", "update",
                                        ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  assert_int_equal(aseankg_store_update(store,
                                        "PREFIX ex: <http://ex.org/>\n"
                                        "INSERT DATA { _:b ex:p \"d\" . GRAPH ex:g { _:b ex:p \"g\" }\n"
                                        "  GRAPH ex:h { _:b ex:q [ ex:r _:c ] } _:c ex:p \"c\" }",
                                        "update", ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  AseankgStatus st   = ASEANKG_SUCCESS;
  char*         text = run_query(store,
                                 "PREFIX ex: <http://ex.org/>\n"
                                         "SELECT (COUNT(*) AS ?n) WHERE { ?x ex:p \"d\" . GRAPH ex:g { ?x ex:p \"g\" }\n"
                                         "  GRAPH ex:h { ?x ex:q ?y . ?y ex:r ?z } ?z ex:p \"c\" }",
                                 "csv", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_string_equal(text, "n\r\n1\r\n");
  free(text);
  /* The request's _:b is not the store's _:b. */
  text = run_query(store, "SELECT ?o WHERE { ?x <http://ex.org/p> \"old\" , ?o }", "csv", &st);
  assert_string_equal(text, "o\r\nold\r\n");
  free(text);
  size_t graphs  = 0U;
  size_t triples = 0U;
  counts(store, &graphs, &triples);
  assert_int_equal(triples, 6U);

  /* rasqal's own name for a [] is no label's name. */
  assert_int_equal(
    aseankg_store_update(store,
                         "INSERT DATA { [] <http://ex.org/p> \"anon\" . "
                         "_:bnodeid1 <http://ex.org/p> \"named\" . _:r1 <http://ex.org/p> \"r\" }",
                         "update", ASEANKG_STORE_UNION, &error),
    ASEANKG_SUCCESS);
  text = run_query(store, "SELECT ?o WHERE { ?x <http://ex.org/p> \"anon\" , ?o }", "csv", &st);
  assert_string_equal(text, "o\r\nanon\r\n");
  free(text);
  aseankg_store_free(store);
}

static void
test_exact_results(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, store_path("exact"), ASEANKG_STORE_WRITE, &error),
                   ASEANKG_SUCCESS);
  assert_int_equal(
    aseankg_store_update(store,
                         "INSERT DATA { <http://ex.org/a> <http://ex.org/p> \"\xF0\x9F\x98\x8A "
                         "\xE4\xB8\x9C\xE7\x9B\x9F\" }",
                         "update", ASEANKG_STORE_UNION, &error),
    ASEANKG_SUCCESS);
  AseankgStatus st   = ASEANKG_SUCCESS;
  char*         text = run_query(store, "SELECT ?o WHERE { ?s ?p ?o }", "json", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  /* RFC 8259: an astral character is a UTF-16 surrogate pair, or the raw UTF-8; never \U. */
  assert_null(strstr(text, "\\U"));
  assert_true(strstr(text, "\\ud83d\\ude0a") || strstr(text, "\\uD83D\\uDE0A") ||
              strstr(text, "\xF0\x9F\x98\x8A"));
  assert_non_null(strstr(text, "\xE4\xB8\x9C\xE7\x9B\x9F"));
  free(text);

  /* An empty answer still names its columns. */
  text = run_query(store, "SELECT ?x ?y WHERE { ?x <http://ex.org/none> ?y }", "csv", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_string_equal(text, "x,y\r\n");
  free(text);

  /* An unknown format is an error about that argument. */
  text = run_query(store, "SELECT * WHERE { ?s ?p ?o }", "yaml", &st);
  assert_int_equal(st, ASEANKG_ERR_USAGE);
  free(text);

  /* XML 1.0 carries U+007F (it must come back, not be dropped) but no C0 control such as U+0001. */
  assert_int_equal(aseankg_store_update(store,
                                        "INSERT DATA { <http://ex.org/c> <http://ex.org/p> \"a\\u007Fb\" }",
                                        "update", ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  text = run_query(store, "SELECT ?o WHERE { <http://ex.org/c> ?p ?o }", "xml", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(text, "a\x7F"
                               "b"));
  free(text);
  assert_int_equal(aseankg_store_update(store,
                                        "INSERT DATA { <http://ex.org/b> <http://ex.org/p> \"\\u0001\" }",
                                        "update", ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  text = run_query(store, "SELECT ?o WHERE { <http://ex.org/b> ?p ?o }", "xml", &st);
  assert_int_equal(st, ASEANKG_ERR_DATA);
  free(text);
  /* The error names the query that selected the value. */
  FILE* const sink = fopen("/dev/null", "w");
  assert_non_null(sink);
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_query(store, "SELECT ?o WHERE { <http://ex.org/b> ?p ?o }", "control.rq",
                                       "xml", ASEANKG_STORE_UNION, sink, &error),
                   ASEANKG_ERR_DATA);
  assert_string_equal(error.file, "control.rq");
  assert_non_null(strstr(error.message, "U+0001"));
  fclose(sink);

  /* A stream that cannot be written is a write error about the parameter "stream" (the text table is
     laid out by table.c, which leaves a failed write to its caller's flush). */
  static const char* const formats[] = { "csv", "tsv", "json", "xml", "ntriples" };
  FILE* const              read_only = fopen("/dev/null", "r");
  assert_non_null(read_only);
  setvbuf(read_only, NULL, _IONBF, 0U);
  for (size_t i = 0U; i < sizeof(formats) / sizeof(formats[0]); ++i) {
    const char* const query = strcmp(formats[i], "ntriples") ? "SELECT ?o WHERE { <http://ex.org/c> ?p ?o }"
                                                             : "CONSTRUCT WHERE { <http://ex.org/c> ?p ?o }";
    aseankg_error_clear(&error);
    st = aseankg_store_query(store, query, "query", formats[i], ASEANKG_STORE_UNION, read_only, &error);
    assert_int_equal(st, ASEANKG_ERR_IO);
    assert_string_equal(error.parameter, "stream");
    assert_string_equal(error.message, "write error");
    clearerr(read_only);
  }
  fclose(read_only);
  aseankg_store_free(store);
}

/* A query that does not parse is named by its source, at the line and column rasqal reports. */
static void
test_query_error_names_its_source(void** state)
{
  (void)state;
  AseankgStore* store = NULL;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_store_open(&store, store_path("source"), ASEANKG_STORE_WRITE, &error),
                   ASEANKG_SUCCESS);
  char*       text = NULL;
  size_t      size = 0U;
  FILE* const out  = open_memstream(&text, &size);
  assert_non_null(out);
  assert_int_equal(aseankg_store_query(store, "SELECT ?s\nWHERE { ?s ?p", "queries/bad.rq", "csv",
                                       ASEANKG_STORE_UNION, out, &error),
                   ASEANKG_ERR_SYNTAX);
  fclose(out);
  free(text);
  assert_string_equal(error.file, "queries/bad.rq");
  assert_true(error.line >= 1U && error.column >= 1U);
  aseankg_error_clear(&error);
  /* N-Triples carries graphs only: a SELECT or an ASK asked for it is a usage error, nothing written. */
  static const char* const not_graphs[] = { "SELECT * WHERE { ?s ?p ?o }", "ASK { ?s ?p ?o }" };
  for (size_t i = 0U; i < 2U; ++i) {
    FILE* const none = open_memstream(&text, &size);
    assert_non_null(none);
    assert_int_equal(
      aseankg_store_query(store, not_graphs[i], "query", "ntriples", ASEANKG_STORE_UNION, none, &error),
      ASEANKG_ERR_USAGE);
    fclose(none);
    assert_int_equal(size, 0U);
    free(text);
    assert_string_equal(error.parameter, "results_format");
    aseankg_error_clear(&error);
  }
  aseankg_store_free(store);
}

int
main(void)
{
  if (!mkdtemp(directory)) {
    perror("mkdtemp");
    return 1;
  }
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_free_null),
    cmocka_unit_test(test_read_mode_creates_nothing),
    cmocka_unit_test(test_transactions),
    cmocka_unit_test(test_streaming_load),
    cmocka_unit_test(test_counting_matches_reading),
    cmocka_unit_test(test_format1_is_migrated_when_written),
    cmocka_unit_test(test_read_only_store_refuses_writes),
    cmocka_unit_test(test_update_is_one_transaction),
    cmocka_unit_test(test_insert_data_label_is_one_node),
    cmocka_unit_test(test_exact_results),
    cmocka_unit_test(test_query_error_names_its_source),
  };
  const int failed = cmocka_run_group_tests(tests, NULL, NULL);
  remove_tree(directory);
  return failed;
}
