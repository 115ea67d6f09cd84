/* A self-contained HTML page of the statement: its text with every mention linked to a card of the entity. */
#ifndef ASEANKG_HTML_H
#define ASEANKG_HTML_H

#include "aseankg/api.h"

#include "aseankg/export.h"
#include "aseankg/status.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Which page to write; a zeroed struct (or NULL) writes the first document under the default base. */
typedef struct {
  const char* base;     /**< The base IRI of entity IRIs, as for aseankg_export_build(); NULL: the default */
  const char* document; /**< The document (by id) shown; NULL for the corpus's first */
  const char*
    file_name; /**< What `stream` is, for errors ("out.html", "<stdout>"); NULL: the parameter "stream" */
} AseankgHtmlOptions;

/**
   Check the project as aseankg_export_build() does under `options->base`,
   with the same errors, then write one HTML page to `stream`
   that needs nothing else: inline CSS and JavaScript, no network, no web
   fonts, and a Content-Security-Policy that forbids loading anything. It
   shows one document of the corpus, the one with id `options->document` (NULL: the
   first; an unknown id is ASEANKG_ERR_USAGE about the parameter
   "document"), its segments in order, every mention the export finds
   highlighted and linked; one card per entity the document mentions or
   relates (type, Chinese and English
   names with the gloss marker, aliases, IRI and id, external identifiers,
   every relation with the segment that states it and the quoted evidence,
   and the segments it is mentioned in), shown when a mention or the entity
   is clicked (without JavaScript, by the URL fragment #entity-ID); the
   entities grouped by type; and the export's counts. Every string from the
   data or the text is escaped as HTML text. Output is deterministic.

   ASEANKG_ERR_NOMEM and ASEANKG_ERR_IO (the stream failed) are recorded as
   aseankg_graph_write() records them: `error` names `options->file_name`
   (or the parameter "stream") and says "out of memory" or "write error".
   The whole page is built in memory first: nothing is written on any
   failure but a write error.
*/
ASEANKG_API AseankgStatus aseankg_html_write(FILE* stream, const AseankgProject* project,
                                             const AseankgHtmlOptions* options, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_HTML_H */
