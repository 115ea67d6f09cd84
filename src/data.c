/* Reads the curated YAML files into plain structs, checking their shape and remembering positions. */
#include "aseankg/data.h"

#include "file.h"
#include "try.h"

#include <yaml.h>

#include <assert.h>
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_RELATIONS_FILE "relations.yaml"

typedef struct {
  AseankgData*     data;
  yaml_document_t* document;
  const char*      file;
  AseankgError*    error;
} Walker;

/* One key a mapping may hold, and where in its record the value goes. */
typedef struct {
  const char* key;
  enum {
    SLOT_STRING,  /* an AseankgField */
    SLOT_STRINGS, /* an AseankgField array and, at `count_offset`, its size_t length */
    SLOT_BOOL,    /* an int, 0 or 1 */
    SLOT_COUNT    /* an unsigned, 1 to 1,000,000 */
  } kind;
  size_t offset;
  size_t count_offset;
  int    required;
} Slot;

#define FIELD(record, key, member, required)                 \
  {                                                          \
    key, SLOT_STRING, offsetof(record, member), 0U, required \
  }
#define FIELDS(record, key, member, count)                                  \
  {                                                                         \
    key, SLOT_STRINGS, offsetof(record, member), offsetof(record, count), 0 \
  }
#define SCALAR(record, key, kind, member)      \
  {                                            \
    key, kind, offsetof(record, member), 0U, 0 \
  }
#define N_SLOTS(schema) (sizeof(schema) / sizeof((schema)[0]))

/* The YAML schema, once: what each mapping may hold. The same tables drive reading and freeing. */
static const Slot entity_schema[] = {
  FIELD(AseankgEntity, "id", id, 1),
  FIELD(AseankgEntity, "type", type, 1),
  FIELD(AseankgEntity, "zh", zh, 1),
  FIELD(AseankgEntity, "en", en, 1),
  SCALAR(AseankgEntity, "gloss", SLOT_BOOL, gloss),
  FIELD(AseankgEntity, "en_source", en_source, 0),
  FIELDS(AseankgEntity, "not_within", not_within, n_not_within),
  FIELDS(AseankgEntity, "aliases", aliases, n_aliases),
  FIELDS(AseankgEntity, "same_as", same_as, n_same_as),
};

static const Slot relation_schema[] = {
  FIELD(AseankgRelation, "subject", subject, 1),
  FIELD(AseankgRelation, "predicate", predicate, 1),
  FIELD(AseankgRelation, "object", object, 0),
  FIELD(AseankgRelation, "value", value, 0),
  FIELD(AseankgRelation, "datatype", datatype, 0),
  FIELD(AseankgRelation, "segment", segment, 1),
  FIELD(AseankgRelation, "evidence", evidence, 1),
  SCALAR(AseankgRelation, "occurrence", SLOT_COUNT, occurrence),
};

static const Slot document_schema[] = {
  FIELD(AseankgDocument, "id", id, 1),
  FIELD(AseankgDocument, "entity", entity, 0),
  FIELD(AseankgDocument, "text", text, 1),
  FIELD(AseankgDocument, "relations", relations_file, 0),
  FIELD(AseankgDocument, "title_zh", title_zh, 1),
  FIELD(AseankgDocument, "title_en", title_en, 1),
  FIELD(AseankgDocument, "publisher", publisher, 1),
  FIELD(AseankgDocument, "published", published, 1),
  FIELD(AseankgDocument, "dateline_place", dateline_place, 1),
  FIELD(AseankgDocument, "dateline_date", dateline_date, 1),
  FIELD(AseankgDocument, "language", language, 1),
};

static const Slot dataset_schema[] = {
  FIELD(AseankgDatasetInfo, "title", title, 1),
  FIELD(AseankgDatasetInfo, "version", version, 1),
  FIELD(AseankgDatasetInfo, "created", created, 1),
  FIELD(AseankgDatasetInfo, "license", license, 1),
};

static void*
slot_target(void* const record, const Slot* const slot)
{
  return (char*)record + slot->offset;
}

