/* Atomic output: nothing appears at the final path until everything is written and flushed. */
#include "aseankg/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

AseankgStatus
aseankg_output_open(AseankgOutput* const output, const char* const path, AseankgError* const error)
{
  memset(output, 0, sizeof(*output));
  if (!path || !strcmp(path, "-")) {
    output->stream = stdout;
    return ASEANKG_SUCCESS;
  }

  /* A device or pipe (/dev/null, /dev/stdout, a FIFO) must not be replaced by a rename: write to it. */
  struct stat info;
  if (!stat(path, &info) && !S_ISREG(info.st_mode)) {
    if (!(output->stream = fopen(path, "wb"))) {
      return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open output: %s",
                               strerror(errno));
    }
    return ASEANKG_SUCCESS;
  }

  const size_t n    = strlen(path);
  output->path      = strdup(path);
  output->temp_path = (char*)malloc(n + sizeof(".tmp-XXXXXX"));
  if (!output->path || !output->temp_path) {
    aseankg_output_abort(output);
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }
  memcpy(output->temp_path, path, n);
  memcpy(output->temp_path + n, ".tmp-XXXXXX", sizeof(".tmp-XXXXXX"));

  const int fd = mkstemp(output->temp_path);
  if (fd < 0) {
    const int code = errno;
    free(output->temp_path);
    output->temp_path = NULL;
    aseankg_output_abort(output);
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot create output: %s", strerror(code));
  }

  /* mkstemp makes the file 0600; give it the permissions a new file would get. */
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);

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
  const char* const label  = output->path ? output->path : "<output>";
  int               failed = fflush(output->stream) || ferror(output->stream);
  if (!output->path) { /* standard output or a device: nothing to rename */
    if (output->stream != stdout) {
      failed = fclose(output->stream) || failed;
    }
    output->stream = NULL;
    return failed
             ? aseankg_error_set(error, ASEANKG_ERR_IO, label, 0U, 0U, "write error: %s", strerror(errno))
             : ASEANKG_SUCCESS;
  }

  failed         = failed || fsync(fileno(output->stream));
  const int code = errno;
  failed         = fclose(output->stream) || failed;
  output->stream = NULL;
  if (failed || rename(output->temp_path, output->path)) {
    aseankg_error_set(error, ASEANKG_ERR_IO, label, 0U, 0U, "cannot write output: %s",
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
