/* Diff and patch, property-style: random graphs with blank nodes, random edits, relabelled and shuffled
 * copies. */
#include "aseankg/aseankg.h"
#include "aseankg/canon.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* A small deterministic generator (xorshift), so failures reproduce. */
static uint64_t rng_state = 88172645463325252ULL;

static unsigned
rnd(const unsigned n)
{
  rng_state ^= rng_state << 13U;
  rng_state ^= rng_state >> 7U;
  rng_state ^= rng_state << 17U;
  return (unsigned)(rng_state % n);
}

/* A graph as lines of N-Triples whose blank nodes are "_:$N" placeholders, relabelled when written. */
typedef struct {
  char** lines;
  size_t count;
} Lines;

static void add_line(Lines* lines, const char* format, ...) __attribute__((format(printf, 2, 3)));

static void
add_line(Lines* const lines, const char* const format, ...)
{
  char    buffer[256];
  va_list args;
  va_start(args, format);
  vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  lines->lines                 = (char**)realloc(lines->lines, (lines->count + 1U) * sizeof(char*));
  lines->lines[lines->count++] = strdup(buffer);
}

static void
free_lines(Lines* const lines)
{
  for (size_t i = 0U; i < lines->count; ++i) {
    free(lines->lines[i]);
  }
  free(lines->lines);
  memset(lines, 0, sizeof(*lines));
}

/* Trees of blank nodes hanging off IRIs, some shared literals, some ground triples. */
static unsigned
generate(Lines* const lines, const unsigned n_trees, unsigned next_node)
{
  for (unsigned t = 0U; t < n_trees; ++t) {
    const unsigned root = next_node++;
    add_line(lines, "<http://e/s%u> <http://e/p%u> _:$%u .", rnd(5U), rnd(3U), root);
    const unsigned depth = 1U + rnd(4U);
    unsigned       node  = root;
    for (unsigned d = 0U; d < depth; ++d) {
      add_line(lines, "_:$%u <http://e/v> \"%u\" .", node, rnd(4U));
      if (rnd(3U) == 0U) {
        add_line(lines, "_:$%u <http://e/w> <http://e/o%u> .", node, rnd(3U));
      }
      const unsigned child = next_node++;
      add_line(lines, "_:$%u <http://e/next> _:$%u .", node, child);
      node = child;
    }
    add_line(lines, "_:$%u <http://e/leaf> \"%u\"@en .", node, rnd(100U));
  }
  for (unsigned g = 0U; g < n_trees; ++g) {
    add_line(lines, "<http://e/s%u> <http://e/g> \"%u\" .", rnd(10U), rnd(10U));
  }
  return next_node;
}

/* Write `lines` shuffled, with placeholder N written as _:<prefix><perm[N]>. */
static char*
render(const Lines* const lines, const char* const prefix, const unsigned n_nodes, const int shuffle)
{
  unsigned* const perm  = (unsigned*)malloc((n_nodes + 1U) * sizeof(unsigned));
  size_t* const   order = (size_t*)malloc((lines->count + 1U) * sizeof(size_t));
  for (unsigned i = 0U; i < n_nodes; ++i) {
    perm[i] = i;
  }
  for (size_t i = 0U; i < lines->count; ++i) {
    order[i] = i;
  }
  for (unsigned i = n_nodes; shuffle && i > 1U; --i) {
    const unsigned j = rnd(i);
    const unsigned t = perm[i - 1U];
    perm[i - 1U]     = perm[j];
    perm[j]          = t;
  }
  for (size_t i = lines->count; shuffle && i > 1U; --i) {
    const size_t j = rnd((unsigned)i);
    const size_t t = order[i - 1U];
    order[i - 1U]  = order[j];
    order[j]       = t;
  }

  char*  text = NULL;
  size_t size = 0U;
  FILE*  out  = open_memstream(&text, &size);
  for (size_t i = 0U; i < lines->count; ++i) {
    for (const char* p = lines->lines[order[i]]; *p; ++p) {
      if (p[0] == '$') {
        char*          end  = NULL;
        const unsigned node = (unsigned)strtoul(p + 1, &end, 10);
        fprintf(out, "%s%u", prefix, perm[node]);
        p = end - 1;
      } else {
        fputc(*p, out);
      }
    }
    fputc('\n', out);
  }
  fclose(out);
  free(perm);
  free(order);
  return text;
}

static void
read_text(AseankgGraph* const graph, const char* const text, const AseankgReadOptions* const options)
{
  char* const  copy = strdup(text);
  FILE* const  in   = fmemopen(copy, strlen(copy), "rb");
  AseankgError error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_ntriples_read_with(graph, in, "mem", options, &error), ASEANKG_SUCCESS);
  fclose(in);
  free(copy);
}

