/* The export proper: emits the triples of entities, segments, spans, annotations, relations and the
   dataset, in the order aseankg_export_build() documents. */
#include "builder.h"

#include "annotation.h"
#include "array.h"
#include "namespaces.h"
#include "try.h"
#include "utf8.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static AseankgStatus
add(Builder* const b, const AseankgTermId s, const AseankgTermId p, const AseankgTermId o)
{
  const AseankgStatus st = aseankg_graph_add(b->graph, s, p, o, b->graph_name);
  return st ? aseankg_builder_out_of_memory(b) : ASEANKG_SUCCESS;
}

/* A NIF span over bytes [begin, end) of `segment`; returns its IRI. */
static AseankgTermId
emit_span(Builder* const b, const AseankgSegment* const segment, const size_t begin, const size_t end)
{
  const size_t        char_begin = aseankg_utf8_count(segment->text, begin);
  const size_t        char_end   = char_begin + aseankg_utf8_count(segment->text + begin, end - begin);
  const AseankgTermId span =
    aseankg_builder_mint(b, "doc/%s/%s#char=%zu,%zu", b->doc->id.value, segment->id, char_begin, char_end);
  if (!span) {
    return 0U;
  }

  if (aseankg_array_reserve((void**)&b->spans, &b->spans_capacity, b->n_spans + 1U, sizeof(AseankgTermId))) {
    return 0U;
  }
  b->spans[b->n_spans++] = span;

  const HotTerms* const h = &b->hot;
  const AseankgStatus   st =
    add(b, span, h->type, h->offset_based_string) || add(b, span, h->type, h->span) ||
    add(b, span, h->reference_context, aseankg_builder_segment_iri(b, segment)) ||
    add(b, span, h->begin_index, aseankg_builder_count_literal(b, char_begin, "nonNegativeInteger")) ||
    add(b, span, h->end_index, aseankg_builder_count_literal(b, char_end, "nonNegativeInteger")) ||
    add(b, span, h->anchor_of, aseankg_builder_text_literal(b, segment->text + begin, end - begin, NULL));
  return st ? 0U : span;
}

/* The mention's W3C Web Annotation (src/annotation.c), beside its NIF span. */
static AseankgStatus
emit_annotation(Builder* const b, const AseankgSegment* const segment, const size_t begin, const size_t end,
                const size_t entity)
{
  const size_t            start   = aseankg_utf8_count(segment->text, begin);
  const AseankgAnnotation mention = { aseankg_builder_mint(
                                        b, "annotation/%s--%s--%zu-%zu--%s", b->doc->id.value, segment->id,
                                        start, start + aseankg_utf8_count(segment->text + begin, end - begin),
                                        b->data->entities[entity].id.value),
                                      aseankg_builder_segment_iri(b, segment),
                                      b->entity_iris[entity],
                                      b->graph_name,
                                      segment->text,
                                      segment->length,
                                      begin,
                                      end };
  return mention.annotation ? aseankg_annotation_emit(b->graph, &mention) : ASEANKG_ERR_NOMEM;
}

static AseankgStatus
emit_mention(Builder* const b, const size_t s, const size_t begin, const size_t end, const size_t entity,
             void* const context)
{
  (void)context;
  const AseankgTermId span = emit_span(b, &b->text->segments[s], begin, end);
  if (!span || add(b, span, b->hot.ta_ident_ref, b->entity_iris[entity]) ||
      emit_annotation(b, &b->text->segments[s], begin, end, entity)) {
    return aseankg_builder_out_of_memory(b);
  }
  ++b->stats.mentions;
  return ASEANKG_SUCCESS;
}

static const char*
concept_scheme(const char* const type)
{
  if (!strcmp(type, "CooperationArea")) {
    return "cooperation-areas";
  }
  if (!strcmp(type, "Challenge")) {
    return "challenges";
  }
  if (!strcmp(type, "Concept")) {
    return "concepts";
  }
  return NULL;
}

