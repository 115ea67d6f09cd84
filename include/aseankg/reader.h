/* Reading RDF: N-Triples / N-Quads (aseankg's own reader), Turtle / TriG (serd), RDF/XML (raptor). */
#ifndef ASEANKG_READER_H
#define ASEANKG_READER_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/ntriples.h"
#include "aseankg/status.h"
#include "aseankg/turtle.h"

#include <stdio.h>

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

/**
   Read the RDF in `stream` in `syntax` ("ntriples", "nquads", "turtle", "trig"
   or "rdfxml") into `graph`, or into `options->sink`; `path` only labels
   errors. Relative IRIs resolve against `base_iri` (an absolute IRI; NULL: the
   file: IRI of `path`) as RFC 3986 §5.2 says.

   What every reader promises: it opens nothing but `stream` (no network, no
   other file: external DTDs, entities and parameter entities of RDF/XML are
   refused, never fetched); every value is valid once its escapes are decoded
   (UTF-8 without surrogates or NUL truncation, absolute IRIs, language tags of
   the grammar); memory stays proportional to the input: RDF/XML entity
   references may add at most 1 MiB plus 16 bytes per input byte and the prolog
   is at most 1 MiB, Turtle / TriG brackets nest at most 1024 deep. Returns
   ASEANKG_ERR_SYNTAX (with file, line and column), ASEANKG_ERR_IO,
   ASEANKG_ERR_NOMEM, ASEANKG_ERR_USAGE for an unknown syntax, or what the sink
   returns.
*/
ASEANKG_API AseankgStatus aseankg_read_stream(AseankgGraph* graph, FILE* stream, const char* path,
                                              const char* syntax, const char* base_iri,
                                              const AseankgReadOptions* options, AseankgError* error);

/**
   The prefix declarations a reader met, in document order (a name declared
   twice appears twice; the later declaration is the one in force at the end).
   The list owns every string; zero-initialise it before use and release it
   with aseankg_prefix_list_release().
*/
typedef struct {
  AseankgPrefix* prefixes;
  size_t         count;
  size_t         capacity;
} AseankgPrefixList;

/** Free the strings and the array and leave the list empty and reusable. Safe on NULL. */
ASEANKG_API void aseankg_prefix_list_release(AseankgPrefixList* list);

/**
   aseankg_read_path(), also appending to `prefixes` (which may be NULL) every
   prefix declaration of the input: `@prefix` / `PREFIX` in Turtle and TriG,
   `xmlns:` in RDF/XML (a default namespace gets the name ""). N-Triples and
   N-Quads declare none. Namespace IRIs are absolute (resolved against the
   base). Returns what aseankg_read_path() returns, or ASEANKG_ERR_NOMEM if a
   declaration cannot be stored; the list keeps what it had gathered.
*/
ASEANKG_API AseankgStatus aseankg_read_path_prefixes(AseankgGraph* graph, const char* path,
                                                     const char* syntax, const AseankgReadOptions* options,
                                                     AseankgPrefixList* prefixes, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_READER_H */
