/* aseankg command-line tool: a thin client of the library. */
#include "aseankg/aseankg.h"
#include "aseankg/canon.h"
#include "aseankg/remote.h"
#include "aseankg/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_DATA = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
  "Usage: aseankg COMMAND [OPTION]... [FILE]...\n"
  "Turn the China-ASEAN joint statement into a text-grounded RDF knowledge graph,\n"
  "and compare, patch and canonicalize RDF graphs.\n"
  "\n"
  "Commands:\n"
  "  export              write the graph (Turtle by default)\n"
  "  check               validate the data and the text; write nothing\n"
  "  diff OLD NEW        show what changed between two graphs, blank nodes matched\n"
  "  patch GRAPH PATCH   apply an RDF Patch to a graph\n"
  "  canon INPUT         write the RDFC-1.0 canonical N-Quads of a dataset\n"
  "  load FILE...        load graphs into the embedded SPARQL store\n"
  "  query QUERY|@FILE   run a SPARQL query on the store or an endpoint\n"
  "  update FILE|-       run a SPARQL Update on the store or an endpoint\n"
  "\n"
  "Options for export and check:\n"
  "  -f, --format FORMAT  turtle (default), ntriples, nquads, dot (a Graphviz\n"
  "                       picture of the entities) or html (a page of the text)\n"
  "  -o, --output FILE    write to FILE (default or '-': standard output)\n"
  "  -d, --data DIR       curated data directory (default: data, else the installed data)\n"
  "      --ontology FILE  ontology in Turtle (default: ontology/aseankg.ttl, else the installed one)\n"
  "      --base IRI       base of minted IRIs (default: " ASEANKG_DEFAULT_BASE ")\n"
  "      --clause N       dot: only the relations stated in clause N (or in a\n"
  "                       segment such as preamble-8) and their entities\n"
  "      --around ID      dot: only entity ID, its relations and their other ends\n"
  "      --document ID    dot, html: show document ID of the corpus (default: the first)\n"
  "\n"
  "Options for diff, patch and canon:\n"
  "  -f, --format FORMAT  diff: text (default), rdf-patch or sparql-update\n"
  "  -i, --input SYNTAX   input syntax: ntriples, nquads, turtle, trig or rdfxml\n"
  "                       (default: from the file extension; Turtle for '-')\n"
  "  -o, --output FILE    patch, canon: write to FILE (default: standard output)\n"
  "      --max-work N     canon, diff: bound on canonicalization steps\n"
  "      --hash NAME      canon: SHA256 (default) or SHA384\n"
  "\n"
  "Options for load and query:\n"
  "      --store DIR      the embedded store (default: $ASEANKG_STORE, else\n"
  "                       $XDG_DATA_HOME/aseankg/store or ~/.local/share/aseankg/store)\n"
  "      --graph IRI      load: the named graph to (re)load (default: each file's URI);\n"
  "                       diff --format sparql-update: the graph the update changes\n"
  "  -r, --results FMT    query: table (default), csv, tsv, json, xml, or\n"
  "                       ntriples for CONSTRUCT\n"
  "\n"
  "Options for a SPARQL server (load, query, update):\n"
  "      --endpoint URL   the server: its SPARQL endpoint (query, update) or\n"
  "                       its Graph Store endpoint (load)\n"
  "      --replace        load: replace the graph (PUT) instead of adding (POST)\n"
  "      --timeout N      seconds for a whole request (default: 300)\n"
  "      --connect-timeout N  seconds to connect (default: 10)\n"
  "Credentials come from $ASEANKG_AUTH (user:password) or a netrc file\n"
  "($ASEANKG_NETRC, else ~/.netrc), never from the command line.\n"
  "\n"
  "Other options:\n"
  "  -h, --help           show this help and exit\n"
  "  -V, --version        show the version and exit\n"
  "\n"
  "Exit status: export, check, patch, canon: 0 success, 1 bad data or an\n"
  "input/output error, 2 bad usage. diff: 0 same, 1 different, 2 trouble.\n";

