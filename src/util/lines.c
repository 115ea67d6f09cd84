/* Line reading over a chunked stream: three kinds of line end, and a cap checked before storing. */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

enum { CHUNK_SIZE = 65536 };

/* Refill the chunk once it is used up; 0 bytes means the end of the stream (or an error). */
static AseankgStatus
refill(AseankgLines* const lines)
{
  if (!lines->chunk && !(lines->chunk = (char*)malloc(CHUNK_SIZE))) {
    return ASEANKG_ERR_NOMEM;
  }
  lines->chunk_length = fread(lines->chunk, 1U, CHUNK_SIZE, lines->stream);
  lines->chunk_pos    = 0U;
  return ferror(lines->stream) ? ASEANKG_ERR_IO : ASEANKG_SUCCESS;
}

static AseankgStatus
next_line(AseankgLines* const lines, int* const more)
{
  aseankg_buffer_reset(&lines->line);
  *more         = 0;
  int any_bytes = 0; /* a last line without an end still counts */
  for (;;) {
    if (lines->chunk_pos == lines->chunk_length) {
      const AseankgStatus st = refill(lines);
      if (st) {
        return st;
      }
      if (!lines->chunk_length) {
        *more = any_bytes;
        return ASEANKG_SUCCESS;
      }
    }

    const char* const bytes = lines->chunk;
    size_t            pos   = lines->chunk_pos;
    if (lines->after_cr && bytes[pos] == '\n') {
      ++pos; /* the LF of a CR LF */
    }
    lines->after_cr   = 0;
    const size_t from = pos;
    /* The first LF or CR: two memchr scans (vectorised in the C library) rather than a byte loop. */
    const char* const lf =
      from < lines->chunk_length ? (const char*)memchr(bytes + from, '\n', lines->chunk_length - from) : NULL;
    pos                  = lf ? (size_t)(lf - bytes) : lines->chunk_length;
    const char* const cr = pos > from ? (const char*)memchr(bytes + from, '\r', pos - from) : NULL;
    pos                  = cr ? (size_t)(cr - bytes) : pos;

    const size_t taken = pos - from;
    if (taken > lines->max_length - lines->line.length) {
      return ASEANKG_ERR_SYNTAX;
    }
    if (taken && aseankg_buffer_append(&lines->line, bytes + from, taken)) {
      return ASEANKG_ERR_NOMEM;
    }
    any_bytes |= taken > 0U;
    if (pos < lines->chunk_length) { /* found the end */
      lines->after_cr  = bytes[pos] == '\r';
      lines->chunk_pos = pos + 1U;
      *more            = 1;
      return ASEANKG_SUCCESS;
    }
    lines->chunk_pos = pos;
  }
}

void
aseankg_lines_init(AseankgLines* const lines, FILE* const stream, const char* const file_name,
                   const size_t max_length)
{
  memset(lines, 0, sizeof(*lines));
  lines->stream     = stream;
  lines->file_name  = file_name;
  lines->max_length = max_length;
}

AseankgStatus
aseankg_lines_next(AseankgLines* const lines, int* const more, AseankgError* const error)
{
  const AseankgStatus st = next_line(lines, more);
  lines->number += !st && *more;
  if (st == ASEANKG_ERR_SYNTAX) {
    aseankg_error_set(error, st, lines->file_name, lines->number + 1U, 1U, "line longer than %zu bytes",
                      lines->max_length);
  } else if (st == ASEANKG_ERR_IO) {
    aseankg_error_set(error, st, lines->file_name, 0U, 0U, "read error");
  } else if (st) {
    aseankg_error_set(error, st, lines->file_name, lines->number + 1U, 1U, "out of memory");
  }
  return st;
}

void
aseankg_lines_release(AseankgLines* const lines)
{
  aseankg_buffer_release(&lines->line);
  free(lines->chunk);
  lines->chunk = NULL;
}
