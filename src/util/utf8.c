/* UTF-8 decoding (strict, per RFC 3629) and encoding. */
#include "utf8.h"

size_t
aseankg_utf8_decode(const char* const bytes, const size_t length, uint32_t* const code_point)
{
  const unsigned char* const s = (const unsigned char*)bytes;
  if (!length) {
    return 0U;
  }

  const unsigned char lead = s[0];
  size_t              size = 0U;
  uint32_t            c    = 0U;
  uint32_t            min  = 0U;
  if (lead < 0x80U) {
    *code_point = lead;
    return 1U;
  }
  if (lead >= 0xC2U && lead <= 0xDFU) {
    size = 2U;
    c    = lead & 0x1FU;
    min  = 0x80U;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    size = 3U;
    c    = lead & 0x0FU;
    min  = 0x800U;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    size = 4U;
    c    = lead & 0x07U;
    min  = 0x10000U;
  } else {
    return 0U;
  }

  if (length < size) {
    return 0U;
  }
  for (size_t i = 1U; i < size; ++i) {
    if ((s[i] & 0xC0U) != 0x80U) {
      return 0U;
    }
    c = (c << 6U) | (s[i] & 0x3FU);
  }

  if (c < min || c > 0x10FFFFU || (c >= 0xD800U && c <= 0xDFFFU)) {
    return 0U;
  }

  *code_point = c;
  return size;
}

size_t
aseankg_utf8_encode(const uint32_t c, char out[4])
{
  unsigned char* const o = (unsigned char*)out;
  if (c < 0x80U) {
    o[0] = (unsigned char)c;
    return 1U;
  }
  if (c < 0x800U) {
    o[0] = (unsigned char)(0xC0U | (c >> 6U));
    o[1] = (unsigned char)(0x80U | (c & 0x3FU));
    return 2U;
  }
  if (c >= 0xD800U && c <= 0xDFFFU) {
    return 0U;
  }
  if (c < 0x10000U) {
    o[0] = (unsigned char)(0xE0U | (c >> 12U));
    o[1] = (unsigned char)(0x80U | ((c >> 6U) & 0x3FU));
    o[2] = (unsigned char)(0x80U | (c & 0x3FU));
    return 3U;
  }
  if (c <= 0x10FFFFU) {
    o[0] = (unsigned char)(0xF0U | (c >> 18U));
    o[1] = (unsigned char)(0x80U | ((c >> 12U) & 0x3FU));
    o[2] = (unsigned char)(0x80U | ((c >> 6U) & 0x3FU));
    o[3] = (unsigned char)(0x80U | (c & 0x3FU));
    return 4U;
  }
  return 0U;
}

size_t
aseankg_utf8_validate(const char* const bytes, const size_t length, int* const valid)
{
  size_t i = 0U;
  while (i < length) {
    if ((unsigned char)bytes[i] < 0x80U) {
      ++i;
      continue;
    }
    uint32_t     c    = 0U;
    const size_t size = aseankg_utf8_decode(bytes + i, length - i, &c);
    if (!size) {
      *valid = 0;
      return i;
    }
    i += size;
  }
  *valid = 1;
  return length;
}

size_t
aseankg_utf8_count(const char* const bytes, const size_t length)
{
  size_t count = 0U;
  for (size_t i = 0U; i < length; ++i) {
    count += ((unsigned char)bytes[i] & 0xC0U) != 0x80U;
  }
  return count;
}
