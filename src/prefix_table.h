/* How the Turtle writers spell terms: which declared prefix abbreviates an IRI, integers written bare, and
 * the term itself. One rule shared by the Turtle writer (turtle.c) and the formatter (fmt.c). */
#ifndef ASEANKG_SRC_PREFIX_TABLE_H
#define ASEANKG_SRC_PREFIX_TABLE_H

#include "aseankg/graph.h"
#include "aseankg/status.h"
#include "aseankg/turtle.h"

#include "buffer.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
  const AseankgGraph*  graph;
  const AseankgPrefix* prefixes; /* the caller's (not copied): the earlier of two equal namespaces wins */
  size_t               n_prefixes;
  size_t*              ns_length; /* by prefix: bytes */
  unsigned char*       used;      /* by prefix: set by aseankg_prefix_table_mark_used() */
  uint32_t*            prefix_of; /* by term: 0 not yet known, else 1 + prefix index (n_prefixes: none) */
  size_t               n_terms; /* terms of `graph` when the table was made; later ones are not abbreviated */
  AseankgTermId        xsd_integer;
} AseankgPrefixTable;

/** Set up `table` for `graph`'s terms and `prefixes` (kept, not copied). ASEANKG_ERR_NOMEM. */
AseankgStatus aseankg_prefix_table_init(AseankgPrefixTable* table, const AseankgGraph* graph,
                                        const AseankgPrefix* prefixes, size_t n_prefixes);

/** Free what init allocated. Safe on a zeroed table. */
void aseankg_prefix_table_release(AseankgPrefixTable* table);

/**
   The prefix that abbreviates IRI term `id`: the longest namespace that
   starts the IRI and leaves a local name of ASCII letters, digits, '_' and
   '-' (not starting with '-'), the first of equal ones; n_prefixes if none
   does. Looked up once per term.
*/
size_t aseankg_prefix_table_find(AseankgPrefixTable* table, AseankgTermId id);

/** Mark in table->used the prefixes the Turtle spelling of term `id` needs (0: none). */
void aseankg_prefix_table_mark_used(AseankgPrefixTable* table, AseankgTermId id);

/** An xsd:integer literal Turtle writes as a bare number. */
int aseankg_prefix_table_is_bare_integer(const AseankgPrefixTable* table, const AseankgTerm* literal);

/** Appends the spelling of blank node `id`; the writer's own labels. */
typedef AseankgStatus (*AseankgBlankSpeller)(void* context, AseankgBuffer* out, AseankgTermId id);

/**
   Append term `id` as Turtle spells it (prefixed names, bare integers) or,
   with `turtle` zero, as N-Triples does. Blank nodes, also inside literals'
   triple terms, go through `blank` (NULL: their key, "_:label").
   ASEANKG_ERR_NOMEM, or what `blank` returns; ASEANKG_ERR_USAGE for an
   unknown term.
*/
AseankgStatus aseankg_prefix_table_append_term(AseankgPrefixTable* table, AseankgBuffer* out,
                                               AseankgTermId id, int turtle, AseankgBlankSpeller blank,
                                               void* context);

#endif /* ASEANKG_SRC_PREFIX_TABLE_H */
