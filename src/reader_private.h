/* The readers behind aseankg_read_stream(), one per parser library. */
#ifndef ASEANKG_SRC_READER_PRIVATE_H
#define ASEANKG_SRC_READER_PRIVATE_H

#include "aseankg/ntriples.h"
#include "aseankg/reader.h"
#include "aseankg/status.h"

#include "buffer.h"

#include <stddef.h>
#include <stdio.h>

/**
   Read Turtle (or, with `trig` non-zero, TriG) from `stream` with serd,
   resolving relative IRIs against `base_iri` (an absolute IRI). Every value is
   checked after its escapes are decoded: well-formed UTF-8 without surrogates,
   absolute IRIs of allowed characters, language tags of the Turtle grammar.
   Brackets nested deeper than ASEANKG_MAX_NESTING are refused. Errors carry
   `path`, line and column. Each prefix declaration, its IRI resolved, is
   appended to `prefixes` unless it is NULL.
*/
AseankgStatus aseankg_turtle_read(AseankgGraph* graph, FILE* stream, const char* path, const char* base_iri,
                                  int trig, const AseankgReadOptions* options, AseankgPrefixList* prefixes,
                                  AseankgError* error);

/**
   The blank node labelled `label` (`length` bytes, as the input writes it)
   interned in `graph`, with `options->blank_prefix` (if any) put before the
   label, so that every reader names blank nodes alike. `scratch` receives the
   whole label. Returns 0 if memory runs out.
*/
AseankgTermId aseankg_reader_blank(AseankgGraph* graph, const AseankgReadOptions* options,
                                   AseankgBuffer* scratch, const char* label, size_t length);

/* Append a copy of `name` and `iri` to `list`; ASEANKG_ERR_NOMEM leaves the list as it was. */
AseankgStatus aseankg_prefix_list_append(AseankgPrefixList* list, const char* name, const char* iri);

#endif /* ASEANKG_SRC_READER_PRIVATE_H */
