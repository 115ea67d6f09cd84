/* Unit tests for the text module: numerals, segmentation, UTF-8 checks, and the seed transcription. */
#include "aseankg/aseankg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static char*
write_temp(const char* const contents, const size_t length)
{
  char* const path = strdup("/tmp/aseankg-text-XXXXXX");
  const int   fd   = mkstemp(path);
  assert_true(fd >= 0);
  FILE* const stream = fdopen(fd, "wb");
  fwrite(contents, 1U, length, stream);
  fclose(stream);
  return path;
}

static void
test_numerals(void** const state)
{
  (void)state;
  static const struct {
    const char* text;
    unsigned    value;
  } cases[] = { { "一", 1U },    { "九", 9U },      { "十", 10U },     { "十一", 11U }, { "十四", 14U },
                { "二十", 20U }, { "二十三", 23U }, { "九十九", 99U }, { "零", 0U },    { "、", 0U } };
  for (size_t i = 0U; i < sizeof(cases) / sizeof(cases[0]); ++i) {
    size_t consumed = 0U;
    assert_int_equal(aseankg_text_parse_numeral(cases[i].text, strlen(cases[i].text), &consumed),
                     cases[i].value);
    if (cases[i].value) {
      assert_int_equal(consumed, strlen(cases[i].text));
    }
  }
}

static void
test_segments(void** const state)
{
  (void)state;
  static const char text[] = "头条\n标题\n序言一\n\n序言二：\n一、甲；\n二、乙中国。\n";
  char* const       path   = write_temp(text, sizeof(text) - 1U);
  AseankgText*      loaded = NULL;
  AseankgError      error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_text_load(&loaded, path, "标题", &error), ASEANKG_SUCCESS);
  assert_int_equal(loaded->n_segments, 6U);
  const char* const ids[] = { "header-1", "title", "preamble-1", "preamble-2", "clause-1", "clause-2" };
  for (size_t i = 0U; i < 6U; ++i) {
    assert_string_equal(loaded->segments[i].id, ids[i]);
  }

  const AseankgSegment* const clause = aseankg_text_segment(loaded, "clause-2");
  assert_non_null(clause);
  assert_int_equal(clause->line, 7U);
  assert_int_equal(clause->char_length, 6U); /* 二、乙中国。 in code points, not bytes */
  assert_int_equal(aseankg_segment_find(clause, "中国", 1U), strlen("二、乙"));
  assert_int_equal(aseankg_segment_find(clause, "中国", 2U), (size_t)-1);
  assert_null(aseankg_text_segment(loaded, "clause-3"));
  assert_int_equal(strlen(loaded->sha256_hex), 64U);
  aseankg_text_free(loaded);
  remove(path);
  free(path);
}

static void
expect_error(const char* const text, const size_t length, const unsigned line, const unsigned column,
             const char* const message)
{
  char* const  path   = write_temp(text, length);
  AseankgText* loaded = NULL;
  AseankgError error;
  aseankg_error_clear(&error);
  assert_int_not_equal(aseankg_text_load(&loaded, path, "标题", &error), ASEANKG_SUCCESS);
  assert_null(loaded);
  assert_int_equal(error.line, line);
  assert_int_equal(error.column, column);
  assert_non_null(strstr(error.message, message));
  remove(path);
  free(path);
}

static void
test_bad_texts(void** const state)
{
  (void)state;
  expect_error("标题\n一、甲\n三、乙\n", strlen("标题\n一、甲\n三、乙\n"), 3U, 1U,
               "clause 3 follows clause 1");
  expect_error("标题\n一、\xff甲\n", strlen("标题\n一、\xff甲\n"), 2U, 3U, "invalid UTF-8");
  expect_error("别的\n一、甲\n", strlen("别的\n一、甲\n"), 1U, 1U, "title");
  expect_error("标题\r\n一、甲\n", strlen("标题\r\n一、甲\n"), 1U, 3U, "carriage return");
  expect_error("标题\n序言\n", strlen("标题\n序言\n"), 2U, 1U, "no numbered clause");
}

static char*
strip_space(const char* const path)
{
  FILE* const stream = fopen(path, "rb");
  assert_non_null(stream);
  char*  out    = NULL;
  size_t length = 0U;
  FILE*  sink   = open_memstream(&out, &length);
  for (int c = 0; (c = fgetc(stream)) != EOF;) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') {
      fputc(c, sink);
    }
  }
  fclose(sink);
  fclose(stream);
  return out;
}

/* The transcription keeps every character of the seed: only white space may differ. */
static void
test_transcription_matches_seed(void** const state)
{
  (void)state;
  const char* const shared = getenv("ASEANKG_SHARED_DIR");
  const char* const source = getenv("ASEANKG_SOURCE_DIR");
  assert_non_null(shared);
  assert_non_null(source);
  char seed[4096];
  char ours[4096];
  snprintf(seed, sizeof(seed), "%s/seed/statement-2022-11-11.zh.txt", shared);
  snprintf(ours, sizeof(ours), "%s/data/statement-2022-11-11.zh.txt", source);
  char* const a = strip_space(seed);
  char* const b = strip_space(ours);
  assert_true(strlen(a) > 6000U);
  assert_string_equal(a, b);
  free(a);
  free(b);

  AseankgText* text = NULL;
  AseankgError error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_text_load(&text, ours, "关于加强中国－东盟共同的可持续发展联合声明", &error),
                   ASEANKG_SUCCESS);
  size_t clauses  = 0U;
  size_t preamble = 0U;
  for (size_t i = 0U; i < text->n_segments; ++i) {
    clauses += text->segments[i].kind == ASEANKG_SEGMENT_CLAUSE;
    preamble += text->segments[i].kind == ASEANKG_SEGMENT_PREAMBLE;
  }
  assert_int_equal(clauses, 14U);
  assert_int_equal(preamble, 13U);
  aseankg_text_free(text);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_numerals),
    cmocka_unit_test(test_segments),
    cmocka_unit_test(test_bad_texts),
    cmocka_unit_test(test_transcription_matches_seed),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