typedef struct {
  const char* format;
  const char* output;
  const char* data_dir;
  const char* ontology;
  const char* base;
  const char* clause;
  const char* around;
  const char* document;
  const char* syntax;
  const char* max_work;
  const char* hash;
  const char* store;
  const char* graph;
  const char* results;
  const char* endpoint;
  const char* timeout;
  const char* connect_timeout;
  int         replace;
  const char* files[64];
  int         n_files;
} Options;

static int
usage_error(const char* const message, const char* const detail)
{
  fprintf(stderr, "aseankg: %s%s\nTry 'aseankg --help'.\n", message, detail ? detail : "");
  return EXIT_USAGE;
}

static void
print_error(const AseankgError* const error)
{
  char line[1200];
  fprintf(stderr, "aseankg: %s\n", aseankg_error_format(error, line, sizeof(line)));
}

static int
report(const AseankgError* const error)
{
  print_error(error);
  return error->status == ASEANKG_ERR_USAGE ? EXIT_USAGE : EXIT_DATA;
}

/* Take the value of an option from "--name=value", "--name value" or "-x value". */
static int
option_value(const int argc, char** const argv, int* const i, const char* const long_name,
             const char* const short_name, const char** const value)
{
  const char* const arg = argv[*i];
  const size_t      n   = strlen(long_name);
  if (!strncmp(arg, long_name, n) && arg[n] == '=') {
    *value = arg + n + 1;
    return 1;
  }
  if (strcmp(arg, long_name) && (!short_name || strcmp(arg, short_name))) {
    return 0;
  }
  *value = *i + 1 < argc ? argv[++*i] : NULL;
  return 1;
}

/* Whether option `name` is in the space-separated list `allowed`. */
static int
option_allowed(const char* const allowed, const char* const name)
{
  const size_t n = strlen(name);
  for (const char* p = strstr(allowed, name); p; p = strstr(p + 1, name)) {
    if ((p == allowed || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) {
      return 1;
    }
  }
  return 0;
}

static int
parse_options(const int argc, char** const argv, Options* const options, const int min_files,
              const int max_files, const char* const allowed)
{
  static const struct {
    const char* long_name;
    const char* short_name;
    size_t      offset;
  } table[] = {
    { "--format", "-f", offsetof(Options, format) },
    { "--output", "-o", offsetof(Options, output) },
    { "--data", "-d", offsetof(Options, data_dir) },
    { "--ontology", NULL, offsetof(Options, ontology) },
    { "--base", NULL, offsetof(Options, base) },
    { "--clause", NULL, offsetof(Options, clause) },
    { "--around", NULL, offsetof(Options, around) },
    { "--document", NULL, offsetof(Options, document) },
    { "--input", "-i", offsetof(Options, syntax) },
    { "--max-work", NULL, offsetof(Options, max_work) },
    { "--hash", NULL, offsetof(Options, hash) },
    { "--store", NULL, offsetof(Options, store) },
    { "--graph", NULL, offsetof(Options, graph) },
    { "--results", "-r", offsetof(Options, results) },
    { "--endpoint", NULL, offsetof(Options, endpoint) },
    { "--timeout", NULL, offsetof(Options, timeout) },
    { "--connect-timeout", NULL, offsetof(Options, connect_timeout) },
  };
  const size_t n_table = sizeof(table) / sizeof(table[0]);

  for (int i = 2; i < argc; ++i) {
    const char* value = NULL;
    size_t      t     = 0U;
    if (!strcmp(argv[i], "--replace")) {
      if (!option_allowed(allowed, "--replace")) {
        return usage_error("this command takes no --replace", NULL);
      }
      options->replace = 1;
      continue;
    }
    if (argv[i][0] != '-' || !strcmp(argv[i], "-")) {
      if (options->n_files == max_files) {
        return usage_error("unexpected argument: ", argv[i]);
      }
      options->files[options->n_files++] = argv[i];
      continue;
    }
    while (t < n_table && !option_value(argc, argv, &i, table[t].long_name, table[t].short_name, &value)) {
      ++t;
    }
    if (t == n_table) {
      return usage_error("unknown option: ", argv[i]);
    }
    if (!option_allowed(allowed, table[t].long_name)) {
      return usage_error("this command takes no ", table[t].long_name);
    }
    if (!value) {
      return usage_error("missing value for ", table[t].long_name);
    }
    *(const char**)(void*)((char*)options + table[t].offset) = value;
  }
  if (options->n_files < min_files || options->n_files > max_files) {
    return usage_error(min_files == 2 ? "expected two files"
                       : min_files    ? "expected a file"
                                      : "unexpected argument",
                       NULL);
  }
  if (options->syntax && !aseankg_syntax_is_known(options->syntax)) {
    return usage_error("unknown input syntax: ", options->syntax);
  }
  return 0;
}

/* --- export and check ---------------------------------------------------------- */

/* Progress goes to a terminal only, on one line rewritten in place; end_progress() clears it. */
static void show_progress(const char* format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 1, 2)))
#endif
  ;

