/* SPARQL 1.1 Protocol and Graph Store HTTP Protocol over libcurl; results laid out with rasqal. */
#include "aseankg/remote.h"

#include "buffer.h"
#include "file.h"
#include "iri.h"
#include "remote_results.h"
#include "safety.h"
#include "stream_check.h"
#include "table.h"
#include "try.h"
#include "writers.h"

#include <curl/curl.h>
#include <rasqal.h>

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Queries longer than this go in a form POST rather than the URL. */
#define MAX_GET_QUERY 2000U

/* Of a body that is only reported (an HTTP error, an update's answer), this much is kept. */
#define MAX_QUOTED_BODY 65536U

/* What happens to a response body. */
typedef enum {
  BODY_STREAM, /* written to `stream` as it arrives, once its media type is checked */
  BODY_PARSE,  /* kept whole (up to ASEANKG_REMOTE_MAX_RESULTS) to be parsed */
  BODY_QUOTE   /* only the start is kept, to quote in an error */
} BodyUse;

/* Why the transfer was stopped from the receiving side. */
typedef enum { STOP_NONE, STOP_WRONG_TYPE, STOP_TOO_LARGE, STOP_WRITE, STOP_NOMEM, STOP_MALFORMED } Stop;

typedef struct {
  FILE*               stream;
  AseankgBuffer       buffer;
  BodyUse             use;
  CURL*               curl;
  const char*         format;  /* BODY_STREAM: the results format the media type must match */
  int                 checked; /* BODY_STREAM: the media type has been checked */
  Stop                stop;
  AseankgStreamCheck* check;  /* BODY_STREAM of xml or json: each piece is checked before it is written */
  const char*         source; /* names the server in the checker's messages */
  AseankgError*       error;  /* where the checker reports */
} Response;

/* Whether `content_type` (parameters ignored) is one of the space-separated media types in `types`. */
static int
type_is(const char* const content_type, const char* const types)
{
  const size_t n = content_type ? strcspn(content_type, "; \t") : 0U;
  for (const char* t = types; n && *t;) {
    const size_t m = strcspn(t, " ");
    if (m == n && !strncasecmp(t, content_type, n)) {
      return 1;
    }
    t += m + (t[m] == ' ');
  }
  return 0;
}

/* The media types a server may answer with for each streamed results format. */
static const char*
streamed_types(const char* const format)
{
  return !strcmp(format, "csv")    ? "text/csv"
         : !strcmp(format, "tsv")  ? "text/tab-separated-values"
         : !strcmp(format, "json") ? "application/sparql-results+json application/json"
         : !strcmp(format, "xml")  ? "application/sparql-results+xml application/xml text/xml"
                                   : "application/n-triples text/plain";
}

/* Streamed xml and json results are checked in pieces this large: yajl lexes a token cut by a piece
   again from its start, so small pieces (curl's are 16 KiB) would make a long string quadratic. */
#define CHECKED_PIECE ((size_t)1024U * 1024U)

/* Check the pending piece and write it; 0, or 1 with response->stop set. */
static int
flush_checked(Response* const response)
{
  AseankgBuffer* const pending = &response->buffer;
  if (pending->length && aseankg_stream_check_feed(response->check, pending->data, pending->length,
                                                   response->source, response->error)) {
    response->stop = STOP_MALFORMED;
    return 1;
  }
  if (pending->length && fwrite(pending->data, 1U, pending->length, response->stream) != pending->length) {
    response->stop = STOP_WRITE;
    return 1;
  }
  pending->length = 0U;
  return 0;
}

