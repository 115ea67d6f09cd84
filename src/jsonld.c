/* JSON-LD output: one compacted document per graph, against the published context, byte-stable. */
#include "aseankg/jsonld.h"

#include "buffer.h"
#include "writers.h"
#include "namespaces.h"
#include "try.h"
#include "utf8.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF_TYPE "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"

/* The published context: the vocabularies' prefixes (sorted by name) and the type coercions. */
static const AseankgPrefix published_prefixes[] = {
  { "ak", "https://example.org/aseankg/ontology#" },
  { "dcterms", DCTERMS },
  { "eli", ELI },
  { "itsrdf", ITSRDF },
  { "nif", NIF },
  { "oa", OA },
  { "org", ORG },
  { "owl", OWL },
  { "prov", PROV },
  { "rdf", RDF },
  { "rdfs", RDFS },
  { "schema", SCHEMA },
  { "skos", SKOS },
  { "void", VOID },
  { "xsd", XSD },
};
#define N_PUBLISHED (sizeof(published_prefixes) / sizeof(published_prefixes[0]))

/* A term of the published context: a compact IRI of a published prefix, read as an IRI ("@id") or
   with a datatype (a compact IRI) when its value is a plain JSON string. Sorted by name. */
typedef struct {
  const char* prefix;
  const char* local;
  const char* type;
} Coercion;

static const Coercion coercions[] = {
  { "eli", "has_part", "@id" },         { "eli", "is_part_of", "@id" },
  { "itsrdf", "taIdentRef", "@id" },    { "nif", "beginIndex", "xsd:nonNegativeInteger" },
  { "nif", "broaderContext", "@id" },   { "nif", "endIndex", "xsd:nonNegativeInteger" },
  { "nif", "referenceContext", "@id" }, { "oa", "end", "xsd:nonNegativeInteger" },
  { "oa", "hasBody", "@id" },           { "oa", "hasSelector", "@id" },
  { "oa", "hasSource", "@id" },         { "oa", "hasTarget", "@id" },
  { "oa", "motivatedBy", "@id" },       { "oa", "start", "xsd:nonNegativeInteger" },
  { "prov", "wasDerivedFrom", "@id" },  { "rdf", "predicate", "@id" },
  { "rdf", "subject", "@id" },          { "skos", "inScheme", "@id" },
};
#define N_COERCIONS (sizeof(coercions) / sizeof(coercions[0]))

typedef struct {
  const AseankgGraph* graph;
  AseankgBuffer       out;
  AseankgPrefix*      active; /* the document's prefixes: published ones not redefined, then its own */
  size_t              n_active;
  size_t              n_inline; /* the last n_inline of `active` are written in the document */
  size_t*             compact; /* by term id: 0 not yet known, else 1 + the index in `active` (or n_active) */
  AseankgTermId       rdf_type;
  AseankgTermId       coerced[N_COERCIONS];   /* each coercion's predicate in the graph, or 0 */
  AseankgTermId       datatypes[N_COERCIONS]; /* and its datatype, 0 for "@id" */
} Writer;

/* --- JSON ---------------------------------------------------------------- */

/* Each put_ function appends to the writer's buffer and returns ASEANKG_ERR_NOMEM if it cannot grow, or
   ASEANKG_ERR_DATA for what JSON cannot hold; the caller passes the status up unchanged. */
static AseankgStatus
put(Writer* const w, const char* const bytes, const size_t length)
{
  return aseankg_buffer_append(&w->out, bytes, length);
}

static AseankgStatus
puts_(Writer* const w, const char* const string)
{
  return put(w, string, strlen(string));
}

static AseankgStatus
put_unit(Writer* const w, const uint32_t unit)
{
  static const char hex[]     = "0123456789abcdef";
  const char        escape[6] = {
           '\\', 'u', hex[(unit >> 12U) & 0xFU], hex[(unit >> 8U) & 0xFU], hex[(unit >> 4U) & 0xFU], hex[unit & 0xFU]
  };
  return put(w, escape, sizeof(escape));
}

/* Code points written as escapes: controls, the two line terminators JavaScript rejects in strings
   before ES2019, and noncharacters (which no text should carry unseen). */
