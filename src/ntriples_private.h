/* Reader internals shared with the RDF Patch reader. */
#ifndef ASEANKG_SRC_NTRIPLES_PRIVATE_H
#define ASEANKG_SRC_NTRIPLES_PRIVATE_H

#include "aseankg/graph.h"
#include "aseankg/status.h"

#include <stddef.h>

/**
   Parse one N-Quads statement from `text` (one line, `length` bytes, no line
   break) starting at byte `start`: terms, optional graph name, '.', and an
   optional comment. Errors name `file_name`, `line` and the column.
*/
AseankgStatus aseankg_ntriples_read_row(AseankgGraph* graph, const char* file_name, unsigned line,
                                        const char* text, size_t length, size_t start, AseankgQuad* quad,
                                        AseankgError* error);

#endif /* ASEANKG_SRC_NTRIPLES_PRIVATE_H */
