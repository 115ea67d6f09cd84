/* Embedded store: a directory of sorted N-Triples files, one per named graph, queried through librdf. */
#include "aseankg/store.h"

#include "aseankg/ntriples.h"
#include "aseankg/output.h"

#include "iri.h"
#include "safety.h"
#include "table.h"

#include <openssl/evp.h>
#include <redland.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define INDEX_FILE "graphs.tsv"

typedef struct {
  char*  iri;
  char*  file; /* relative to the store directory */
  size_t triples;
} Entry;

struct AseankgStoreImpl {
  char*           path;
  Entry*          entries;
  size_t          n_entries;
  librdf_world*   world; /* created on the first query */
  librdf_storage* storage;
  librdf_model*   model;
  AseankgError*   error; /* where librdf's log messages go during a call */
};

char*
aseankg_store_default_path(char* const path, const size_t size)
{
  const char* const explicit_path = getenv("ASEANKG_STORE");
  const char* const data_home     = getenv("XDG_DATA_HOME");
  const char* const home          = getenv("HOME");
  int               n             = -1;
  if (explicit_path && *explicit_path) {
    n = snprintf(path, size, "%s", explicit_path);
  } else if (data_home && *data_home) {
    n = snprintf(path, size, "%s/aseankg/store", data_home);
  } else if (home && *home) {
    n = snprintf(path, size, "%s/.local/share/aseankg/store", home);
  }
  return n > 0 && (size_t)n < size ? path : NULL;
}

static AseankgStatus
make_directories(const char* const path, AseankgError* const error)
{
  char buffer[4096];
  if ((size_t)snprintf(buffer, sizeof(buffer), "%s", path) >= sizeof(buffer)) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, path, 0U, 0U, "path too long");
  }
  for (char* p = buffer + 1; *p; ++p) {
    if (*p == '/') {
      *p = '\0';
      mkdir(buffer, 0777);
      *p = '/';
    }
  }
  if (mkdir(buffer, 0777) && errno != EEXIST) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot create the store: %s",
                             strerror(errno));
  }
  return ASEANKG_SUCCESS;
}

static void
free_entries(AseankgStore* const store)
{
  for (size_t i = 0U; i < store->n_entries; ++i) {
    free(store->entries[i].iri);
    free(store->entries[i].file);
  }
  free(store->entries);
  store->entries   = NULL;
  store->n_entries = 0U;
}

static AseankgStatus
add_entry(AseankgStore* const store, const char* const iri, const char* const file, const size_t triples)
{
  Entry* const grown = (Entry*)realloc(store->entries, (store->n_entries + 1U) * sizeof(Entry));
  if (!grown) {
    return ASEANKG_ERR_NOMEM;
  }
  store->entries = grown;
  Entry* const e = &store->entries[store->n_entries];
  e->iri         = strdup(iri);
  e->file        = strdup(file);
  e->triples     = triples;
  if (!e->iri || !e->file) {
    free(e->iri);
    free(e->file);
    return ASEANKG_ERR_NOMEM;
  }
  ++store->n_entries;
  return ASEANKG_SUCCESS;
}

/* The index: one line per graph, "IRI <TAB> FILE <TAB> TRIPLES". */
static AseankgStatus
read_index(AseankgStore* const store, AseankgError* const error)
{
  char path[4200];
  snprintf(path, sizeof(path), "%s/" INDEX_FILE, store->path);
  FILE* const stream = fopen(path, "rb");
  if (!stream) {
    return errno == ENOENT
             ? ASEANKG_SUCCESS
             : aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot read: %s", strerror(errno));
  }

  char*         line     = NULL;
  size_t        capacity = 0U;
  unsigned      number   = 0U;
  AseankgStatus st       = ASEANKG_SUCCESS;
  while (!st && getline(&line, &capacity, stream) > 0) {
    ++number;
    char* const tab1 = strchr(line, '\t');
    char* const tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (!tab2) {
      st = aseankg_error_set(error, ASEANKG_ERR_DATA, path, number, 1U, "malformed store index line");
      break;
    }
    *tab1 = '\0';
    *tab2 = '\0';
    st    = add_entry(store, line, tab1 + 1, (size_t)strtoull(tab2 + 1, NULL, 10));
  }
  free(line);
  fclose(stream);
  return st;
}

