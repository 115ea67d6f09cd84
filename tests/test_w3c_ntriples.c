/* W3C N-Triples / N-Quads suites, driven from their manifests: syntax (positive and negative) and canonical
 * form. */
#include "aseankg/aseankg.h"
#include "w3c_manifest.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static int
is_quads_suite(const W3cTest* const test)
{
  return strstr(test->type, "NQuads") != NULL;
}

/* Read `path`; returns the status and leaves the graph in `*graph`. */
static AseankgStatus
read_file(const W3cTest* const test, AseankgGraph** const graph, AseankgError* const error)
{
  FILE* const stream = fopen(test->action, "rb");
  assert_non_null(stream);
  *graph = aseankg_graph_new();
  aseankg_error_clear(error);
  const AseankgStatus st = aseankg_ntriples_read(*graph, stream, test->action, is_quads_suite(test), error);
  fclose(stream);
  return st;
}

static void
run_w3c_test(void** const state)
{
  const W3cTest* const test  = (const W3cTest*)*state;
  AseankgGraph*        graph = NULL;
  AseankgError         error;
  const AseankgStatus  st = read_file(test, &graph, &error);

  if (strstr(test->type, "NegativeSyntax")) {
    if (!st) {
      fail_msg("%s: accepted a document the suite says is invalid", test->action);
    }
    assert_int_equal(error.status, ASEANKG_ERR_SYNTAX);
    assert_true(error.line > 0U);
  } else {
    if (st) {
      char line[1024];
      fail_msg("%s", aseankg_error_format(&error, line, sizeof(line)));
    }
  }

  if (strstr(test->type, "C14N")) {
    /* Write in input order, as the suite's expected files are. */
    char*  written = NULL;
    size_t size    = 0U;
    FILE*  out     = open_memstream(&written, &size);
    assert_int_equal(aseankg_ntriples_write(graph, out, is_quads_suite(test)), ASEANKG_SUCCESS);
    fclose(out);

    size_t      expected_length = 0U;
    char* const expected        = w3c_read_file(test->result, &expected_length);
    assert_non_null(expected);
    if (size != expected_length || memcmp(written, expected, size)) {
      fail_msg("%s:\nexpected: %s\nwritten:  %s", test->name, expected, written);
    }
    free(expected);
    free(written);
  }
  aseankg_graph_free(graph);
}

int
main(const int argc, char** const argv)
{
  int failures = 0;
  for (int m = 1; m < argc; ++m) {
    W3cManifest manifest;
    if (w3c_manifest_load(&manifest, argv[m])) {
      return 1;
    }

    struct CMUnitTest* const tests = (struct CMUnitTest*)calloc(manifest.count, sizeof(struct CMUnitTest));
    size_t                   n     = 0U;
    for (size_t i = 0U; i < manifest.count; ++i) {
      W3cTest* const t = &manifest.tests[i];
      if (strstr(t->type, "Syntax") || strstr(t->type, "C14N")) {
        tests[n].name          = t->name;
        tests[n].test_func     = run_w3c_test;
        tests[n].initial_state = t;
        ++n;
      } else {
        fprintf(stderr, "%s: unexpected test type %s\n", t->name, t->type);
        ++failures;
      }
    }
    failures += _cmocka_run_group_tests(argv[m], tests, n, NULL, NULL);
    free(tests);
    w3c_manifest_release(&manifest);
  }
  return failures ? 1 : 0;
}
