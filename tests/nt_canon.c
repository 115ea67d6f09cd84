/* Test helper: read N-Triples (stdin or a file) with aseankg's reader, write sorted canonical N-Triples. */
#include "aseankg/aseankg.h"

#include <stdio.h>
#include <string.h>

int
main(const int argc, char** const argv)
{
  const char* const path   = argc > 1 ? argv[1] : "-";
  FILE* const       stream = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!stream) {
    perror(path);
    return 1;
  }

  AseankgGraph* const graph = aseankg_graph_new();
  AseankgError        error;
  aseankg_error_clear(&error);
  AseankgStatus st = aseankg_ntriples_read(graph, stream, path, 0, &error);
  if (!st) {
    aseankg_graph_sort(graph);
    st = aseankg_ntriples_write(graph, stdout, 0);
  }
  if (st) {
    char line[1024];
    fprintf(stderr, "nt_canon: %s\n", aseankg_error_format(&error, line, sizeof(line)));
  }
  if (stream != stdin) {
    fclose(stream);
  }
  aseankg_graph_free(graph);
  return st ? 1 : 0;
}
