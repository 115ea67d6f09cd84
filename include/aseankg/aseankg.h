/* aseankg: the China-ASEAN joint statement as a text-grounded RDF knowledge graph. */
#ifndef ASEANKG_ASEANKG_H
#define ASEANKG_ASEANKG_H

#include "aseankg/api.h"

#include "aseankg/data.h"
#include "aseankg/diff.h"
#include "aseankg/dot.h"
#include "aseankg/export.h"
#include "aseankg/fmt.h"
#include "aseankg/graph.h"
#include "aseankg/html.h"
#include "aseankg/jsonld.h"
#include "aseankg/merge.h"
#include "aseankg/ntriples.h"
#include "aseankg/ontology.h"
#include "aseankg/output.h"
#include "aseankg/patch.h"
#include "aseankg/reader.h"
#include "aseankg/status.h"
#include "aseankg/text.h"
#include "aseankg/turtle.h"
#include "aseankg/writer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The library version, "MAJOR.MINOR.PATCH". */
ASEANKG_API const char* aseankg_version(void);

/** The version of the raptor library linked at run time. */
ASEANKG_API const char* aseankg_raptor_version(void);

/** The version of the Redland librdf library linked at run time. */
ASEANKG_API const char* aseankg_librdf_version(void);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_ASEANKG_H */
