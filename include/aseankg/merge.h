/* Three-way merge of RDF datasets: what each side changed from a common base, blank nodes matched. */
#ifndef ASEANKG_MERGE_H
#define ASEANKG_MERGE_H

#include "aseankg/api.h"

#include "aseankg/status.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How to merge. A NULL options pointer means all defaults. */
typedef struct {
  const char* syntax;       /**< Syntax of all three inputs; NULL: each from its extension, else guessed */
  const char* ours_label;   /**< Written after the `<<<<<<<` marker; NULL: "ours" */
  const char* theirs_label; /**< Written after the `>>>>>>>` marker; NULL: "theirs" */
  unsigned    marker_size;  /**< Length of the conflict markers; 0: 7, as git's */
} AseankgMergeOptions;

/**
   Merge the changes from `base` to `ours` and from `base` to `theirs` (paths
   of RDF files, "-" for at most one of them) and write the result to
   `output` (NULL or "-": standard output; a regular file is replaced only
   once complete, so it may be one of the inputs).

   Each side's changes are what aseankg_diff_compute() reports between the
   base and that side, blank nodes matched, so relabelling or reordering is
   no change. The result is base − (removed by either side) ∪ (added by
   either side): disjoint changes merge, a statement both sides add appears
   once, one both remove is gone. A conflict is a subject and predicate (in
   one graph) that had a single value in `base` which both sides removed,
   each adding other values, and not the same ones: none of those values is
   merged; each conflict is written after the document as

       <<<<<<< ours
       S P O1 .
       =======
       S P O2 .
       >>>>>>> theirs

   (statements spelt as in the document, conflicts ordered by their text),
   for a person to resolve by keeping one side's lines. Blank nodes the two
   sides add are never the same node, so sides that replace a value by equal
   new blank-node structures conflict.

   The result is written by aseankg_fmt_new() with the prefixes of `ours`
   (and those of `theirs` it lacks): as N-Triples / N-Quads if `ours` was
   read as such, else as Turtle / TriG. Without `options->syntax` or a known
   extension, an input is read as N-Quads if it is N-Quads (which covers
   N-Triples) and as TriG (which covers Turtle) otherwise.

   Threads, on a machine with more than one online processor: the three inputs are read at once
   (two more POSIX threads, each reading into a graph of its own; with any
   RDF/XML input the three are read one after the other) and both diffs
   match their blank nodes at once (one more thread). All are joined before
   this returns, and the result is the same as a sequential run's. Where no
   thread can be started the work runs on the caller's. Until their terms
   are moved into the shared graph, OURS' and THEIRS' own graphs take about
   as much memory as BASE's each.

   `*n_conflicts` (may be NULL) receives the number of conflicts. Returns
   what reading, diffing or writing returned (ASEANKG_ERR_SYNTAX with the
   file, line and column of bad input, ASEANKG_ERR_IO, ASEANKG_ERR_NOMEM,
   ASEANKG_ERR_USAGE for a NULL path); then no output is written.
*/
ASEANKG_API AseankgStatus aseankg_merge_paths(const char* base, const char* ours, const char* theirs,
                                              const char* output, const AseankgMergeOptions* options,
                                              size_t* n_conflicts, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_MERGE_H */
