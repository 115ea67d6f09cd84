/* Unit tests for atomic outputs: a replaced file appears whole, an aborted one leaves nothing, modes stay. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include "aseankg/aseankg.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

typedef struct {
  char dir[64];
  char path[128];
} Fixture;

static int
set_up(void** const state)
{
  Fixture* const f = (Fixture*)calloc(1U, sizeof(Fixture));
  if (!f) {
    return -1;
  }
  snprintf(f->dir, sizeof(f->dir), "/tmp/aseankg-test-output-XXXXXX");
  if (!mkdtemp(f->dir)) {
    free(f);
    return -1;
  }
  snprintf(f->path, sizeof(f->path), "%s/out.nt", f->dir);
  *state = f;
  return 0;
}

/* Remove every file in the directory, then the directory. */
static int
tear_down(void** const state)
{
  Fixture* const f   = (Fixture*)*state;
  DIR* const     dir = opendir(f->dir);
  if (dir) {
    for (const struct dirent* entry = readdir(dir); entry; entry = readdir(dir)) {
      if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, "..")) {
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", f->dir, entry->d_name);
        unlink(path);
      }
    }
    closedir(dir);
  }
  rmdir(f->dir);
  free(f);
  return 0;
}

/* How many entries the directory holds (besides . and ..). */
static size_t
entries(const char* const path)
{
  DIR* const dir = opendir(path);
  assert_non_null(dir);
  size_t n = 0U;
  for (const struct dirent* entry = readdir(dir); entry; entry = readdir(dir)) {
    n += strcmp(entry->d_name, ".") && strcmp(entry->d_name, "..");
  }
  closedir(dir);
  return n;
}

static void
write_file(const char* const path, const char* const text)
{
  FILE* const file = fopen(path, "wb");
  assert_non_null(file);
  fputs(text, file);
  assert_int_equal(fclose(file), 0);
}

static char*
read_text(const char* const path)
{
  FILE* const file = fopen(path, "rb");
  assert_non_null(file);
  char* const text = (char*)calloc(4096U, 1U);
  assert_non_null(text);
  assert_true(fread(text, 1U, 4095U, file) < 4095U);
  fclose(file);
  return text;
}

/* Until commit the old contents stay in place; the new ones are written beside them, then swapped in. */
static void
test_atomic_replace(void** const state)
{
  Fixture* const f = (Fixture*)*state;
  write_file(f->path, "old\n");

  AseankgOutput output;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_output_open(&output, f->path, &error), ASEANKG_SUCCESS);
  assert_non_null(output.temp_path);
  assert_string_not_equal(output.temp_path, f->path);
  fputs("new\n", output.stream);
  fflush(output.stream);

  char* text = read_text(f->path);
  assert_string_equal(text, "old\n"); /* not yet */
  free(text);
  assert_int_equal(entries(f->dir), 2U);

  assert_int_equal(aseankg_output_commit(&output, &error), ASEANKG_SUCCESS);
  aseankg_output_abort(&output); /* safe after commit */
  text = read_text(f->path);
  assert_string_equal(text, "new\n");
  free(text);
  assert_int_equal(entries(f->dir), 1U); /* no temporary left */
}

/* Abort leaves no new file and no temporary, and an existing file untouched. */
static void
test_abort_leaves_nothing(void** const state)
{
  Fixture* const f = (Fixture*)*state;
  AseankgOutput  output;
  AseankgError   error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_output_open(&output, f->path, &error), ASEANKG_SUCCESS);
  fputs("half a document", output.stream);
  aseankg_output_abort(&output);
  assert_int_equal(entries(f->dir), 0U);

  write_file(f->path, "kept\n");
  assert_int_equal(aseankg_output_open(&output, f->path, &error), ASEANKG_SUCCESS);
  fputs("half a document", output.stream);
  aseankg_output_abort(&output);
  char* const text = read_text(f->path);
  assert_string_equal(text, "kept\n");
  free(text);
  assert_int_equal(entries(f->dir), 1U);

  aseankg_output_abort(NULL); /* safe on NULL */
}

/* The replacement keeps the replaced file's permission bits. */
static void
test_mode_kept(void** const state)
{
  Fixture* const f = (Fixture*)*state;
  write_file(f->path, "old\n");
  assert_int_equal(chmod(f->path, 0640), 0);

  AseankgOutput output;
  AseankgError  error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_output_open(&output, f->path, &error), ASEANKG_SUCCESS);
  fputs("new\n", output.stream);
  assert_int_equal(aseankg_output_commit(&output, &error), ASEANKG_SUCCESS);

  struct stat info;
  assert_int_equal(stat(f->path, &info), 0);
  assert_int_equal(info.st_mode & 07777, 0640);
}

/* A directory is refused before anything is written, with an I/O error naming it. */
static void
test_directory_refused(void** const state)
{
  Fixture* const f = (Fixture*)*state;
  AseankgOutput  output;
  AseankgError   error;
  memset(&output, 0, sizeof(output));
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_output_open(&output, f->dir, &error), ASEANKG_ERR_IO);
  assert_int_equal(error.status, ASEANKG_ERR_IO);
  assert_string_equal(error.file, f->dir);
  aseankg_output_abort(&output);
  assert_int_equal(entries(f->dir), 0U);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_atomic_replace, set_up, tear_down),
    cmocka_unit_test_setup_teardown(test_abort_leaves_nothing, set_up, tear_down),
    cmocka_unit_test_setup_teardown(test_mode_kept, set_up, tear_down),
    cmocka_unit_test_setup_teardown(test_directory_refused, set_up, tear_down),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