static int
is_escaped(const uint32_t c)
{
  return c < 0x20U || (c >= 0x7FU && c <= 0x9FU) || c == 0x2028U || c == 0x2029U ||
         (c >= 0xFDD0U && c <= 0xFDEFU) || (c & 0xFFFEU) == 0xFFFEU;
}

static AseankgStatus
put_code_point(Writer* const w, const uint32_t c, const char* const bytes, const size_t size)
{
  const char* const short_escapes = c == '"'    ? "\\\""
                                    : c == '\\' ? "\\\\"
                                    : c == '\n' ? "\\n"
                                    : c == '\r' ? "\\r"
                                    : c == '\t' ? "\\t"
                                    : c == '\b' ? "\\b"
                                    : c == '\f' ? "\\f"
                                                : NULL;
  if (short_escapes) {
    return puts_(w, short_escapes);
  }
  if (!is_escaped(c)) {
    return put(w, bytes, size);
  }
  if (c > 0xFFFFU) { /* RFC 8259 section 7: a UTF-16 surrogate pair */
    AseankgStatus st = ASEANKG_SUCCESS;
    TRY(st, put_unit(w, 0xD800U + ((c - 0x10000U) >> 10U)));
    return put_unit(w, 0xDC00U + ((c - 0x10000U) & 0x3FFU));
  }
  return put_unit(w, c);
}

/* The characters of a JSON string (RFC 8259 section 7) holding UTF-8 `bytes`, without the quotes. */
static AseankgStatus
put_characters(Writer* const w, const char* const bytes, const size_t length)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < length;) {
    uint32_t     c    = 0U;
    const size_t size = aseankg_utf8_decode(bytes + i, length - i, &c);
    if (!size) {
      return ASEANKG_ERR_DATA; /* not UTF-8 */
    }
    TRY(st, put_code_point(w, c, bytes + i, size));
    i += size;
  }
  return st;
}

static AseankgStatus
put_string(Writer* const w, const char* const bytes, const size_t length)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, put(w, "\"", 1U));
  TRY(st, put_characters(w, bytes, length));
  return put(w, "\"", 1U);
}

static AseankgStatus
put_cstring(Writer* const w, const char* const string)
{
  return put_string(w, string, strlen(string));
}

static AseankgStatus
put_indent(Writer* const w, const unsigned depth)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, put(w, "\n", 1U));
  for (unsigned i = 0U; i < depth; ++i) {
    TRY(st, put(w, "  ", 2U));
  }
  return st;
}

/* --- Compact IRIs -------------------------------------------------------- */

/* JSON-LD 1.1 uses a simple term as a prefix only when its IRI ends in a gen-delim (RFC 3986). */
static int
is_usable_prefix(const char* const namespace_iri)
{
  const size_t n = strlen(namespace_iri);
  return n && strchr(":/?#[]@", namespace_iri[n - 1U]) != NULL;
}

static const char*
published_namespace(const char* const name)
{
  for (size_t i = 0U; i < N_PUBLISHED; ++i) {
    if (!strcmp(published_prefixes[i].name, name)) {
      return published_prefixes[i].namespace_iri;
    }
  }
  return NULL;
}

static const char*
given_namespace(const AseankgPrefix* const prefixes, const size_t n, const char* const name)
{
  for (size_t i = 0U; i < n; ++i) {
    if (!strcmp(prefixes[i].name, name)) {
      return prefixes[i].namespace_iri;
    }
  }
  return NULL;
}

/* The document's active prefixes: published ones the caller does not redefine, then the caller's
   usable ones that differ from the published (these are the document's inline context). */