static AseankgStatus
write_index(const AseankgStore* const store, AseankgError* const error)
{
  char path[4200];
  snprintf(path, sizeof(path), "%s/" INDEX_FILE, store->path);
  AseankgOutput output;
  AseankgStatus st = aseankg_output_open(&output, path, error);
  for (size_t i = 0U; !st && i < store->n_entries; ++i) {
    fprintf(output.stream, "%s\t%s\t%zu\n", store->entries[i].iri, store->entries[i].file,
            store->entries[i].triples);
  }
  st = st ? st : aseankg_output_commit(&output, error);
  aseankg_output_abort(&output);
  return st;
}

AseankgStatus
aseankg_store_open(AseankgStore** const store_out, const char* const path, AseankgError* const error)
{
  *store_out                = NULL;
  AseankgStore* const store = (AseankgStore*)calloc(1U, sizeof(AseankgStore));
  if (!store || !(store->path = strdup(path))) {
    free(store);
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }

  char graphs[4200];
  snprintf(graphs, sizeof(graphs), "%s/graphs", path);
  AseankgStatus st = make_directories(graphs, error);
  st               = st ? st : read_index(store, error);
  if (st) {
    aseankg_store_free(store);
    return st;
  }
  *store_out = store;
  return ASEANKG_SUCCESS;
}

static void
drop_model(AseankgStore* const store)
{
  if (store->model) {
    librdf_free_model(store->model);
  }
  if (store->storage) {
    librdf_free_storage(store->storage);
  }
  if (store->world) {
    librdf_free_world(store->world);
  }
  store->model   = NULL;
  store->storage = NULL;
  store->world   = NULL;
}

void
aseankg_store_free(AseankgStore* const store)
{
  if (store) {
    drop_model(store);
    free_entries(store);
    free(store->path);
    free(store);
  }
}

size_t
aseankg_store_graphs(const AseankgStore* const store)
{
  return store->n_entries;
}

size_t
aseankg_store_triples(const AseankgStore* const store)
{
  size_t total = 0U;
  for (size_t i = 0U; i < store->n_entries; ++i) {
    total += store->entries[i].triples;
  }
  return total;
}

/* A file name for a graph: the first 16 bytes of the SHA-256 of its IRI, in hex. */
static void
graph_file_name(const char* const iri, char name[48])
{
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned      size = 0U;
  EVP_Digest(iri, strlen(iri), digest, &size, EVP_sha256(), NULL);
  char hex[33];
  for (unsigned i = 0U; i < 16U; ++i) {
    snprintf(hex + (size_t)i * 2U, 3U, "%02x", digest[i]);
  }
  snprintf(name, 48U, "graphs/%s.nt", hex);
}

AseankgStatus
aseankg_store_load(AseankgStore* const store, const char* const graph_iri, AseankgGraph* const graph,
                   AseankgError* const error)
{
  if (!aseankg_iri_is_valid(graph_iri)) {
    return aseankg_error_set(error, ASEANKG_ERR_IRI, "--graph", 0U, 0U,
                             "<%s> is not an absolute IRI of allowed characters", graph_iri);
  }

  char name[48];
  char path[4300];
  graph_file_name(graph_iri, name);
  snprintf(path, sizeof(path), "%s/%s", store->path, name);

  /* Triples in canonical order, once each even if the input had them in several graphs. */
  aseankg_graph_sort(graph);
  const AseankgQuad* const quads   = aseankg_graph_quads(graph);
  const size_t             n       = aseankg_graph_size(graph);
  size_t                   triples = 0U;
  AseankgOutput            output;
  AseankgStatus            st = aseankg_output_open(&output, path, error);
  for (size_t i = 0U; !st && i < n; ++i) {
    if (i && quads[i].subject == quads[i - 1U].subject && quads[i].predicate == quads[i - 1U].predicate &&
        quads[i].object == quads[i - 1U].object) {
      continue;
    }
    const AseankgTermId ids[3] = { quads[i].subject, quads[i].predicate, quads[i].object };
    for (unsigned t = 0U; t < 3U; ++t) {
      const AseankgTerm* const term = aseankg_graph_term(graph, ids[t]);
      if (term->kind == ASEANKG_TERM_BLANK) {
        /* Graphs are queried together: keep one graph's _:b0 apart from another's. */
        fprintf(output.stream, "_:%.16s_%s", name + 7, term->value);
      } else {
        fwrite(term->key, 1U, term->key_length, output.stream);
      }
      fputs(t < 2U ? " " : " .\n", output.stream);
    }
    ++triples;
  }
  if (!st && ferror(output.stream)) {
    st = aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "write error");
  }
  st = st ? st : aseankg_output_commit(&output, error);
  aseankg_output_abort(&output);
  if (st) {
    return st;
  }

  size_t i = 0U;
  while (i < store->n_entries && strcmp(store->entries[i].iri, graph_iri)) {
    ++i;
  }
  if (i < store->n_entries) {
    store->entries[i].triples = triples;
  } else if (add_entry(store, graph_iri, name, triples)) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
  }
  drop_model(store); /* the next query reads the new contents */
  return write_index(store, error);
}

