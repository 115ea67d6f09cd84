/* Loading a project, and checking its data against the ontology and itself: ids, IRIs, dates,
   languages, declared terms, the entity and document indexes. Errors point at the YAML. */
#include "builder.h"

#include "iri.h"
#include "try.h"
#include "utf8.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

AseankgStatus
aseankg_project_load(AseankgProject* const project, const char* const data_dir,
                     const char* const ontology_path, AseankgError* const error)
{
  assert(project);
  assert(data_dir);
  assert(ontology_path);
  memset(project, 0, sizeof(*project));
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, aseankg_ontology_load(&project->ontology, ontology_path, error));
  TRY_CLEANUP(st, aseankg_data_load(&project->data, data_dir, error));
  const size_t n = project->data->n_documents;
  if (!(project->texts = (AseankgText**)calloc(n, sizeof(AseankgText*)))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, data_dir, 0U, 0U, "out of memory");
    goto cleanup;
  }
  for (size_t i = 0U; i < n; ++i) {
    const AseankgDocument* const doc = &project->data->documents[i];
    char                         path[4096];
    if ((size_t)snprintf(path, sizeof(path), "%s/%s", data_dir, doc->text.value) >= sizeof(path)) {
      st = aseankg_error_set(error, ASEANKG_ERR_USAGE, data_dir, 0U, 0U, "path too long");
      goto cleanup;
    }
    TRY_CLEANUP(st, aseankg_text_load(&project->texts[i], path, doc->title_zh.value, error));
  }

cleanup:
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

AseankgStatus
aseankg_builder_fail_at(Builder* const b, const AseankgMark* const mark, const AseankgStatus status,
                        const char* const format, ...)
{
  char    message[400];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof(message), format, args);
  va_end(args);
  return aseankg_error_set(b->error, status, mark->file, mark->line, mark->column, "%s", message);
}

AseankgStatus
aseankg_builder_out_of_memory(Builder* const b)
{
  aseankg_error_set(b->error, ASEANKG_ERR_NOMEM, "aseankg", 0U, 0U, "out of memory");
  return ASEANKG_ERR_NOMEM; /* not error_set's result: the analyzer must see the failure */
}

/* Ids become path segments of IRIs: lower-case words joined by single hyphens. */
AseankgStatus
aseankg_builder_check_id(Builder* const b, const AseankgField* const field, const char* const what)
{
  const char* const id = field->value;
  for (size_t i = 0U; id[i]; ++i) {
    const unsigned char c = (unsigned char)id[i];
    if (!aseankg_iri_char_allowed(c) || c >= 0x80U) {
      uint32_t code_point = c;
      aseankg_utf8_decode(id + i, strlen(id + i), &code_point);
      return aseankg_builder_fail_at(
        b, &field->mark, ASEANKG_ERR_IRI,
        "%s '%s' has a character not allowed in an IRI (U+%04X); use a-z, 0-9 and '-'", what, id,
        (unsigned)code_point);
    }
  }
  const size_t n = strlen(id);
  if (n > MAX_ID_LENGTH) { /* five ids make an assertion's IRI; aseankg_builder_mint() has room for them */
    return aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_DATA, "%s '%.40s…' is longer than %u bytes",
                                   what, id, MAX_ID_LENGTH);
  }
  int ok = n > 0U && id[0] != '-' && id[n - 1U] != '-' && !strstr(id, "--");
  for (size_t i = 0U; ok && i < n; ++i) {
    ok = (id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-';
  }
  return ok
           ? ASEANKG_SUCCESS
           : aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_DATA,
                                     "%s '%s' must be lower-case letters and digits joined by single hyphens",
                                     what, id);
}

/* An absolute IRI given in full (a base, a license, an external identifier). */
AseankgStatus
aseankg_builder_check_iri(Builder* const b, const AseankgField* const field, const char* const what)
{
  for (size_t i = 0U; field->value[i]; ++i) {
    if (!aseankg_iri_char_allowed((unsigned char)field->value[i])) {
      return aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_IRI,
                                     "%s <%s> has a character not allowed in an IRI at byte %zu", what,
                                     field->value, i + 1U);
    }
  }
  return aseankg_iri_has_scheme(field->value, strlen(field->value))
           ? ASEANKG_SUCCESS
           : aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_IRI, "%s <%s> is not an absolute IRI", what,
                                     field->value);
}

AseankgStatus
aseankg_export_check_base(const char* const base, AseankgError* const error)
{
  assert(base);
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

AseankgStatus
aseankg_builder_check_date(Builder* const b, const AseankgField* const field)
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
            : aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_DATA,
                                      "'%s' is not a date (YYYY-MM-DD, a day that exists)", v);
}

/* xsd:language: a BCP 47 tag's shape, [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* (XML Schema 1.1 Part 2, 3.4.3). */
AseankgStatus
aseankg_builder_check_language(Builder* const b, const AseankgField* const field)
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
            : aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_DATA,
                                      "'%s' is not a language tag (BCP 47, such as zh or zh-Hans)", v);
}

AseankgStatus
aseankg_builder_check_declared(Builder* const b, const AseankgField* const field,
                               const AseankgDeclaration what)
{
  static const char* const kinds[] = { "class", "object property", "datatype property" };
  const AseankgTermId      id      = aseankg_builder_ontology_term(b, field->value);
  if (!id) {
    return aseankg_builder_out_of_memory(b);
  }
  const AseankgTerm* const term = aseankg_graph_term(b->graph, id);
  if (aseankg_ontology_declares(b->project->ontology, what, term->value)) {
    return ASEANKG_SUCCESS;
  }
  return aseankg_builder_fail_at(
    b, &field->mark, ASEANKG_ERR_ONTOLOGY, "'%s' is not a%s %s of the ontology (%s)", field->value,
    what == ASEANKG_DECLARED_OBJECT_PROPERTY ? "n" : "", kinds[what], term->value);
}

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

