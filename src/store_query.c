/* SPARQL over the store: a rasqal triples source reading the indexes, and exact results writers. */
#include "store_query.h"
#include "try.h"

#include "aseankg/writer.h"

#include "aseankg/ntriples.h"
#include "aseankg/turtle.h"

#include "buffer.h"
#include "table.h"
#include "utf8.h"
#include "writers.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* --- terms between the store and rasqal ------------------------------------------------------------ */

static int
hex_value(const char c)
{
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                : -1;
}

static void
append_utf8(AseankgBuffer* const out, const unsigned long c)
{
  char   bytes[4];
  size_t n = 0U;
  if (c < 0x80UL) {
    bytes[n++] = (char)c;
  } else if (c < 0x800UL) {
    bytes[n++] = (char)(0xC0UL | (c >> 6U));
    bytes[n++] = (char)(0x80UL | (c & 0x3FUL));
  } else if (c < 0x10000UL) {
    bytes[n++] = (char)(0xE0UL | (c >> 12U));
    bytes[n++] = (char)(0x80UL | ((c >> 6U) & 0x3FUL));
    bytes[n++] = (char)(0x80UL | (c & 0x3FUL));
  } else {
    bytes[n++] = (char)(0xF0UL | (c >> 18U));
    bytes[n++] = (char)(0x80UL | ((c >> 12U) & 0x3FUL));
    bytes[n++] = (char)(0x80UL | ((c >> 6U) & 0x3FUL));
    bytes[n++] = (char)(0x80UL | (c & 0x3FUL));
  }
  aseankg_buffer_append(out, bytes, n);
}

int
aseankg_store__decode(const char* const key, const size_t length, StoreTermView* const view)
{
  memset(&view->kind, 0, sizeof(*view) - sizeof(view->value));
  aseankg_buffer_reset(&view->value);
  if (length >= 2U && key[0] == '<' && key[1] != '<' && key[length - 1U] == '>') {
    view->kind = ASEANKG_TERM_IRI;
    aseankg_buffer_append(&view->value, key + 1, length - 2U);
    return 0;
  }
  if (length >= 3U && key[0] == '_' && key[1] == ':') {
    view->kind = ASEANKG_TERM_BLANK;
    aseankg_buffer_append(&view->value, key + 2, length - 2U);
    return 0;
  }
  if (length < 2U || key[0] != '"') {
    return -1; /* an RDF 1.2 triple term, or damage */
  }
  size_t i = 1U;
  for (; i < length && key[i] != '"'; ++i) {
    if (key[i] != '\\') {
      aseankg_buffer_append(&view->value, key + i, 1U);
      continue;
    }
    if (++i >= length) {
      return -1;
    }
    const char* const simple = strchr("b\bt\tn\nf\fr\r\"\"\\\\", key[i]);
    if (key[i] == 'u' || key[i] == 'U') {
      const size_t  digits = key[i] == 'u' ? 4U : 8U;
      unsigned long c      = 0UL;
      for (size_t d = 1U; d <= digits; ++d) {
        const int h = i + d < length ? hex_value(key[i + d]) : -1;
        if (h < 0) {
          return -1;
        }
        c = c * 16UL + (unsigned long)h;
      }
      append_utf8(&view->value, c);
      i += digits;
    } else if (simple && ((size_t)(simple - "b\bt\tn\nf\fr\r\"\"\\\\") % 2U) == 0U) {
      aseankg_buffer_append(&view->value, simple + 1, 1U);
    } else {
      return -1;
    }
  }
  if (i >= length) {
    return -1;
  }
  view->kind = ASEANKG_TERM_LITERAL;
  ++i; /* past the closing quote */
  if (i < length && key[i] == '@') {
    view->language        = key + i + 1;
    view->language_length = length - i - 1U;
  } else if (i + 4U < length && key[i] == '^' && key[i + 1U] == '^' && key[i + 2U] == '<' &&
             key[length - 1U] == '>') {
    view->datatype        = key + i + 3U;
    view->datatype_length = length - i - 4U;
  } else if (i != length) {
    return -1;
  }
  return 0;
}

rasqal_literal*
aseankg_store__to_rasqal(rasqal_world* const world, const StoreTermView* const view)
{
  raptor_world* const raptor = rasqal_world_get_raptor(world);
  const size_t        n      = view->value.length;
  unsigned char*      copy   = (unsigned char*)malloc(n + 1U);
  if (!copy) {
    return NULL;
  }
  if (n) {
    memcpy(copy, view->value.data, n);
  }
  copy[n] = '\0';
  if (view->kind == ASEANKG_TERM_IRI) {
    raptor_uri* const uri = raptor_new_uri_from_counted_string(raptor, copy, n);
    free(copy);
    return uri ? rasqal_new_uri_literal(world, uri) : NULL;
  }
  /* rasqal_new_simple_literal() and rasqal_new_string_literal() take ownership of their strings (freed
   * with the literal, or at once on failure) although rasqal declares them const; the analyzer cannot
   * see that, hence the NOLINTs below. */
  if (view->kind == ASEANKG_TERM_BLANK) {
    return rasqal_new_simple_literal(world, RASQAL_LITERAL_BLANK, copy); // NOLINT(clang-analyzer-unix.Malloc)
  }
  char* language = NULL;
  if (view->language) {
    language = (char*)malloc(view->language_length + 1U);
    if (!language) {
      free(copy);
      return NULL;
    }
    memcpy(language, view->language, view->language_length);
    language[view->language_length] = '\0';
  }
  raptor_uri* const datatype =
    view->datatype ? raptor_new_uri_from_counted_string(raptor, (const unsigned char*)view->datatype,
                                                        view->datatype_length)
                   : NULL;
  if (view->datatype && !datatype) {
    free(language);
    free(copy);
    return NULL;
  }
  // NOLINTBEGIN(clang-analyzer-unix.Malloc)
  return rasqal_new_string_literal(world, copy, language, datatype, NULL);
  // NOLINTEND(clang-analyzer-unix.Malloc)
}

