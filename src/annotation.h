/* The mentions as W3C Web Annotations, emitted beside their NIF spans by the graph builder. */
#ifndef ASEANKG_SRC_ANNOTATION_H
#define ASEANKG_SRC_ANNOTATION_H

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stddef.h>

/** Code points of text the quote selector keeps on each side of the quote (fewer at a segment's ends). */
#define ASEANKG_ANNOTATION_CONTEXT 32U

/** One mention to annotate: bytes [begin, end) of a segment's text identify an entity. */
typedef struct {
  AseankgTermId annotation; /**< The annotation's IRI (the builder mints it) */
  AseankgTermId source;     /**< The segment, the target's oa:hasSource */
  AseankgTermId body;       /**< The entity the mention names, the oa:hasBody */
  AseankgTermId graph_name; /**< Where the quads go; 0 is the default graph */
  const char*   text;       /**< The segment's text, well-formed UTF-8 */
  size_t        length;     /**< Bytes in `text` */
  size_t        begin;      /**< Byte offset of the mention's first byte */
  size_t        end;        /**< Byte offset just past its last byte */
} AseankgAnnotation;

/**
   Add to `graph` the Web Annotation of `mention` (Web Annotation Data Model,
   W3C Recommendation 2017, sections 3.1, 4.1 and 4.2.4-4.2.5): an
   oa:Annotation motivated by oa:identifying, its body the entity, its target
   the IRI `ANNOTATION/target`, an oa:SpecificResource whose source is the
   segment and whose selectors are `ANNOTATION/quote` (oa:TextQuoteSelector:
   oa:exact, and oa:prefix / oa:suffix of up to ASEANKG_ANNOTATION_CONTEXT
   code points, left out when empty) and `ANNOTATION/position`
   (oa:TextPositionSelector: oa:start and oa:end in code points from the start
   of the segment, the same numbers as the NIF span's begin and end index).
   `mention->annotation` must be an IRI term of `graph`. Returns
   ASEANKG_ERR_NOMEM when out of memory, recording nothing: the caller
   reports it.
*/
AseankgStatus aseankg_annotation_emit(AseankgGraph* graph, const AseankgAnnotation* mention);

#endif /* ASEANKG_SRC_ANNOTATION_H */
