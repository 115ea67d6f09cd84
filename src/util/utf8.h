/* UTF-8 decoding and encoding shared by the readers and writers. */
#ifndef ASEANKG_SRC_UTF8_H
#define ASEANKG_SRC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/**
   Decode the code point at the start of `bytes` (at most `length` bytes).

   Returns the number of bytes it takes (1 to 4) and stores the code point in
   `*code_point`, or returns 0 if the bytes are not well-formed UTF-8
   (overlong forms, surrogates and values past U+10FFFF are refused).
*/
size_t aseankg_utf8_decode(const char* bytes, size_t length, uint32_t* code_point);

/** Encode `code_point` into `out` (4 bytes of room); returns the length or 0. */
size_t aseankg_utf8_encode(uint32_t code_point, char out[4]);

/**
   Check that `bytes` is well-formed UTF-8. Returns the length on success, or
   the offset of the first bad byte, with `*valid` set accordingly.
*/
size_t aseankg_utf8_validate(const char* bytes, size_t length, int* valid);

/** Count the code points in well-formed UTF-8. */
size_t aseankg_utf8_count(const char* bytes, size_t length);

#endif /* ASEANKG_SRC_UTF8_H */
