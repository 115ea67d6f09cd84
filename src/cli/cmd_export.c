/* aseankg export and aseankg check: build the graph from the curated data and write or count it. */
#include "cli.h"

#include "aseankg/aseankg.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
run_export(const CliArgs* const args, const int write)
{
  const char* const format   = args->format ? args->format : "turtle";
  const int         nquads   = !strcmp(format, "nquads");
  const int         ntriples = !strcmp(format, "ntriples");
  const int         dot      = !strcmp(format, "dot");
  const int         html     = !strcmp(format, "html");
  const int         jsonld   = !strcmp(format, "jsonld");
  const int build = !write || (!dot && !html); /* the DOT and HTML writers check the data themselves */
  if ((args->clause || args->around) && !(write && dot)) {
    return cli_usage_error(args->clause ? "--clause" : "--around", " applies to export --format dot only");
  }
  if (args->document && !(write && (dot || html))) {
    return cli_usage_error("--document", " applies to export --format dot and html only");
  }
  char              data_dir[4200];
  char              ontology_path[4200];
  const char* const data = args->data_dir ? args->data_dir : default_path("data", data_dir, sizeof(data_dir));
  const char* const ontology = args->ontology
                                 ? args->ontology
                                 : default_path("ontology/aseankg.ttl", ontology_path, sizeof(ontology_path));
  const char* const base     = args->base ? args->base : ASEANKG_DEFAULT_BASE;
  if (aseankg_export_check_base(base, NULL)) {
    return cli_usage_error("--base must be an absolute IRI of allowed characters ending in '/' or '#': ",
                           base);
  }

  AseankgError       error;
  AseankgProject     project;
  AseankgExportStats stats;
  AseankgOutput      output;
  AseankgGraph*      graph = aseankg_graph_new();
  aseankg_error_clear(&error);
  memset(&output, 0, sizeof(output));
  memset(&project, 0, sizeof(project));

  AseankgStatus st       = ASEANKG_SUCCESS;
  int           progress = 0;
  if (!graph) {
    TRY_CLEANUP(st, aseankg_error_set(&error, ASEANKG_ERR_NOMEM, data, 0U, 0U, "out of memory"));
  }
  TRY_CLEANUP(st, aseankg_project_load(&project, data, ontology, &error));
  /* Progress is for RDF written to a file or a pipe, never interleaved with output on the terminal. */
  const int to_stdout = !args->output || !strcmp(args->output, "-");
  progress = write && build && !(to_stdout && isatty(STDOUT_FILENO)) && wants_export_progress(&project);
  if (progress) {
    cli_show_progress("building the graph of %zu document%s", project.data->n_documents,
                      project.data->n_documents == 1U ? "" : "s");
  }
  if (build) {
    TRY_CLEANUP(st, aseankg_export_build(graph, &project, base, nquads, &stats, &error));
  }
  if (!write) {
    printf("segments   %zu\nentities   %zu\nrelations  %zu\nmentions   %zu\nspans      %zu\ntriples    %zu\n",
           stats.segments, stats.entities, stats.relations, stats.mentions, stats.spans, stats.triples);
    goto cleanup;
  }
  if (progress) {
    cli_show_progress("sorting %zu statements", aseankg_graph_size(graph));
  }
  aseankg_graph_sort(graph);
  TRY_CLEANUP(st, aseankg_output_open(&output, args->output, &error));
  if (progress) {
    cli_show_progress("writing %zu statements", aseankg_graph_size(graph));
  }
  const char* const file_name = args->output ? args->output : "<stdout>";
  if (dot) {
    const AseankgDotOptions view = { args->clause, args->around, args->document, file_name };
    TRY_CLEANUP(st, aseankg_dot_write(output.stream, &project, &view, &error));
  } else if (html) {
    const AseankgHtmlOptions page = { base, args->document, file_name };
    TRY_CLEANUP(st, aseankg_html_write(output.stream, &project, &page, &error));
  } else {
    AseankgPrefix       prefixes[32];
    char                storage[4096];
    AseankgWriteOptions options = { file_name, prefixes, 0U };
    options.n_prefixes = aseankg_export_prefixes(&project, base, prefixes, 32U, storage, sizeof(storage));
    const AseankgSyntax syntax = nquads     ? ASEANKG_SYNTAX_NQUADS
                                 : ntriples ? ASEANKG_SYNTAX_NTRIPLES
                                 : jsonld   ? ASEANKG_SYNTAX_JSONLD
                                            : ASEANKG_SYNTAX_TURTLE;
    TRY_CLEANUP(st, aseankg_graph_write(graph, output.stream, syntax, &options, &error));
  }
  st = aseankg_output_commit(&output, &error);

cleanup:
  if (progress) {
    cli_end_progress();
  }
  const int exit_code = st ? cli_report(&error) : 0;
  aseankg_output_abort(&output);
  aseankg_project_release(&project);
  aseankg_graph_free(graph);
  return exit_code;
}

int
cli_export(const CliArgs* const args)
{
  return run_export(args, 1);
}

int
cli_check(const CliArgs* const args)
{
  return run_export(args, 0);
}
