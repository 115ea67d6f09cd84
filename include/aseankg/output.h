/* Output files that appear whole or not at all: write a temporary file, rename on success. */
#ifndef ASEANKG_OUTPUT_H
#define ASEANKG_OUTPUT_H

#include "aseankg/api.h"

#include "aseankg/status.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An output being written. Fields are private; `stream` is where to write. */
typedef struct {
  FILE* stream;
  char* path;      /**< Final path, or NULL when writing directly */
  char* temp_path; /**< Temporary file beside `path` */
} AseankgOutput;

/**
   Start writing to `path` ("-" or NULL for standard output). A regular file
   is written as a new temporary file in the same directory, so the final
   path is untouched until aseankg_output_commit(); an existing device or
   pipe (such as /dev/null) is written directly.
*/
ASEANKG_API AseankgStatus aseankg_output_open(AseankgOutput* output, const char* path, AseankgError* error);

/** Flush and close, then atomically rename the temporary file onto the final path. */
ASEANKG_API AseankgStatus aseankg_output_commit(AseankgOutput* output, AseankgError* error);

/** Discard: close and delete the temporary file. Safe to call after commit or on a zeroed output. */
ASEANKG_API void aseankg_output_abort(AseankgOutput* output);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_OUTPUT_H */
