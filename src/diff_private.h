/* The diff's entry point for the merge: two diffs from one base, their costly part on two threads. */
#ifndef ASEANKG_SRC_DIFF_PRIVATE_H
#define ASEANKG_SRC_DIFF_PRIVATE_H

#include "aseankg/diff.h"

/**
   aseankg_diff_compute() from `base` (`n_base` quads) to `sides[0]` and from
   `base` to `sides[1]` (`counts[s]` quads each), all interned in `graph`, into
   `diffs[0]` and `diffs[1]` (owned by the caller; both NULL on failure).

   The same two diffs as two calls in that order, blank nodes and fresh labels
   included. With `threads` non-zero, building and matching the second pair of
   sides, which only reads `graph`, runs on a second thread (where one can be
   started) while the first pair is built; turning each into changes (which
   interns fresh blank nodes) runs afterwards, the first diff first.

   Returns what aseankg_diff_compute() returns; `error` names the failure once.
*/
AseankgStatus aseankg_diff_compute_two(AseankgDiff* diffs[2], AseankgGraph* graph, const AseankgQuad* base,
                                       size_t n_base, const AseankgQuad* const sides[2],
                                       const size_t counts[2], int threads, AseankgError* error);

#endif /* ASEANKG_SRC_DIFF_PRIVATE_H */
