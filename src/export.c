/* The graph builder: validates the curated data against the ontology and the text, then emits triples. */
#include "aseankg/export.h"

#include "annotation.h"
#include "array.h"
#include "buffer.h"
#include "iri.h"
#include "namespaces.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The longest id the data may use. */
#define MAX_ID_LENGTH 128U

/* Where entity IRIs live under the base; aseankg_export_entity_iri() uses the same. */
#define ENTITY_PATH "entity/%s"

/* ------------------------------------------------------------------------ */
/* Loading */

AseankgStatus
aseankg_project_load(AseankgProject* const project, const char* const data_dir,
                     const char* const ontology_path, AseankgError* const error)
{
  memset(project, 0, sizeof(*project));
  AseankgStatus st = aseankg_ontology_load(&project->ontology, ontology_path, error);
  st               = st ? st : aseankg_data_load(&project->data, data_dir, error);
  const size_t n   = st ? 0U : project->data->n_documents;
  if (!st && !(project->texts = (AseankgText**)calloc(n, sizeof(AseankgText*)))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, data_dir, 0U, 0U, "out of memory");
  }
  for (size_t i = 0U; i < n && !st; ++i) {
    const AseankgDocument* const doc = &project->data->documents[i];
    char                         path[4096];
    if ((size_t)snprintf(path, sizeof(path), "%s/%s", data_dir, doc->text.value) >= sizeof(path)) {
      st = aseankg_error_set(error, ASEANKG_ERR_USAGE, data_dir, 0U, 0U, "path too long");
    } else {
      st = aseankg_text_load(&project->texts[i], path, doc->title_zh.value, error);
    }
  }
  if (st) {
    aseankg_project_release(project);
  }
  return st;
}

void
aseankg_project_release(AseankgProject* const project)
{
  if (!project) {
    return;
  }
  for (size_t i = 0U; project->texts && i < project->data->n_documents; ++i) {
    aseankg_text_free(project->texts[i]);
  }
  free(project->texts);
  aseankg_data_free(project->data);
  aseankg_ontology_free(project->ontology);
  memset(project, 0, sizeof(*project));
}

/* ------------------------------------------------------------------------ */
/* The builder */

/* A byte trie over every Chinese name and alias, for the mention scan. */
typedef struct {
  uint32_t      first_child;
  uint32_t      next_sibling;
  int32_t       entity; /* index of the entity this name ends at, or -1 */
  unsigned char byte;
  unsigned char seen; /* the name ending here occurs somewhere in the text */
} TrieNode;

/* A name found in a segment: it ends at byte `end` and names `entity`. */
typedef struct {
  size_t  end;
  int32_t entity;
} NameEnd;

/* The terms every span and assertion uses, interned once rather than per triple. */
typedef struct {
  AseankgTermId type;
  AseankgTermId offset_based_string;
  AseankgTermId span;
  AseankgTermId reference_context;
  AseankgTermId begin_index;
  AseankgTermId end_index;
  AseankgTermId anchor_of;
  AseankgTermId ta_ident_ref;
  AseankgTermId assertion;
  AseankgTermId statement;
  AseankgTermId subject;
  AseankgTermId predicate;
  AseankgTermId object;
  AseankgTermId stated_in;
  AseankgTermId evidence;
  AseankgTermId was_derived_from;
} HotTerms;

typedef struct {
  AseankgGraph*         graph;
  const AseankgProject* project;
  const AseankgData*    data;
  const char*           base;
  AseankgTermId         graph_name; /* where add() puts quads: 0 is the default graph */
  AseankgTermId         registry;   /* the graph of the shared register */
  AseankgError*         error;
  HotTerms              hot;
  AseankgTermId*        document_iris;
  size_t                doc_index; /* the document being emitted or scanned, its text, IRI and segment IRIs */
  const AseankgDocument* doc;
  const AseankgText*     text;
  AseankgTermId          doc_iri;
  AseankgTermId*         segment_iris;
  AseankgBuffer          scratch;
  const AseankgEntity**  by_id; /* entities sorted by id */
  AseankgTermId*         entity_iris;
  unsigned char*         is_document; /* by entity: it is a document of the corpus (link_documents()) */
  TrieNode*              trie;
  size_t                 n_trie;
  size_t                 trie_capacity;
  NameEnd*               found; /* the mention scan's names at one position, and mentions still open */
  size_t                 n_found;
  size_t                 found_capacity;
  NameEnd*               open;
  size_t                 n_open;
  size_t                 open_capacity;
  AseankgTermId*         spans; /* every span IRI emitted, for counting distinct ones */
  size_t                 n_spans;
  size_t                 spans_capacity;
  AseankgExportStats     stats;
} Builder;

static AseankgStatus fail_at(Builder* const b, const AseankgMark* const mark, const AseankgStatus status,
                             const char* const format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 4, 5)))
#endif
  ;

static AseankgStatus
fail_at(Builder* const b, const AseankgMark* const mark, const AseankgStatus status, const char* const format,
        ...)
{
  char    message[400];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof(message), format, args);
  va_end(args);
  return aseankg_error_set(b->error, status, mark->file, mark->line, mark->column, "%s", message);
}

static AseankgStatus
out_of_memory(Builder* const b)
{
  aseankg_error_set(b->error, ASEANKG_ERR_NOMEM, "aseankg", 0U, 0U, "out of memory");
  return ASEANKG_ERR_NOMEM; /* not error_set's result: the analyzer must see the failure */
}

/* --- Terms ---------------------------------------------------------------- */

static AseankgTermId
iri(Builder* const b, const char* const value)
{
  return aseankg_graph_iri(b->graph, value, strlen(value));
}