static AseankgStatus
set_prefixes(Writer* const w, const AseankgPrefix* const prefixes, const size_t n_prefixes)
{
  if (!(w->active = (AseankgPrefix*)calloc(N_PUBLISHED + n_prefixes + 1U, sizeof(AseankgPrefix)))) {
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t i = 0U; i < N_PUBLISHED; ++i) {
    const char* const given = given_namespace(prefixes, n_prefixes, published_prefixes[i].name);
    if (!given || !strcmp(given, published_prefixes[i].namespace_iri)) {
      w->active[w->n_active++] = published_prefixes[i];
    }
  }
  for (size_t i = 0U; i < n_prefixes; ++i) {
    const char* const published = published_namespace(prefixes[i].name);
    if (is_usable_prefix(prefixes[i].namespace_iri) &&
        (!published || strcmp(published, prefixes[i].namespace_iri))) {
      w->active[w->n_active++] = prefixes[i];
      ++w->n_inline;
    }
  }
  return ASEANKG_SUCCESS;
}

/* Index in `active` of the longest namespace abbreviating `iri`, or n_active. */
static size_t
find_prefix(const Writer* const w, const AseankgTerm* const iri)
{
  size_t best = w->n_active, best_length = 0U;
  for (size_t i = 0U; i < w->n_active; ++i) {
    const size_t n = strlen(w->active[i].namespace_iri);
    if (n > best_length && n <= iri->length && !memcmp(iri->value, w->active[i].namespace_iri, n) &&
        !(iri->length - n >= 2U && !memcmp(iri->value + n, "//", 2U))) { /* "p://x" would read as an IRI */
      best        = i;
      best_length = n;
    }
  }
  return best;
}

/* The published coercion term named `prefix:local` for an IRI, or NULL. */
static const Coercion*
coercion_named(const char* const prefix, const char* const local, const size_t local_length)
{
  for (size_t i = 0U; i < N_COERCIONS; ++i) {
    if (!strcmp(coercions[i].prefix, prefix) && strlen(coercions[i].local) == local_length &&
        !memcmp(coercions[i].local, local, local_length)) {
      return &coercions[i];
    }
  }
  return NULL;
}

/* The compact form of IRI term `id`: a compact IRI, or the IRI itself when no prefix fits or when
   the compact IRI would be a published term meaning another IRI (a redefined published prefix). */
static AseankgStatus
put_iri(Writer* const w, const AseankgTermId id)
{
  AseankgStatus            st  = ASEANKG_SUCCESS;
  const AseankgTerm* const iri = aseankg_graph_term(w->graph, id);
  if (iri->kind == ASEANKG_TERM_BLANK) {
    TRY(st, put(w, "\"_:", 3U));
    TRY(st, put_characters(w, iri->value, iri->length));
    return put(w, "\"", 1U);
  }
  if (!w->compact[id]) {
    w->compact[id] = 1U + find_prefix(w, iri);
  }
  const size_t p = w->compact[id] - 1U;
  const size_t n = p < w->n_active ? strlen(w->active[p].namespace_iri) : 0U;
  if (p == w->n_active || (p >= w->n_active - w->n_inline &&
                           coercion_named(w->active[p].name, iri->value + n, iri->length - n))) {
    return put_string(w, iri->value, iri->length);
  }
  TRY(st, put(w, "\"", 1U));
  TRY(st, puts_(w, w->active[p].name));
  TRY(st, put(w, ":", 1U));
  TRY(st, put_characters(w, iri->value + n, iri->length - n));
  return put(w, "\"", 1U);
}

/* --- Values ---------------------------------------------------------------- */

/* The term id of `namespace` + `local` written as an N-Triples IRI key, or 0 if the graph lacks it. */
static AseankgTermId
lookup_iri(const AseankgGraph* const graph, const char* const namespace_iri, const char* const local)
{
  char      key[512];
  const int n = snprintf(key, sizeof(key), "<%s%s>", namespace_iri, local);
  return n > 0 && (size_t)n < sizeof(key) ? aseankg_graph_lookup(graph, key, (size_t)n) : 0U;
}

static void
find_coercions(Writer* const w)
{
  for (size_t i = 0U; i < N_COERCIONS; ++i) {
    const char* const colon = strchr(coercions[i].type, ':');
    w->coerced[i]   = lookup_iri(w->graph, published_namespace(coercions[i].prefix), coercions[i].local);
    w->datatypes[i] = colon ? lookup_iri(w->graph, published_namespace("xsd"), colon + 1) : 0U;
  }
}