/* Keep an error page out of the results, and every kept body bounded. */
static size_t
receive(char* const data, const size_t size, const size_t count, void* const user)
{
  Response* const response = (Response*)user;
  const size_t    n        = size * count;
  long            status   = 0L;
  curl_easy_getinfo(response->curl, CURLINFO_RESPONSE_CODE, &status);
  if (response->use == BODY_QUOTE || status >= 400L) {
    const size_t room = MAX_QUOTED_BODY - response->buffer.length;
    if (response->buffer.length < MAX_QUOTED_BODY &&
        aseankg_buffer_append(&response->buffer, data, n < room ? n : room)) {
      response->stop = STOP_NOMEM;
      return 0U;
    }
    return n; /* the rest is read and dropped */
  }
  if (response->use == BODY_PARSE) {
    if (n > ASEANKG_REMOTE_MAX_RESULTS - response->buffer.length) {
      response->stop = STOP_TOO_LARGE;
      return 0U;
    }
    if (aseankg_buffer_append(&response->buffer, data, n)) {
      response->stop = STOP_NOMEM;
      return 0U;
    }
    return n;
  }
  if (!response->checked) {
    char* type = NULL;
    curl_easy_getinfo(response->curl, CURLINFO_CONTENT_TYPE, &type);
    if (!type_is(type, streamed_types(response->format))) {
      response->stop = STOP_WRONG_TYPE;
      return 0U;
    }
    response->checked = 1;
  }
  if (response->check) { /* checked in pieces of CHECKED_PIECE bytes, each written once it passed */
    if (aseankg_buffer_append(&response->buffer, data, n)) {
      response->stop = STOP_NOMEM;
      return 0U;
    }
    return response->buffer.length < CHECKED_PIECE || !flush_checked(response) ? n : 0U;
  }
  if (fwrite(data, 1U, n, response->stream) != n) {
    response->stop = STOP_WRITE;
    return 0U;
  }
  return n;
}

/* Whether `text` holds `needle`, ignoring ASCII case. */
static int
contains(const char* const text, const char* const needle)
{
  const size_t n = strlen(needle);
  for (const char* p = text; n && *p; ++p) {
    if (!strncasecmp(p, needle, n)) {
      return 1;
    }
  }
  return 0;
}

/* `text` in base64 (RFC 4648), as an Authorization: Basic header carries it; `out` has 4/3 the room. */
static void
base64(const char* const text, char* const out, const size_t size)
{
  static const char          digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const unsigned char* const s        = (const unsigned char*)text;
  const size_t               n        = strlen(text);
  size_t                     o        = 0U;
  for (size_t i = 0U; i < n && o + 5U < size; i += 3U) {
    const unsigned v = (unsigned)s[i] << 16U | (i + 1U < n ? (unsigned)s[i + 1U] << 8U : 0U) |
                       (i + 2U < n ? (unsigned)s[i + 2U] : 0U);
    out[o++] = digits[(v >> 18U) & 63U];
    out[o++] = digits[(v >> 12U) & 63U];
    out[o++] = i + 1U < n ? digits[(v >> 6U) & 63U] : '=';
    out[o++] = i + 2U < n ? digits[v & 63U] : '=';
  }
  out[o] = '\0';
}

/*
   What of a server's answer an error may quote: its first non-blank line, cut
   to fit on a whole character, or nothing if anything in the kept body could
   be an echo of the credentials (an Authorization header, the password, its
   base64). Escaping for the terminal happens where the error is formatted.
*/
static void
quote_body(const AseankgBuffer* const body, char* const out, const size_t size)
{
  out[0]                 = '\0';
  const char* const text = body->data ? body->data : "";
  const char* const auth = getenv("ASEANKG_AUTH");
  const char* const pass = auth ? strchr(auth, ':') : NULL;
  char              encoded[1400];
  base64(auth ? auth : "", encoded, sizeof(encoded));
  if (contains(text, "authorization") || contains(text, "basic ") || contains(text, "digest ") ||
      contains(text, "bearer ") || (auth && *auth && strstr(text, auth)) ||
      (pass && pass[1] && strstr(text, pass + 1)) || (encoded[0] && strstr(text, encoded))) {
    snprintf(out, size, "(the answer is not quoted: it may echo the credentials)");
    return;
  }
  const char* line = text + strspn(text, " \t\r\n");
  size_t      n    = strcspn(line, "\r\n");
  if (n >= size) {
    n = size - 1U;
    while (n && ((unsigned char)line[n] & 0xC0U) == 0x80U) { /* not inside a character */
      --n;
    }
  }
  memcpy(out, line, n);
  out[n] = '\0';
}

