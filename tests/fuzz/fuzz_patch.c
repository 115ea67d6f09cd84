/* libFuzzer harness for the RDF Patch reader: any input is applied to a small graph without crashing. */
#include "aseankg/aseankg.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t* const data, const size_t size)
{
  AseankgGraph* const graph = aseankg_graph_new();
  char* const         copy  = (char*)malloc(size + 1U);
  if (!graph || !copy) {
    aseankg_graph_free(graph);
    free(copy);
    return 0;
  }
  memcpy(copy, data, size);

  const AseankgTermId s = aseankg_graph_blank(graph, "a", 1U);
  const AseankgTermId p = aseankg_graph_iri(graph, "http://p", 8U);
  aseankg_graph_add(graph, s, p, aseankg_graph_literal(graph, "x", 1U, 0U, NULL, NULL), 0U);

  FILE* const stream = fmemopen(copy, size ? size : 1U, "rb");
  if (stream) {
    AseankgError error;
    aseankg_error_clear(&error);
    if (aseankg_patch_apply(graph, stream, "fuzz", &error) && !error.message[0]) {
      __builtin_trap(); /* every failure must say why */
    }
    fclose(stream);
  }
  free(copy);
  aseankg_graph_free(graph);
  return 0;
}
