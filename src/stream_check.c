/* Well-formedness checks of streamed SPARQL results: libxml2's push parser for XML, yajl for JSON. */
#include "stream_check.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <yajl/yajl_parse.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SPARQL_RESULTS_NS "http://www.w3.org/2005/sparql-results#"

struct AseankgStreamCheck {
  int              json;
  xmlParserCtxtPtr xml;
  yajl_handle      yajl;
  AseankgStatus    status;   /* once a fault is reported, every call returns it */
  char             why[200]; /* a fault found by a callback, before the parser reports it */
  unsigned         line;     /* of that fault (XML) */
  unsigned         column;
  int              root_seen;
  size_t           depth;       /* JSON: open arrays and objects */
  size_t           offset;      /* JSON: bytes fed before the current piece */
  size_t           since_token; /* JSON: bytes fed since the last complete token */
  int              first_error; /* XML: the first error message was kept */
};

/* --- XML ------------------------------------------------------------------ */

static void
xml_fault(AseankgStreamCheck* const check, const char* const why)
{
  if (!check->why[0]) {
    snprintf(check->why, sizeof(check->why), "%s", why);
    check->line   = (unsigned)xmlSAX2GetLineNumber(check->xml);
    check->column = (unsigned)xmlSAX2GetColumnNumber(check->xml);
  }
  xmlStopParser(check->xml);
}

static void
xml_start(void* const user, const xmlChar* const name, const xmlChar* const prefix, const xmlChar* const uri,
          const int n_namespaces, const xmlChar** const namespaces, const int n_attributes,
          const int n_defaulted, const xmlChar** const attributes)
{
  (void)prefix, (void)n_namespaces, (void)namespaces, (void)n_attributes, (void)n_defaulted, (void)attributes;
  AseankgStreamCheck* const check = (AseankgStreamCheck*)user;
  if (!check->root_seen) {
    check->root_seen = 1;
    if (strcmp((const char*)name, "sparql") || !uri || strcmp((const char*)uri, SPARQL_RESULTS_NS)) {
      xml_fault(check, "the root element is not sparql in the SPARQL results namespace");
    }
  }
}

static void
xml_doctype(void* const user, const xmlChar* const name, const xmlChar* const public_id,
            const xmlChar* const system_id)
{
  (void)name, (void)public_id, (void)system_id;
  xml_fault((AseankgStreamCheck*)user, "a DOCTYPE (SPARQL results have none; entities are not expanded)");
}

static void
xml_entity(void* const user, const xmlChar* const name, const int type, const xmlChar* const public_id,
           const xmlChar* const system_id,
           xmlChar* const content) // NOLINT(readability-non-const-parameter): libxml2's entityDeclSAXFunc
{
  (void)name, (void)type, (void)public_id, (void)system_id, (void)content;
  xml_fault((AseankgStreamCheck*)user, "an entity declaration");
}

static void
xml_error(void* const user, xmlErrorPtr const error)
{
  AseankgStreamCheck* const check = (AseankgStreamCheck*)user;
  if (error->level < XML_ERR_ERROR || check->why[0]) {
    return;
  }
  snprintf(check->why, sizeof(check->why), "%s", error->message ? error->message : "not well-formed");
  const size_t n = strlen(check->why);
  if (n && check->why[n - 1U] == '\n') {
    check->why[n - 1U] = '\0';
  }
  check->line   = error->line > 0 ? (unsigned)error->line : 0U;
  check->column = error->int2 > 0 ? (unsigned)error->int2 : 0U;
}

/* --- JSON ----------------------------------------------------------------- */

static int
json_token(void* const user)
{
  AseankgStreamCheck* const check = (AseankgStreamCheck*)user;
  check->since_token              = 0U;
  if (!check->root_seen) {
    snprintf(check->why, sizeof(check->why), "the top value is not an object");
    return 0;
  }
  return 1;
}

static int
json_null(void* const user)
{
  return json_token(user);
}

static int
json_boolean(void* const user, const int value)
{
  (void)value;
  return json_token(user);
}

static int
json_number(void* const user, const char* const text, const size_t length)
{
  (void)text, (void)length;
  return json_token(user);
}

static int
json_string(void* const user, const unsigned char* const text, const size_t length)
{
  (void)text, (void)length;
  return json_token(user);
}

static int
json_open(void* const user, const int object)
{
  AseankgStreamCheck* const check = (AseankgStreamCheck*)user;
  if (!check->root_seen) {
    check->root_seen = object;
  }
  if (!json_token(user)) {
    return 0;
  }
  if (++check->depth > ASEANKG_STREAM_MAX_DEPTH) {
    snprintf(check->why, sizeof(check->why), "arrays and objects nested deeper than %u levels",
             ASEANKG_STREAM_MAX_DEPTH);
    return 0;
  }
  return 1;
}

static int
json_start_map(void* const user)
{
  return json_open(user, 1);
}

static int
json_start_array(void* const user)
{
  return json_open(user, 0);
}

static int
json_close(void* const user)
{
  --((AseankgStreamCheck*)user)->depth;
  return json_token(user);
}

