/* Unit tests for the error record: messages are escaped where they are formatted, and cut cleanly. */
#include "aseankg/status.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static void
expect_escaped(const char* const text, const char* const expected)
{
  char buffer[256];
  assert_string_equal(aseankg_error_escape(text, buffer, sizeof(buffer)), expected);
}

static void
test_controls(void** const state)
{
  (void)state;
  expect_escaped("plain text", "plain text");
  expect_escaped("\x1b[31mred\x1b[0m", "\\x1B[31mred\\x1B[0m");
  expect_escaped("\x1b]0;title\x07", "\\x1B]0;title\\x07");
  expect_escaped("a\bb\x7f", "a\\x08b\\x7F");
  expect_escaped("one\r\ntwo\tthree", "one\\r\\ntwo\\tthree");
  expect_escaped("\x01\x1f", "\\x01\\x1F");
}

static void
test_unicode(void** const state)
{
  (void)state;
  expect_escaped("中华人民共和国 “quoted” …", "中华人民共和国 “quoted” …");
  expect_escaped("\xc2\x9b"
                 "31m",
                 "\\u009B31m"); /* C1 CSI */
  expect_escaped("abc\xe2\x80\xae"
                 "def",
                 "abc\\u202Edef"); /* right-to-left override */
  expect_escaped("line\xe2\x80\xa8"
                 "sep",
                 "line\\u2028sep");                         /* line separator */
  expect_escaped("bad \xff\xfe end", "bad \\xFF\\xFE end"); /* not UTF-8 */
  expect_escaped("cut \xe4\xb8", "cut \\xE4\\xB8");         /* incomplete sequence */
  expect_escaped("\xed\xa0\x80", "\\xED\\xA0\\x80");        /* a surrogate */
  expect_escaped(NULL, "");
}

static void
test_cut_whole(void** const state)
{
  (void)state;
  char buffer[6];
  assert_string_equal(aseankg_error_escape("ab\x1b"
                                           "cd",
                                           buffer, sizeof(buffer)),
                      "ab");
  assert_string_equal(aseankg_error_escape("a中文", buffer, sizeof(buffer)), "a中");
  char tiny[1];
  assert_string_equal(aseankg_error_escape("abc", tiny, sizeof(tiny)), "");
}

static void
test_format_escapes_file_and_message(void** const state)
{
  (void)state;
  AseankgError error;
  aseankg_error_clear(&error);
  aseankg_error_set(&error, ASEANKG_ERR_DATA, "evil\nname.yaml", 3U, 7U, "evidence \"%s\" not found",
                    "\x1b]8;;http://x\x07"
                    "click\x1b]8;;\x07");
  char line[512];
  assert_string_equal(
    aseankg_error_format(&error, line, sizeof(line)),
    "evil\\nname.yaml:3:7: evidence \"\\x1B]8;;http://x\\x07click\\x1B]8;;\\x07\" not found");
  assert_null(strpbrk(line, "\x1b\x07\n\r"));

  aseankg_error_clear(&error);
  aseankg_error_set(&error, ASEANKG_ERR_IO, "server", 0U, 0U, "%s",
                    "HTTP 500: \xc2\x9b"
                    "2J");
  assert_string_equal(aseankg_error_format(&error, line, sizeof(line)), "server: HTTP 500: \\u009B2J");

  /* the first error wins */
  aseankg_error_set(&error, ASEANKG_ERR_SYNTAX, "other", 0U, 0U, "later");
  assert_int_equal(error.status, ASEANKG_ERR_IO);
}

static void
test_long_message_cut_on_a_character(void** const state)
{
  (void)state;
  char   text[1200];
  size_t n  = 0U;
  text[n++] = 'x'; /* shift so that a three-byte character straddles the message's end */
  while (n + 3U < sizeof(text)) {
    memcpy(text + n, "中", 3U);
    n += 3U;
  }
  text[n] = '\0';
  AseankgError error;
  aseankg_error_clear(&error);
  aseankg_error_set(&error, ASEANKG_ERR_DATA, "f", 0U, 0U, "%s", text);
  char line[4096];
  aseankg_error_format(&error, line, sizeof(line));
  assert_null(strstr(line, "\\x"));
  assert_true(strlen(error.message) < sizeof(error.message));
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_controls),
    cmocka_unit_test(test_unicode),
    cmocka_unit_test(test_cut_whole),
    cmocka_unit_test(test_format_escapes_file_and_message),
    cmocka_unit_test(test_long_message_cut_on_a_character),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