static AseankgStatus
emit_entity(Builder* const b, const size_t index)
{
  const AseankgEntity* const e    = &b->data->entities[index];
  const AseankgTermId        self = b->entity_iris[index];
  const AseankgTermId        type = aseankg_builder_vocabulary(b, RDF, "type");

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, add(b, self, type, aseankg_builder_ontology_term(b, e->type.value)));
  if (!b->is_document[index]) { /* a document's identifier is its document id */
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, DCTERMS, "identifier"),
                aseankg_builder_plain(b, e->id.value)));
  }
  TRY(st,
      add(b, self, aseankg_builder_vocabulary(b, RDFS, "label"), aseankg_builder_lang(b, e->zh.value, "zh")));
  TRY(st,
      add(b, self, aseankg_builder_vocabulary(b, RDFS, "label"), aseankg_builder_lang(b, e->en.value, "en")));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, SKOS, "prefLabel"),
              aseankg_builder_lang(b, e->zh.value, "zh")));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, SKOS, "prefLabel"),
              aseankg_builder_lang(b, e->en.value, "en")));
  TRY(st, add(b, self, aseankg_builder_ontology_term(b, "englishLabelStatus"),
              aseankg_builder_ontology_term(b, e->gloss ? "Gloss" : "OfficialName")));
  for (size_t a = 0U; a < e->n_aliases; ++a) {
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, SKOS, "altLabel"),
                aseankg_builder_lang(b, e->aliases[a].value, "zh")));
  }
  if (e->en_source.value) {
    TRY(st, e->gloss
              ? aseankg_builder_fail_at(
                  b, &e->en_source.mark, ASEANKG_ERR_DATA,
                  "'en_source' cites an official English name, but '%s' is marked a gloss", e->id.value)
              : aseankg_builder_check_iri(b, &e->en_source, "en_source"));
    TRY(st, add(b, self, aseankg_builder_ontology_term(b, "englishNameSource"),
                aseankg_builder_iri(b, e->en_source.value)));
  }
  for (size_t i = 0U; i < e->n_same_as; ++i) {
    TRY(st, aseankg_builder_check_iri(b, &e->same_as[i], "same_as"));
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, SCHEMA, "sameAs"),
                aseankg_builder_iri(b, e->same_as[i].value)));
  }

  const char* const scheme = concept_scheme(e->type.value);
  if (scheme) {
    const AseankgTermId scheme_iri = aseankg_builder_mint(b, "scheme/%s", scheme);
    TRY(st, add(b, self, type, aseankg_builder_vocabulary(b, SKOS, "Concept")));
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, SKOS, "inScheme"), scheme_iri));
    TRY(st, add(b, scheme_iri, type, aseankg_builder_vocabulary(b, SKOS, "ConceptScheme")));
    TRY(st, add(b, scheme_iri, aseankg_builder_vocabulary(b, SKOS, "prefLabel"),
                aseankg_builder_lang(b, scheme, "en")));
  }
  return st;
}

static AseankgStatus
emit_segment(Builder* const b, const AseankgSegment* const segment, const AseankgTermId document,
             const AseankgTermId source)
{
  static const char* const classes[]    = { "HeaderLine", "Title", "PreambleParagraph", "OperativeClause" };
  const int                in_statement = segment->kind != ASEANKG_SEGMENT_HEADER;
  const AseankgTermId      self         = aseankg_builder_segment_iri(b, segment);
  const AseankgTermId      type         = aseankg_builder_vocabulary(b, RDF, "type");
  char                     number[16];
  snprintf(number, sizeof(number), "%u", segment->number);

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, add(b, self, type, aseankg_builder_ontology_term(b, classes[segment->kind])));
  TRY(st, add(b, self, type, aseankg_builder_vocabulary(b, NIF, "Context")));
  if (in_statement) { /* header lines belong to the news release, not the statement */
    TRY(st, add(b, self, type, aseankg_builder_vocabulary(b, ELI, "LegalResourceSubdivision")));
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, ELI, "is_part_of"), document));
    TRY(st, add(b, document, aseankg_builder_vocabulary(b, ELI, "has_part"), self));
  }
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, DCTERMS, "identifier"),
              aseankg_builder_plain(b, segment->id)));
  if (segment->kind != ASEANKG_SEGMENT_TITLE) {
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, ELI, "number"), aseankg_builder_plain(b, number)));
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, SCHEMA, "position"),
                aseankg_builder_typed(b, number, "integer")));
  }
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, NIF, "isString"),
              aseankg_builder_text_literal(b, segment->text, segment->length, NULL)));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, NIF, "beginIndex"),
              aseankg_builder_count_literal(b, 0U, "nonNegativeInteger")));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, NIF, "endIndex"),
              aseankg_builder_count_literal(b, segment->char_length, "nonNegativeInteger")));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, NIF, "broaderContext"), source));
  return st;
}

