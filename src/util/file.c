/* Reads a whole input file, refusing files past ASEANKG_MAX_FILE_SIZE. */
#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
  if (fseek(stream, 0, SEEK_END) || (size = ftell(stream)) < 0 || fseek(stream, 0, SEEK_SET)) {
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

  if (st || !data) {
    free(data);
    return st ? st : ASEANKG_ERR_NOMEM;
  }
  data[size] = '\0';
  *bytes     = data;
  *length    = (size_t)size;
  return ASEANKG_SUCCESS;
}
