/* Turtle output: the canonical N-Triples terms, abbreviated and grouped for people to read. */
#include "aseankg/turtle.h"
#include "writers.h"
#include "namespaces.h"

#include "buffer.h"
#include "canonical.h"
#include "try.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const AseankgGraph*  graph;
  FILE*                stream;
  const AseankgPrefix* prefixes;
  size_t               n_prefixes;
  size_t*              namespace_lengths; /* by prefix */
  size_t*              prefix_of;         /* by term id: 0 not yet known, else 1 + find_prefix() */
  AseankgTermId        rdf_type;          /* 0 if the graph has no such term */
  AseankgTermId        xsd_integer;
  AseankgBuffer        buffer;
} Writer;

/* A conservative PN_LOCAL: letters, digits, '_' and '-', not starting with '-'. */
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

/* Index of the longest prefix that abbreviates `iri`, or n_prefixes if none does. */
static size_t
find_prefix(const Writer* const writer, const AseankgTerm* const iri)
{
  size_t best        = writer->n_prefixes;
  size_t best_length = 0U;
  for (size_t i = 0U; i < writer->n_prefixes; ++i) {
    const size_t n = writer->namespace_lengths[i];
    if (n > best_length && n <= iri->length && !memcmp(iri->value, writer->prefixes[i].namespace_iri, n) &&
        is_simple_local_name(iri->value + n, iri->length - n)) {
      best        = i;
      best_length = n;
    }
  }
  return best;
}

/* find_prefix() for the IRI term `id`, searched once per term however often the term appears. */
static size_t
prefix_of(Writer* const writer, const AseankgTermId id, const AseankgTerm* const iri)
{
  if (!writer->prefix_of[id]) {
    writer->prefix_of[id] = 1U + find_prefix(writer, iri);
  }
  return writer->prefix_of[id] - 1U;
}

static int
is_integer(const char* const lexical, const size_t length)
{
  size_t i = (length && (lexical[0] == '+' || lexical[0] == '-')) ? 1U : 0U;
  if (i == length) {
    return 0;
  }
  for (; i < length; ++i) {
    if (lexical[i] < '0' || lexical[i] > '9') {
      return 0;
    }
  }
  return 1;
}

/* An xsd:integer literal that Turtle can write as a bare number. */
static int
is_bare_integer(const Writer* const writer, const AseankgTerm* const literal)
{
  return writer->xsd_integer && literal->datatype == writer->xsd_integer &&
         is_integer(literal->value, literal->length);
}

static AseankgStatus
append_term(Writer* const writer, const AseankgTermId id)
{
  AseankgBuffer* const     out  = &writer->buffer;
  const AseankgTerm* const term = aseankg_graph_term(writer->graph, id);

  switch (term->kind) {
    case ASEANKG_TERM_IRI: {
      const size_t p = prefix_of(writer, id, term);
      if (p == writer->n_prefixes) {
        return aseankg_buffer_append(out, term->key, term->key_length);
      }
      const size_t  n  = writer->namespace_lengths[p];
      AseankgStatus st = ASEANKG_SUCCESS;
      TRY(st, aseankg_buffer_append_string(out, writer->prefixes[p].name));
      TRY(st, aseankg_buffer_append_byte(out, ':'));
      return aseankg_buffer_append(out, term->value + n, term->length - n);
    }
    case ASEANKG_TERM_BLANK:
      return aseankg_buffer_append(out, term->key, term->key_length);
    case ASEANKG_TERM_LITERAL: {
      if (is_bare_integer(writer, term)) {
        return aseankg_buffer_append(out, term->value, term->length);
      }
      AseankgStatus st = ASEANKG_SUCCESS;
      TRY(st, aseankg_buffer_append_byte(out, '"'));
      TRY(st, aseankg_canonical_append_string(out, term->value, term->length));
      TRY(st, aseankg_buffer_append_byte(out, '"'));
      if (term->language) {
        TRY(st, aseankg_buffer_append_byte(out, '@'));
        TRY(st, aseankg_buffer_append_string(out, term->language));
        if (term->direction) {
          TRY(st, aseankg_buffer_append(out, "--", 2U));
          TRY(st, aseankg_buffer_append_string(out, term->direction));
        }
      } else if (term->datatype) {
        TRY(st, aseankg_buffer_append(out, "^^", 2U));
        TRY(st, append_term(writer, term->datatype));
      }
      return st;
    }
    case ASEANKG_TERM_TRIPLE: {
      AseankgStatus st = ASEANKG_SUCCESS;
      TRY(st, aseankg_buffer_append(out, "<<(", 3U));
      for (unsigned i = 0U; i < 3U; ++i) {
        TRY(st, aseankg_buffer_append_byte(out, ' '));
        TRY(st, append_term(writer, term->triple[i]));
      }
      return aseankg_buffer_append(out, " )>>", 4U);
    }
  }
  return ASEANKG_ERR_USAGE;
}

