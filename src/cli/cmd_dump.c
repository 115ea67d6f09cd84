/* aseankg dump: a graph of the embedded store as canonical N-Triples, or every graph as N-Quads. */
#include "cli.h"

#include "aseankg/output.h"

#include "../util/try.h"

#include <stdio.h>
#include <string.h>

int
cli_dump(const CliArgs* const args)
{
  AseankgError  error;
  AseankgStore* store = NULL;
  AseankgOutput output;
  memset(&output, 0, sizeof(output));
  aseankg_error_clear(&error);
  /* CLI_DEFAULT_GRAPH, as `graphs` lists it, names the default graph: it is never an absolute IRI. */
  const int default_graph = args->graph ? cli_default_graph_name("--graph", args->graph) : 0;
  if (default_graph < 0) {
    return -default_graph;
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, cli_open_store(args, ASEANKG_STORE_READ, &store, &error));
  TRY_CLEANUP(st, aseankg_output_open(&output, args->output, &error));
  const char* const file = args->output ? args->output : "<stdout>";
  if (args->graph) {
    TRY_CLEANUP(st, cli_name_stream(
                      aseankg_store_dump(store, default_graph ? NULL : args->graph, output.stream, &error),
                      file, &error));
  } else {
    TRY_CLEANUP(st, cli_name_stream(aseankg_store_dump_all(store, output.stream, &error), file, &error));
  }
  TRY_CLEANUP(st, aseankg_output_commit(&output, &error));
cleanup:
  aseankg_output_abort(&output);
  aseankg_store_free(store);
  return st ? cli_report(&error) : 0;
}