/*
   Parse `endpoint` with libcurl's URL API: an http or https URL without
   credentials in it (they come from the environment or netrc only). With
   `name`, "name=value" is appended to its query, URL-encoded.
*/
static AseankgStatus
endpoint_url(const char* const endpoint, const char* const name, const char* const value, CURLU** const url,
             AseankgError* const error)
{
  static const char credentials[] = "the URL holds credentials (before an '@'); they are taken only from "
                                    "ASEANKG_AUTH or a netrc file, never from a URL";
  /* An '@' in the authority, even one that makes the URL unparsable, must not be echoed. */
  const char* const scheme_end = strstr(endpoint, "://");
  const char* const authority  = scheme_end ? scheme_end + 3 : endpoint;
  const char* const at         = strchr(authority, '@');
  *url                         = NULL;
  if (at && at < authority + strcspn(authority, "/?#")) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, "<endpoint URL>", 0U, 0U, "%s", credentials);
  }
  CURLU* const u = curl_url();
  *url           = u;
  if (!u) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, endpoint, 0U, 0U, "out of memory");
  }
  CURLUcode code   = curl_url_set(u, CURLUPART_URL, endpoint, CURLU_NON_SUPPORT_SCHEME);
  char*     scheme = NULL;
  if (code || curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) ||
      (strcmp(scheme, "http") && strcmp(scheme, "https"))) {
    curl_free(scheme);
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, endpoint, 0U, 0U, "not an http or https URL%s%s",
                             code ? ": " : "", code ? curl_url_strerror(code) : "");
  }
  curl_free(scheme);

  char* part = NULL;
  if (!curl_url_get(u, CURLUPART_USER, &part, 0) || !curl_url_get(u, CURLUPART_PASSWORD, &part, 0) ||
      !curl_url_get(u, CURLUPART_OPTIONS, &part, 0)) {
    curl_free(part);
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, "<endpoint URL>", 0U, 0U, "%s", credentials);
  }
  if (name) {
    AseankgBuffer pair = { NULL, 0U, 0U };
    AseankgStatus st   = aseankg_buffer_printf(&pair, "%s=%s", name, value);
    code               = st ? CURLUE_OUT_OF_MEMORY
                            : curl_url_set(u, CURLUPART_QUERY, pair.data, CURLU_APPENDQUERY | CURLU_URLENCODE);
    aseankg_buffer_release(&pair);
    if (code) {
      return aseankg_error_set(error, ASEANKG_ERR_NOMEM, endpoint, 0U, 0U, "cannot build the request URL: %s",
                               curl_url_strerror(code));
    }
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_remote_global_init(void)
{
  return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
}

void
aseankg_remote_global_cleanup(void)
{
  curl_global_cleanup();
}

static CURL*
new_handle(const AseankgRemote* const remote, char* const message)
{
  CURL* const curl = curl_easy_init();
  if (!curl) {
    return NULL;
  }
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, message);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, remote->connect_timeout > 0 ? remote->connect_timeout : 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, remote->timeout > 0 ? remote->timeout : 300L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  /* Follow redirects over HTTP(S) only, and keep a POST a POST (an update must not become a GET). */
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_POSTREDIR, (long)CURL_REDIR_POST_ALL);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "aseankg");
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)ASEANKG_REMOTE_MAX_RESULTS);

  /* Credentials from the environment or a netrc file, never from the command line. */
  const char* const auth  = getenv("ASEANKG_AUTH");
  const char* const netrc = getenv("ASEANKG_NETRC");
  if (auth && *auth) {
    /* user:password, split at the first ':' so a password may hold ':' and '@' */
    const char* const colon = strchr(auth, ':');
    char              user[256];
    const size_t      n = colon ? (size_t)(colon - auth) : strlen(auth);
    snprintf(user, sizeof(user), "%.*s", (int)(n < sizeof(user) ? n : sizeof(user) - 1U), auth);
    curl_easy_setopt(curl, CURLOPT_USERNAME, user);
    curl_easy_setopt(curl, CURLOPT_PASSWORD, colon ? colon + 1 : "");
  } else {
    curl_easy_setopt(curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    if (netrc && *netrc) {
      curl_easy_setopt(curl, CURLOPT_NETRC_FILE, netrc);
    }
  }
  curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST));
  return curl;
}

