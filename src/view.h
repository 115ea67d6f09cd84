/* What the DOT and HTML writers share: the checked, resolved project and one palette for entity types. */
#ifndef ASEANKG_SRC_VIEW_H
#define ASEANKG_SRC_VIEW_H

#include "aseankg/export.h"
#include "aseankg/status.h"

#include "buffer.h"

#include <stddef.h>
#include <stdio.h>

/** A family of entity types and how it is drawn; all strings are static. */
typedef struct {
  const char* family; /**< Short name, also the CSS class suffix: "agent", "event", … */
  const char* label;  /**< Legend text, e.g. "states, groups and organisations" */
  const char* shape;  /**< Graphviz node shape */
  const char* style;  /**< Graphviz node style */
  const char* fill;   /**< Fill colour, "#rrggbb" */
  const char* line;   /**< Border colour, "#rrggbb" */
} AseankgEntityStyle;

/** The families in legend order; `*count` receives how many. The last is the fallback "other". */
const AseankgEntityStyle* aseankg_entity_styles(size_t* count);

/** The index (into aseankg_entity_styles()) of the family of ontology class `type` (a local name). */
size_t aseankg_entity_style_index(const char* type);

/** A relation with its ids resolved to indexes into the project. */
typedef struct {
  const AseankgRelation* relation;
  size_t                 subject;  /**< Index into data->entities */
  size_t                 object;   /**< Index into data->entities, or ASEANKG_VIEW_LITERAL for a value */
  size_t                 segment;  /**< Index into text->segments */
  size_t                 evidence; /**< Byte offset of the evidence in the segment's text */
} AseankgViewRelation;

#define ASEANKG_VIEW_LITERAL ((size_t)-1)

/** A project checked and resolved for a writer; everything is borrowed from or owned with it. */
typedef struct {
  const AseankgProject*  project;
  const AseankgDocument* document;    /**< The document shown */
  const AseankgText*     text;        /**< Its text */
  AseankgExportStats     stats;       /**< The counts of the RDF export (of the whole corpus) */
  AseankgViewRelation*   relations;   /**< One per relation of the document, in data order; owned */
  AseankgMentionList*    mentions;    /**< The document's mentions; owned */
  unsigned char*         in_document; /**< By entity: the document mentions or relates it; owned */
} AseankgView;

/**
   Check `project` exactly as aseankg_export_build() does under `base` (NULL:
   the default base), with the same errors, then resolve the relations and
   find the mentions of the document with id `document` (NULL: the first);
   an unknown id is ASEANKG_ERR_USAGE about the parameter "document". Out of
   memory is recorded as a failure to write `file_name` (the output the view
   is for; NULL: the parameter "stream"), as aseankg_write_failed() words it.
   Release with aseankg_view_release(), also on failure.
*/
AseankgStatus aseankg_view_load(AseankgView* view, const AseankgProject* project, const char* base,
                                const char* document, const char* file_name, AseankgError* error);

/** Free what a view owns and zero it. Safe on a zeroed view. */
void aseankg_view_release(AseankgView* view);

/** The index of the entity with id `id`, or ASEANKG_VIEW_LITERAL if there is none. */
size_t aseankg_view_entity(const AseankgView* view, const char* id);

/**
   Output built in memory, so a writer writes all or nothing. Every function
   that can fail records the error (through aseankg_write_failed(), under
   `file_name`) where it happens and returns its status, which the writer
   passes up with TRY.
*/
typedef struct {
  AseankgBuffer out;
  AseankgBuffer scratch;   /**< For the writer's own use */
  const char*   file_name; /**< The output's name for errors (borrowed; NULL: the parameter "stream") */
  AseankgError* error;     /**< Where errors are recorded (borrowed; may be NULL) */
} AseankgViewWriter;

/** Start an empty writer whose errors name `file_name` and go to `error`. */
void aseankg_view_writer_init(AseankgViewWriter* w, const char* file_name, AseankgError* error);

/** Append bytes, a string, a number. ASEANKG_ERR_NOMEM (recorded) if memory runs out. */
AseankgStatus aseankg_view_put_bytes(AseankgViewWriter* w, const char* bytes, size_t length);
AseankgStatus aseankg_view_put(AseankgViewWriter* w, const char* string);
AseankgStatus aseankg_view_put_size(AseankgViewWriter* w, size_t value);

/** Record that memory ran out while writing, and return ASEANKG_ERR_NOMEM. */
AseankgStatus aseankg_view_no_memory(AseankgViewWriter* w);

/** Write everything built to `stream`; ASEANKG_ERR_IO (recorded) if the stream fails. */
AseankgStatus aseankg_view_writer_flush(AseankgViewWriter* w, FILE* stream);

/** Free the writer's buffers. Safe on an initialised writer, whatever happened. */
void aseankg_view_writer_release(AseankgViewWriter* w);

#endif /* ASEANKG_SRC_VIEW_H */
