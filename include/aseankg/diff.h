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
  ASEANKG_DIFF_TEXT,          /**< "- " / "+ " and a canonical N-Triples/N-Quads line, sorted */
  ASEANKG_DIFF_RDF_PATCH,     /**< RDF Patch (Apache Jena / RDF Delta): TX, D and A rows, TC */
  ASEANKG_DIFF_SPARQL_UPDATE, /**< SPARQL 1.1 Update moving a store from old to new */
  /**
     For people: changes grouped by subject, each subject (a prefixed name
     where a prefix fits) followed by "  # " and its label (rdfs:label or
     skos:prefLabel from NEW, else OLD; English or untagged first) when the
     data has one, then one line per predicate (and graph, "(in G)") pairing a
     removed value ("- ") with an added one ("+ ") side by side.
  */
  ASEANKG_DIFF_PRETTY,
  /**
     Two tables of counts ("removed", "added", then the key): by predicate, and
     by the type (rdf:type in OLD or NEW) of the changed quad's subject, a
     subject with several types counted under each, "(no type)" last.
  */
  ASEANKG_DIFF_STAT,
  /**
     One JSON object: {"removedCount": N, "addedCount": M, "removed": [QUAD,
     ...], "added": [QUAD, ...]} where QUAD is {"subject", "predicate",
     "object", "graph"} and each term an RDF/JS data model object
     (https://rdf.js.org/data-model-spec/): {"termType": "NamedNode" |
     "BlankNode" | "Literal" | "DefaultGraph" | "Quad", "value": STRING}, a
     Literal also with "language" ("" if none), "datatype" (a NamedNode
     object, xsd:string or rdf:langString when not written) and, for a
     directional string, "direction"; a Quad (RDF 1.2 triple term) with its
     own "subject", "predicate", "object" and "graph". Blank node values are
     the labels the RDF Patch output uses. Quads are in the order of the text
     format; strings are UTF-8 with control characters escaped.
  */
  ASEANKG_DIFF_JSON
} AseankgDiffFormat;

/**
   What to compare. Term ids are those of the graph passed to
   aseankg_diff_compute_with(); the arrays stay the caller's and are not kept.
*/
typedef struct {
  const AseankgTermId* ignore_predicates; /**< Quads with these predicates are left out of both sides. */
  size_t               n_ignore_predicates;
  /** If not NULL: only quads in these graphs are compared (0 for the default graph). */
  const AseankgTermId* graphs;
  size_t               n_graphs;
} AseankgDiffOptions;

/** How to write a diff. */
typedef struct {
  AseankgDiffFormat format;
  int               color; /**< Non-zero: ANSI colours (removed red, added green, subjects bold). */
} AseankgDiffWriteOptions;

typedef struct AseankgDiffImpl AseankgDiff;

/**
   Compare two datasets whose terms are interned in `graph`: the old quads
   (blank labels read with ASEANKG_DIFF_OLD_PREFIX) and the new quads (read
   with ASEANKG_DIFF_NEW_PREFIX). Duplicates in either list are ignored.

   Blank nodes are matched, never compared by label, in subject, object and
   graph-name position alike (RDF 1.1 datasets are compared as datasets):
   - Isomorphic inputs always report no change, whatever their symmetry:
     colour refinement pairs the nodes it tells apart, and the components it
     leaves tied (rings, regular and strongly regular graphs) are matched by
     an exact isomorphism search (individualization and refinement), bounded
     at 2^24 edge visits per call; past the bound the rest is paired by the
     inexact steps below (a correct diff, perhaps larger than needed).
   - Otherwise an edit reports the quads it touched: nodes far from an edit
     keep their early colours and are paired by them, nodes with one changed
     value by their shared ground edges. For graphs with no asymmetry left
     near an edit, the diff is correct (applying it to OLD gives NEW) but not
     always the smallest one.
   - The result is deterministic for given inputs. Matched new nodes take the
     labels of their old partners; blank nodes of the new side that match none
     of the old get fresh labels ("new1", "new2", ... after the old prefix,
     skipping labels in use), numbered in colour order.

   New terms (the fresh blank nodes) may be interned into `graph`; the quad
   lists stay the caller's and are not kept. On success the caller owns
   `*diff` (free it with aseankg_diff_free()).

   Errors: ASEANKG_ERR_DATA when a triple term holds a blank node (it would be
   compared by label); ASEANKG_ERR_NOMEM. `error` may be NULL.
*/
ASEANKG_API AseankgStatus aseankg_diff_compute(AseankgDiff** diff, AseankgGraph* graph,
                                               const AseankgQuad* old_quads, size_t n_old,
                                               const AseankgQuad* new_quads, size_t n_new,
                                               AseankgError* error);

