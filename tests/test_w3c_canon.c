/* W3C RDF Dataset Canonicalization (RDFC-1.0) suite, driven from its manifest: output, issued maps, work
 * bound. */
#include "aseankg/canon.h"
#include "aseankg/graph.h"
#include "aseankg/ntriples.h"
#include "w3c_manifest.h"

#include <raptor2.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#define RDFC "https://w3c.github.io/rdf-canon/tests/vocab#"

/* The negative test must be refused this fast, even under the sanitizers or valgrind (it takes 0.03 s). */
#define NEGATIVE_SECONDS 5.0

typedef struct {
  const W3cTest* test;
  char*          hash_algorithm; /* rdfc:hashAlgorithm, or NULL for the default */
} CanonTest;

/* rdfc:hashAlgorithm per entry, which w3c_manifest.c does not collect. */
typedef struct {
  CanonTest* tests;
  size_t     count;
} Algorithms;

static void
collect_algorithm(void* const user_data, raptor_statement* const statement)
{
  Algorithms* const algorithms = (Algorithms*)user_data;
  if (statement->subject->type != RAPTOR_TERM_TYPE_URI ||
      statement->object->type != RAPTOR_TERM_TYPE_LITERAL ||
      strcmp((const char*)raptor_uri_as_string(statement->predicate->value.uri), RDFC "hashAlgorithm")) {
    return;
  }
  const char* const subject = (const char*)raptor_uri_as_string(statement->subject->value.uri);
  const char* const hash    = strrchr(subject, '#');
  const char* const name    = hash ? hash + 1 : subject;
  for (size_t i = 0U; i < algorithms->count; ++i) {
    CanonTest* const t = &algorithms->tests[i];
    if (!strcmp(t->test->name, name) && !t->hash_algorithm) {
      t->hash_algorithm = strdup((const char*)statement->object->value.literal.string);
    }
  }
}

/* Fill in each test's hash algorithm from a second pass over the manifest; returns 0 on success. */
static int
read_algorithms(CanonTest* const tests, const size_t count, const char* const path)
{
  Algorithms           algorithms = { tests, count };
  raptor_world* const  world      = raptor_new_world();
  raptor_parser* const parser     = raptor_new_parser(world, "turtle");
  unsigned char* const uri_string = raptor_uri_filename_to_uri_string(path);
  raptor_uri* const    uri        = raptor_new_uri(world, uri_string);
  raptor_parser_set_statement_handler(parser, &algorithms, collect_algorithm);
  const int failed = raptor_parser_parse_file(parser, uri, uri) != 0;
  raptor_free_uri(uri);
  raptor_free_memory(uri_string);
  raptor_free_parser(parser);
  raptor_free_world(world);
  return failed;
}

static int
is_type(const W3cTest* const test, const char* const local)
{
  return !strcmp(test->type, local) ||
         (!strncmp(test->type, RDFC, strlen(RDFC)) && !strcmp(test->type + strlen(RDFC), local));
}

static AseankgGraph*
read_dataset(const char* const path)
{
  FILE* const stream = fopen(path, "rb");
  assert_non_null(stream);
  AseankgGraph* const graph = aseankg_graph_new();
  assert_non_null(graph);
  AseankgError error;
  aseankg_error_clear(&error);
  const AseankgStatus st = aseankg_ntriples_read(graph, stream, path, 1, &error);
  fclose(stream);
  if (st) {
    char line[1024];
    fail_msg("%s", aseankg_error_format(&error, line, sizeof(line)));
  }
  return graph;
}