static void
show_progress(const char* const format, ...)
{
  va_list args;
  va_start(args, format);
  fputs("\r\033[Kaseankg: ", stderr);
  vfprintf(stderr, format, args);
  va_end(args);
  fflush(stderr);
}

static void
end_progress(void)
{
  fputs("\r\033[K", stderr);
}

/* An export is worth reporting on when its texts come to a mebibyte (some 400,000 triples). */
static int
wants_export_progress(const AseankgProject* const project)
{
  size_t bytes = 0U;
  for (size_t i = 0U; i < project->data->n_documents; ++i) {
    bytes += project->texts[i]->length;
  }
  return isatty(STDERR_FILENO) && bytes >= (size_t)1024U * 1024U;
}

static int
run_export(const Options* const options, const int write)
{
  const char* const format   = options->format ? options->format : "turtle";
  const int         nquads   = !strcmp(format, "nquads");
  const int         ntriples = !strcmp(format, "ntriples");
  const int         dot      = !strcmp(format, "dot");
  const int         html     = !strcmp(format, "html");
  const int build = !write || (!dot && !html); /* the DOT and HTML writers check the data themselves */
  if (!nquads && !ntriples && !dot && !html && strcmp(format, "turtle")) {
    return usage_error("unknown format: ", format);
  }
  if ((options->clause || options->around) && !(write && dot)) {
    return usage_error(options->clause ? "--clause" : "--around", " applies to export --format dot only");
  }
  if (options->document && !(write && (dot || html))) {
    return usage_error("--document", " applies to export --format dot and html only");
  }

  AseankgError       error;
  AseankgProject     project;
  AseankgExportStats stats;
  AseankgOutput      output;
  AseankgGraph*      graph = aseankg_graph_new();
  aseankg_error_clear(&error);
  memset(&output, 0, sizeof(output));
  memset(&project, 0, sizeof(project));

  AseankgStatus st = graph ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  st               = st ? st : aseankg_project_load(&project, options->data_dir, options->ontology, &error);
  /* Progress is for RDF written to a file or a pipe, never interleaved with output on the terminal. */
  const int to_stdout = !options->output || !strcmp(options->output, "-");
  const int progress =
    !st && write && build && !(to_stdout && isatty(STDOUT_FILENO)) && wants_export_progress(&project);
  if (progress) {
    show_progress("building the graph of %zu document%s", project.data->n_documents,
                  project.data->n_documents == 1U ? "" : "s");
  }
  st = st || !build ? st : aseankg_export_build(graph, &project, options->base, nquads, &stats, &error);
  if (!st && !write) {
    printf("segments   %zu\nentities   %zu\nrelations  %zu\nmentions   %zu\nspans      %zu\ntriples    %zu\n",
           stats.segments, stats.entities, stats.relations, stats.mentions, stats.spans, stats.triples);
  }
  if (!st && write) {
    if (progress) {
      show_progress("sorting %zu statements", aseankg_graph_size(graph));
    }
    aseankg_graph_sort(graph);
    st = aseankg_output_open(&output, options->output, &error);
  }
  if (!st && progress) {
    show_progress("writing %zu statements", aseankg_graph_size(graph));
  }
  if (!st && write) {
    if (dot) {
      const AseankgDotOptions view = { options->clause, options->around, options->document };
      st                           = aseankg_dot_write(output.stream, &project, &view, &error);
    } else if (html) {
      st = aseankg_html_write(output.stream, &project, options->base, options->document, &error);
    } else if (ntriples || nquads) {
      st = aseankg_ntriples_write(graph, output.stream, nquads);
    } else {
      AseankgPrefix prefixes[32];
      char          storage[4096];
      const size_t  n =
        aseankg_export_prefixes(&project, options->base, prefixes, 32U, storage, sizeof(storage));
      st = aseankg_turtle_write(graph, output.stream, prefixes, n);
    }
    if (st) {
      aseankg_error_set(&error, st, options->output ? options->output : "<stdout>", 0U, 0U, "write error");
    }
    st = st ? st : aseankg_output_commit(&output, &error);
  }
  if (progress) {
    end_progress();
  }

  const int exit_code = st ? report(&error) : 0;
  aseankg_output_abort(&output);
  aseankg_project_release(&project);
  aseankg_graph_free(graph);
  return exit_code;
}

