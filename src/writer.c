/* aseankg_graph_write(): one entry point for the RDF writers; and the one record of a failed write, which the
 * DOT and HTML writers share. */
#include "aseankg/writer.h"

#include "aseankg/ntriples.h"
#include "writers.h"

#include <assert.h>
#include <stddef.h>

AseankgStatus
aseankg_write_failed(AseankgError* const error, const AseankgStatus st, const char* const file_name)
{
  const char* const message = st == ASEANKG_ERR_IO      ? "write error"
                              : st == ASEANKG_ERR_NOMEM ? "out of memory"
                              : st == ASEANKG_ERR_DATA
                                ? "a triple term or a term that is not UTF-8 cannot be written as JSON-LD"
                                : aseankg_strerror(st);
  if (file_name) {
    aseankg_error_set(error, st, file_name, 0U, 0U, "%s", message);
  } else {
    aseankg_error_set_parameter(error, st, "stream", "%s", message);
  }
  return st; /* not error_set's result: an analyzer must see the failure */
}

AseankgStatus
aseankg_graph_write(const AseankgGraph* const graph, FILE* const stream, const AseankgSyntax syntax,
                    const AseankgWriteOptions* const options, AseankgError* const error)
{
  assert(graph);
  assert(stream);
  static const AseankgWriteOptions defaults = { NULL, NULL, 0U };
  const AseankgWriteOptions* const o        = options ? options : &defaults;
  assert(o->prefixes || !o->n_prefixes);

  AseankgStatus st = ASEANKG_SUCCESS;
  switch (syntax) {
    case ASEANKG_SYNTAX_NTRIPLES:
    case ASEANKG_SYNTAX_NQUADS:
      st = aseankg_ntriples_write(graph, stream, syntax == ASEANKG_SYNTAX_NQUADS);
      break;
    case ASEANKG_SYNTAX_TURTLE:
      st = aseankg_turtle_write(graph, stream, o->prefixes, o->n_prefixes);
      break;
    case ASEANKG_SYNTAX_JSONLD:
      st = aseankg_jsonld_write(graph, stream, o->prefixes, o->n_prefixes);
      break;
    default:
      return aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "syntax", "no such syntax (%d)",
                                         (int)syntax);
  }
  return st ? aseankg_write_failed(error, st, o->file_name) : ASEANKG_SUCCESS;
}
