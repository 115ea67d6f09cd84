/* Unit tests for aseankg_graph_write(): each syntax reaches its writer, and failures are recorded once. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "aseankg/aseankg.h"

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
iri(AseankgGraph* const g, const char* const value)
{
  return aseankg_graph_iri(g, value, strlen(value));
}

/* One triple in the default graph and one in graph ex:g, sorted. */
static AseankgGraph*
sample(void)
{
  AseankgGraph* const g = aseankg_graph_new();
  assert_non_null(g);
  assert_int_equal(aseankg_graph_add(g, iri(g, EX "s"), iri(g, EX "p"), iri(g, EX "o"), 0U), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_graph_add(g, iri(g, EX "s"), iri(g, EX "p"), iri(g, EX "o2"), iri(g, EX "g")),
                   ASEANKG_SUCCESS);
  aseankg_graph_sort(g);
  return g;
}

static char*
write_text(const AseankgGraph* const g, const AseankgSyntax syntax, const AseankgWriteOptions* const options)
{
  char*        text   = NULL;
  size_t       size   = 0U;
  FILE* const  stream = open_memstream(&text, &size);
  AseankgError error;
  aseankg_error_clear(&error);
  assert_non_null(stream);
  assert_int_equal(aseankg_graph_write(g, stream, syntax, options, &error), ASEANKG_SUCCESS);
  assert_int_equal(error.status, ASEANKG_SUCCESS);
  assert_int_equal(fclose(stream), 0);
  return text;
}

static void
test_syntaxes(void** const state)
{
  (void)state;
  AseankgGraph* const       g          = sample();
  const AseankgPrefix       prefixes[] = { { "ex", EX } };
  const AseankgWriteOptions options    = { "out", prefixes, 1U };

  char* text = write_text(g, ASEANKG_SYNTAX_NTRIPLES, NULL);
  assert_int_equal(strlen(text), 2U * strlen("<" EX "s> <" EX "p> <" EX "o> .\n") + 1U);
  assert_non_null(strstr(text, "<" EX "s> <" EX "p> <" EX "o> .\n"));
  assert_non_null(strstr(text, "<" EX "s> <" EX "p> <" EX "o2> .\n")); /* graph name dropped */
  free(text);

  text = write_text(g, ASEANKG_SYNTAX_NQUADS, NULL);
  assert_non_null(strstr(text, "<" EX "s> <" EX "p> <" EX "o> .\n"));
  assert_non_null(strstr(text, "<" EX "s> <" EX "p> <" EX "o2> <" EX "g> .\n"));
  free(text);

  text = write_text(g, ASEANKG_SYNTAX_TURTLE, &options);
  assert_string_equal(text, "@prefix ex: <" EX "> .\n\nex:s\n    ex:p ex:o .\n\n");
  free(text);

  text = write_text(g, ASEANKG_SYNTAX_JSONLD, &options);
  assert_non_null(strstr(text, "\"@context\""));
  assert_non_null(strstr(text, "\"ex:o\""));
  assert_null(strstr(text, "o2")); /* the named graph is not written */
  free(text);
  aseankg_graph_free(g);
}

/* A full device: ASEANKG_ERR_IO, recorded once, naming the file the options give, else the parameter. */
static void
test_write_error(void** const state)
{
  (void)state;
  AseankgGraph* const g    = sample();
  FILE* const         full = fopen("/dev/full", "w");
  if (!full) {
    aseankg_graph_free(g);
    skip();
  }
  setvbuf(full, NULL, _IONBF, 0U); /* every write reaches the device and fails there */
  const AseankgSyntax syntaxes[] = { ASEANKG_SYNTAX_NTRIPLES, ASEANKG_SYNTAX_NQUADS, ASEANKG_SYNTAX_TURTLE,
                                     ASEANKG_SYNTAX_JSONLD };
  for (size_t i = 0U; i < sizeof(syntaxes) / sizeof(syntaxes[0]); ++i) {
    const AseankgWriteOptions named = { "out.nt", NULL, 0U };
    AseankgError              error;
    char                      line[2048];
    aseankg_error_clear(&error);
    assert_int_equal(aseankg_graph_write(g, full, syntaxes[i], &named, &error), ASEANKG_ERR_IO);
    assert_int_equal(error.status, ASEANKG_ERR_IO);
    assert_string_equal(aseankg_error_format(&error, line, sizeof(line)), "out.nt: write error");
    clearerr(full);

    aseankg_error_clear(&error);
    assert_int_equal(aseankg_graph_write(g, full, syntaxes[i], NULL, &error), ASEANKG_ERR_IO);
    assert_string_equal(error.parameter, "stream");
    assert_string_equal(error.file, "");
    clearerr(full);
  }
  fclose(full);
  aseankg_graph_free(g);
}

/* JSON-LD 1.1 has no triple terms: ASEANKG_ERR_DATA with a message saying so; the others write it. */
static void
test_jsonld_refuses_triple_terms(void** const state)
{
  (void)state;
  AseankgGraph* const g = aseankg_graph_new();
  assert_non_null(g);
  const AseankgTermId s      = iri(g, EX "s");
  const AseankgTermId p      = iri(g, EX "p");
  const AseankgTermId triple = aseankg_graph_triple_term(g, s, p, iri(g, EX "o"));
  assert_int_equal(aseankg_graph_add(g, s, iri(g, EX "says"), triple, 0U), ASEANKG_SUCCESS);

  char*        text   = NULL;
  size_t       size   = 0U;
  FILE* const  stream = open_memstream(&text, &size);
  AseankgError error;
  aseankg_error_clear(&error);
  const AseankgWriteOptions options = { "out.jsonld", NULL, 0U };
  assert_int_equal(aseankg_graph_write(g, stream, ASEANKG_SYNTAX_JSONLD, &options, &error), ASEANKG_ERR_DATA);
  assert_string_equal(error.file, "out.jsonld");
  assert_non_null(strstr(error.message, "triple term"));
  fclose(stream);
  free(text);

  char* const nt = write_text(g, ASEANKG_SYNTAX_NTRIPLES, NULL);
  assert_non_null(strstr(nt, "<<("));
  free(nt);
  aseankg_graph_free(g);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_syntaxes),
    cmocka_unit_test(test_write_error),
    cmocka_unit_test(test_jsonld_refuses_triple_terms),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
