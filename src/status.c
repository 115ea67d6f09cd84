/* Status strings and the first-error-wins error record. */
#include "aseankg/status.h"

#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
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
  const int written = vsnprintf(error->message, sizeof(error->message), format, args);
  va_end(args);
  if (written >= (int)sizeof(error->message)) { /* cut short: drop a character left incomplete */
    size_t end  = sizeof(error->message) - 1U;
    size_t lead = end;
    while (lead > 0U && ((unsigned char)error->message[lead - 1U] & 0xC0U) == 0x80U) {
      --lead;
    }
    if (lead > 0U && (unsigned char)error->message[lead - 1U] >= 0xC0U) {
      uint32_t c = 0U;
      if (!aseankg_utf8_decode(error->message + lead - 1U, end - lead + 1U, &c)) {
        error->message[lead - 1U] = '\0';
      }
    }
  }
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

/* Code points above ASCII that a terminal acts on or that reorder or break the line. */
static int
is_unsafe_code_point(const uint32_t c)
{
  return (c >= 0x80U && c <= 0x9FU) || c == 0x200EU || c == 0x200FU || (c >= 0x2028U && c <= 0x202EU) ||
         (c >= 0x2066U && c <= 0x2069U);
}

char*
aseankg_error_escape(const char* const text, char* const buffer, const size_t size)
{
  const size_t length = text ? strlen(text) : 0U;
  size_t       out    = 0U;
  for (size_t i = 0U; i < length;) {
    const unsigned char byte = (unsigned char)text[i];
    uint32_t            c    = 0U;
    size_t              n    = aseankg_utf8_decode(text + i, length - i, &c);
    char                escape[12];
    const char*         piece = text + i;
    size_t              count = n;
    if (!n) { /* not UTF-8: show the byte */
      count = (size_t)snprintf(escape, sizeof(escape), "\\x%02X", byte);
      piece = escape;
      n     = 1U;
    } else if (c == '\n' || c == '\r' || c == '\t') {
      count = (size_t)snprintf(escape, sizeof(escape), "\\%c", c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
      piece = escape;
    } else if (c < 0x20U || c == 0x7FU) {
      count = (size_t)snprintf(escape, sizeof(escape), "\\x%02X", (unsigned)c);
      piece = escape;
    } else if (is_unsafe_code_point(c)) {
      count = (size_t)snprintf(escape, sizeof(escape), "\\u%04X", (unsigned)c);
      piece = escape;
    }
    if (count >= size - out) {
      break;
    }
    memcpy(buffer + out, piece, count);
    out += count;
    i += n;
  }
  buffer[out] = '\0';
  return buffer;
}

char*
aseankg_error_format(const AseankgError* const error, char* const buffer, const size_t size)
{
  const char* const file    = error->file[0] ? error->file : error->parameter[0] ? error->parameter : "-";
  const char* const message = error->message[0] ? error->message : aseankg_strerror(error->status);
  size_t            used    = strlen(aseankg_error_escape(file, buffer, size));
  if (error->line) {
    snprintf(buffer + used, size - used, ":%u:%u: ", error->line, error->column);
  } else {
    snprintf(buffer + used, size - used, ": ");
  }
  used += strlen(buffer + used);
  aseankg_error_escape(message, buffer + used, size - used);
  return buffer;
}
