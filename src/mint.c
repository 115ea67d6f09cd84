/* The builder's terms: every IRI minted under the base (one IRI scheme), vocabulary terms,
   literals, the hot terms, the graph names, and the prefixes of an export. */
#include "builder.h"

#include "namespaces.h"
#include "try.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

AseankgTermId
aseankg_builder_iri(Builder* const b, const char* const value)
{
  return aseankg_graph_iri(b->graph, value, strlen(value));
}

/* Every IRI under the base is made here, so the IRI scheme lives in one place. */
AseankgTermId
aseankg_builder_mint(Builder* const b, const char* const format, ...)
{
  char    path[1024];
  va_list args;
  va_start(args, format);
  const int n = vsnprintf(path, sizeof(path), format, args);
  va_end(args);
  if (n < 0 || (size_t)n >= sizeof(path)) {
    return 0U;
  }

  aseankg_buffer_reset(&b->scratch);
  if (aseankg_buffer_append_string(&b->scratch, b->base) || aseankg_buffer_append_string(&b->scratch, path)) {
    return 0U;
  }
  return aseankg_graph_iri(b->graph, b->scratch.data, b->scratch.length);
}

AseankgTermId
aseankg_builder_vocabulary(Builder* const b, const char* const ns, const char* const local)
{
  aseankg_buffer_reset(&b->scratch);
  if (aseankg_buffer_append_string(&b->scratch, ns) || aseankg_buffer_append_string(&b->scratch, local)) {
    return 0U;
  }
  return aseankg_graph_iri(b->graph, b->scratch.data, b->scratch.length);
}

AseankgTermId
aseankg_builder_ontology_term(Builder* const b, const char* const local)
{
  return aseankg_builder_vocabulary(b, aseankg_ontology_namespace(b->project->ontology), local);
}

AseankgTermId
aseankg_builder_text_literal(Builder* const b, const char* const value, const size_t length,
                             const char* const language)
{
  return aseankg_graph_literal(b->graph, value, length, 0U, language, NULL);
}

AseankgTermId
aseankg_builder_lang(Builder* const b, const char* const value, const char* const language)
{
  return aseankg_builder_text_literal(b, value, strlen(value), language);
}

AseankgTermId
aseankg_builder_plain(Builder* const b, const char* const value)
{
  return aseankg_builder_text_literal(b, value, strlen(value), NULL);
}

AseankgTermId
aseankg_builder_typed(Builder* const b, const char* const value, const char* const xsd_type)
{
  return aseankg_graph_typed(b->graph, value, xsd_type);
}

AseankgTermId
aseankg_builder_count_literal(Builder* const b, const size_t value, const char* const xsd_type)
{
  char digits[32];
  snprintf(digits, sizeof(digits), "%zu", value);
  return aseankg_builder_typed(b, digits, xsd_type);
}

AseankgTermId
aseankg_builder_segment_iri(const Builder* const b, const AseankgSegment* const segment)
{
  return b->segment_iris[segment - b->text->segments];
}

AseankgStatus
aseankg_builder_intern_hot_terms(Builder* const b)
{
  HotTerms* const h      = &b->hot;
  h->type                = aseankg_builder_vocabulary(b, RDF, "type");
  h->offset_based_string = aseankg_builder_vocabulary(b, NIF, "OffsetBasedString");
  h->span                = aseankg_builder_ontology_term(b, "Span");
  h->reference_context   = aseankg_builder_vocabulary(b, NIF, "referenceContext");
  h->begin_index         = aseankg_builder_vocabulary(b, NIF, "beginIndex");
  h->end_index           = aseankg_builder_vocabulary(b, NIF, "endIndex");
  h->anchor_of           = aseankg_builder_vocabulary(b, NIF, "anchorOf");
  h->ta_ident_ref        = aseankg_builder_vocabulary(b, ITSRDF, "taIdentRef");
  h->assertion           = aseankg_builder_ontology_term(b, "Assertion");
  h->statement           = aseankg_builder_vocabulary(b, RDF, "Statement");
  h->subject             = aseankg_builder_vocabulary(b, RDF, "subject");
  h->predicate           = aseankg_builder_vocabulary(b, RDF, "predicate");
  h->object              = aseankg_builder_vocabulary(b, RDF, "object");
  h->stated_in           = aseankg_builder_ontology_term(b, "statedIn");
  h->evidence            = aseankg_builder_ontology_term(b, "evidence");
  h->was_derived_from    = aseankg_builder_vocabulary(b, PROV, "wasDerivedFrom");

  const AseankgTermId* const terms = &h->type;
  for (size_t i = 0U; i < sizeof(*h) / sizeof(AseankgTermId); ++i) {
    if (!terms[i]) {
      return aseankg_builder_out_of_memory(b);
    }
  }
  return ASEANKG_SUCCESS;
}

