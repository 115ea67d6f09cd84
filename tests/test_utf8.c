/* Unit tests for util/utf8: decoding and its refusals (RFC 3629 §3), encoding, validation, counting. */
#include "utf8.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static void
test_decode(void** const state)
{
  (void)state;
  uint32_t cp = 0U;
  assert_int_equal(aseankg_utf8_decode("A", 1U, &cp), 1U);
  assert_int_equal(cp, 0x41U);
  assert_int_equal(aseankg_utf8_decode("\xC3\xA9", 2U, &cp), 2U); /* é */
  assert_int_equal(cp, 0xE9U);
  assert_int_equal(aseankg_utf8_decode("\xE4\xB8\xAD", 3U, &cp), 3U); /* 中 */
  assert_int_equal(cp, 0x4E2DU);
  assert_int_equal(aseankg_utf8_decode("\xF0\x9F\x98\x8A", 4U, &cp), 4U); /* 😊 */
  assert_int_equal(cp, 0x1F60AU);
}

static void
test_decode_refuses(void** const state)
{
  (void)state;
  uint32_t cp = 0U;
  assert_int_equal(aseankg_utf8_decode("\xC0\xAF", 2U, &cp), 0U);         /* overlong '/' */
  assert_int_equal(aseankg_utf8_decode("\xE0\x80\xAF", 3U, &cp), 0U);     /* overlong, three bytes */
  assert_int_equal(aseankg_utf8_decode("\xED\xA0\x80", 3U, &cp), 0U);     /* U+D800, a surrogate */
  assert_int_equal(aseankg_utf8_decode("\xF4\x90\x80\x80", 4U, &cp), 0U); /* past U+10FFFF */
  assert_int_equal(aseankg_utf8_decode("\x80", 1U, &cp), 0U);             /* a lone continuation byte */
  assert_int_equal(aseankg_utf8_decode("\xE4\xB8", 2U, &cp), 0U);         /* cut short */
  assert_int_equal(aseankg_utf8_decode("\xFF", 1U, &cp), 0U);
}

static void
test_encode_round_trip(void** const state)
{
  (void)state;
  const uint32_t points[] = { 0x0U, 0x7FU, 0x80U, 0x7FFU, 0x800U, 0xFFFFU, 0x10000U, 0x10FFFFU };
  for (size_t i = 0U; i < sizeof(points) / sizeof(points[0]); ++i) {
    char         out[4];
    uint32_t     back   = 0xFFFFFFFFU;
    const size_t length = aseankg_utf8_encode(points[i], out);
    assert_true(length >= 1U && length <= 4U);
    assert_int_equal(aseankg_utf8_decode(out, length, &back), length);
    assert_int_equal(back, points[i]);
  }
  char out[4];
  assert_int_equal(aseankg_utf8_encode(0xD800U, out), 0U); /* surrogates have no UTF-8 form */
  assert_int_equal(aseankg_utf8_encode(0x110000U, out), 0U);
}

static void
test_validate_and_count(void** const state)
{
  (void)state;
  const char text[] = "中国-ASEAN 😊";
  int        valid  = 0;
  assert_int_equal(aseankg_utf8_validate(text, strlen(text), &valid), strlen(text));
  assert_true(valid);
  assert_int_equal(aseankg_utf8_count(text, strlen(text)), 10U); /* code points, not bytes */

  const char bad[] = "ab\xED\xA0\x80"
                     "cd";
  assert_int_equal(aseankg_utf8_validate(bad, strlen(bad), &valid), 2U); /* offset of the first bad byte */
  assert_false(valid);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_decode),
    cmocka_unit_test(test_decode_refuses),
    cmocka_unit_test(test_encode_round_trip),
    cmocka_unit_test(test_validate_and_count),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