/* Every IRI under the base is made here, so the IRI scheme lives in one place. */
static AseankgTermId mint(Builder* const b, const char* const format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;

static AseankgTermId
mint(Builder* const b, const char* const format, ...)
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

static AseankgTermId
vocabulary(Builder* const b, const char* const ns, const char* const local)
{
  aseankg_buffer_reset(&b->scratch);
  if (aseankg_buffer_append_string(&b->scratch, ns) || aseankg_buffer_append_string(&b->scratch, local)) {
    return 0U;
  }
  return aseankg_graph_iri(b->graph, b->scratch.data, b->scratch.length);
}

static AseankgTermId
ontology_term(Builder* const b, const char* const local)
{
  return vocabulary(b, aseankg_ontology_namespace(b->project->ontology), local);
}

static AseankgTermId
text_literal(Builder* const b, const char* const value, const size_t length, const char* const language)
{
  return aseankg_graph_literal(b->graph, value, length, 0U, language, NULL);
}

static AseankgTermId
lang(Builder* const b, const char* const value, const char* const language)
{
  return text_literal(b, value, strlen(value), language);
}

static AseankgTermId
plain(Builder* const b, const char* const value)
{
  return text_literal(b, value, strlen(value), NULL);
}

static AseankgTermId
typed(Builder* const b, const char* const value, const char* const xsd_type)
{
  return aseankg_graph_typed(b->graph, value, xsd_type);
}

static AseankgTermId
count_literal(Builder* const b, const size_t value, const char* const xsd_type)
{
  char digits[32];
  snprintf(digits, sizeof(digits), "%zu", value);
  return typed(b, digits, xsd_type);
}

static AseankgStatus
add(Builder* const b, const AseankgTermId s, const AseankgTermId p, const AseankgTermId o)
{
  const AseankgStatus st = aseankg_graph_add(b->graph, s, p, o, b->graph_name);
  return st ? out_of_memory(b) : ASEANKG_SUCCESS;
}

/* --- Checks --------------------------------------------------------------- */

/* Ids become path segments of IRIs: lower-case words joined by single hyphens. */
static AseankgStatus
check_id(Builder* const b, const AseankgField* const field, const char* const what)
{
  const char* const id = field->value;
  for (size_t i = 0U; id[i]; ++i) {
    const unsigned char c = (unsigned char)id[i];
    if (!aseankg_iri_char_allowed(c) || c >= 0x80U) {
      uint32_t code_point = c;
      aseankg_utf8_decode(id + i, strlen(id + i), &code_point);
      return fail_at(b, &field->mark, ASEANKG_ERR_IRI,
                     "%s '%s' has a character not allowed in an IRI (U+%04X); use a-z, 0-9 and '-'", what, id,
                     (unsigned)code_point);
    }
  }
  const size_t n = strlen(id);
  if (n > MAX_ID_LENGTH) { /* five ids make an assertion's IRI; mint() has room for them */
    return fail_at(b, &field->mark, ASEANKG_ERR_DATA, "%s '%.40s…' is longer than %u bytes", what, id,
                   MAX_ID_LENGTH);
  }
  int ok = n > 0U && id[0] != '-' && id[n - 1U] != '-' && !strstr(id, "--");
  for (size_t i = 0U; ok && i < n; ++i) {
    ok = (id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-';
  }
  return ok ? ASEANKG_SUCCESS
            : fail_at(b, &field->mark, ASEANKG_ERR_DATA,
                      "%s '%s' must be lower-case letters and digits joined by single hyphens", what, id);
}

/* An absolute IRI given in full (a base, a license, an external identifier). */
static AseankgStatus
check_iri(Builder* const b, const AseankgField* const field, const char* const what)
{
  for (size_t i = 0U; field->value[i]; ++i) {
    if (!aseankg_iri_char_allowed((unsigned char)field->value[i])) {
      return fail_at(b, &field->mark, ASEANKG_ERR_IRI,
                     "%s <%s> has a character not allowed in an IRI at byte %zu", what, field->value, i + 1U);
    }
  }
  return aseankg_iri_has_scheme(field->value, strlen(field->value))
           ? ASEANKG_SUCCESS
           : fail_at(b, &field->mark, ASEANKG_ERR_IRI, "%s <%s> is not an absolute IRI", what, field->value);
}

AseankgStatus
aseankg_export_check_base(const char* const base, AseankgError* const error)
{
  const size_t n = strlen(base);
  for (size_t i = 0U; i < n; ++i) {
    if (!aseankg_iri_char_allowed((unsigned char)base[i])) {
      return aseankg_error_set_parameter(error, ASEANKG_ERR_IRI, "base",
                                         "<%s> has a character not allowed in an IRI at byte %zu", base,
                                         i + 1U);
    }
  }
  if (!aseankg_iri_has_scheme(base, n) || (base[n - 1U] != '/' && base[n - 1U] != '#')) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_IRI, "base",
                                       "<%s> must be an absolute IRI ending in '/' or '#'", base);
  }
  return ASEANKG_SUCCESS;
}

static AseankgStatus
check_date(Builder* const b, const AseankgField* const field)
{
  const char* const v  = field->value;
  int               ok = strlen(v) == 10U && v[4] == '-' && v[7] == '-';
  for (unsigned i = 0U; ok && i < 10U; ++i) {
    ok = i == 4U || i == 7U || (v[i] >= '0' && v[i] <= '9');
  }
  /* xsd:date (XML Schema 1.1 Part 2, 3.3.9): the day must exist in that month of that year. */
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const int        year   = ok ? (int)strtol(v, NULL, 10) : 0;
  const int        month  = ok ? (v[5] - '0') * 10 + (v[6] - '0') : 0;
  const int        day    = ok ? (v[8] - '0') * 10 + (v[9] - '0') : 0;
  const int        leap   = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  ok =
    ok && month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1] && (month != 2 || day < 29 || leap);
  return ok ? ASEANKG_SUCCESS
            : fail_at(b, &field->mark, ASEANKG_ERR_DATA, "'%s' is not a date (YYYY-MM-DD, a day that exists)",
                      v);
}

/* xsd:language: a BCP 47 tag's shape, [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* (XML Schema 1.1 Part 2, 3.4.3). */
static AseankgStatus
check_language(Builder* const b, const AseankgField* const field)
{
  const char* const v     = field->value ? field->value : "";
  size_t            run   = 0U; /* length of the current subtag */
  int               first = 1;  /* in the primary subtag, which is letters only */
  int               ok    = 1;
  for (const char* p = v; ok; ++p) {
    if (*p == '-' || *p == '\0') {
      ok    = run >= 1U && run <= 8U;
      run   = 0U;
      first = 0;
      if (!*p) {
        break;
      }
    } else {
      ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (!first && *p >= '0' && *p <= '9');
      ++run;
    }
  }
  return ok ? ASEANKG_SUCCESS
            : fail_at(b, &field->mark, ASEANKG_ERR_DATA,
                      "'%s' is not a language tag (BCP 47, such as zh or zh-Hans)", v);
}

