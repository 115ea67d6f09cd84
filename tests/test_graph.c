/* Unit tests for the graph: interning, canonical keys, duplicate quads, ordering. */
#include "aseankg/aseankg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define XSD "http://www.w3.org/2001/XMLSchema#"

static const char*
key(const AseankgGraph* const graph, const AseankgTermId id)
{
  return aseankg_graph_term(graph, id)->key;
}

static void
test_interning(void** const state)
{
  (void)state;
  AseankgGraph* const g = aseankg_graph_new();
  const AseankgTermId a = aseankg_graph_iri(g, "http://a/x", 10U);
  assert_int_equal(a, aseankg_graph_iri(g, "http://a/x", 10U));
  assert_int_not_equal(a, aseankg_graph_iri(g, "http://a/y", 10U));
  assert_string_equal(key(g, a), "<http://a/x>");

  /* xsd:string is dropped; language tags are lower-cased; a NUL stays in the value. */
  const AseankgTermId str = aseankg_graph_iri(g, XSD "string", strlen(XSD "string"));
  assert_int_equal(aseankg_graph_literal(g, "v", 1U, str, NULL, NULL),
                   aseankg_graph_literal(g, "v", 1U, 0U, NULL, NULL));
  assert_string_equal(key(g, aseankg_graph_literal(g, "chat", 4U, 0U, "EN-GB", "ltr")),
                      "\"chat\"@en-gb--ltr");
  const AseankgTermId nul = aseankg_graph_literal(g, "a\0b\"\n", 5U, 0U, NULL, NULL);
  assert_string_equal(key(g, nul), "\"a\\u0000b\\\"\\n\"");
  assert_int_equal(aseankg_graph_term(g, nul)->length, 5U);
  assert_string_equal(key(g, aseankg_graph_typed(g, "25", "integer")), "\"25\"^^<" XSD "integer>");
  assert_string_equal(key(g, aseankg_graph_literal(g, "中国", strlen("中国"), 0U, "zh", NULL)),
                      "\"中国\"@zh");
  aseankg_graph_free(g);
}