/* The coercion term for predicate `p`, or NULL; its datatype's term id (0 for "@id") in `*datatype`. */
static const Coercion*
coercion_of(const Writer* const w, const AseankgTermId p, AseankgTermId* const datatype)
{
  for (size_t i = 0U; i < N_COERCIONS; ++i) {
    if (w->coerced[i] == p) {
      *datatype = w->datatypes[i];
      return &coercions[i];
    }
  }
  return NULL;
}

static AseankgStatus
put_literal(Writer* const w, const AseankgTerm* const literal, const Coercion* const c,
            const AseankgTermId datatype)
{
  const int plain = !literal->datatype && !literal->language;
  if ((plain && !c) || (c && datatype && literal->datatype == datatype)) {
    return put_string(w, literal->value, literal->length);
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, puts_(w, "{\"@value\": "));
  TRY(st, put_string(w, literal->value, literal->length));
  if (literal->language) {
    TRY(st, puts_(w, ", \"@language\": "));
    TRY(st, put_cstring(w, literal->language));
  }
  if (literal->direction) {
    TRY(st, puts_(w, ", \"@direction\": "));
    TRY(st, put_cstring(w, literal->direction));
  }
  if (literal->datatype) {
    TRY(st, puts_(w, ", \"@type\": "));
    TRY(st, put_iri(w, literal->datatype));
  }
  return put(w, "}", 1U);
}

static AseankgStatus
put_value(Writer* const w, const AseankgTermId object, const Coercion* const c, const AseankgTermId datatype)
{
  const AseankgTerm* const term = aseankg_graph_term(w->graph, object);
  if (term->kind == ASEANKG_TERM_LITERAL) {
    return put_literal(w, term, c, datatype);
  }
  if (term->kind == ASEANKG_TERM_TRIPLE) {
    return ASEANKG_ERR_DATA; /* JSON-LD 1.1 has no triple terms */
  }
  if (c && !strcmp(c->type, "@id")) {
    return put_iri(w, object);
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, puts_(w, "{\"@id\": "));
  TRY(st, put_iri(w, object));
  return put(w, "}", 1U);
}

/* --- Nodes ----------------------------------------------------------------- */

static int
is_type(const Writer* const w, const AseankgQuad* const q)
{
  return q->predicate == w->rdf_type &&
         aseankg_graph_term(w->graph, q->object)->kind != ASEANKG_TERM_LITERAL &&
         aseankg_graph_term(w->graph, q->object)->kind != ASEANKG_TERM_TRIPLE;
}

