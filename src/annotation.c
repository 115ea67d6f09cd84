/* The mentions as W3C Web Annotations: a body (the entity), a target (the segment) and two selectors. */
#include "annotation.h"

#include "buffer.h"
#include "namespaces.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

#define RDF_TYPE RDF "type"

/* Everything one annotation is written with. */
typedef struct {
  AseankgGraph*            graph;
  const AseankgAnnotation* mention;
  AseankgBuffer            scratch;
  int                      failed;
} Emitter;

static AseankgTermId
oa(Emitter* const e, const char* const local)
{
  aseankg_buffer_reset(&e->scratch);
  if (aseankg_buffer_append_string(&e->scratch, OA) || aseankg_buffer_append_string(&e->scratch, local)) {
    return 0U;
  }
  return aseankg_graph_iri(e->graph, e->scratch.data, e->scratch.length);
}

/* The annotation's IRI with `/name` appended. */
static AseankgTermId
part(Emitter* const e, const char* const name)
{
  const AseankgTerm* const annotation = aseankg_graph_term(e->graph, e->mention->annotation);
  aseankg_buffer_reset(&e->scratch);
  if (aseankg_buffer_append(&e->scratch, annotation->value, annotation->length) ||
      aseankg_buffer_append_byte(&e->scratch, '/') || aseankg_buffer_append_string(&e->scratch, name)) {
    return 0U;
  }
  return aseankg_graph_iri(e->graph, e->scratch.data, e->scratch.length);
}

/* Add one triple; a 0 term (a failed intern) or a failed add marks the emitter failed. */
static void
add(Emitter* const e, const AseankgTermId s, const AseankgTermId p, const AseankgTermId o)
{
  if (!e->failed && (!s || !p || !o || aseankg_graph_add(e->graph, s, p, o, e->mention->graph_name))) {
    e->failed = 1;
  }
}

static void
add_text(Emitter* const e, const AseankgTermId s, const char* const predicate, const char* const text,
         const size_t length)
{
  if (length) {
    add(e, s, oa(e, predicate), aseankg_graph_literal(e->graph, text, length, 0U, NULL, NULL));
  }
}

static void
add_count(Emitter* const e, const AseankgTermId s, const char* const predicate, const size_t value)
{
  char digits[32];
  snprintf(digits, sizeof(digits), "%zu", value);
  add(e, s, oa(e, predicate), aseankg_graph_typed(e->graph, digits, "nonNegativeInteger"));
}

/* The byte offset `count` code points before `at` (or 0). */
static size_t
back(const char* const text, size_t at, size_t count)
{
  while (at > 0U && count > 0U) {
    --at;
    count -= ((unsigned char)text[at] & 0xC0U) != 0x80U; /* a lead byte ends one code point */
  }
  return at;
}

/* The byte offset `count` code points after `at` (or the end). */
static size_t
forward(const char* const text, const size_t length, size_t at, size_t count)
{
  for (; at < length && count > 0U; --count) {
    uint32_t     c    = 0U;
    const size_t size = aseankg_utf8_decode(text + at, length - at, &c);
    at += size ? size : 1U;
  }
  return at;
}

static void
add_selectors(Emitter* const e, const AseankgTermId target)
{
  const AseankgAnnotation* const m        = e->mention;
  const AseankgTermId            type     = aseankg_graph_iri(e->graph, RDF_TYPE, strlen(RDF_TYPE));
  const AseankgTermId            quote    = part(e, "quote");
  const AseankgTermId            position = part(e, "position");
  const size_t                   before   = back(m->text, m->begin, ASEANKG_ANNOTATION_CONTEXT);
  const size_t                   after    = forward(m->text, m->length, m->end, ASEANKG_ANNOTATION_CONTEXT);
  const size_t                   start    = aseankg_utf8_count(m->text, m->begin);

  add(e, target, oa(e, "hasSelector"), quote);
  add(e, quote, type, oa(e, "TextQuoteSelector"));
  add_text(e, quote, "exact", m->text + m->begin, m->end - m->begin);
  add_text(e, quote, "prefix", m->text + before, m->begin - before);
  add_text(e, quote, "suffix", m->text + m->end, after - m->end);
  add(e, target, oa(e, "hasSelector"), position);
  add(e, position, type, oa(e, "TextPositionSelector"));
  add_count(e, position, "start", start);
  add_count(e, position, "end", start + aseankg_utf8_count(m->text + m->begin, m->end - m->begin));
}

AseankgStatus
aseankg_annotation_emit(AseankgGraph* const graph, const AseankgAnnotation* const mention)
{
  Emitter             e      = { graph, mention, { NULL, 0U, 0U }, 0 };
  const AseankgTermId type   = aseankg_graph_iri(graph, RDF_TYPE, strlen(RDF_TYPE));
  const AseankgTermId target = part(&e, "target");
  add(&e, mention->annotation, type, oa(&e, "Annotation"));
  add(&e, mention->annotation, oa(&e, "motivatedBy"), oa(&e, "identifying"));
  add(&e, mention->annotation, oa(&e, "hasBody"), mention->body);
  add(&e, mention->annotation, oa(&e, "hasTarget"), target);
  add(&e, target, type, oa(&e, "SpecificResource"));
  add(&e, target, oa(&e, "hasSource"), mention->source);
  add_selectors(&e, target);
  aseankg_buffer_release(&e.scratch);
  return e.failed ? ASEANKG_ERR_NOMEM : ASEANKG_SUCCESS;
}
