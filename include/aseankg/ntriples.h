/* Canonical N-Triples / N-Quads writer and a strict RDF 1.2 N-Triples / N-Quads reader. */
#ifndef ASEANKG_NTRIPLES_H
#define ASEANKG_NTRIPLES_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
   Write the quads of `graph` in their current order (call aseankg_graph_sort()
   first for sorted output) in canonical form: UTF-8, single spaces, only the
   escapes the canonical form requires. With `with_graph_names` zero the graph
   names are dropped (N-Triples); otherwise named-graph quads carry them
   (N-Quads). Returns ASEANKG_ERR_IO if the stream reports an error.
*/
ASEANKG_API AseankgStatus aseankg_ntriples_write(const AseankgGraph* graph, FILE* stream,
                                                 int with_graph_names);

/** The longest statement (line) the N-Triples / N-Quads reader accepts, in bytes. */
#define ASEANKG_MAX_STATEMENT ((size_t)256U * 1024U * 1024U)

/** Receives each statement a reader reads; a non-zero status stops reading. */
typedef AseankgStatus (*AseankgQuadSink)(void* handle, const AseankgQuad* quad);

/** How to read: syntax details and where statements go. Zero-initialise for the defaults. */
typedef struct {
  int             quads;        /**< Non-zero: N-Quads (a graph name may follow the object) */
  const char*     blank_prefix; /**< Prepended to every blank node label, or NULL */
  AseankgQuadSink sink;         /**< Where statements go; NULL adds them to the graph */
  void*           handle;       /**< Passed to `sink` */
} AseankgReadOptions;

/**
   Read N-Triples or N-Quads from `stream`, interning terms in `graph`, with
   the choices in `options` (NULL for N-Triples into the graph). Errors are
   as for aseankg_ntriples_read(). Memory stays bounded by the terms: lines
   are read one at a time.
*/
ASEANKG_API AseankgStatus aseankg_ntriples_read_with(AseankgGraph* graph, FILE* stream, const char* file_name,
                                                     const AseankgReadOptions* options, AseankgError* error);

/**
   Read N-Triples (or, with `quads` non-zero, N-Quads) from `stream` into
   `graph`, including RDF 1.2 triple terms and directional language tags.
   `file_name` only labels errors. On the first error, `error` gets its line
   and column (in characters) and reading stops; quads read before it stay in
   the graph.
*/
ASEANKG_API AseankgStatus aseankg_ntriples_read(AseankgGraph* graph, FILE* stream, const char* file_name,
                                                int quads, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_NTRIPLES_H */
