/* Unit tests for the Turtle writer: its layout promises, and that a Turtle reader gets the same graph back.
 */
#define _POSIX_C_SOURCE 200809L /* mkstemp, open_memstream */

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
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

static const AseankgPrefix prefixes[] = {
  { "ex", EX },
  { "unused", "http://unused.example/" },
};

static AseankgTermId
iri(AseankgGraph* const g, const char* const value)
{
  return aseankg_graph_iri(g, value, strlen(value));
}

/* A graph with what a writer gets wrong: escapes, language tags, datatypes, local names that are not plain.
 */
static AseankgGraph*
sample(void)
{
  AseankgGraph* const g = aseankg_graph_new();
  assert_non_null(g);
  const AseankgTermId s         = iri(g, EX "s");
  const AseankgTermId p         = iri(g, EX "p");
  const char          tricky[]  = "quote \" backslash \\ newline \n tab \t";
  const AseankgTermId adds[][3] = {
    { s, iri(g, RDF_TYPE), iri(g, EX "Thing") },
    { s, p, aseankg_graph_literal(g, tricky, strlen(tricky), 0U, NULL, NULL) },
    { s, p, aseankg_graph_literal(g, "东盟", strlen("东盟"), 0U, "zh", NULL) },
    { s, p, aseankg_graph_typed(g, "42", "integer") },
    { s, p, aseankg_graph_typed(g, "2022-11-11", "date") },
    { s, iri(g, EX "path/with/slashes"), iri(g, EX "o") },
    { iri(g, EX "a"), p, aseankg_graph_blank(g, "b0", 2U) },
  };
  for (size_t i = 0U; i < sizeof(adds) / sizeof(adds[0]); ++i) {
    assert_int_equal(aseankg_graph_add(g, adds[i][0], adds[i][1], adds[i][2], 0U), ASEANKG_SUCCESS);
  }
  /* A named-graph quad: the Turtle writer leaves it out. */
  assert_int_equal(aseankg_graph_add(g, s, p, iri(g, EX "in-a-named-graph"), iri(g, EX "g")),
                   ASEANKG_SUCCESS);
  aseankg_graph_sort(g);
  return g;
}

static char*
write_to_string(AseankgStatus (*write)(const AseankgGraph*, FILE*, const AseankgPrefix*, size_t),
                const AseankgGraph* const g)
{
  char*       text   = NULL;
  size_t      size   = 0U;
  FILE* const stream = open_memstream(&text, &size);
  assert_non_null(stream);
  assert_int_equal(write(g, stream, prefixes, 2U), ASEANKG_SUCCESS);
  assert_int_equal(fclose(stream), 0);
  return text;
}

static AseankgStatus
write_turtle(const AseankgGraph* const g, FILE* const stream, const AseankgPrefix* const p, const size_t n)
{
  const AseankgWriteOptions options = { NULL, p, n };
  return aseankg_graph_write(g, stream, ASEANKG_SYNTAX_TURTLE, &options, NULL);
}

static AseankgStatus
write_ntriples(const AseankgGraph* const g, FILE* const stream, const AseankgPrefix* const p, const size_t n)
{
  (void)p;
  (void)n;
  return aseankg_ntriples_write(g, stream, 0);
}

static void
test_layout(void** const state)
{
  (void)state;
  AseankgGraph* const g    = sample();
  char* const         text = write_to_string(write_turtle, g);
  assert_non_null(strstr(text, "@prefix ex: <" EX "> ."));
  assert_null(strstr(text, "unused"));                        /* only the prefixes used are declared */
  assert_non_null(strstr(text, "ex:s\n    a ex:Thing ;"));    /* rdf:type first, as `a` */
  assert_non_null(strstr(text, "<" EX "path/with/slashes>")); /* not a plain local name: written in full */
  assert_null(strstr(text, "in-a-named-graph"));
  assert_non_null(strstr(text, "\"东盟\"@zh"));
  free(text);
  aseankg_graph_free(g);
}

static void
test_round_trip(void** const state)
{
  (void)state;
  AseankgGraph* const g      = sample();
  char* const         text   = write_to_string(write_turtle, g);
  char                path[] = "/tmp/aseankg-test-turtle-XXXXXX";
  const int           fd     = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);

  AseankgGraph* const back = aseankg_graph_new();
  AseankgError        error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_read_path(back, path, "turtle", NULL, &error), ASEANKG_SUCCESS);
  unlink(path);
  aseankg_graph_sort(back);

  /* The same triples: all of the default graph, compared as N-Triples lines (a reader may relabel blank
   * nodes). */
  assert_int_equal(aseankg_graph_size(back), aseankg_graph_size(g) - 1U);
  char* const expected = write_to_string(write_ntriples, g);
  char* const actual   = write_to_string(write_ntriples, back);
  /* Every non-blank line of the original is a line of what was read back. */
  for (char* line = strtok(expected, "\n"); line; line = strtok(NULL, "\n")) {
    if (strstr(line, "in-a-named-graph")) {
      continue;
    }
    if (strstr(line, "_:")) {
      assert_non_null(strstr(actual, "<" EX "a> <" EX "p> _:"));
    } else {
      assert_non_null(strstr(actual, line));
    }
  }
  free(expected);
  free(actual);
  free(text);
  aseankg_graph_free(back);
  aseankg_graph_free(g);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_layout),
    cmocka_unit_test(test_round_trip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