/* The canonical key of a rasqal value, interned in `scratch`; 0 if it cannot be one (or out of memory). */
AseankgTermId
aseankg_store__from_rasqal(AseankgGraph* const scratch, rasqal_literal* const literal)
{
  size_t               length = 0U;
  const unsigned char* text   = NULL;
  switch (literal->type) {
    case RASQAL_LITERAL_URI:
      text = raptor_uri_as_counted_string(literal->value.uri, &length);
      return aseankg_graph_iri(scratch, (const char*)text, length);
    case RASQAL_LITERAL_BLANK:
      return aseankg_graph_blank(scratch, (const char*)literal->string, literal->string_len);
    case RASQAL_LITERAL_VARIABLE:
    case RASQAL_LITERAL_PATTERN:
    case RASQAL_LITERAL_QNAME:
    case RASQAL_LITERAL_UNKNOWN:
      return 0U;
    default:
      break;
  }
  text                       = rasqal_literal_as_counted_string(literal, &length, 0, NULL);
  raptor_uri* const datatype = rasqal_literal_datatype(literal);
  AseankgTermId     type     = 0U;
  if (datatype && !literal->language) {
    size_t               n       = 0U;
    const unsigned char* dt_text = raptor_uri_as_counted_string(datatype, &n);
    type                         = aseankg_graph_iri(scratch, (const char*)dt_text, n);
    if (!type) {
      return 0U;
    }
  }
  return text ? aseankg_graph_literal(scratch, (const char*)text, length, type, literal->language, NULL) : 0U;
}

/* --- the triples source ---------------------------------------------------------------------------- */

typedef struct {
  StoreQuery* query;
  StoreScan   scan;
  unsigned    bound;
  int         any_graph;  /* G unbound: filter by the graph set below, or every named graph */
  int         named_only; /* G unbound and bound to a variable: every named graph of the dataset */
  int         dedupe;     /* the default graph is a merge: each triple once */
  uint64_t    last[3];
  int         have_last;
  int         repeats[4]; /* position of the earlier occurrence of the same variable, or -1 */
  int         end;
} Match;

static int
graph_in(const uint64_t* const set, const size_t n, const uint64_t g)
{
  for (size_t i = 0U; i < n; ++i) {
    if (set[i] == g) {
      return 1;
    }
  }
  return 0;
}

static int
accept(Match* const match)
{
  const uint64_t* const quad  = match->scan.quad;
  const StoreQuery*     query = match->query;
  for (unsigned i = 0U; i < 4U; ++i) {
    if (match->repeats[i] >= 0 && quad[i] != quad[match->repeats[i]]) {
      return 0;
    }
  }
  if (match->named_only) {
    if (!quad[STORE_G] ||
        (query->explicit_dataset && !graph_in(query->named, query->n_named, quad[STORE_G]))) {
      return 0;
    }
  } else if (match->any_graph && query->explicit_dataset &&
             !graph_in(query->from, query->n_from, quad[STORE_G])) {
    return 0;
  }
  if (match->dedupe) {
    if (match->have_last && !memcmp(match->last, quad, sizeof(match->last))) {
      return 0;
    }
    memcpy(match->last, quad, sizeof(match->last));
    match->have_last = 1;
  }
  return 1;
}

static void
advance(Match* const match)
{
  while (!match->end) {
    const int more = aseankg_store__scan_next(&match->scan);
    if (more < 0) {
      aseankg_error_set(match->query->error, ASEANKG_ERR_DATA, match->query->store->path, 0U, 0U,
                        "the store is damaged (an index entry is malformed)");
    }
    if (more <= 0) {
      match->end = 1;
    } else if (accept(match)) {
      return;
    }
  }
}

/*
   Bind the current quad to the variables this pattern binds. rasqal asks for `parts`, the positions its
   plan says this pattern binds; a position whose variable already had a value when the match began (a
   join's outer side) was matched as a constant, so it is satisfied without a new binding. rasqal reads a
   0 as "this quad does not match", so every quad the scan accepted answers all of `parts`.
*/
static rasqal_triple_parts
bind_match(rasqal_triples_match* const rtm, void* const user_data, rasqal_variable* bindings[4],
           const rasqal_triple_parts parts)
{
  (void)user_data;
  Match* const      match = (Match*)rtm->user_data;
  StoreQuery* const query = match->query;
  for (unsigned i = 0U; i < 4U; ++i) {
    if (!(parts & (1U << i)) || !bindings[i]) {
      continue;
    }
    rasqal_literal* const value = query->placeholder ? rasqal_new_literal_from_literal(query->placeholder)
                                                     : aseankg_store__value(query, match->scan.quad[i]);
    if (!value) {
      match->end = 1; /* the error is recorded; stop rather than answer part of the query */
      return RASQAL_TRIPLE_NONE;
    }
    rasqal_variable_set_value(bindings[i], value);
  }
  return parts;
}

static void
next_match(rasqal_triples_match* const rtm, void* const user_data)
{
  (void)user_data;
  advance((Match*)rtm->user_data);
}

static int
is_end(rasqal_triples_match* const rtm, void* const user_data)
{
  (void)user_data;
  return ((Match*)rtm->user_data)->end;
}

static void
finish(rasqal_triples_match* const rtm, void* const user_data)
{
  (void)user_data;
  Match* const match = (Match*)rtm->user_data;
  if (match) {
    aseankg_store__scan_close(&match->scan);
    free(match);
  }
  rtm->user_data = NULL;
}

/*
   A pattern part: its store id if constant (0 when the store lacks it), or the unbound variable. A
   variable this pattern binds (`binds`: rasqal's plan says so in the triple's meta parts) is unbound
   here whatever value it holds, since that value is left from another pattern (a subquery's, a UNION
   branch's); a variable another pattern binds holds that pattern's current value, a constant here.
*/
static int
resolve(StoreQuery* const query, rasqal_literal* literal, const int binds, uint64_t* const id,
        rasqal_variable** const variable)
{
  *variable = NULL;
  *id       = 0U;
  if (literal && literal->type == RASQAL_LITERAL_VARIABLE) {
    rasqal_variable* const v = literal->value.variable;
    if (binds && v->value) {
      rasqal_variable_set_value(v, NULL);
    }
    if (!v->value) {
      *variable = v;
      return 0;
    }
    literal = v->value;
  }
  if (!literal) {
    return 0;
  }
  const AseankgTermId term = aseankg_store__from_rasqal(query->scratch, literal);
  if (term) {
    const AseankgTerm* const t = aseankg_graph_term(query->scratch, term);
    if (aseankg_store__lookup(query->store, t->key, t->key_length, id, query->error)) {
      return -1;
    }
  }
  return 0;
}

