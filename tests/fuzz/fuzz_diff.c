/*
   libFuzzer harness for diff and patch: the input is two N-Triples documents
   separated by a NUL byte. If both parse, diff OLD NEW, apply the RDF Patch to
   OLD, and require the result to be isomorphic to NEW (same RDFC-1.0 form).
*/
#include "aseankg/aseankg.h"
#include "aseankg/canon.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

/* Parse `text` into `graph`; returns 0 on success. */
static int
parse(AseankgGraph* const graph, char* const text, const size_t length,
      const AseankgReadOptions* const options)
{
  FILE* const stream = fmemopen(text, length ? length : 1U, "rb");
  if (!stream) {
    return 1;
  }
  AseankgError error;
  aseankg_error_clear(&error);
  const AseankgStatus st = aseankg_ntriples_read_with(graph, stream, "fuzz", options, &error);
  fclose(stream);
  return st != ASEANKG_SUCCESS;
}

/* Canonical N-AseankgQuadList of `graph`, or NULL if canonicalization gave up within its work bound. */
static char*
canonical(const AseankgGraph* const graph)
{
  AseankgGraph* const       out     = aseankg_graph_new();
  const AseankgCanonOptions options = { NULL, 20000U };
  char*                     text    = NULL;
  size_t                    size    = 0U;
  if (out && !aseankg_canon(graph, out, &options, NULL, NULL)) {
    FILE* const sink = open_memstream(&text, &size);
    aseankg_ntriples_write(out, sink, 1);
    fclose(sink);
  }
  aseankg_graph_free(out);
  return text;
}

int
LLVMFuzzerTestOneInput(const uint8_t* const data, const size_t size)
{
  const uint8_t* const split = (const uint8_t*)memchr(data, 0, size);
  if (!split || size > 4096U) {
    return 0;
  }
  const size_t old_length = (size_t)(split - data);
  const size_t new_length = size - old_length - 1U;
  char* const  old_text   = (char*)malloc(old_length + 1U);
  char* const  new_text   = (char*)malloc(new_length + 1U);
  memcpy(old_text, data, old_length);
  memcpy(new_text, split + 1, new_length);

  AseankgGraph* const      graph      = aseankg_graph_new();
  AseankgGraph* const      patched    = aseankg_graph_new();
  AseankgGraph* const      expected   = aseankg_graph_new();
  AseankgQuadList          sides[2]   = { { NULL, 0U, 0U }, { NULL, 0U, 0U } };
  const AseankgReadOptions old_read   = { 0, ASEANKG_DIFF_OLD_PREFIX, aseankg_quad_list_append, &sides[0] };
  const AseankgReadOptions new_read   = { 0, ASEANKG_DIFF_NEW_PREFIX, aseankg_quad_list_append, &sides[1] };
  AseankgDiff*             diff       = NULL;
  char*                    patch      = NULL;
  size_t                   patch_size = 0U;

  if (parse(graph, old_text, old_length, &old_read) || parse(graph, new_text, new_length, &new_read) ||
      parse(patched, old_text, old_length, NULL) || parse(expected, new_text, new_length, NULL) ||
      aseankg_diff_compute(&diff, graph, sides[0].quads, sides[0].count, sides[1].quads, sides[1].count,
                           NULL)) {
    goto cleanup;
  }

  FILE* const sink = open_memstream(&patch, &patch_size);
  aseankg_diff_write(diff, sink, ASEANKG_DIFF_RDF_PATCH);
  fclose(sink);
  FILE* const discard = fopen("/dev/null", "wb");
  aseankg_diff_write(diff, discard, ASEANKG_DIFF_TEXT);
  aseankg_diff_write(diff, discard, ASEANKG_DIFF_SPARQL_UPDATE);
  fclose(discard);

  FILE* const source = fmemopen(patch, patch_size, "rb");
  if (aseankg_patch_apply(patched, source, "patch", NULL)) {
    __builtin_trap(); /* the diff wrote a patch its own reader refuses */
  }
  fclose(source);

  char* const got  = canonical(patched);
  char* const want = canonical(expected);
  if (got && want && strcmp(got, want)) {
    __builtin_trap(); /* diff then patch did not rebuild NEW */
  }
  free(got);
  free(want);

cleanup:
  aseankg_diff_free(diff);
  free(patch);
  aseankg_quad_list_release(&sides[0]);
  aseankg_quad_list_release(&sides[1]);
  aseankg_graph_free(graph);
  aseankg_graph_free(patched);
  aseankg_graph_free(expected);
  free(old_text);
  free(new_text);
  return 0;
}
