/* Unit tests for the JSON-LD writer: the published context file, string escapes, compaction, errors. */
#include "aseankg/aseankg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define OA "http://www.w3.org/ns/oa#"

/* What `write` wrote, as a NUL-terminated string the caller frees; its status in `*status`. */
static char*
capture(const AseankgGraph* const graph, const AseankgPrefix* const prefixes, const size_t n,
        AseankgStatus* const status)
{
  char*  text   = NULL;
  size_t length = 0U;
  FILE*  stream = open_memstream(&text, &length);
  assert_non_null(stream);
  const AseankgWriteOptions options = { NULL, prefixes, n };
  *status = graph ? aseankg_graph_write(graph, stream, ASEANKG_SYNTAX_JSONLD, &options, NULL)
                  : aseankg_jsonld_write_context(stream);
  assert_int_equal(fclose(stream), 0);
  return text;
}

static char*
read_file(const char* const path)
{
  FILE* const file = fopen(path, "rb");
  assert_non_null(file);
  char*  text   = calloc(1U << 20U, 1U);
  size_t length = fread(text, 1U, (1U << 20U) - 1U, file);
  assert_true(length > 0U);
  fclose(file);
  return text;
}

/* ontology/context.jsonld is exactly the context the writer compacts against. */
static void
test_published_context_is_the_writers(void** const state)
{
  (void)state;
  AseankgStatus st      = ASEANKG_ERR_IO;
  char* const   written = capture(NULL, NULL, 0U, &st);
  char* const   file    = read_file("ontology/context.jsonld");
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_string_equal(file, written);
  free(written);
  free(file);
}

static AseankgTermId
iri(AseankgGraph* const graph, const char* const value)
{
  return aseankg_graph_iri(graph, value, strlen(value));
}

/* RFC 8259 escapes: quote, backslash, short forms, \u for other controls, line separators and
   noncharacters (a surrogate pair above U+FFFF); everything else, CJK and emoji, as UTF-8. */
static void
test_string_escapes(void** const state)
{
  (void)state;
  static const char text[] =
    "\"\\\n\t\x01\x7f\xe2\x80\xa8\xf0\x9f\x98\x80\xf0\x9f\xbf\xbe\xef\xbf\xbf\xe4\xb8\xad\0z";
  AseankgGraph* const graph = aseankg_graph_new();
  assert_int_equal(aseankg_graph_add(graph, iri(graph, "http://x.org/s"), iri(graph, OA "exact"),
                                     aseankg_graph_literal(graph, text, sizeof(text) - 1U, 0U, NULL, NULL),
                                     0U),
                   ASEANKG_SUCCESS);
  aseankg_graph_sort(graph);
  AseankgStatus st  = ASEANKG_ERR_IO;
  char* const   out = capture(graph, NULL, 0U, &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(out, "\"oa:exact\": \"\\\"\\\\\\n\\t\\u0001\\u007f\\u2028\xf0\x9f\x98\x80"
                              "\\ud83f\\udffe\\uffff\xe4\xb8\xad\\u0000z\"\n"));
  assert_non_null(strstr(out, "\"@id\": \"http://x.org/s\""));
  free(out);
  aseankg_graph_free(graph);
}

/* Own prefixes become the inline context; a redefined published prefix is never read through a
   published term that means another IRI. */
static void
test_compaction(void** const state)
{
  (void)state;
  AseankgGraph* const graph   = aseankg_graph_new();
  const AseankgTermId s       = iri(graph, "http://x.org/id/s");
  const AseankgTermId body    = iri(graph, "http://other.org/oa#hasBody");
  const AseankgTermId real    = iri(graph, OA "hasBody");
  const AseankgTermId integer = iri(graph, "http://www.w3.org/2001/XMLSchema#nonNegativeInteger");
  assert_int_equal(aseankg_graph_add(graph, s, body, iri(graph, "http://x.org/id/o"), 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(graph, s, real, iri(graph, "http://x.org/id/o"), 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(graph, s, iri(graph, OA "start"),
                                     aseankg_graph_literal(graph, "7", 1U, integer, NULL, NULL), 0U),
                   ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(graph, s, iri(graph, OA "end"),
                                     aseankg_graph_literal(graph, "8", 1U, 0U, "zh", NULL), 0U),
                   ASEANKG_SUCCESS);
  aseankg_graph_sort(graph);
  const AseankgPrefix prefixes[] = { { "x", "http://x.org/id/" },
                                     { "oa", "http://other.org/oa#" },
                                     { "bad", "http://x.org/id" } };
  AseankgStatus       st         = ASEANKG_ERR_IO;
  char* const         out        = capture(graph, prefixes, 3U, &st);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(out, "\"oa\": \"http://other.org/oa#\",\n      \"x\": \"http://x.org/id/\"\n"));
  assert_null(strstr(out, "\"bad\""));
  assert_non_null(strstr(out, "\"@id\": \"x:s\""));
  assert_non_null(strstr(out, "\"http://other.org/oa#hasBody\": {\"@id\": \"x:o\"}"));
  /* the published terms mean the real oa: IRIs whatever the document calls "oa" */
  assert_non_null(strstr(out, "\"oa:hasBody\": \"x:o\""));
  assert_non_null(strstr(out, "\"oa:start\": \"7\""));
  assert_non_null(strstr(out, "\"oa:end\": {\"@value\": \"8\", \"@language\": \"zh\"}"));
  free(out);
  aseankg_graph_free(graph);
}

static void
test_errors(void** const state)
{
  (void)state;
  AseankgGraph* const graph = aseankg_graph_new();
  const AseankgTermId s     = iri(graph, "http://x.org/s");
  const AseankgTermId p     = iri(graph, "http://x.org/p");
  assert_int_equal(aseankg_graph_add(graph, s, p, s, 0U), ASEANKG_SUCCESS);
  aseankg_graph_sort(graph);
  FILE* const full = fopen("/dev/full", "w");
  assert_non_null(full);
  assert_int_equal(aseankg_graph_write(graph, full, ASEANKG_SYNTAX_JSONLD, NULL, NULL), ASEANKG_ERR_IO);
  fclose(full);

  assert_int_equal(aseankg_graph_add(graph, s, p, aseankg_graph_triple_term(graph, s, p, s), 0U),
                   ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(graph, s, iri(graph, "http://x.org/q"),
                                     aseankg_graph_literal(graph, "\xff", 1U, 0U, NULL, NULL), 0U),
                   ASEANKG_SUCCESS);
  aseankg_graph_sort(graph);
  AseankgStatus st = ASEANKG_SUCCESS;
  free(capture(graph, NULL, 0U, &st));
  assert_int_equal(st, ASEANKG_ERR_DATA);
  aseankg_graph_free(graph);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_published_context_is_the_writers),
    cmocka_unit_test(test_string_escapes),
    cmocka_unit_test(test_compaction),
    cmocka_unit_test(test_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