static AseankgStatus
check_declared(Builder* const b, const AseankgField* const field, const AseankgDeclaration what)
{
  static const char* const kinds[] = { "class", "object property", "datatype property" };
  const AseankgTermId      id      = ontology_term(b, field->value);
  if (!id) {
    return out_of_memory(b);
  }
  const AseankgTerm* const term = aseankg_graph_term(b->graph, id);
  if (aseankg_ontology_declares(b->project->ontology, what, term->value)) {
    return ASEANKG_SUCCESS;
  }
  return fail_at(b, &field->mark, ASEANKG_ERR_ONTOLOGY, "'%s' is not a%s %s of the ontology (%s)",
                 field->value, what == ASEANKG_DECLARED_OBJECT_PROPERTY ? "n" : "", kinds[what], term->value);
}

/* --- The entity index ---------------------------------------------------- */

static int
compare_entity_ids(const void* const a, const void* const b)
{
  return strcmp((*(const AseankgEntity* const*)a)->id.value, (*(const AseankgEntity* const*)b)->id.value);
}

static int
compare_id_to_entity(const void* const id, const void* const entity)
{
  return strcmp((const char*)id, (*(const AseankgEntity* const*)entity)->id.value);
}

static const AseankgEntity*
find_entity(const Builder* const b, const char* const id)
{
  const AseankgEntity* const* const found = (const AseankgEntity* const*)bsearch(
    id, b->by_id, b->data->n_entities, sizeof(AseankgEntity*), compare_id_to_entity);
  return found ? *found : NULL;
}

static AseankgStatus
resolve(Builder* const b, const AseankgField* const field, const char* const role, AseankgTermId* const term)
{
  const AseankgEntity* const entity = find_entity(b, field->value);
  if (!entity) {
    return fail_at(b, &field->mark, ASEANKG_ERR_DATA, "%s '%s' is not a defined entity id", role,
                   field->value);
  }
  *term = b->entity_iris[entity - b->data->entities];
  return ASEANKG_SUCCESS;
}

static AseankgStatus
index_entities(Builder* const b)
{
  const size_t n = b->data->n_entities;
  b->by_id       = (const AseankgEntity**)calloc(n + 1U, sizeof(AseankgEntity*));
  b->entity_iris = (AseankgTermId*)calloc(n + 1U, sizeof(AseankgTermId));
  b->is_document = (unsigned char*)calloc(n + 1U, 1U);
  if (!b->by_id || !b->entity_iris || !b->is_document) {
    return out_of_memory(b);
  }

  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < n && !st; ++i) {
    const AseankgEntity* const e = &b->data->entities[i];
    b->by_id[i]                  = e;
    st                           = check_id(b, &e->id, "id");
    st                           = st ? st : check_declared(b, &e->type, ASEANKG_DECLARED_CLASS);
    if (!st && !(b->entity_iris[i] = mint(b, ENTITY_PATH, e->id.value))) {
      st = out_of_memory(b);
    }
  }
  if (st) {
    return st;
  }

  qsort(b->by_id, n, sizeof(AseankgEntity*), compare_entity_ids);
  for (size_t i = 1U; i < n; ++i) {
    if (!strcmp(b->by_id[i - 1U]->id.value, b->by_id[i]->id.value)) {
      const AseankgEntity* first = b->by_id[i - 1U];
      const AseankgEntity* again = b->by_id[i];
      if (first > again) { /* report the later definition */
        const AseankgEntity* const swap = first;
        first                           = again;
        again                           = swap;
      }
      return fail_at(b, &again->id.mark, ASEANKG_ERR_DATA, "duplicate id '%s' (first defined at line %u)",
                     again->id.value, first->id.mark.line);
    }
  }
  return ASEANKG_SUCCESS;
}

/* Check the documents' ids and mint their IRIs. */
static AseankgStatus
index_documents(Builder* const b)
{
  const size_t  n  = b->data->n_documents;
  AseankgStatus st = (b->document_iris = (AseankgTermId*)calloc(n + 1U, sizeof(AseankgTermId)))
                       ? ASEANKG_SUCCESS
                       : out_of_memory(b);
  for (size_t i = 0U; i < n && !st; ++i) {
    const AseankgDocument* const doc = &b->data->documents[i];
    st                               = check_id(b, &doc->id, "document id");
    for (size_t j = 0U; j < i && !st; ++j) {
      if (!strcmp(b->data->documents[j].id.value, doc->id.value)) {
        st =
          fail_at(b, &doc->id.mark, ASEANKG_ERR_DATA, "duplicate document id '%s' (first defined at line %u)",
                  doc->id.value, b->data->documents[j].id.mark.line);
      }
    }
    if (!st && !(b->document_iris[i] = mint(b, "doc/%s", doc->id.value))) {
      st = out_of_memory(b);
    }
  }
  return st;
}

/* A document that is also a register entity (its `entity` key) replaces that entity's IRI with its own,
   so every relation to the entity, in any document, links to the document. */
static AseankgStatus
link_documents(Builder* const b)
{
  for (size_t i = 0U; i < b->data->n_documents; ++i) {
    const AseankgField* const field = &b->data->documents[i].entity;
    if (!field->value) {
      continue;
    }
    const AseankgEntity* const entity = find_entity(b, field->value);
    if (!entity) {
      return fail_at(b, &field->mark, ASEANKG_ERR_DATA, "entity '%s' is not a defined entity id",
                     field->value);
    }
    const size_t index = (size_t)(entity - b->data->entities);
    for (size_t j = 0U; j < i && b->is_document[index]; ++j) {
      if (b->entity_iris[index] == b->document_iris[j]) {
        return fail_at(b, &field->mark, ASEANKG_ERR_DATA, "entity '%s' is already document '%s'",
                       field->value, b->data->documents[j].id.value);
      }
    }
    b->entity_iris[index] = b->document_iris[i];
    b->is_document[index] = 1U;
  }
  return ASEANKG_SUCCESS;
}

/* --- Names and mentions -------------------------------------------------- */

/* Append a fresh node and store its index in `*index`. */
static AseankgStatus
trie_node(Builder* const b, uint32_t* const index)
{
  if (aseankg_array_reserve((void**)&b->trie, &b->trie_capacity, b->n_trie + 1U, sizeof(TrieNode))) {
    return out_of_memory(b);
  }
  TrieNode* const node = &b->trie[b->n_trie];
  memset(node, 0, sizeof(*node));
  node->entity = -1;
  *index       = (uint32_t)b->n_trie++;
  return ASEANKG_SUCCESS;
}

static uint32_t
trie_child(const Builder* const b, const uint32_t parent, const unsigned char byte)
{
  for (uint32_t c = b->trie[parent].first_child; c; c = b->trie[c].next_sibling) {
    if (b->trie[c].byte == byte) {
      return c;
    }
  }
  return 0U;
}

