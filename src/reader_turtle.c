/* Turtle and TriG through serd (built to the W3C suites), every decoded value checked before it is stored. */
#include "buffer.h"
#include "iri.h"
#include "reader_private.h"
#include "safety.h"
#include "utf8.h"

#include <serd/serd.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  AseankgGraph*             graph;
  const AseankgReadOptions* options;
  AseankgError*             error;
  const char*               path;
  FILE*                     stream;
  SerdEnv*                  env;
  AseankgNestingGuard       nesting;
  AseankgBuffer             label;
  AseankgStatus             status;
  AseankgPrefixList*        prefixes;   /* NULL: declarations are not wanted */
  size_t                    n_prefixes; /* distinct prefix names declared */
} TurtleReader;

/* serd's environment finds a prefix by a linear search, so declaring n prefixes costs n^2 and each
   prefixed name up to n: past this many distinct prefixes a document is refused, which keeps reading
   linear in the input (100,000 prefixes took 28 s before this bound). */
#define MAX_PREFIXES 4096U

/* Record the first error at the position reading has reached (serd reads one byte at a time). */
static SerdStatus
fail(TurtleReader* const reader, const AseankgStatus status, const char* const message,
     const char* const term)
{
  if (!reader->status) {
    reader->status =
      aseankg_error_set(reader->error, status, reader->path, reader->nesting.line, reader->nesting.column,
                        "%s%s%.80s%s", message, term ? " '" : "", term ? term : "", term ? "'" : "");
  }
  return SERD_ERR_BAD_SYNTAX;
}

static int
is_language_tag(const char* const tag)
{
  /* Turtle LANGTAG without the '@': [a-zA-Z]+ ('-' [a-zA-Z0-9]+)* */
  size_t i = 0U;
  while ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z')) {
    ++i;
  }
  if (!i) {
    return 0;
  }
  while (tag[i] == '-') {
    const size_t start = ++i;
    while ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z') ||
           (tag[i] >= '0' && tag[i] <= '9')) {
      ++i;
    }
    if (i == start) {
      return 0;
    }
  }
  return !tag[i];
}

static int
is_valid_utf8(const uint8_t* const bytes, const size_t length)
{
  int valid = 0;
  aseankg_utf8_validate((const char*)bytes, length, &valid);
  return valid;
}

/* RFC 3986 §5.2.4: remove the "." and ".." segments of `path` (`length` bytes) in place; returns the new
 * length. serd 0.30 removes them only at the start of a relative reference. */
static size_t
remove_dot_segments(char* const path, const size_t length)
{
  size_t in  = 0U;
  size_t out = 0U;
#define REST_IS(text) (length - in == sizeof(text) - 1U && !memcmp(path + in, text, sizeof(text) - 1U))
#define REST_STARTS(text) (length - in >= sizeof(text) - 1U && !memcmp(path + in, text, sizeof(text) - 1U))
  while (in < length) {
    if (REST_STARTS("../")) {
      in += 3U;
    } else if (REST_STARTS("./") || REST_STARTS("/./")) {
      in += 2U; /* "./" goes; "/./" becomes "/" */
    } else if (REST_IS("/.")) {
      path[++in] = '/'; /* becomes "/" */
    } else if (REST_STARTS("/../") || REST_IS("/..")) {
      in += REST_IS("/..") ? 2U : 3U;
      path[in] = '/'; /* the rest starts with "/" */
      while (out && path[--out] != '/') {
      }
    } else if (REST_IS(".") || REST_IS("..")) {
      in = length;
    } else {
      do {
        path[out++] = path[in++];
      } while (in < length && path[in] != '/');
    }
  }
#undef REST_IS
#undef REST_STARTS
  return out;
}