/* Free what one request used; every argument may be NULL or empty. */
static void
release_request(CURL* const curl, CURLU* const url, char* const escaped, struct curl_slist* const headers,
                AseankgBuffer* const sent, AseankgBuffer* const received)
{
  curl_free(escaped);
  curl_slist_free_all(headers);
  if (sent) {
    aseankg_buffer_release(sent);
  }
  aseankg_buffer_release(received);
  if (curl) {
    curl_easy_cleanup(curl);
  }
  curl_url_cleanup(url);
}

/* Run the request; a transport failure or an HTTP status from 400 up is an error naming the endpoint. */
static AseankgStatus
perform(CURL* const curl, const AseankgRemote* const remote, const char* const message,
        Response* const response, AseankgError* const error)
{
  const char* const endpoint = remote->endpoint;
  const CURLcode    code     = curl_easy_perform(curl);
  long              status   = 0L;
  char*             type     = NULL;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
  if (response->stop == STOP_WRONG_TYPE) {
    return aseankg_error_set(error, ASEANKG_ERR_SYNTAX, endpoint, 0U, 0U,
                             "the server answered with %s, not %s results", type ? type : "no content type",
                             response->format);
  }
  if (response->stop == STOP_TOO_LARGE || code == CURLE_FILESIZE_EXCEEDED) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, endpoint, 0U, 0U, "the answer is larger than %zu bytes",
                             (size_t)ASEANKG_REMOTE_MAX_RESULTS);
  }
  if (response->stop == STOP_MALFORMED) {
    return ASEANKG_ERR_SYNTAX; /* reported by the checker */
  }
  if (response->stop == STOP_WRITE) {
    return aseankg_write_failed(error, ASEANKG_ERR_IO, NULL);
  }
  if (response->stop == STOP_NOMEM) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, endpoint, 0U, 0U, "out of memory");
  }
  if (code != CURLE_OK) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, endpoint, 0U, 0U, "%s",
                             message[0] ? message : curl_easy_strerror(code));
  }
  if (status >= 400L) {
    char quote[160];
    quote_body(&response->buffer, quote, sizeof(quote));
    return aseankg_error_set(error, ASEANKG_ERR_IO, endpoint, 0U, 0U, "HTTP %ld%s%s", status,
                             quote[0] ? ": " : "", quote);
  }
  return ASEANKG_SUCCESS;
}

static const char*
accept_type(const char* const format)
{
  static const char* const names[] = { "csv", "tsv", "json", "xml", "table", "ntriples" };
  static const char* const types[] = { "text/csv",
                                       "text/tab-separated-values",
                                       "application/sparql-results+json",
                                       "application/sparql-results+xml",
                                       "application/sparql-results+xml, text/turtle;q=0.9, */*;q=0.1",
                                       "application/n-triples" };
  for (size_t i = 0U; i < sizeof(names) / sizeof(names[0]); ++i) {
    if (!strcmp(format, names[i])) {
      return types[i];
    }
  }
  return NULL;
}

/* The first message rasqal or raptor logs while reading results: reported as ours, never printed raw. */
typedef struct {
  char message[256];
} ResultsLog;

static void
log_results(void* const user, raptor_log_message* const message)
{
  ResultsLog* const log = (ResultsLog*)user;
  if (!log->message[0] && message && message->level >= RAPTOR_LOG_LEVEL_ERROR) {
    snprintf(log->message, sizeof(log->message), "%s", message->text ? message->text : "error");
  }
}

