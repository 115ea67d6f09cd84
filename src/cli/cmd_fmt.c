/* aseankg fmt: any RDF file rewritten as deterministic pretty Turtle / TriG (or sorted N-Triples / N-Quads).
 */
#include "cli.h"

#include "aseankg/aseankg.h"
#include "aseankg/fmt.h"

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
  AseankgOutput     output;
  memset(&output, 0, sizeof(output));
  aseankg_error_clear(&error);
  AseankgStatus st = graph ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  st = st ? st : aseankg_read_path_prefixes(graph, input, args->syntax, NULL, &prefixes, &error);
  st = st ? st : aseankg_output_open(&output, args->in_place ? input : args->output, &error);
  if (!st) {
    st = aseankg_fmt_write_graph(graph, output.stream,
                                 strcmp(format, "turtle") ? ASEANKG_FMT_NTRIPLES : ASEANKG_FMT_TURTLE,
                                 prefixes.prefixes, prefixes.count, &error);
    if (st == ASEANKG_ERR_IO) {
      aseankg_error_clear(&error);
      aseankg_error_set(&error, st, output.path ? output.path : "<stdout>", 0U, 0U, "write error");
    }
  }
  st = st ? st : aseankg_output_commit(&output, &error);
  aseankg_output_abort(&output);
  aseankg_prefix_list_release(&prefixes);
  aseankg_graph_free(graph);
  return st ? cli_report(&error) : 0;
}
