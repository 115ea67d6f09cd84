/* Applying an RDF Patch (Apache Jena / RDF Delta format) to a graph. */
#ifndef ASEANKG_PATCH_H
#define ASEANKG_PATCH_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How to apply a patch. A NULL options pointer means all defaults. */
typedef struct {
  int reverse; /**< Non-zero: undo the patch (its rows last to first, A and D swapped). */
} AseankgPatchOptions;

/**
   Apply the RDF Patch in `stream` (named `file_name` in errors) to `graph`,
   whose blank nodes carry the labels the patch uses.

   Rows, after the RDF Patch text format (Apache Jena / RDF Delta,
   https://afs.github.io/rdf-delta/rdf-patch, "Structure", "Header",
   "Transactions"): an optional header of H rows, then transaction blocks,
   each `TX .`, change rows, and `TC .` (commit) or `TA .` (abort). Change
   rows are D (remove a quad) and A (add one), with terms written in full
   (N-Triples / N-Quads syntax), and PA / PD (prefix changes, accepted and
   ignored: a graph here keeps no prefixes). Blank lines and # comments are
   allowed.

   Transactions are applied atomically:
   - a block ended by TA is dropped and the blocks before and after it stand;
   - a patch whose last block has no TC or TA (a patch cut short in transit)
     is refused with ASEANKG_ERR_DATA, the error pointing at that block's TX
     row, and nothing at all is applied;
   - a change row outside TX … TC, an H row after the first TX, a TX inside an
     open block, and a TC or TA with no open block are ASEANKG_ERR_SYNTAX.
   The whole patch is read and checked before any change is applied: on any
   error `graph` holds the same quads as before the call (terms read from the
   patch may have been interned, which changes no quad).

   Errors: ASEANKG_ERR_SYNTAX (with line and 1-based column in bytes) for a
   malformed row, ASEANKG_ERR_DATA as above, ASEANKG_ERR_IO on a read error,
   ASEANKG_ERR_NOMEM. `error` may be NULL.
*/
ASEANKG_API AseankgStatus aseankg_patch_apply_with(AseankgGraph* graph, FILE* stream, const char* file_name,
                                                   const AseankgPatchOptions* options, AseankgError* error);

/** aseankg_patch_apply_with() with default options: apply the patch forwards. */
ASEANKG_API AseankgStatus aseankg_patch_apply(AseankgGraph* graph, FILE* stream, const char* file_name,
                                              AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_PATCH_H */
