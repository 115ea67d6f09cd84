/* Reads any RDF syntax: N-Triples and N-Quads with the streaming reader, Turtle and TriG with serd, RDF/XML
 * with raptor behind the XML guard. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "aseankg/reader.h"

#include "array.h"
#include "buffer.h"
#include "file.h"
#include "reader_private.h"
#include "safety.h"
#include "try.h"

#include <raptor2.h>

#include <assert.h>
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
  AseankgBuffer             label;
  AseankgStatus             status;
  AseankgPrefixList*        prefixes; /* NULL: declarations are not wanted */
} RaptorReader;

AseankgTermId
aseankg_reader_blank(AseankgGraph* const graph, const AseankgReadOptions* const options,
                     AseankgBuffer* const scratch, const char* const label, const size_t length)
{
  const char* const prefix = options ? options->blank_prefix : NULL;
  aseankg_buffer_reset(scratch);
  if ((prefix && aseankg_buffer_append_string(scratch, prefix)) ||
      aseankg_buffer_append(scratch, label, length)) {
    return 0U;
  }
  return aseankg_graph_blank(graph, scratch->data, scratch->length);
}

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
    case RAPTOR_TERM_TYPE_BLANK:
      return aseankg_reader_blank(reader->graph, reader->options, &reader->label,
                                  (const char*)term->value.blank.string, term->value.blank.string_len);
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

/* Feed raptor the stream in chunks, each checked by the XML guard before raptor sees it. */
static AseankgStatus
feed_guarded(RaptorReader* const reader, FILE* const stream, raptor_uri* const base)
{
  AseankgXmlGuard guard;
  memset(&guard, 0, sizeof(guard));
  guard.path         = reader->path;
  guard.error        = reader->error;
  AseankgBuffer head = { NULL, 0U, 0U }; /* the prolog, until the guard has read it */
  AseankgStatus st   = ASEANKG_SUCCESS;
  if (raptor_parser_parse_start(reader->parser, base)) {
    TRY_CLEANUP(st, aseankg_error_set(reader->error, ASEANKG_ERR_NOMEM, reader->path, 0U, 0U,
                                      "cannot start the RDF/XML parser"));
  }
  for (int at_end = 0; !reader->status && !at_end;) {
    char         chunk[65536];
    const size_t n = fread(chunk, 1U, sizeof(chunk), stream);
    at_end         = n < sizeof(chunk);
    if (ferror(stream)) {
      TRY_CLEANUP(st, aseankg_error_set(reader->error, ASEANKG_ERR_IO, reader->path, 0U, 0U, "read error"));
    }
    const char* bytes  = chunk;
    size_t      length = n;
    if (!guard.body) {
      if ((st = aseankg_buffer_append_grow(&head, chunk, n))) { /* the prolog: a few chunks at most */
        TRY_CLEANUP(st, aseankg_error_set(reader->error, st, reader->path, 0U, 0U, "out of memory"));
      }
      TRY_CLEANUP(st, aseankg_xml_guard_prolog(&guard, head.data ? head.data : "", head.length, at_end));
      if (!guard.body) {
        continue;
      }
      bytes  = head.data ? head.data : "";
      length = head.length;
      TRY_CLEANUP(st, aseankg_xml_guard_feed(&guard, bytes + guard.prolog, length - guard.prolog));
    } else {
      TRY_CLEANUP(st, aseankg_xml_guard_feed(&guard, bytes, length));
    }
    if (raptor_parser_parse_chunk(reader->parser, (const unsigned char*)bytes, length, at_end) &&
        !reader->status) {
      reader->status =
        aseankg_error_set(reader->error, ASEANKG_ERR_SYNTAX, reader->path, 0U, 0U, "cannot parse as RDF/XML");
    }
    aseankg_buffer_release(&head);
  }
  st = reader->status;

cleanup:
  aseankg_buffer_release(&head);
  aseankg_xml_guard_release(&guard);
  return st;
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

AseankgStatus
aseankg_prefix_list_append(AseankgPrefixList* const list, const char* const name, const char* const iri)
{
  char* const   copy = strdup(name);
  char* const   ns   = strdup(iri);
  AseankgStatus st   = copy && ns ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  st                 = st ? st
                          : aseankg_array_reserve((void**)&list->prefixes, &list->capacity, list->count + 1U,
                                                  sizeof(AseankgPrefix));
  if (st) {
    free(copy);
    free(ns);
    return st;
  }
  const AseankgPrefix prefix    = { copy, ns };
  list->prefixes[list->count++] = prefix;
  return ASEANKG_SUCCESS;
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
  if (aseankg_prefix_list_append(reader->prefixes, name ? (const char*)name : "",
                                 (const char*)raptor_uri_as_string(uri))) {
    reader->status =
      aseankg_error_set(reader->error, ASEANKG_ERR_NOMEM, reader->path, 0U, 0U, "out of memory");
    raptor_parser_parse_abort(reader->parser);
  }
}

static AseankgStatus
read_with_raptor(AseankgGraph* const graph, FILE* const stream, const char* const path,
                 const char* const base_iri, const AseankgReadOptions* const options,
                 AseankgPrefixList* const prefixes, AseankgError* const error)
{
  RaptorReader reader;
  memset(&reader, 0, sizeof(reader));
  reader.prefixes = prefixes;
  reader.graph    = graph;
  reader.options  = options;
  reader.error    = error;
  reader.path     = path;

  raptor_world* const world = raptor_new_world();
  raptor_uri*         base  = NULL;
  AseankgStatus       st    = ASEANKG_SUCCESS;
  if (!world || raptor_world_open(world) || !(reader.parser = raptor_new_parser(world, "rdfxml")) ||
      !(base = raptor_new_uri(world, (const unsigned char*)base_iri))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "cannot set up the RDF/XML parser");
    goto cleanup;
  }
  if ((st = aseankg_safety_raptor_parser(reader.parser, path, error))) {
    goto cleanup;
  }

  raptor_world_set_log_handler(world, &reader, handle_log);
  raptor_parser_set_statement_handler(reader.parser, &reader, handle_statement);
  if (prefixes) {
    raptor_parser_set_namespace_handler(reader.parser, &reader, handle_namespace);
  }
  st = feed_guarded(&reader, stream, base);

cleanup:
  raptor_free_uri(base);
  raptor_free_parser(reader.parser);
  raptor_free_world(world);
  aseankg_buffer_release(&reader.label);
  return st;
}

