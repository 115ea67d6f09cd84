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
                                        ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  /* The second operation fails (the graph exists): the first one must not stay. */
  assert_int_equal(aseankg_store_update(store,
                                        "INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/b> "
                                        "<http://ex.org/p> \"2\" } } ; CREATE GRAPH <http://ex.org/g>",
                                        ASEANKG_STORE_UNION, &error),
                   ASEANKG_ERR_DATA);
  aseankg_error_clear(&error);
  size_t graphs  = 0U;
  size_t triples = 0U;
  counts(store, &graphs, &triples);
  assert_int_equal(triples, 1U);
  /* CREATE SILENT of an existing graph is no error. */
  assert_int_equal(
    aseankg_store_update(store, "CREATE SILENT GRAPH <http://ex.org/g>", ASEANKG_STORE_UNION, &error),
    ASEANKG_SUCCESS);

  /* DELETE/INSERT without WITH, templates in GRAPH blocks (rasqal's grammar needs help here). */
  assert_int_equal(aseankg_store_update(store,
                                        "PREFIX ex: <http://ex.org/>\n"
                                        "DELETE { GRAPH ex:g { ?s ex:p \"1\" } }\n"
                                        "INSERT { GRAPH ex:h { ?s ex:p \"one\" } }\n"
                                        "WHERE { GRAPH ex:g { ?s ex:p \"1\" } }",
                                        ASEANKG_STORE_UNION, &error),
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
                         ASEANKG_STORE_UNION, &error),
    ASEANKG_SUCCESS);
  text = run_query(store, "SELECT ?g ?p WHERE { GRAPH ?g { ?s ?p ?o } }", "csv", &st);
  assert_string_equal(text, "g,p\r\nhttp://ex.org/h,http://ex.org/q\r\n");
  free(text);

  /* LOAD reads no network. */
  assert_int_equal(aseankg_store_update(store, "LOAD <http://ex.org/x>", ASEANKG_STORE_UNION, &error),
                   ASEANKG_ERR_USAGE);
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
                         ASEANKG_STORE_UNION, &error),
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
                                        ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  text = run_query(store, "SELECT ?o WHERE { <http://ex.org/c> ?p ?o }", "xml", &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(text, "a\x7F"
                               "b"));
  free(text);
  assert_int_equal(aseankg_store_update(store,
                                        "INSERT DATA { <http://ex.org/b> <http://ex.org/p> \"\\u0001\" }",
                                        ASEANKG_STORE_UNION, &error),
                   ASEANKG_SUCCESS);
  text = run_query(store, "SELECT ?o WHERE { <http://ex.org/b> ?p ?o }", "xml", &st);
  assert_int_equal(st, ASEANKG_ERR_DATA);
  free(text);
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
    cmocka_unit_test(test_read_only_store_refuses_writes),
    cmocka_unit_test(test_update_is_one_transaction),
    cmocka_unit_test(test_exact_results),
    cmocka_unit_test(test_query_error_names_its_source),
  };
  const int failed = cmocka_run_group_tests(tests, NULL, NULL);
  remove_tree(directory);
  return failed;
}
