/* RDF Dataset Canonicalization (W3C RDFC-1.0): deterministic blank node labels c14n0, c14n1, ... */
#ifndef ASEANKG_CANON_H
#define ASEANKG_CANON_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
   The work bound used when AseankgCanonOptions.max_work is 0: this many
   steps plus ASEANKG_CANON_WORK_PER_BLANK for every blank node in the input.
   A step is one Hash N-Degree Quads call or one permutation tried. The W3C
   suite needs at most 3,348 steps and isomorphic 15-node trees about 42 per
   blank node, while a clique of 7 blank nodes needs 400,000 and one of 10
   hundreds of millions.
*/
#define ASEANKG_CANON_DEFAULT_WORK 100000U
#define ASEANKG_CANON_WORK_PER_BLANK 64U

/** How to canonicalize. A NULL options pointer means all defaults. */
typedef struct {
  const char* hash_algorithm; /**< "SHA256" (the default when NULL) or "SHA384". */
  size_t      max_work;       /**< Bound on steps (see above); 0 for the default. */
} AseankgCanonOptions;

/** One issued identifier: an input blank node and its canonical label, both without "_:". */
typedef struct {
  const char* input;
  const char* canonical;
} AseankgCanonLabel;

/**
   The issued identifier map, in canonical order: entries[i].canonical is
   "c14n<i>". The strings live in `storage`, which belongs to the struct;
   zero-initialize it before first use and release it with
   aseankg_canon_labels_release().
*/
typedef struct {
  AseankgCanonLabel* entries;
  size_t             count;
  char*              storage;
} AseankgCanonLabels;

/** Free what `labels` holds and leave it empty and reusable. Safe on NULL. */
ASEANKG_API void aseankg_canon_labels_release(AseankgCanonLabels* labels);

/**
   Canonicalize the dataset in `input` per RDFC-1.0: add to `output` (a
   different graph with no quads yet) every quad of `input` with its blank
   nodes relabelled c14n0, c14n1, ..., then sort `output` into canonical
   N-Quads order. `input` is not changed; both graphs stay the caller's.

   If `labels` is not NULL its previous contents are released and, on
   success, it receives the issued identifier map.

   Returns ASEANKG_ERR_USAGE for a bad argument or hash algorithm,
   ASEANKG_ERR_NOMEM, or ASEANKG_ERR_DATA if the blank nodes are too
   interconnected to finish within the work bound, or if a triple term holds
   a blank node (RDFC-1.0 does not define those). On failure `output` may hold some quads and `labels` is
   empty; `error` (may be NULL) says why.
*/
ASEANKG_API AseankgStatus aseankg_canon(const AseankgGraph* input, AseankgGraph* output,
                                        const AseankgCanonOptions* options, AseankgCanonLabels* labels,
                                        AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_CANON_H */