/* --- diff ------------------------------------------------------------------------- */

typedef struct {
  AseankgQuadList list;
  const char*     progress; /* the file being read, when progress is shown; NULL otherwise */
} QuadVector;

/* Progress goes to a terminal only, and only for inputs big enough to make someone wait. */
static int
wants_progress(const Options* const options)
{
  off_t total = 0;
  for (int i = 0; i < 2; ++i) {
    struct stat info;
    if (!strcmp(options->files[i], "-")) {
      total += (off_t)64 * 1024 * 1024;
    } else if (!stat(options->files[i], &info)) {
      total += info.st_size;
    }
  }
  return isatty(STDERR_FILENO) && total >= (off_t)32 * 1024 * 1024;
}

static AseankgStatus
append_quad(void* const handle, const AseankgQuad* const quad)
{
  QuadVector* const   v  = (QuadVector*)handle;
  const AseankgStatus st = aseankg_quad_list_append(&v->list, quad);
  if (!st && v->progress && !(v->list.count & 0xFFFFFU)) {
    show_progress("%s: %zu statements", v->progress, v->list.count);
  }
  return st;
}

static int
run_diff(const Options* const options)
{
  const char* const       format  = options->format ? options->format : "text";
  const AseankgDiffFormat kinds[] = { ASEANKG_DIFF_TEXT, ASEANKG_DIFF_RDF_PATCH, ASEANKG_DIFF_SPARQL_UPDATE };
  const char* const       names[] = { "text", "rdf-patch", "sparql-update" };
  size_t                  kind    = 0U;
  while (kind < 3U && strcmp(format, names[kind])) {
    ++kind;
  }
  if (kind == 3U) {
    return usage_error("unknown diff format: ", format);
  }
  if (!strcmp(options->files[0], "-") && !strcmp(options->files[1], "-")) {
    return usage_error("only one input can be standard input", NULL);
  }

  AseankgError  error;
  AseankgGraph* graph = aseankg_graph_new();
  AseankgDiff*  diff  = NULL;
  QuadVector    sides[2];
  memset(sides, 0, sizeof(sides));
  aseankg_error_clear(&error);

  const int     progress = wants_progress(options);
  AseankgStatus st       = graph ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  for (int s = 0; s < 2 && !st; ++s) {
    const AseankgReadOptions read = { 0, s ? ASEANKG_DIFF_NEW_PREFIX : ASEANKG_DIFF_OLD_PREFIX, append_quad,
                                      &sides[s] };
    sides[s].progress             = progress ? options->files[s] : NULL;
    st = aseankg_read_path(graph, options->files[s], options->syntax, &read, &error);
  }
  if (progress) {
    show_progress("matching blank nodes: %zu statements", sides[0].list.count + sides[1].list.count);
  }
  st = st ? st
          : aseankg_diff_compute(&diff, graph, sides[0].list.quads, sides[0].list.count, sides[1].list.quads,
                                 sides[1].list.count, &error);
  if (!st && options->graph) {
    if ((st = aseankg_diff_set_graph(diff, options->graph))) {
      aseankg_error_set(&error, st, "--graph", 0U, 0U, "<%s> is not an absolute IRI of allowed characters",
                        options->graph);
    }
  }
  if (!st) {
    st = aseankg_diff_write(diff, stdout, kinds[kind]);
    if (st) {
      aseankg_error_set(&error, st, "<stdout>", 0U, 0U, "write error");
    }
  }

  if (progress) {
    end_progress();
  }
  int exit_code = EXIT_USAGE; /* trouble */
  if (st) {
    print_error(&error);
  } else {
    fprintf(stderr, "%zu removed, %zu added\n", aseankg_diff_removed(diff), aseankg_diff_added(diff));
    exit_code = aseankg_diff_removed(diff) || aseankg_diff_added(diff) ? 1 : 0;
  }
  aseankg_diff_free(diff);
  aseankg_quad_list_release(&sides[0].list);
  aseankg_quad_list_release(&sides[1].list);
  aseankg_graph_free(graph);
  return exit_code;
}