/* "@type" from the type quads among [begin, end), if any. */
static AseankgStatus
put_types(Writer* const w, const AseankgQuad* const begin, const AseankgQuad* const end)
{
  size_t n = 0U;
  for (const AseankgQuad* q = begin; q < end; ++q) {
    n += (size_t)is_type(w, q);
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  if (!n) {
    return st;
  }
  TRY(st, puts_(w, ","));
  TRY(st, put_indent(w, 3U));
  TRY(st, puts_(w, n > 1U ? "\"@type\": [" : "\"@type\": "));
  size_t written = 0U;
  for (const AseankgQuad* q = begin; q < end; ++q) {
    if (is_type(w, q)) {
      TRY(st, puts_(w, written++ ? ", " : ""));
      TRY(st, put_iri(w, q->object));
    }
  }
  return puts_(w, n > 1U ? "]" : "");
}

/* The key of a property: the coercion term's name, or the predicate's compact IRI. */
static AseankgStatus
put_key(Writer* const w, const AseankgTermId predicate, const Coercion* const c)
{
  if (!c) {
    return put_iri(w, predicate);
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, put(w, "\"", 1U));
  TRY(st, puts_(w, c->prefix));
  TRY(st, put(w, ":", 1U));
  TRY(st, puts_(w, c->local));
  return put(w, "\"", 1U);
}

/* One property: the quads [begin, end) share their subject and predicate; type quads are skipped
   (they are the node's "@type"). */
static AseankgStatus
put_property(Writer* const w, const AseankgQuad* const begin, const AseankgQuad* const end)
{
  size_t n = 0U;
  for (const AseankgQuad* q = begin; q < end; ++q) {
    n += (size_t)!is_type(w, q);
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  if (!n) {
    return st;
  }
  AseankgTermId         datatype = 0U;
  const Coercion* const c        = coercion_of(w, begin->predicate, &datatype);
  TRY(st, puts_(w, ","));
  TRY(st, put_indent(w, 3U));
  TRY(st, put_key(w, begin->predicate, c));
  TRY(st, puts_(w, n > 1U ? ": [" : ": "));
  size_t written = 0U;
  for (const AseankgQuad* q = begin; q < end; ++q) {
    if (is_type(w, q)) {
      continue;
    }
    if (n > 1U) {
      TRY(st, puts_(w, written++ ? "," : ""));
      TRY(st, put_indent(w, 4U));
    }
    TRY(st, put_value(w, q->object, c, datatype));
  }
  if (n > 1U) {
    TRY(st, put_indent(w, 3U));
    TRY(st, put(w, "]", 1U));
  }
  return st;
}

/* One node object: the quads [begin, end) share their subject. */
static AseankgStatus
put_node(Writer* const w, const AseankgQuad* const begin, const AseankgQuad* const end)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, put_indent(w, 2U));
  TRY(st, puts_(w, "{"));
  TRY(st, put_indent(w, 3U));
  TRY(st, puts_(w, "\"@id\": "));
  TRY(st, put_iri(w, begin->subject));
  TRY(st, put_types(w, begin, end));
  for (const AseankgQuad* q = begin; q < end;) {
    const AseankgQuad* next = q;
    while (next < end && next->predicate == q->predicate) {
      ++next;
    }
    TRY(st, put_property(w, q, next));
    q = next;
  }
  TRY(st, put_indent(w, 2U));
  return puts_(w, "}");
}

/* --- Documents --------------------------------------------------------------- */

static int
compare_prefix_names(const void* const a, const void* const b)
{
  return strcmp(((const AseankgPrefix*)a)->name, ((const AseankgPrefix*)b)->name);
}

static AseankgStatus
put_context(Writer* const w)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, puts_(w, "{"));
  TRY(st, put_indent(w, 1U));
  TRY(st, puts_(w, "\"@context\": "));
  if (!w->n_inline) {
    return put_cstring(w, ASEANKG_JSONLD_CONTEXT_IRI);
  }
  AseankgPrefix* const own = w->active + (w->n_active - w->n_inline);
  qsort(own, w->n_inline, sizeof(AseankgPrefix), compare_prefix_names);
  TRY(st, puts_(w, "["));
  TRY(st, put_indent(w, 2U));
  TRY(st, put_cstring(w, ASEANKG_JSONLD_CONTEXT_IRI));
  TRY(st, puts_(w, ","));
  TRY(st, put_indent(w, 2U));
  TRY(st, puts_(w, "{"));
  for (size_t i = 0U; i < w->n_inline; ++i) {
    TRY(st, puts_(w, i ? "," : ""));
    TRY(st, put_indent(w, 3U));
    TRY(st, put_cstring(w, own[i].name));
    TRY(st, puts_(w, ": "));
    TRY(st, put_cstring(w, own[i].namespace_iri));
  }
  TRY(st, put_indent(w, 2U));
  TRY(st, puts_(w, "}"));
  TRY(st, put_indent(w, 1U));
  return puts_(w, "]");
}

/* The default-graph quads of the sorted graph, in order. */
static AseankgQuad*
default_graph(const AseankgGraph* const graph, size_t* const count)
{
  const size_t             n     = aseankg_graph_size(graph);
  const AseankgQuad* const quads = aseankg_graph_quads(graph);
  AseankgQuad* const       kept  = (AseankgQuad*)malloc((n + 1U) * sizeof(AseankgQuad));
  *count                         = 0U;
  for (size_t i = 0U; kept && i < n; ++i) {
    if (!quads[i].graph) {
      kept[(*count)++] = quads[i];
    }
  }
  return kept;
}