/* Add a name; a name may belong to one entity only. */
static AseankgStatus
add_name(Builder* const b, const AseankgField* const name, const size_t entity)
{
  const size_t n = strlen(name->value);
  if (!n) {
    return fail_at(b, &name->mark, ASEANKG_ERR_DATA, "empty name");
  }

  uint32_t node = 0U;
  for (size_t i = 0U; i < n; ++i) {
    const unsigned char byte  = (unsigned char)name->value[i];
    uint32_t            child = trie_child(b, node, byte);
    if (!child) {
      const AseankgStatus st = trie_node(b, &child);
      if (st) {
        return st;
      }
      b->trie[child].byte         = byte;
      b->trie[child].next_sibling = b->trie[node].first_child;
      b->trie[node].first_child   = child;
    }
    node = child;
  }

  const int32_t owner = b->trie[node].entity;
  if (owner >= 0 && (size_t)owner != entity) {
    return fail_at(b, &name->mark, ASEANKG_ERR_DATA, "name \"%s\" already names entity '%s'", name->value,
                   b->data->entities[owner].id.value);
  }
  b->trie[node].entity = (int32_t)entity;
  return ASEANKG_SUCCESS;
}

/* Every entity's Chinese name and aliases, into the trie (whose root must exist). */
static AseankgStatus
add_names(Builder* const b)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < b->data->n_entities && !st; ++i) {
    const AseankgEntity* const e = &b->data->entities[i];
    st                           = add_name(b, &e->zh, i);
    for (size_t a = 0U; a < e->n_aliases && !st; ++a) {
      st = add_name(b, &e->aliases[a], i);
    }
  }
  return st;
}

/* Every name starting at `pos`, longest first, into b->found; marks each one seen. */
static AseankgStatus
names_at(Builder* const b, const AseankgSegment* const segment, const size_t pos)
{
  b->n_found    = 0U;
  uint32_t node = 0U;
  for (size_t i = pos; i < segment->length; ++i) {
    if (!(node = trie_child(b, node, (unsigned char)segment->text[i]))) {
      break;
    }
    if (b->trie[node].entity >= 0) {
      b->trie[node].seen = 1U;
      if (aseankg_array_reserve((void**)&b->found, &b->found_capacity, b->n_found + 1U, sizeof(NameEnd))) {
        return out_of_memory(b);
      }
      const NameEnd found    = { i + 1U, b->trie[node].entity };
      b->found[b->n_found++] = found;
    }
  }
  for (size_t i = 0U; i < b->n_found / 2U; ++i) { /* found shortest first: reverse */
    const NameEnd swap            = b->found[i];
    b->found[i]                   = b->found[b->n_found - 1U - i];
    b->found[b->n_found - 1U - i] = swap;
  }
  return ASEANKG_SUCCESS;
}

static AseankgTermId
segment_iri(const Builder* const b, const AseankgSegment* const segment)
{
  return b->segment_iris[segment - b->text->segments];
}

/* A NIF span over bytes [begin, end) of `segment`; returns its IRI. */
static AseankgTermId
emit_span(Builder* const b, const AseankgSegment* const segment, const size_t begin, const size_t end)
{
  const size_t        char_begin = aseankg_utf8_count(segment->text, begin);
  const size_t        char_end   = char_begin + aseankg_utf8_count(segment->text + begin, end - begin);
  const AseankgTermId span =
    mint(b, "doc/%s/%s#char=%zu,%zu", b->doc->id.value, segment->id, char_begin, char_end);
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
    add(b, span, h->reference_context, segment_iri(b, segment)) ||
    add(b, span, h->begin_index, count_literal(b, char_begin, "nonNegativeInteger")) ||
    add(b, span, h->end_index, count_literal(b, char_end, "nonNegativeInteger")) ||
    add(b, span, h->anchor_of, text_literal(b, segment->text + begin, end - begin, NULL));
  return st ? 0U : span;
}

/* Called for each mention the scan finds: bytes [begin, end) of segment `s` name entity `entity`. */
typedef AseankgStatus (*MentionSink)(Builder* b, size_t s, size_t begin, size_t end, size_t entity,
                                     void* context);

/* Whether a name of `entity` at bytes [begin, end) of `segment` is no mention: it is inside a mention
   already taken (in b->open, the mentions that have not ended before `begin`) of a longer name of the
   same entity, or inside one of the words the entity lists as `not_within` (发展中国家 for 中国). */
static int
is_shadowed(const Builder* const b, const AseankgSegment* const segment, const size_t begin, const size_t end,
            const size_t entity)
{
  for (size_t i = 0U; i < b->n_open; ++i) {
    if (b->open[i].end >= end && (size_t)b->open[i].entity == entity) {
      return 1;
    }
  }
  const AseankgEntity* const e = &b->data->entities[entity];
  for (size_t w = 0U; w < e->n_not_within; ++w) {
    const char* const word = e->not_within[w].value;
    const size_t      n    = strlen(word);
    if (n < end - begin || n > segment->length) {
      continue;
    }
    /* every start from which `word` would cover [begin, end) */
    for (size_t at = end >= n ? end - n : 0U; at <= begin && at + n <= segment->length; ++at) {
      if (!memcmp(segment->text + at, word, n)) {
        return 1;
      }
    }
  }
  return 0;
}

/* The one mention scan of the current document's text, for the export and aseankg_export_mentions():
   every occurrence of every name, nested ones included, in text order (by start, the longer first),
   except those is_shadowed() rules out. */
static AseankgStatus
scan_mentions(Builder* const b, const MentionSink sink, void* const context)
{
  const AseankgText* const text = b->text;
  for (size_t s = 0U; s < text->n_segments; ++s) {
    const AseankgSegment* const segment = &text->segments[s];
    b->n_open                           = 0U;
    for (size_t pos = 0U; pos < segment->length;) {
      size_t kept = 0U; /* mentions still open at pos */
      for (size_t i = 0U; i < b->n_open; ++i) {
        if (b->open[i].end > pos) {
          b->open[kept++] = b->open[i];
        }
      }
      b->n_open        = kept;
      AseankgStatus st = names_at(b, segment, pos);
      for (size_t f = 0U; f < b->n_found && !st; ++f) {
        const NameEnd found = b->found[f];
        if (is_shadowed(b, segment, pos, found.end, (size_t)found.entity)) {
          continue;
        }
        st = sink(b, s, pos, found.end, (size_t)found.entity, context);
        if (!st &&
            aseankg_array_reserve((void**)&b->open, &b->open_capacity, b->n_open + 1U, sizeof(NameEnd))) {
          st = out_of_memory(b);
        }
        if (!st) {
          b->open[b->n_open++] = found;
        }
      }
      if (st) {
        return st;
      }
      uint32_t     c    = 0U;
      const size_t size = aseankg_utf8_decode(segment->text + pos, segment->length - pos, &c);
      pos += size ? size : 1U;
    }
  }
  return ASEANKG_SUCCESS;
}

