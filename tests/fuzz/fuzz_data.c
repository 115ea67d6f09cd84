/* libFuzzer harness for the curated-data reader: the first byte picks the file kind, the rest is YAML. */
#include "aseankg/aseankg.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t* const data, const size_t size)
{
  static const char* const names[] = { "dataset.yaml", "entities.yaml", "relations.yaml" };
  if (!size) {
    return 0;
  }

  AseankgData* const parsed = aseankg_data_new("fuzz");
  AseankgError       error;
  aseankg_error_clear(&error);
  if (parsed) {
    const char* const   name = names[data[0] % 3U];
    const AseankgStatus st = aseankg_data_parse(parsed, name, name, (const char*)data + 1, size - 1U, &error);
    /* Every failure must say where it happened. */
    if (st && (!error.file[0] || !error.message[0])) {
      __builtin_trap();
    }
  }
  aseankg_data_free(parsed);
  return 0;
}
