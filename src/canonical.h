/* Canonical N-Triples spelling of IRIs and string bodies (RDF 1.2 N-Triples §canonical form). */
#ifndef ASEANKG_SRC_CANONICAL_H
#define ASEANKG_SRC_CANONICAL_H

#include "buffer.h"

/**
   Append a string body (without the quotes) with only the escapes canonical
   N-Triples requires: ECHAR for \b \t \n \f \r " and backslash, UCHAR (\uXXXX,
   upper-case hex) for the other C0 controls, U+007F, U+FFFE and U+FFFF.
   Everything else is copied as UTF-8. The input must be valid UTF-8.
*/
AseankgStatus aseankg_canonical_append_string(AseankgBuffer* buffer, const char* bytes, size_t length);

#endif /* ASEANKG_SRC_CANONICAL_H */
