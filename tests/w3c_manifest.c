/* Minimal W3C manifest reader: collects triples with raptor, then walks the mf:entries list. */
#include "w3c_manifest.h"

#include <raptor2.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define MF "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
#define RDFT "http://www.w3.org/ns/rdftest#"

typedef struct {
  char* s;
  char* p;
  char* o;
} Triple;

typedef struct {
  Triple* triples;
  size_t  count;
} Triples;

static char*
term_string(raptor_term* const term)
{
  if (term->type == RAPTOR_TERM_TYPE_URI) {
    return strdup((const char*)raptor_uri_as_string(term->value.uri));
  }
  if (term->type == RAPTOR_TERM_TYPE_BLANK) {
    const size_t n   = (size_t)term->value.blank.string_len + 3U;
    char* const  out = (char*)malloc(n);
    snprintf(out, n, "_:%s", (const char*)term->value.blank.string);
    return out;
  }
  return strdup((const char*)term->value.literal.string);
}

static void
collect(void* const user_data, raptor_statement* const statement)
{
  Triples* const triples = (Triples*)user_data;
  triples->triples       = (Triple*)realloc(triples->triples, (triples->count + 1U) * sizeof(Triple));
  Triple* const t        = &triples->triples[triples->count++];
  t->s                   = term_string(statement->subject);
  t->p                   = term_string(statement->predicate);
  t->o                   = term_string(statement->object);
}

static const char*
lookup(const Triples* const triples, const char* const s, const char* const p)
{
  for (size_t i = 0U; i < triples->count; ++i) {
    if (!strcmp(triples->triples[i].s, s) && !strcmp(triples->triples[i].p, p)) {
      return triples->triples[i].o;
    }
  }
  return NULL;
}

static char*
to_path(const char* const uri)
{
  char* const path = (char*)raptor_uri_uri_string_to_filename((const unsigned char*)uri);
  char* const copy = path ? strdup(path) : NULL;
  raptor_free_memory(path);
  return copy;
}

int
w3c_manifest_load(W3cManifest* const manifest, const char* const path)
{
  memset(manifest, 0, sizeof(*manifest));
  Triples              triples    = { NULL, 0U };
  raptor_world* const  world      = raptor_new_world();
  raptor_parser* const parser     = raptor_new_parser(world, "turtle");
  unsigned char* const uri_string = raptor_uri_filename_to_uri_string(path);
  raptor_uri* const    uri        = raptor_new_uri(world, uri_string);
  raptor_parser_set_statement_handler(parser, &triples, collect);
  int failed = raptor_parser_parse_file(parser, uri, uri) != 0;

  const char* manifest_node = NULL;
  for (size_t i = 0U; i < triples.count && !manifest_node; ++i) {
    if (!strcmp(triples.triples[i].p, RDF "type") && !strcmp(triples.triples[i].o, MF "Manifest")) {
      manifest_node = triples.triples[i].s;
    }
  }
  const char* list = manifest_node ? lookup(&triples, manifest_node, MF "entries") : NULL;
  failed           = failed || !list;
  if (!failed) {
    const char* const base = lookup(&triples, manifest_node, MF "assumedTestBase");
    manifest->base         = base ? strdup(base) : NULL;
  }

  while (!failed && list && strcmp(list, RDF "nil")) {
    const char* const entry  = lookup(&triples, list, RDF "first");
    const char* const action = entry ? lookup(&triples, entry, MF "action") : NULL;
    if (!entry || !action) {
      failed = 1;
      break;
    }
    manifest->tests          = (W3cTest*)realloc(manifest->tests, (manifest->count + 1U) * sizeof(W3cTest));
    W3cTest* const    test   = &manifest->tests[manifest->count++];
    const char* const hash   = strrchr(entry, '#');
    const char* const result = lookup(&triples, entry, MF "result");
    test->name               = strdup(hash ? hash + 1 : entry);
    test->type   = strdup(lookup(&triples, entry, RDF "type") ? lookup(&triples, entry, RDF "type") : "");
    test->action = to_path(action);
    test->result = result ? to_path(result) : NULL;
    list         = lookup(&triples, list, RDF "rest");
  }

  for (size_t i = 0U; i < triples.count; ++i) {
    free(triples.triples[i].s);
    free(triples.triples[i].p);
    free(triples.triples[i].o);
  }
  free(triples.triples);
  raptor_free_uri(uri);
  raptor_free_memory(uri_string);
  raptor_free_parser(parser);
  raptor_free_world(world);
  if (failed) {
    fprintf(stderr, "%s: cannot read manifest\n", path);
    w3c_manifest_release(manifest);
    return 1;
  }
  return 0;
}

void
w3c_manifest_release(W3cManifest* const manifest)
{
  for (size_t i = 0U; i < manifest->count; ++i) {
    free(manifest->tests[i].name);
    free(manifest->tests[i].type);
    free(manifest->tests[i].action);
    free(manifest->tests[i].result);
  }
  free(manifest->tests);
  free(manifest->base);
  memset(manifest, 0, sizeof(*manifest));
}

int
w3c_is_type(const W3cTest* const test, const char* const local)
{
  const size_t n = strlen(RDFT);
  return !strncmp(test->type, RDFT, n) && !strcmp(test->type + n, local);
}

char*
w3c_read_file(const char* const path, size_t* const length)
{
  FILE* const stream = fopen(path, "rb");
  if (!stream) {
    return NULL;
  }
  fseek(stream, 0, SEEK_END);
  const long size = ftell(stream);
  fseek(stream, 0, SEEK_SET);
  char* const data = size >= 0 ? (char*)malloc((size_t)size + 1U) : NULL;
  if (data) {
    *length       = fread(data, 1U, (size_t)size, stream);
    data[*length] = '\0';
  }
  fclose(stream);
  return data;
}
