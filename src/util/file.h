/* Opening input files and reading them whole with a size limit, shared by the loaders and readers. */
#ifndef ASEANKG_SRC_FILE_H
#define ASEANKG_SRC_FILE_H

#include "aseankg/status.h"

#include <stddef.h>
#include <stdio.h>

/** The largest input file read whole: keeps hostile input bounded. */
#define ASEANKG_MAX_FILE_SIZE ((size_t)64U * 1024U * 1024U)

/**
   Read the file at `path` into a new NUL-terminated buffer the caller frees.
   On failure `*bytes` is NULL and `error` says why.
*/
AseankgStatus aseankg_file_read(const char* path, char** bytes, size_t* length, AseankgError* error);

/**
   Open the file at `path` for reading, refusing a directory ("is a
   directory") so that no reader mistakes one for an empty or unreadable file.
   Returns a stream the caller closes, or NULL with `error` set (ASEANKG_ERR_IO).
*/
FILE* aseankg_file_open(const char* path, AseankgError* error);

#endif /* ASEANKG_SRC_FILE_H */