/* The mention's W3C Web Annotation (src/annotation.c), beside its NIF span. */
static AseankgStatus
emit_annotation(Builder* const b, const AseankgSegment* const segment, const size_t begin, const size_t end,
                const size_t entity)
{
  const size_t            start   = aseankg_utf8_count(segment->text, begin);
  const AseankgAnnotation mention = {
    mint(b, "annotation/%s--%s--%zu-%zu--%s", b->doc->id.value, segment->id, start,
         start + aseankg_utf8_count(segment->text + begin, end - begin), b->data->entities[entity].id.value),
    segment_iri(b, segment),
    b->entity_iris[entity],
    b->graph_name,
    segment->text,
    segment->length,
    begin,
    end
  };
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
    return out_of_memory(b);
  }
  ++b->stats.mentions;
  return ASEANKG_SUCCESS;
}

/* A `not_within` word must contain one of its entity's names and occur in some document's text. */
static AseankgStatus
check_not_within(Builder* const b, const AseankgEntity* const e)
{
  for (size_t w = 0U; w < e->n_not_within; ++w) {
    const AseankgField* const word     = &e->not_within[w];
    int                       contains = strstr(word->value, e->zh.value) != NULL;
    for (size_t a = 0U; a < e->n_aliases && !contains; ++a) {
      contains = strstr(word->value, e->aliases[a].value) != NULL;
    }
    int occurs = 0;
    for (size_t d = 0U; d < b->data->n_documents && !occurs && *word->value; ++d) {
      occurs = strstr(b->project->texts[d]->bytes, word->value) != NULL;
    }
    if (!contains || !occurs) {
      return fail_at(b, &word->mark, ASEANKG_ERR_DATA,
                     !contains ? "not_within word \"%s\" contains no name of '%s'"
                               : "not_within word \"%s\" of '%s' does not occur in the text",
                     word->value, e->id.value);
    }
  }
  return ASEANKG_SUCCESS;
}

/* After the scan: every name and alias must have been seen in the text. */
static AseankgStatus
check_names_seen(Builder* const b)
{
  for (size_t i = 0U; i < b->data->n_entities; ++i) {
    const AseankgEntity* const e  = &b->data->entities[i];
    const AseankgStatus        st = check_not_within(b, e);
    if (st) {
      return st;
    }
    for (size_t a = 0U; a <= e->n_aliases; ++a) {
      const AseankgField* const name = a ? &e->aliases[a - 1U] : &e->zh;
      uint32_t                  node = 0U;
      for (const char* p = name->value; *p && node != UINT32_MAX; ++p) {
        node = trie_child(b, node, (unsigned char)*p);
      }
      if (!b->trie[node].seen) {
        return fail_at(b, &name->mark, ASEANKG_ERR_DATA, "name \"%s\" does not occur in %s", name->value,
                       b->data->n_documents > 1U ? "any document's text" : "the text");
      }
    }
  }
  return ASEANKG_SUCCESS;
}

/* --- Emitting ------------------------------------------------------------ */

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
  const AseankgTermId        type = vocabulary(b, RDF, "type");

  AseankgStatus st = add(b, self, type, ontology_term(b, e->type.value));
  if (!b->is_document[index]) { /* a document's identifier is its document id */
    st = st ? st : add(b, self, vocabulary(b, DCTERMS, "identifier"), plain(b, e->id.value));
  }
  st = st ? st : add(b, self, vocabulary(b, RDFS, "label"), lang(b, e->zh.value, "zh"));
  st = st ? st : add(b, self, vocabulary(b, RDFS, "label"), lang(b, e->en.value, "en"));
  st = st ? st : add(b, self, vocabulary(b, SKOS, "prefLabel"), lang(b, e->zh.value, "zh"));
  st = st ? st : add(b, self, vocabulary(b, SKOS, "prefLabel"), lang(b, e->en.value, "en"));
  st = st ? st
          : add(b, self, ontology_term(b, "englishLabelStatus"),
                ontology_term(b, e->gloss ? "Gloss" : "OfficialName"));
  for (size_t a = 0U; a < e->n_aliases && !st; ++a) {
    st = add(b, self, vocabulary(b, SKOS, "altLabel"), lang(b, e->aliases[a].value, "zh"));
  }
  if (!st && e->en_source.value) {
    st = e->gloss
           ? fail_at(b, &e->en_source.mark, ASEANKG_ERR_DATA,
                     "'en_source' cites an official English name, but '%s' is marked a gloss", e->id.value)
           : check_iri(b, &e->en_source, "en_source");
    st = st ? st : add(b, self, ontology_term(b, "englishNameSource"), iri(b, e->en_source.value));
  }
  for (size_t i = 0U; i < e->n_same_as && !st; ++i) {
    st = check_iri(b, &e->same_as[i], "same_as");
    st = st ? st : add(b, self, vocabulary(b, SCHEMA, "sameAs"), iri(b, e->same_as[i].value));
  }

  const char* const scheme = concept_scheme(e->type.value);
  if (!st && scheme) {
    const AseankgTermId scheme_iri = mint(b, "scheme/%s", scheme);
    st                             = add(b, self, type, vocabulary(b, SKOS, "Concept"));
    st                             = st ? st : add(b, self, vocabulary(b, SKOS, "inScheme"), scheme_iri);
    st                             = st ? st : add(b, scheme_iri, type, vocabulary(b, SKOS, "ConceptScheme"));
    st = st ? st : add(b, scheme_iri, vocabulary(b, SKOS, "prefLabel"), lang(b, scheme, "en"));
  }
  return st;
}

