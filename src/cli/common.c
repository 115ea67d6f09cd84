/* What several commands share: usage errors, error reports, progress lines, reading a whole file. */
#include "cli.h"

#include "aseankg/aseankg.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* The command being run, whose help a usage error points to; NULL before one is known. */
static const CliCommand* usage_command = NULL;

void
cli_set_command(const CliCommand* const command)
{
  usage_command = command;
}

int
cli_usage_error(const char* const message, const char* const detail)
{
  char escaped[1024]; /* an argument may hold anything, even terminal escapes */
  fprintf(stderr, "aseankg: %s%s\nTry 'aseankg %s%s--help'.\n", message,
          aseankg_error_escape(detail ? detail : "", escaped, sizeof(escaped)),
          usage_command ? usage_command->name : "", usage_command ? " " : "");
  return CLI_EXIT_USAGE;
}

int
cli_default_graph_name(const char* const option, const char* const name)
{
  if (!strcmp(name, CLI_DEFAULT_GRAPH)) {
    return 1;
  }
  if (strcasecmp(name, CLI_DEFAULT_GRAPH)) {
    return 0;
  }
  char message[128]; /* one spelling, as `graphs` lists it */
  snprintf(message, sizeof(message), "%s names the default graph " CLI_DEFAULT_GRAPH ", in capitals; not ",
           option);
  return -cli_usage_error(message, name);
}

/* The option that feeds the library's argument `parameter`, so an error about it names the option. */
static const char*
option_for_parameter(const char* const parameter)
{
  for (size_t o = 0U; o < cli_n_options; ++o) {
    const CliOption* const option = &cli_options[o];
    if (!strcmp(option->parameter ? option->parameter : option->long_name, parameter)) {
      return option->long_name;
    }
  }
  return NULL;
}

AseankgStatus
cli_name_stream(const AseankgStatus st, const char* const file, AseankgError* const error)
{
  if (st && !strcmp(error->parameter, "stream")) {
    char message[sizeof(error->message)];
    snprintf(message, sizeof(message), "%s", error->message);
    aseankg_error_clear(error);
    aseankg_error_set(error, st, file, 0U, 0U, "%s", message);
  }
  return st;
}

void
cli_print_error(const AseankgError* const error)
{
  char              line[1200];
  const char* const option = error->parameter[0] ? option_for_parameter(error->parameter) : NULL;
  if (option) {
    fprintf(stderr, "aseankg: --%s: %s\n", option, aseankg_error_escape(error->message, line, sizeof(line)));
  } else {
    fprintf(stderr, "aseankg: %s\n", aseankg_error_format(error, line, sizeof(line)));
  }
}

int
cli_report(const AseankgError* const error)
{
  cli_print_error(error);
  return error->status == ASEANKG_ERR_USAGE ? CLI_EXIT_USAGE : CLI_EXIT_DATA;
}

void
cli_show_progress(const char* const format, ...)
{
  va_list args;
  va_start(args, format);
  fputs("\r\033[Kaseankg: ", stderr);
  vfprintf(stderr, format, args);
  va_end(args);
  fflush(stderr);
}

void
cli_end_progress(void)
{
  fputs("\r\033[K", stderr);
}

FILE*
cli_open_file(const char* const path, AseankgError* const error)
{
  FILE* const stream = fopen(path, "rb");
  struct stat info;
  if (!stream) {
    aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open: %s", strerror(errno));
    return NULL;
  }
  if (!fstat(fileno(stream), &info) && S_ISDIR(info.st_mode)) {
    aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "is a directory, not a file");
    fclose(stream);
    return NULL;
  }
  return stream;
}