static const yajl_callbacks json_callbacks = {
  json_null,  json_boolean,     NULL,       NULL, json_number, json_string, json_start_map, json_string,
  json_close, json_start_array, json_close,
};

/* --- Both ----------------------------------------------------------------- */

AseankgStreamCheck*
aseankg_stream_check_new(const char* const format, AseankgStatus* const status)
{
  *status           = ASEANKG_SUCCESS;
  const int xml     = !strcmp(format, "xml");
  const int is_json = !strcmp(format, "json");
  if (!xml && !is_json) {
    return NULL;
  }
  AseankgStreamCheck* const check = (AseankgStreamCheck*)calloc(1U, sizeof(AseankgStreamCheck));
  if (!check) {
    *status = ASEANKG_ERR_NOMEM;
    return NULL;
  }
  check->json = is_json;
  if (is_json) {
    check->yajl = yajl_alloc(&json_callbacks, NULL, check);
  } else {
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof(sax));
    sax.initialized    = XML_SAX2_MAGIC;
    sax.startElementNs = xml_start;
    sax.internalSubset = xml_doctype;
    sax.entityDecl     = xml_entity;
    sax.serror         = xml_error;
    check->xml         = xmlCreatePushParserCtxt(&sax, check, NULL, 0, NULL);
    if (check->xml) {
      /* No network, no DTD loaded, no entity substituted: only well-formedness is checked. */
      xmlCtxtUseOptions(check->xml, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    }
  }
  if (!check->yajl && !check->xml) {
    free(check);
    *status = ASEANKG_ERR_NOMEM;
    return NULL;
  }
  return check;
}

static AseankgStatus
fault(AseankgStreamCheck* const check, const char* const source, AseankgError* const error,
      const char* const fallback)
{
  const char* const why = check->why[0] ? check->why : fallback;
  if (check->json) {
    check->status = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, source, 0U, 0U,
                                      "malformed json results at byte %zu: %s", check->offset, why);
  } else {
    check->status = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, source, check->line, check->column,
                                      "malformed xml results: %s", why);
  }
  return check->status;
}

static AseankgStatus
json_result(AseankgStreamCheck* const check, const yajl_status got, const unsigned char* const bytes,
            const size_t length, const char* const source, AseankgError* const error)
{
  if (got == yajl_status_ok) {
    return ASEANKG_SUCCESS;
  }
  check->offset += yajl_get_bytes_consumed(check->yajl);
  if (got == yajl_status_error && !check->why[0]) {
    unsigned char* const text = yajl_get_error(check->yajl, 0, bytes, length);
    snprintf(check->why, sizeof(check->why), "%s", text ? (const char*)text : "not JSON");
    yajl_free_error(check->yajl, text);
    for (size_t n = strlen(check->why); n && (check->why[n - 1U] == '\n' || check->why[n - 1U] == ' ');) {
      check->why[--n] = '\0';
    }
  }
  return fault(check, source, error, "not JSON");
}

AseankgStatus
aseankg_stream_check_feed(AseankgStreamCheck* const check, const char* const bytes, const size_t length,
                          const char* const source, AseankgError* const error)
{
  if (check->status) {
    return check->status;
  }
  if (check->json) {
    const yajl_status got = yajl_parse(check->yajl, (const unsigned char*)bytes, length);
    if (got != yajl_status_ok) {
      return json_result(check, got, (const unsigned char*)bytes, length, source, error);
    }
    check->offset += length;
    check->since_token += length;
    if (check->since_token > ASEANKG_STREAM_MAX_TOKEN) {
      snprintf(check->why, sizeof(check->why), "a value longer than %zu bytes", ASEANKG_STREAM_MAX_TOKEN);
      return fault(check, source, error, check->why);
    }
    return ASEANKG_SUCCESS;
  }
  /* libxml2 takes an int length: feed a large piece in parts. */
  for (size_t done = 0U; done < length;) {
    const size_t part = length - done < 65536U ? length - done : 65536U;
    if (xmlParseChunk(check->xml, bytes + done, (int)part, 0) || check->why[0] || !check->xml->wellFormed) {
      return fault(check, source, error, "not well-formed");
    }
    done += part;
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_stream_check_finish(AseankgStreamCheck* const check, const char* const source,
                            AseankgError* const error)
{
  if (check->status) {
    return check->status;
  }
  if (check->json) {
    const yajl_status got = yajl_complete_parse(check->yajl);
    if (got != yajl_status_ok) {
      return json_result(check, got, NULL, 0U, source, error);
    }
    return check->root_seen ? ASEANKG_SUCCESS : fault(check, source, error, "no JSON value");
  }
  if (xmlParseChunk(check->xml, NULL, 0, 1) || check->why[0] || !check->xml->wellFormed) {
    return fault(check, source, error, "the document ends before it is complete");
  }
  return check->root_seen ? ASEANKG_SUCCESS : fault(check, source, error, "no root element");
}

void
aseankg_stream_check_free(AseankgStreamCheck* const check)
{
  if (!check) {
    return;
  }
  if (check->yajl) {
    yajl_free(check->yajl);
  }
  if (check->xml) {
    xmlFreeParserCtxt(check->xml);
  }
  free(check);
}
