/* A Graphviz DOT writer for the entity graph: a picture of who does what to which, per clause or around one
 * entity. */
#ifndef ASEANKG_DOT_H
#define ASEANKG_DOT_H

#include "aseankg/api.h"

#include "aseankg/export.h"
#include "aseankg/status.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What to draw; a zeroed struct draws the whole graph. Strings are borrowed. */
typedef struct {
  /**
     Only the relations stated in this segment, and their entities: a clause
     number ("9" for clause-9) or any segment id ("clause-9", "preamble-8",
     "title"). NULL for every relation.
  */
  const char* segment;
  /** Only this entity (by id), its relations and their other ends. NULL for no such limit. */
  const char* around;
  /** The document (by id) whose entities and relations are drawn. NULL for the corpus's first. */
  const char* document;
  /** What `stream` is, for errors ("out.dot", "<stdout>"); NULL: errors name the parameter "stream". */
  const char* file_name;
} AseankgDotOptions;

/**
   Check the project as aseankg_export_build() does (the same errors), then
   write its entity graph to `stream` as a DOT digraph: one node per entity,
   shaped and coloured by type family with a legend cluster, labelled with its
   Chinese and English names (a gloss marked with "≈"); one edge per distinct
   subject, predicate and object, labelled with the predicate's local name; a
   literal value as a plain-text node. A subject with 16 or more relations to
   other entities has them grouped: objects it relates by the same set of
   predicates, two or more of them, are drawn in a box (a cluster) labelled
   with those predicates ("drewUp, recalls") and laid out three wide, reached
   by one edge from the subject (lhead); each relation is still drawn exactly
   once. Entities in no relation (the whole graph) are boxed together, labelled
   "in no relation". Without options every entity is drawn,
   related or not; `segment` and `around` keep only the relations they select
   (both together: those meeting both) and the entities those relations touch
   (and the `around` entity itself). Output is deterministic: nodes sorted by
   id, edges by subject, predicate and object.

   A `segment` or `around` that names nothing in the data fails with
   ASEANKG_ERR_USAGE and `error->parameter` set to "segment" or "around";
   an unknown `document`, with "document". ASEANKG_ERR_NOMEM and
   ASEANKG_ERR_IO (the stream failed) are recorded as aseankg_graph_write()
   records them: `error` names `file_name` (or the parameter "stream") and
   says "out of memory" or "write error". The whole document is built in
   memory first: nothing is written on any failure but a write error.
*/
ASEANKG_API AseankgStatus aseankg_dot_write(FILE* stream, const AseankgProject* project,
                                            const AseankgDotOptions* options, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_DOT_H */