/* --- patch and canon ---------------------------------------------------------------- */

static int
has_named_graphs(const AseankgGraph* const graph)
{
  const AseankgQuad* const quads = aseankg_graph_quads(graph);
  for (size_t i = 0U; i < aseankg_graph_size(graph); ++i) {
    if (quads[i].graph) {
      return 1;
    }
  }
  return 0;
}

/* Sort and write a graph as canonical N-Triples, or N-Quads if it has named graphs or FILE ends in .nq. */
static AseankgStatus
write_sorted(AseankgGraph* const graph, const char* const path, int nquads, AseankgError* const error)
{
  const char* const syntax = path ? aseankg_syntax_from_path(path) : NULL;
  nquads                   = nquads || has_named_graphs(graph) || (syntax && !strcmp(syntax, "nquads"));

  AseankgOutput output;
  aseankg_graph_sort(graph);
  AseankgStatus st = aseankg_output_open(&output, path, error);
  if (!st && aseankg_ntriples_write(graph, output.stream, nquads)) {
    st = aseankg_error_set(error, ASEANKG_ERR_IO, path ? path : "<stdout>", 0U, 0U, "write error");
  }
  st = st ? st : aseankg_output_commit(&output, error);
  aseankg_output_abort(&output);
  return st;
}

static int
run_patch(const Options* const options)
{
  AseankgError  error;
  AseankgGraph* graph = aseankg_graph_new();
  aseankg_error_clear(&error);

  AseankgStatus st = graph ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  st               = st ? st : aseankg_read_path(graph, options->files[0], options->syntax, NULL, &error);
  if (!st) {
    const int   is_stdin = !strcmp(options->files[1], "-");
    FILE* const stream   = is_stdin ? stdin : fopen(options->files[1], "rb");
    if (!stream) {
      st = aseankg_error_set(&error, ASEANKG_ERR_IO, options->files[1], 0U, 0U, "cannot open");
    } else {
      st = aseankg_patch_apply(graph, stream, options->files[1], &error);
      if (!is_stdin) {
        fclose(stream);
      }
    }
  }
  st = st ? st : write_sorted(graph, options->output, 0, &error);

  aseankg_graph_free(graph);
  return st ? report(&error) : 0;
}

static int
run_canon(const Options* const options)
{
  AseankgCanonOptions canon = { options->hash, 0U };
  if (options->max_work) {
    char*               end  = NULL;
    const unsigned long work = strtoul(options->max_work, &end, 10);
    if (*end || !work || options->max_work[0] < '0' || options->max_work[0] > '9') {
      return usage_error("--max-work needs a positive number: ", options->max_work);
    }
    canon.max_work = (size_t)work;
  }

  AseankgError  error;
  AseankgGraph* input  = aseankg_graph_new();
  AseankgGraph* output = aseankg_graph_new();
  aseankg_error_clear(&error);

  AseankgStatus st = input && output ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  st               = st ? st : aseankg_read_path(input, options->files[0], options->syntax, NULL, &error);
  st               = st ? st : aseankg_canon(input, output, &canon, NULL, &error);
  st               = st ? st : write_sorted(output, options->output, 1, &error);

  aseankg_graph_free(input);
  aseankg_graph_free(output);
  return st ? report(&error) : 0;
}