/* Set up `match` for triple `t`: the index scan, the graph rule, the repeated-variable checks. */
static int
plan(StoreQuery* const query, Match* const match, rasqal_triple_meta* const meta, rasqal_triple* const t)
{
  rasqal_literal* const parts[4] = { t->subject, t->predicate, t->object, t->origin };
  rasqal_variable*      vars[4];
  uint64_t              pattern[4] = { 0U, 0U, 0U, 0U };
  match->query                     = query;
  for (unsigned i = 0U; i < 4U; ++i) {
    match->repeats[i] = -1;
    const int binds   = meta && (meta->parts & (1U << i));
    if (resolve(query, parts[i], binds, &pattern[i], &vars[i])) {
      return -1;
    }
    if (vars[i]) {
      for (unsigned j = 0U; j < i; ++j) {
        match->repeats[i] = vars[j] == vars[i] ? (int)j : match->repeats[i];
      }
      if (meta) { /* the variables this pattern binds: each once, at its first position */
        meta->bindings[i] = match->repeats[i] < 0 ? vars[i] : NULL;
      }
    } else if (parts[i]) {
      match->bound |= STORE_BOUND(i);
      match->end |= !pattern[i]; /* a constant the store does not hold matches nothing */
    }
  }
  if (!parts[STORE_G]) { /* the default graph */
    if (query->with_graph && !query->explicit_dataset) {
      pattern[STORE_G] = query->with_graph;
      match->bound |= STORE_BOUND(STORE_G);
    } else if (query->explicit_dataset) {
      if (query->n_from == 1U) {
        pattern[STORE_G] = query->from[0];
        match->bound |= STORE_BOUND(STORE_G);
      } else {
        match->any_graph = 1;
        match->dedupe    = 1;
        match->end |= !query->n_from;
      }
    } else if (query->default_graph == ASEANKG_STORE_UNION) {
      match->any_graph = 1;
      match->dedupe    = 1;
    } else {
      match->bound |= STORE_BOUND(STORE_G); /* graph 0 */
    }
  } else if (vars[STORE_G]) {
    match->named_only = 1;
  }
  if (match->end) {
    return 0;
  }
  if (aseankg_store__scan_open(query->store, &match->scan, pattern, match->bound, query->error)) {
    return -1;
  }
  advance(match);
  return 0;
}

static int
init_triples_match(rasqal_triples_match* const rtm, rasqal_triples_source* const rts, void* const user_data,
                   rasqal_triple_meta* const meta, rasqal_triple* const t)
{
  (void)rts;
  (void)meta;
  StoreQuery* const query = *(StoreQuery**)user_data;
  Match* const      match = (Match*)calloc(1U, sizeof(Match));
  if (!match) {
    return 1;
  }
  rtm->user_data  = match;
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end     = is_end;
  rtm->finish     = finish;
  if (plan(query, match, meta, t)) {
    match->end = 1;
    return 1;
  }
  return 0;
}

static int
triple_present(rasqal_triples_source* const rts, void* const user_data, rasqal_triple* const t)
{
  rasqal_triples_match rtm;
  memset(&rtm, 0, sizeof(rtm));
  if (init_triples_match(&rtm, rts, user_data, NULL, t)) {
    finish(&rtm, user_data);
    return 0;
  }
  const int present = !((Match*)rtm.user_data)->end;
  finish(&rtm, user_data);
  return present;
}

static void
free_triples_source(void* const user_data)
{
  (void)user_data;
}

static int
new_triples_source(rasqal_query* const rq, void* const factory_user_data, void* const user_data,
                   rasqal_triples_source* const rts)
{
  (void)rq;
  *(StoreQuery**)user_data = (StoreQuery*)factory_user_data;
  rts->version             = 1;
  rts->init_triples_match  = init_triples_match;
  rts->triple_present      = triple_present;
  rts->free_triples_source = free_triples_source;
  return 0;
}

static int
register_factory(rasqal_triples_source_factory* const factory)
{
  factory->version            = 1;
  factory->user_data_size     = sizeof(StoreQuery*);
  factory->new_triples_source = new_triples_source;
  return 0;
}

/* --- the query's dataset ---------------------------------------------------------------------------- */

static AseankgStatus
graph_id(StoreQuery* const query, raptor_uri* const uri, uint64_t* const id)
{
  size_t                     n    = 0U;
  const unsigned char* const text = raptor_uri_as_counted_string(uri, &n);
  const AseankgTermId        term = aseankg_graph_iri(query->scratch, (const char*)text, n);
  if (!term) {
    return aseankg_error_set(query->error, ASEANKG_ERR_NOMEM, query->label, 0U, 0U, "out of memory");
  }
  const AseankgTerm* const t = aseankg_graph_term(query->scratch, term);
  return aseankg_store__lookup(query->store, t->key, t->key_length, id, query->error);
}

static AseankgStatus
push_id(uint64_t** const list, size_t* const n, const uint64_t id)
{
  uint64_t* const grown = (uint64_t*)realloc(*list, (*n + 1U) * sizeof(uint64_t));
  if (!grown) {
    return ASEANKG_ERR_NOMEM;
  }
  *list           = grown;
  (*list)[(*n)++] = id;
  return ASEANKG_SUCCESS;
}

/* FROM and FROM NAMED (or USING): the store ids they name; without them, every named graph as NAMED. */
static AseankgStatus
prepare_dataset(StoreQuery* const query, rasqal_query* const rq)
{
  AseankgStatus      st = ASEANKG_SUCCESS;
  rasqal_data_graph* dg = NULL;
  for (int i = 0; !st && (dg = rasqal_query_get_data_graph(rq, i)) != NULL; ++i) {
    uint64_t id             = 0U;
    query->explicit_dataset = 1;
    st = graph_id(query, dg->flags == RASQAL_DATA_GRAPH_NAMED && dg->name_uri ? dg->name_uri : dg->uri, &id);
    if (!st && id) {
      st = dg->flags == RASQAL_DATA_GRAPH_NAMED ? push_id(&query->named, &query->n_named, id)
                                                : push_id(&query->from, &query->n_from, id);
    }
  }
  if (st || query->explicit_dataset) {
    return st;
  }
  uint64_t* graphs           = NULL;
  size_t    n                = 0U;
  st                         = aseankg_store__named_graphs(query->store, &graphs, &n, query->error);
  raptor_world* const raptor = rasqal_world_get_raptor(query->world);
  for (size_t i = 0U; !st && i < n; ++i) {
    const char* key    = NULL;
    size_t      length = 0U;
    st                 = aseankg_store__term(query->store, graphs[i], &key, &length, query->error);
    if (st) {
      break;
    }
    raptor_uri* const uri =
      raptor_new_uri_from_counted_string(raptor, (const unsigned char*)key + 1, length - 2U);
    raptor_uri* const        name = uri ? raptor_uri_copy(uri) : NULL;
    rasqal_data_graph* const graph =
      name
        ? rasqal_new_data_graph_from_uri(query->world, uri, name, RASQAL_DATA_GRAPH_NAMED, NULL, NULL, NULL)
        : NULL;
    if (uri) {
      raptor_free_uri(uri);
    }
    if (name) {
      raptor_free_uri(name);
    }
    if (!graph || rasqal_query_add_data_graph(rq, graph)) {
      st = aseankg_error_set(query->error, ASEANKG_ERR_NOMEM, query->label, 0U, 0U, "out of memory");
    }
  }
  free(graphs);
  return st;
}

