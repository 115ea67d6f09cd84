/* RDF Patch: transactions (TC, TA, a block cut short), row order rules, atomicity, and --reverse. */
#include "aseankg/aseankg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char* const base = "<http://e/s> <http://e/p> \"1\" .\n"
                                "_:b <http://e/p> <http://e/o> .\n";

/* Read N-Quads text into a new graph. */
static AseankgGraph*
graph_of(const char* const text)
{
  AseankgGraph* const graph = aseankg_graph_new();
  char* const         copy  = strdup(text);
  FILE* const         in    = fmemopen(copy, strlen(copy) ? strlen(copy) : 1U, "rb");
  AseankgError        error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_ntriples_read(graph, in, "graph", 1, &error), ASEANKG_SUCCESS);
  fclose(in);
  free(copy);
  return graph;
}

/* The graph as sorted N-Quads text (the caller frees it). */
static char*
text_of(AseankgGraph* const graph)
{
  char*  text = NULL;
  size_t size = 0U;
  FILE*  sink = open_memstream(&text, &size);
  aseankg_graph_sort(graph);
  aseankg_ntriples_write(graph, sink, 1);
  fclose(sink);
  return text;
}

/* Apply `patch` to `base` (reversed if asked); return the status, the error and the result's text. */
static AseankgStatus
apply_to(const char* const start, const char* const patch, const int reverse, AseankgError* const error,
         char** const result)
{
  AseankgGraph* const       graph   = graph_of(start);
  char* const               copy    = strdup(patch);
  FILE* const               in      = fmemopen(copy, strlen(copy) ? strlen(copy) : 1U, "rb");
  const AseankgPatchOptions options = { reverse };
  aseankg_error_clear(error);
  const AseankgStatus st = aseankg_patch_apply_with(graph, in, "p.rdfp", &options, error);
  fclose(in);
  free(copy);
  *result = text_of(graph);
  aseankg_graph_free(graph);
  return st;
}

static AseankgStatus
apply(const char* const patch, const int reverse, AseankgError* const error, char** const result)
{
  return apply_to(base, patch, reverse, error, result);
}

static void
expect_graph(const char* const patch, const int reverse, const char* const want)
{
  AseankgError error;
  char*        got = NULL;
  assert_int_equal(apply(patch, reverse, &error, &got), ASEANKG_SUCCESS);
  assert_string_equal(got, want);
  free(got);
}

/* The patch is refused with `status`, at LINE:COL, with `words` in the message, and the graph unchanged. */
static void
expect_refused(const char* const patch, const AseankgStatus status, const unsigned line,
               const unsigned column, const char* const words)
{
  AseankgError error;
  char*        got = NULL;
  assert_int_equal(apply(patch, 0, &error, &got), status);
  assert_string_equal(error.file, "p.rdfp");
  assert_int_equal(error.line, line);
  assert_int_equal(error.column, column);
  if (!strstr(error.message, words)) {
    fail_msg("message \"%s\" lacks \"%s\"", error.message, words);
  }
  assert_string_equal(got, "<http://e/s> <http://e/p> \"1\" .\n_:b <http://e/p> <http://e/o> .\n");
  free(got);
}

static void
test_committed_blocks_apply(void** const state)
{
  (void)state;
  expect_graph("H id <uuid:1> .\n"
               "TX .\n"
               "D <http://e/s> <http://e/p> \"1\" .\n"
               "A <http://e/s> <http://e/p> \"2\" .\n"
               "TC .\n"
               "# a comment\n"
               "\n"
               "TX .\n"
               "PA \"ex\" <http://e/> .\n"
               "A _:c <http://e/q> _:b <http://e/g> .\n"
               "TC .\n",
               0,
               "<http://e/s> <http://e/p> \"2\" .\n_:b <http://e/p> <http://e/o> .\n"
               "_:c <http://e/q> _:b <http://e/g> .\n");
  expect_graph("\n", 0, "<http://e/s> <http://e/p> \"1\" .\n_:b <http://e/p> <http://e/o> .\n");
}

