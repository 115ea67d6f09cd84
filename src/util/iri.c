/* IRI character and scheme checks shared by the readers, the exporter, the diff and the store. */
#include "iri.h"

#include <string.h>

int
aseankg_iri_char_allowed(const unsigned char c)
{
  return c > 0x20U && c != '<' && c != '>' && c != '"' && c != '{' && c != '}' && c != '|' && c != '^' &&
         c != '`' && c != '\\' && c != 0x7FU;
}

int
aseankg_iri_has_scheme(const char* const iri, const size_t length)
{
  if (!length || !((iri[0] >= 'a' && iri[0] <= 'z') || (iri[0] >= 'A' && iri[0] <= 'Z'))) {
    return 0;
  }
  for (size_t i = 1U; i < length; ++i) {
    const char c = iri[i];
    if (c == ':') {
      return 1;
    }
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
          c == '-' || c == '.')) {
      return 0;
    }
  }
  return 0;
}

int
aseankg_iri_is_valid(const char* const iri)
{
  const size_t length = strlen(iri);
  for (size_t i = 0U; i < length; ++i) {
    if (!aseankg_iri_char_allowed((unsigned char)iri[i])) {
      return 0;
    }
  }
  return aseankg_iri_has_scheme(iri, length);
}