rasqal_literal*
aseankg_store__value(StoreQuery* const query, const uint64_t id)
{
  const size_t slot = (size_t)((id * 0x9E3779B97F4A7C15ULL) >> 52U) & (STORE_VALUE_CACHE - 1U);
  if (query->cache_ids[slot] == id && query->cache_values[slot]) {
    return rasqal_new_literal_from_literal(query->cache_values[slot]);
  }
  const char* key    = NULL;
  size_t      length = 0U;
  if (aseankg_store__term_near(query->store, &query->terms, id, &key, &length, query->error)) {
    return NULL;
  }
  if (aseankg_store__decode(key, length, &query->view)) {
    aseankg_error_set(query->error, ASEANKG_ERR_DATA, query->store->path, 0U, 0U,
                      "term %llu cannot be a SPARQL 1.1 value (an RDF 1.2 triple term, or damage)",
                      (unsigned long long)id);
    return NULL;
  }
  rasqal_literal* const literal = aseankg_store__to_rasqal(query->world, &query->view);
  if (!literal) {
    aseankg_error_set(query->error, ASEANKG_ERR_NOMEM, query->label, 0U, 0U, "out of memory");
    return NULL;
  }
  if (query->cache_values[slot]) {
    rasqal_free_literal(query->cache_values[slot]);
  }
  query->cache_ids[slot]    = id;
  query->cache_values[slot] = rasqal_new_literal_from_literal(literal);
  return literal;
}

/* rasqal's messages become the call's error: the first one, with its position. */
static void
log_handler(void* const user_data, raptor_log_message* const message)
{
  StoreQuery* const query = (StoreQuery*)user_data;
  if (message->level >= RAPTOR_LOG_LEVEL_ERROR) {
    const int line   = message->locator ? message->locator->line : -1;
    const int column = message->locator ? message->locator->column : -1;
    /* bison's "memory exhausted" is its parse stack (10,000 states) filling up, not the process's memory */
    const int stack = message->text && !strcmp(message->text, "memory exhausted");
    aseankg_error_set(
      query->error, ASEANKG_ERR_SYNTAX, query->label, line > 0 ? (unsigned)line : 1U,
      column > 0 ? (unsigned)column : 1U, "%s",
      stack           ? "too large for rasqal's parser, whose stack is full (memory exhausted): "
                        "one group holds at most about 4,500 triple patterns, and groups nest at most about "
                        "4,800 deep"
      : message->text ? message->text
                      : "error");
  }
}

AseankgStatus
aseankg_store__query_start(StoreQuery* const query, AseankgStore* const store,
                           const AseankgStoreDefaultGraph default_graph, const char* const label,
                           AseankgError* const error)
{
  memset(query, 0, sizeof(*query));
  query->store         = store;
  query->default_graph = default_graph;
  query->error         = error;
  query->label         = label;
  query->scratch       = aseankg_graph_new();
  query->world         = rasqal_new_world();
  if (!query->scratch || !query->world || rasqal_world_open(query->world)) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, label, 0U, 0U, "cannot start rasqal");
  }
  rasqal_world_set_log_handler(query->world, query, log_handler);
  rasqal_set_triples_source_factory(query->world, register_factory, query);
  return aseankg_store__read_begin(store, error);
}

AseankgStatus
aseankg_store__query_prepare(StoreQuery* const query, rasqal_query* const rq, const char* const text)
{
  const int failed = rasqal_query_prepare(rq, (const unsigned char*)text, NULL);
  if (failed) {
    return query->error && query->error->status
             ? query->error->status
             : aseankg_error_set(query->error, ASEANKG_ERR_SYNTAX, query->label, 1U, 1U,
                                 "cannot parse the query");
  }
  free(query->from);
  free(query->named);
  query->from             = NULL;
  query->named            = NULL;
  query->n_from           = 0U;
  query->n_named          = 0U;
  query->explicit_dataset = 0;
  return prepare_dataset(query, rq);
}

void
aseankg_store__query_finish(StoreQuery* const query)
{
  if (query->terms) {
    mdb_cursor_close(query->terms);
  }
  if (query->store) { /* NULL when aseankg_store__query_start() was never called */
    aseankg_store__read_end(query->store);
  }
  for (size_t i = 0U; i < STORE_VALUE_CACHE; ++i) {
    if (query->cache_values[i]) {
      rasqal_free_literal(query->cache_values[i]);
    }
  }
  if (query->placeholder) {
    rasqal_free_literal(query->placeholder);
  }
  if (query->world) {
    rasqal_free_world(query->world);
  }
  aseankg_graph_free(query->scratch);
  aseankg_buffer_release(&query->view.value);
  free(query->from);
  free(query->named);
  memset(query, 0, sizeof(*query));
}

/* --- results ---------------------------------------------------------------------------------------- */

/* A result value as a view: kind, text, language, datatype. Returns 0, or -1 for an unbound value. */
static int
view_of(rasqal_literal* const literal, StoreTermView* const view)
{
  memset(&view->kind, 0, sizeof(*view) - sizeof(view->value));
  aseankg_buffer_reset(&view->value);
  if (!literal) {
    return -1;
  }
  size_t               length = 0U;
  const unsigned char* text   = NULL;
  if (literal->type == RASQAL_LITERAL_URI) {
    view->kind = ASEANKG_TERM_IRI;
    text       = raptor_uri_as_counted_string(literal->value.uri, &length);
  } else if (literal->type == RASQAL_LITERAL_BLANK) {
    view->kind = ASEANKG_TERM_BLANK;
    text       = literal->string;
    length     = literal->string_len;
  } else {
    view->kind                 = ASEANKG_TERM_LITERAL;
    text                       = rasqal_literal_as_counted_string(literal, &length, 0, NULL);
    raptor_uri* const datatype = rasqal_literal_datatype(literal);
    if (literal->language) {
      view->language        = literal->language;
      view->language_length = strlen(literal->language);
    } else if (datatype) {
      size_t               n = 0U;
      const unsigned char* d = raptor_uri_as_counted_string(datatype, &n);
      if (strcmp((const char*)d, "http://www.w3.org/2001/XMLSchema#string")) {
        view->datatype        = (const char*)d;
        view->datatype_length = n;
      }
    }
  }
  aseankg_buffer_append(&view->value, text ? (const char*)text : "", text ? length : 0U);
  return 0;
}

