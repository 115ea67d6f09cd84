/* The source text of a statement and its segmentation into title, preamble and clauses. */
#ifndef ASEANKG_TEXT_H
#define ASEANKG_TEXT_H

#include "aseankg/api.h"

#include "aseankg/status.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  ASEANKG_SEGMENT_HEADER, /**< A wire-service line before the title */
  ASEANKG_SEGMENT_TITLE,
  ASEANKG_SEGMENT_PREAMBLE,
  ASEANKG_SEGMENT_CLAUSE
} AseankgSegmentKind;

/** One paragraph of the text; every pointer borrows from its AseankgText. */
typedef struct {
  AseankgSegmentKind kind;
  unsigned           number;      /**< 1-based within its kind; 0 for the title */
  char               id[32];      /**< "header-2", "title", "preamble-3", "clause-9" */
  const char*        text;        /**< The paragraph, without its line break */
  size_t             length;      /**< Bytes in `text` */
  size_t             char_length; /**< Code points in `text` */
  unsigned           line;        /**< 1-based line in the file */
  size_t             char_offset; /**< Code points before it in the file */
} AseankgSegment;

/** A loaded, validated text file and its segments. */
typedef struct {
  char*           path;
  char*           bytes; /**< The whole file, NUL-terminated */
  size_t          length;
  size_t          char_length;
  char            sha256_hex[65];
  AseankgSegment* segments;
  size_t          n_segments;
  size_t          segments_capacity;
} AseankgText;

/**
   Read the text at `path`, check it is UTF-8 with LF line ends, and split it:
   the line equal to `title` is the title; lines before it are wire-service
   header lines; lines after it are preamble paragraphs
   until the first line numbered `一、`; from there every line must be the next
   numbered clause. On success the caller owns `*text` (free with
   aseankg_text_free()).
*/
ASEANKG_API AseankgStatus aseankg_text_load(AseankgText** text, const char* path, const char* title,
                                            AseankgError* error);

/** Free a text. Safe on NULL. */
ASEANKG_API void aseankg_text_free(AseankgText* text);

/** Find a segment by id ("clause-9"), or NULL. */
ASEANKG_API const AseankgSegment* aseankg_text_segment(const AseankgText* text, const char* id);

/**
   Find the `occurrence`-th (1-based) occurrence of `needle` in `segment`.
   Returns its byte offset in the segment, or (size_t)-1 if there is none.
*/
ASEANKG_API size_t aseankg_segment_find(const AseankgSegment* segment, const char* needle,
                                        unsigned occurrence);

/**
   Parse a Chinese clause number (一 … 九十九) at the start of `bytes`.
   Returns the number and stores the bytes it spans in `*consumed`, or returns
   0 if `bytes` does not start with one.
*/
ASEANKG_API unsigned aseankg_text_parse_numeral(const char* bytes, size_t length, size_t* consumed);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_TEXT_H */
