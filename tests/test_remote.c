/* Unit tests for the SPARQL client that need no server: URLs refused before any connection, unknown
   formats, and a closed local port reported as a transport error within the connect timeout. */
#include "aseankg/aseankg.h"
#include "aseankg/remote.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static int
set_up(void** const state)
{
  (void)state;
  return aseankg_remote_global_init() == ASEANKG_SUCCESS ? 0 : -1;
}

static int
tear_down(void** const state)
{
  (void)state;
  aseankg_remote_global_cleanup();
  return 0;
}

/* The formatted error, which is what a user sees. */
static const char*
format(const AseankgError* const error)
{
  static char line[2048];
  return aseankg_error_format(error, line, sizeof(line));
}

/* Credentials in a URL are refused with a usage error, and the password is never echoed. */
static void
test_credentials_refused(void** const state)
{
  (void)state;
  const char* const endpoints[] = {
    "http://alice:s3cret@127.0.0.1:1/sparql", "https://alice@127.0.0.1:1/sparql",
    "http://alice:s3cret@[not a host/sparql", /* unparsable, and still not echoed */
  };
  for (size_t i = 0U; i < sizeof(endpoints) / sizeof(endpoints[0]); ++i) {
    const AseankgRemote remote = { endpoints[i], 1L, 2L };
    AseankgError        error;
    aseankg_error_clear(&error);
    assert_int_equal(aseankg_remote_query(&remote, "ASK {}", "json", stdout, &error), ASEANKG_ERR_USAGE);
    assert_non_null(strstr(error.message, "credentials"));
    assert_null(strstr(format(&error), "s3cret"));
    assert_null(strstr(format(&error), "alice"));

    aseankg_error_clear(&error);
    assert_int_equal(aseankg_remote_update(&remote, "CLEAR DEFAULT", &error), ASEANKG_ERR_USAGE);
    assert_null(strstr(format(&error), "s3cret"));
  }
}

/* Only http and https: anything else is a usage error naming the endpoint. */
static void
test_scheme_refused(void** const state)
{
  (void)state;
  const char* const endpoints[] = { "file:///etc/passwd", "ftp://127.0.0.1/sparql", "127.0.0.1:1/sparql" };
  for (size_t i = 0U; i < sizeof(endpoints) / sizeof(endpoints[0]); ++i) {
    const AseankgRemote remote = { endpoints[i], 1L, 2L };
    AseankgError        error;
    aseankg_error_clear(&error);
    assert_int_equal(aseankg_remote_query(&remote, "ASK {}", "json", stdout, &error), ASEANKG_ERR_USAGE);
    assert_string_equal(error.file, endpoints[i]);
    assert_non_null(strstr(error.message, "not an http or https URL"));
  }
}

/* An unknown results format is refused before anything is sent. */
static void
test_unknown_format(void** const state)
{
  (void)state;
  const AseankgRemote remote = { "http://127.0.0.1:1/sparql", 1L, 2L };
  AseankgError        error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_remote_query(&remote, "ASK {}", "yaml", stdout, &error), ASEANKG_ERR_USAGE);
  assert_string_equal(error.file, "yaml");
  assert_non_null(strstr(error.message, "unknown results format"));
}

/* Nothing listens on port 1 of the loopback: a transport error (not a hang), whatever the timeouts,
   including zero and negative ones, which mean the defaults. */
static void
test_closed_port(void** const state)
{
  (void)state;
  const long timeouts[][2] = { { 1L, 2L }, { 0L, 0L }, { -5L, -5L } };
  for (size_t i = 0U; i < sizeof(timeouts) / sizeof(timeouts[0]); ++i) {
    const AseankgRemote remote = { "http://127.0.0.1:1/sparql", timeouts[i][0], timeouts[i][1] };
    AseankgError        error;
    aseankg_error_clear(&error);
    assert_int_equal(aseankg_remote_query(&remote, "ASK {}", "json", stdout, &error), ASEANKG_ERR_IO);
    assert_int_equal(error.status, ASEANKG_ERR_IO);
    assert_true(error.message[0] != '\0');
  }
}

/* A file to load that does not exist: an error naming it; the server is never needed. */
static void
test_load_missing_file(void** const state)
{
  (void)state;
  const AseankgRemote remote = { "http://127.0.0.1:1/store", 1L, 2L };
  AseankgError        error;
  aseankg_error_clear(&error);
  const AseankgStatus st =
    aseankg_remote_load(&remote, "http://example.org/g", "/nonexistent/aseankg.nt", "ntriples", 0, &error);
  assert_int_not_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(format(&error), "/nonexistent/aseankg.nt"));

  /* Only N-Triples and Turtle are uploaded; another syntax is a usage error before the file is opened. */
  aseankg_error_clear(&error);
  assert_int_equal(
    aseankg_remote_load(&remote, "http://example.org/g", "/nonexistent/aseankg.rdf", "rdfxml", 1, &error),
    ASEANKG_ERR_USAGE);
  assert_non_null(strstr(error.message, "rdfxml"));
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_credentials_refused), cmocka_unit_test(test_scheme_refused),
    cmocka_unit_test(test_unknown_format),      cmocka_unit_test(test_closed_port),
    cmocka_unit_test(test_load_missing_file),
  };
  return cmocka_run_group_tests(tests, set_up, tear_down);
}
