/* Well-formedness checks of SPARQL results streamed from a server, private to the library. */
#ifndef ASEANKG_SRC_STREAM_CHECK_H
#define ASEANKG_SRC_STREAM_CHECK_H

#include "aseankg/status.h"

#include <stddef.h>

/* Nesting deeper than this (JSON arrays and objects) is refused. */
#define ASEANKG_STREAM_MAX_DEPTH 1024U

/* A token (JSON string, number) longer than this many bytes is refused, so no buffer grows past it. */
#define ASEANKG_STREAM_MAX_TOKEN ((size_t)64U * 1024U * 1024U)

typedef struct AseankgStreamCheck AseankgStreamCheck;

/**
   A checker for a results document streamed in pieces, for `format` "xml"
   (a well-formed XML 1.0 document whose root is `sparql` in the namespace
   http://www.w3.org/2005/sparql-results#, with no DOCTYPE: SPARQL 1.1 Query
   Results XML Format §2) or "json" (one JSON text, RFC 8259, whose top value
   is an object: SPARQL 1.1 Query Results JSON Format §3). For any other
   format, NULL with *status ASEANKG_SUCCESS (nothing to check); NULL with
   *status ASEANKG_ERR_NOMEM when out of memory. The checker keeps no more of
   the document than its parser needs (bounded by ASEANKG_STREAM_MAX_DEPTH and
   ASEANKG_STREAM_MAX_TOKEN, and by libxml2's own limits for XML). Owned by
   the caller: aseankg_stream_check_free().
*/
AseankgStreamCheck* aseankg_stream_check_new(const char* format, AseankgStatus* status);

/**
   Feed the next `length` bytes. On a fault, ASEANKG_ERR_SYNTAX with a
   message naming `source`, the line and column (XML) or byte offset (JSON);
   every later call returns the same status.
*/
AseankgStatus aseankg_stream_check_feed(AseankgStreamCheck* check, const char* bytes, size_t length,
                                        const char* source, AseankgError* error);

/** The document ended: ASEANKG_ERR_SYNTAX if it is incomplete (a truncated answer). */
AseankgStatus aseankg_stream_check_finish(AseankgStreamCheck* check, const char* source, AseankgError* error);

/** Free `check` (NULL is fine). */
void aseankg_stream_check_free(AseankgStreamCheck* check);

#endif /* ASEANKG_SRC_STREAM_CHECK_H */
