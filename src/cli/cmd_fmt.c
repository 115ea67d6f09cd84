/* aseankg fmt: any RDF file rewritten as deterministic pretty Turtle / TriG (or sorted N-Triples / N-Quads).
 */
#include "cli.h"

#include "aseankg/aseankg.h"
#include "aseankg/fmt.h"

#include "../util/try.h"

#include <string.h>

int
cli_fmt(const CliArgs* const args)
{
  const char* const format = args->format ? args->format : "turtle";
  const char* const input  = args->operands.items[0];
  if (strcmp(format, "turtle") && strcmp(format, "ntriples")) {
    return cli_usage_error("unknown fmt format: ", format);
  }
  if (args->in_place && (args->output || !strcmp(input, "-"))) {
    return cli_usage_error("--in-place rewrites a named FILE and takes no --output", NULL);
  }

  AseankgError      error;
  AseankgGraph*     graph    = aseankg_graph_new();
  AseankgPrefixList prefixes = { NULL, 0U, 0U };
  AseankgFmt*       fmt      = NULL;
  AseankgOutput     output;
  memset(&output, 0, sizeof(output));
  aseankg_error_clear(&error);
  /* Statements go to a list, not the graph's duplicate index: the formatter drops duplicates itself. */
  AseankgQuadList    quads = { NULL, 0U, 0U };
  AseankgReadOptions read  = { 0, NULL, aseankg_quad_list_append, &quads };
  AseankgStatus      st    = ASEANKG_SUCCESS;
  if (!graph) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  TRY_CLEANUP(st, aseankg_read_path_prefixes(graph, input, args->syntax, &read, &prefixes, &error));
  TRY_CLEANUP(st, aseankg_output_open(&output, args->in_place ? input : args->output, &error));
  static const AseankgQuad none = { 0U, 0U, 0U, 0U };
  AseankgFmtOptions        options;
  memset(&options, 0, sizeof(options));
  options.syntax     = strcmp(format, "turtle") ? ASEANKG_FMT_NTRIPLES : ASEANKG_FMT_TURTLE;
  options.prefixes   = prefixes.prefixes;
  options.n_prefixes = prefixes.count;
  options.quads      = quads.quads ? quads.quads : &none;
  options.n_quads    = quads.count;
  TRY_CLEANUP(st, aseankg_fmt_new(&fmt, graph, &options, &error));
  TRY_CLEANUP(st, cli_name_stream(aseankg_fmt_write(fmt, output.stream, &error),
                                  output.path ? output.path : "<stdout>", &error));
  st = aseankg_output_commit(&output, &error);

cleanup:
  aseankg_fmt_free(fmt);
  aseankg_output_abort(&output);
  aseankg_quad_list_release(&quads);
  aseankg_prefix_list_release(&prefixes);
  aseankg_graph_free(graph);
  return st ? cli_report(&error) : 0;
}
