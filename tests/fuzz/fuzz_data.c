/* libFuzzer harness for the curated-data reader: the first byte picks the file kind, the rest is YAML.
   A relations file is read for the one document of a fixed dataset. */
#include "aseankg/aseankg.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t* const data, const size_t size)
{
  static const AseankgDataFile kinds[]   = { ASEANKG_DATA_DATASET, ASEANKG_DATA_ENTITIES,
                                             ASEANKG_DATA_RELATIONS };
  static const char            dataset[] = "dataset: {title: t, version: v, created: c, license: l}\n"
                                           "document: {id: d, text: d.txt, title_zh: t, title_en: t, "
                                           "publisher: p, published: x, dateline_place: p, "
                                           "dateline_date: x, language: zh}\n";
  if (!size) {
    return 0;
  }

  AseankgData* const parsed = aseankg_data_new("fuzz");
  AseankgError       error;
  aseankg_error_clear(&error);
  if (parsed) {
    const AseankgDataFile kind = kinds[data[0] % 3U];
    AseankgStatus         st   = kind == ASEANKG_DATA_RELATIONS
                                   ? aseankg_data_parse(parsed, ASEANKG_DATA_DATASET, 0U, "dataset.yaml", dataset,
                                                        sizeof(dataset) - 1U, &error)
                                   : ASEANKG_SUCCESS;
    if (st) {
      __builtin_trap(); /* the fixed dataset must parse */
    }
    st = aseankg_data_parse(parsed, kind, 0U, "fuzz.yaml", (const char*)data + 1, size - 1U, &error);
    /* Every failure must say where it happened. */
    if (st && (!error.file[0] || !error.message[0])) {
      __builtin_trap();
    }
  }
  aseankg_data_free(parsed);
  return 0;
}
