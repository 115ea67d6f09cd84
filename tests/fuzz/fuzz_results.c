/* libFuzzer harness for the SPARQL results reader behind query --endpoint: any answer is laid out or refused.
 */
#include "remote_results.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t* const data, const size_t size)
{
  /* The first byte picks the media type the server claims; the rest is the body. */
  static const char* const types[] = { "application/sparql-results+xml",
                                       "application/sparql-results+xml; charset=utf-8", "text/turtle",
                                       "text/html", NULL };
  const char* const        type    = size ? types[data[0] % 5U] : NULL;
  const size_t             length  = size ? size - 1U : 0U;
  char* const              body    = (char*)malloc(length + 1U);
  FILE* const              sink    = fopen("/dev/null", "wb");
  if (body && sink) {
    memcpy(body, data + (size ? 1U : 0U), length);
    body[length] = '\0';
    AseankgError error;
    aseankg_error_clear(&error);
    if (aseankg_remote_results_table(body, length, type, "fuzz", sink, &error) && !error.message[0]) {
      __builtin_trap(); /* every refusal must say why */
    }
  }
  if (sink) {
    fclose(sink);
  }
  free(body);
  return 0;
}