/* --- load and query ------------------------------------------------------------------ */

static AseankgStatus
open_store(const Options* const options, const AseankgStoreMode mode, AseankgStore** const store,
           AseankgError* const error)
{
  char              buffer[4096];
  const char* const path =
    options->store ? options->store : aseankg_store_default_path(buffer, sizeof(buffer));
  if (!path) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, "--store", 0U, 0U,
                             "no store path: set HOME or use --store");
  }
  return aseankg_store_open(store, path, mode, error);
}

/* The graph a file is loaded into when --graph does not name one: the file's own URI. */
static AseankgStatus
file_graph_iri(const char* const path, char* const iri, const size_t size, AseankgError* const error)
{
  char* const uri = aseankg_path_to_iri(path);
  if (!uri) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open: %s", strerror(errno));
  }
  const int fits = (size_t)snprintf(iri, size, "%s", uri) < size;
  free(uri);
  return fits ? ASEANKG_SUCCESS : aseankg_error_set(error, ASEANKG_ERR_USAGE, path, 0U, 0U, "path too long");
}

/* The contents of FILE ("-" for standard input). */
static char*
read_text(const char* const path, AseankgError* const error)
{
  const int   is_stdin = !strcmp(path, "-");
  FILE* const stream   = is_stdin ? stdin : fopen(path, "rb");
  if (!stream) {
    aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open: %s", strerror(errno));
    return NULL;
  }
  char*  text = NULL;
  size_t size = 0U;
  FILE*  sink = open_memstream(&text, &size);
  char   chunk[8192];
  for (size_t n = 0U; sink && (n = fread(chunk, 1U, sizeof(chunk), stream)) > 0U;) {
    fwrite(chunk, 1U, n, sink);
  }
  if (sink) {
    fclose(sink);
  }
  if (!is_stdin) {
    fclose(stream);
  }
  return text;
}

/* The query text: the argument itself, or the contents of FILE for "@FILE". */
static char*
query_text(const char* const argument, AseankgError* const error)
{
  return argument[0] == '@' ? read_text(argument + 1, error) : strdup(argument);
}

/* The remote service from --endpoint and the timeouts; returns 0 or a usage error's exit code. */
static int
remote_from(const Options* const options, AseankgRemote* const remote)
{
  const char* const values[2]  = { options->connect_timeout, options->timeout };
  long              seconds[2] = { 0L, 0L };
  for (int i = 0; i < 2; ++i) {
    char* end = NULL;
    if (values[i] && ((seconds[i] = strtol(values[i], &end, 10)) <= 0L || *end)) {
      return usage_error("a timeout must be a positive number of seconds: ", values[i]);
    }
  }
  remote->endpoint        = options->endpoint;
  remote->connect_timeout = seconds[0];
  remote->timeout         = seconds[1];
  return 0;
}

/* load --endpoint: each file to the Graph Store, PUT with --replace, POST otherwise. */
static int
run_remote_load(const Options* const options)
{
  AseankgRemote remote;
  int           exit_code = remote_from(options, &remote);
  if (exit_code) {
    return exit_code;
  }

  AseankgError error;
  aseankg_error_clear(&error);
  AseankgStatus st = ASEANKG_SUCCESS;
  for (int i = 0; !st && i < options->n_files; ++i) {
    const char* const syntax =
      options->syntax ? options->syntax : aseankg_syntax_from_path(options->files[i]);
    char iri[4200];
    st = options->graph ? ASEANKG_SUCCESS : file_graph_iri(options->files[i], iri, sizeof(iri), &error);
    st = st ? st
            : aseankg_remote_load(&remote, options->graph ? options->graph : iri, options->files[i],
                                  syntax ? syntax : "unknown",
                                  options->replace && (!options->graph || i == 0), &error);
  }
  return st ? report(&error) : 0;
}