/*
   The first element whose local name rasqal's reader does not know, copied to
   `name`, or 0 if there is none. (rasqal prints such names to standard error
   itself; finding them first keeps its output off the terminal.) Comments,
   CDATA sections and processing instructions are skipped.
*/
static int
unknown_element(const char* const text, char* const name, const size_t size)
{
  static const char* const known[] = { "sparql",  "head",   "boolean", "binding", "variable",
                                       "results", "result", "bnode",   "literal", "uri" };
  for (const char* p = strchr(text, '<'); p; p = strchr(p + 1, '<')) {
    const char* const skips[][2] = { { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" } };
    int               skipped    = 0;
    for (size_t k = 0U; k < 3U && !skipped; ++k) {
      if (!strncmp(p, skips[k][0], strlen(skips[k][0]))) {
        const char* const end = strstr(p, skips[k][1]);
        if (!end) {
          return 0; /* unterminated: the parser reports it */
        }
        p       = end;
        skipped = 1;
      }
    }
    if (skipped || p[1] == '!') {
      continue;
    }
    const char*  start = p + 1 + (p[1] == '/');
    const size_t n     = strcspn(start, " \t\r\n/>");
    const char*  colon = memchr(start, ':', n);
    const char*  local = colon ? colon + 1 : start;
    const size_t m     = n - (size_t)(local - start);
    int          found = 0;
    for (size_t k = 0U; k < sizeof(known) / sizeof(known[0]) && !found; ++k) {
      found = strlen(known[k]) == m && !strncmp(known[k], local, m);
    }
    if (!found) {
      snprintf(name, size, "%.*s", (int)(n < 64U ? n : 64U), start);
      return 1;
    }
  }
  return 0;
}

/*
   Why a results document is refused before any XML parser sees it, or NULL.
   A DOCTYPE could make libxml2 (under rasqal, which sets no options) fetch an
   external entity or expand entities without end, and results need none; a
   document not in UTF-8 could hide one from this check.
*/
static const char*
refusal(const char* const data, const size_t length)
{
  const char* start = data;
  if (length >= 3U && !memcmp(start, "\xEF\xBB\xBF", 3U)) {
    start += 3;
  }
  start += strspn(start, " \t\r\n");
  if (memchr(data, '\0', length) || *start != '<') {
    return "not an XML document in UTF-8";
  }
  if (!strncmp(start, "<?xml", 5U)) {
    const char* const end      = strstr(start, "?>");
    const char*       encoding = strstr(start, "encoding");
    if (end && encoding && encoding < end) {
      encoding += strspn(encoding + 8, " \t\r\n=") + 8U;
      encoding += *encoding == '"' || *encoding == '\'';
      if (strncasecmp(encoding, "utf-8", 5U) || (encoding[5] != '"' && encoding[5] != '\'')) {
        return "an XML encoding other than UTF-8";
      }
    }
  }
  if (strstr(start, "<!DOCTYPE") || strstr(start, "<!ENTITY")) {
    return "a DOCTYPE or entity declaration (refused: it could reach the network or expand without end)";
  }
  if (!strstr(start, "<sparql")) {
    return "no <sparql> document";
  }
  return NULL;
}

AseankgStatus
aseankg_remote_results_table(const char* const data, const size_t length, const char* const content_type,
                             const char* const source, FILE* const stream, AseankgError* const error)
{
  const char* const endpoint = source;
  if (type_is(content_type, "text/turtle")) { /* a graph (CONSTRUCT) */
    if (length && fwrite(data, 1U, length, stream) != length) {
      return aseankg_write_failed(error, ASEANKG_ERR_IO, NULL);
    }
    return ASEANKG_SUCCESS;
  }
  if (!type_is(content_type, "application/sparql-results+xml")) {
    return aseankg_error_set(error, ASEANKG_ERR_SYNTAX, endpoint, 0U, 0U,
                             "the server answered with %s, not SPARQL results",
                             content_type && *content_type ? content_type : "no content type");
  }
  const char* const refused = refusal(data, length);
  char              element[80];
  if (refused) {
    return aseankg_error_set(error, ASEANKG_ERR_SYNTAX, endpoint, 0U, 0U,
                             "malformed SPARQL results from the server: %s", refused);
  }
  if (unknown_element(data, element, sizeof(element))) {
    return aseankg_error_set(error, ASEANKG_ERR_SYNTAX, endpoint, 0U, 0U,
                             "malformed SPARQL results from the server: element <%s> is not read", element);
  }
  const char* const boolean = strstr(data, "<boolean>");
  if (boolean && !strstr(data, "<results")) {
    const char* const value = boolean + strlen("<boolean>");
    if (strncmp(value, "true</boolean>", 14U) && strncmp(value, "false</boolean>", 15U)) {
      return aseankg_error_set(
        error, ASEANKG_ERR_SYNTAX, endpoint, 0U, 0U,
        "malformed SPARQL results from the server: a boolean that is neither true nor false");
    }
    fputs(*value == 't' ? "true\n" : "false\n", stream);
    return ASEANKG_SUCCESS;
  }
  const AseankgStatus safe = aseankg_xml_guard_check(data, length, endpoint, error);
  if (safe) {
    return safe;
  }

  AseankgStatus                   st        = ASEANKG_SUCCESS;
  rasqal_world* const             world     = rasqal_new_world();
  raptor_world* const             raptor    = raptor_new_world();
  raptor_iostream*                input     = NULL;
  rasqal_query_results*           results   = NULL;
  rasqal_query_results_formatter* formatter = NULL;
  raptor_uri*                     base      = NULL;
  char**                          cells     = NULL;
  size_t                          n_cells   = 0U;
  ResultsLog                      log       = { { 0 } };
  if (raptor) { /* rasqal reports the XML reader's trouble through the raptor world it is given */
    raptor_world_set_log_handler(raptor, &log, log_results);
  }
  void* bytes = NULL; /* raptor takes a non-const pointer but only reads */
  memcpy(&bytes, &data, sizeof(bytes));
  if (!world || !raptor || raptor_world_open(raptor) || (rasqal_world_set_raptor(world, raptor), 0) ||
      rasqal_world_open(world) || !(input = raptor_new_iostream_from_string(raptor, bytes, length)) ||
      !(results = rasqal_new_query_results2(world, NULL, RASQAL_QUERY_RESULTS_BINDINGS)) ||
      !(formatter = rasqal_new_query_results_formatter(world, "xml", NULL, NULL)) ||
      !(base = raptor_new_uri(raptor, (const unsigned char*)endpoint)) ||
      rasqal_query_results_formatter_read(world, input, formatter, results, base) || log.message[0]) {
    st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, endpoint, 0U, 0U,
                           "malformed SPARQL results from the server%s%s", log.message[0] ? ": " : "",
                           log.message);
    goto cleanup;
  }

  const int    count   = rasqal_query_results_get_bindings_count(results);
  const size_t columns = count > 0 ? (size_t)count : 0U;
  size_t       room    = columns * 16U + 1U;
  cells                = (char**)calloc(room, sizeof(char*));
  for (size_t c = 0U; cells && c < columns; ++c) {
    const unsigned char* const name = rasqal_query_results_get_binding_name(results, (int)c);
    cells[n_cells++]                = strdup(name ? (const char*)name : "");
  }
  for (; cells && columns && !rasqal_query_results_finished(results); rasqal_query_results_next(results)) {
    if (n_cells + columns > room) {
      char** const grown = (char**)realloc(cells, room * 2U * sizeof(char*));
      if (!grown) {
        st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, endpoint, 0U, 0U, "out of memory");
        break;
      }
      cells = grown;
      room *= 2U;
    }
    for (size_t c = 0U; c < columns; ++c) {
      rasqal_literal* const value = rasqal_query_results_get_binding_value(results, (int)c);
      char*                 cell  = NULL;
      if (!value) {
        cell = aseankg_table_cell(NULL, NULL, NULL, NULL);
      } else if (value->type == RASQAL_LITERAL_URI) {
        cell = aseankg_table_cell((const char*)raptor_uri_as_string(value->value.uri), NULL, NULL, NULL);
      } else if (value->type == RASQAL_LITERAL_BLANK) {
        cell = aseankg_table_cell(NULL, NULL, NULL, (const char*)value->string);
      } else {
        cell = aseankg_table_cell(NULL, (const char*)value->string, value->language, NULL);
      }
      cells[n_cells++] = cell;
    }
  }
  for (size_t i = 0U; cells && i < n_cells; ++i) {
    if (!cells[i]) {
      st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, endpoint, 0U, 0U, "out of memory");
    }
  }
  if (!st && cells) {
    aseankg_table_write(stream, cells, n_cells, columns);
  }

