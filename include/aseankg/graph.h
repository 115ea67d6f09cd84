/* An in-memory RDF dataset: interned terms and a set of quads. */
#ifndef ASEANKG_GRAPH_H
#define ASEANKG_GRAPH_H

#include "aseankg/api.h"

#include "aseankg/status.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Handle of an interned term; 0 means "no term" (the default graph). */
typedef uint32_t AseankgTermId;

typedef enum {
  ASEANKG_TERM_IRI = 1,
  ASEANKG_TERM_BLANK,
  ASEANKG_TERM_LITERAL,
  ASEANKG_TERM_TRIPLE /**< An RDF 1.2 triple term. */
} AseankgTermKind;

/**
   A term as stored in a graph. All pointers are owned by the graph and stay
   valid until it is freed.

   `key` is the term in canonical N-Triples form; two terms are equal exactly
   when their keys are, and comparing keys bytewise orders terms the way
   sorted canonical N-Triples lines are ordered.
*/
typedef struct {
  AseankgTermKind kind;
  const char*     value;     /**< IRI, blank label, or lexical form (may hold NUL) */
  size_t          length;    /**< Bytes in `value`. */
  AseankgTermId   datatype;  /**< Literal datatype; 0 for xsd:string and lang strings. */
  const char*     language;  /**< Lowercased language tag, or NULL. */
  const char*     direction; /**< "ltr" or "rtl" for directional strings, or NULL. */
  AseankgTermId   triple[3]; /**< Subject, predicate, object of a triple term. */
  const char*     key;
  size_t          key_length;
} AseankgTerm;

/** A statement; `graph` is 0 in the default graph. */
typedef struct {
  AseankgTermId subject;
  AseankgTermId predicate;
  AseankgTermId object;
  AseankgTermId graph;
} AseankgQuad;

typedef struct AseankgGraphImpl AseankgGraph;

/**
   A growable list of quads (terms interned elsewhere); zero-initialise before use. Callers read
   `quads[0 .. count)`; only aseankg_quad_list_append() and aseankg_quad_list_release() change it.
*/
typedef struct {
  AseankgQuad* quads;    /**< Owned; NULL while empty */
  size_t       count;    /**< Quads in the list */
  size_t       capacity; /**< Quads `quads` has room for (count <= capacity) */
} AseankgQuadList;

/**
   Append `quad` to the AseankgQuadList `list`. The signature fits
   AseankgQuadSink, so a reader can fill a list directly.
*/
ASEANKG_API AseankgStatus aseankg_quad_list_append(void* list, const AseankgQuad* quad);

/** Free the list's memory and leave it empty. Safe on NULL. */
ASEANKG_API void aseankg_quad_list_release(AseankgQuadList* list);

/** Create an empty graph, or return NULL if out of memory. */
ASEANKG_API AseankgGraph* aseankg_graph_new(void);

/** Free `graph` and every term it holds. Safe on NULL. */
ASEANKG_API void aseankg_graph_free(AseankgGraph* graph);

/**
   Forget every term and quad of `graph`, which stays usable: handles and term
   pointers it gave out are no longer valid, and new handles start again from
   the first. Lets a reader's sink bound memory while a long input streams.
   Returns ASEANKG_ERR_NOMEM (the graph then keeps its contents).
*/
ASEANKG_API AseankgStatus aseankg_graph_clear(AseankgGraph* graph);

/**
   Intern terms. Each returns the term's handle, the same for equal terms, or
   0 if out of memory. Strings are copied; they need not be NUL-terminated.
*/
ASEANKG_API AseankgTermId aseankg_graph_iri(AseankgGraph* graph, const char* iri, size_t length);
ASEANKG_API AseankgTermId aseankg_graph_blank(AseankgGraph* graph, const char* label, size_t length);

/**
   Intern a literal. `datatype` is an IRI term or 0; an xsd:string datatype is
   dropped (canonical form omits it). `language` (may be NULL) is stored in
   lower case, which makes the datatype rdf:langString; `direction` (NULL,
   "ltr" or "rtl") is only meaningful with a language.
*/
ASEANKG_API AseankgTermId aseankg_graph_literal(AseankgGraph* graph, const char* lexical, size_t length,
                                                AseankgTermId datatype, const char* language,
                                                const char* direction);

/** Intern a literal typed with an XSD datatype named by its local name. */
ASEANKG_API AseankgTermId aseankg_graph_typed(AseankgGraph* graph, const char* lexical,
                                              const char* xsd_local_name);

/** Intern an RDF 1.2 triple term. */
ASEANKG_API AseankgTermId aseankg_graph_triple_term(AseankgGraph* graph, AseankgTermId subject,
                                                    AseankgTermId predicate, AseankgTermId object);

/** Look up a term; the pointer is valid until the graph is freed. */
ASEANKG_API const AseankgTerm* aseankg_graph_term(const AseankgGraph* graph, AseankgTermId id);

/**
   Add a quad (`graph_name` 0 for the default graph). Duplicates are ignored.
   Fails with ASEANKG_ERR_NOMEM when out of memory or when the graph already
   holds 2^31 quads (the most its duplicate index can address).
*/
ASEANKG_API AseankgStatus aseankg_graph_add(AseankgGraph* graph, AseankgTermId subject,
                                            AseankgTermId predicate, AseankgTermId object,
                                            AseankgTermId graph_name);

/** Whether the graph holds `quad`. */
ASEANKG_API int aseankg_graph_contains(const AseankgGraph* graph, const AseankgQuad* quad);

/**
   Remove `quad` if present; returns whether it was. The last quad takes the
   removed one's place, so call aseankg_graph_sort() again before writing
   sorted output.
*/
ASEANKG_API int aseankg_graph_remove(AseankgGraph* graph, const AseankgQuad* quad);

/** The term whose canonical N-Triples form is `key`, or 0 if the graph has none. */
ASEANKG_API AseankgTermId aseankg_graph_lookup(const AseankgGraph* graph, const char* key, size_t key_length);

/** Number of interned terms; handles run from 1 to this number. */
ASEANKG_API size_t aseankg_graph_term_count(const AseankgGraph* graph);

/** Number of distinct quads. */
ASEANKG_API size_t aseankg_graph_size(const AseankgGraph* graph);

/** The quads, in insertion order until aseankg_graph_sort() is called. */
ASEANKG_API const AseankgQuad* aseankg_graph_quads(const AseankgGraph* graph);

/** Sort quads into canonical N-Quads line order (bytewise). */
ASEANKG_API void aseankg_graph_sort(AseankgGraph* graph);

/** Compare two terms in canonical order (negative, zero or positive). */
ASEANKG_API int aseankg_graph_compare_terms(const AseankgGraph* graph, AseankgTermId a, AseankgTermId b);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_GRAPH_H */
