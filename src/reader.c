/* Reads any RDF syntax: N-Triples and N-Quads with the streaming reader, the rest through raptor. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "aseankg/reader.h"

#include "array.h"
#include "buffer.h"

#include <raptor2.h>

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
  const char* extension;
  const char* syntax;
} extensions[] = {
  { ".nt", "ntriples" }, { ".nq", "nquads" },  { ".ttl", "turtle" }, { ".trig", "trig" },
  { ".rdf", "rdfxml" },  { ".owl", "rdfxml" }, { ".xml", "rdfxml" },
};

const char*
aseankg_syntax_from_path(const char* const path)
{
  const char* const dot = strrchr(path, '.');
  for (size_t i = 0U; dot && i < sizeof(extensions) / sizeof(extensions[0]); ++i) {
    if (!strcasecmp(dot, extensions[i].extension)) {
      return extensions[i].syntax;
    }
  }
  return NULL;
}

char*
aseankg_path_to_iri(const char* const path)
{
  char* const absolute = realpath(path, NULL);
  if (!absolute) {
    return NULL;
  }
  unsigned char* const uri  = raptor_uri_filename_to_uri_string(absolute);
  char* const          copy = uri ? strdup((const char*)uri) : NULL;
  raptor_free_memory(uri);
  free(absolute);
  return copy;
}

int
aseankg_syntax_is_known(const char* const syntax)
{
  for (size_t i = 0U; i < sizeof(extensions) / sizeof(extensions[0]); ++i) {
    if (!strcmp(syntax, extensions[i].syntax)) {
      return 1;
    }
  }
  return 0;
}

typedef struct {
  AseankgGraph*             graph;
  const AseankgReadOptions* options;
  AseankgError*             error;
  const char*               path;
  raptor_parser*            parser;
  AseankgPrefixList*        prefixes; /* NULL: declarations are not wanted */
  AseankgBuffer             label;
  AseankgStatus             status;
} RaptorReader;

static AseankgTermId
convert_term(RaptorReader* const reader, const raptor_term* const term)
{
  if (!term) {
    return 0U;
  }

  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI: {
      size_t               length = 0U;
      const unsigned char* iri    = raptor_uri_as_counted_string(term->value.uri, &length);
      return aseankg_graph_iri(reader->graph, (const char*)iri, length);
    }
    case RAPTOR_TERM_TYPE_BLANK: {
      const char* const prefix = reader->options->blank_prefix;
      aseankg_buffer_reset(&reader->label);
      if ((prefix && aseankg_buffer_append_string(&reader->label, prefix)) ||
          aseankg_buffer_append(&reader->label, term->value.blank.string, term->value.blank.string_len)) {
        return 0U;
      }
      return aseankg_graph_blank(reader->graph, reader->label.data, reader->label.length);
    }
    case RAPTOR_TERM_TYPE_LITERAL: {
      const raptor_term_literal_value* const literal  = &term->value.literal;
      AseankgTermId                          datatype = 0U;
      if (literal->datatype) {
        size_t               length = 0U;
        const unsigned char* iri    = raptor_uri_as_counted_string(literal->datatype, &length);
        if (!(datatype = aseankg_graph_iri(reader->graph, (const char*)iri, length))) {
          return 0U;
        }
      }
      return aseankg_graph_literal(reader->graph, (const char*)literal->string, literal->string_len, datatype,
                                   literal->language ? (const char*)literal->language : NULL, NULL);
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
      break;
  }
  return 0U;
}

static void
handle_statement(void* const user_data, raptor_statement* const statement)
{
  RaptorReader* const reader = (RaptorReader*)user_data;
  if (reader->status) {
    return;
  }

  const AseankgQuad quad = { convert_term(reader, statement->subject),
                             convert_term(reader, statement->predicate),
                             convert_term(reader, statement->object),
                             convert_term(reader, statement->graph) };
  AseankgStatus     st   = ASEANKG_SUCCESS;
  if (!quad.subject || !quad.predicate || !quad.object || (statement->graph && !quad.graph)) {
    st = aseankg_error_set(reader->error, ASEANKG_ERR_NOMEM, reader->path, 0U, 0U, "out of memory");
  } else if (reader->options->sink) {
    st = reader->options->sink(reader->options->handle, &quad);
  } else {
    st = aseankg_graph_add(reader->graph, quad.subject, quad.predicate, quad.object, quad.graph);
  }
  if (st) {
    reader->status = st;
    raptor_parser_parse_abort(reader->parser);
  }
}

static void
handle_log(void* const user_data, raptor_log_message* const message)
{
  RaptorReader* const reader = (RaptorReader*)user_data;
  if (message->level < RAPTOR_LOG_LEVEL_ERROR || reader->status) {
    return;
  }
  const int line   = message->locator ? message->locator->line : -1;
  const int column = message->locator ? message->locator->column : -1;
  aseankg_error_set(reader->error, ASEANKG_ERR_SYNTAX, reader->path, line > 0 ? (unsigned)line : 1U,
                    column > 0 ? (unsigned)column : 1U, "%s", message->text ? message->text : "syntax error");
  reader->status = ASEANKG_ERR_SYNTAX;
}