/* Mark in `used` every prefix some IRI in the output needs. */
static void
mark_used_prefix(Writer* const writer, const AseankgTermId id, unsigned char* const used)
{
  const AseankgTerm* const term = aseankg_graph_term(writer->graph, id);
  if (!term) {
    return;
  }
  if (term->kind == ASEANKG_TERM_IRI) {
    const size_t p = prefix_of(writer, id, term);
    if (p < writer->n_prefixes) {
      used[p] = 1U;
    }
  } else if (term->kind == ASEANKG_TERM_LITERAL) {
    if (term->datatype && !is_bare_integer(writer, term)) {
      mark_used_prefix(writer, term->datatype, used);
    }
  } else if (term->kind == ASEANKG_TERM_TRIPLE) {
    for (unsigned i = 0U; i < 3U; ++i) {
      mark_used_prefix(writer, term->triple[i], used);
    }
  }
}

static int
compare_prefix_names(const void* const a, const void* const b)
{
  return strcmp(((const AseankgPrefix*)a)->name, ((const AseankgPrefix*)b)->name);
}

static AseankgStatus
write_prefixes(Writer* const writer)
{
  const AseankgQuad* const quads  = aseankg_graph_quads(writer->graph);
  const size_t             n      = aseankg_graph_size(writer->graph);
  unsigned char* const     used   = (unsigned char*)calloc(writer->n_prefixes + 1U, 1U);
  AseankgPrefix* const     sorted = (AseankgPrefix*)calloc(writer->n_prefixes + 1U, sizeof(AseankgPrefix));
  if (!used || !sorted) {
    free(used);
    free(sorted);
    return ASEANKG_ERR_NOMEM;
  }

  for (size_t i = 0U; i < n; ++i) {
    if (!quads[i].graph) {
      mark_used_prefix(writer, quads[i].subject, used);
      mark_used_prefix(writer, quads[i].predicate, used);
      mark_used_prefix(writer, quads[i].object, used);
    }
  }

  size_t n_used = 0U;
  for (size_t i = 0U; i < writer->n_prefixes; ++i) {
    if (used[i]) {
      sorted[n_used++] = writer->prefixes[i];
    }
  }
  qsort(sorted, n_used, sizeof(AseankgPrefix), compare_prefix_names);
  for (size_t i = 0U; i < n_used; ++i) {
    fprintf(writer->stream, "@prefix %s: <%s> .\n", sorted[i].name, sorted[i].namespace_iri);
  }
  if (n_used) {
    fputc('\n', writer->stream);
  }

  free(used);
  free(sorted);
  return ASEANKG_SUCCESS;
}