/* The document, each node object going to `stream` once a chunk has collected. */
static AseankgStatus
put_document(Writer* const w, FILE* const stream, const AseankgQuad* const quads, const size_t n)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, put_context(w));
  TRY(st, puts_(w, ","));
  TRY(st, put_indent(w, 1U));
  TRY(st, puts_(w, "\"@graph\": ["));
  for (size_t i = 0U; i < n;) {
    size_t next = i;
    while (next < n && quads[next].subject == quads[i].subject) {
      ++next;
    }
    TRY(st, puts_(w, i ? "," : ""));
    TRY(st, put_node(w, quads + i, quads + next));
    TRY(st, aseankg_buffer_spill(&w->out, stream, ASEANKG_WRITE_CHUNK));
    i = next;
  }
  TRY(st, put_indent(w, 1U));
  TRY(st, puts_(w, "]"));
  TRY(st, put_indent(w, 0U));
  return puts_(w, "}\n");
}

/* The rest of the buffer to `stream`, flushed: ASEANKG_ERR_IO if the stream failed. */
static AseankgStatus
finish(Writer* const w, FILE* const stream)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_buffer_spill(&w->out, stream, 0U));
  return fflush(stream) || ferror(stream) ? ASEANKG_ERR_IO : ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_jsonld_write(const AseankgGraph* const graph, FILE* const stream, const AseankgPrefix* const prefixes,
                     const size_t n_prefixes)
{
  assert(graph);
  assert(stream);
  assert(prefixes || !n_prefixes);
  Writer w;
  memset(&w, 0, sizeof(w));
  w.graph                  = graph;
  w.rdf_type               = aseankg_graph_lookup(graph, RDF_TYPE, strlen(RDF_TYPE));
  AseankgStatus      st    = ASEANKG_SUCCESS;
  size_t             n     = 0U;
  AseankgQuad* const quads = default_graph(graph, &n);
  w.compact                = (size_t*)calloc(aseankg_graph_term_count(graph) + 1U, sizeof(size_t));
  TRY_CLEANUP(st, quads && w.compact ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM);
  TRY_CLEANUP(st, set_prefixes(&w, prefixes, n_prefixes));
  find_coercions(&w);
  TRY_CLEANUP(st, put_document(&w, stream, quads, n));
  TRY_CLEANUP(st, finish(&w, stream));

cleanup:
  aseankg_buffer_release(&w.out);
  free(quads);
  free(w.compact);
  free(w.active);
  return st;
}

/* The published context document, all of it in the buffer (a few kilobytes). */
static AseankgStatus
put_context_document(Writer* const w)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, puts_(w, "{"));
  TRY(st, put_indent(w, 1U));
  TRY(st, puts_(w, "\"@context\": {"));
  for (size_t i = 0U; i < N_PUBLISHED; ++i) {
    TRY(st, puts_(w, i ? "," : ""));
    TRY(st, put_indent(w, 2U));
    TRY(st, put_cstring(w, published_prefixes[i].name));
    TRY(st, puts_(w, ": "));
    TRY(st, put_cstring(w, published_prefixes[i].namespace_iri));
  }
  for (size_t i = 0U; i < N_COERCIONS; ++i) {
    char      name[128];
    const int length = snprintf(name, sizeof(name), "%s:%s", coercions[i].prefix, coercions[i].local);
    TRY(st, puts_(w, ","));
    TRY(st, put_indent(w, 2U));
    TRY(st, put_string(w, name, (size_t)length));
    TRY(st, puts_(w, ": {\"@id\": "));
    TRY(st, put_string(w, name, (size_t)length));
    TRY(st, puts_(w, ", \"@type\": "));
    TRY(st, put_cstring(w, coercions[i].type));
    TRY(st, puts_(w, "}"));
  }
  TRY(st, put_indent(w, 1U));
  TRY(st, puts_(w, "}"));
  TRY(st, put_indent(w, 0U));
  return puts_(w, "}\n");
}

AseankgStatus
aseankg_jsonld_write_context(FILE* const stream)
{
  assert(stream);
  Writer w;
  memset(&w, 0, sizeof(w));
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, put_context_document(&w));
  TRY_CLEANUP(st, finish(&w, stream));

cleanup:
  aseankg_buffer_release(&w.out);
  return st;
}