static AseankgStatus
emit_segment(Builder* const b, const AseankgSegment* const segment, const AseankgTermId document,
             const AseankgTermId source)
{
  static const char* const classes[]    = { "HeaderLine", "Title", "PreambleParagraph", "OperativeClause" };
  const int                in_statement = segment->kind != ASEANKG_SEGMENT_HEADER;
  const AseankgTermId      self         = segment_iri(b, segment);
  const AseankgTermId      type         = vocabulary(b, RDF, "type");
  char                     number[16];
  snprintf(number, sizeof(number), "%u", segment->number);

  AseankgStatus st = add(b, self, type, ontology_term(b, classes[segment->kind]));
  st               = st ? st : add(b, self, type, vocabulary(b, NIF, "Context"));
  if (!st && in_statement) { /* header lines belong to the news release, not the statement */
    st = add(b, self, type, vocabulary(b, ELI, "LegalResourceSubdivision"));
    st = st ? st : add(b, self, vocabulary(b, ELI, "is_part_of"), document);
    st = st ? st : add(b, document, vocabulary(b, ELI, "has_part"), self);
  }
  st = st ? st : add(b, self, vocabulary(b, DCTERMS, "identifier"), plain(b, segment->id));
  if (!st && segment->kind != ASEANKG_SEGMENT_TITLE) {
    st = add(b, self, vocabulary(b, ELI, "number"), plain(b, number));
    st = st ? st : add(b, self, vocabulary(b, SCHEMA, "position"), typed(b, number, "integer"));
  }
  st =
    st ? st
       : add(b, self, vocabulary(b, NIF, "isString"), text_literal(b, segment->text, segment->length, NULL));
  st = st ? st : add(b, self, vocabulary(b, NIF, "beginIndex"), count_literal(b, 0U, "nonNegativeInteger"));
  st = st ? st
          : add(b, self, vocabulary(b, NIF, "endIndex"),
                count_literal(b, segment->char_length, "nonNegativeInteger"));
  st = st ? st : add(b, self, vocabulary(b, NIF, "broaderContext"), source);
  return st;
}