/* Canonical N-AseankgQuadList of a graph (RDFC-1.0): equal strings mean isomorphic graphs. */
static char*
canonical(const AseankgGraph* const graph)
{
  AseankgGraph* const out = aseankg_graph_new();
  AseankgError        error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_canon(graph, out, NULL, NULL, &error), ASEANKG_SUCCESS);
  char*  text = NULL;
  size_t size = 0U;
  FILE*  sink = open_memstream(&text, &size);
  aseankg_ntriples_write(out, sink, 1);
  fclose(sink);
  aseankg_graph_free(out);
  return text;
}

/* diff OLD NEW, then patch OLD with the RDF Patch; returns the counts and checks the result is NEW. */
static void
diff_and_patch(const char* const old_text, const char* const new_text, size_t* const removed,
               size_t* const added)
{
  AseankgGraph* const      graph    = aseankg_graph_new();
  AseankgQuadList          sides[2] = { { NULL, 0U, 0U }, { NULL, 0U, 0U } };
  const AseankgReadOptions old_read = { 0, ASEANKG_DIFF_OLD_PREFIX, aseankg_quad_list_append, &sides[0] };
  const AseankgReadOptions new_read = { 0, ASEANKG_DIFF_NEW_PREFIX, aseankg_quad_list_append, &sides[1] };
  read_text(graph, old_text, &old_read);
  read_text(graph, new_text, &new_read);

  AseankgDiff* diff = NULL;
  AseankgError error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_diff_compute(&diff, graph, sides[0].quads, sides[0].count, sides[1].quads,
                                        sides[1].count, &error),
                   ASEANKG_SUCCESS);
  *removed = aseankg_diff_removed(diff);
  *added   = aseankg_diff_added(diff);

  char*  patch = NULL;
  size_t size  = 0U;
  FILE*  sink  = open_memstream(&patch, &size);
  assert_int_equal(aseankg_diff_write(diff, sink, ASEANKG_DIFF_RDF_PATCH), ASEANKG_SUCCESS);
  fclose(sink);

  AseankgGraph* const patched = aseankg_graph_new();
  read_text(patched, old_text, NULL);
  FILE* const in = fmemopen(patch, size, "rb");
  assert_int_equal(aseankg_patch_apply(patched, in, "patch", &error), ASEANKG_SUCCESS);
  fclose(in);

  AseankgGraph* const expected = aseankg_graph_new();
  read_text(expected, new_text, NULL);
  char* const got  = canonical(patched);
  char* const want = canonical(expected);
  if (strcmp(got, want)) {
    fail_msg("patched graph differs from NEW\n--- patch:\n%s--- got:\n%s--- want:\n%s", patch, got, want);
  }

  free(got);
  free(want);
  free(patch);
  aseankg_quad_list_release(&sides[0]);
  aseankg_quad_list_release(&sides[1]);
  aseankg_diff_free(diff);
  aseankg_graph_free(expected);
  aseankg_graph_free(patched);
  aseankg_graph_free(graph);
}

static void
test_isomorphic_copies_report_no_change(void** const state)
{
  (void)state;
  for (unsigned round = 0U; round < 50U; ++round) {
    Lines          lines   = { NULL, 0U };
    const unsigned nodes   = generate(&lines, 1U + rnd(8U), 0U);
    char* const    a       = render(&lines, "a", nodes, 0);
    char* const    b       = render(&lines, "x", nodes, 1); /* relabelled and shuffled */
    size_t         removed = 0U, added = 0U;
    diff_and_patch(a, b, &removed, &added);
    assert_int_equal(removed, 0U);
    assert_int_equal(added, 0U);
    free(a);
    free(b);
    free_lines(&lines);
  }
}

static void
test_one_edit_in_a_tree_reports_one_change(void** const state)
{
  (void)state;
  for (unsigned round = 0U; round < 50U; ++round) {
    Lines          lines = { NULL, 0U };
    const unsigned nodes = generate(&lines, 1U + rnd(8U), 0U);
    char* const    a     = render(&lines, "a", nodes, 0);

    /* Change one leaf literal to a value no generated leaf has. */
    size_t victim = 0U;
    while (!strstr(lines.lines[victim], "<http://e/leaf>")) {
      ++victim;
    }
    char* const line    = lines.lines[victim];
    *strstr(line, "\"") = '\0';
    char edited[256];
    snprintf(edited, sizeof(edited), "%s\"edited\"@en .", line);
    free(line);
    lines.lines[victim] = strdup(edited);
    char* const b       = render(&lines, "x", nodes, 1);

    size_t removed = 0U, added = 0U;
    diff_and_patch(a, b, &removed, &added);
    assert_int_equal(removed, 1U);
    assert_int_equal(added, 1U);
    free(a);
    free(b);
    free_lines(&lines);
  }
}