/* Name the register's graph and, for each document, its own; all 0 (the default graph) without `named`. */
AseankgStatus
aseankg_builder_name_graphs(Builder* const b, const int named, AseankgTermId* const document_graphs)
{
  if (!named) {
    return ASEANKG_SUCCESS;
  }
  const char* const version = b->data->dataset.version.value;
  AseankgStatus     st      = ASEANKG_SUCCESS;
  TRY(st, aseankg_builder_check_id(b, &b->data->dataset.version, "version"));
  if (!(b->registry = aseankg_builder_mint(b, "graph/%s", version))) {
    return aseankg_builder_out_of_memory(b);
  }
  for (size_t i = 0U; i < b->data->n_documents; ++i) {
    if (!(document_graphs[i] =
            aseankg_builder_mint(b, "graph/%s/%s", version, b->data->documents[i].id.value))) {
      return aseankg_builder_out_of_memory(b);
    }
  }
  return st;
}

size_t
aseankg_export_prefixes(const AseankgProject* const project, const char* const base,
                        AseankgPrefix* const prefixes, const size_t capacity, char* const storage,
                        const size_t storage_size)
{
  assert(project && project->ontology);
  assert(base);
  assert(prefixes || !capacity);
  assert(storage || !storage_size);
  static const AseankgPrefix standard[] = {
    { "rdf", RDF },         { "rdfs", RDFS },     { "xsd", XSD },   { "owl", OWL }, { "skos", SKOS },
    { "dcterms", DCTERMS }, { "schema", SCHEMA }, { "prov", PROV }, { "org", ORG }, { "eli", ELI },
    { "nif", NIF },         { "itsrdf", ITSRDF }, { "void", VOID }, { "oa", OA },
  };
  const size_t      n_standard = sizeof(standard) / sizeof(standard[0]);
  const char* const own[][2]   = {
      { "kg", "" },
      { "entity", "entity/" },
      { "doc", "doc/" },
      { "assertion", "assertion/" },
      { "annotation", "annotation/" },
      { "scheme", "scheme/" },
  };
  const size_t n_own = sizeof(own) / sizeof(own[0]);
  if (capacity < n_standard + n_own + 2U) {
    return 0U;
  }

  size_t n = 0U;
  for (size_t i = 0U; i < n_standard; ++i) {
    prefixes[n++] = standard[i];
  }
  prefixes[n].name            = "ak";
  prefixes[n++].namespace_iri = aseankg_ontology_namespace(project->ontology);

  size_t used = 0U;
  for (size_t i = 0U; i < n_own + 1U; ++i) {
    char* const slot   = storage + used;
    const int   length = i < n_own ? snprintf(slot, storage_size - used, "%s%s", base, own[i][1])
                                   : snprintf(slot, storage_size - used, "%sdoc/%s/", base,
                                              project->data->documents[0].id.value);
    if (length < 0 || (size_t)length >= storage_size - used) {
      return 0U;
    }
    prefixes[n].name            = i < n_own ? own[i][0] : "seg";
    prefixes[n++].namespace_iri = slot;
    used += (size_t)length + 1U;
  }
  return n;
}

size_t
aseankg_export_entity_iri(char* const buffer, const size_t size, const char* const base,
                          const char* const entity_id)
{
  assert(buffer || !size);
  assert(base);
  assert(entity_id);
  char      path[1024];
  const int n = snprintf(path, sizeof(path), ENTITY_PATH, entity_id);
  if (n < 0 || (size_t)n >= sizeof(path)) {
    return 0U;
  }
  const int length = snprintf(buffer, size, "%s%s", base, path);
  return length < 0 || (size_t)length >= size ? 0U : (size_t)length;
}

size_t
aseankg_project_entity_iri(char* const buffer, const size_t size, const AseankgProject* const project,
                           const char* const base, const size_t entity)
{
  assert(buffer || !size);
  assert(project && project->data);
  assert(base);
  assert(entity < project->data->n_entities);
  const AseankgData* const data = project->data;
  for (size_t i = 0U; i < data->n_documents; ++i) {
    if (data->documents[i].entity.value &&
        !strcmp(data->documents[i].entity.value, data->entities[entity].id.value)) {
      const int length = snprintf(buffer, size, "%sdoc/%s", base, data->documents[i].id.value);
      return length < 0 || (size_t)length >= size ? 0U : (size_t)length;
    }
  }
  return aseankg_export_entity_iri(buffer, size, base, data->entities[entity].id.value);
}
