/* The curated data in data/: dataset and document metadata, entities and relations (YAML). */
#ifndef ASEANKG_DATA_H
#define ASEANKG_DATA_H

#include "aseankg/status.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Where a value was written, for error messages. `file` is owned by the AseankgData. */
typedef struct {
  const char* file;
  unsigned    line;
  unsigned    column;
} AseankgMark;

/** A scalar from a YAML file and where it was; `value` is NULL when absent. */
typedef struct {
  char*       value;
  AseankgMark mark;
} AseankgField;

typedef struct {
  AseankgField  id;
  AseankgField  type;
  AseankgField  zh;
  AseankgField  en;
  int           gloss; /**< Non-zero: `en` is a gloss, not an official name */
  AseankgField* aliases;
  size_t        n_aliases;
  AseankgField* same_as;
  size_t        n_same_as;
  AseankgMark   mark; /**< The start of the entity's mapping */
} AseankgEntity;

typedef struct {
  AseankgField subject;
  AseankgField predicate;
  AseankgField object;   /**< An entity id, or NULL when `value` is set */
  AseankgField value;    /**< A literal, or NULL when `object` is set */
  AseankgField datatype; /**< "date", "integer" or "string"; NULL means string */
  AseankgField segment;
  AseankgField evidence;
  unsigned     occurrence; /**< 1-based occurrence of `evidence`; 1 by default */
  AseankgMark  mark;
} AseankgRelation;

typedef struct {
  AseankgField title;
  AseankgField version;
  AseankgField created;
  AseankgField license;
} AseankgDatasetInfo;

typedef struct {
  AseankgField id;
  AseankgField text;
  AseankgField title_zh;
  AseankgField title_en;
  AseankgField publisher;
  AseankgField published;
  AseankgField dateline_place;
  AseankgField dateline_date;
  AseankgField language;
} AseankgDocumentInfo;

typedef struct {
  char*               directory;
  char*               files[3]; /**< The paths marks point into */
  AseankgDatasetInfo  dataset;
  AseankgDocumentInfo document;
  AseankgEntity*      entities;
  size_t              n_entities;
  AseankgRelation*    relations;
  size_t              n_relations;
} AseankgData;

/**
   Read `dataset.yaml`, `entities.yaml` and `relations.yaml` from `directory`.
   This checks the YAML and its shape (known keys, required fields, scalar
   types); meaning (ids, references, text) is checked when the graph is built.
   On success the caller owns `*data` (free with aseankg_data_free()).
*/
AseankgStatus aseankg_data_load(AseankgData** data, const char* directory, AseankgError* error);

/**
   Parse one of the three files from memory. `name` is its base name
   ("entities.yaml", …) and decides what it may contain; `path` labels
   errors. Used by the loader and the fuzz harness.
*/
AseankgStatus aseankg_data_parse(AseankgData* data, const char* name, const char* path, const char* bytes,
                                 size_t length, AseankgError* error);

/** Create empty data (for aseankg_data_parse()), or NULL if out of memory. */
AseankgData* aseankg_data_new(const char* directory);

/** Free data. Safe on NULL. */
void aseankg_data_free(AseankgData* data);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_DATA_H */
