/* Whole-file reading with a size limit, shared by the data and text loaders. */
#ifndef ASEANKG_SRC_FILE_H
#define ASEANKG_SRC_FILE_H

#include "aseankg/status.h"

#include <stddef.h>

/** The largest input file read whole: keeps hostile input bounded. */
#define ASEANKG_MAX_FILE_SIZE ((size_t)64U * 1024U * 1024U)

/**
   Read the file at `path` into a new NUL-terminated buffer the caller frees.
   On failure `*bytes` is NULL and `error` says why.
*/
AseankgStatus aseankg_file_read(const char* path, char** bytes, size_t* length, AseankgError* error);

#endif /* ASEANKG_SRC_FILE_H */
