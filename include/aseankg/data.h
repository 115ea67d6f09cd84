/* The curated data in data/: dataset and document metadata, entities and relations (YAML). */
#ifndef ASEANKG_DATA_H
#define ASEANKG_DATA_H

#include "aseankg/api.h"

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

/** One document of the corpus: its metadata, its text file and the relations stated in it. */
typedef struct {
  AseankgField     id;
  AseankgField     entity;         /**< The register entity this document is (and has the type of), or NULL */
  AseankgField     text;           /**< File name of the text in the data directory */
  AseankgField     relations_file; /**< File name of its relations; NULL means relations.yaml */
  AseankgField     title_zh;
  AseankgField     title_en;
  AseankgField     publisher;
  AseankgField     published;
  AseankgField     dateline_place;
  AseankgField     dateline_date;
  AseankgField     language;
  AseankgMark      mark; /**< The start of the document's mapping */
  AseankgRelation* relations;
  size_t           n_relations;
} AseankgDocument;

/** The curated data: one dataset, its documents in order, and the entity register they share. */
typedef struct {
  char*              directory;
  char**             files; /**< The paths marks point into */
  size_t             n_files;
  AseankgDatasetInfo dataset;
  AseankgDocument*   documents;
  size_t             n_documents;
  AseankgEntity*     entities;
  size_t             n_entities;
} AseankgData;

/** The kinds of file in a data directory. */
typedef enum {
  ASEANKG_DATA_DATASET,   /**< dataset.yaml: the dataset and its documents */
  ASEANKG_DATA_ENTITIES,  /**< entities.yaml: the shared entity register */
  ASEANKG_DATA_RELATIONS, /**< one document's relations */
} AseankgDataFile;

/**
   Read `dataset.yaml`, `entities.yaml` and each document's relations file
   from `directory`. This checks the YAML and its shape (known keys, required
   fields, scalar types, file names); meaning (ids, references, text) is
   checked when the graph is built. On success the caller owns `*data` (free
   with aseankg_data_free()).
*/
ASEANKG_API AseankgStatus aseankg_data_load(AseankgData** data, const char* directory, AseankgError* error);

/**
   Parse one file from memory; `path` labels errors. Relations go to
   `data->documents[document]`, which must exist (parse the dataset first);
   `document` is ignored for the other kinds. Used by the loader and the fuzz
   harness.
*/
ASEANKG_API AseankgStatus aseankg_data_parse(AseankgData* data, AseankgDataFile kind, size_t document,
                                             const char* path, const char* bytes, size_t length,
                                             AseankgError* error);

/** The relations file name of `document`: its `relations` key, or relations.yaml. */
ASEANKG_API const char* aseankg_document_relations_file(const AseankgDocument* document);

/** Create empty data (for aseankg_data_parse()), or NULL if out of memory. */
ASEANKG_API AseankgData* aseankg_data_new(const char* directory);

/** Free data. Safe on NULL. */
ASEANKG_API void aseankg_data_free(AseankgData* data);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_DATA_H */