static double
seconds_since(const struct timespec* const start)
{
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Read one JSON string at `*at` (the suite's labels need no escapes beyond \" and \\). */
static char*
json_string(const char** const at)
{
  const char* p = *at;
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
    ++p;
  }
  if (*p != '"') {
    return NULL;
  }
  char* const out = (char*)malloc(strlen(p) + 1U);
  size_t      n   = 0U;
  for (++p; *p && *p != '"'; ++p) {
    if (*p == '\\' && p[1]) {
      ++p;
    }
    out[n++] = *p;
  }
  out[n] = '\0';
  if (*p != '"') {
    free(out);
    return NULL;
  }
  *at = p + 1;
  return out;
}

/* Skip white space and then expect `c`; returns whether it was there. */
static int
json_expect(const char** const at, const char c)
{
  while (**at == ' ' || **at == '\t' || **at == '\n' || **at == '\r') {
    ++*at;
  }
  if (**at != c) {
    return 0;
  }
  ++*at;
  return 1;
}

/* Check the issued map against the flat JSON object in `json`; returns an error message or NULL. */
static const char*
check_map(const AseankgCanonLabels* const labels, const char* const json)
{
  const char* at      = json;
  size_t      entries = 0U;
  if (!json_expect(&at, '{')) {
    return "the expected map is not a JSON object";
  }
  if (json_expect(&at, '}')) {
    return labels->count ? "issued labels the expected map does not have" : NULL;
  }
  for (;;) {
    char* const key   = json_string(&at);
    const int   colon = key && json_expect(&at, ':');
    char* const value = colon ? json_string(&at) : NULL;
    if (!value) {
      free(key);
      return "malformed JSON in the expected map";
    }
    int found = 0;
    for (size_t i = 0U; i < labels->count && !found; ++i) {
      found = !strcmp(labels->entries[i].input, key) && !strcmp(labels->entries[i].canonical, value);
    }
    free(key);
    free(value);
    if (!found) {
      return "an expected mapping was not issued";
    }
    ++entries;
    if (json_expect(&at, '}')) {
      break;
    }
    if (!json_expect(&at, ',')) {
      return "malformed JSON in the expected map";
    }
  }
  return entries == labels->count ? NULL : "issued labels the expected map does not have";
}

static void
print_labels(const AseankgCanonLabels* const labels)
{
  for (size_t i = 0U; i < labels->count; ++i) {
    print_message("  %s -> %s\n", labels->entries[i].input, labels->entries[i].canonical);
  }
}

static void
run_canon_test(void** const state)
{
  const CanonTest* const    canon   = (const CanonTest*)*state;
  const W3cTest* const      test    = canon->test;
  AseankgGraph* const       input   = read_dataset(test->action);
  AseankgGraph* const       output  = aseankg_graph_new();
  AseankgCanonLabels        labels  = { NULL, 0U, NULL };
  const AseankgCanonOptions options = { canon->hash_algorithm, 0U };
  AseankgError              error;
  aseankg_error_clear(&error);
  assert_non_null(output);

  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  const AseankgStatus st      = aseankg_canon(input, output, &options, &labels, &error);
  const double        elapsed = seconds_since(&start);
  char                line[1024];

  if (is_type(test, "RDFC10NegativeEvalTest")) {
    if (!st) {
      fail_msg("%s: canonicalized a dataset the suite says must be refused", test->name);
    }
    assert_int_equal(st, ASEANKG_ERR_DATA);
    assert_non_null(strstr(error.message, "work bound"));
    print_message("%s: refused in %.3f s: %s\n", test->name, elapsed,
                  aseankg_error_format(&error, line, 1024));
  } else if (st) {
    fail_msg("%s", aseankg_error_format(&error, line, sizeof(line)));
  } else if (is_type(test, "RDFC10EvalTest")) {
    char*  written = NULL;
    size_t size    = 0U;
    FILE*  out     = open_memstream(&written, &size);
    assert_int_equal(aseankg_ntriples_write(output, out, 1), ASEANKG_SUCCESS);
    fclose(out);
    size_t      expected_length = 0U;
    char* const expected        = w3c_read_file(test->result, &expected_length);
    assert_non_null(expected);
    if (size != expected_length || memcmp(written, expected, size)) {
      fail_msg("%s:\nexpected:\n%s\nwritten:\n%s", test->name, expected, written);
    }
    free(expected);
    free(written);
  } else {
    size_t      expected_length = 0U;
    char* const expected        = w3c_read_file(test->result, &expected_length);
    assert_non_null(expected);
    const char* const problem = check_map(&labels, expected);
    if (problem) {
      print_labels(&labels);
      fail_msg("%s: %s; expected:\n%s", test->name, problem, expected);
    }
    free(expected);
  }
  aseankg_canon_labels_release(&labels);
  aseankg_graph_free(output);
  aseankg_graph_free(input);
  if (is_type(test, "RDFC10NegativeEvalTest") && elapsed >= NEGATIVE_SECONDS) {
    fail_msg("%s: took %.3f s to refuse", test->name, elapsed);
  }
}

/* Releasing twice, or releasing NULL, is harmless; a bad hash algorithm or output graph is refused. */
static void
test_api_edges(void** const state)
{
  (void)state;
  aseankg_canon_labels_release(NULL);
  AseankgGraph* const input  = aseankg_graph_new();
  AseankgGraph* const output = aseankg_graph_new();
  assert_non_null(input);
  assert_non_null(output);
  const AseankgTermId b = aseankg_graph_blank(input, "x", 1U);
  const AseankgTermId p = aseankg_graph_iri(input, "urn:p", 5U);
  assert_int_equal(aseankg_graph_add(input, b, p, b, 0U), ASEANKG_SUCCESS);

  AseankgError error;
  aseankg_error_clear(&error);
  const AseankgCanonOptions md5 = { "MD5", 0U };
  assert_int_equal(aseankg_canon(input, output, &md5, NULL, &error), ASEANKG_ERR_USAGE);
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_canon(input, input, NULL, NULL, &error), ASEANKG_ERR_USAGE);

  AseankgCanonLabels labels = { NULL, 0U, NULL };
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_canon(input, output, NULL, &labels, &error), ASEANKG_SUCCESS);
  assert_int_equal(labels.count, 1U);
  assert_string_equal(labels.entries[0].input, "x");
  assert_string_equal(labels.entries[0].canonical, "c14n0");
  aseankg_canon_labels_release(&labels);
  aseankg_canon_labels_release(&labels);
  assert_int_equal(labels.count, 0U);
  aseankg_graph_free(output);
  aseankg_graph_free(input);
}