static AseankgMark
mark_of(const Walker* const walker, const yaml_node_t* const node)
{
  const AseankgMark mark = { walker->file, (unsigned)node->start_mark.line + 1U,
                             (unsigned)node->start_mark.column + 1U };
  return mark;
}

static AseankgStatus fail(const Walker* walker, const yaml_node_t* node, const char* format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

static AseankgStatus
fail(const Walker* const walker, const yaml_node_t* const node, const char* const format, ...)
{
  char    message[400];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof(message), format, args);
  va_end(args);

  const AseankgMark mark = mark_of(walker, node);
  aseankg_error_set(walker->error, ASEANKG_ERR_DATA, mark.file, mark.line, mark.column, "%s", message);
  return ASEANKG_ERR_DATA;
}

static AseankgStatus
no_memory(const Walker* const walker)
{
  aseankg_error_set(walker->error, ASEANKG_ERR_NOMEM, walker->file, 0U, 0U, "out of memory");
  return ASEANKG_ERR_NOMEM; /* not error_set's result: the analyzer must see the failure */
}

static const char*
type_name(const yaml_node_t* const node)
{
  switch (node->type) {
    case YAML_SCALAR_NODE:
      return "a scalar";
    case YAML_SEQUENCE_NODE:
      return "a list";
    case YAML_MAPPING_NODE:
      return "a mapping";
    case YAML_NO_NODE:
      break;
  }
  return "nothing";
}

static AseankgStatus
expect(const Walker* const walker, const yaml_node_t* const node, const yaml_node_type_t type,
       const char* const what)
{
  if (node && node->type == type) {
    return ASEANKG_SUCCESS;
  }
  if (!node) {
    aseankg_error_set(walker->error, ASEANKG_ERR_DATA, walker->file, 1U, 1U, "expected %s", what);
    return ASEANKG_ERR_DATA;
  }
  const AseankgMark mark = mark_of(walker, node);
  aseankg_error_set(walker->error, ASEANKG_ERR_DATA, mark.file, mark.line, mark.column,
                    "expected %s, found %s", what, type_name(node));
  return ASEANKG_ERR_DATA;
}

static AseankgStatus
read_scalar(const Walker* const walker, const yaml_node_t* const node, AseankgField* const field)
{
  AseankgStatus st = expect(walker, node, YAML_SCALAR_NODE, "a scalar");
  if (st) {
    return st;
  }
  const size_t length = node->data.scalar.length;
  if (memchr(node->data.scalar.value, '\0', length)) {
    return fail(walker, node, "NUL character in a value");
  }
  if (!(field->value = (char*)malloc(length + 1U))) {
    return no_memory(walker);
  }
  memcpy(field->value, node->data.scalar.value, length);
  field->value[length] = '\0';
  field->mark          = mark_of(walker, node);
  return ASEANKG_SUCCESS;
}