static int
log_handler(void* const user_data, librdf_log_message* const message)
{
  AseankgStore* const store = (AseankgStore*)user_data;
  if (librdf_log_message_level(message) >= LIBRDF_LOG_ERROR) {
    raptor_locator* const locator = librdf_log_message_locator(message);
    const int             line    = locator ? raptor_locator_line(locator) : -1;
    const int             column  = locator ? raptor_locator_column(locator) : -1;
    aseankg_error_set(store->error, ASEANKG_ERR_SYNTAX, "query", line > 0 ? (unsigned)line : 1U,
                      column > 0 ? (unsigned)column : 1U, "%s", librdf_log_message_message(message));
  }
  return 1; /* handled: librdf prints nothing itself */
}

/* Build the in-memory model from the graph files: balanced trees, which stay fast around hub nodes. */
static AseankgStatus
build_model(AseankgStore* const store, AseankgError* const error)
{
  if (store->model) {
    return ASEANKG_SUCCESS;
  }
  if (!(store->world = librdf_new_world())) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "cannot start librdf");
  }
  librdf_world_set_logger(store->world, store, log_handler);
  librdf_world_open(store->world);
  /* librdf's "trees" storage has no contexts: queries see the union of the graphs loaded into it. */
  store->storage = librdf_new_storage(store->world, "trees", "aseankg", NULL);
  store->model   = store->storage ? librdf_new_model(store->world, store->storage, NULL) : NULL;
  if (!store->model) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "cannot create the librdf model");
  }

  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; !st && i < store->n_entries; ++i) {
    char path[4300];
    snprintf(path, sizeof(path), "%s/%s", store->path, store->entries[i].file);
    librdf_parser* const parser  = librdf_new_parser(store->world, "ntriples", NULL, NULL);
    unsigned char* const uri_str = raptor_uri_filename_to_uri_string(path);
    librdf_uri* const    uri     = uri_str ? librdf_new_uri(store->world, uri_str) : NULL;
    const AseankgStatus  safe =
      parser ? aseankg_safety_librdf_parser(store->world, parser, path, error) : ASEANKG_SUCCESS;
    librdf_stream* const stream =
      parser && uri && !safe ? librdf_parser_parse_as_stream(parser, uri, uri) : NULL;
    if (!stream || librdf_model_add_statements(store->model, stream)) {
      st =
        safe ? safe : aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot read the stored graph");
    }
    if (stream) {
      librdf_free_stream(stream);
    }
    if (uri) {
      librdf_free_uri(uri);
    }
    raptor_free_memory(uri_str);
    if (parser) {
      librdf_free_parser(parser);
    }
  }
  if (st) {
    drop_model(store);
  }
  return st;
}

/* A value as a table cell (see aseankg_table_cell()). */
static char*
cell_text(librdf_node* const node)
{
  if (!node) {
    return aseankg_table_cell(NULL, NULL, NULL, NULL);
  }
  if (librdf_node_is_resource(node)) {
    return aseankg_table_cell((const char*)librdf_uri_as_string(librdf_node_get_uri(node)), NULL, NULL, NULL);
  }
  if (librdf_node_is_literal(node)) {
    return aseankg_table_cell(NULL, (const char*)librdf_node_get_literal_value(node),
                              librdf_node_get_literal_value_language(node), NULL);
  }
  return aseankg_table_cell(NULL, NULL, NULL, (const char*)librdf_node_get_blank_identifier(node));
}