/* The document's own graph: its source text and segments. */
static AseankgStatus
emit_document_text(Builder* const b)
{
  const AseankgDocument* const doc       = b->doc;
  const AseankgText* const     text      = b->text;
  const AseankgTermId          type      = b->hot.type;
  const AseankgTermId          source    = mint(b, "doc/%s/text", doc->id.value);
  const char*                  file_name = strrchr(text->path, '/');

  AseankgStatus st = add(b, b->doc_iri, ontology_term(b, "sourceText"), source);
  st               = st ? st : add(b, source, type, ontology_term(b, "SourceText"));
  st               = st ? st : add(b, source, type, vocabulary(b, NIF, "Context"));
  st =
    st ? st : add(b, source, vocabulary(b, SCHEMA, "name"), plain(b, file_name ? file_name + 1 : text->path));
  st = st ? st : add(b, source, vocabulary(b, SCHEMA, "sha256"), plain(b, text->sha256_hex));
  st = st ? st : add(b, source, vocabulary(b, DCTERMS, "format"), plain(b, "text/plain; charset=utf-8"));
  st =
    st ? st : add(b, source, vocabulary(b, DCTERMS, "language"), typed(b, doc->language.value, "language"));
  st = st ? st
          : add(b, source, vocabulary(b, NIF, "isString"), text_literal(b, text->bytes, text->length, NULL));
  st = st ? st : add(b, source, vocabulary(b, NIF, "beginIndex"), count_literal(b, 0U, "nonNegativeInteger"));
  st = st ? st
          : add(b, source, vocabulary(b, NIF, "endIndex"),
                count_literal(b, text->char_length, "nonNegativeInteger"));

  for (size_t i = 0U; i < text->n_segments && !st; ++i) {
    st = emit_segment(b, &text->segments[i], b->doc_iri, source);
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

  AseankgStatus st = check_date(b, &doc->published);
  st               = st ? st : check_date(b, &doc->dateline_date);
  st               = st ? st : check_language(b, &doc->language);
  st               = st ? st : resolve(b, &doc->publisher, "publisher", &publisher);
  st               = st ? st : resolve(b, &doc->dateline_place, "dateline_place", &place);
  if (st) {
    return st;
  }

  /* A document that is a register entity has that entity's type and labels (emit_entity()); any other
     is a joint statement, what this corpus is made of. */
  st = add(b, self, type, vocabulary(b, ELI, "LegalResource"));
  st = st ? st : add(b, self, vocabulary(b, DCTERMS, "identifier"), plain(b, doc->id.value));
  st = st ? st : add(b, self, vocabulary(b, DCTERMS, "title"), lang(b, doc->title_zh.value, "zh"));
  st = st ? st : add(b, self, vocabulary(b, DCTERMS, "title"), lang(b, doc->title_en.value, "en"));
  if (!doc->entity.value) {
    st = st ? st : add(b, self, type, ontology_term(b, "JointStatement"));
    st = st ? st : add(b, self, vocabulary(b, RDFS, "label"), lang(b, doc->title_zh.value, "zh"));
    st = st ? st : add(b, self, vocabulary(b, RDFS, "label"), lang(b, doc->title_en.value, "en"));
  }
  st = st ? st : add(b, self, vocabulary(b, DCTERMS, "publisher"), publisher);
  st = st ? st : add(b, self, vocabulary(b, DCTERMS, "issued"), typed(b, doc->published.value, "date"));
  st = st ? st : add(b, self, ontology_term(b, "datelinePlace"), place);
  st = st ? st : add(b, self, ontology_term(b, "datelineDate"), typed(b, doc->dateline_date.value, "date"));
  st = st ? st : add(b, self, vocabulary(b, DCTERMS, "language"), typed(b, doc->language.value, "language"));
  return st;
}

static AseankgStatus
relation_value(Builder* const b, const AseankgRelation* const r, AseankgTermId* const value)
{
  const char* const datatype = r->datatype.value ? r->datatype.value : "string";
  AseankgStatus     st       = ASEANKG_SUCCESS;
  if (!strcmp(datatype, "date")) {
    st     = check_date(b, &r->value);
    *value = st ? 0U : typed(b, r->value.value, "date");
  } else if (!strcmp(datatype, "integer")) {
    const char* v  = r->value.value;
    int         ok = *v != '\0';
    for (; *v && ok; ++v) {
      ok = *v >= '0' && *v <= '9';
    }
    st     = ok ? ASEANKG_SUCCESS
                : fail_at(b, &r->value.mark, ASEANKG_ERR_DATA, "'%s' is not an integer", r->value.value);
    *value = st ? 0U : typed(b, r->value.value, "integer");
  } else if (!strcmp(datatype, "gYear")) {
    const char* const v  = r->value.value;
    int               ok = strlen(v) == 4U;
    for (size_t i = 0U; i < 4U && ok; ++i) {
      ok = v[i] >= '0' && v[i] <= '9';
    }
    st     = ok ? ASEANKG_SUCCESS
                : fail_at(b, &r->value.mark, ASEANKG_ERR_DATA, "'%s' is not a year (four digits)", v);
    *value = st ? 0U : typed(b, v, "gYear");
  } else if (!strcmp(datatype, "string")) {
    *value = plain(b, r->value.value);
  } else {
    st = fail_at(b, &r->datatype.mark, ASEANKG_ERR_DATA,
                 "unknown datatype '%s' (date, gYear, integer or string)", datatype);
  }
  return (!st && !*value) ? out_of_memory(b) : st;
}

static AseankgStatus
emit_relation(Builder* const b, const AseankgRelation* const r)
{
  const AseankgText* const text     = b->text;
  AseankgTermId            subject  = 0U;
  AseankgTermId            object   = 0U;
  const int                is_value = r->value.value != NULL;

  AseankgStatus st = resolve(b, &r->subject, "subject", &subject);
  st               = st ? st
                        : check_declared(b, &r->predicate,
                           is_value ? ASEANKG_DECLARED_DATATYPE_PROPERTY : ASEANKG_DECLARED_OBJECT_PROPERTY);
  st = st ? st : (is_value ? relation_value(b, r, &object) : resolve(b, &r->object, "object", &object));
  if (st) {
    return st;
  }

  const AseankgSegment* const segment = aseankg_text_segment(text, r->segment.value);
  if (!segment) {
    return fail_at(b, &r->segment.mark, ASEANKG_ERR_DATA,
                   "no segment '%s' (the text has title, preamble-1 … preamble-%u, clause-1 … clause-%u)",
                   r->segment.value,
                   text->segments[text->n_segments - 1U].kind == ASEANKG_SEGMENT_CLAUSE
                     ? (unsigned)(text->n_segments - 1U - text->segments[text->n_segments - 1U].number)
                     : 0U,
                   text->segments[text->n_segments - 1U].number);
  }
  const size_t at = aseankg_segment_find(segment, r->evidence.value, r->occurrence);
  if (at == (size_t)-1) {
    return fail_at(b, &r->evidence.mark, ASEANKG_ERR_DATA, "evidence \"%s\" does not occur%s in %s",
                   r->evidence.value, r->occurrence > 1U ? " that often" : "", segment->id);
  }

  const AseankgTermId predicate = ontology_term(b, r->predicate.value);
  const AseankgTermId assertion = is_value
                                    ? mint(b, "assertion/%s--%s--%s--%s", b->doc->id.value, segment->id,
                                           r->subject.value, r->predicate.value)
                                    : mint(b, "assertion/%s--%s--%s--%s--%s", b->doc->id.value, segment->id,
                                           r->subject.value, r->predicate.value, r->object.value);
  const AseankgTermId evidence  = assertion ? emit_span(b, segment, at, at + strlen(r->evidence.value)) : 0U;
  if (!evidence) {
    return out_of_memory(b);
  }

  const HotTerms* const h      = &b->hot;
  const size_t          before = aseankg_graph_size(b->graph);
  st                           = add(b, assertion, h->type, h->assertion);
  if (!st && aseankg_graph_size(b->graph) == before) {
    return fail_at(b, &r->mark, ASEANKG_ERR_DATA, "duplicate relation: %s %s %s is already stated in %s",
                   r->subject.value, r->predicate.value, is_value ? r->value.value : r->object.value,
                   segment->id);
  }
  st = st ? st : add(b, subject, predicate, object);
  st = st ? st : add(b, assertion, h->type, h->statement);
  st = st ? st : add(b, assertion, h->subject, subject);
  st = st ? st : add(b, assertion, h->predicate, predicate);
  st = st ? st : add(b, assertion, h->object, object);
  st = st ? st : add(b, assertion, h->stated_in, segment_iri(b, segment));
  st = st ? st : add(b, assertion, h->evidence, evidence);
  st = st ? st : add(b, assertion, h->was_derived_from, b->doc_iri);
  return st;
}

static AseankgStatus
emit_dataset(Builder* const b)
{
  const AseankgDatasetInfo* const info    = &b->data->dataset;
  const AseankgTermId             dataset = mint(b, "dataset");
  const AseankgTermId             type    = vocabulary(b, RDF, "type");
  char                            ontology_iri[512];
  snprintf(ontology_iri, sizeof(ontology_iri), "%s", aseankg_ontology_namespace(b->project->ontology));
  ontology_iri[strlen(ontology_iri) - 1U] = '\0'; /* the namespace ends in '#' */

  AseankgStatus st = check_date(b, &info->created);
  st               = st ? st : check_iri(b, &info->license, "license");
  st               = st ? st : add(b, dataset, type, vocabulary(b, VOID, "Dataset"));
  st = st ? st : add(b, dataset, vocabulary(b, DCTERMS, "title"), lang(b, info->title.value, "en"));
  for (size_t i = 0U; i < b->data->n_documents && !st; ++i) {
    st = add(b, dataset, vocabulary(b, DCTERMS, "source"), b->document_iris[i]);
  }
  st = st ? st : add(b, dataset, vocabulary(b, DCTERMS, "created"), typed(b, info->created.value, "date"));
  st = st ? st : add(b, dataset, vocabulary(b, DCTERMS, "license"), iri(b, info->license.value));
  st = st ? st : add(b, dataset, vocabulary(b, DCTERMS, "hasVersion"), plain(b, info->version.value));
  st = st ? st : add(b, dataset, vocabulary(b, VOID, "uriSpace"), plain(b, b->base));
  st = st ? st : add(b, dataset, vocabulary(b, VOID, "vocabulary"), iri(b, ontology_iri));
  st = st
         ? st
         : add(b, dataset, vocabulary(b, VOID, "entities"), count_literal(b, b->data->n_entities, "integer"));
  if (st) {
    return st;
  }

  /* The count includes the triple that states it. */
  b->stats.triples = aseankg_graph_size(b->graph) + 1U;
  return add(b, dataset, vocabulary(b, VOID, "triples"), count_literal(b, b->stats.triples, "integer"));
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

static AseankgStatus
intern_hot_terms(Builder* const b)
{
  HotTerms* const h      = &b->hot;
  h->type                = vocabulary(b, RDF, "type");
  h->offset_based_string = vocabulary(b, NIF, "OffsetBasedString");
  h->span                = ontology_term(b, "Span");
  h->reference_context   = vocabulary(b, NIF, "referenceContext");
  h->begin_index         = vocabulary(b, NIF, "beginIndex");
  h->end_index           = vocabulary(b, NIF, "endIndex");
  h->anchor_of           = vocabulary(b, NIF, "anchorOf");
  h->ta_ident_ref        = vocabulary(b, ITSRDF, "taIdentRef");
  h->assertion           = ontology_term(b, "Assertion");
  h->statement           = vocabulary(b, RDF, "Statement");
  h->subject             = vocabulary(b, RDF, "subject");
  h->predicate           = vocabulary(b, RDF, "predicate");
  h->object              = vocabulary(b, RDF, "object");
  h->stated_in           = ontology_term(b, "statedIn");
  h->evidence            = ontology_term(b, "evidence");
  h->was_derived_from    = vocabulary(b, PROV, "wasDerivedFrom");

  const AseankgTermId* const terms = &h->type;
  for (size_t i = 0U; i < sizeof(*h) / sizeof(AseankgTermId); ++i) {
    if (!terms[i]) {
      return out_of_memory(b);
    }
  }
  return ASEANKG_SUCCESS;
}

/* Name the register's graph and, for each document, its own; all 0 (the default graph) without `named`. */
static AseankgStatus
name_graphs(Builder* const b, const int named, AseankgTermId* const document_graphs)
{
  /* Checked whether or not the graphs are named, so that `check` refuses what N-Quads would. */
  const char* const version = b->data->dataset.version.value;
  AseankgStatus     st      = check_id(b, &b->data->dataset.version, "version");
  if (st || !named) {
    return st;
  }
  if (!(b->registry = mint(b, "graph/%s", version))) {
    st = out_of_memory(b);
  }
  for (size_t i = 0U; i < b->data->n_documents && !st; ++i) {
    if (!(document_graphs[i] = mint(b, "graph/%s/%s", version, b->data->documents[i].id.value))) {
      st = out_of_memory(b);
    }
  }
  return st;
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
  AseankgStatus st =
    (b->segment_iris = (AseankgTermId*)calloc(b->text->n_segments + 1U, sizeof(AseankgTermId)))
      ? ASEANKG_SUCCESS
      : out_of_memory(b);
  for (size_t i = 0U; i < b->text->n_segments && !st; ++i) {
    if (!(b->segment_iris[i] = mint(b, "doc/%s/%s", b->doc->id.value, b->text->segments[i].id))) {
      st = out_of_memory(b);
    }
  }

  st = st ? st : emit_document_text(b);
  st = st ? st : scan_mentions(b, emit_mention, NULL);
  for (size_t i = 0U; i < b->doc->n_relations && !st; ++i) {
    st = emit_relation(b, &b->doc->relations[i]);
  }
  b->stats.relations += b->doc->n_relations;
  return st;
}

AseankgStatus
aseankg_export_build(AseankgGraph* const graph, const AseankgProject* const project, const char* const base,
                     const int named_graph, AseankgExportStats* const stats, AseankgError* const error)
{
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
  AseankgStatus st = document_graphs ? ASEANKG_SUCCESS : out_of_memory(&b);
  st               = st ? st : aseankg_export_check_base(base, error);
  st               = st ? st : trie_node(&b, &root);
  st               = st ? st : intern_hot_terms(&b);
  st               = st ? st : index_entities(&b);
  st               = st ? st : index_documents(&b);
  st               = st ? st : name_graphs(&b, named_graph, document_graphs);
  st               = st ? st : link_documents(&b);
  st               = st ? st : add_names(&b);
  for (size_t i = 0U; i < b.data->n_documents && !st; ++i) {
    st = emit_document(&b, i, document_graphs[i]);
  }
  st           = st ? st : check_names_seen(&b);
  b.graph_name = b.registry;
  for (size_t i = 0U; i < b.data->n_entities && !st; ++i) {
    st = emit_entity(&b, i);
  }
  for (size_t i = 0U; i < b.data->n_documents && !st; ++i) {
    st = emit_document_info(&b, i);
  }
  st = st ? st : emit_dataset(&b);

  if (!st && stats) {
    b.stats.entities = b.data->n_entities;
    b.stats.spans    = count_distinct(b.spans, b.n_spans);
    *stats           = b.stats;
  }

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

size_t
aseankg_export_prefixes(const AseankgProject* const project, const char* const base,
                        AseankgPrefix* const prefixes, const size_t capacity, char* const storage,
                        const size_t storage_size)
{
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

/* --- Mentions and IRIs for other writers -------------------------------- */

typedef struct {
  AseankgMention* items;
  size_t          count;
  size_t          capacity;
} MentionCollector;

static AseankgStatus
collect_mention(Builder* const b, const size_t s, const size_t begin, const size_t end, const size_t entity,
                void* const context)
{
  MentionCollector* const c = (MentionCollector*)context;
  if (aseankg_array_reserve((void**)&c->items, &c->capacity, c->count + 1U, sizeof(AseankgMention))) {
    return out_of_memory(b);
  }
  const AseankgMention mention = { b->doc_index, s, begin, end, entity };
  c->items[c->count++]         = mention;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_export_mentions(AseankgMentionList** const mentions, const AseankgProject* const project,
                        AseankgError* const error)
{
  Builder          b;
  MentionCollector collector;
  memset(&b, 0, sizeof(b));
  memset(&collector, 0, sizeof(collector));
  b.project = project;
  b.data    = project->data;
  b.error   = error;
  *mentions = NULL;

  AseankgMentionList* const list = (AseankgMentionList*)calloc(1U, sizeof(AseankgMentionList));
  if (!list) {
    return out_of_memory(&b);
  }
  uint32_t      root = 0U;
  AseankgStatus st   = trie_node(&b, &root);
  st                 = st ? st : add_names(&b);
  for (size_t i = 0U; i < b.data->n_documents && !st; ++i) {
    b.doc_index = i;
    b.text      = project->texts[i];
    st          = scan_mentions(&b, collect_mention, &collector);
  }
  free(b.trie);
  free(b.found);
  free(b.open);
  if (st) {
    free(collector.items);
    free(list);
    return st;
  }
  list->items = collector.items;
  list->count = collector.count;
  *mentions   = list;
  return ASEANKG_SUCCESS;
}

void
aseankg_mention_list_free(AseankgMentionList* const mentions)
{
  if (mentions) {
    free(mentions->items);
    free(mentions);
  }
}

size_t
aseankg_export_entity_iri(char* const buffer, const size_t size, const char* const base,
                          const char* const entity_id)
{
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
