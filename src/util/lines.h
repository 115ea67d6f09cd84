/* Reading text line by line with a length cap, for the N-Triples/N-Quads and RDF Patch readers. */
#ifndef ASEANKG_SRC_LINES_H
#define ASEANKG_SRC_LINES_H

#include "aseankg/status.h"

#include "buffer.h"

#include <stddef.h>
#include <stdio.h>

/**
   Lines end at LF, CR LF or a lone CR (N-Triples allows all three). A line
   longer than the cap is refused as soon as the cap is passed, before more of
   it is stored. Set up with aseankg_lines_init(), release with
   aseankg_lines_release().
*/
typedef struct {
  FILE*         stream;
  const char*   file_name; /**< For error messages */
  size_t        max_length;
  unsigned      number; /**< 1-based number of the current line */
  AseankgBuffer line;   /**< The current line, NUL-terminated, without its end */
  char*         chunk;  /**< Bytes read from the stream and not yet used */
  size_t        chunk_length;
  size_t        chunk_pos;
  int           after_cr; /**< The last line ended with CR: an LF next belongs to it */
} AseankgLines;

/** Start reading `stream` (named `file_name` in errors), refusing lines longer than `max_length`. */
void aseankg_lines_init(AseankgLines* lines, FILE* stream, const char* file_name, size_t max_length);

/**
   Read the next line into `lines->line`. Sets `*more` to 0 at the end of the
   stream (and 1 otherwise). Fails, with `error` set, on a line longer than
   `max_length` (ASEANKG_ERR_SYNTAX), a read error or lack of memory.
*/
AseankgStatus aseankg_lines_next(AseankgLines* lines, int* more, AseankgError* error);

/** Free what the reader holds. Safe on a zeroed reader. */
void aseankg_lines_release(AseankgLines* lines);

#endif /* ASEANKG_SRC_LINES_H */