static AseankgStatus
read_scalar_list(const Walker* const walker, const yaml_node_t* const node, AseankgField** const fields,
                 size_t* const count)
{
  AseankgStatus st = expect(walker, node, YAML_SEQUENCE_NODE, "a list of scalars");
  const size_t  n  = st ? 0U : (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
  if (st || !n) {
    return st;
  }
  if (!(*fields = (AseankgField*)calloc(n, sizeof(AseankgField)))) {
    return no_memory(walker);
  }
  for (size_t i = 0U; i < n && !st; ++i) {
    const yaml_node_t* const item =
      yaml_document_get_node(walker->document, node->data.sequence.items.start[i]);
    st     = read_scalar(walker, item, &(*fields)[i]);
    *count = i + 1U; /* so what was read is freed on failure */
  }
  return st;
}

static AseankgStatus
read_slot(const Walker* const walker, const yaml_node_t* const value, void* const record,
          const Slot* const slot)
{
  void* const target = slot_target(record, slot);
  if (slot->kind == SLOT_STRING) {
    return read_scalar(walker, value, (AseankgField*)target);
  }
  if (slot->kind == SLOT_STRINGS) {
    return read_scalar_list(walker, value, (AseankgField**)target,
                            (size_t*)((char*)record + slot->count_offset));
  }

  AseankgField  field = { NULL, { NULL, 0U, 0U } };
  AseankgStatus st    = read_scalar(walker, value, &field);
  if (!st && !field.value) { /* (set on success; the check is for the analyzer) */
    st = no_memory(walker);
  }
  if (!st && slot->kind == SLOT_BOOL) {
    if (!strcmp(field.value, "true") || !strcmp(field.value, "false")) {
      *(int*)target = !strcmp(field.value, "true");
    } else {
      st = fail(walker, value, "'%s' must be true or false", slot->key);
    }
  } else if (!st) {
    char*               end    = NULL;
    const unsigned long number = strtoul(field.value, &end, 10);
    if (field.value[0] < '1' || field.value[0] > '9' || *end || number > 1000000UL) {
      st = fail(walker, value, "'%s' must be a positive whole number", slot->key);
    } else {
      *(unsigned*)target = (unsigned)number;
    }
  }
  free(field.value);
  return st;
}

/* Fill `record` from a mapping by its schema `slots`: every key must be known, unique, and the required
   ones present. */
static AseankgStatus
read_mapping(const Walker* const walker, const yaml_node_t* const node, void* const record,
             const Slot* const slots, const size_t n_slots)
{
  AseankgStatus st = expect(walker, node, YAML_MAPPING_NODE, "a mapping");
  if (st) {
    return st;
  }

  unsigned char seen[16] = { 0 };
  for (yaml_node_pair_t* pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top && !st;
       ++pair) {
    const yaml_node_t* const key   = yaml_document_get_node(walker->document, pair->key);
    const yaml_node_t* const value = yaml_document_get_node(walker->document, pair->value);
    st                             = expect(walker, key, YAML_SCALAR_NODE, "a key");
    if (st) {
      break;
    }

    const char* const name = (const char*)key->data.scalar.value;
    size_t            i    = 0U;
    while (i < n_slots && strcmp(slots[i].key, name)) {
      ++i;
    }
    if (i == n_slots) {
      st = fail(walker, key, "unknown key '%s'", name);
    } else if (seen[i]++) {
      st = fail(walker, key, "duplicate key '%s'", name);
    } else {
      st = read_slot(walker, value, record, &slots[i]);
    }
  }

  for (size_t i = 0U; i < n_slots && !st; ++i) {
    if (slots[i].required && !seen[i]) {
      st = fail(walker, node, "missing required key '%s'", slots[i].key);
    }
  }
  return st;
}

/* The root is a mapping with one key, `key`, holding a list; return that list. */
static AseankgStatus
read_root_list(const Walker* const walker, const char* const key, const yaml_node_t** const list)
{
  const yaml_node_t* const root = yaml_document_get_root_node(walker->document);
  if (!root) {
    aseankg_error_set(walker->error, ASEANKG_ERR_DATA, walker->file, 1U, 1U, "empty file; expected '%s:'",
                      key);
    return ASEANKG_ERR_DATA;
  }

  const yaml_node_t* value = NULL;
  AseankgStatus      st    = expect(walker, root, YAML_MAPPING_NODE, "a mapping");
  for (yaml_node_pair_t* pair = st ? NULL : root->data.mapping.pairs.start;
       pair && pair < root->data.mapping.pairs.top && !st; ++pair) {
    const yaml_node_t* const k = yaml_document_get_node(walker->document, pair->key);
    if (k->type != YAML_SCALAR_NODE || strcmp((const char*)k->data.scalar.value, key)) {
      st = fail(walker, k, "unknown key '%s'",
                k->type == YAML_SCALAR_NODE ? (const char*)k->data.scalar.value : "?");
    } else if (value) {
      st = fail(walker, k, "duplicate key '%s'", key);
    } else {
      value = yaml_document_get_node(walker->document, pair->value);
    }
  }
  if (!st && !value) {
    st = fail(walker, root, "missing required key '%s'", key);
  }
  if (!st) {
    st = expect(walker, value, YAML_SEQUENCE_NODE, "a list");
  }
  *list = value;
  return st;
}

static AseankgStatus
read_entities(const Walker* const walker)
{
  const yaml_node_t* list = NULL;
  AseankgStatus      st   = ASEANKG_SUCCESS;
  TRY(st, read_root_list(walker, "entities", &list));
  if (!list) { /* (set on success; the check is for the analyzer) */
    return ASEANKG_ERR_DATA;
  }

  AseankgData* const data = walker->data;
  const size_t       n    = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
  if (n && !(data->entities = (AseankgEntity*)calloc(n, sizeof(AseankgEntity)))) {
    return no_memory(walker);
  }

  for (size_t i = 0U; i < n && !st; ++i) {
    const yaml_node_t* const item =
      yaml_document_get_node(walker->document, list->data.sequence.items.start[i]);
    AseankgEntity* const e = &data->entities[data->n_entities++];
    e->mark                = mark_of(walker, item);
    st                     = read_mapping(walker, item, e, entity_schema, N_SLOTS(entity_schema));
  }
  return st;
}

static AseankgStatus
read_relations(const Walker* const walker, AseankgDocument* const doc)
{
  const yaml_node_t* list = NULL;
  AseankgStatus      st   = ASEANKG_SUCCESS;
  TRY(st, read_root_list(walker, "relations", &list));
  if (!list) { /* (set on success; the check is for the analyzer) */
    return ASEANKG_ERR_DATA;
  }

  const size_t n = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
  if (n && !(doc->relations = (AseankgRelation*)calloc(n, sizeof(AseankgRelation)))) {
    return no_memory(walker);
  }

  for (size_t i = 0U; i < n && !st; ++i) {
    const yaml_node_t* const item =
      yaml_document_get_node(walker->document, list->data.sequence.items.start[i]);
    AseankgRelation* const r = &doc->relations[doc->n_relations++];
    r->mark                  = mark_of(walker, item);
    r->occurrence            = 1U;
    st                       = read_mapping(walker, item, r, relation_schema, N_SLOTS(relation_schema));
    if (!st && !r->object.value == !r->value.value) {
      st = fail(walker, item, "a relation needs exactly one of 'object' and 'value'");
    }
    if (!st && r->datatype.value && !r->value.value) {
      st = fail(walker, item, "'datatype' applies only to a 'value'");
    }
  }
  return st;
}

/* Files a document names are read from its data directory, so they must be bare names. */
static AseankgStatus
check_file_name(const Walker* const walker, const AseankgField* const field, const char* const key)
{
  const char* const name = field->value;
  if (!name || (name[0] && !strchr(name, '/') && strcmp(name, ".") && strcmp(name, ".."))) {
    return ASEANKG_SUCCESS;
  }
  aseankg_error_set(walker->error, ASEANKG_ERR_DATA, field->mark.file, field->mark.line, field->mark.column,
                    "'%s' must be a file name in the data directory", key);
  return ASEANKG_ERR_DATA;
}

static AseankgStatus
read_document(const Walker* const walker, const yaml_node_t* const node, AseankgDocument* const doc)
{
  doc->mark        = mark_of(walker, node);
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, read_mapping(walker, node, doc, document_schema, N_SLOTS(document_schema)));
  TRY(st, check_file_name(walker, &doc->text, "text"));
  return check_file_name(walker, &doc->relations_file, "relations");
}

