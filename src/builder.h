/* What the graph builder's files share: the Builder (the state of one build or mention scan), and the
   helpers one of them defines for the others. project.c loads and validates, mint.c makes IRIs and terms,
   mentions.c scans the text for names, emit.c writes the triples; the public API is aseankg/export.h. */
#ifndef ASEANKG_SRC_BUILDER_H
#define ASEANKG_SRC_BUILDER_H

#include "aseankg/export.h"

#include "buffer.h"

#include <stddef.h>
#include <stdint.h>

/* The longest id the data may use. */
#define MAX_ID_LENGTH 128U

/* Where entity IRIs live under the base; aseankg_export_entity_iri() uses the same. */
#define ENTITY_PATH "entity/%s"

/* A byte trie over every Chinese name and alias, for the mention scan. */
typedef struct {
  uint32_t      first_child;
  uint32_t      next_sibling;
  int32_t       entity; /* index of the entity this name ends at, or -1 */
  unsigned char byte;
  unsigned char seen; /* the name ending here occurs somewhere in the text */
} TrieNode;

/* A name found in a segment: it ends at byte `end` and names `entity`. */
typedef struct {
  size_t  end;
  int32_t entity;
} NameEnd;

/* The terms every span and assertion uses, interned once rather than per triple. */
typedef struct {
  AseankgTermId type;
  AseankgTermId offset_based_string;
  AseankgTermId span;
  AseankgTermId reference_context;
  AseankgTermId begin_index;
  AseankgTermId end_index;
  AseankgTermId anchor_of;
  AseankgTermId ta_ident_ref;
  AseankgTermId assertion;
  AseankgTermId statement;
  AseankgTermId subject;
  AseankgTermId predicate;
  AseankgTermId object;
  AseankgTermId stated_in;
  AseankgTermId evidence;
  AseankgTermId was_derived_from;
} HotTerms;

typedef struct {
  AseankgGraph*         graph;
  const AseankgProject* project;
  const AseankgData*    data;
  const char*           base;
  AseankgTermId         graph_name; /* where add() puts quads: 0 is the default graph */
  AseankgTermId         registry;   /* the graph of the shared register */
  AseankgError*         error;
  HotTerms              hot;
  AseankgTermId*        document_iris;
  size_t                doc_index; /* the document being emitted or scanned, its text, IRI and segment IRIs */
  const AseankgDocument* doc;
  const AseankgText*     text;
  AseankgTermId          doc_iri;
  AseankgTermId*         segment_iris;
  AseankgBuffer          scratch;
  const AseankgEntity**  by_id; /* entities sorted by id */
  AseankgTermId*         entity_iris;
  unsigned char*         is_document; /* by entity: it is a document of the corpus (link_documents()) */
  TrieNode*              trie;
  size_t                 n_trie;
  size_t                 trie_capacity;
  NameEnd*               found; /* the mention scan's names at one position, and mentions still open */
  size_t                 n_found;
  size_t                 found_capacity;
  NameEnd*               open;
  size_t                 n_open;
  size_t                 open_capacity;
  AseankgTermId*         spans; /* every span IRI emitted, for counting distinct ones */
  size_t                 n_spans;
  size_t                 spans_capacity;
  AseankgExportStats     stats;
} Builder;

/* Called for each mention the scan finds: bytes [begin, end) of segment `s` name entity `entity`. */
typedef AseankgStatus (*MentionSink)(Builder* b, size_t s, size_t begin, size_t end, size_t entity,
                                     void* context);

/* project.c: errors at data positions and the checks of the data */
AseankgStatus aseankg_builder_fail_at(Builder* b, const AseankgMark* mark, AseankgStatus status,
                                      const char* format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 4, 5)))
#endif
  ;
AseankgStatus aseankg_builder_out_of_memory(Builder* b);
AseankgStatus aseankg_builder_check_id(Builder* b, const AseankgField* field, const char* what);
AseankgStatus aseankg_builder_check_iri(Builder* b, const AseankgField* field, const char* what);
AseankgStatus aseankg_builder_check_date(Builder* b, const AseankgField* field);
AseankgStatus aseankg_builder_check_language(Builder* b, const AseankgField* field);
AseankgStatus aseankg_builder_check_declared(Builder* b, const AseankgField* field, AseankgDeclaration what);
AseankgStatus aseankg_builder_resolve(Builder* b, const AseankgField* field, const char* role,
                                      AseankgTermId* term);
AseankgStatus aseankg_builder_index_entities(Builder* b);
AseankgStatus aseankg_builder_index_documents(Builder* b);
AseankgStatus aseankg_builder_link_documents(Builder* b);
AseankgStatus aseankg_builder_check_names_seen(Builder* b);

/* mint.c: terms */
AseankgTermId aseankg_builder_iri(Builder* b, const char* value);
AseankgTermId aseankg_builder_mint(Builder* b, const char* format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
AseankgTermId aseankg_builder_vocabulary(Builder* b, const char* ns, const char* local);
AseankgTermId aseankg_builder_ontology_term(Builder* b, const char* local);
AseankgTermId aseankg_builder_text_literal(Builder* b, const char* value, size_t length,
                                           const char* language);
AseankgTermId aseankg_builder_lang(Builder* b, const char* value, const char* language);
AseankgTermId aseankg_builder_plain(Builder* b, const char* value);
AseankgTermId aseankg_builder_typed(Builder* b, const char* value, const char* xsd_type);
AseankgTermId aseankg_builder_count_literal(Builder* b, size_t value, const char* xsd_type);
AseankgTermId aseankg_builder_segment_iri(const Builder* b, const AseankgSegment* segment);
AseankgStatus aseankg_builder_intern_hot_terms(Builder* b);
AseankgStatus aseankg_builder_name_graphs(Builder* b, int named, AseankgTermId* document_graphs);

/* mentions.c: the name trie and the scan */
AseankgStatus aseankg_builder_trie_node(Builder* b, uint32_t* index);
uint32_t      aseankg_builder_trie_child(const Builder* b, uint32_t parent, unsigned char byte);
AseankgStatus aseankg_builder_add_names(Builder* b);
AseankgStatus aseankg_builder_scan_mentions(Builder* b, MentionSink sink, void* context);

#endif /* ASEANKG_SRC_BUILDER_H */
