/* The W3C RDF 1.1 suites (Turtle, TriG, N-Triples, N-Quads, RDF/XML) through aseankg_read_stream(), driven
 * from their manifests: syntax tests by acceptance, evaluation tests by graph isomorphism (RDFC-1.0 canonical
 * form). Known failures come from one file, each with its reason; any other result fails the run.
 *   test_w3c_rdf KNOWN_FAILURES SUITE_NAME MANIFEST */
#define _XOPEN_SOURCE 700 /* realpath */
#include "aseankg/aseankg.h"
#include "aseankg/canon.h"
#include "w3c_manifest.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char*
syntax_of(const W3cTest* const test)
{
  static const struct {
    const char* type;
    const char* syntax;
  } syntaxes[] = { { "TestTurtle", "turtle" },
                   { "TestTrig", "trig" },
                   { "TestNTriples", "ntriples" },
                   { "TestNQuads", "nquads" },
                   { "TestXML", "rdfxml" } };
  for (size_t i = 0U; i < sizeof(syntaxes) / sizeof(syntaxes[0]); ++i) {
    if (strstr(test->type, syntaxes[i].type)) {
      return syntaxes[i].syntax;
    }
  }
  return NULL;
}

/* Read `path` in `syntax`; returns the status. */
static AseankgStatus
read_into(AseankgGraph* const graph, const char* const path, const char* const syntax, const char* const base,
          AseankgError* const error)
{
  FILE* const stream = fopen(path, "rb");
  if (!stream) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open");
  }
  const AseankgStatus st = aseankg_read_stream(graph, stream, path, syntax, base, NULL, error);
  fclose(stream);
  return st;
}

/* The canonical N-Quads of a graph, as a new string. */
static char*
canonical_text(const AseankgGraph* const graph)
{
  AseankgGraph* const canonical = aseankg_graph_new();
  char*               text      = NULL;
  size_t              size      = 0U;
  FILE* const         stream    = open_memstream(&text, &size);
  if (!canonical || !stream || aseankg_canon(graph, canonical, NULL, NULL, NULL) ||
      aseankg_ntriples_write(canonical, stream, 1)) {
    if (stream) {
      fclose(stream);
    }
    free(text);
    aseankg_graph_free(canonical);
    return NULL;
  }
  fclose(stream);
  aseankg_graph_free(canonical);
  return text;
}

/* Run one test; returns 1 if it passed, 0 if not (with the reason in `why`). */
static int
run_test(const W3cTest* const test, const char* const base, char* const why, const size_t why_size)
{
  const char* const syntax    = syntax_of(test);
  const int         negative  = strstr(test->type, "Negative") != NULL;
  const int         eval      = strstr(test->type, "Eval") != NULL && !negative;
  AseankgGraph*     graph     = aseankg_graph_new();
  AseankgGraph*     expected  = aseankg_graph_new();
  char*             got_text  = NULL;
  char*             want_text = NULL;
  int               passed    = 0;
  AseankgError      error;
  aseankg_error_clear(&error);
  char line[1600];

  if (!syntax) {
    snprintf(why, why_size, "unknown test type %s", test->type);
    goto cleanup;
  }
  const AseankgStatus st = read_into(graph, test->action, syntax, base, &error);
  if (negative) {
    passed = st == ASEANKG_ERR_SYNTAX && error.line > 0U;
    snprintf(why, why_size, "%s", st ? "refused without a position" : "accepted an invalid document");
    goto cleanup;
  }
  if (st) {
    snprintf(why, why_size, "refused: %s", aseankg_error_format(&error, line, sizeof(line)));
    goto cleanup;
  }
  if (!eval) {
    passed = 1;
    goto cleanup;
  }
  aseankg_error_clear(&error);
  if (read_into(expected, test->result, strstr(test->result, ".nq") ? "nquads" : "ntriples", NULL, &error)) {
    snprintf(why, why_size, "cannot read the expected result: %s",
             aseankg_error_format(&error, line, sizeof(line)));
    goto cleanup;
  }
  got_text  = canonical_text(graph);
  want_text = canonical_text(expected);
  passed    = got_text && want_text && !strcmp(got_text, want_text);
  snprintf(why, why_size, "not isomorphic to the expected result:\n--- expected\n%.600s--- read\n%.600s",
           want_text ? want_text : "", got_text ? got_text : "");

cleanup:
  free(got_text);
  free(want_text);
  aseankg_graph_free(graph);
  aseankg_graph_free(expected);
  return passed;
}

/* Whether "SUITE TEST reason" is listed in the known-failures file. */
static int
is_known_failure(const char* const known, const char* const suite, const char* const name)
{
  const size_t suite_length = strlen(suite);
  const size_t name_length  = strlen(name);
  for (const char* line = known; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
    if (!strncmp(line, suite, suite_length) && line[suite_length] == ' ' &&
        !strncmp(line + suite_length + 1U, name, name_length) &&
        line[suite_length + 1U + name_length] == ' ') {
      return 1;
    }
  }
  return 0;
}

int
main(const int argc, char** const argv)
{
  if (argc != 4) {
    fprintf(stderr, "usage: test_w3c_rdf KNOWN_FAILURES SUITE_NAME MANIFEST\n");
    return 2;
  }
  const char* const suite  = argv[2];
  size_t            length = 0U;
  char* const       known  = w3c_read_file(argv[1], &length);
  W3cManifest       manifest;
  char              directory[PATH_MAX];
  if (!known || w3c_manifest_load(&manifest, argv[3]) || !realpath(argv[3], directory)) {
    fprintf(stderr, "cannot read %s or %s\n", argv[1], argv[3]);
    free(known);
    return 2;
  }
  *strrchr(directory, '/') = '\0';

  size_t passed = 0U;
  size_t wrong  = 0U;
  for (size_t i = 0U; i < manifest.count; ++i) {
    const W3cTest* const test = &manifest.tests[i];
    char                 action[PATH_MAX];
    char                 base[PATH_MAX + 256];
    char                 why[2048] = "";
    const size_t         n         = strlen(directory);
    /* The base IRI the suite assumes: mf:assumedTestBase plus the action's path below the manifest. */
    if (!realpath(test->action, action) || strncmp(action, directory, n)) {
      fprintf(stderr, "%s: cannot place the action %s\n", test->name, test->action);
      ++wrong;
      continue;
    }
    snprintf(base, sizeof(base), "%s%s", manifest.base, action + n + 1U);
    const int ok            = run_test(test, base, why, sizeof(why));
    const int known_failure = is_known_failure(known, suite, test->name);
    passed += (size_t)ok;
    if (ok && known_failure) {
      printf("UNEXPECTED PASS %s %s (remove it from the known failures)\n", suite, test->name);
      ++wrong;
    } else if (!ok && !known_failure) {
      printf("FAIL %s %s: %s\n", suite, test->name, why);
      ++wrong;
    } else if (!ok) {
      printf("known failure %s %s\n", suite, test->name);
    }
  }
  printf("%s: %zu passed / %zu total, %zu unexpected\n", suite, passed, manifest.count, wrong);
  w3c_manifest_release(&manifest);
  free(known);
  return wrong ? 1 : 0;
}
