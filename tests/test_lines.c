/* Unit tests for the line reader: the three line ends, a last line without one, and the length cap. */
#define _POSIX_C_SOURCE 200809L /* fmemopen */

#include "lines.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Read `bytes` line by line; return each line in brackets, or the error message after "error: ". */
static char*
split(const char* const bytes, const size_t length, const size_t max_length)
{
  char* const copy = (char*)malloc(length + 1U); /* fmemopen wants a writable buffer */
  assert_non_null(copy);
  memcpy(copy, bytes, length);
  FILE* const stream = fmemopen(copy, length, "rb");
  assert_non_null(stream);
  AseankgLines lines;
  aseankg_lines_init(&lines, stream, "mem", max_length);

  AseankgBuffer joined = { NULL, 0U, 0U };
  AseankgError  error;
  aseankg_error_clear(&error);
  int           more = 1;
  AseankgStatus st   = ASEANKG_SUCCESS;
  for (unsigned n = 0U; !st && !(st = aseankg_lines_next(&lines, &more, &error)) && more; ++n) {
    assert_int_equal(lines.number, n + 1U);
    assert_int_equal(strlen(lines.line.data ? lines.line.data : ""), lines.line.length);
    assert_int_equal(aseankg_buffer_printf(&joined, "[%s]", lines.line.data ? lines.line.data : ""),
                     ASEANKG_SUCCESS);
  }
  if (st) {
    aseankg_buffer_reset(&joined);
    assert_int_equal(
      aseankg_buffer_printf(&joined, "error: %u:%u: %s", error.line, error.column, error.message),
      ASEANKG_SUCCESS);
  }
  aseankg_lines_release(&lines);
  fclose(stream);
  free(copy);
  char* const result = strdup(joined.data ? joined.data : "");
  aseankg_buffer_release(&joined);
  return result;
}

static void
expect_lines(const char* const bytes, const char* const expected)
{
  char* const got = split(bytes, strlen(bytes), 1000U);
  assert_string_equal(got, expected);
  free(got);
}

static void
test_line_ends(void** const state)
{
  (void)state;
  expect_lines("a\nb\n", "[a][b]");
  expect_lines("a\r\nb\r\n", "[a][b]");
  expect_lines("a\rb\r", "[a][b]");
  expect_lines("a\r\rb", "[a][][b]");     /* two CRs end two lines */
  expect_lines("a\n\r\nb\n", "[a][][b]"); /* LF, then CR LF (one end) */
  expect_lines("a\r\n\nb", "[a][][b]");   /* CR LF (one end), then LF */
  expect_lines("last line", "[last line]");
  expect_lines("a", "[a]");
  expect_lines("a\n", "[a]");
  expect_lines("", "");
  expect_lines("\n", "[]");
  expect_lines("\r\n", "[]");
}

static void
test_chunk_boundaries(void** const state)
{
  (void)state;
  /* A CR LF split across the reader's 64 KiB chunks is still one line end. */
  const size_t n     = 65535U;
  char* const  bytes = (char*)malloc(n + 4U);
  assert_non_null(bytes);
  memset(bytes, 'x', n);
  memcpy(bytes + n, "\r\nz", 4U);
  char* const got = split(bytes, n + 3U, 100000U);
  assert_int_equal(strlen(got), n + 5U);
  assert_string_equal(got + n + 1U, "][z]");
  free(got);
  free(bytes);
}

static void
test_cap(void** const state)
{
  (void)state;
  char* got = split("abc\nabcdef\n", 11U, 5U);
  assert_string_equal(got, "error: 2:1: line longer than 5 bytes");
  free(got);
  got = split("abcde\nabcde", 11U, 5U);
  assert_string_equal(got, "[abcde][abcde]");
  free(got);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_line_ends),
    cmocka_unit_test(test_chunk_boundaries),
    cmocka_unit_test(test_cap),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