static void
test_random_edits_patch_to_new(void** const state)
{
  (void)state;
  for (unsigned round = 0U; round < 200U; ++round) {
    Lines       lines = { NULL, 0U };
    unsigned    nodes = generate(&lines, 1U + rnd(10U), 0U);
    char* const a     = render(&lines, "a", nodes, 0);

    /* Random edits: drop lines, add trees, add ground triples. */
    const unsigned n_edits = 1U + rnd(5U);
    for (unsigned e = 0U; e < n_edits; ++e) {
      const unsigned kind = rnd(3U);
      if (kind == 0U && lines.count > 1U) {
        const size_t victim = rnd((unsigned)lines.count);
        free(lines.lines[victim]);
        lines.lines[victim] = lines.lines[--lines.count];
      } else if (kind == 1U) {
        nodes = generate(&lines, 1U, nodes);
      } else {
        add_line(&lines, "<http://e/new%u> <http://e/p> _:$%u .", rnd(3U), rnd(nodes));
      }
    }
    char* const b = render(&lines, "x", nodes, 1);

    size_t removed = 0U, added = 0U;
    diff_and_patch(a, b, &removed, &added); /* asserts that the patch turns OLD into NEW */
    free(a);
    free(b);
    free_lines(&lines);
  }
}

/* Undirected edges a-b, as two triples each, between blank nodes named PREFIX<n>. */
static char*
undirected(const char* const prefix, const unsigned (*const edges)[2], const size_t n_edges)
{
  char*  text = NULL;
  size_t size = 0U;
  FILE*  out  = open_memstream(&text, &size);
  for (size_t i = 0U; i < n_edges; ++i) {
    fprintf(out, "_:%s%u <http://e/adj> _:%s%u .\n", prefix, edges[i][0], prefix, edges[i][1]);
    fprintf(out, "_:%s%u <http://e/adj> _:%s%u .\n", prefix, edges[i][1], prefix, edges[i][0]);
  }
  fclose(out);
  return text;
}

/* Rings, cliques and other graphs where every blank node looks alike until one is chosen. */
static void
test_symmetric_structures(void** const state)
{
  (void)state;
  static const unsigned hexagon[][2]   = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 4 }, { 4, 5 }, { 5, 0 } };
  static const unsigned relabeled[][2] = { { 5, 3 }, { 3, 1 }, { 1, 0 }, { 0, 2 }, { 2, 4 }, { 4, 5 } };
  static const unsigned triangles[][2] = { { 0, 1 }, { 1, 2 }, { 2, 0 }, { 3, 4 }, { 4, 5 }, { 5, 3 } };
  static const unsigned clique[][2]    = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 0, 4 }, { 1, 2 },
                                           { 1, 3 }, { 1, 4 }, { 2, 3 }, { 2, 4 }, { 3, 4 } };
  static const unsigned clique2[][2]   = { { 4, 3 }, { 2, 4 }, { 1, 4 }, { 0, 4 }, { 3, 2 },
                                           { 1, 3 }, { 0, 3 }, { 2, 1 }, { 0, 2 }, { 1, 0 } };
  char* const           hex            = undirected("h", hexagon, 6U);
  char* const           hex2           = undirected("w", relabeled, 6U);
  char* const           tri            = undirected("t", triangles, 6U);
  char* const           k5             = undirected("k", clique, 10U);
  char* const           k5b            = undirected("z", clique2, 10U);

  size_t removed = 0U, added = 0U;
  diff_and_patch(hex, hex2, &removed, &added);
  assert_int_equal(removed + added, 0U);
  diff_and_patch(k5, k5b, &removed, &added);
  assert_int_equal(removed + added, 0U);
  /* Same colours everywhere, yet not isomorphic: a real difference, and the patch must still be right. */
  diff_and_patch(hex, tri, &removed, &added);
  assert_int_equal(removed, 4U);
  assert_int_equal(added, 4U);

  free(hex);
  free(hex2);
  free(tri);
  free(k5);
  free(k5b);
}

static void
test_graph_remove(void** const state)
{
  (void)state;
  AseankgGraph* const g = aseankg_graph_new();
  const AseankgTermId p = aseankg_graph_iri(g, "http://p", 8U);
  AseankgQuad         quads[2000];
  for (unsigned i = 0U; i < 2000U; ++i) {
    char number[16];
    snprintf(number, sizeof(number), "%u", i);
    const AseankgQuad q = { aseankg_graph_blank(g, number, strlen(number)), p,
                            aseankg_graph_typed(g, number, "integer"), 0U };
    quads[i]            = q;
    assert_int_equal(aseankg_graph_add(g, q.subject, q.predicate, q.object, 0U), ASEANKG_SUCCESS);
  }
  for (unsigned i = 0U; i < 2000U; i += 3U) {
    assert_true(aseankg_graph_remove(g, &quads[i]));
    assert_false(aseankg_graph_remove(g, &quads[i]));
  }
  for (unsigned i = 0U; i < 2000U; ++i) {
    assert_int_equal(aseankg_graph_contains(g, &quads[i]), i % 3U != 0U);
  }
  assert_int_equal(aseankg_graph_size(g), 2000U - 667U);
  aseankg_graph_free(g);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_graph_remove),
    cmocka_unit_test(test_isomorphic_copies_report_no_change),
    cmocka_unit_test(test_symmetric_structures),
    cmocka_unit_test(test_one_edit_in_a_tree_reports_one_change),
    cmocka_unit_test(test_random_edits_patch_to_new),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
