/* libFuzzer harness for one RDF reader, FUZZ_SYNTAX ("rdfxml", "turtle", ...; set by the build): any
   input is read or refused with a message, never a crash. */
#include "aseankg/aseankg.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FUZZ_SYNTAX
#error "FUZZ_SYNTAX names the syntax this harness reads"
#endif

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t* const data, const size_t size)
{
  AseankgGraph* const graph  = aseankg_graph_new();
  char* const         copy   = (char*)malloc(size + 1U);
  FILE* const         stream = copy && size ? fmemopen(copy, size, "rb") : NULL;
  if (graph && stream) {
    memcpy(copy, data, size);
    AseankgError error;
    aseankg_error_clear(&error);
    if (aseankg_read_stream(graph, stream, "fuzz", FUZZ_SYNTAX, "http://example.org/base/", NULL, &error) &&
        !error.message[0]) {
      __builtin_trap(); /* every failure must say why */
    }
  }
  if (stream) {
    fclose(stream);
  }
  free(copy);
  aseankg_graph_free(graph);
  return 0;
}
