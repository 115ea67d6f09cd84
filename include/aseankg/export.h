/* Builds the knowledge graph from the curated data, the text and the ontology. */
#ifndef ASEANKG_EXPORT_H
#define ASEANKG_EXPORT_H

#include "aseankg/api.h"

#include "aseankg/data.h"
#include "aseankg/graph.h"
#include "aseankg/ontology.h"
#include "aseankg/status.h"
#include "aseankg/text.h"
#include "aseankg/turtle.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The base IRI minted IRIs live under unless the caller picks another. */
#define ASEANKG_DEFAULT_BASE "https://example.org/aseankg/id/"

/** Everything an export reads, loaded and owned together. */
typedef struct {
  AseankgData*     data;
  AseankgText**    texts; /**< One per document, in the order of data->documents */
  AseankgOntology* ontology;
} AseankgProject;

/**
   Load `data_dir` (dataset.yaml, entities.yaml, and each document's text and
   relations files) and the ontology at `ontology_path`. On failure nothing is
   left allocated. Release with aseankg_project_release().
*/
ASEANKG_API AseankgStatus aseankg_project_load(AseankgProject* project, const char* data_dir,
                                               const char* ontology_path, AseankgError* error);

/** Free what a project holds and zero it. Safe on a zeroed project. */
ASEANKG_API void aseankg_project_release(AseankgProject* project);

/** Counts of what an export produced. */
typedef struct {
  size_t entities;
  size_t relations;
  size_t segments;
  size_t mentions; /**< name occurrences found in the text */
  size_t spans;    /**< distinct text spans (mentions and evidence) */
  size_t triples;
} AseankgExportStats;

/**
   Check the project and add its graph to `graph`: every minted IRI under
   `base`. With `named_graph` non-zero, each document's facts (its text,
   segments, spans, mentions and relations) go into the graph named
   `graph/VERSION/DOCUMENT-ID` and the shared register (entities, the
   documents' descriptions, the dataset) into `graph/VERSION`; otherwise
   everything goes into the default graph. On a data error
   `error` points at the offending YAML or text position; `graph` may then
   hold a partial graph and should be discarded. `stats` may be NULL.
*/
ASEANKG_API AseankgStatus aseankg_export_build(AseankgGraph* graph, const AseankgProject* project,
                                               const char* base, int named_graph, AseankgExportStats* stats,
                                               AseankgError* error);

/**
   Fill `prefixes` (room for `capacity`) with the Turtle prefixes for an export
   under `base`. Strings point into `storage` (room for `storage_size` bytes)
   or static memory. Returns the number of prefixes, or 0 if they do not fit.
*/
ASEANKG_API size_t aseankg_export_prefixes(const AseankgProject* project, const char* base,
                                           AseankgPrefix* prefixes, size_t capacity, char* storage,
                                           size_t storage_size);

/** Check that `base` can prefix minted IRIs: absolute, IRI characters only, ending in '/' or '#'. */
ASEANKG_API AseankgStatus aseankg_export_check_base(const char* base, AseankgError* error);

/** One mention: bytes [begin, end) of a segment's text name an entity. */
typedef struct {
  size_t document; /**< Index into the project's data->documents and texts */
  size_t segment;  /**< Index into that document's text->segments */
  size_t begin;    /**< Byte offset of the first byte in the segment's text */
  size_t end;      /**< Byte offset just past the last byte */
  size_t entity;   /**< Index into the project's data->entities */
} AseankgMention;

/** The mentions of a project in text order (by document, segment, then offset); they never overlap. */
typedef struct {
  AseankgMention* items;
  size_t          count;
} AseankgMentionList;

/**
   Find the mentions exactly as aseankg_export_build() does (the same
   leftmost-longest scan, so the spans its itsrdf:taIdentRef mentions cover).
   On success the caller owns `*mentions` (free with
   aseankg_mention_list_free()); on failure `*mentions` is NULL. Only the
   name errors the build reports (an empty name, one name for two entities)
   are checked here: build first to check the rest.
*/
ASEANKG_API AseankgStatus aseankg_export_mentions(AseankgMentionList**  mentions,
                                                  const AseankgProject* project, AseankgError* error);

/** Free a mention list. Safe on NULL. */
ASEANKG_API void aseankg_mention_list_free(AseankgMentionList* mentions);

/**
   Write the IRI the export mints for entity `entity_id` under `base` into
   `buffer` (room for `size` bytes, NUL-terminated). Returns its length, or 0
   if it does not fit.
*/
ASEANKG_API size_t aseankg_export_entity_iri(char* buffer, size_t size, const char* base,
                                             const char* entity_id);

/**
   Like aseankg_export_entity_iri() for entity `entity` (an index into
   data->entities) of a loaded project: an entity a document of the corpus
   stands for (its `entity` key) is written as that document's IRI.
*/
ASEANKG_API size_t aseankg_project_entity_iri(char* buffer, size_t size, const AseankgProject* project,
                                              const char* base, size_t entity);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_EXPORT_H */