AseankgStatus
aseankg_builder_resolve(Builder* const b, const AseankgField* const field, const char* const role,
                        AseankgTermId* const term)
{
  const AseankgEntity* const entity = find_entity(b, field->value);
  if (!entity) {
    return aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_DATA, "%s '%s' is not a defined entity id",
                                   role, field->value);
  }
  *term = b->entity_iris[entity - b->data->entities];
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_builder_index_entities(Builder* const b)
{
  const size_t n = b->data->n_entities;
  b->by_id       = (const AseankgEntity**)calloc(n + 1U, sizeof(AseankgEntity*));
  b->entity_iris = (AseankgTermId*)calloc(n + 1U, sizeof(AseankgTermId));
  b->is_document = (unsigned char*)calloc(n + 1U, 1U);
  if (!b->by_id || !b->entity_iris || !b->is_document) {
    return aseankg_builder_out_of_memory(b);
  }

  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < n; ++i) {
    const AseankgEntity* const e = &b->data->entities[i];
    b->by_id[i]                  = e;
    TRY(st, aseankg_builder_check_id(b, &e->id, "id"));
    TRY(st, aseankg_builder_check_declared(b, &e->type, ASEANKG_DECLARED_CLASS));
    if (!(b->entity_iris[i] = aseankg_builder_mint(b, ENTITY_PATH, e->id.value))) {
      return aseankg_builder_out_of_memory(b);
    }
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
      return aseankg_builder_fail_at(b, &again->id.mark, ASEANKG_ERR_DATA,
                                     "duplicate id '%s' (first defined at line %u)", again->id.value,
                                     first->id.mark.line);
    }
  }
  return ASEANKG_SUCCESS;
}

/* Check the documents' ids and mint their IRIs. */
AseankgStatus
aseankg_builder_index_documents(Builder* const b)
{
  const size_t n = b->data->n_documents;
  if (!(b->document_iris = (AseankgTermId*)calloc(n + 1U, sizeof(AseankgTermId)))) {
    return aseankg_builder_out_of_memory(b);
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < n; ++i) {
    const AseankgDocument* const doc = &b->data->documents[i];
    TRY(st, aseankg_builder_check_id(b, &doc->id, "document id"));
    for (size_t j = 0U; j < i; ++j) {
      if (!strcmp(b->data->documents[j].id.value, doc->id.value)) {
        return aseankg_builder_fail_at(b, &doc->id.mark, ASEANKG_ERR_DATA,
                                       "duplicate document id '%s' (first defined at line %u)", doc->id.value,
                                       b->data->documents[j].id.mark.line);
      }
    }
    if (!(b->document_iris[i] = aseankg_builder_mint(b, "doc/%s", doc->id.value))) {
      return aseankg_builder_out_of_memory(b);
    }
  }
  return st;
}

/* A document that is also a register entity (its `entity` key) replaces that entity's IRI with its own,
   so every relation to the entity, in any document, links to the document. */
AseankgStatus
aseankg_builder_link_documents(Builder* const b)
{
  for (size_t i = 0U; i < b->data->n_documents; ++i) {
    const AseankgField* const field = &b->data->documents[i].entity;
    if (!field->value) {
      continue;
    }
    const AseankgEntity* const entity = find_entity(b, field->value);
    if (!entity) {
      return aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_DATA,
                                     "entity '%s' is not a defined entity id", field->value);
    }
    const size_t index = (size_t)(entity - b->data->entities);
    for (size_t j = 0U; j < i && b->is_document[index]; ++j) {
      if (b->entity_iris[index] == b->document_iris[j]) {
        return aseankg_builder_fail_at(b, &field->mark, ASEANKG_ERR_DATA,
                                       "entity '%s' is already document '%s'", field->value,
                                       b->data->documents[j].id.value);
      }
    }
    b->entity_iris[index] = b->document_iris[i];
    b->is_document[index] = 1U;
  }
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
      return aseankg_builder_fail_at(b, &word->mark, ASEANKG_ERR_DATA,
                                     !contains ? "not_within word \"%s\" contains no name of '%s'"
                                               : "not_within word \"%s\" of '%s' does not occur in the text",
                                     word->value, e->id.value);
    }
  }
  return ASEANKG_SUCCESS;
}

/* After the scan: every name and alias must have been seen in the text. */
AseankgStatus
aseankg_builder_check_names_seen(Builder* const b)
{
  for (size_t i = 0U; i < b->data->n_entities; ++i) {
    const AseankgEntity* const e  = &b->data->entities[i];
    AseankgStatus              st = ASEANKG_SUCCESS;
    TRY(st, check_not_within(b, e));
    for (size_t a = 0U; a <= e->n_aliases; ++a) {
      const AseankgField* const name = a ? &e->aliases[a - 1U] : &e->zh;
      uint32_t                  node = 0U;
      for (const char* p = name->value; *p && node != UINT32_MAX; ++p) {
        node = aseankg_builder_trie_child(b, node, (unsigned char)*p);
      }
      if (!b->trie[node].seen) {
        return aseankg_builder_fail_at(b, &name->mark, ASEANKG_ERR_DATA, "name \"%s\" does not occur in %s",
                                       name->value,
                                       b->data->n_documents > 1U ? "any document's text" : "the text");
      }
    }
  }
  return ASEANKG_SUCCESS;
}