/* Remove dot segments from the path of an absolute IRI resolved from a relative reference. */
static void
normalize_path(SerdNode* const iri)
{
  char* const  text   = (char*)iri->buf; /* serd_env_expand_node() made it: ours to change */
  const char*  colon  = strchr(text, ':');
  size_t       start  = colon ? (size_t)(colon - text) + 1U : 0U;
  const size_t length = iri->n_bytes;
  if (start + 1U < length && text[start] == '/' && text[start + 1U] == '/') {
    start += 2U + strcspn(text + start + 2U, "/?#");
  }
  const size_t end     = start + strcspn(text + start, "?#");
  const size_t new_end = start + remove_dot_segments(text + start, end - start);
  memmove(text + new_end, text + end, length - end + 1U); /* with the NUL */
  iri->n_bytes = length - (end - new_end);
  iri->n_chars = iri->n_chars - (end - new_end);
}

/* An IRI or prefixed name, resolved and checked; 0 after recording an error. */
static AseankgTermId
convert_iri(TurtleReader* const reader, const SerdNode* const node)
{
  SerdNode      expanded = serd_env_expand_node(reader->env, node);
  AseankgTermId id       = 0U;
  if (expanded.buf && node->type == SERD_URI &&
      !aseankg_iri_has_scheme((const char*)node->buf, node->n_bytes)) {
    normalize_path(&expanded);
  }
  if (!expanded.buf) {
    fail(reader, ASEANKG_ERR_SYNTAX,
         node->type == SERD_CURIE ? "undeclared prefix in" : "cannot resolve the IRI",
         (const char*)node->buf);
  } else if (!is_valid_utf8(expanded.buf, expanded.n_bytes) ||
             !aseankg_iri_is_valid((const char*)expanded.buf)) {
    fail(reader, ASEANKG_ERR_SYNTAX, "not a valid absolute IRI once its escapes are decoded", NULL);
  } else if (!(id = aseankg_graph_iri(reader->graph, (const char*)expanded.buf, expanded.n_bytes))) {
    fail(reader, ASEANKG_ERR_NOMEM, "out of memory", NULL);
  }
  serd_node_free(&expanded);
  return id;
}

static AseankgTermId
convert_blank(TurtleReader* const reader, const SerdNode* const node)
{
  const AseankgTermId id = aseankg_reader_blank(reader->graph, reader->options, &reader->label,
                                                (const char*)node->buf, node->n_bytes);
  if (!id) {
    fail(reader, ASEANKG_ERR_NOMEM, "out of memory", NULL);
  }
  return id;
}

static AseankgTermId
convert_literal(TurtleReader* const reader, const SerdNode* const node, const SerdNode* const datatype,
                const SerdNode* const language)
{
  AseankgTermId datatype_id = 0U;
  if (!is_valid_utf8(node->buf, node->n_bytes)) {
    fail(reader, ASEANKG_ERR_SYNTAX,
         "a literal is not valid UTF-8 once its escapes are decoded (a lone surrogate?)", NULL);
    return 0U;
  }
  if (language && !is_language_tag((const char*)language->buf)) {
    fail(reader, ASEANKG_ERR_SYNTAX, "not a valid language tag:", (const char*)language->buf);
    return 0U;
  }
  if (datatype && !(datatype_id = convert_iri(reader, datatype))) {
    return 0U;
  }
  const AseankgTermId id =
    aseankg_graph_literal(reader->graph, (const char*)node->buf, node->n_bytes, datatype_id,
                          language ? (const char*)language->buf : NULL, NULL);
  if (!id) {
    fail(reader, ASEANKG_ERR_NOMEM, "out of memory", NULL);
  }
  return id;
}

static AseankgTermId
convert(TurtleReader* const reader, const SerdNode* const node, const SerdNode* const datatype,
        const SerdNode* const language)
{
  switch (node->type) {
    case SERD_URI:
    case SERD_CURIE:
      return convert_iri(reader, node);
    case SERD_BLANK:
      return convert_blank(reader, node);
    case SERD_LITERAL:
      return convert_literal(reader, node, datatype, language);
    case SERD_NOTHING:
      break;
  }
  fail(reader, ASEANKG_ERR_SYNTAX, "unexpected term", NULL);
  return 0U;
}

