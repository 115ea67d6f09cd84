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

/**
   Check the project as aseankg_export_build() does under `base` (NULL: the
   default base), with the same errors, then write one HTML page to `stream`
   that needs nothing else: inline CSS and JavaScript, no network, no web
   fonts, and a Content-Security-Policy that forbids loading anything. It
   shows one document of the corpus, the one with id `document` (NULL: the
   first), its segments in order, every mention the export finds
   highlighted and linked; one card per entity the document mentions or
   relates (type, Chinese and English
   names with the gloss marker, aliases, IRI and id, external identifiers,
   every relation with the segment that states it and the quoted evidence,
   and the segments it is mentioned in), shown when a mention or the entity
   is clicked (without JavaScript, by the URL fragment #entity-ID); the
   entities grouped by type; and the export's counts. Every string from the
   data or the text is escaped as HTML text. Output is deterministic.

   Nothing is written on any failure but a write error, which returns
   ASEANKG_ERR_IO and leaves `error` for the caller, who knows the stream.
*/
ASEANKG_API AseankgStatus aseankg_html_write(FILE* stream, const AseankgProject* project, const char* base,
                                             const char* document, AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_HTML_H */
