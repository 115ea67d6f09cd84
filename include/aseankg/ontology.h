/* The project ontology, loaded at run time to decide which classes and properties data may use. */
#ifndef ASEANKG_ONTOLOGY_H
#define ASEANKG_ONTOLOGY_H

#include "aseankg/api.h"

#include "aseankg/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct AseankgOntologyImpl AseankgOntology;

typedef enum {
  ASEANKG_DECLARED_CLASS,
  ASEANKG_DECLARED_OBJECT_PROPERTY,
  ASEANKG_DECLARED_DATATYPE_PROPERTY
} AseankgDeclaration;

/**
   Parse the Turtle ontology at `path` with raptor and collect the IRIs it
   declares as owl:Class, owl:ObjectProperty and owl:DatatypeProperty. Its
   namespace is the IRI of its owl:Ontology followed by '#'. On success the
   caller owns `*ontology` (free with aseankg_ontology_free()).
*/
ASEANKG_API AseankgStatus aseankg_ontology_load(AseankgOntology** ontology, const char* path,
                                                AseankgError* error);

/** Free an ontology. Safe on NULL. */
ASEANKG_API void aseankg_ontology_free(AseankgOntology* ontology);

/** The ontology's term namespace, e.g. "https://example.org/aseankg/ontology#". */
ASEANKG_API const char* aseankg_ontology_namespace(const AseankgOntology* ontology);

/** Whether the ontology declares the IRI `iri` as `what`. */
ASEANKG_API int aseankg_ontology_declares(const AseankgOntology* ontology, AseankgDeclaration what,
                                          const char* iri);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_ONTOLOGY_H */