static SerdStatus
handle_base(void* const handle, const SerdNode* const uri)
{
  TurtleReader* const reader = (TurtleReader*)handle;
  return serd_env_set_base_uri(reader->env, uri) ? fail(reader, ASEANKG_ERR_SYNTAX, "bad base IRI", NULL)
                                                 : SERD_SUCCESS;
}

static SerdStatus
handle_prefix(void* const handle, const SerdNode* const name, const SerdNode* const uri)
{
  TurtleReader* const reader = (TurtleReader*)handle;
  AseankgBuffer       known  = { NULL, 0U, 0U };
  SerdChunk           head   = { NULL, 0U };
  SerdChunk           tail   = { NULL, 0U };
  if (aseankg_buffer_append(&known, name->buf, name->n_bytes) || aseankg_buffer_append_byte(&known, ':')) {
    aseankg_buffer_release(&known);
    return fail(reader, ASEANKG_ERR_NOMEM, "out of memory", NULL);
  }
  const SerdNode as_curie = serd_node_from_substring(SERD_CURIE, (const uint8_t*)known.data, known.length);
  const int      is_new   = serd_env_expand(reader->env, &as_curie, &head, &tail) != SERD_SUCCESS;
  aseankg_buffer_release(&known);
  if (is_new && ++reader->n_prefixes > MAX_PREFIXES) {
    return fail(reader, ASEANKG_ERR_SYNTAX, "more than 4096 prefixes declared", NULL);
  }
  if (serd_env_set_prefix(reader->env, name, uri)) {
    return fail(reader, ASEANKG_ERR_SYNTAX, "bad prefix IRI", NULL);
  }
  if (!reader->prefixes) {
    return SERD_SUCCESS;
  }
  /* The namespace as the environment resolved it: the expansion of "name:" with no local part. */
  AseankgBuffer curie  = { NULL, 0U, 0U };
  AseankgBuffer iri    = { NULL, 0U, 0U };
  SerdChunk     prefix = { NULL, 0U };
  SerdChunk     suffix = { NULL, 0U };
  int           failed =
    aseankg_buffer_append(&curie, name->buf, name->n_bytes) || aseankg_buffer_append_byte(&curie, ':');
  if (!failed) {
    const SerdNode node = serd_node_from_substring(SERD_CURIE, (const uint8_t*)curie.data, curie.length);
    failed              = serd_env_expand(reader->env, &node, &prefix, &suffix) ||
             aseankg_buffer_append(&iri, prefix.buf, prefix.len) ||
             aseankg_buffer_append(&iri, suffix.buf, suffix.len) ||
             aseankg_prefix_list_append(reader->prefixes, (const char*)name->buf, iri.data ? iri.data : "");
  }
  aseankg_buffer_release(&curie);
  aseankg_buffer_release(&iri);
  return failed ? fail(reader, ASEANKG_ERR_NOMEM, "out of memory", NULL) : SERD_SUCCESS;
}

static SerdStatus
handle_statement(void* const handle, const SerdStatementFlags flags, const SerdNode* const graph,
                 const SerdNode* const subject, const SerdNode* const predicate, const SerdNode* const object,
                 const SerdNode* const datatype, const SerdNode* const language)
{
  TurtleReader* const reader = (TurtleReader*)handle;
  (void)flags;
  if (reader->status) {
    return SERD_ERR_BAD_SYNTAX;
  }
  const AseankgQuad quad = { convert(reader, subject, NULL, NULL), convert(reader, predicate, NULL, NULL),
                             convert(reader, object, datatype, language),
                             graph && !reader->status ? convert(reader, graph, NULL, NULL) : 0U };
  if (reader->status) {
    return SERD_ERR_BAD_SYNTAX;
  }
  const AseankgStatus st = reader->options->sink ? reader->options->sink(reader->options->handle, &quad)
                                                 : aseankg_graph_add(reader->graph, quad.subject,
                                                                     quad.predicate, quad.object, quad.graph);
  if (st) {
    reader->status = st; /* recorded by the sink or the graph */
    if (!reader->error->status) {
      aseankg_error_set(reader->error, st, reader->path, reader->nesting.line, reader->nesting.column,
                        "cannot store a statement");
    }
    return SERD_ERR_UNKNOWN;
  }
  return SERD_SUCCESS;
}

