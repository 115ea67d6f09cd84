/* Safe set-up for every parser aseankg creates: no network, no file beyond the input, bounded expansion. */
#ifndef ASEANKG_SRC_SAFETY_H
#define ASEANKG_SRC_SAFETY_H

#include "aseankg/status.h"

#include <librdf.h>
#include <raptor2.h>

#include <stddef.h>
#include <stdint.h>

/**
   Make libxml2 (used by raptor's RDF/XML parser and rasqal's SPARQL XML
   results reader) load no external entity, DTD or parameter entity from
   anywhere: a process-wide loader that refuses every request. Idempotent;
   every function below calls it.
*/
void aseankg_safety_libxml(void);

/**
   Lock down a raptor parser before it parses: no network, no file beyond the
   stream it is given, no external entity. Returns ASEANKG_ERR_NOMEM (recorded
   against `path`) if raptor refuses an option.
*/
AseankgStatus aseankg_safety_raptor_parser(raptor_parser* parser, const char* path, AseankgError* error);

/** The same for a librdf parser (which wraps a raptor parser). */
AseankgStatus aseankg_safety_librdf_parser(librdf_world* world, librdf_parser* parser, const char* path,
                                           AseankgError* error);

/** The longest DOCTYPE prolog the XML guard reads before the root element, in bytes. */
#define ASEANKG_XML_MAX_PROLOG ((size_t)1024U * 1024U)
/** Bytes that entity references may add beyond their own text, before counting the input. */
#define ASEANKG_XML_EXPANSION_SLACK ((uint64_t)1024U * 1024U)
/** Attributes (namespace declarations included) one start tag may hold: libxml2 and raptor check
    each new attribute against all earlier ones, so n attributes cost n^2 (30,000 took 6 s). */
#define ASEANKG_XML_MAX_ATTRIBUTES 1024U
/** Bytes that entity references may add per byte of input read so far. */
#define ASEANKG_XML_EXPANSION_RATIO 16U

typedef struct {
  char*    name;
  char*    value;     /* replacement text as written, NUL-terminated */
  uint64_t expansion; /* bytes of the fully expanded replacement text */
  int      state;     /* 0 not computed, 1 being computed, 2 computed */
} AseankgXmlEntity;

/**
   Checks XML as it streams past, before the parser sees it (XML 1.0 §4):
   refuses UTF-16/UCS-4 input, parameter entities, external entities and
   entities that hide markup in character references, and stops when the text
   entity references would add passes ASEANKG_XML_EXPANSION_SLACK +
   ASEANKG_XML_EXPANSION_RATIO bytes per input byte. References inside
   comments and CDATA are counted too (conservatively), and refuses a start tag
   with more than ASEANKG_XML_MAX_ATTRIBUTES attributes (an '=' outside quotes
   in a tag; a comment or CDATA section that looks like such a tag counts too,
   conservatively). Zero-initialise, set
   `path` and `error`, then call aseankg_xml_guard_feed() on each chunk.
*/
typedef struct {
  const char*       path;
  AseankgError*     error;
  AseankgXmlEntity* entities;
  size_t            n_entities;
  size_t            max_name; /* longest entity name, bytes */
  uint64_t          input;    /* bytes fed so far */
  uint64_t          added;    /* bytes entity references add so far */
  size_t            prolog;   /* bytes of the prolog (DOCTYPE), once known */
  int               body;     /* the root element has started */
  unsigned          line;     /* position of the next byte (1-based; column in characters) */
  unsigned          column;
  char              ref[256]; /* a reference being read across chunks */
  size_t            ref_length;
  int               in_ref;
  unsigned          ref_line;
  unsigned          ref_column;
  int               tag_state;      /* scanning markup for attributes: see aseankg_xml_guard_feed() */
  char              tag_quote;      /* the quote of the attribute value being read */
  unsigned          tag_attributes; /* attributes (and namespace declarations) of the open start tag */
  unsigned          tag_line;       /* where that start tag begins */
  unsigned          tag_column;
} AseankgXmlGuard;

/**
   Check the bytes of the prolog, all of it so far (`bytes`, `length`, from
   the start of the document). Returns ASEANKG_SUCCESS with guard->body set
   once the root element starts; ASEANKG_SUCCESS with body unset if more bytes
   are needed (`at_end` non-zero: there are none, which is a syntax error);
   else ASEANKG_ERR_SYNTAX recorded with its position.
*/
AseankgStatus aseankg_xml_guard_prolog(AseankgXmlGuard* guard, const char* bytes, size_t length, int at_end);

/** Check the next chunk of the body (after the prolog was accepted). */
AseankgStatus aseankg_xml_guard_feed(AseankgXmlGuard* guard, const char* bytes, size_t length);

/** Check a whole XML document held in memory. */
AseankgStatus aseankg_xml_guard_check(const char* bytes, size_t length, const char* path,
                                      AseankgError* error);

void aseankg_xml_guard_release(AseankgXmlGuard* guard);

/** The deepest nesting of Turtle/TriG brackets ([ ] and ( )) the readers accept. */
#define ASEANKG_MAX_NESTING 1024U

/**
   Counts Turtle/TriG bracket nesting as bytes stream past, outside strings,
   IRIs and comments, so a reader can refuse a nesting deeper than
   ASEANKG_MAX_NESTING before its recursion or stack grows without bound.
   Zero-initialise, set line = column = 1.
*/
typedef struct {
  unsigned depth;
  unsigned line;
  unsigned column;
  int      state;  /* lexical state */
  int      quotes; /* consecutive quote characters seen */
  char     quote;  /* the quote character of the string being read */
} AseankgNestingGuard;

/**
   Scan `length` bytes; returns 0, or 1 with guard->line and guard->column
   at the bracket that went past ASEANKG_MAX_NESTING.
*/
int aseankg_nesting_guard_feed(AseankgNestingGuard* guard, const char* bytes, size_t length);

#endif /* ASEANKG_SRC_SAFETY_H */