static int
run_update(const Options* const options)
{
  AseankgRemote remote;
  if (!options->endpoint) {
    AseankgError  error;
    AseankgStore* store = NULL;
    aseankg_error_clear(&error);
    char* const   text = read_text(options->files[0], &error);
    AseankgStatus st   = text ? ASEANKG_SUCCESS : (error.status ? error.status : ASEANKG_ERR_NOMEM);
    st                 = st ? st : open_store(options, ASEANKG_STORE_WRITE, &store, &error);
    st                 = st ? st : aseankg_store_update(store, text, ASEANKG_STORE_UNION, &error);
    aseankg_store_free(store);
    free(text);
    return st ? report(&error) : 0;
  }
  int exit_code = remote_from(options, &remote);
  if (exit_code) {
    return exit_code;
  }

  AseankgError error;
  aseankg_error_clear(&error);
  char* const   text = read_text(options->files[0], &error);
  AseankgStatus st   = text ? aseankg_remote_update(&remote, text, &error) : ASEANKG_ERR_IO;
  free(text);
  return st ? report(&error) : 0;
}

static int
run_load(const Options* const options)
{
  if (options->endpoint) {
    return run_remote_load(options);
  }

  AseankgError  error;
  AseankgStore* store = NULL;
  aseankg_error_clear(&error);
  AseankgStatus st = open_store(options, ASEANKG_STORE_WRITE, &store, &error);
  st               = st ? st : aseankg_store_begin(store, &error);

  /* One transaction for every file: all of them load, or none. With --graph every file goes into that one
   * graph; otherwise each file is its own graph. */
  AseankgGraph* graph = NULL;
  for (int i = 0; !st && i < options->n_files; ++i) {
    if (!graph && !(graph = aseankg_graph_new())) {
      st = aseankg_error_set(&error, ASEANKG_ERR_NOMEM, options->files[i], 0U, 0U, "out of memory");
      break;
    }
    st = aseankg_read_path(graph, options->files[i], options->syntax, NULL, &error);
    if (!st && (!options->graph || i + 1 == options->n_files)) {
      char iri[4200];
      st = options->graph ? ASEANKG_SUCCESS : file_graph_iri(options->files[i], iri, sizeof(iri), &error);
      st = st ? st : aseankg_store_replace(store, options->graph ? options->graph : iri, graph, &error);
      aseankg_graph_free(graph);
      graph = NULL;
    }
  }
  st             = st ? st : aseankg_store_commit(store, &error);
  size_t graphs  = 0U;
  size_t triples = 0U;
  st             = st ? st : aseankg_store_count(store, &graphs, &triples, &error);
  if (!st) {
    fprintf(stderr, "aseankg: the store holds %zu graphs, %zu triples\n", graphs, triples);
  }
  aseankg_graph_free(graph);
  aseankg_store_free(store);
  return st ? report(&error) : 0;
}

static int
run_query(const Options* const options)
{
  if (options->endpoint) {
    AseankgRemote remote;
    AseankgError  error;
    const int     exit_code = remote_from(options, &remote);
    if (exit_code) {
      return exit_code;
    }
    aseankg_error_clear(&error);
    char* const   text = query_text(options->files[0], &error);
    AseankgStatus st =
      text
        ? aseankg_remote_query(&remote, text, options->results ? options->results : "table", stdout, &error)
        : ASEANKG_ERR_IO;
    free(text);
    return st ? report(&error) : 0;
  }

  AseankgError  error;
  AseankgStore* store = NULL;
  aseankg_error_clear(&error);
  char* const   text = query_text(options->files[0], &error);
  AseankgStatus st   = text ? ASEANKG_SUCCESS : (error.status ? error.status : ASEANKG_ERR_NOMEM);
  st                 = st ? st : open_store(options, ASEANKG_STORE_READ, &store, &error);
  st                 = st ? st
                          : aseankg_store_query(store, text, options->results ? options->results : "table",
                                                ASEANKG_STORE_UNION, stdout, &error);
  aseankg_store_free(store);
  free(text);
  return st ? report(&error) : 0;
}

