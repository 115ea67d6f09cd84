/* Reading RDF in any syntax raptor knows (and N-Triples / N-Quads with aseankg's own fast reader). */
#ifndef ASEANKG_READER_H
#define ASEANKG_READER_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/ntriples.h"
#include "aseankg/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
   The syntax name for a file name's extension: "ntriples" (.nt), "nquads"
   (.nq), "turtle" (.ttl), "trig" (.trig) or "rdfxml" (.rdf, .owl, .xml);
   NULL if the extension says nothing.
*/
ASEANKG_API const char* aseankg_syntax_from_path(const char* path);

/**
   The file: IRI of `path` (made absolute, with the characters IRIs may not
   hold percent-encoded), as a new string the caller frees with free(); NULL
   if the path does not exist or memory runs out.
*/
ASEANKG_API char* aseankg_path_to_iri(const char* path);

/** Whether `syntax` is one aseankg_read_path() accepts. */
ASEANKG_API int aseankg_syntax_is_known(const char* syntax);

/**
   Read the RDF at `path` ("-" for standard input) in `syntax` (NULL: from
   the extension, or Turtle for standard input) into `graph`, or into
   `options->sink`. `options->quads` is set from the syntax; its blank-node
   prefix and sink are honoured for every syntax. Errors carry the file, line
   and column the parser reported.
*/
ASEANKG_API AseankgStatus aseankg_read_path(AseankgGraph* graph, const char* path, const char* syntax,
                                            const AseankgReadOptions* options, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_READER_H */
