/* Growable byte buffer used by the writers and key builders. */
#include "buffer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static AseankgStatus
reserve(AseankgBuffer* const buffer, const size_t extra)
{
  if (extra >= SIZE_MAX / 2 - buffer->length) {
    return ASEANKG_ERR_NOMEM;
  }

  const size_t needed = buffer->length + extra + 1U;
  if (needed <= buffer->capacity) {
    return ASEANKG_SUCCESS;
  }

  size_t capacity = buffer->capacity ? buffer->capacity : 64U;
  while (capacity < needed) {
    capacity *= 2U;
  }

  char* const data = (char*)realloc(buffer->data, capacity);
  if (!data) {
    return ASEANKG_ERR_NOMEM;
  }

  buffer->data     = data;
  buffer->capacity = capacity;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_buffer_append_grow(AseankgBuffer* const buffer, const void* const bytes, const size_t length)
{
  const AseankgStatus st = reserve(buffer, length);
  if (st) {
    return st;
  }

  if (length) {
    memcpy(buffer->data + buffer->length, bytes, length);
  }
  buffer->length += length;
  buffer->data[buffer->length] = '\0';
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_buffer_append_string(AseankgBuffer* const buffer, const char* const string)
{
  return aseankg_buffer_append(buffer, string, strlen(string));
}

AseankgStatus
aseankg_buffer_append_byte(AseankgBuffer* const buffer, const char byte)
{
  return aseankg_buffer_append(buffer, &byte, 1U);
}

AseankgStatus
aseankg_buffer_printf(AseankgBuffer* const buffer, const char* const format, ...)
{
  va_list args;
  va_start(args, format);
  const int needed = vsnprintf(NULL, 0, format, args);
  va_end(args);
  if (needed < 0) {
    return ASEANKG_ERR_USAGE;
  }

  const AseankgStatus st = reserve(buffer, (size_t)needed);
  if (st) {
    return st;
  }

  va_start(args, format);
  vsnprintf(buffer->data + buffer->length, (size_t)needed + 1U, format, args);
  va_end(args);
  buffer->length += (size_t)needed;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_buffer_spill(AseankgBuffer* const buffer, FILE* const stream, const size_t threshold)
{
  if (buffer->length < threshold || !buffer->length) {
    return ASEANKG_SUCCESS;
  }

  const size_t written = fwrite(buffer->data, 1U, buffer->length, stream);
  const size_t length  = buffer->length;
  aseankg_buffer_reset(buffer);
  return written == length ? ASEANKG_SUCCESS : ASEANKG_ERR_IO;
}

void
aseankg_buffer_reset(AseankgBuffer* const buffer)
{
  aseankg_buffer_truncate(buffer, 0U);
}

void
aseankg_buffer_truncate(AseankgBuffer* const buffer, const size_t length)
{
  if (length < buffer->length) {
    buffer->length               = length;
    buffer->data[buffer->length] = '\0';
  }
}

void
aseankg_buffer_release(AseankgBuffer* const buffer)
{
  free(buffer->data);
  buffer->data     = NULL;
  buffer->length   = 0U;
  buffer->capacity = 0U;
}