static AseankgStatus
read_stream(AseankgGraph* const graph, FILE* const stream, const char* const path, const char* const syntax,
            const char* const base_iri, const AseankgReadOptions* const options,
            AseankgPrefixList* const prefixes, AseankgError* const error)
{
  if (!syntax || !aseankg_syntax_is_known(syntax)) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, path, 0U, 0U,
                             "unknown syntax (ntriples, nquads, turtle, trig, rdfxml)");
  }
  AseankgReadOptions chosen;
  memset(&chosen, 0, sizeof(chosen));
  if (options) {
    chosen = *options;
  }
  chosen.quads = !strcmp(syntax, "nquads");

  if (!strcmp(syntax, "ntriples") || !strcmp(syntax, "nquads")) {
    return aseankg_ntriples_read_with(graph, stream, path, &chosen, error);
  }
  char* base = NULL;
  if (!base_iri) { /* the file's own IRI */
    unsigned char* const uri = raptor_uri_filename_to_uri_string(strcmp(path, "-") ? path : "stdin");
    base                     = uri ? strdup((const char*)uri) : NULL;
    raptor_free_memory(uri);
    if (!base) {
      return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
    }
  }
  const char* const   chosen_base = base_iri ? base_iri : base;
  const AseankgStatus st          = !strcmp(syntax, "rdfxml")
                                      ? read_with_raptor(graph, stream, path, chosen_base, &chosen, prefixes, error)
                                      : aseankg_turtle_read(graph, stream, path, chosen_base, !strcmp(syntax, "trig"),
                                                            &chosen, prefixes, error);
  free(base);
  return st;
}

AseankgStatus
aseankg_read_stream(AseankgGraph* const graph, FILE* const stream, const char* const path,
                    const char* const syntax, const char* const base_iri,
                    const AseankgReadOptions* const options, AseankgError* const error)
{
  assert(graph);
  assert(stream);
  assert(path);
  return read_stream(graph, stream, path, syntax, base_iri, options, NULL, error);
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
  assert(graph);
  assert(path);
  const int is_stdin = !strcmp(path, "-");
  if (!syntax) {
    syntax = is_stdin ? "turtle" : aseankg_syntax_from_path(path);
  }
  /* Opened first, so that a missing file or a directory is named as such, whatever its name. */
  FILE* const stream = is_stdin ? stdin : aseankg_file_open(path, error);
  if (!stream) {
    return error && error->status ? error->status : ASEANKG_ERR_IO;
  }
  if (!syntax || !aseankg_syntax_is_known(syntax)) {
    if (!is_stdin) {
      fclose(stream);
    }
    return aseankg_error_set(
      error, ASEANKG_ERR_USAGE, path, 0U, 0U,
      "cannot tell the syntax from the name; name the syntax (ntriples, nquads, turtle, trig, rdfxml)");
  }

  const AseankgStatus st = read_stream(graph, stream, path, syntax, NULL, options, prefixes, error);
  if (!is_stdin) {
    fclose(stream);
  }
  return st;
}