static void
test_clear_leaves_an_empty_usable_graph(void** const state)
{
  (void)state;
  AseankgGraph* const g  = aseankg_graph_new();
  const size_t        n0 = aseankg_graph_term_count(g); /* what a new graph holds */
  const AseankgTermId a  = aseankg_graph_iri(g, "http://a/x", 10U);
  const AseankgTermId s  = aseankg_graph_literal(g, "v", 1U, 0U, NULL, NULL);
  assert_int_equal(aseankg_graph_add(g, a, a, s, 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_clear(g), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_size(g), 0U);
  assert_int_equal(aseankg_graph_term_count(g), n0);
  assert_int_equal(aseankg_graph_lookup(g, "<http://a/x>", 12U), 0U);
  /* Handles start again, and the graph works as a new one: xsd:string is still dropped. */
  const AseankgTermId b = aseankg_graph_iri(g, "http://a/y", 10U);
  assert_int_equal(b, a);
  assert_string_equal(key(g, b), "<http://a/y>");
  const AseankgTermId str = aseankg_graph_iri(g, XSD "string", strlen(XSD "string"));
  assert_int_equal(aseankg_graph_literal(g, "v", 1U, str, NULL, NULL),
                   aseankg_graph_literal(g, "v", 1U, 0U, NULL, NULL));
  assert_int_equal(aseankg_graph_add(g, b, b, b, 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_size(g), 1U);
  aseankg_graph_free(g);
}

static void
test_quads_are_a_set_in_canonical_order(void** const state)
{
  (void)state;
  AseankgGraph* const g   = aseankg_graph_new();
  const AseankgTermId b1  = aseankg_graph_blank(g, "b1", 2U);
  const AseankgTermId b10 = aseankg_graph_blank(g, "b10", 3U);
  const AseankgTermId p   = aseankg_graph_iri(g, "http://p", 8U);
  const AseankgTermId o   = aseankg_graph_literal(g, "o", 1U, 0U, NULL, NULL);
  const AseankgTermId ol  = aseankg_graph_literal(g, "o", 1U, 0U, "en", NULL);
  assert_int_equal(aseankg_graph_add(g, b10, p, o, 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(g, b1, p, ol, 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(g, b1, p, o, 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(g, b1, p, o, 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_size(g), 3U);

  aseankg_graph_sort(g);
  char*  text = NULL;
  size_t size = 0U;
  FILE*  out  = open_memstream(&text, &size);
  assert_int_equal(aseankg_ntriples_write(g, out, 0), ASEANKG_SUCCESS);
  fclose(out);
  /* Byte order of whole lines: "_:b1 " < "_:b10", and "\"o\" ." < "\"o\"@en". */
  assert_string_equal(text, "_:b1 <http://p> \"o\" .\n"
                            "_:b1 <http://p> \"o\"@en .\n"
                            "_:b10 <http://p> \"o\" .\n");
  free(text);

  /* Adding after sorting still finds duplicates. */
  assert_int_equal(aseankg_graph_add(g, b10, p, o, 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_size(g), 3U);
  aseankg_graph_free(g);
}

static void
test_many_quads_around_one_hub(void** const state)
{
  (void)state;
  /* A hub subject with many objects: the hashed index keeps this linear. */
  AseankgGraph* const g   = aseankg_graph_new();
  const AseankgTermId hub = aseankg_graph_iri(g, "http://hub", 10U);
  const AseankgTermId p   = aseankg_graph_iri(g, "http://p", 8U);
  for (unsigned i = 0U; i < 200000U; ++i) {
    char number[16];
    snprintf(number, sizeof(number), "%u", i);
    assert_int_equal(aseankg_graph_add(g, hub, p, aseankg_graph_typed(g, number, "integer"), 0U),
                     ASEANKG_SUCCESS);
  }
  assert_int_equal(aseankg_graph_size(g), 200000U);
  aseankg_graph_free(g);
}

/* Which of two quads sorts first, term by term: the order aseankg_graph_sort() must produce. */
static int
quad_order(const AseankgGraph* const g, const AseankgQuad* const a, const AseankgQuad* const b)
{
  int cmp = aseankg_graph_compare_terms(g, a->subject, b->subject);
  cmp     = cmp ? cmp : aseankg_graph_compare_terms(g, a->predicate, b->predicate);
  cmp     = cmp ? cmp : aseankg_graph_compare_terms(g, a->object, b->object);
  return cmp ? cmp : aseankg_graph_compare_terms(g, a->graph, b->graph);
}

static void
test_random_quads_sort_and_stay_a_set(void** const state)
{
  (void)state;
  /* Random quads over a few terms (so subjects repeat and the default graph mixes with named ones),
     interned in an order unrelated to their keys; some removed, some added again after a sort. */
  AseankgGraph* const g = aseankg_graph_new();
  AseankgTermId       terms[40];
  for (unsigned i = 0U; i < 40U; ++i) {
    char key[32];
    snprintf(key, sizeof(key), "http://t/%u", (i * 17U) % 40U);
    terms[i] = i % 5U == 4U ? aseankg_graph_literal(g, key, strlen(key), 0U, NULL, NULL)
                            : aseankg_graph_iri(g, key, strlen(key));
  }
  unsigned seed = 12345U;
  for (unsigned round = 0U; round < 3U; ++round) {
    for (unsigned i = 0U; i < 20000U; ++i) {
      AseankgTermId pick[4];
      for (unsigned k = 0U; k < 4U; ++k) {
        seed    = seed * 1103515245U + 12345U;
        pick[k] = terms[(seed >> 16U) % 40U];
      }
      const AseankgQuad q = { pick[0], pick[1], pick[2], (seed >> 8U) % 3U ? 0U : pick[3] };
      if (i % 7U == 3U && aseankg_graph_contains(g, &q)) {
        assert_int_equal(aseankg_graph_remove(g, &q), 1);
        assert_false(aseankg_graph_contains(g, &q));
      } else {
        assert_int_equal(aseankg_graph_add(g, q.subject, q.predicate, q.object, q.graph), ASEANKG_SUCCESS);
        assert_true(aseankg_graph_contains(g, &q));
      }
    }
    aseankg_graph_sort(g);
    const AseankgQuad* const quads = aseankg_graph_quads(g);
    for (size_t i = 1U; i < aseankg_graph_size(g); ++i) {
      assert_true(quad_order(g, &quads[i - 1U], &quads[i]) < 0); /* sorted, and no duplicates */
    }
    for (size_t i = 0U; i < aseankg_graph_size(g); ++i) {
      assert_true(aseankg_graph_contains(g, &quads[i])); /* the index follows the new positions */
    }
  }
  aseankg_graph_free(g);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_interning),
    cmocka_unit_test(test_clear_leaves_an_empty_usable_graph),
    cmocka_unit_test(test_quads_are_a_set_in_canonical_order),
    cmocka_unit_test(test_many_quads_around_one_hub),
    cmocka_unit_test(test_random_quads_sort_and_stay_a_set),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