/* TA drops its own block only: TX . A … TC . TX . A … TA . applies the first block. */
static void
test_abort_drops_its_block_only(void** const state)
{
  (void)state;
  expect_graph("TX .\nA <http://e/s> <http://e/p> \"2\" .\nTC .\n"
               "TX .\nD <http://e/s> <http://e/p> \"1\" .\nA <http://e/s> <http://e/p> \"3\" .\nTA .\n"
               "TX .\nA <http://e/s> <http://e/p> \"4\" .\nTC .\n",
               0,
               "<http://e/s> <http://e/p> \"1\" .\n<http://e/s> <http://e/p> \"2\" .\n"
               "<http://e/s> <http://e/p> \"4\" .\n_:b <http://e/p> <http://e/o> .\n");
}

/* A patch cut short: its last block has no TC, so nothing at all is applied, and the error points at that TX.
 */
static void
test_uncommitted_block_changes_nothing(void** const state)
{
  (void)state;
  expect_refused("TX .\nA <http://e/s> <http://e/p> \"2\" .\nTC .\n"
                 "TX .\nD <http://e/s> <http://e/p> \"1\" .\nD _:b <http://e/p> <http://e/o> .\n",
                 ASEANKG_ERR_DATA, 4U, 1U, "not committed");
  expect_refused("TX .\nD <http://e/s> <http://e/p> \"1\" .\n", ASEANKG_ERR_DATA, 1U, 1U, "not committed");
  /* Cut inside a row: a syntax error, and still nothing applied. */
  expect_refused("TX .\nD <http://e/s> <http://e/p> \"1\" .\nTC .\nTX .\nD <http://e/s> <http://e/",
                 ASEANKG_ERR_SYNTAX, 5U, 16U, "unterminated IRI");
}

static void
test_row_order_rules(void** const state)
{
  (void)state;
  expect_refused("A <http://e/s> <http://e/p> \"2\" .\n", ASEANKG_ERR_SYNTAX, 1U, 1U,
                 "outside a transaction");
  expect_refused("TX .\nTX .\n", ASEANKG_ERR_SYNTAX, 2U, 1U, "inside the transaction begun at line 1");
  expect_refused("TC .\n", ASEANKG_ERR_SYNTAX, 1U, 1U, "without a transaction");
  expect_refused("TX .\nTC .\nH id <uuid:1> .\n", ASEANKG_ERR_SYNTAX, 3U, 1U, "header row");
  expect_refused("TX .\n  TC\n", ASEANKG_ERR_SYNTAX, 2U, 5U, "expected '.'");
  expect_refused("TX .\nQ x .\nTC .\n", ASEANKG_ERR_SYNTAX, 2U, 1U, "unknown row code");
  expect_refused("TX .\nA ex:s <http://e/p> \"2\" .\nTC .\n", ASEANKG_ERR_SYNTAX, 2U, 3U, "prefixed names");
}

/* Reversing undoes a patch: the patched graph, patched again in reverse, is the original. */
static void
test_reverse_undoes(void** const state)
{
  (void)state;
  const char* const patch =
    "TX .\nD <http://e/s> <http://e/p> \"1\" .\nA <http://e/s> <http://e/p> \"2\" .\nTC .\n"
    "TX .\nA <http://e/x> <http://e/p> \"9\" .\nTA .\n"
    "TX .\nA _:c <http://e/p> _:b .\nD _:b <http://e/p> <http://e/o> .\nTC .\n";
  AseankgError error;
  char*        forward = NULL;
  char*        back    = NULL;
  assert_int_equal(apply(patch, 0, &error, &forward), ASEANKG_SUCCESS);
  assert_string_equal(forward, "<http://e/s> <http://e/p> \"2\" .\n_:c <http://e/p> _:b .\n");
  assert_int_equal(apply_to(forward, patch, 1, &error, &back), ASEANKG_SUCCESS);
  assert_string_equal(back, "<http://e/s> <http://e/p> \"1\" .\n_:b <http://e/p> <http://e/o> .\n");
  free(forward);
  free(back);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_committed_blocks_apply),
    cmocka_unit_test(test_abort_drops_its_block_only),
    cmocka_unit_test(test_uncommitted_block_changes_nothing),
    cmocka_unit_test(test_row_order_rules),
    cmocka_unit_test(test_reverse_undoes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
