/* Reads a whole input file, refusing files past ASEANKG_MAX_FILE_SIZE. */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

AseankgStatus
aseankg_file_read(const char* const path, char** const bytes, size_t* const length, AseankgError* const error)
{
  *bytes             = NULL;
  *length            = 0U;
  FILE* const stream = fopen(path, "rb");
  if (!stream) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open: %s", strerror(errno));
  }

  AseankgStatus st   = ASEANKG_SUCCESS;
  long          size = -1;
  char*         data = NULL;
  struct stat   info;
  const int     known = !fstat(fileno(stream), &info);
  if (known && S_ISDIR(info.st_mode)) {
    st = aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "is a directory, not a file");
  } else if (known && !S_ISREG(info.st_mode)) {
    st = aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "not a regular file");
  } else if (!known || fseek(stream, 0, SEEK_END) || (size = ftell(stream)) < 0 ||
             fseek(stream, 0, SEEK_SET)) {
    st = aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot read: %s", strerror(errno));
  } else if ((unsigned long)size > ASEANKG_MAX_FILE_SIZE) {
    st = aseankg_error_set(error, ASEANKG_ERR_DATA, path, 0U, 0U, "file larger than %zu bytes",
                           ASEANKG_MAX_FILE_SIZE);
  } else if (!(data = (char*)malloc((size_t)size + 1U))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  } else if (fread(data, 1U, (size_t)size, stream) != (size_t)size || ferror(stream)) {
    st = aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "read error");
  }
  fclose(stream);

  if (!st && data) { /* no error means data was allocated */
    data[size] = '\0';
    *bytes     = data;
    *length    = (size_t)size;
    return ASEANKG_SUCCESS;
  }
  free(data);
  return st;
}

FILE*
aseankg_file_open(const char* const path, AseankgError* const error)
{
  FILE* const stream = fopen(path, "rb");
  struct stat info;
  if (!stream) {
    aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open: %s", strerror(errno));
  } else if (!fstat(fileno(stream), &info) && S_ISDIR(info.st_mode)) {
    fclose(stream);
    aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "is a directory, not a file");
    return NULL;
  }
  return stream;
}
