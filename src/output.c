/* Atomic output: nothing appears at the final path until everything is written and flushed. */
#define _DEFAULT_SOURCE /* realpath, fchown */
#include "aseankg/output.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
   Where the output really goes: a symbolic link is written through (the link
   stays, its target is replaced), as editors do; a dangling link is refused.
   `*existing` says whether a regular file is there, its details in `info`.
*/
static AseankgStatus
resolve_target(const char* const path, char** const target, struct stat* const info, int* const existing,
               AseankgError* const error)
{
  struct stat link;
  *existing = 0;
  if (!lstat(path, &link) && S_ISLNK(link.st_mode)) {
    if (!(*target = realpath(path, NULL))) {
      return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U,
                               "a symbolic link to a missing or unreachable file: %s", strerror(errno));
    }
  } else if (!(*target = strdup(path))) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }
  if (!stat(*target, info)) {
    *existing = 1;
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_output_open(AseankgOutput* const output, const char* const path, AseankgError* const error)
{
  memset(output, 0, sizeof(*output));
  if (!path || !strcmp(path, "-")) {
    output->stream = stdout;
    return ASEANKG_SUCCESS;
  }

  struct stat   info;
  int           existing = 0;
  AseankgStatus st       = resolve_target(path, &output->path, &info, &existing, error);
  if (st) {
    return st;
  }
  if (existing && S_ISDIR(info.st_mode)) {
    aseankg_output_abort(output);
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "is a directory; name a file to write");
  }
  /* A device or pipe (/dev/null, /dev/stdout, a FIFO) must not be replaced by a rename: write to it. */
  if (existing && !S_ISREG(info.st_mode)) {
    if (!(output->stream = fopen(path, "wb"))) {
      const int code = errno;
      aseankg_output_abort(output);
      return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open output: %s", strerror(code));
    }
    return ASEANKG_SUCCESS; /* no temp_path: written directly */
  }
  /* A file nobody may write (or that we may not) is kept, as an editor keeps it without a forced write. */
  if (existing && (!(info.st_mode & 0222) || access(output->path, W_OK))) {
    aseankg_output_abort(output);
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "is read-only; it was not replaced");
  }

  const size_t n    = strlen(output->path);
  output->temp_path = (char*)malloc(n + sizeof(".tmp-XXXXXX"));
  if (!output->temp_path) {
    aseankg_output_abort(output);
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }
  memcpy(output->temp_path, output->path, n);
  memcpy(output->temp_path + n, ".tmp-XXXXXX", sizeof(".tmp-XXXXXX"));

  const int fd = mkstemp(output->temp_path);
  if (fd < 0) {
    const int code = errno;
    free(output->temp_path);
    output->temp_path = NULL;
    aseankg_output_abort(output);
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot create output: %s", strerror(code));
  }

  if (existing) {
    /* The replacement keeps the replaced file's owner (where allowed) and mode, as sed -i does. */
    if (fchown(fd, info.st_uid, info.st_gid)) {
      (void)!fchown(fd, (uid_t)-1, info.st_gid);
    }
    fchmod(fd, info.st_mode & 07777);
  } else {
    /* mkstemp makes the file 0600; give it the permissions a new file would get. */
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
  }

  if (!(output->stream = fdopen(fd, "wb"))) {
    close(fd);
    aseankg_output_abort(output);
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open output");
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_output_commit(AseankgOutput* const output, AseankgError* const error)
{
  const char* const label  = output->path ? output->path : "<stdout>";
  int               failed = fflush(output->stream) || ferror(output->stream);
  if (!output->temp_path) { /* standard output or a device: nothing to rename */
    const int code = errno;
    if (output->stream != stdout) {
      failed = fclose(output->stream) || failed;
    }
    output->stream = NULL;
    if (failed) {
      aseankg_error_set(error, ASEANKG_ERR_IO, label, 0U, 0U, "write error: %s", strerror(code));
    }
    free(output->path);
    output->path = NULL;
    return failed ? ASEANKG_ERR_IO : ASEANKG_SUCCESS;
  }

  failed         = failed || fsync(fileno(output->stream));
  const int code = errno;
  failed         = fclose(output->stream) || failed;
  output->stream = NULL;
  if (failed || rename(output->temp_path, output->path)) {
    aseankg_error_set(error, ASEANKG_ERR_IO, label, 0U, 0U, "write error: %s",
                      strerror(failed ? code : errno));
    aseankg_output_abort(output); /* frees `label` */
    return ASEANKG_ERR_IO;
  }

  free(output->temp_path);
  free(output->path);
  output->temp_path = NULL;
  output->path      = NULL;
  return ASEANKG_SUCCESS;
}

void
aseankg_output_abort(AseankgOutput* const output)
{
  if (!output) {
    return;
  }
  if (output->stream && output->stream != stdout) {
    fclose(output->stream);
  }
  if (output->temp_path) {
    unlink(output->temp_path);
  }
  free(output->temp_path);
  free(output->path);
  memset(output, 0, sizeof(*output));
}
