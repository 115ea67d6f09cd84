/* Namespace prefixes, as Turtle declares them; the Turtle writer is aseankg_graph_write() (aseankg/writer.h).
 */
#ifndef ASEANKG_TURTLE_H
#define ASEANKG_TURTLE_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A namespace prefix: `name` abbreviates IRIs starting with `namespace_iri`. Both borrowed. */
typedef struct {
  const char* name;          /**< e.g. "skos" */
  const char* namespace_iri; /**< e.g. "http://www.w3.org/2004/02/skos/core#" */
} AseankgPrefix;

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_TURTLE_H */
