/* Turtle output: the canonical N-Triples terms, abbreviated and grouped for people to read. */
#include "aseankg/turtle.h"
#include "writers.h"
#include "namespaces.h"

#include "buffer.h"
#include "prefix_table.h"
#include "try.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const AseankgGraph* graph;
  FILE*               stream;
  AseankgPrefixTable  table;
  AseankgTermId       rdf_type; /* 0 if the graph has no such term */
  AseankgBuffer       buffer;
} Writer;

static AseankgStatus
append_term(Writer* const writer, const AseankgTermId id)
{
  return aseankg_prefix_table_append_term(&writer->table, &writer->buffer, id, 1, NULL, NULL);
}

static int
compare_prefix_names(const void* const a, const void* const b)
{
  return strcmp(((const AseankgPrefix*)a)->name, ((const AseankgPrefix*)b)->name);
}

static AseankgStatus
write_prefixes(Writer* const writer)
{
  AseankgPrefixTable* const table  = &writer->table;
  const AseankgQuad* const  quads  = aseankg_graph_quads(writer->graph);
  const size_t              n      = aseankg_graph_size(writer->graph);
  AseankgPrefix* const      sorted = (AseankgPrefix*)calloc(table->n_prefixes + 1U, sizeof(AseankgPrefix));
  if (!sorted) {
    return ASEANKG_ERR_NOMEM;
  }

  for (size_t i = 0U; i < n; ++i) {
    if (!quads[i].graph) {
      aseankg_prefix_table_mark_used(table, quads[i].subject);
      aseankg_prefix_table_mark_used(table, quads[i].predicate);
      aseankg_prefix_table_mark_used(table, quads[i].object);
    }
  }

  size_t n_used = 0U;
  for (size_t i = 0U; i < table->n_prefixes; ++i) {
    if (table->used[i]) {
      sorted[n_used++] = table->prefixes[i];
    }
  }
  qsort(sorted, n_used, sizeof(AseankgPrefix), compare_prefix_names);
  for (size_t i = 0U; i < n_used; ++i) {
    fprintf(writer->stream, "@prefix %s: <%s> .\n", sorted[i].name, sorted[i].namespace_iri);
  }
  if (n_used) {
    fputc('\n', writer->stream);
  }

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
  writer.graph    = graph;
  writer.stream   = stream;
  writer.rdf_type = aseankg_graph_lookup(graph, "<" RDF "type>", strlen("<" RDF "type>"));

  AseankgBuffer* const out = &writer.buffer;
  AseankgStatus        st  = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, aseankg_prefix_table_init(&writer.table, graph, prefixes, n_prefixes));
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
  aseankg_prefix_table_release(&writer.table);
  if (!st && ferror(stream)) {
    st = ASEANKG_ERR_IO;
  }
  return st;
}