/* The document's own graph: its source text and segments. */
static AseankgStatus
emit_document_text(Builder* const b)
{
  const AseankgDocument* const doc       = b->doc;
  const AseankgText* const     text      = b->text;
  const AseankgTermId          type      = b->hot.type;
  const AseankgTermId          source    = aseankg_builder_mint(b, "doc/%s/text", doc->id.value);
  const char*                  file_name = strrchr(text->path, '/');

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, add(b, b->doc_iri, aseankg_builder_ontology_term(b, "sourceText"), source));
  TRY(st, add(b, source, type, aseankg_builder_ontology_term(b, "SourceText")));
  TRY(st, add(b, source, type, aseankg_builder_vocabulary(b, NIF, "Context")));
  TRY(st, add(b, source, aseankg_builder_vocabulary(b, SCHEMA, "name"),
              aseankg_builder_plain(b, file_name ? file_name + 1 : text->path)));
  TRY(st, add(b, source, aseankg_builder_vocabulary(b, SCHEMA, "sha256"),
              aseankg_builder_plain(b, text->sha256_hex)));
  TRY(st, add(b, source, aseankg_builder_vocabulary(b, DCTERMS, "format"),
              aseankg_builder_plain(b, "text/plain; charset=utf-8")));
  TRY(st, add(b, source, aseankg_builder_vocabulary(b, DCTERMS, "language"),
              aseankg_builder_typed(b, doc->language.value, "language")));
  TRY(st, add(b, source, aseankg_builder_vocabulary(b, NIF, "isString"),
              aseankg_builder_text_literal(b, text->bytes, text->length, NULL)));
  TRY(st, add(b, source, aseankg_builder_vocabulary(b, NIF, "beginIndex"),
              aseankg_builder_count_literal(b, 0U, "nonNegativeInteger")));
  TRY(st, add(b, source, aseankg_builder_vocabulary(b, NIF, "endIndex"),
              aseankg_builder_count_literal(b, text->char_length, "nonNegativeInteger")));

  for (size_t i = 0U; i < text->n_segments; ++i) {
    TRY(st, emit_segment(b, &text->segments[i], b->doc_iri, source));
  }
  b->stats.segments += text->n_segments;
  return st;
}

/* The register's description of document `index`: what it is, who published it, when and where. */
static AseankgStatus
emit_document_info(Builder* const b, const size_t index)
{
  const AseankgDocument* const doc       = &b->data->documents[index];
  const AseankgTermId          self      = b->document_iris[index];
  const AseankgTermId          type      = b->hot.type;
  AseankgTermId                publisher = 0U;
  AseankgTermId                place     = 0U;

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_builder_check_date(b, &doc->published));
  TRY(st, aseankg_builder_check_date(b, &doc->dateline_date));
  TRY(st, aseankg_builder_check_language(b, &doc->language));
  TRY(st, aseankg_builder_resolve(b, &doc->publisher, "publisher", &publisher));
  TRY(st, aseankg_builder_resolve(b, &doc->dateline_place, "dateline_place", &place));

  /* A document that is a register entity has that entity's type and labels (emit_entity()); any other
     is a joint statement, what this corpus is made of. */
  TRY(st, add(b, self, type, aseankg_builder_vocabulary(b, ELI, "LegalResource")));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, DCTERMS, "identifier"),
              aseankg_builder_plain(b, doc->id.value)));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, DCTERMS, "title"),
              aseankg_builder_lang(b, doc->title_zh.value, "zh")));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, DCTERMS, "title"),
              aseankg_builder_lang(b, doc->title_en.value, "en")));
  if (!doc->entity.value) {
    TRY(st, add(b, self, type, aseankg_builder_ontology_term(b, "JointStatement")));
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, RDFS, "label"),
                aseankg_builder_lang(b, doc->title_zh.value, "zh")));
    TRY(st, add(b, self, aseankg_builder_vocabulary(b, RDFS, "label"),
                aseankg_builder_lang(b, doc->title_en.value, "en")));
  }
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, DCTERMS, "publisher"), publisher));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, DCTERMS, "issued"),
              aseankg_builder_typed(b, doc->published.value, "date")));
  TRY(st, add(b, self, aseankg_builder_ontology_term(b, "datelinePlace"), place));
  TRY(st, add(b, self, aseankg_builder_ontology_term(b, "datelineDate"),
              aseankg_builder_typed(b, doc->dateline_date.value, "date")));
  TRY(st, add(b, self, aseankg_builder_vocabulary(b, DCTERMS, "language"),
              aseankg_builder_typed(b, doc->language.value, "language")));
  return st;
}

