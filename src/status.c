/* Status strings and the first-error-wins error record. */
#include "aseankg/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char*
aseankg_strerror(const AseankgStatus status)
{
  switch (status) {
    case ASEANKG_SUCCESS:
      return "success";
    case ASEANKG_ERR_NOMEM:
      return "out of memory";
    case ASEANKG_ERR_IO:
      return "input/output error";
    case ASEANKG_ERR_SYNTAX:
      return "syntax error";
    case ASEANKG_ERR_DATA:
      return "invalid data";
    case ASEANKG_ERR_ONTOLOGY:
      return "term not declared by the ontology";
    case ASEANKG_ERR_IRI:
      return "invalid IRI";
    case ASEANKG_ERR_USAGE:
      return "invalid usage";
  }
  return "unknown error";
}

void
aseankg_error_clear(AseankgError* const error)
{
  if (error) {
    memset(error, 0, sizeof(*error));
  }
}

AseankgStatus
aseankg_error_set(AseankgError* const error, const AseankgStatus status, const char* const file,
                  const unsigned line, const unsigned column, const char* const format, ...)
{
  if (!error || error->status != ASEANKG_SUCCESS) {
    return status;
  }

  error->status = status;
  snprintf(error->file, sizeof(error->file), "%s", file ? file : "-");
  error->line   = line;
  error->column = column;

  va_list args;
  va_start(args, format);
  vsnprintf(error->message, sizeof(error->message), format, args);
  va_end(args);
  return status;
}

AseankgStatus
aseankg_error_set_parameter(AseankgError* const error, const AseankgStatus status,
                            const char* const parameter, const char* const format, ...)
{
  if (!error || error->status != ASEANKG_SUCCESS) {
    return status;
  }

  memset(error, 0, sizeof(*error));
  error->status = status;
  snprintf(error->parameter, sizeof(error->parameter), "%s", parameter);

  va_list args;
  va_start(args, format);
  vsnprintf(error->message, sizeof(error->message), format, args);
  va_end(args);
  return status;
}

char*
aseankg_error_format(const AseankgError* const error, char* const buffer, const size_t size)
{
  const char* const file    = error->file[0] ? error->file : error->parameter[0] ? error->parameter : "-";
  const char* const message = error->message[0] ? error->message : aseankg_strerror(error->status);
  if (error->line) {
    snprintf(buffer, size, "%s:%u:%u: %s", file, error->line, error->column, message);
  } else {
    snprintf(buffer, size, "%s: %s", file, message);
  }
  return buffer;
}
