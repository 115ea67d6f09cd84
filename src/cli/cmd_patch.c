/* aseankg patch: apply an RDF Patch to a graph and write the result sorted. */
#include "cli.h"

#include "aseankg/aseankg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
cli_patch(const CliArgs* const args)
{
  const char* const* const files = args->operands.items;
  AseankgError             error;
  if (!strcmp(files[0], "-") && !strcmp(files[1], "-")) {
    return cli_usage_error("only one input can be standard input", NULL);
  }
  AseankgGraph* graph = aseankg_graph_new();
  aseankg_error_clear(&error);

  AseankgStatus st       = ASEANKG_SUCCESS;
  int           is_stdin = 0;
  FILE*         stream   = NULL;
  if (!graph) {
    TRY_CLEANUP(st, aseankg_error_set(&error, ASEANKG_ERR_NOMEM, files[0], 0U, 0U, "out of memory"));
  }
  TRY_CLEANUP(st, aseankg_read_path(graph, files[0], args->syntax, NULL, &error));
  is_stdin = !strcmp(files[1], "-");
  stream   = is_stdin ? stdin : cli_open_file(files[1], &error);
  if (!stream) {
    TRY_CLEANUP(st, error.status);
  }
  const AseankgPatchOptions options = { args->reverse };
  TRY_CLEANUP(st, aseankg_patch_apply_with(graph, stream, files[1], &options, &error));
  st = cli_write_sorted(graph, args->output, 0, &error);

cleanup:
  if (stream && !is_stdin) {
    fclose(stream);
  }
  aseankg_graph_free(graph);
  return st ? cli_report(&error) : 0;
}