static AseankgStatus
relation_value(Builder* const b, const AseankgRelation* const r, AseankgTermId* const value)
{
  const char* const datatype = r->datatype.value ? r->datatype.value : "string";
  AseankgStatus     st       = ASEANKG_SUCCESS;
  if (!strcmp(datatype, "date")) {
    st     = aseankg_builder_check_date(b, &r->value);
    *value = st ? 0U : aseankg_builder_typed(b, r->value.value, "date");
  } else if (!strcmp(datatype, "integer")) {
    const char* v  = r->value.value;
    int         ok = *v != '\0';
    for (; *v && ok; ++v) {
      ok = *v >= '0' && *v <= '9';
    }
    st     = ok ? ASEANKG_SUCCESS
                : aseankg_builder_fail_at(b, &r->value.mark, ASEANKG_ERR_DATA, "'%s' is not an integer",
                                          r->value.value);
    *value = st ? 0U : aseankg_builder_typed(b, r->value.value, "integer");
  } else if (!strcmp(datatype, "gYear")) {
    const char* const v  = r->value.value;
    int               ok = strlen(v) == 4U;
    for (size_t i = 0U; i < 4U && ok; ++i) {
      ok = v[i] >= '0' && v[i] <= '9';
    }
    st     = ok ? ASEANKG_SUCCESS
                : aseankg_builder_fail_at(b, &r->value.mark, ASEANKG_ERR_DATA, "'%s' is not a year (four digits)",
                                          v);
    *value = st ? 0U : aseankg_builder_typed(b, v, "gYear");
  } else if (!strcmp(datatype, "string")) {
    *value = aseankg_builder_plain(b, r->value.value);
  } else {
    st = aseankg_builder_fail_at(b, &r->datatype.mark, ASEANKG_ERR_DATA,
                                 "unknown datatype '%s' (date, gYear, integer or string)", datatype);
  }
  return (!st && !*value) ? aseankg_builder_out_of_memory(b) : st;
}

static AseankgStatus
emit_relation(Builder* const b, const AseankgRelation* const r)
{
  const AseankgText* const text     = b->text;
  AseankgTermId            subject  = 0U;
  AseankgTermId            object   = 0U;
  const int                is_value = r->value.value != NULL;

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_builder_resolve(b, &r->subject, "subject", &subject));
  TRY(st,
      aseankg_builder_check_declared(
        b, &r->predicate, is_value ? ASEANKG_DECLARED_DATATYPE_PROPERTY : ASEANKG_DECLARED_OBJECT_PROPERTY));
  TRY(st,
      is_value ? relation_value(b, r, &object) : aseankg_builder_resolve(b, &r->object, "object", &object));

  const AseankgSegment* const segment = aseankg_text_segment(text, r->segment.value);
  if (!segment) {
    return aseankg_builder_fail_at(
      b, &r->segment.mark, ASEANKG_ERR_DATA,
      "no segment '%s' (the text has title, preamble-1 … preamble-%u, clause-1 … clause-%u)",
      r->segment.value,
      text->segments[text->n_segments - 1U].kind == ASEANKG_SEGMENT_CLAUSE
        ? (unsigned)(text->n_segments - 1U - text->segments[text->n_segments - 1U].number)
        : 0U,
      text->segments[text->n_segments - 1U].number);
  }
  const size_t at = aseankg_segment_find(segment, r->evidence.value, r->occurrence);
  if (at == (size_t)-1) {
    return aseankg_builder_fail_at(b, &r->evidence.mark, ASEANKG_ERR_DATA,
                                   "evidence \"%s\" does not occur%s in %s", r->evidence.value,
                                   r->occurrence > 1U ? " that often" : "", segment->id);
  }

  const AseankgTermId predicate = aseankg_builder_ontology_term(b, r->predicate.value);
  const AseankgTermId assertion =
    is_value ? aseankg_builder_mint(b, "assertion/%s--%s--%s--%s", b->doc->id.value, segment->id,
                                    r->subject.value, r->predicate.value)
             : aseankg_builder_mint(b, "assertion/%s--%s--%s--%s--%s", b->doc->id.value, segment->id,
                                    r->subject.value, r->predicate.value, r->object.value);
  const AseankgTermId evidence = assertion ? emit_span(b, segment, at, at + strlen(r->evidence.value)) : 0U;
  if (!evidence) {
    return aseankg_builder_out_of_memory(b);
  }

  const HotTerms* const h      = &b->hot;
  const size_t          before = aseankg_graph_size(b->graph);
  TRY(st, add(b, assertion, h->type, h->assertion));
  if (aseankg_graph_size(b->graph) == before) {
    return aseankg_builder_fail_at(
      b, &r->mark, ASEANKG_ERR_DATA, "duplicate relation: %s %s %s is already stated in %s", r->subject.value,
      r->predicate.value, is_value ? r->value.value : r->object.value, segment->id);
  }
  TRY(st, add(b, subject, predicate, object));
  TRY(st, add(b, assertion, h->type, h->statement));
  TRY(st, add(b, assertion, h->subject, subject));
  TRY(st, add(b, assertion, h->predicate, predicate));
  TRY(st, add(b, assertion, h->object, object));
  TRY(st, add(b, assertion, h->stated_in, aseankg_builder_segment_iri(b, segment)));
  TRY(st, add(b, assertion, h->evidence, evidence));
  TRY(st, add(b, assertion, h->was_derived_from, b->doc_iri));
  return st;
}