/* A document's text file (role 0) or relations file (role 1). */
static const char*
file_of(const AseankgDocument* const doc, const unsigned role)
{
  return role ? aseankg_document_relations_file(doc) : doc->text.value ? doc->text.value : "";
}

/* Each document's text and relations file must be its own, and neither of the dataset's two files. */
static AseankgStatus
check_distinct_files(const Walker* const walker, const AseankgDocument* const documents, const size_t index)
{
  const AseankgDocument* const doc = &documents[index];
  for (unsigned role = 0U; role < 2U; ++role) {
    const AseankgField* const field = role ? &doc->relations_file : &doc->text;
    const char* const         name  = file_of(doc, role);
    const AseankgMark* const  mark  = field->value ? &field->mark : &doc->mark;
    if (!strcmp(name, "dataset.yaml") || !strcmp(name, "entities.yaml")) {
      aseankg_error_set(walker->error, ASEANKG_ERR_DATA, mark->file, mark->line, mark->column,
                        "'%s' is a file of the dataset itself", name);
      return ASEANKG_ERR_DATA;
    }
    /* Against every file of the documents before, and the text of this one. */
    for (size_t j = 0U; j <= index; ++j) {
      for (unsigned other_role = 0U; other_role < 2U && (j < index || other_role < role); ++other_role) {
        const AseankgDocument* const other = &documents[j];
        if (!strcmp(name, file_of(other, other_role))) {
          aseankg_error_set(walker->error, ASEANKG_ERR_DATA, mark->file, mark->line, mark->column,
                            "'%s' is already the %s file of document '%s'", name,
                            other_role ? "relations" : "text", other->id.value);
          return ASEANKG_ERR_DATA;
        }
      }
    }
  }
  return ASEANKG_SUCCESS;
}