cleanup:
  for (size_t i = 0U; cells && i < n_cells; ++i) {
    free(cells[i]);
  }
  free(cells);
  if (base) {
    raptor_free_uri(base);
  }
  if (formatter) {
    rasqal_free_query_results_formatter(formatter);
  }
  if (results) {
    rasqal_free_query_results(results);
  }
  if (input) {
    raptor_free_iostream(input);
  }
  if (world) {
    rasqal_free_world(world);
  }
  if (raptor) {
    raptor_free_world(raptor);
  }
  return st;
}

AseankgStatus
aseankg_remote_query(const AseankgRemote* const remote, const char* const query, const char* const format,
                     FILE* const stream, AseankgError* const error)
{
  assert(remote && remote->endpoint);
  assert(query);
  assert(format);
  assert(stream);
  const char* const accept = accept_type(format);
  if (!accept) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, format, 0U, 0U,
                             "unknown results format (table, csv, tsv, json, xml or ntriples)");
  }

  char               message[CURL_ERROR_SIZE] = { 0 };
  const int          get                      = strlen(query) <= MAX_GET_QUERY;
  CURLU*             url                      = NULL;
  CURL*              curl                     = NULL;
  struct curl_slist* headers                  = NULL;
  char*              escaped                  = NULL;
  AseankgBuffer      form                     = { NULL, 0U, 0U };
  const int          table                    = !strcmp(format, "table");
  Response           response                 = { stream,
                                                  { NULL, 0U, 0U },
                        table ? BODY_PARSE : BODY_STREAM,
                                                  NULL,
                                                  format,
                                                  0,
                                                  STOP_NONE,
                                                  NULL,
                                                  remote->endpoint,
                                                  error };
  AseankgStatus      st                       = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, endpoint_url(remote->endpoint, get ? "query" : NULL, query, &url, error));
  if (!table && !(response.check = aseankg_stream_check_new(format, &st)) && st) {
    TRY_CLEANUP(st, aseankg_error_set(error, st, remote->endpoint, 0U, 0U, "out of memory"));
  }
  if (!(curl = new_handle(remote, message))) {
    TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_NOMEM, remote->endpoint, 0U, 0U, "out of memory"));
  }
  response.curl = curl;
  char header[160];
  snprintf(header, sizeof(header), "Accept: %s", accept);
  headers = curl_slist_append(headers, header);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, receive);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
  curl_easy_setopt(curl, CURLOPT_CURLU, url);
  if (!get) {
    escaped = curl_easy_escape(curl, query, 0);
    if (!escaped || aseankg_buffer_printf(&form, "query=%s", escaped)) {
      TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_NOMEM, remote->endpoint, 0U, 0U, "out of memory"));
    }
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form.data);
  }

  /* Errors must not reach the results stream: keep the body until the status is known. */
  TRY_CLEANUP(st, perform(curl, remote, message, &response, error));
  if (table) {
    char* content_type = NULL;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type);
    TRY_CLEANUP(st, aseankg_remote_results_table(response.buffer.data ? response.buffer.data : "",
                                                 response.buffer.length, content_type, remote->endpoint,
                                                 stream, error));
  }
  if (response.check && flush_checked(&response)) {
    TRY_CLEANUP(st, response.stop == STOP_WRITE ? aseankg_write_failed(error, ASEANKG_ERR_IO, NULL)
                                                : ASEANKG_ERR_SYNTAX); /* the checker reported it */
  }
  if (response.check) {
    st = aseankg_stream_check_finish(response.check, remote->endpoint, error);
  }

