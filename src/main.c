/* aseankg command-line tool: a thin client of the library. */
#include "aseankg/aseankg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_DATA = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
  "Usage: aseankg COMMAND [OPTION]...\n"
  "Turn the China-ASEAN joint statement into a text-grounded RDF knowledge graph.\n"
  "\n"
  "Commands:\n"
  "  export    write the graph (Turtle by default)\n"
  "  check     validate the data and the text; write nothing\n"
  "\n"
  "Options for export and check:\n"
  "  -f, --format FORMAT  turtle (default), ntriples or nquads\n"
  "  -o, --output FILE    write to FILE (default or '-': standard output)\n"
  "  -d, --data DIR       curated data directory (default: data)\n"
  "      --ontology FILE  ontology in Turtle (default: ontology/aseankg.ttl)\n"
  "      --base IRI       base of minted IRIs (default: " ASEANKG_DEFAULT_BASE ")\n"
  "\n"
  "Other options:\n"
  "  -h, --help           show this help and exit\n"
  "  -V, --version        show the version and exit\n"
  "\n"
  "Exit status: 0 success, 1 bad data or an input/output error, 2 bad usage.\n";

typedef struct {
  const char* command;
  const char* format;
  const char* output;
  const char* data_dir;
  const char* ontology;
  const char* base;
} Options;

static int
usage_error(const char* const message, const char* const detail)
{
  fprintf(stderr, "aseankg: %s%s\nTry 'aseankg --help'.\n", message, detail ? detail : "");
  return EXIT_USAGE;
}

static int
report(const AseankgError* const error)
{
  char line[1024];
  fprintf(stderr, "aseankg: %s\n", aseankg_error_format(error, line, sizeof(line)));
  return error->status == ASEANKG_ERR_USAGE ? EXIT_USAGE : EXIT_DATA;
}

/* Take the value of option `name` from "--name=value", "--name value" or "-x value". */
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
  if (*i + 1 >= argc) {
    *value = NULL;
    return 1;
  }
  *value = argv[++*i];
  return 1;
}

static int
parse_options(const int argc, char** const argv, Options* const options)
{
  static const struct {
    const char* long_name;
    const char* short_name;
    size_t      offset;
  } table[] = {
    { "--format", "-f", offsetof(Options, format) }, { "--output", "-o", offsetof(Options, output) },
    { "--data", "-d", offsetof(Options, data_dir) }, { "--ontology", NULL, offsetof(Options, ontology) },
    { "--base", NULL, offsetof(Options, base) },
  };

  for (int i = 2; i < argc; ++i) {
    size_t      t     = 0U;
    const char* value = NULL;
    while (t < sizeof(table) / sizeof(table[0]) &&
           !option_value(argc, argv, &i, table[t].long_name, table[t].short_name, &value)) {
      ++t;
    }
    if (t == sizeof(table) / sizeof(table[0])) {
      return usage_error("unknown option or argument: ", argv[i]);
    }
    if (!value) {
      return usage_error("missing value for ", table[t].long_name);
    }
    *(const char**)(void*)((char*)options + table[t].offset) = value;
  }
  return 0;
}

static void
print_stats(const AseankgProject* const project, const AseankgExportStats* const stats)
{
  printf("segments   %zu\nentities   %zu\nrelations  %zu\nmentions   %zu\nspans      %zu\ntriples    %zu\n",
         stats->segments, stats->entities, stats->relations, stats->mentions, stats->spans, stats->triples);
  (void)project;
}

static int
run_export(const Options* const options, const int write)
{
  int                exit_code = 0;
  AseankgError       error;
  AseankgProject     project;
  AseankgExportStats stats;
  AseankgOutput      output;
  AseankgGraph*      graph    = aseankg_graph_new();
  const int          nquads   = !strcmp(options->format, "nquads");
  const int          ntriples = !strcmp(options->format, "ntriples");

  aseankg_error_clear(&error);
  memset(&output, 0, sizeof(output));
  if (!nquads && !ntriples && strcmp(options->format, "turtle")) {
    aseankg_graph_free(graph);
    return usage_error("unknown format: ", options->format);
  }
  if (!graph) {
    fprintf(stderr, "aseankg: out of memory\n");
    return EXIT_DATA;
  }

  AseankgStatus st = aseankg_project_load(&project, options->data_dir, options->ontology, &error);
  st               = st ? st : aseankg_export_build(graph, &project, options->base, nquads, &stats, &error);
  if (!st && !write) {
    print_stats(&project, &stats);
  }
  if (!st && write) {
    aseankg_graph_sort(graph);
    st = aseankg_output_open(&output, options->output, &error);
  }
  if (!st && write) {
    if (ntriples || nquads) {
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

  if (st) {
    exit_code = report(&error);
  }
  aseankg_output_abort(&output);
  aseankg_project_release(&project);
  aseankg_graph_free(graph);
  return exit_code;
}

int
main(const int argc, char** const argv)
{
  if (argc < 2) {
    return usage_error("no command given", NULL);
  }
  if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
    fputs(usage_text, stdout);
    return fclose(stdout) ? EXIT_DATA : 0;
  }
  if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
    printf("aseankg %s (raptor %s)\n", aseankg_version(), aseankg_raptor_version());
    return fclose(stdout) ? EXIT_DATA : 0;
  }

  Options   options   = { argv[1], "turtle", NULL, "data", "ontology/aseankg.ttl", ASEANKG_DEFAULT_BASE };
  const int is_export = !strcmp(argv[1], "export");
  if (!is_export && strcmp(argv[1], "check")) {
    return usage_error("unknown command: ", argv[1]);
  }

  int exit_code = parse_options(argc, argv, &options);
  if (!exit_code) {
    exit_code = run_export(&options, is_export);
  }
  if (fclose(stdout) && !exit_code) {
    fprintf(stderr, "aseankg: <stdout>: write error\n");
    exit_code = EXIT_DATA;
  }
  return exit_code;
}