/* A value in the results that the format cannot carry is an error about the query that selected it. */
static AseankgStatus
json_string(const StoreQuery* const query, AseankgBuffer* const out, const char* const text, const size_t n)
{
  aseankg_buffer_append_byte(out, '"');
  for (size_t i = 0U; i < n;) {
    uint32_t     c = 0U;
    const size_t k = aseankg_utf8_decode(text + i, n - i, &c);
    if (!k) {
      return aseankg_error_set(query->error, ASEANKG_ERR_DATA, query->label, 0U, 0U,
                               "a value in the results is not valid UTF-8");
    }
    if (c == '"' || c == '\\') {
      aseankg_buffer_printf(out, "\\%c", (char)c);
    } else if (c == '\n') {
      aseankg_buffer_append_string(out, "\\n");
    } else if (c == '\r') {
      aseankg_buffer_append_string(out, "\\r");
    } else if (c == '\t') {
      aseankg_buffer_append_string(out, "\\t");
    } else if (c < 0x20UL || c == 0x7FUL) {
      aseankg_buffer_printf(out, "\\u%04lX", (unsigned long)c);
    } else if (c >= 0x10000UL) { /* RFC 8259 section 7: a UTF-16 surrogate pair */
      const unsigned long v = (unsigned long)c - 0x10000UL;
      aseankg_buffer_printf(out, "\\u%04lX\\u%04lX", 0xD800UL + (v >> 10U), 0xDC00UL + (v & 0x3FFUL));
    } else {
      aseankg_buffer_append(out, text + i, k);
    }
    i += k;
  }
  return aseankg_buffer_append_byte(out, '"');
}

static AseankgStatus
xml_text(const StoreQuery* const query, AseankgBuffer* const out, const char* const text, const size_t n)
{
  for (size_t i = 0U; i < n;) {
    uint32_t     c       = 0U;
    const size_t k       = aseankg_utf8_decode(text + i, n - i, &c);
    const int    allowed = k && (c == 0x9UL || c == 0xAUL || c == 0xDUL || (c >= 0x20UL && c <= 0xD7FFUL) ||
                              (c >= 0xE000UL && c <= 0xFFFDUL) || c >= 0x10000UL);
    if (!allowed) {
      return aseankg_error_set(
        query->error, ASEANKG_ERR_DATA, query->label, 0U, 0U,
        k ? "a value in the results holds U+%04lX, which XML 1.0 cannot carry; use another results format"
          : "a value in the results is not valid UTF-8%.0lu",
        (unsigned long)c);
    }
    if (c == '<') {
      aseankg_buffer_append_string(out, "&lt;");
    } else if (c == '>') {
      aseankg_buffer_append_string(out, "&gt;");
    } else if (c == '&') {
      aseankg_buffer_append_string(out, "&amp;");
    } else if (c == '"') {
      aseankg_buffer_append_string(out, "&quot;");
    } else if (c == '\r') {
      aseankg_buffer_append_string(out, "&#13;");
    } else {
      aseankg_buffer_append(out, text + i, k);
    }
    i += k;
  }
  return ASEANKG_SUCCESS;
}

/* A value in N-Triples form (the TSV results format's cells). */
static AseankgStatus
ntriples_value(AseankgGraph* const scratch, AseankgBuffer* const out, const StoreTermView* const view)
{
  AseankgTermId id = 0U;
  if (view->kind == ASEANKG_TERM_IRI) {
    id = aseankg_graph_iri(scratch, view->value.data ? view->value.data : "", view->value.length);
  } else if (view->kind == ASEANKG_TERM_BLANK) {
    id = aseankg_graph_blank(scratch, view->value.data ? view->value.data : "", view->value.length);
  } else {
    char language[128] = { 0 };
    if (view->language) {
      snprintf(language, sizeof(language), "%.*s", (int)view->language_length, view->language);
    }
    const AseankgTermId type =
      view->datatype ? aseankg_graph_iri(scratch, view->datatype, view->datatype_length) : 0U;
    id = aseankg_graph_literal(scratch, view->value.data ? view->value.data : "", view->value.length, type,
                               view->language ? language : NULL, NULL);
  }
  if (!id) {
    return ASEANKG_ERR_NOMEM;
  }
  const AseankgTerm* const term = aseankg_graph_term(scratch, id);
  return aseankg_buffer_append(out, term->key, term->key_length);
}

static void
csv_field(AseankgBuffer* const out, const char* const text, const size_t n)
{
  int quote = 0;
  for (size_t i = 0U; i < n; ++i) {
    quote |= text[i] == ',' || text[i] == '"' || text[i] == '\n' || text[i] == '\r';
  }
  if (!quote) {
    aseankg_buffer_append(out, text, n);
    return;
  }
  aseankg_buffer_append_byte(out, '"');
  for (size_t i = 0U; i < n; ++i) {
    aseankg_buffer_append(out, text[i] == '"' ? "\"\"" : text + i, text[i] == '"' ? 2U : 1U);
  }
  aseankg_buffer_append_byte(out, '"');
}

/* The buffer to the caller's stream once it holds `threshold` bytes (0: all of it); a failed write is
   recorded as every writer records one, naming the parameter "stream". */
static AseankgStatus
spill(const StoreQuery* const query, AseankgBuffer* const out, FILE* const stream, const size_t threshold)
{
  const AseankgStatus st = aseankg_buffer_spill(out, stream, threshold);
  return st ? aseankg_write_failed(query->error, st, NULL) : ASEANKG_SUCCESS;
}

typedef enum { FORMAT_TABLE = 0, FORMAT_CSV, FORMAT_TSV, FORMAT_JSON, FORMAT_XML, FORMAT_NTRIPLES } Format;

/*
   The names of the result columns: the query's projection, in order. rasqal counts the columns of a
   results set only once it has a row, so an empty answer would otherwise lose its header; and a count
   that disagrees with the projection means rasqal's evaluation went wrong without saying so, which must
   never pass as an answer.
*/
static AseankgStatus
result_columns(StoreQuery* const query, rasqal_query_results* const results, const char*** const names,
               int* const columns)
{
  raptor_sequence* const projection =
    rasqal_query_get_bound_variable_sequence(rasqal_query_results_get_query(results));
  const int n     = projection ? raptor_sequence_size(projection) : 0;
  const int count = rasqal_query_results_get_bindings_count(results);
  if (count < 0 || (count != n && !(count == 0 && rasqal_query_results_finished(results)))) {
    return aseankg_error_set(query->error, ASEANKG_ERR_DATA, query->label, 0U, 0U,
                             "the query's evaluation failed (rasqal answered %d columns for %d variables)",
                             count, n);
  }
  *columns = n;
  *names   = n ? (const char**)calloc((size_t)n, sizeof(const char*)) : NULL;
  if (n && !*names) {
    return aseankg_error_set(query->error, ASEANKG_ERR_NOMEM, query->label, 0U, 0U, "out of memory");
  }
  for (int c = 0; c < n; ++c) {
    const rasqal_variable* const v = (const rasqal_variable*)raptor_sequence_get_at(projection, c);
    (*names)[c]                    = v && v->name ? (const char*)v->name : "";
  }
  return ASEANKG_SUCCESS;
}

