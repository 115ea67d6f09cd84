/* One entry point for writing a graph in any of the RDF syntaxes aseankg writes. */
#ifndef ASEANKG_WRITER_H
#define ASEANKG_WRITER_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"
#include "aseankg/turtle.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An RDF syntax aseankg_graph_write() writes. */
typedef enum {
  ASEANKG_SYNTAX_NTRIPLES, /**< Canonical N-Triples (RDF 1.2 N-Triples); graph names dropped */
  ASEANKG_SYNTAX_NQUADS,   /**< Canonical N-Quads (RDF 1.2 N-Quads) */
  ASEANKG_SYNTAX_TURTLE,   /**< Turtle (RDF 1.2 Turtle), default graph only, prefixes from the options */
  ASEANKG_SYNTAX_JSONLD    /**< Compacted JSON-LD 1.1, default graph only, prefixes from the options */
} AseankgSyntax;

/** How to write. Zero-initialise (or pass NULL) for no prefixes and errors about the `stream`. */
typedef struct {
  const char*          file_name;  /**< What `stream` is, for errors ("out.ttl", "<stdout>"); or NULL */
  const AseankgPrefix* prefixes;   /**< Turtle and JSON-LD: namespaces to abbreviate with; borrowed */
  size_t               n_prefixes; /**< Number of entries in `prefixes` */
} AseankgWriteOptions;

/**
   Write `graph` to `stream` in `syntax`, in the graph's current order (call
   aseankg_graph_sort() first for sorted output; Turtle and JSON-LD need it).
   Each syntax writes as its older entry point documents:
   N-Triples / N-Quads as aseankg_ntriples_write() (src/ntriples.c);
   Turtle: subjects in graph order, rdf:type first as `a`, the longest prefix
   leaving a plain local name, only the prefixes used declared, sorted by
   name; JSON-LD: one compacted document against ASEANKG_JSONLD_CONTEXT_IRI
   (see aseankg/jsonld.h).

   On failure `error` (may be NULL) names `options->file_name` (or, without
   one, the parameter `stream`) and says what failed, and the status is
   ASEANKG_ERR_IO ("write error": the stream reported an error),
   ASEANKG_ERR_NOMEM, or, for JSON-LD only, ASEANKG_ERR_DATA (a triple term
   or a term that is not UTF-8, which JSON-LD 1.1 cannot hold). The stream
   then holds a partial document; write through aseankg_output_open() to
   leave nothing behind.
*/
ASEANKG_API AseankgStatus aseankg_graph_write(const AseankgGraph* graph, FILE* stream, AseankgSyntax syntax,
                                              const AseankgWriteOptions* options, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_WRITER_H */