/**
   aseankg_diff_compute() on the quads `options` selects (NULL: all): quads
   left out are ignored on both sides, for matching blank nodes as for the
   changes, so every output format and the counts see only the selection.
*/
ASEANKG_API AseankgStatus aseankg_diff_compute_with(AseankgDiff** diff, AseankgGraph* graph,
                                                    const AseankgQuad* old_quads, size_t n_old,
                                                    const AseankgQuad* new_quads, size_t n_new,
                                                    const AseankgDiffOptions* options, AseankgError* error);

/**
   For the pretty and stat formats: write IRIs starting with `iri` as
   `name:local` (when the rest is letters, digits, '_' and '-'). Prefixes
   added first win; after them come rdf, rdfs, xsd, owl, skos, dcterms, prov,
   schema (https://schema.org/) and foaf. Both strings are copied. Returns
   ASEANKG_ERR_USAGE for a name that is not a Turtle prefix name or an IRI
   that is not absolute, ASEANKG_ERR_NOMEM.
*/
ASEANKG_API AseankgStatus aseankg_diff_add_prefix(AseankgDiff* diff, const char* name, const char* iri);

/**
   For SPARQL Update output: apply the changes of the default graph to the
   named graph `graph_iri` (NULL: to the store's default graph). The IRI is
   copied; one that is not absolute or holds characters IRIs may not
   (space, <>"{}|^`\, controls) is refused with ASEANKG_ERR_IRI.
*/
ASEANKG_API AseankgStatus aseankg_diff_set_graph(AseankgDiff* diff, const char* graph_iri);

/**
   The matching, for tools built on the diff (a three-way merge): the number
   of changes, and change `index` (0 <= index < count, in the text format's
   order: by subject, predicate, object, graph, removals first). The quad's
   terms are in the diff's graph: blank nodes are the old side's terms
   (labels with ASEANKG_DIFF_OLD_PREFIX), or fresh terms for new-side nodes
   that match no old node. aseankg_diff_change() returns 1 for an addition,
   0 for a removal, -1 (quad untouched) for an index out of range.
*/
ASEANKG_API size_t aseankg_diff_count(const AseankgDiff* diff);
ASEANKG_API int    aseankg_diff_change(const AseankgDiff* diff, size_t index, AseankgQuad* quad);

/**
   The term a new-side blank node became: its old partner, or the fresh node
   it was given. Any other term (ground terms, old-side nodes, a blank node
   left out by the options) is returned unchanged. So applying the removals
   to OLD and adding NEW's quads mapped through this function gives the same
   dataset as adding the changes.
*/
ASEANKG_API AseankgTermId aseankg_diff_map_new(const AseankgDiff* diff, AseankgTermId term);

/** Number of quads removed (in old, not in new) and added. */
ASEANKG_API size_t aseankg_diff_removed(const AseankgDiff* diff);
ASEANKG_API size_t aseankg_diff_added(const AseankgDiff* diff);

/**
   Write the difference. Blank nodes carry the old side's labels (so an RDF
   Patch applies to the old data as written), or fresh ones for new nodes.
   Returns ASEANKG_ERR_IO if the stream reports an error, ASEANKG_ERR_NOMEM,
   and, for SPARQL Update only, ASEANKG_ERR_DATA when a change or a quad that
   locates a changed blank node is in a graph named by a blank node (SPARQL
   Update names graphs by IRI only). Nothing is written in that case.
*/
ASEANKG_API AseankgStatus aseankg_diff_write(const AseankgDiff* diff, FILE* stream, AseankgDiffFormat format);

/**
   aseankg_diff_write() with options (not NULL). Also returns ASEANKG_ERR_USAGE
   for an unknown format.
*/
ASEANKG_API AseankgStatus aseankg_diff_write_with(const AseankgDiff* diff, FILE* stream,
                                                  const AseankgDiffWriteOptions* options);

/** Free a diff. Safe on NULL. */
ASEANKG_API void aseankg_diff_free(AseankgDiff* diff);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_DIFF_H */
