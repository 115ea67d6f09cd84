/* Blank-node-aware differences between two RDF datasets, and their output as text, RDF Patch or SPARQL
 * Update. */
#ifndef ASEANKG_DIFF_H
#define ASEANKG_DIFF_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The blank-node label prefix the old side must be read with (see aseankg_diff_compute()). */
#define ASEANKG_DIFF_OLD_PREFIX "o"
/** The blank-node label prefix the new side must be read with. */
#define ASEANKG_DIFF_NEW_PREFIX "n"

typedef enum {
  ASEANKG_DIFF_TEXT,         /**< "- " / "+ " and a canonical N-Triples/N-Quads line, sorted */
  ASEANKG_DIFF_RDF_PATCH,    /**< RDF Patch (Apache Jena / RDF Delta): TX, D and A rows, TC */
  ASEANKG_DIFF_SPARQL_UPDATE /**< SPARQL 1.1 Update moving a store from old to new */
} AseankgDiffFormat;

typedef struct AseankgDiffImpl AseankgDiff;

/**
   Compare two datasets whose terms are interned in `graph`: the old quads
   (blank labels read with ASEANKG_DIFF_OLD_PREFIX) and the new quads (read
   with ASEANKG_DIFF_NEW_PREFIX). Blank nodes are matched, never compared by
   label: identical structure reports no change, and an edit reports only the
   quads it touched. Blank nodes of the new side that match none of the old
   get fresh labels that clash with none of the old side's. New terms may be
   interned into `graph`. On success the caller owns `*diff`.
*/
ASEANKG_API AseankgStatus aseankg_diff_compute(AseankgDiff** diff, AseankgGraph* graph,
                                               const AseankgQuad* old_quads, size_t n_old,
                                               const AseankgQuad* new_quads, size_t n_new,
                                               AseankgError* error);

/**
   For SPARQL Update output: apply the changes of the default graph to the
   named graph `graph_iri` (NULL: to the store's default graph). The IRI is
   copied; one that is not absolute or holds characters IRIs may not
   (space, <>"{}|^`\, controls) is refused with ASEANKG_ERR_IRI.
*/
ASEANKG_API AseankgStatus aseankg_diff_set_graph(AseankgDiff* diff, const char* graph_iri);

/** Number of quads removed (in old, not in new) and added. */
ASEANKG_API size_t aseankg_diff_removed(const AseankgDiff* diff);
ASEANKG_API size_t aseankg_diff_added(const AseankgDiff* diff);

/**
   Write the difference. Blank nodes carry the old side's labels (so an RDF
   Patch applies to the old data as written), or fresh ones for new nodes.
*/
ASEANKG_API AseankgStatus aseankg_diff_write(const AseankgDiff* diff, FILE* stream, AseankgDiffFormat format);

/** Free a diff. Safe on NULL. */
ASEANKG_API void aseankg_diff_free(AseankgDiff* diff);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_DIFF_H */
