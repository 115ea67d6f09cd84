/* Sorting quads by term ids: the one rule the diff and the merge share. */
#ifndef ASEANKG_SRC_QUADS_H
#define ASEANKG_SRC_QUADS_H

#include "aseankg/graph.h"

#include <stddef.h>

/** qsort() comparator of AseankgQuad by (graph, subject, predicate, object) ids. */
int aseankg_quads_compare_ids(const void* a, const void* b);

/**
   Sort `quads` by aseankg_quads_compare_ids() and drop duplicates; returns the
   new count. Linear in `n` (a radix sort) for large arrays; falls back to
   qsort() when its scratch memory cannot be had, so it cannot fail.
*/
size_t aseankg_quads_sort_unique(AseankgQuad* quads, size_t n);

#endif /* ASEANKG_SRC_QUADS_H */