void
aseankg_prefix_list_release(AseankgPrefixList* const list)
{
  if (list) {
    for (size_t i = 0U; i < list->count; ++i) {
      free((char*)list->prefixes[i].name);
      free((char*)list->prefixes[i].namespace_iri);
    }
    free(list->prefixes);
    memset(list, 0, sizeof(*list));
  }
}

static void
handle_namespace(void* const user_data, raptor_namespace* const ns)
{
  RaptorReader* const reader = (RaptorReader*)user_data;
  raptor_uri* const   uri    = raptor_namespace_get_uri(ns);
  if (reader->status || !uri) {
    return;
  }
  const unsigned char* const name = raptor_namespace_get_prefix(ns);
  AseankgPrefixList* const   list = reader->prefixes;
  char* const                copy = strdup(name ? (const char*)name : "");
  char* const                iri  = strdup((const char*)raptor_uri_as_string(uri));
  AseankgStatus              st   = copy && iri ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  st                              = st ? st
                                       : aseankg_array_reserve((void**)&list->prefixes, &list->capacity, list->count + 1U,
                                                               sizeof(AseankgPrefix));
  if (st) {
    free(copy);
    free(iri);
    reader->status = aseankg_error_set(reader->error, st, reader->path, 0U, 0U, "out of memory");
    raptor_parser_parse_abort(reader->parser);
    return;
  }
  const AseankgPrefix prefix    = { copy, iri };
  list->prefixes[list->count++] = prefix;
}

static AseankgStatus
read_with_raptor(AseankgGraph* const graph, FILE* const stream, const char* const path,
                 const char* const syntax, const AseankgReadOptions* const options,
                 AseankgPrefixList* const prefixes, AseankgError* const error)
{
  RaptorReader reader;
  memset(&reader, 0, sizeof(reader));
  reader.prefixes = prefixes;
  reader.graph    = graph;
  reader.options  = options;
  reader.error    = error;
  reader.path     = path;

  raptor_world* const world    = raptor_new_world();
  unsigned char*      base_str = NULL;
  raptor_uri*         base     = NULL;
  AseankgStatus       st       = ASEANKG_SUCCESS;
  if (!world || raptor_world_open(world) || !(reader.parser = raptor_new_parser(world, syntax)) ||
      !(base_str = raptor_uri_filename_to_uri_string(strcmp(path, "-") ? path : "stdin")) ||
      !(base = raptor_new_uri(world, base_str))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "cannot set up the %s parser", syntax);
    goto cleanup;
  }

  raptor_world_set_log_handler(world, &reader, handle_log);
  raptor_parser_set_statement_handler(reader.parser, &reader, handle_statement);
  if (prefixes) {
    raptor_parser_set_namespace_handler(reader.parser, &reader, handle_namespace);
  }
  if (raptor_parser_parse_file_stream(reader.parser, stream, path, base) && !reader.status) {
    reader.status = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, path, 0U, 0U, "cannot parse as %s", syntax);
  }
  st = reader.status;

cleanup:
  raptor_free_uri(base);
  raptor_free_memory(base_str);
  raptor_free_parser(reader.parser);
  raptor_free_world(world);
  aseankg_buffer_release(&reader.label);
  return st;
}

AseankgStatus
aseankg_read_path(AseankgGraph* const graph, const char* const path, const char* const syntax,
                  const AseankgReadOptions* const options, AseankgError* const error)
{
  return aseankg_read_path_prefixes(graph, path, syntax, options, NULL, error);
}

AseankgStatus
aseankg_read_path_prefixes(AseankgGraph* const graph, const char* const path, const char* syntax,
                           const AseankgReadOptions* const options, AseankgPrefixList* const prefixes,
                           AseankgError* const error)
{
  const int is_stdin = !strcmp(path, "-");
  if (!syntax) {
    syntax = is_stdin ? "turtle" : aseankg_syntax_from_path(path);
  }
  if (!syntax || !aseankg_syntax_is_known(syntax)) {
    return aseankg_error_set(
      error, ASEANKG_ERR_USAGE, path, 0U, 0U,
      "cannot tell the syntax; name it with -i (ntriples, nquads, turtle, trig, rdfxml)");
  }

  FILE* const stream = is_stdin ? stdin : fopen(path, "rb");
  if (!stream) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open: %s", strerror(errno));
  }

  AseankgReadOptions chosen = { 0, NULL, NULL, NULL };
  if (options) {
    chosen = *options;
  }
  chosen.quads = !strcmp(syntax, "nquads");

  AseankgStatus st = ASEANKG_SUCCESS;
  if (!strcmp(syntax, "ntriples") || !strcmp(syntax, "nquads")) {
    st = aseankg_ntriples_read_with(graph, stream, path, &chosen, error);
  } else {
    st = read_with_raptor(graph, stream, path, syntax, &chosen, prefixes, error);
  }
  if (!is_stdin) {
    fclose(stream);
  }
  return st;
}
