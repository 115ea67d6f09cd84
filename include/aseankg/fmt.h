/* A deterministic pretty writer: any dataset as Turtle / TriG (or sorted N-Triples / N-Quads), the same
 * bytes every time and blank-node labels that stay put when the graph changes elsewhere. */
#ifndef ASEANKG_FMT_H
#define ASEANKG_FMT_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"
#include "aseankg/turtle.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  ASEANKG_FMT_TURTLE,  /**< Turtle 1.1 (RDF 1.2 Turtle for triple terms); TriG when a quad has a graph name */
  ASEANKG_FMT_NTRIPLES /**< N-Triples; N-Quads when a quad has a graph name; lines sorted bytewise */
} AseankgFmtSyntax;

/** What to write and how. Zero-initialise for Turtle of the graph's own quads with no prefixes. */
typedef struct {
  AseankgFmtSyntax     syntax;
  const AseankgPrefix* prefixes; /**< Candidate prefixes (copied); only those used are declared */
  size_t               n_prefixes;
  const AseankgQuad*   quads; /**< The quads to write (terms in the graph); NULL: the graph's own */
  size_t               n_quads;
  const AseankgQuad*   extra; /**< Statements the caller writes with aseankg_fmt_write_statement() */
  size_t               n_extra;
} AseankgFmtOptions;

typedef struct AseankgFmtImpl AseankgFmt;

/**
   Plan the layout of a dataset whose terms are interned in `graph` (which
   must outlive the plan and not change meanwhile). The Turtle layout:

   - Prefixes: an IRI is written as `name:local` with the longest namespace
     among `options->prefixes` that leaves a local name of ASCII letters,
     digits, '_' and '-' (not starting with '-'); of two names for one
     namespace the smaller (bytewise) is used. Only the prefixes used are
     declared, sorted by name. A namespace holding a character an IRIREF may
     not hold is not used.
   - Blocks: the default graph first, then each named graph as
     `NAME {` ... `}` (TriG), graphs ordered like subjects. Within a graph,
     subjects with IRIs in canonical N-Triples key order, then labelled blank
     nodes by label, then unlabelled blank nodes (`[ ... ] .`) by their text.
   - In a block: `a` (rdf:type) first, then the other predicates in key
     order, one predicate per line (`;`), several objects of one predicate one
     per line (`,`): ground objects in key order, then blank-node objects by
     their text. Literals are written in canonical N-Triples spelling, with
     xsd:integer in canonical lexical form written bare.
   - A blank node that is the object of exactly one statement, whose own
     statements are in the same graph, and that is neither a graph name, nor
     inside a triple term, nor in `extra`, is written inline as `[ ... ]`;
     when it is also a well-formed RDF collection (each node has exactly one
     rdf:first and one rdf:rest and nothing else, ending in rdf:nil) it is
     written as `( ... )`. Inline nodes nest at most 24 deep and never in a
     cycle: the node where a cycle is cut, or the nesting deepened, is
     labelled instead. A blank node that is the object of no statement is
     written as an unlabelled `[ ... ] .` block.
   - Every other blank node gets a label computed from its own neighbourhood:
     `b` and 12 hexadecimal digits of a hash of the statements pointing at it
     (their subjects and predicates, blank subjects counted but not named);
     where two nodes share that, a hash of all its statements; where they
     share that too, a suffix `-2`, `-3`... in the order of colour
     refinement, and nodes that refinement cannot tell apart in input order.
     So an edit changes the labels only of the blank nodes it touches (or of
     those sharing a neighbourhood with them), never a renumbering.

   With ASEANKG_FMT_NTRIPLES every blank node is labelled that way and the
   lines are sorted bytewise.

   Duplicate quads in `options->quads` are written once. On success the
   caller owns `*fmt`. Returns ASEANKG_ERR_USAGE for a NULL argument or a
   quad holding no term, ASEANKG_ERR_NOMEM; `error` (may be NULL) says why.
*/
ASEANKG_API AseankgStatus aseankg_fmt_new(AseankgFmt** fmt, const AseankgGraph* graph,
                                          const AseankgFmtOptions* options, AseankgError* error);

/**
   Write the whole document (prefixes, then the blocks) to `stream`.
   Returns ASEANKG_ERR_USAGE for a NULL argument, ASEANKG_ERR_NOMEM, or
   ASEANKG_ERR_IO if the stream reports an error; `error` (may be NULL)
   records the last two about the parameter "stream" ("out of memory",
   "write error"), for the caller to name its stream. Nothing is flushed or
   closed.
*/
ASEANKG_API AseankgStatus aseankg_fmt_write(AseankgFmt* fmt, FILE* stream, AseankgError* error);

/**
   Write one statement as a line of the document's syntax, terms spelt as in
   the document: `S P O .` in Turtle, `G { S P O . }` for a named-graph quad
   in TriG, an N-Triples / N-Quads line otherwise. Its blank nodes must be
   labelled (any quad of `options->extra` qualifies); ASEANKG_ERR_USAGE
   otherwise. ASEANKG_ERR_IO if the stream reports an error.
*/
ASEANKG_API AseankgStatus aseankg_fmt_write_statement(AseankgFmt* fmt, FILE* stream, const AseankgQuad* quad);

/**
   The label (without "_:") the document gives blank node `term`, or NULL if
   the node is written inline or `term` is no blank node of the dataset. The
   string belongs to `fmt`.
*/
ASEANKG_API const char* aseankg_fmt_label(const AseankgFmt* fmt, AseankgTermId term);

/** Free a plan. Safe on NULL. */
ASEANKG_API void aseankg_fmt_free(AseankgFmt* fmt);

/**
   Plan, write and free in one call: the graph's own quads in `syntax` with
   the candidate `prefixes` (see aseankg_fmt_new()).
*/
ASEANKG_API AseankgStatus aseankg_fmt_write_graph(const AseankgGraph* graph, FILE* stream,
                                                  AseankgFmtSyntax syntax, const AseankgPrefix* prefixes,
                                                  size_t n_prefixes, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_FMT_H */
