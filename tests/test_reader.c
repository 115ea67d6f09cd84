/* Unit tests for the reader front end: syntax from a file name, reading a stream against a base IRI, and
   the prefix declarations it captures. */
#define _POSIX_C_SOURCE 200809L /* fmemopen, mkstemp */

#include "aseankg/aseankg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#define EX "http://example.org/"

static void
test_syntax_from_path(void** const state)
{
  (void)state;
  const char* const cases[][2] = {
    { "a.nt", "ntriples" }, { "dir/b.nq", "nquads" }, { "c.ttl", "turtle" }, { "d.trig", "trig" },
    { "e.rdf", "rdfxml" },  { "f.owl", "rdfxml" },    { "g.xml", "rdfxml" },
  };
  for (size_t i = 0U; i < sizeof(cases) / sizeof(cases[0]); ++i) {
    const char* const syntax = aseankg_syntax_from_path(cases[i][0]);
    assert_non_null(syntax);
    assert_string_equal(syntax, cases[i][1]);
    assert_true(aseankg_syntax_is_known(syntax));
  }
  assert_null(aseankg_syntax_from_path("notes.txt"));
  assert_null(aseankg_syntax_from_path("no-extension"));
  assert_null(aseankg_syntax_from_path("nt")); /* an extension, not a name */
  assert_false(aseankg_syntax_is_known("yaml"));
}

/* Read `text` as `syntax` with `base` into a new graph; returns the graph, the status in `*status`. */
static AseankgGraph*
read_text(const char* const text, const char* const syntax, const char* const base,
          AseankgStatus* const status, AseankgError* const error)
{
  char* const copy = strdup(text); /* fmemopen wants a writable buffer */
  assert_non_null(copy);
  FILE* const stream = fmemopen(copy, strlen(copy), "rb");
  assert_non_null(stream);
  AseankgGraph* const graph = aseankg_graph_new();
  assert_non_null(graph);
  aseankg_error_clear(error);
  *status = aseankg_read_stream(graph, stream, "mem.ttl", syntax, base, NULL, error);
  fclose(stream);
  free(copy);
  return graph;
}

static int
has_iri(const AseankgGraph* const graph, const char* const iri)
{
  char key[256];
  snprintf(key, sizeof(key), "<%s>", iri);
  return aseankg_graph_lookup(graph, key, strlen(key)) != 0U;
}

/* Relative IRIs resolve against the base given, as RFC 3986 section 5.2 says. */
static void
test_read_stream_with_base(void** const state)
{
  (void)state;
  AseankgStatus       st = ASEANKG_SUCCESS;
  AseankgError        error;
  AseankgGraph* const graph =
    read_text("<s> <p> <../o> .\n<#frag> <p> <sub/x> .\n", "turtle", EX "dir/doc", &st, &error);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_size(graph), 2U);
  assert_true(has_iri(graph, EX "dir/s"));
  assert_true(has_iri(graph, EX "o"));
  assert_true(has_iri(graph, EX "dir/doc#frag"));
  assert_true(has_iri(graph, EX "dir/sub/x"));
  aseankg_graph_free(graph);
}

/* Errors carry the name given for the stream, a line and a column; an unknown syntax is a usage error. */
static void
test_read_stream_errors(void** const state)
{
  (void)state;
  AseankgStatus st = ASEANKG_SUCCESS;
  AseankgError  error;
  AseankgGraph* graph =
    read_text("<" EX "s> <" EX "p> <" EX "o> .\n<" EX "s> <" EX "p> .\n", "turtle", NULL, &st, &error);
  assert_int_equal(st, ASEANKG_ERR_SYNTAX);
  assert_string_equal(error.file, "mem.ttl");
  assert_int_equal(error.line, 2U);
  assert_true(error.column > 0U);
  aseankg_graph_free(graph);

  graph = read_text("", "yaml", NULL, &st, &error);
  assert_int_equal(st, ASEANKG_ERR_USAGE);
  aseankg_graph_free(graph);
}

/* Every @prefix / PREFIX in document order, a name declared twice twice, namespaces resolved. */
static void
test_prefixes_captured(void** const state)
{
  (void)state;
  char      path[] = "/tmp/aseankg-test-reader-XXXXXX";
  const int fd     = mkstemp(path);
  assert_true(fd >= 0);
  static const char text[] = "@prefix ex: <" EX "> .\n"
                             "PREFIX rel: <sub/>\n"
                             "@prefix ex: <" EX "v2/> .\n"
                             "ex:s rel:p ex:o .\n";
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);

  AseankgGraph* const graph    = aseankg_graph_new();
  AseankgPrefixList   prefixes = { NULL, 0U, 0U };
  AseankgError        error;
  aseankg_error_clear(&error);
  assert_non_null(graph);
  assert_int_equal(aseankg_read_path_prefixes(graph, path, "turtle", NULL, &prefixes, &error),
                   ASEANKG_SUCCESS);
  assert_int_equal(prefixes.count, 3U);
  assert_string_equal(prefixes.prefixes[0].name, "ex");
  assert_string_equal(prefixes.prefixes[0].namespace_iri, EX);
  assert_string_equal(prefixes.prefixes[1].name, "rel");
  assert_true(strncmp(prefixes.prefixes[1].namespace_iri, "file://", 7U) ==
              0); /* resolved against the file */
  assert_non_null(strstr(prefixes.prefixes[1].namespace_iri, "/sub/"));
  assert_string_equal(prefixes.prefixes[2].name, "ex");
  assert_string_equal(prefixes.prefixes[2].namespace_iri, EX "v2/");
  assert_true(has_iri(graph, EX "v2/s")); /* the later declaration is the one in force */

  /* N-Triples declares none. */
  aseankg_prefix_list_release(&prefixes);
  assert_int_equal(prefixes.count, 0U);
  aseankg_prefix_list_release(NULL);
  aseankg_graph_free(graph);
  unlink(path);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_syntax_from_path),
    cmocka_unit_test(test_read_stream_with_base),
    cmocka_unit_test(test_read_stream_errors),
    cmocka_unit_test(test_prefixes_captured),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
