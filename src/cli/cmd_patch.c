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
  AseankgGraph*            graph = aseankg_graph_new();
  aseankg_error_clear(&error);

  AseankgStatus st = graph ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  st               = st ? st : aseankg_read_path(graph, files[0], args->syntax, NULL, &error);
  if (!st) {
    const int   is_stdin = !strcmp(files[1], "-");
    FILE* const stream   = is_stdin ? stdin : fopen(files[1], "rb");
    if (!stream) {
      st = aseankg_error_set(&error, ASEANKG_ERR_IO, files[1], 0U, 0U, "cannot open");
    } else {
      st = aseankg_patch_apply(graph, stream, files[1], &error);
      if (!is_stdin) {
        fclose(stream);
      }
    }
  }
  st = st ? st : cli_write_sorted(graph, args->output, 0, &error);

  aseankg_graph_free(graph);
  return st ? cli_report(&error) : 0;
}