static AseankgStatus
emit_dataset(Builder* const b)
{
  const AseankgDatasetInfo* const info    = &b->data->dataset;
  const AseankgTermId             dataset = aseankg_builder_mint(b, "dataset");
  const AseankgTermId             type    = aseankg_builder_vocabulary(b, RDF, "type");
  char                            ontology_iri[512];
  snprintf(ontology_iri, sizeof(ontology_iri), "%s", aseankg_ontology_namespace(b->project->ontology));
  ontology_iri[strlen(ontology_iri) - 1U] = '\0'; /* the namespace ends in '#' */

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_builder_check_date(b, &info->created));
  TRY(st, aseankg_builder_check_iri(b, &info->license, "license"));
  TRY(st, add(b, dataset, type, aseankg_builder_vocabulary(b, VOID, "Dataset")));
  TRY(st, add(b, dataset, aseankg_builder_vocabulary(b, DCTERMS, "title"),
              aseankg_builder_lang(b, info->title.value, "en")));
  for (size_t i = 0U; i < b->data->n_documents; ++i) {
    TRY(st, add(b, dataset, aseankg_builder_vocabulary(b, DCTERMS, "source"), b->document_iris[i]));
  }
  TRY(st, add(b, dataset, aseankg_builder_vocabulary(b, DCTERMS, "created"),
              aseankg_builder_typed(b, info->created.value, "date")));
  TRY(st, add(b, dataset, aseankg_builder_vocabulary(b, DCTERMS, "license"),
              aseankg_builder_iri(b, info->license.value)));
  TRY(st, add(b, dataset, aseankg_builder_vocabulary(b, DCTERMS, "hasVersion"),
              aseankg_builder_plain(b, info->version.value)));
  TRY(st,
      add(b, dataset, aseankg_builder_vocabulary(b, VOID, "uriSpace"), aseankg_builder_plain(b, b->base)));
  TRY(st, add(b, dataset, aseankg_builder_vocabulary(b, VOID, "vocabulary"),
              aseankg_builder_iri(b, ontology_iri)));
  TRY(st, add(b, dataset, aseankg_builder_vocabulary(b, VOID, "entities"),
              aseankg_builder_count_literal(b, b->data->n_entities, "integer")));

  /* The count includes the triple that states it. */
  b->stats.triples = aseankg_graph_size(b->graph) + 1U;
  return add(b, dataset, aseankg_builder_vocabulary(b, VOID, "triples"),
             aseankg_builder_count_literal(b, b->stats.triples, "integer"));
}

static int
compare_ids(const void* const a, const void* const b)
{
  const AseankgTermId x = *(const AseankgTermId*)a;
  const AseankgTermId y = *(const AseankgTermId*)b;
  return (x > y) - (x < y);
}