int
main(const int argc, char** const argv)
{
  if (argc != 2) {
    fprintf(stderr, "usage: %s MANIFEST\n", argv[0]);
    return 2;
  }
  W3cManifest manifest;
  if (w3c_manifest_load(&manifest, argv[1])) {
    return 1;
  }

  CanonTest* const         canon = (CanonTest*)calloc(manifest.count + 1U, sizeof(CanonTest));
  struct CMUnitTest* const tests = (struct CMUnitTest*)calloc(manifest.count + 1U, sizeof(struct CMUnitTest));
  int                      failures = 0;
  size_t                   n        = 0U;
  for (size_t i = 0U; i < manifest.count; ++i) {
    canon[i].test = &manifest.tests[i];
  }
  if (read_algorithms(canon, manifest.count, argv[1])) {
    fprintf(stderr, "%s: cannot read hash algorithms\n", argv[1]);
    ++failures;
  }

  tests[n].name      = "api_edges";
  tests[n].test_func = test_api_edges;
  ++n;
  for (size_t i = 0U; i < manifest.count; ++i) {
    const W3cTest* const t = &manifest.tests[i];
    if (is_type(t, "RDFC10EvalTest") || is_type(t, "RDFC10MapTest") || is_type(t, "RDFC10NegativeEvalTest")) {
      tests[n].name          = t->name;
      tests[n].test_func     = run_canon_test;
      tests[n].initial_state = &canon[i];
      ++n;
    } else {
      fprintf(stderr, "%s: unexpected test type %s\n", t->name, t->type);
      ++failures;
    }
  }
  failures += _cmocka_run_group_tests(argv[1], tests, n, NULL, NULL);

  for (size_t i = 0U; i < manifest.count; ++i) {
    free(canon[i].hash_algorithm);
  }
  free(canon);
  free(tests);
  w3c_manifest_release(&manifest);
  return failures ? 1 : 0;
}