static AseankgStatus
write_head(AseankgBuffer* const out, const Format format, const char* const* const names, const int columns)
{
  if (format == FORMAT_JSON) {
    aseankg_buffer_append_string(out, "{\"head\":{\"vars\":[");
  } else if (format == FORMAT_XML) {
    aseankg_buffer_append_string(
      out, "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n<head>\n");
  }
  for (int c = 0; c < columns; ++c) {
    const char* const name = names[c];
    const size_t      n    = strlen(name);
    if (format == FORMAT_JSON) {
      aseankg_buffer_append_string(out, c ? ",\"" : "\"");
      aseankg_buffer_append(out, name, n);
      aseankg_buffer_append_byte(out, '"');
    } else if (format == FORMAT_XML) {
      aseankg_buffer_printf(out, "  <variable name=\"%s\"/>\n", name);
    } else if (format == FORMAT_CSV) {
      aseankg_buffer_append_string(out, c ? "," : "");
      aseankg_buffer_append(out, name, n);
    } else {
      aseankg_buffer_printf(out, "%s?%s", c ? "\t" : "", name);
    }
  }
  if (format == FORMAT_JSON) {
    return aseankg_buffer_append_string(out, "]},\"results\":{\"bindings\":[");
  }
  if (format == FORMAT_XML) {
    return aseankg_buffer_append_string(out, "</head>\n<results>\n");
  }
  return aseankg_buffer_append_string(out, format == FORMAT_CSV ? "\r\n" : "\n");
}

static AseankgStatus
write_value(StoreQuery* const query, AseankgBuffer* const out, const Format format, const char* const name,
            const StoreTermView* const v, const int first)
{
  const char* const text = v->value.data ? v->value.data : "";
  const size_t      n    = v->value.length;
  AseankgStatus     st   = ASEANKG_SUCCESS;
  if (format == FORMAT_CSV) {
    aseankg_buffer_append_string(out, first ? "" : ",");
    if (v->kind == ASEANKG_TERM_BLANK) {
      aseankg_buffer_append_string(out, "_:");
    }
    csv_field(out, text, n);
  } else if (format == FORMAT_TSV) {
    aseankg_buffer_append_string(out, first ? "" : "\t");
    st = ntriples_value(query->scratch, out, v);
  } else if (format == FORMAT_JSON) {
    aseankg_buffer_printf(out, "%s\"%s\":{\"type\":\"%s\",\"value\":", first ? "" : ",", name,
                          v->kind == ASEANKG_TERM_IRI     ? "uri"
                          : v->kind == ASEANKG_TERM_BLANK ? "bnode"
                                                          : "literal");
    st = json_string(query, out, text, n);
    if (!st && v->language) {
      aseankg_buffer_append_string(out, ",\"xml:lang\":");
      st = json_string(query, out, v->language, v->language_length);
    } else if (!st && v->datatype) {
      aseankg_buffer_append_string(out, ",\"datatype\":");
      st = json_string(query, out, v->datatype, v->datatype_length);
    }
    aseankg_buffer_append_byte(out, '}');
  } else if (format == FORMAT_XML) {
    aseankg_buffer_printf(out, "    <binding name=\"%s\">", name);
    if (v->kind == ASEANKG_TERM_IRI) {
      aseankg_buffer_append_string(out, "<uri>");
    } else if (v->kind == ASEANKG_TERM_BLANK) {
      aseankg_buffer_append_string(out, "<bnode>");
    } else {
      aseankg_buffer_append_string(out, "<literal");
      if (v->language) {
        aseankg_buffer_printf(out, " xml:lang=\"%.*s\"", (int)v->language_length, v->language);
      } else if (v->datatype) {
        aseankg_buffer_append_string(out, " datatype=\"");
        TRY(st, xml_text(query, out, v->datatype, v->datatype_length));
        aseankg_buffer_append_byte(out, '"');
      }
      aseankg_buffer_append_byte(out, '>');
    }
    TRY(st, xml_text(query, out, text, n));
    aseankg_buffer_append_string(out, v->kind == ASEANKG_TERM_IRI     ? "</uri>"
                                      : v->kind == ASEANKG_TERM_BLANK ? "</bnode>"
                                                                      : "</literal>");
    aseankg_buffer_append_string(out, "</binding>\n");
  }
  return st;
}

static char*
table_cell(const StoreTermView* const v, const int bound)
{
  if (!bound) {
    return aseankg_table_cell(NULL, NULL, NULL, NULL);
  }
  char language[128] = { 0 };
  if (v->language) {
    snprintf(language, sizeof(language), "%.*s", (int)v->language_length, v->language);
  }
  const char* const text = v->value.data ? v->value.data : "";
  return aseankg_table_cell(v->kind == ASEANKG_TERM_IRI ? text : NULL,
                            v->kind == ASEANKG_TERM_LITERAL ? text : NULL, v->language ? language : NULL,
                            v->kind == ASEANKG_TERM_BLANK ? text : NULL);
}