cleanup:
  aseankg_stream_check_free(response.check);
  release_request(curl, url, escaped, headers, &form, &response.buffer);
  return st;
}

AseankgStatus
aseankg_remote_update(const AseankgRemote* const remote, const char* const update, AseankgError* const error)
{
  assert(remote && remote->endpoint);
  assert(update);
  char          message[CURL_ERROR_SIZE] = { 0 };
  CURLU*        url                      = NULL;
  CURL*         curl                     = NULL;
  char*         escaped                  = NULL;
  AseankgBuffer body                     = { NULL, 0U, 0U };
  Response response = { NULL, { NULL, 0U, 0U }, BODY_QUOTE, NULL, "update", 0, STOP_NONE, NULL, NULL, NULL };
  AseankgStatus st  = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, endpoint_url(remote->endpoint, NULL, NULL, &url, error));
  if (!(curl = new_handle(remote, message)) || !(escaped = curl_easy_escape(curl, update, 0)) ||
      aseankg_buffer_printf(&body, "update=%s", escaped)) {
    TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_NOMEM, remote->endpoint, 0U, 0U, "out of memory"));
  }
  response.curl = curl;
  curl_easy_setopt(curl, CURLOPT_CURLU, url);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)body.length);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, receive);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
  st = perform(curl, remote, message, &response, error);

