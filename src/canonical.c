/* Escaping for canonical N-Triples string literals. */
#include "canonical.h"

#include "try.h"

#include <stdio.h>

AseankgStatus
aseankg_canonical_append_string(AseankgBuffer* const buffer, const char* const bytes, const size_t length)
{
  AseankgStatus st    = ASEANKG_SUCCESS;
  size_t        start = 0U; /* first byte not yet copied */

  for (size_t i = 0U; i < length; ++i) {
    const unsigned char c      = (unsigned char)bytes[i];
    const char*         echar  = NULL;
    unsigned            uchar  = 0U;
    size_t              skip   = 1U;
    int                 escape = 1;

    switch (c) {
      case '\b':
        echar = "\\b";
        break;
      case '\t':
        echar = "\\t";
        break;
      case '\n':
        echar = "\\n";
        break;
      case '\f':
        echar = "\\f";
        break;
      case '\r':
        echar = "\\r";
        break;
      case '"':
        echar = "\\\"";
        break;
      case '\\':
        echar = "\\\\";
        break;
      default:
        if (c < 0x20U || c == 0x7FU) {
          uchar = c;
        } else if (c == 0xEFU && i + 2U < length && (unsigned char)bytes[i + 1U] == 0xBFU &&
                   ((unsigned char)bytes[i + 2U] & 0xFEU) == 0xBEU) {
          uchar = 0xFFFEU | ((unsigned char)bytes[i + 2U] & 1U); /* U+FFFE, U+FFFF */
          skip  = 3U;
        } else {
          escape = 0;
        }
    }

    if (!escape) {
      continue;
    }

    TRY(st, aseankg_buffer_append(buffer, bytes + start, i - start));
    TRY(st, echar ? aseankg_buffer_append_string(buffer, echar)
                  : aseankg_buffer_printf(buffer, "\\u%04X", uchar));
    i += skip - 1U;
    start = i + 1U;
  }

  return aseankg_buffer_append(buffer, bytes + start, length - start);
}
