/* A growable byte buffer, private to the library. */
#ifndef ASEANKG_SRC_BUFFER_H
#define ASEANKG_SRC_BUFFER_H

#include "aseankg/status.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  char*  data; /**< Always NUL-terminated when non-NULL. */
  size_t length;
  size_t capacity;
} AseankgBuffer;

/** aseankg_buffer_append() when the bytes may not fit: grows the buffer first. */
AseankgStatus aseankg_buffer_append_grow(AseankgBuffer* buffer, const void* bytes, size_t length);

/**
   Append `length` bytes; the buffer stays NUL-terminated. Inline because the
   writers call it for every term: most calls fit and need no function call.
*/
static inline AseankgStatus
aseankg_buffer_append(AseankgBuffer* const buffer, const void* const bytes, const size_t length)
{
  if (length >= buffer->capacity - buffer->length) { /* also when nothing is allocated yet */
    return aseankg_buffer_append_grow(buffer, bytes, length);
  }
  if (length) {
    memcpy(buffer->data + buffer->length, bytes, length);
  }
  buffer->length += length;
  buffer->data[buffer->length] = '\0';
  return ASEANKG_SUCCESS;
}

/** Append a NUL-terminated string. */
AseankgStatus aseankg_buffer_append_string(AseankgBuffer* buffer, const char* string);

/** Append one byte. */
AseankgStatus aseankg_buffer_append_byte(AseankgBuffer* buffer, char byte);

/** Append a printf-formatted string. */
AseankgStatus aseankg_buffer_printf(AseankgBuffer* buffer, const char* format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;

/**
   Once the buffer holds at least `threshold` bytes, write them to `stream` and
   empty it. Writers collect many lines this way and make one stdio call per
   chunk instead of several per line.
*/
AseankgStatus aseankg_buffer_spill(AseankgBuffer* buffer, FILE* stream, size_t threshold);

/** Bytes a writer collects before each write to its stream. */
#define ASEANKG_WRITE_CHUNK 65536U

/** Forget the contents but keep the memory. */
void aseankg_buffer_reset(AseankgBuffer* buffer);

/** Keep only the first `length` bytes (at most the current length). */
void aseankg_buffer_truncate(AseankgBuffer* buffer, size_t length);

/** Release the memory; the buffer is empty and reusable afterwards. */
void aseankg_buffer_release(AseankgBuffer* buffer);

#endif /* ASEANKG_SRC_BUFFER_H */