cleanup:
  release_request(curl, url, escaped, NULL, &body, &response.buffer);
  return st;
}
typedef struct {
  FILE* stream;
  int   failed; /* a read error: the upload is aborted, not truncated */
} Upload;

static size_t
send_chunk(char* const data, const size_t size, const size_t count, void* const user)
{
  Upload* const upload = (Upload*)user;
  const size_t  n      = fread(data, size, count, upload->stream);
  if (!n && ferror(upload->stream)) {
    upload->failed = 1;
    return CURL_READFUNC_ABORT;
  }
  return n;
}

/* Digest authentication sends the body twice: rewind for the second time. */
static int
rewind_upload(void* const user, const curl_off_t offset, const int origin)
{
  Upload* const upload = (Upload*)user;
  return fseeko(upload->stream, (off_t)offset, origin) ? CURL_SEEKFUNC_CANTSEEK : CURL_SEEKFUNC_OK;
}

AseankgStatus
aseankg_remote_load(const AseankgRemote* const remote, const char* const graph_iri, const char* const path,
                    const char* const syntax, const int replace, AseankgError* const error)
{
  assert(remote && remote->endpoint);
  assert(graph_iri);
  assert(path);
  assert(syntax);
  const char* const type = !strcmp(syntax, "ntriples") ? "application/n-triples"
                           : !strcmp(syntax, "turtle") ? "text/turtle"
                                                       : NULL;
  if (!type) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, path, 0U, 0U,
                             "the Graph Store upload takes N-Triples or Turtle, not %s", syntax);
  }

  if (!aseankg_iri_is_valid(graph_iri)) { /* the store checks the same; a server may not */
    return aseankg_error_set_parameter(error, ASEANKG_ERR_IRI, "graph",
                                       "<%s> is not an absolute IRI of allowed characters", graph_iri);
  }

  Upload upload = { aseankg_file_open(path, error), 0 };
  if (!upload.stream) {
    return ASEANKG_ERR_IO;
  }

  char               message[CURL_ERROR_SIZE] = { 0 };
  CURLU*             url                      = NULL;
  CURL*              curl                     = NULL;
  struct curl_slist* headers                  = NULL;
  Response response = { NULL, { NULL, 0U, 0U }, BODY_QUOTE, NULL, "load", 0, STOP_NONE, NULL, NULL, NULL };
  AseankgStatus st  = endpoint_url(remote->endpoint, "graph", graph_iri, &url, error);
  if (!st && !(curl = new_handle(remote, message))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, remote->endpoint, 0U, 0U, "out of memory");
  }
  if (!st) {
    response.curl = curl;
    char header[96];
    snprintf(header, sizeof(header), "Content-Type: %s; charset=utf-8", type);
    headers = curl_slist_append(headers, header);
    /* No "Expect: 100-continue": servers that ignore it (Virtuoso) reset the connection on a large body. */
    headers = curl_slist_append(headers, "Expect:");
    struct stat info;
    if (!fstat(fileno(upload.stream), &info) && S_ISREG(info.st_mode)) {
      curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)info.st_size);
    }
    curl_easy_setopt(curl, CURLOPT_CURLU, url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, receive);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);

    /*
       A HEAD first settles authentication (a digest challenge needs a round
       trip), so the upload itself goes once, already authorised, instead of
       being sent, refused and sent again.
    */
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    if (curl_easy_perform(curl) != CURLE_OK) {
      message[0] = '\0'; /* the upload below reports any real trouble */
    }
    aseankg_buffer_reset(&response.buffer);
    curl_easy_setopt(curl, CURLOPT_NOBODY, 0L);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    if (!replace) {
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "POST");
    }
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, send_chunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_SEEKFUNCTION, rewind_upload);
    curl_easy_setopt(curl, CURLOPT_SEEKDATA, &upload);
    st = perform(curl, remote, message, &response, error);
    if (upload.failed) {
      error->status = ASEANKG_SUCCESS; /* report the cause, not curl's "aborted" */
      st            = aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U,
                                        "read error during the upload; the graph is unchanged");
    }
  }

  fclose(upload.stream);
  release_request(curl, url, NULL, headers, NULL, &response.buffer);
  return st;
}
