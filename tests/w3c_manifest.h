/* Reads a W3C test manifest (Turtle) with raptor: its entries in mf:entries order. */
#ifndef ASEANKG_TESTS_W3C_MANIFEST_H
#define ASEANKG_TESTS_W3C_MANIFEST_H

#include <stddef.h>

typedef struct {
  char* name;   /* the entry IRI's fragment */
  char* type;   /* rdf:type IRI */
  char* action; /* local file path of mf:action */
  char* result; /* local file path of mf:result, or NULL */
} W3cTest;

typedef struct {
  W3cTest* tests;
  size_t   count;
  char*    base; /* mf:assumedTestBase, or NULL */
} W3cManifest;

/* Parse the manifest at `path`; returns 0 on success. */
int w3c_manifest_load(W3cManifest* manifest, const char* path);

void w3c_manifest_release(W3cManifest* manifest);

/* Whether `type` is the rdft: test type with local name `local`. */
int w3c_is_type(const W3cTest* test, const char* local);

/* Read a whole file into a new NUL-terminated buffer (NULL if it cannot be read). */
char* w3c_read_file(const char* path, size_t* length);

#endif
