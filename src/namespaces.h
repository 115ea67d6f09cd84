/* The namespace IRIs the library writes and reads, each written once. */
#ifndef ASEANKG_SRC_NAMESPACES_H
#define ASEANKG_SRC_NAMESPACES_H

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define OWL "http://www.w3.org/2002/07/owl#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define DCTERMS "http://purl.org/dc/terms/"
#define SCHEMA "https://schema.org/"
#define PROV "http://www.w3.org/ns/prov#"
#define ORG "http://www.w3.org/ns/org#"
#define ELI "http://data.europa.eu/eli/ontology#"
#define NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define ITSRDF "http://www.w3.org/2005/11/its/rdf#"
#define VOID "http://rdfs.org/ns/void#"

#endif /* ASEANKG_SRC_NAMESPACES_H */