static AseankgStatus
write_bindings(StoreQuery* const query, rasqal_query_results* const results, const Format format,
               FILE* const stream)
{
  int           columns = 0;
  const char**  names   = NULL;
  AseankgBuffer out     = { NULL, 0U, 0U };
  StoreTermView view;
  memset(&view, 0, sizeof(view));
  char**        cells   = NULL;
  size_t        n_cells = 0U;
  size_t        room    = 0U;
  AseankgStatus st      = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, result_columns(query, results, &names, &columns));
  if (format != FORMAT_TABLE) {
    TRY_CLEANUP(st, write_head(&out, format, names, columns));
  }
  for (int c = 0; !st && format == FORMAT_TABLE && c <= columns; ++c) {
    /* the header row (c == columns only makes room) */
    if (n_cells == room) {
      room               = room ? room * 2U : 64U;
      char** const grown = (char**)realloc(cells, room * sizeof(char*));
      st                 = grown ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
      cells              = grown ? grown : cells;
    }
    if (!st && c < columns) {
      st = (cells[n_cells++] = strdup(names[c])) ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
    }
  }
  int rows = 0;
  for (; !st && !rasqal_query_results_finished(results); rasqal_query_results_next(results), ++rows) {
    if (format == FORMAT_JSON) {
      aseankg_buffer_append_string(&out, rows ? ",{" : "{");
    } else if (format == FORMAT_XML) {
      aseankg_buffer_append_string(&out, "  <result>\n");
    }
    int first = 1;
    for (int c = 0; !st && c < columns; ++c) {
      rasqal_literal* const value = rasqal_query_results_get_binding_value(results, c);
      const int             bound = !view_of(value, &view);
      const char* const     name  = names[c];
      if (format == FORMAT_TABLE) {
        if (n_cells == room) {
          room               = room * 2U;
          char** const grown = (char**)realloc(cells, room * sizeof(char*));
          if (!grown) {
            st = ASEANKG_ERR_NOMEM;
            break;
          }
          cells = grown;
        }
        st = (cells[n_cells++] = table_cell(&view, bound)) ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
      } else if (bound || format == FORMAT_CSV || format == FORMAT_TSV) {
        if (bound) {
          st = write_value(query, &out, format, name, &view, first);
        } else {
          aseankg_buffer_append_string(&out, first ? "" : format == FORMAT_CSV ? "," : "\t");
        }
        first = 0;
      }
    }
    if (format == FORMAT_JSON) {
      aseankg_buffer_append_byte(&out, '}');
    } else if (format == FORMAT_XML) {
      aseankg_buffer_append_string(&out, "  </result>\n");
    } else if (format != FORMAT_TABLE) {
      aseankg_buffer_append_string(&out, format == FORMAT_CSV ? "\r\n" : "\n");
    }
    if (st) {
      goto cleanup;
    }
    TRY_CLEANUP(st, spill(query, &out, stream, ASEANKG_WRITE_CHUNK));
  }
  if (!st && query->error && query->error->status) {
    st = query->error->status; /* the store failed while rasqal read it */
  }
  if (format == FORMAT_JSON) {
    aseankg_buffer_append_string(&out, "]}}\n");
  } else if (format == FORMAT_XML) {
    aseankg_buffer_append_string(&out, "</results>\n</sparql>\n");
  }
  if (!st && format == FORMAT_TABLE) {
    aseankg_table_write(stream, cells, n_cells, (size_t)columns);
  }
  if (!st) {
    st = spill(query, &out, stream, 0U);
  }
cleanup:
  for (size_t i = 0U; i < n_cells; ++i) {
    free(cells[i]);
  }
  free(cells);
  free(names);
  aseankg_buffer_release(&out);
  aseankg_buffer_release(&view.value);
  return st == ASEANKG_ERR_NOMEM ? aseankg_error_set(query->error, st, query->label, 0U, 0U, "out of memory")
                                 : st;
}

static AseankgTermId
raptor_term_id(AseankgGraph* const graph, const raptor_term* const term)
{
  if (!term) {
    return 0U;
  }
  if (term->type == RAPTOR_TERM_TYPE_URI) {
    size_t                     n    = 0U;
    const unsigned char* const text = raptor_uri_as_counted_string(term->value.uri, &n);
    return aseankg_graph_iri(graph, (const char*)text, n);
  }
  if (term->type == RAPTOR_TERM_TYPE_BLANK) {
    return aseankg_graph_blank(graph, (const char*)term->value.blank.string, term->value.blank.string_len);
  }
  if (term->type != RAPTOR_TERM_TYPE_LITERAL) {
    return 0U;
  }
  AseankgTermId type = 0U;
  if (term->value.literal.datatype) {
    size_t                     n    = 0U;
    const unsigned char* const text = raptor_uri_as_counted_string(term->value.literal.datatype, &n);
    type                            = aseankg_graph_iri(graph, (const char*)text, n);
  }
  return aseankg_graph_literal(graph, (const char*)term->value.literal.string, term->value.literal.string_len,
                               type, (const char*)term->value.literal.language, NULL);
}

static AseankgStatus
write_graph(StoreQuery* const query, rasqal_query_results* const results, const Format format,
            FILE* const stream)
{
  AseankgGraph* const graph = aseankg_graph_new();
  AseankgStatus       st    = graph ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  for (raptor_statement* s = NULL; !st && (s = rasqal_query_results_get_triple(results)) != NULL;) {
    const AseankgTermId subject   = raptor_term_id(graph, s->subject);
    const AseankgTermId predicate = raptor_term_id(graph, s->predicate);
    const AseankgTermId object    = raptor_term_id(graph, s->object);
    st = subject && predicate && object ? aseankg_graph_add(graph, subject, predicate, object, 0U)
                                        : ASEANKG_ERR_NOMEM;
    if (rasqal_query_results_next_triple(results)) {
      break;
    }
  }
  if (!st && query->error && query->error->status) {
    st = query->error->status;
  }
  if (!st) {
    aseankg_graph_sort(graph);
    const AseankgWriteOptions options = { NULL, NULL, 0U }; /* a failed write names the parameter "stream" */
    st                                = aseankg_graph_write(graph, stream,
                             format == FORMAT_TABLE ? ASEANKG_SYNTAX_TURTLE : ASEANKG_SYNTAX_NTRIPLES,
                                                            &options, query->error);
  }
  aseankg_graph_free(graph);
  return st == ASEANKG_ERR_NOMEM ? aseankg_error_set(query->error, st, query->label, 0U, 0U, "out of memory")
                                 : st;
}

static AseankgStatus
write_boolean(StoreQuery* const query, const int value, const Format format, FILE* const stream)
{
  if (format == FORMAT_JSON) {
    fprintf(stream, "{\"head\":{},\"boolean\":%s}\n", value ? "true" : "false");
  } else if (format == FORMAT_XML) {
    fprintf(
      stream,
      "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n<head>\n</head>\n"
      "<boolean>%s</boolean>\n</sparql>\n",
      value ? "true" : "false");
  } else {
    /* The CSV and TSV results formats define no boolean; a bare word serves the rest. */
    fputs(value ? "true\n" : "false\n", stream);
  }
  return ferror(stream) ? aseankg_write_failed(query->error, ASEANKG_ERR_IO, NULL) : ASEANKG_SUCCESS;
}

/* Whether sequence `seq` (NULL counts as empty) has no items. */
static int
is_empty(raptor_sequence* const seq)
{
  return !seq || raptor_sequence_size(seq) == 0;
}

