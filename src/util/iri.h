/* What makes a string usable as an IRI in N-Triples, Turtle and SPARQL (IRIREF). */
#ifndef ASEANKG_SRC_IRI_H
#define ASEANKG_SRC_IRI_H

#include <stddef.h>

/** Whether byte `c` may appear unescaped in an IRIREF: not a control, space or any of <>"{}|^`\ */
int aseankg_iri_char_allowed(unsigned char c);

/** Whether `iri` (`length` bytes) starts with a scheme: a letter, then letters, digits, + - . and ':'. */
int aseankg_iri_has_scheme(const char* iri, size_t length);

/** Whether `iri` is an absolute IRI made only of allowed characters. */
int aseankg_iri_is_valid(const char* iri);

#endif /* ASEANKG_SRC_IRI_H */
