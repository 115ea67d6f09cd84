/* Applying an RDF Patch (Apache Jena / RDF Delta format) to a graph. */
#ifndef ASEANKG_PATCH_H
#define ASEANKG_PATCH_H

#include "aseankg/api.h"

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
   Apply the RDF Patch in `stream` to `graph`, whose blank nodes carry the
   labels the patch uses: D rows remove a quad, A rows add one, in order.
   Header (H), transaction (TX, TC, TA), prefix (PA, PD) and comment rows are
   accepted; terms must be written in full (N-Triples / N-Quads syntax).
   A TA row (abort) discards nothing already applied: it is an error. On a
   syntax error `error` has the line and column; `graph` is then partly
   patched and should be discarded.
*/
ASEANKG_API AseankgStatus aseankg_patch_apply(AseankgGraph* graph, FILE* stream, const char* file_name,
                                              AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_PATCH_H */