/* Bindings as a text table: a header row of variable names, then one row per solution. */
static AseankgStatus
write_table(librdf_query_results* const results, FILE* const stream, AseankgError* const error)
{
  const int n_columns = librdf_query_results_get_bindings_count(results);
  if (n_columns <= 0) {
    return ASEANKG_SUCCESS;
  }
  const size_t  columns = (size_t)n_columns;
  size_t        n_cells = 0U;
  size_t        room    = columns * 16U;
  char**        cells   = (char**)calloc(room, sizeof(char*));
  AseankgStatus st      = cells ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;

  for (size_t c = 0U; !st && c < columns; ++c) {
    const char* const name = librdf_query_results_get_binding_name(results, (int)c);
    st = (cells[n_cells++] = strdup(name ? name : "")) ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  }
  for (; !st && !librdf_query_results_finished(results); librdf_query_results_next(results)) {
    if (n_cells + columns > room) {
      char** const grown = (char**)realloc(cells, room * 2U * sizeof(char*));
      if (!grown) {
        st = ASEANKG_ERR_NOMEM;
        break;
      }
      cells = grown;
      room *= 2U;
    }
    for (size_t c = 0U; c < columns; ++c) {
      librdf_node* const node = librdf_query_results_get_binding_value(results, (int)c);
      if (!(cells[n_cells++] = cell_text(node))) {
        st = ASEANKG_ERR_NOMEM;
      }
      if (node) {
        librdf_free_node(node);
      }
    }
  }

  if (!st) {
    aseankg_table_write(stream, cells, n_cells, columns);
  }
  for (size_t i = 0U; cells && i < n_cells; ++i) {
    free(cells[i]);
  }
  free(cells);
  return st ? aseankg_error_set(error, st, "query", 0U, 0U, "out of memory") : ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_store_query(AseankgStore* const store, const char* const query_text, const char* const format,
                    FILE* const stream, AseankgError* const error)
{
  static const char* const formats[] = { "table", "csv", "tsv", "json", "xml", "ntriples" };
  size_t                   f         = 0U;
  while (f < 6U && strcmp(format, formats[f])) {
    ++f;
  }
  if (f == 6U) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, "--results", 0U, 0U,
                             "unknown results format '%s' (table, csv, tsv, json, xml or ntriples)", format);
  }

  AseankgStatus st = build_model(store, error);
  if (st) {
    return st;
  }

  store->error = error;
  librdf_query* const query =
    librdf_new_query(store->world, "sparql", NULL, (const unsigned char*)query_text, NULL);
  librdf_query_results* results = query ? librdf_model_query_execute(store->model, query) : NULL;
  if (!results) {
    st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, "query", 1U, 1U, "cannot run the query");
  } else if (librdf_query_results_is_graph(results)) {
    librdf_stream* const     triples = librdf_query_results_as_stream(results);
    librdf_serializer* const serializer =
      librdf_new_serializer(store->world, f == 0U ? "turtle" : "ntriples", NULL, NULL);
    if (!triples || !serializer ||
        librdf_serializer_serialize_stream_to_file_handle(serializer, stream, NULL, triples)) {
      st = aseankg_error_set(error, ASEANKG_ERR_IO, "query", 0U, 0U, "cannot write the constructed graph");
    }
    if (serializer) {
      librdf_free_serializer(serializer);
    }
    if (triples) {
      librdf_free_stream(triples);
    }
  } else if (librdf_query_results_is_boolean(results) && f < 3U) {
    /* The CSV and TSV results formats define no boolean; a bare word serves all three. */
    fputs(librdf_query_results_get_boolean(results) > 0 ? "true\n" : "false\n", stream);
  } else if (f == 0U) {
    st = write_table(results, stream, error);
  } else if (librdf_query_results_to_file_handle2(results, stream, formats[f], NULL, NULL, NULL)) {
    st =
      aseankg_error_set(error, ASEANKG_ERR_IO, "query", 0U, 0U, "cannot write the results as %s", formats[f]);
  }
  store->error = NULL;

  if (results) {
    librdf_free_query_results(results);
  }
  if (query) {
    librdf_free_query(query);
  }
  return st;
}