/* `documents:` holds a list of documents; `document:` (the first format) holds one. */
static AseankgStatus
read_documents(const Walker* const walker, const yaml_node_t* const node, const int is_list)
{
  AseankgData* const data = walker->data;
  AseankgStatus      st =
    is_list ? expect(walker, node, YAML_SEQUENCE_NODE, "a list of documents") : ASEANKG_SUCCESS;
  if (st) {
    return st;
  }
  const size_t n = is_list ? (size_t)(node->data.sequence.items.top - node->data.sequence.items.start) : 1U;
  if (!n) {
    return fail(walker, node, "a dataset needs at least one document");
  }
  if (!(data->documents = (AseankgDocument*)calloc(n, sizeof(AseankgDocument)))) {
    return no_memory(walker);
  }

  for (size_t i = 0U; i < n; ++i) {
    const yaml_node_t* const item =
      is_list ? yaml_document_get_node(walker->document, node->data.sequence.items.start[i]) : node;
    AseankgDocument* const doc = &data->documents[data->n_documents++];
    TRY(st, read_document(walker, item, doc));
    if (n > 1U && !doc->relations_file.value) {
      return fail(walker, item,
                  "missing key 'relations' (every document of a corpus names its relations file)");
    }
    TRY(st, check_distinct_files(walker, data->documents, i));
  }
  return st;
}

static AseankgStatus
read_dataset(const Walker* const walker)
{
  const yaml_node_t* const root = yaml_document_get_root_node(walker->document);
  if (!root) {
    return aseankg_error_set(walker->error, ASEANKG_ERR_DATA, walker->file, 1U, 1U,
                             "empty file; expected 'dataset:' and 'documents:'");
  }

  AseankgDatasetInfo* const d       = &walker->data->dataset;
  AseankgStatus             st      = expect(walker, root, YAML_MAPPING_NODE, "a mapping");
  int                       seen[2] = { 0, 0 };
  for (yaml_node_pair_t* pair = st ? NULL : root->data.mapping.pairs.start;
       pair && pair < root->data.mapping.pairs.top && !st; ++pair) {
    const yaml_node_t* const key   = yaml_document_get_node(walker->document, pair->key);
    const yaml_node_t* const value = yaml_document_get_node(walker->document, pair->value);
    const char* const        name = key->type == YAML_SCALAR_NODE ? (const char*)key->data.scalar.value : "?";
    const int                documents = !strcmp(name, "documents");
    if (!strcmp(name, "dataset") && !seen[0]++) {
      st = read_mapping(walker, value, d, dataset_schema, N_SLOTS(dataset_schema));
    } else if ((documents || !strcmp(name, "document")) && !seen[1]++) {
      st = read_documents(walker, value, documents);
    } else {
      st = seen[1] > 1 && strcmp(name, "dataset")
             ? fail(walker, key, "'%s' again: give one 'documents' list (or, for one document, 'document')",
                    name)
             : fail(walker, key, "%s key '%s'", seen[0] > 1 ? "duplicate" : "unknown", name);
    }
  }
  if (!st && (!seen[0] || !seen[1])) {
    st = fail(walker, root, "missing required key '%s'", seen[0] ? "documents" : "dataset");
  }
  return st;
}