static SerdStatus
handle_error(void* const handle, const SerdError* const error)
{
  TurtleReader* const reader = (TurtleReader*)handle;
  if (!reader->status) {
    char    message[400];
    va_list args;
    va_copy(args, *error->args);
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
    vsnprintf(message, sizeof(message), error->fmt, args);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    va_end(args);
    const size_t n = strlen(message);
    if (n && message[n - 1U] == '\n') {
      message[n - 1U] = '\0';
    }
    reader->status = aseankg_error_set(reader->error, ASEANKG_ERR_SYNTAX, reader->path,
                                       error->line ? error->line : 1U, error->col + 1U, "%s", message);
  }
  return SERD_SUCCESS;
}

/* serd's byte source: the stream, with the nesting counted before serd sees each byte. */
static size_t
read_source(void* const buffer, const size_t size, const size_t count, void* const handle)
{
  TurtleReader* const reader = (TurtleReader*)handle;
  if (reader->status) {
    return 0U;
  }
  const size_t n = fread(buffer, size, count, reader->stream);
  if (aseankg_nesting_guard_feed(&reader->nesting, (const char*)buffer, n * size)) {
    reader->status =
      aseankg_error_set(reader->error, ASEANKG_ERR_SYNTAX, reader->path, reader->nesting.line,
                        reader->nesting.column, "brackets nested deeper than %u levels", ASEANKG_MAX_NESTING);
    return 0U;
  }
  return n;
}

static int
source_error(void* const handle)
{
  const TurtleReader* const reader = (const TurtleReader*)handle;
  return reader->status || ferror(reader->stream);
}

AseankgStatus
aseankg_turtle_read(AseankgGraph* const graph, FILE* const stream, const char* const path,
                    const char* const base_iri, const int trig, const AseankgReadOptions* const options,
                    AseankgPrefixList* const prefixes, AseankgError* const error)
{
  TurtleReader reader;
  memset(&reader, 0, sizeof(reader));
  reader.prefixes       = prefixes;
  reader.graph          = graph;
  reader.options        = options;
  reader.error          = error;
  reader.path           = path;
  reader.stream         = stream;
  reader.nesting.line   = 1U;
  reader.nesting.column = 1U;

  const SerdNode base    = serd_node_from_string(SERD_URI, (const uint8_t*)base_iri);
  reader.env             = serd_env_new(&base);
  SerdReader* const serd = reader.env ? serd_reader_new(trig ? SERD_TRIG : SERD_TURTLE, &reader, NULL,
                                                        handle_base, handle_prefix, handle_statement, NULL)
                                      : NULL;
  if (!serd) {
    serd_env_free(reader.env);
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "cannot set up the %s reader",
                             trig ? "TriG" : "Turtle");
  }
  serd_reader_set_strict(serd, true);
  serd_reader_set_error_sink(serd, handle_error, &reader);
  /* One byte at a time, so that errors found in a statement point at where reading stands. */
  const SerdStatus st =
    serd_reader_read_source(serd, read_source, source_error, &reader, (const uint8_t*)path, 1U);
  if (st > SERD_FAILURE && !reader.status) {
    reader.status = aseankg_error_set(error, ferror(stream) ? ASEANKG_ERR_IO : ASEANKG_ERR_SYNTAX, path,
                                      reader.nesting.line, reader.nesting.column, "%s",
                                      ferror(stream) ? "read error" : (const char*)serd_strerror(st));
  }
  serd_reader_free(serd);
  serd_env_free(reader.env);
  aseankg_buffer_release(&reader.label);
  return reader.status;
}
