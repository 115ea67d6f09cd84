/* Reads the ontology with raptor and answers "is this term declared?". */
#include "aseankg/ontology.h"
#include "namespaces.h"

#include "safety.h"

#include "file.h"

#include <assert.h>
#include <raptor2.h>

#include <stdlib.h>
#include <string.h>

static const char* const declaration_classes[] = { OWL "Class", OWL "ObjectProperty",
                                                   OWL "DatatypeProperty" };

typedef struct {
  char** iris; /* sorted after loading, for binary search */
  size_t count;
} IriSet;

struct AseankgOntologyImpl {
  IriSet        declared[3];
  char*         ns;
  const char*   path;
  AseankgError* error; /* only during loading */
  int           failed;
};

static int
compare_strings(const void* const a, const void* const b)
{
  return strcmp(*(const char* const*)a, *(const char* const*)b);
}

static int
iri_set_add(IriSet* const set, const char* const iri)
{
  char** const grown = (char**)realloc(set->iris, (set->count + 1U) * sizeof(char*));
  if (!grown) {
    return 0;
  }
  set->iris = grown;
  if (!(set->iris[set->count] = strdup(iri))) {
    return 0;
  }
  ++set->count;
  return 1;
}

static void
handle_statement(void* const user_data, raptor_statement* const statement)
{
  AseankgOntology* const ontology = (AseankgOntology*)user_data;
  if (ontology->failed || statement->subject->type != RAPTOR_TERM_TYPE_URI ||
      statement->object->type != RAPTOR_TERM_TYPE_URI ||
      strcmp((const char*)raptor_uri_as_string(statement->predicate->value.uri), RDF "type")) {
    return;
  }

  const char* const subject = (const char*)raptor_uri_as_string(statement->subject->value.uri);
  const char* const type    = (const char*)raptor_uri_as_string(statement->object->value.uri);
  for (unsigned i = 0U; i < 3U; ++i) {
    if (!strcmp(type, declaration_classes[i]) && !iri_set_add(&ontology->declared[i], subject)) {
      ontology->failed = 1;
    }
  }
  if (!strcmp(type, OWL "Ontology") && !ontology->ns) {
    const size_t n = strlen(subject);
    if ((ontology->ns = (char*)malloc(n + 2U))) {
      memcpy(ontology->ns, subject, n);
      memcpy(ontology->ns + n, "#", 2U);
    } else {
      ontology->failed = 1;
    }
  }
}

static void
handle_log(void* const user_data, raptor_log_message* const message)
{
  AseankgOntology* const ontology = (AseankgOntology*)user_data;
  if (message->level < RAPTOR_LOG_LEVEL_ERROR) {
    return;
  }
  const int line   = message->locator ? message->locator->line : -1;
  const int column = message->locator ? message->locator->column : -1;
  aseankg_error_set(ontology->error, ASEANKG_ERR_SYNTAX, ontology->path, line > 0 ? (unsigned)line : 1U,
                    column > 0 ? (unsigned)column : 1U, "%s",
                    message->text ? message->text : "Turtle syntax error");
  ontology->failed = 1;
}

AseankgStatus
aseankg_ontology_load(AseankgOntology** const ontology_out, const char* const path, AseankgError* const error)
{
  assert(ontology_out);
  assert(path);
  *ontology_out                   = NULL;
  AseankgOntology* const ontology = (AseankgOntology*)calloc(1U, sizeof(AseankgOntology));
  if (!ontology) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }
  ontology->path  = path;
  ontology->error = error;

  AseankgStatus       st       = ASEANKG_SUCCESS;
  raptor_world* const world    = raptor_new_world();
  raptor_parser*      parser   = NULL;
  unsigned char*      file_uri = NULL;
  raptor_uri*         uri      = NULL;
  FILE* const         stream   = aseankg_file_open(path, error);

  if (!stream) {
    st = ASEANKG_ERR_IO;
    goto cleanup;
  }
  if (!world || raptor_world_open(world) || !(parser = raptor_new_parser(world, "turtle")) ||
      !(file_uri = raptor_uri_filename_to_uri_string(path)) || !(uri = raptor_new_uri(world, file_uri))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "cannot set up the Turtle parser");
    goto cleanup;
  }

  if ((st = aseankg_safety_raptor_parser(parser, path, error))) {
    goto cleanup;
  }
  raptor_world_set_log_handler(world, ontology, handle_log);
  raptor_parser_set_statement_handler(parser, ontology, handle_statement);
  if (raptor_parser_parse_file_stream(parser, stream, path, uri) || ontology->failed) {
    st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, path, 0U, 0U, "cannot read the ontology");
    goto cleanup;
  }
  if (!ontology->ns) {
    st = aseankg_error_set(error, ASEANKG_ERR_ONTOLOGY, path, 0U, 0U, "no owl:Ontology declared");
    goto cleanup;
  }

  for (unsigned i = 0U; i < 3U; ++i) {
    IriSet* const set = &ontology->declared[i];
    if (set->count) {
      qsort(set->iris, set->count, sizeof(char*), compare_strings);
    }
  }

cleanup:
  if (stream) {
    fclose(stream);
  }
  raptor_free_uri(uri);
  raptor_free_memory(file_uri);
  raptor_free_parser(parser);
  raptor_free_world(world);
  ontology->error = NULL;
  if (st) {
    aseankg_ontology_free(ontology);
    return st;
  }
  *ontology_out = ontology;
  return ASEANKG_SUCCESS;
}

void
aseankg_ontology_free(AseankgOntology* const ontology)
{
  if (!ontology) {
    return;
  }
  for (unsigned i = 0U; i < 3U; ++i) {
    for (size_t j = 0U; j < ontology->declared[i].count; ++j) {
      free(ontology->declared[i].iris[j]);
    }
    free(ontology->declared[i].iris);
  }
  free(ontology->ns);
  free(ontology);
}

const char*
aseankg_ontology_namespace(const AseankgOntology* const ontology)
{
  assert(ontology);
  return ontology->ns;
}

int
aseankg_ontology_declares(const AseankgOntology* const ontology, const AseankgDeclaration what,
                          const char* const iri)
{
  assert(ontology);
  const IriSet* const set = &ontology->declared[what];
  return set->count && bsearch(&iri, set->iris, set->count, sizeof(char*), compare_strings) != NULL;
}