/* libyaml gives reader errors as a byte offset; turn it into a line and character column. */
static void
offset_to_mark(const char* const bytes, const size_t offset, unsigned* const line, unsigned* const column)
{
  *line   = 1U;
  *column = 1U;
  for (size_t i = 0U; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++*line;
      *column = 1U;
    } else if (((unsigned char)bytes[i] & 0xC0U) != 0x80U) {
      ++*column;
    }
  }
}

/* Keep a copy of `path` for the marks of what is read from it; NULL if out of memory. */
static const char*
remember_file(AseankgData* const data, const char* const path)
{
  char** const grown = (char**)realloc(data->files, (data->n_files + 1U) * sizeof(char*));
  if (!grown) {
    return NULL;
  }
  data->files = grown;
  return (data->files[data->n_files] = strdup(path)) ? data->files[data->n_files++] : NULL;
}

/* The deepest nesting of sequences and mappings the data format needs is 4; allow room, refuse more. */
#define MAX_YAML_NESTING 32U

/*
   Refuse YAML nested deeper than MAX_YAML_NESTING before loading it: libyaml's scanner checks every
   open flow collection at each token, so time grows with the square of the nesting (100,000 '[' took
   half a minute). Events are pulled one at a time, so this stops after a few dozen tokens.
*/
static AseankgStatus
check_nesting(const char* const bytes, const size_t length, const char* const file, AseankgError* const error)
{
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, file, 0U, 0U, "out of memory");
  }
  yaml_parser_set_input_string(&parser, (const unsigned char*)bytes, length);
  AseankgStatus st    = ASEANKG_SUCCESS;
  unsigned      depth = 0U;
  for (int done = 0; !done && !st;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      break; /* the loader reports syntax errors, with their positions */
    }
    depth += event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT;
    depth -= event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT;
    if (depth > MAX_YAML_NESTING) {
      st = aseankg_error_set(error, ASEANKG_ERR_DATA, file, (unsigned)event.start_mark.line + 1U,
                             (unsigned)event.start_mark.column + 1U, "YAML nested deeper than %u levels",
                             MAX_YAML_NESTING);
    }
    done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return st;
}

AseankgStatus
aseankg_data_parse(AseankgData* const data, const AseankgDataFile kind, const size_t document,
                   const char* const path, const char* const bytes, const size_t length,
                   AseankgError* const error)
{
  assert(data);
  assert(path);
  assert(bytes || !length);
  if (kind == ASEANKG_DATA_RELATIONS && document >= data->n_documents) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, path, 0U, 0U,
                             "relations for a document not in the dataset");
  }
  const char* const file = remember_file(data, path);
  if (!file) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }

  AseankgStatus st = check_nesting(bytes, length, file, error);
  if (st) {
    return st;
  }

  yaml_parser_t   parser;
  yaml_document_t yaml;
  if (!yaml_parser_initialize(&parser)) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }
  yaml_parser_set_input_string(&parser, (const unsigned char*)bytes, length);

  if (!yaml_parser_load(&parser, &yaml)) {
    unsigned line   = (unsigned)parser.problem_mark.line + 1U;
    unsigned column = (unsigned)parser.problem_mark.column + 1U;
    if (parser.error == YAML_READER_ERROR) {
      offset_to_mark(bytes, parser.problem_offset < length ? parser.problem_offset : length, &line, &column);
    }
    st =
      aseankg_error_set(error, parser.error == YAML_MEMORY_ERROR ? ASEANKG_ERR_NOMEM : ASEANKG_ERR_SYNTAX,
                        file, line, column, "YAML: %s%s%s", parser.problem ? parser.problem : "syntax error",
                        parser.context ? " " : "", parser.context ? parser.context : "");
    yaml_parser_delete(&parser);
    return st;
  }

  const Walker             walker = { data, &yaml, file, error };
  const yaml_node_t* const root   = yaml_document_get_root_node(&yaml);
  if (kind == ASEANKG_DATA_DATASET) {
    st = data->documents ? fail(&walker, root, "dataset already loaded") : read_dataset(&walker);
  } else if (kind == ASEANKG_DATA_ENTITIES) {
    st = data->entities ? fail(&walker, root, "entities already loaded") : read_entities(&walker);
  } else {
    AseankgDocument* const doc = &data->documents[document];
    st = doc->relations ? fail(&walker, root, "relations already loaded") : read_relations(&walker, doc);
  }

  yaml_document_delete(&yaml);
  yaml_parser_delete(&parser);
  return st;
}