char*
cli_read_text(const char* const path, AseankgError* const error)
{
  const size_t max      = (size_t)16U * 1024U * 1024U;
  const int    is_stdin = !strcmp(path, "-");
  FILE* const  stream   = is_stdin ? stdin : cli_open_file(path, error);
  if (!stream) {
    return NULL;
  }
  char*  text = NULL;
  size_t size = 0U;
  size_t read = 0U;
  FILE*  sink = open_memstream(&text, &size);
  char   chunk[8192];
  for (size_t n = 0U; sink && read <= max && (n = fread(chunk, 1U, sizeof(chunk), stream)) > 0U; read += n) {
    fwrite(chunk, 1U, n, sink);
  }
  const int failed = ferror(stream) || read > max || !sink;
  if (sink) {
    fclose(sink);
  }
  if (failed) {
    aseankg_error_set(error,
                      !sink        ? ASEANKG_ERR_NOMEM
                      : read > max ? ASEANKG_ERR_DATA
                                   : ASEANKG_ERR_IO,
                      is_stdin ? "<stdin>" : path, 0U, 0U, "%s",
                      !sink        ? "out of memory"
                      : read > max ? "larger than 16777216 bytes"
                                   : "read error");
    free(text);
    text = NULL;
  }
  if (!is_stdin) {
    fclose(stream);
  }
  return text;
}

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

AseankgStatus
cli_write_sorted(AseankgGraph* const graph, const char* const path, int nquads, AseankgError* const error)
{
  const char* const syntax = path ? aseankg_syntax_from_path(path) : NULL;
  nquads                   = nquads || has_named_graphs(graph) || (syntax && !strcmp(syntax, "nquads"));

  AseankgOutput output;
  aseankg_graph_sort(graph);
  const AseankgWriteOptions options = { path ? path : "<stdout>", NULL, 0U };
  const AseankgSyntax       written = nquads ? ASEANKG_SYNTAX_NQUADS : ASEANKG_SYNTAX_NTRIPLES;
  AseankgStatus             st      = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, aseankg_output_open(&output, path, error));
  TRY_CLEANUP(st, aseankg_graph_write(graph, output.stream, written, &options, error));
  st = aseankg_output_commit(&output, error);

cleanup:
  aseankg_output_abort(&output);
  return st;
}

AseankgStoreDefaultGraph
cli_default_graph(const CliArgs* const args)
{
  return args->default_graph && !strcmp(args->default_graph, "separate") ? ASEANKG_STORE_SEPARATE
                                                                         : ASEANKG_STORE_UNION;
}

AseankgStatus
cli_open_store(const CliArgs* const args, const AseankgStoreMode mode, AseankgStore** const store,
               AseankgError* const error)
{
  char              buffer[4096];
  const char* const path = args->store ? args->store : aseankg_store_default_path(buffer, sizeof(buffer));
  if (!path) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "store",
                                       "no store path: set HOME or ASEANKG_STORE, or name one");
  }
  const AseankgStatus st = aseankg_store_open(store, path, mode, error);
  if (st && mode == ASEANKG_STORE_READ && aseankg_store_old_format(path) >= 0) {
    /* the one command that migrates it: an empty update opens the store for writing and changes nothing */
    char   quoted[sizeof(error->message)]; /* the path in single quotes, each ' in it as '\'' */
    size_t q = 0U;
    for (const char* c = path; *c && q + 5U < sizeof(quoted); ++c) {
      if (*c == '\'') {
        memcpy(quoted + q, "'\\''", 4U);
        q += 4U;
      } else {
        quoted[q++] = *c;
      }
    }
    quoted[q]         = '\0';
    const size_t used = strlen(error->message);
    snprintf(error->message + used, sizeof(error->message) - used,
             "; to migrate it, run: aseankg update --store '%s' - < /dev/null", quoted);
  }
  return st;
}

int
cli_remote_from(const CliArgs* const args, AseankgRemote* const remote)
{
  const char* const values[2]  = { args->connect_timeout, args->timeout };
  long              seconds[2] = { 0L, 0L };
  for (int i = 0; i < 2; ++i) {
    char* end = NULL;
    if (values[i] && ((seconds[i] = strtol(values[i], &end, 10)) <= 0L || *end)) {
      return cli_usage_error("a timeout must be a positive number of seconds: ", values[i]);
    }
  }
  if (aseankg_remote_global_init()) {
    fputs("aseankg: cannot initialise libcurl\n", stderr);
    return CLI_EXIT_DATA;
  }
  remote->endpoint        = args->endpoint;
  remote->connect_timeout = seconds[0];
  remote->timeout         = seconds[1];
  return 0;
}
