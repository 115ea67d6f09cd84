/* Sorting quads by term ids. */
#include "quads.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int
aseankg_quads_compare_ids(const void* const a, const void* const b)
{
  const AseankgQuad* const x     = (const AseankgQuad*)a;
  const AseankgQuad* const y     = (const AseankgQuad*)b;
  const AseankgTermId      xs[4] = { x->graph, x->subject, x->predicate, x->object };
  const AseankgTermId      ys[4] = { y->graph, y->subject, y->predicate, y->object };
  for (unsigned i = 0U; i < 4U; ++i) {
    if (xs[i] != ys[i]) {
      return xs[i] < ys[i] ? -1 : 1;
    }
  }
  return 0;
}

static AseankgTermId
field_of(const AseankgQuad* const q, const unsigned field)
{
  return field == 0U ? q->graph : field == 1U ? q->subject : field == 2U ? q->predicate : q->object;
}

/*
   A least-significant-digit radix sort, 16 bits at a time, object first and
   graph last. The eight digits' counts are taken in one pass; a digit every
   quad shares (the high half of small ids, the default graph) needs no pass
   of its own. Returns 0 if its scratch memory cannot be had.
*/
static int
radix_sort(AseankgQuad* const quads, const size_t n)
{
  AseankgQuad* const scratch = (AseankgQuad*)malloc(n * sizeof(AseankgQuad));
  size_t* const      counts  = (size_t*)calloc((size_t)8U * 65536U, sizeof(size_t));
  if (!scratch || !counts) {
    free(scratch);
    free(counts);
    return 0;
  }
  for (size_t i = 0U; i < n; ++i) {
    const AseankgTermId ids[4] = { quads[i].object, quads[i].predicate, quads[i].subject, quads[i].graph };
    for (unsigned f = 0U; f < 4U; ++f) {
      ++counts[(size_t)(2U * f) * 65536U + (ids[f] & 0xFFFFU)];
      ++counts[(size_t)(2U * f + 1U) * 65536U + (ids[f] >> 16U)];
    }
  }
  AseankgQuad* from = quads;
  AseankgQuad* to   = scratch;
  for (unsigned digit = 0U; digit < 8U; ++digit) {
    const unsigned field = 3U - digit / 2U;
    const unsigned shift = (digit % 2U) * 16U;
    size_t* const  start = counts + (size_t)digit * 65536U;
    if (start[(field_of(&from[0], field) >> shift) & 0xFFFFU] == n) {
      continue; /* one bucket: the order stays */
    }
    size_t total = 0U;
    for (size_t k = 0U; k < 65536U; ++k) {
      const size_t count = start[k];
      start[k]           = total;
      total += count;
    }
    for (size_t i = 0U; i < n; ++i) {
      to[start[(field_of(&from[i], field) >> shift) & 0xFFFFU]++] = from[i];
    }
    AseankgQuad* const swap = from;
    from                    = to;
    to                      = swap;
  }
  if (from != quads) {
    memcpy(quads, from, n * sizeof(AseankgQuad));
  }
  free(scratch);
  free(counts);
  return 1;
}

size_t
aseankg_quads_sort_unique(AseankgQuad* const quads, const size_t n)
{
  if (n < 2U) {
    return n;
  }
  if (n < 4096U || !radix_sort(quads, n)) {
    qsort(quads, n, sizeof(AseankgQuad), aseankg_quads_compare_ids);
  }
  size_t out = 1U;
  for (size_t i = 1U; i < n; ++i) {
    if (aseankg_quads_compare_ids(&quads[i], &quads[out - 1U])) {
      quads[out++] = quads[i];
    }
  }
  return out;
}
