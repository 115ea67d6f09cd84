/* Unit tests for util/iri: the IRIREF character set (RDF 1.1 N-Triples §6 production IRIREF) and schemes. */
#include "iri.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static void
test_characters(void** const state)
{
  (void)state;
  const char forbidden[] = "<>\"{}|^`\\ \t\n\x7F";
  for (size_t i = 0U; i < sizeof(forbidden) - 1U; ++i) {
    assert_false(aseankg_iri_char_allowed((unsigned char)forbidden[i]));
  }
  assert_false(aseankg_iri_char_allowed(0x00U));
  assert_false(aseankg_iri_char_allowed(0x1FU));
  const char allowed[] = "az09-._~:/?#[]@!$&'()*+,;=%";
  for (size_t i = 0U; i < sizeof(allowed) - 1U; ++i) {
    assert_true(aseankg_iri_char_allowed((unsigned char)allowed[i]));
  }
  assert_true(aseankg_iri_char_allowed(0xE4U)); /* bytes of non-ASCII characters: IRIs, not URIs */
}

static void
test_scheme(void** const state)
{
  (void)state;
  assert_true(aseankg_iri_has_scheme("http://a/", 9U));
  assert_true(aseankg_iri_has_scheme("urn:x", 5U));
  assert_true(aseankg_iri_has_scheme("a+b-c.d:x", 9U));
  assert_false(aseankg_iri_has_scheme("1http://a/", 10U)); /* a scheme starts with a letter */
  assert_false(aseankg_iri_has_scheme("relative/path", 13U));
  assert_false(aseankg_iri_has_scheme("http", 4U)); /* no colon */
  assert_false(aseankg_iri_has_scheme("ht tp:x", 7U));
  assert_false(aseankg_iri_has_scheme("http://a/", 4U)); /* the colon lies past `length` */
  assert_false(aseankg_iri_has_scheme("", 0U));
}

static void
test_valid(void** const state)
{
  (void)state;
  assert_true(aseankg_iri_is_valid("https://example.org/aseankg/id/entity/中国"));
  assert_false(aseankg_iri_is_valid("https://example.org/a b"));
  assert_false(aseankg_iri_is_valid("entity/china"));
  assert_false(aseankg_iri_is_valid("http://a/<script>"));
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_characters),
    cmocka_unit_test(test_scheme),
    cmocka_unit_test(test_valid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