/* Write the default-graph pairs in quads[begin, end): the rdf:type ones if `types`, else the rest. */
static AseankgStatus
write_pairs(Writer* const writer, const AseankgQuad* const quads, const size_t begin, const size_t end,
            const int types, AseankgTermId* const last_predicate)
{
  AseankgBuffer* const out = &writer->buffer;
  AseankgStatus        st  = ASEANKG_SUCCESS;
  for (size_t i = begin; i < end; ++i) {
    if (quads[i].graph || (quads[i].predicate == writer->rdf_type) != types) {
      continue;
    }
    if (quads[i].predicate == *last_predicate) {
      TRY(st, aseankg_buffer_append_string(out, " ,\n        "));
    } else {
      if (*last_predicate) {
        TRY(st, aseankg_buffer_append_string(out, " ;\n"));
      }
      TRY(st, aseankg_buffer_append_string(out, "    "));
      TRY(st, types ? aseankg_buffer_append_byte(out, 'a') : append_term(writer, quads[i].predicate));
      TRY(st, aseankg_buffer_append_byte(out, ' '));
      *last_predicate = quads[i].predicate;
    }
    TRY(st, append_term(writer, quads[i].object));
  }
  return st;
}

AseankgStatus
aseankg_turtle_write(const AseankgGraph* const graph, FILE* const stream, const AseankgPrefix* const prefixes,
                     const size_t n_prefixes)
{
  assert(graph);
  assert(stream);
  assert(prefixes || !n_prefixes);
  Writer writer;
  memset(&writer, 0, sizeof(writer));
  writer.graph             = graph;
  writer.stream            = stream;
  writer.prefixes          = prefixes;
  writer.n_prefixes        = n_prefixes;
  writer.namespace_lengths = (size_t*)calloc(n_prefixes + 1U, sizeof(size_t));
  writer.prefix_of         = (size_t*)calloc(aseankg_graph_term_count(graph) + 1U, sizeof(size_t));
  writer.rdf_type          = aseankg_graph_lookup(graph,
                                                  "<" RDF "type"
                                                           ">",
                                                  strlen("<" RDF "type"
                                                                  ">"));
  writer.xsd_integer       = aseankg_graph_lookup(graph,
                                                  "<" XSD "integer"
                                                        ">",
                                                  strlen("<" XSD "integer"
                                                               ">"));

  AseankgBuffer* const out = &writer.buffer;
  AseankgStatus        st  = ASEANKG_SUCCESS;
  if (!writer.namespace_lengths || !writer.prefix_of) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t i = 0U; i < n_prefixes; ++i) {
    writer.namespace_lengths[i] = strlen(prefixes[i].namespace_iri);
  }
  TRY_CLEANUP(st, write_prefixes(&writer));

  /* Blocks collect in the buffer, which goes to the stream a chunk at a time. */
  const AseankgQuad* const quads = aseankg_graph_quads(graph);
  const size_t             n     = aseankg_graph_size(graph);
  for (size_t begin = 0U; begin < n;) {
    size_t end = begin;
    while (end < n && quads[end].subject == quads[begin].subject) {
      ++end;
    }

    const size_t  block = out->length;
    AseankgTermId last  = 0U;
    TRY_CLEANUP(st, append_term(&writer, quads[begin].subject));
    TRY_CLEANUP(st, aseankg_buffer_append_byte(out, '\n'));
    TRY_CLEANUP(st, write_pairs(&writer, quads, begin, end, 1, &last));
    TRY_CLEANUP(st, write_pairs(&writer, quads, begin, end, 0, &last));
    TRY_CLEANUP(st, aseankg_buffer_append_string(out, " .\n\n"));
    if (!last) {
      aseankg_buffer_truncate(out, block); /* only named-graph quads: no block */
    }
    TRY_CLEANUP(st, aseankg_buffer_spill(out, stream, ASEANKG_WRITE_CHUNK));
    begin = end;
  }
  TRY_CLEANUP(st, aseankg_buffer_spill(out, stream, 0U));

cleanup:
  aseankg_buffer_release(out);
  free(writer.namespace_lengths);
  free(writer.prefix_of);
  if (!st && ferror(stream)) {
    st = ASEANKG_ERR_IO;
  }
  return st;
}
