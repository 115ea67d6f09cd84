/* Unit tests for RDFC-1.0 at the API level: the issued labels, the hash option, the work bound, misuse. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

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

#define EX "http://example.org/"

static AseankgTermId
blank(AseankgGraph* const g, const char* const label)
{
  return aseankg_graph_blank(g, label, strlen(label));
}

static AseankgTermId
iri(AseankgGraph* const g, const char* const value)
{
  return aseankg_graph_iri(g, value, strlen(value));
}

/* A chain _:x0 -> _:x1 -> _:x2 with the given labels, and a literal on the last. */
static AseankgGraph*
chain(const char* const labels[3])
{
  AseankgGraph* const g = aseankg_graph_new();
  assert_non_null(g);
  const AseankgTermId p = iri(g, EX "p");
  assert_int_equal(aseankg_graph_add(g, blank(g, labels[0]), p, blank(g, labels[1]), 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(g, blank(g, labels[1]), p, blank(g, labels[2]), 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(g, blank(g, labels[2]), iri(g, EX "name"),
                                     aseankg_graph_literal(g, "end", 3U, 0U, NULL, NULL), 0U),
                   ASEANKG_SUCCESS);
  return g;
}

/* Canonical N-Quads of `input` with `options`, as a string the caller frees; the status in `*status`. */
static char*
canonical(const AseankgGraph* const input, const AseankgCanonOptions* const options,
          AseankgCanonLabels* const labels, AseankgStatus* const status, AseankgError* const error)
{
  AseankgGraph* const output = aseankg_graph_new();
  assert_non_null(output);
  aseankg_error_clear(error);
  *status      = aseankg_canon(input, output, options, labels, error);
  char*  text  = NULL;
  size_t size  = 0U;
  FILE*  write = open_memstream(&text, &size);
  assert_non_null(write);
  if (!*status) {
    assert_int_equal(aseankg_ntriples_write(output, write, 1), ASEANKG_SUCCESS);
  }
  assert_int_equal(fclose(write), 0);
  aseankg_graph_free(output);
  return text;
}

/* The labels map each input blank node to c14n<i>, in canonical order; relabelled inputs agree. */
static void
test_labels(void** const state)
{
  (void)state;
  const char* const   first[3]  = { "a", "b", "c" };
  const char* const   second[3] = { "zz", "m", "b0" };
  AseankgGraph* const g1        = chain(first);
  AseankgGraph* const g2        = chain(second);
  AseankgCanonLabels  labels    = { NULL, 0U, NULL };
  AseankgError        error;
  AseankgStatus       st = ASEANKG_SUCCESS;

  char* const text1 = canonical(g1, NULL, &labels, &st, &error);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_int_equal(labels.count, 3U);
  int seen[3] = { 0, 0, 0 };
  for (size_t i = 0U; i < labels.count; ++i) {
    char expected[32];
    snprintf(expected, sizeof(expected), "c14n%zu", i);
    assert_string_equal(labels.entries[i].canonical, expected);
    for (size_t k = 0U; k < 3U; ++k) {
      seen[k] += !strcmp(labels.entries[i].input, first[k]);
    }
  }
  assert_true(seen[0] == 1 && seen[1] == 1 && seen[2] == 1);
  assert_non_null(strstr(text1, "_:c14n"));
  assert_null(strstr(text1, "_:a "));

  char* const text2 = canonical(g2, NULL, &labels, &st, &error); /* the labels are released and refilled */
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_int_equal(labels.count, 3U);
  assert_string_equal(text1, text2);

  aseankg_canon_labels_release(&labels);
  assert_int_equal(labels.count, 0U);
  aseankg_canon_labels_release(NULL);
  free(text1);
  free(text2);
  aseankg_graph_free(g1);
  aseankg_graph_free(g2);
}

/* The hash algorithm: SHA256 by default, SHA384 by name (any case), anything else a usage error. */
static void
test_hash_option(void** const state)
{
  (void)state;
  const char* const   labels[3] = { "a", "b", "c" };
  AseankgGraph* const g         = chain(labels);
  AseankgError        error;
  AseankgStatus       st = ASEANKG_SUCCESS;

  const AseankgCanonOptions sha256 = { "SHA256", 0U };
  const AseankgCanonOptions sha384 = { "sha384", 0U };
  const AseankgCanonOptions md5    = { "MD5", 0U };
  char* const               byname = canonical(g, &sha256, NULL, &st, &error);
  assert_int_equal(st, ASEANKG_SUCCESS);
  char* const by_default = canonical(g, NULL, NULL, &st, &error);
  assert_string_equal(byname, by_default);
  char* const longer = canonical(g, &sha384, NULL, &st, &error);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(longer, "_:c14n"));

  char* const none = canonical(g, &md5, NULL, &st, &error);
  assert_int_equal(st, ASEANKG_ERR_USAGE);
  assert_int_equal(error.status, ASEANKG_ERR_USAGE);
  assert_non_null(strstr(error.message, "MD5"));
  free(byname);
  free(by_default);
  free(longer);
  free(none);
  aseankg_graph_free(g);
}

/* Blank nodes all alike (a ring) need many steps: a small bound stops the work with a data error. */
static void
test_work_bound(void** const state)
{
  (void)state;
  AseankgGraph* const g = aseankg_graph_new();
  assert_non_null(g);
  const AseankgTermId p = iri(g, EX "p");
  enum { RING = 12 };
  for (unsigned i = 0U; i < RING; ++i) {
    char from[16];
    char to[16];
    snprintf(from, sizeof(from), "r%u", i);
    snprintf(to, sizeof(to), "r%u", (i + 1U) % RING);
    assert_int_equal(aseankg_graph_add(g, blank(g, from), p, blank(g, to), 0U), ASEANKG_SUCCESS);
  }
  AseankgError       error;
  AseankgStatus      st     = ASEANKG_SUCCESS;
  AseankgCanonLabels labels = { NULL, 0U, NULL };

  const AseankgCanonOptions tight = { NULL, 10U };
  char* const               text  = canonical(g, &tight, &labels, &st, &error);
  assert_int_equal(st, ASEANKG_ERR_DATA);
  assert_int_equal(error.status, ASEANKG_ERR_DATA);
  assert_int_equal(labels.count, 0U); /* empty on failure */
  free(text);

  char* const done = canonical(g, NULL, &labels, &st, &error); /* the default bound suffices */
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_int_equal(labels.count, (size_t)RING);
  aseankg_canon_labels_release(&labels);
  free(done);
  aseankg_graph_free(g);
}

/* The output must be another, empty graph. */
static void
test_misuse(void** const state)
{
  (void)state;
  const char* const   labels[3] = { "a", "b", "c" };
  AseankgGraph* const g         = chain(labels);
  AseankgError        error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_canon(g, g, NULL, NULL, &error), ASEANKG_ERR_USAGE);

  AseankgGraph* const full = chain(labels);
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_canon(g, full, NULL, NULL, &error), ASEANKG_ERR_USAGE);
  assert_int_equal(error.status, ASEANKG_ERR_USAGE);
  aseankg_graph_free(full);
  aseankg_graph_free(g);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_labels),
    cmocka_unit_test(test_hash_option),
    cmocka_unit_test(test_work_bound),
    cmocka_unit_test(test_misuse),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
