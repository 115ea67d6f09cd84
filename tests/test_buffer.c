/* Unit tests for util/buffer: appending, growth past the inline fast path, printf, spill, truncate. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "buffer.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void
test_append_and_grow(void** const state)
{
  (void)state;
  AseankgBuffer buffer = { NULL, 0U, 0U };
  assert_int_equal(aseankg_buffer_append_string(&buffer, "中国"), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_buffer_append_byte(&buffer, '-'), ASEANKG_SUCCESS);
  for (unsigned i = 0U; i < 10000U; ++i) { /* many growths; every byte kept */
    assert_int_equal(aseankg_buffer_append(&buffer, "0123456789", 10U), ASEANKG_SUCCESS);
  }
  assert_int_equal(buffer.length, strlen("中国-") + 100000U);
  assert_memory_equal(buffer.data, "中国-0123", strlen("中国-0123"));
  assert_int_equal(buffer.data[buffer.length], '\0'); /* NUL-terminated */
  assert_true(buffer.capacity > buffer.length);

  assert_int_equal(aseankg_buffer_append(&buffer, "a\0b", 3U), ASEANKG_SUCCESS); /* bytes, not strings */
  assert_memory_equal(buffer.data + buffer.length - 3U, "a\0b", 3U);

  aseankg_buffer_truncate(&buffer, 3U);
  assert_string_equal(buffer.data, "中");
  aseankg_buffer_truncate(&buffer, 100U); /* past the end: unchanged */
  assert_int_equal(buffer.length, 3U);
  aseankg_buffer_reset(&buffer);
  assert_int_equal(buffer.length, 0U);
  assert_non_null(buffer.data);
  aseankg_buffer_release(&buffer);
  assert_null(buffer.data);
  aseankg_buffer_release(&buffer); /* twice is fine */
}

static void
test_printf(void** const state)
{
  (void)state;
  AseankgBuffer buffer = { NULL, 0U, 0U };
  assert_int_equal(aseankg_buffer_printf(&buffer, "%s=%zu", "n", (size_t)42U), ASEANKG_SUCCESS);
  char long_value[5000];
  memset(long_value, 'x', sizeof(long_value) - 1U);
  long_value[sizeof(long_value) - 1U] = '\0';
  assert_int_equal(aseankg_buffer_printf(&buffer, ";%s", long_value), ASEANKG_SUCCESS);
  assert_int_equal(buffer.length, strlen("n=42;") + sizeof(long_value) - 1U);
  assert_memory_equal(buffer.data, "n=42;xxx", 8U);
  aseankg_buffer_release(&buffer);
}

static void
test_spill(void** const state)
{
  (void)state;
  char*         written = NULL;
  size_t        size    = 0U;
  FILE* const   stream  = open_memstream(&written, &size);
  AseankgBuffer buffer  = { NULL, 0U, 0U };
  assert_non_null(stream);
  assert_int_equal(aseankg_buffer_append_string(&buffer, "abc"), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_buffer_spill(&buffer, stream, 4U), ASEANKG_SUCCESS); /* below the threshold */
  assert_int_equal(buffer.length, 3U);
  assert_int_equal(aseankg_buffer_append_string(&buffer, "de"), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_buffer_spill(&buffer, stream, 4U), ASEANKG_SUCCESS);
  assert_int_equal(buffer.length, 0U);
  assert_int_equal(fclose(stream), 0);
  assert_int_equal(size, 5U);
  assert_memory_equal(written, "abcde", 5U);
  free(written);
  aseankg_buffer_release(&buffer);
}

static void
test_spill_to_full_device(void** const state)
{
  (void)state;
  FILE* const full = fopen("/dev/full", "wb");
  if (!full) {
    skip();
  }
  setvbuf(full, NULL, _IONBF, 0U); /* make the write itself fail, not a later flush */
  AseankgBuffer buffer = { NULL, 0U, 0U };
  assert_int_equal(aseankg_buffer_append_string(&buffer, "abcdef"), ASEANKG_SUCCESS);
  assert_int_not_equal(aseankg_buffer_spill(&buffer, full, 1U), ASEANKG_SUCCESS);
  fclose(full);
  aseankg_buffer_release(&buffer);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_append_and_grow),
    cmocka_unit_test(test_printf),
    cmocka_unit_test(test_spill),
    cmocka_unit_test(test_spill_to_full_device),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