static size_t
count_distinct(AseankgTermId* const ids, const size_t n)
{
  if (!n) {
    return 0U;
  }
  qsort(ids, n, sizeof(AseankgTermId), compare_ids);
  size_t distinct = 1U;
  for (size_t i = 1U; i < n; ++i) {
    distinct += ids[i] != ids[i - 1U];
  }
  return distinct;
}

/* Everything document `index` states, into its graph. */
static AseankgStatus
emit_document(Builder* const b, const size_t index, const AseankgTermId graph_name)
{
  b->doc_index  = index;
  b->doc        = &b->data->documents[index];
  b->text       = b->project->texts[index];
  b->doc_iri    = b->document_iris[index];
  b->graph_name = graph_name;

  free(b->segment_iris);
  if (!(b->segment_iris = (AseankgTermId*)calloc(b->text->n_segments + 1U, sizeof(AseankgTermId)))) {
    return aseankg_builder_out_of_memory(b);
  }
  for (size_t i = 0U; i < b->text->n_segments; ++i) {
    if (!(b->segment_iris[i] =
            aseankg_builder_mint(b, "doc/%s/%s", b->doc->id.value, b->text->segments[i].id))) {
      return aseankg_builder_out_of_memory(b);
    }
  }

  AseankgStatus st = ASEANKG_SUCCESS;

  TRY(st, emit_document_text(b));
  TRY(st, aseankg_builder_scan_mentions(b, emit_mention, NULL));
  for (size_t i = 0U; i < b->doc->n_relations; ++i) {
    TRY(st, emit_relation(b, &b->doc->relations[i]));
  }
  b->stats.relations += b->doc->n_relations;
  return st;
}

AseankgStatus
aseankg_export_build(AseankgGraph* const graph, const AseankgProject* const project, const char* const base,
                     const int named_graph, AseankgExportStats* const stats, AseankgError* const error)
{
  assert(graph);
  assert(project && project->data && project->ontology);
  assert(base);
  Builder b;
  memset(&b, 0, sizeof(b));
  b.graph   = graph;
  b.project = project;
  b.data    = project->data;
  b.base    = base;
  b.error   = error;

  uint32_t             root = 0U;
  AseankgTermId* const document_graphs =
    (AseankgTermId*)calloc(b.data->n_documents + 1U, sizeof(AseankgTermId));
  AseankgStatus st = ASEANKG_SUCCESS;
  if (!document_graphs) {
    st = aseankg_builder_out_of_memory(&b);
    goto cleanup;
  }
  TRY_CLEANUP(st, aseankg_export_check_base(base, error));
  TRY_CLEANUP(st, aseankg_builder_trie_node(&b, &root));
  TRY_CLEANUP(st, aseankg_builder_intern_hot_terms(&b));
  TRY_CLEANUP(st, aseankg_builder_index_entities(&b));
  TRY_CLEANUP(st, aseankg_builder_index_documents(&b));
  TRY_CLEANUP(st, aseankg_builder_name_graphs(&b, named_graph, document_graphs));
  TRY_CLEANUP(st, aseankg_builder_link_documents(&b));
  TRY_CLEANUP(st, aseankg_builder_add_names(&b));
  for (size_t i = 0U; i < b.data->n_documents; ++i) {
    TRY_CLEANUP(st, emit_document(&b, i, document_graphs[i]));
  }
  TRY_CLEANUP(st, aseankg_builder_check_names_seen(&b));
  b.graph_name = b.registry;
  for (size_t i = 0U; i < b.data->n_entities; ++i) {
    TRY_CLEANUP(st, emit_entity(&b, i));
  }
  for (size_t i = 0U; i < b.data->n_documents; ++i) {
    TRY_CLEANUP(st, emit_document_info(&b, i));
  }
  TRY_CLEANUP(st, emit_dataset(&b));

  if (stats) {
    b.stats.entities = b.data->n_entities;
    b.stats.spans    = count_distinct(b.spans, b.n_spans);
    *stats           = b.stats;
  }

cleanup:
  aseankg_buffer_release(&b.scratch);
  free(document_graphs);
  free(b.document_iris);
  free(b.segment_iris);
  free(b.by_id);
  free(b.entity_iris);
  free(b.is_document);
  free(b.trie);
  free(b.found);
  free(b.open);
  free(b.spans);
  return st;
}
