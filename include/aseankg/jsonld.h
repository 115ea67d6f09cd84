/* JSON-LD: the form of the documents aseankg_graph_write() writes, and the published context they use. */
#ifndef ASEANKG_JSONLD_H
#define ASEANKG_JSONLD_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"
#include "aseankg/turtle.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
   The documents aseankg_graph_write() writes as ASEANKG_SYNTAX_JSONLD (JSON-LD
   1.1, W3C Recommendation 2020; JSON per RFC 8259, UTF-8): one compacted
   document of the default-graph triples of a sorted graph. The document's
   `@context` is the array [ASEANKG_JSONLD_CONTEXT_IRI, {the entries of the
   options' prefixes the published context does not define the same way}],
   so IRIs under any base compact too; prefixes whose namespace does not end
   in '/' or '#' are not used. `@graph` holds one node object per subject, in
   graph order: `@id`, then `@type` (its IRI objects of rdf:type), then the
   predicates in order, one value as itself and several as an array.
   Literals and IRIs are written as the published context's type coercions
   allow, otherwise as value and node objects. Strings are written as UTF-8,
   with control characters, U+2028, U+2029 and noncharacters escaped as
   \uXXXX (surrogate pairs above U+FFFF). Named-graph quads are not written.
   A triple term (JSON-LD 1.1 has none) or a term that is not UTF-8 is
   ASEANKG_ERR_DATA.
*/

/** Where the published context (ontology/context.jsonld, installed) is referenced from documents. */
#define ASEANKG_JSONLD_CONTEXT_IRI "https://example.org/aseankg/context.jsonld"

/**
   Write the published context document (the file ontology/context.jsonld):
   the vocabulary prefixes and the type coercions the JSON-LD writer relies
   on. Returns ASEANKG_ERR_IO if the stream fails, or
   ASEANKG_ERR_NOMEM.
*/
ASEANKG_API AseankgStatus aseankg_jsonld_write_context(FILE* stream);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_JSONLD_H */