/*
   Where the data and ontology are when no option names them: the working
   directory if it has them (a source checkout), else the installed copy found
   relative to the binary (so an installed tree can move), else the configured
   install location.
*/
static const char*
default_path(const char* const relative, char* const storage, const size_t size)
{
  struct stat info;
  if (!stat(relative, &info)) {
    return relative;
  }

  char          exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1U);
  if (n > 0) {
    exe[n]            = '\0';
    char* const slash = strrchr(exe, '/');
    if (slash) {
      *slash = '\0';
      snprintf(storage, size, "%s/%s/%s", exe, ASEANKG_DATADIR_FROM_BINDIR, relative);
      if (!stat(storage, &info)) {
        return storage;
      }
    }
  }
  snprintf(storage, size, "%s/%s", ASEANKG_DATADIR, relative);
  return storage;
}

/* Close standard output and say so if what was written there was lost. */
static int
finish_stdout(void)
{
  if (fclose(stdout)) {
    fprintf(stderr, "aseankg: <stdout>: write error\n");
    return EXIT_DATA;
  }
  return 0;
}

int
main(const int argc, char** const argv)
{
  if (argc < 2) {
    return usage_error("no command given", NULL);
  }
  if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
    fputs(usage_text, stdout);
    return finish_stdout();
  }
  if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
    printf("aseankg %s (raptor %s, librdf %s)\n", aseankg_version(), aseankg_raptor_version(),
           aseankg_librdf_version());
    return finish_stdout();
  }

  static const struct {
    const char* name;
    int         min_files;
    int         max_files;
    const char* options; /* the options it takes */
  } commands[] = {
    { "export", 0, 0, "--format --output --data --ontology --base --clause --around --document" },
    { "check", 0, 0, "--data --ontology --base" },
    { "diff", 2, 2, "--format --input --graph" },
    { "patch", 2, 2, "--input --output" },
    { "canon", 1, 1, "--input --output --max-work --hash" },
    { "load", 1, 64, "--store --graph --input --endpoint --replace --timeout --connect-timeout" },
    { "query", 1, 1, "--store --endpoint --results --timeout --connect-timeout" },
    { "update", 1, 1, "--store --endpoint --timeout --connect-timeout" },
  };
  size_t c = 0U;
  while (c < sizeof(commands) / sizeof(commands[0]) && strcmp(argv[1], commands[c].name)) {
    ++c;
  }
  if (c == sizeof(commands) / sizeof(commands[0])) {
    return usage_error("unknown command: ", argv[1]);
  }

  Options options;
  memset(&options, 0, sizeof(options));
  char data_dir[4200];
  char ontology[4200];
  options.data_dir = default_path("data", data_dir, sizeof(data_dir));
  options.ontology = default_path("ontology/aseankg.ttl", ontology, sizeof(ontology));
  options.base     = ASEANKG_DEFAULT_BASE;

  int exit_code =
    parse_options(argc, argv, &options, commands[c].min_files, commands[c].max_files, commands[c].options);
  if (!exit_code && c <= 1U && aseankg_export_check_base(options.base, NULL)) {
    exit_code = usage_error("--base must be an absolute IRI of allowed characters ending in '/' or '#': ",
                            options.base);
  }
  if (!exit_code) {
    switch (c) {
      case 0:
      case 1:
        exit_code = run_export(&options, c == 0U);
        break;
      case 2:
        exit_code = run_diff(&options);
        break;
      case 3:
        exit_code = run_patch(&options);
        break;
      case 4:
        exit_code = run_canon(&options);
        break;
      case 5:
        exit_code = run_load(&options);
        break;
      case 6:
        exit_code = run_query(&options);
        break;
      default:
        exit_code = run_update(&options);
        break;
    }
  }
  /* A lost write is trouble even when diff found differences (exit 1 would hide it). */
  if (fclose(stdout) && (!exit_code || c == 2U)) {
    fprintf(stderr, "aseankg: <stdout>: write error\n");
    exit_code = c == 2U ? EXIT_USAGE : EXIT_DATA;
  }
  return exit_code;
}