const char*
aseankg_document_relations_file(const AseankgDocument* const document)
{
  assert(document);
  return document->relations_file.value ? document->relations_file.value : DEFAULT_RELATIONS_FILE;
}

AseankgData*
aseankg_data_new(const char* const directory)
{
  assert(directory);
  AseankgData* const data = (AseankgData*)calloc(1U, sizeof(AseankgData));
  if (data && !(data->directory = strdup(directory))) {
    free(data);
    return NULL;
  }
  return data;
}

static AseankgStatus
load_file(AseankgData* const data, const AseankgDataFile kind, const size_t document, const char* const name,
          AseankgError* const error)
{
  char path[4096];
  if ((size_t)snprintf(path, sizeof(path), "%s/%s", data->directory, name) >= sizeof(path)) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, data->directory, 0U, 0U, "path too long");
  }
  char*         bytes  = NULL;
  size_t        length = 0U;
  AseankgStatus st     = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, aseankg_file_read(path, &bytes, &length, error));
  TRY_CLEANUP(st, aseankg_data_parse(data, kind, document, path, bytes, length, error));

cleanup:
  free(bytes);
  return st;
}

AseankgStatus
aseankg_data_load(AseankgData** const data_out, const char* const directory, AseankgError* const error)
{
  assert(data_out);
  assert(directory);
  *data_out               = NULL;
  AseankgData* const data = aseankg_data_new(directory);
  if (!data) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, directory, 0U, 0U, "out of memory");
  }

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, load_file(data, ASEANKG_DATA_DATASET, 0U, "dataset.yaml", error));
  TRY_CLEANUP(st, load_file(data, ASEANKG_DATA_ENTITIES, 0U, "entities.yaml", error));
  for (size_t i = 0U; i < data->n_documents; ++i) {
    TRY_CLEANUP(st, load_file(data, ASEANKG_DATA_RELATIONS, i,
                              aseankg_document_relations_file(&data->documents[i]), error));
  }
  *data_out = data;
  return ASEANKG_SUCCESS;

cleanup:
  aseankg_data_free(data);
  return st;
}

/* Free what `record` holds by its schema: every field and list; the record itself stays. */
static void
free_record(void* const record, const Slot* const slots, const size_t n_slots)
{
  for (size_t s = 0U; s < n_slots; ++s) {
    if (slots[s].kind == SLOT_STRING) {
      free(((AseankgField*)slot_target(record, &slots[s]))->value);
    } else if (slots[s].kind == SLOT_STRINGS) {
      AseankgField* const fields = *(AseankgField**)slot_target(record, &slots[s]);
      const size_t        count  = *(const size_t*)((const char*)record + slots[s].count_offset);
      for (size_t i = 0U; i < count; ++i) {
        free(fields[i].value);
      }
      free(fields);
    }
  }
}

void
aseankg_data_free(AseankgData* const data)
{
  if (!data) {
    return;
  }

  for (size_t i = 0U; i < data->n_entities; ++i) {
    free_record(&data->entities[i], entity_schema, N_SLOTS(entity_schema));
  }
  for (size_t d = 0U; d < data->n_documents; ++d) {
    AseankgDocument* const doc = &data->documents[d];
    for (size_t i = 0U; i < doc->n_relations; ++i) {
      free_record(&doc->relations[i], relation_schema, N_SLOTS(relation_schema));
    }
    free_record(doc, document_schema, N_SLOTS(document_schema));
    free(doc->relations);
  }
  free_record(&data->dataset, dataset_schema, N_SLOTS(dataset_schema));

  free(data->entities);
  free(data->documents);
  for (size_t i = 0U; i < data->n_files; ++i) {
    free(data->files[i]);
  }
  free(data->files);
  free(data->directory);
  free(data);
}
