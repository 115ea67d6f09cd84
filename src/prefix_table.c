/* How the Turtle writers spell terms (see prefix_table.h). */
#include "prefix_table.h"

#include "namespaces.h"
#include "try.h"

#include <stdlib.h>
#include <string.h>

AseankgStatus
aseankg_prefix_table_init(AseankgPrefixTable* const table, const AseankgGraph* const graph,
                          const AseankgPrefix* const prefixes, const size_t n_prefixes)
{
  static const char xsd_integer[] = "<" XSD "integer>";
  memset(table, 0, sizeof(*table));
  table->graph       = graph;
  table->prefixes    = prefixes;
  table->n_prefixes  = n_prefixes;
  table->n_terms     = aseankg_graph_term_count(graph);
  table->xsd_integer = aseankg_graph_lookup(graph, xsd_integer, sizeof(xsd_integer) - 1U);
  table->ns_length   = (size_t*)calloc(n_prefixes + 1U, sizeof(size_t));
  table->used        = (unsigned char*)calloc(n_prefixes + 1U, 1U);
  table->prefix_of   = (uint32_t*)calloc(table->n_terms + 1U, sizeof(uint32_t));
  if (!table->ns_length || !table->used || !table->prefix_of) {
    aseankg_prefix_table_release(table);
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t i = 0U; i < n_prefixes; ++i) {
    table->ns_length[i] = strlen(prefixes[i].namespace_iri);
  }
  return ASEANKG_SUCCESS;
}

void
aseankg_prefix_table_release(AseankgPrefixTable* const table)
{
  free(table->ns_length);
  free(table->used);
  free(table->prefix_of);
  table->ns_length = NULL;
  table->used      = NULL;
  table->prefix_of = NULL;
}

/* A conservative PN_LOCAL: ASCII letters, digits, '_' and '-', not starting with '-'. */
static int
is_simple_local_name(const char* const name, const size_t length)
{
  if (!length || name[0] == '-') {
    return 0;
  }
  for (size_t i = 0U; i < length; ++i) {
    const char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-')) {
      return 0;
    }
  }
  return 1;
}

size_t
aseankg_prefix_table_find(AseankgPrefixTable* const table, const AseankgTermId id)
{
  const AseankgTerm* const iri = aseankg_graph_term(table->graph, id);
  if (!iri || iri->kind != ASEANKG_TERM_IRI || id > table->n_terms) {
    return table->n_prefixes;
  }
  if (!table->prefix_of[id]) {
    size_t best = table->n_prefixes;
    for (size_t i = 0U; i < table->n_prefixes; ++i) {
      const size_t n = table->ns_length[i];
      if ((best == table->n_prefixes || n > table->ns_length[best]) && n <= iri->length &&
          !memcmp(iri->value, table->prefixes[i].namespace_iri, n) &&
          is_simple_local_name(iri->value + n, iri->length - n)) {
        best = i;
      }
    }
    table->prefix_of[id] = (uint32_t)best + 1U;
  }
  return table->prefix_of[id] - 1U;
}

int
aseankg_prefix_table_is_bare_integer(const AseankgPrefixTable* const table, const AseankgTerm* const literal)
{
  if (!table->xsd_integer || literal->datatype != table->xsd_integer || !literal->length) {
    return 0;
  }
  size_t i = (literal->value[0] == '+' || literal->value[0] == '-') ? 1U : 0U;
  if (i == literal->length) {
    return 0;
  }
  for (; i < literal->length; ++i) {
    if (literal->value[i] < '0' || literal->value[i] > '9') {
      return 0;
    }
  }
  return 1;
}

void
aseankg_prefix_table_mark_used(AseankgPrefixTable* const table, const AseankgTermId id)
{
  const AseankgTerm* const term = id ? aseankg_graph_term(table->graph, id) : NULL;
  if (!term) {
    return;
  }
  if (term->kind == ASEANKG_TERM_IRI) {
    const size_t p = aseankg_prefix_table_find(table, id);
    if (p < table->n_prefixes) {
      table->used[p] = 1U;
    }
  } else if (term->kind == ASEANKG_TERM_LITERAL && term->datatype &&
             !aseankg_prefix_table_is_bare_integer(table, term)) {
    aseankg_prefix_table_mark_used(table, term->datatype);
  } else if (term->kind == ASEANKG_TERM_TRIPLE) {
    for (unsigned i = 0U; i < 3U; ++i) {
      aseankg_prefix_table_mark_used(table, term->triple[i]);
    }
  }
}

AseankgStatus
aseankg_prefix_table_append_term(AseankgPrefixTable* const table, AseankgBuffer* const out,
                                 const AseankgTermId id, const int turtle, const AseankgBlankSpeller blank,
                                 void* const context)
{
  const AseankgTerm* const term = aseankg_graph_term(table->graph, id);
  if (!term) {
    return ASEANKG_ERR_USAGE;
  }
  switch (term->kind) {
    case ASEANKG_TERM_IRI: {
      const size_t p = turtle ? aseankg_prefix_table_find(table, id) : table->n_prefixes;
      if (p == table->n_prefixes) {
        return aseankg_buffer_append(out, term->key, term->key_length);
      }
      const size_t  n  = table->ns_length[p];
      AseankgStatus st = ASEANKG_SUCCESS;
      TRY(st, aseankg_buffer_append_string(out, table->prefixes[p].name));
      TRY(st, aseankg_buffer_append_byte(out, ':'));
      return aseankg_buffer_append(out, term->value + n, term->length - n);
    }
    case ASEANKG_TERM_BLANK:
      return blank ? blank(context, out, id) : aseankg_buffer_append(out, term->key, term->key_length);
    case ASEANKG_TERM_LITERAL: {
      if (turtle && aseankg_prefix_table_is_bare_integer(table, term)) {
        return aseankg_buffer_append(out, term->value, term->length);
      }
      /* The key is the N-Triples form: '"', the escaped lexical form, '"', then "@tag" (and "--dir") or
         "^^" and the datatype's key, which Turtle may spell with a prefix. */
      const AseankgTerm* const type =
        term->datatype ? aseankg_graph_term(table->graph, term->datatype) : NULL;
      if (!type) {
        return aseankg_buffer_append(out, term->key, term->key_length);
      }
      AseankgStatus st = ASEANKG_SUCCESS;
      TRY(st, aseankg_buffer_append(out, term->key, term->key_length - type->key_length));
      return aseankg_prefix_table_append_term(table, out, term->datatype, turtle, blank, context);
    }
    case ASEANKG_TERM_TRIPLE: {
      AseankgStatus st = ASEANKG_SUCCESS;
      TRY(st, aseankg_buffer_append(out, "<<(", 3U));
      for (unsigned i = 0U; i < 3U; ++i) {
        TRY(st, aseankg_buffer_append_byte(out, ' '));
        TRY(st, aseankg_prefix_table_append_term(table, out, term->triple[i], turtle, blank, context));
      }
      return aseankg_buffer_append(out, " )>>", 4U);
    }
  }
  return ASEANKG_ERR_USAGE;
}