/* Whether no triple of basic graph pattern `gp` shares a variable with another triple of it. */
static int
no_shared_variables(rasqal_graph_pattern* const gp)
{
  rasqal_triple* a = NULL;
  for (int i = 0; (a = rasqal_graph_pattern_get_triple(gp, i)) != NULL; ++i) {
    const rasqal_literal* const mine[4] = { a->subject, a->predicate, a->object, a->origin };
    rasqal_triple*              b       = NULL;
    for (int j = 0; (b = rasqal_graph_pattern_get_triple(gp, j)) != NULL; ++j) {
      const rasqal_literal* const theirs[4] = { b->subject, b->predicate, b->object, b->origin };
      for (unsigned x = 0U; i != j && x < 4U; ++x) {
        for (unsigned y = 0U; y < 4U; ++y) {
          if (mine[x] && theirs[y] && mine[x]->type == RASQAL_LITERAL_VARIABLE &&
              theirs[y]->type == RASQAL_LITERAL_VARIABLE &&
              mine[x]->value.variable == theirs[y]->value.variable) {
            return 0;
          }
        }
      }
    }
  }
  return 1;
}

/*
   Whether the query reads nothing of its solutions but their number: SELECT (COUNT(*) AS ?n) alone, no
   DISTINCT inside the count, no GROUP BY, HAVING, ORDER BY or VALUES, and a WHERE clause that is one basic
   graph pattern without FILTER whose triples share no variable (so no join compares values). The values a
   match binds are then never looked at, and the store skips reading and decoding them.
*/
static int
only_counts(rasqal_query* const rq)
{
  raptor_sequence* const projected = rasqal_query_get_bound_variable_sequence(rq);
  if (rasqal_query_get_verb(rq) != RASQAL_QUERY_VERB_SELECT || !projected ||
      raptor_sequence_size(projected) != 1 || !is_empty(rasqal_query_get_group_conditions_sequence(rq)) ||
      !is_empty(rasqal_query_get_having_conditions_sequence(rq)) ||
      !is_empty(rasqal_query_get_order_conditions_sequence(rq)) ||
      !is_empty(rasqal_query_get_bindings_variables_sequence(rq))) {
    return 0;
  }
  const rasqal_variable* const   n     = (const rasqal_variable*)raptor_sequence_get_at(projected, 0);
  const rasqal_expression* const count = n ? n->expression : NULL;
  if (!count || count->op != RASQAL_EXPR_COUNT || (count->flags & RASQAL_EXPR_FLAG_DISTINCT) ||
      !count->arg1 || count->arg1->op != RASQAL_EXPR_VARSTAR) {
    return 0;
  }
  rasqal_graph_pattern* gp = rasqal_query_get_query_graph_pattern(rq);
  while (gp && rasqal_graph_pattern_get_operator(gp) == RASQAL_GRAPH_PATTERN_OPERATOR_GROUP &&
         !rasqal_graph_pattern_get_filter_expression(gp) &&
         raptor_sequence_size(rasqal_graph_pattern_get_sub_graph_pattern_sequence(gp)) == 1) {
    gp = rasqal_graph_pattern_get_sub_graph_pattern(gp, 0);
  }
  return gp && rasqal_graph_pattern_get_operator(gp) == RASQAL_GRAPH_PATTERN_OPERATOR_BASIC &&
         !rasqal_graph_pattern_get_filter_expression(gp) &&
         is_empty(rasqal_graph_pattern_get_sub_graph_pattern_sequence(gp)) && no_shared_variables(gp);
}

AseankgStatus
aseankg_store_query(AseankgStore* const store, const char* const text, const char* const source,
                    const char* const results_format, const AseankgStoreDefaultGraph default_graph,
                    FILE* const stream, AseankgError* const error)
{
  assert(store);
  assert(text);
  assert(source);
  assert(results_format);
  assert(stream);
  static const char* const formats[] = { "table", "csv", "tsv", "json", "xml", "ntriples" };
  size_t                   f         = 0U;
  while (f < 6U && strcmp(results_format, formats[f])) {
    ++f;
  }
  if (f == 6U) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "results_format",
                                       "unknown results format '%s' (table, csv, tsv, json, xml or ntriples)",
                                       results_format);
  }
  const Format          format = (Format)f;
  StoreQuery            query;
  AseankgStatus         st      = ASEANKG_SUCCESS;
  rasqal_query*         rq      = NULL;
  rasqal_query_results* results = NULL;
  TRY_CLEANUP(st, aseankg_store__query_start(&query, store, default_graph, source, error));
  if (!(rq = rasqal_new_query(query.world, "sparql11", NULL))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, source, 0U, 0U, "cannot create the query");
    goto cleanup;
  }
  TRY_CLEANUP(st, aseankg_store__query_prepare(&query, rq, text));
  const rasqal_query_verb verb = rasqal_query_get_verb(rq);
  if (format == FORMAT_NTRIPLES && verb != RASQAL_QUERY_VERB_CONSTRUCT &&
      verb != RASQAL_QUERY_VERB_DESCRIBE) {
    /* N-Triples carries a graph: a SELECT's rows or an ASK's answer would come out as empty lines */
    st = aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "results_format",
                                     "ntriples is for CONSTRUCT and DESCRIBE results; for SELECT and ASK use "
                                     "table, csv, tsv, json or xml");
    goto cleanup;
  }
  if (only_counts(rq)) {
    /* rasqal_new_simple_literal() owns the label (frees it on failure too), which the analyzer cannot see */
    // NOLINTBEGIN(clang-analyzer-unix.Malloc)
    char* const label = strdup("unobserved");
    query.placeholder =
      label ? rasqal_new_simple_literal(query.world, RASQAL_LITERAL_BLANK, (const unsigned char*)label)
            : NULL;
    // NOLINTEND(clang-analyzer-unix.Malloc)
  }
  if (!(results = rasqal_query_execute(rq))) {
    st = error && error->status
           ? error->status
           : aseankg_error_set(error, ASEANKG_ERR_SYNTAX, source, 1U, 1U, "cannot run the query");
    goto cleanup;
  }
  if (rasqal_query_results_is_graph(results)) {
    st = write_graph(&query, results, format, stream);
  } else if (rasqal_query_results_is_boolean(results)) {
    const int value = rasqal_query_results_get_boolean(results);
    st = error && error->status ? error->status : write_boolean(&query, value > 0, format, stream);
  } else {
    st = write_bindings(&query, results, format, stream);
  }
cleanup:
  if (results) {
    rasqal_free_query_results(results);
  }
  if (rq) {
    rasqal_free_query(rq);
  }
  aseankg_store__query_finish(&query);
  return st;
}
