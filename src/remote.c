/* SPARQL 1.1 Protocol and Graph Store HTTP Protocol over libcurl; results laid out with rasqal. */
#include "aseankg/remote.h"

#include "buffer.h"
#include "table.h"

#include <curl/curl.h>
#include <rasqal.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Queries longer than this go in a form POST rather than the URL. */
#define MAX_GET_QUERY 2000U

typedef struct {
  FILE*         stream; /* the response body goes here, or */
  AseankgBuffer buffer; /* here when it must be parsed, or is an error to report */
  int           to_buffer;
  CURL*         curl;
} Response;

/* Keep an error page out of the results: a body with a status of 400 or more is only reported. */
static size_t
receive(char* const data, const size_t size, const size_t count, void* const user)
{
  Response* const response = (Response*)user;
  const size_t    n        = size * count;
  long            status   = 0L;
  curl_easy_getinfo(response->curl, CURLINFO_RESPONSE_CODE, &status);
  if (response->to_buffer || status >= 400L) {
    if (!response->to_buffer && response->buffer.length > 65536U) {
      return n; /* enough of an error page to quote its first line */
    }
    return aseankg_buffer_append(&response->buffer, data, n) ? 0U : n;
  }
  return fwrite(data, 1U, n, response->stream);
}

/* The endpoint as errors show it: any "user:password@" in it is replaced, never printed. */
static const char*
redacted(const char* const url, char* const label, const size_t size)
{
  const char* const scheme_end = strstr(url, "://");
  const char* const host       = scheme_end ? scheme_end + 3 : url;
  const char* const slash      = strchr(host, '/');
  const char* const at         = strchr(host, '@');
  if (!at || (slash && at > slash)) {
    return url;
  }
  snprintf(label, size, "%.*s***@%s", (int)(host - url), url, at + 1);
  return label;
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

  /* Credentials from the environment or a netrc file, never from the command line. */
  const char* const auth  = getenv("ASEANKG_AUTH");
  const char* const netrc = getenv("ASEANKG_NETRC");
  if (auth && *auth) {
    curl_easy_setopt(curl, CURLOPT_USERPWD, auth);
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
release_request(CURL* const curl, char* const escaped, struct curl_slist* const headers,
                AseankgBuffer* const sent, AseankgBuffer* const received)
{
  curl_free(escaped);
  curl_slist_free_all(headers);
  aseankg_buffer_release(sent);
  aseankg_buffer_release(received);
  if (curl) {
    curl_easy_cleanup(curl);
  }
}

/* Run the request; a transport failure or an HTTP status from 400 up is an error naming the endpoint. */
static AseankgStatus
perform(CURL* const curl, const AseankgRemote* const remote, const char* const message,
        Response* const response, AseankgError* const error)
{
  char           label[1024];
  const char*    endpoint = redacted(remote->endpoint, label, sizeof(label));
  const CURLcode code     = curl_easy_perform(curl);
  long           status   = 0L;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, endpoint, 0U, 0U, "%s",
                             message[0] ? message : curl_easy_strerror(code));
  }
  if (status >= 400L) {
    const char* const body = response && response->buffer.data ? response->buffer.data : "";
    char              first_line[160];
    size_t            n = strcspn(body, "\r\n");
    n                   = n < sizeof(first_line) - 1U ? n : sizeof(first_line) - 1U;
    memcpy(first_line, body, n);
    first_line[n] = '\0';
    return aseankg_error_set(error, ASEANKG_ERR_IO, endpoint, 0U, 0U, "HTTP %ld%s%s", status, n ? ": " : "",
                             first_line);
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

/* Lay out a SPARQL XML results document (bindings or boolean) as a text table; Turtle passes through. */
static AseankgStatus
write_xml_as_table(const AseankgBuffer* const xml, const char* const content_type, FILE* const stream,
                   const char* const endpoint, AseankgError* const error)
{
  const char* const type = content_type ? content_type : "";
  if (!strncmp(type, "text/turtle", 11U)) { /* a graph (CONSTRUCT) */
    fwrite(xml->data ? xml->data : "", 1U, xml->length, stream);
    return ASEANKG_SUCCESS;
  }
  if (strncmp(type, "application/sparql-results+xml", 30U) || !xml->data || !strstr(xml->data, "<sparql")) {
    return aseankg_error_set(error, ASEANKG_ERR_SYNTAX, endpoint, 0U, 0U,
                             "the server answered with %s, not SPARQL results",
                             *type ? type : "no content type");
  }
  if (strstr(xml->data, "<boolean>")) {
    fputs(strstr(xml->data, "<boolean>true") ? "true\n" : "false\n", stream);
    return ASEANKG_SUCCESS;
  }

  AseankgStatus                   st        = ASEANKG_SUCCESS;
  rasqal_world* const             world     = rasqal_new_world();
  raptor_world*                   raptor    = NULL;
  raptor_iostream*                input     = NULL;
  rasqal_query_results*           results   = NULL;
  rasqal_query_results_formatter* formatter = NULL;
  raptor_uri*                     base      = NULL;
  char**                          cells     = NULL;
  size_t                          n_cells   = 0U;
  if (!world || rasqal_world_open(world) || !(raptor = rasqal_world_get_raptor(world)) ||
      !(input = raptor_new_iostream_from_string(raptor, xml->data, xml->length)) ||
      !(results = rasqal_new_query_results2(world, NULL, RASQAL_QUERY_RESULTS_BINDINGS)) ||
      !(formatter = rasqal_new_query_results_formatter(world, "xml", NULL, NULL)) ||
      !(base = raptor_new_uri(raptor, (const unsigned char*)endpoint)) ||
      rasqal_query_results_formatter_read(world, input, formatter, results, base)) {
    st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, endpoint, 0U, 0U,
                           "malformed SPARQL results from the server");
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
  return st;
}

AseankgStatus
aseankg_remote_query(const AseankgRemote* const remote, const char* const query, const char* const format,
                     FILE* const stream, AseankgError* const error)
{
  const char* const accept = accept_type(format);
  if (!accept) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, "--results", 0U, 0U,
                             "unknown results format '%s' (table, csv, tsv, json, xml or ntriples)", format);
  }

  char               message[CURL_ERROR_SIZE] = { 0 };
  CURL* const        curl                     = new_handle(remote, message);
  struct curl_slist* headers                  = NULL;
  char*              escaped                  = NULL;
  AseankgBuffer      url                      = { NULL, 0U, 0U };
  Response           response                 = { stream, { NULL, 0U, 0U }, !strcmp(format, "table"), curl };
  AseankgStatus      st                       = curl ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;

  if (!st) {
    char header[160];
    snprintf(header, sizeof(header), "Accept: %s", accept);
    headers = curl_slist_append(headers, header);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, receive);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
    escaped = curl_easy_escape(curl, query, 0);
    st      = escaped ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  }
  if (!st && strlen(query) <= MAX_GET_QUERY) {
    st = aseankg_buffer_printf(&url, "%s%cquery=%s", remote->endpoint,
                               strchr(remote->endpoint, '?') ? '&' : '?', escaped);
    curl_easy_setopt(curl, CURLOPT_URL, url.data);
  } else if (!st) {
    st = aseankg_buffer_printf(&url, "query=%s", escaped);
    curl_easy_setopt(curl, CURLOPT_URL, remote->endpoint);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, url.data);
  }
  if (st) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, "--endpoint", 0U, 0U, "out of memory");
  }

  /* Errors must not reach the results stream: keep the body until the status is known. */
  if (!st) {
    st = perform(curl, remote, message, &response, error);
  }
  if (!st && response.to_buffer) {
    char* content_type = NULL;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type);
    char label[1024];
    st = write_xml_as_table(&response.buffer, content_type, stream,
                            redacted(remote->endpoint, label, sizeof(label)), error);
  }

  release_request(curl, escaped, headers, &url, &response.buffer);
  return st;
}

AseankgStatus
aseankg_remote_update(const AseankgRemote* const remote, const char* const update, AseankgError* const error)
{
  char          message[CURL_ERROR_SIZE] = { 0 };
  CURL* const   curl                     = new_handle(remote, message);
  AseankgBuffer body                     = { NULL, 0U, 0U };
  Response      response                 = { NULL, { NULL, 0U, 0U }, 1, curl };
  char* const   escaped                  = curl ? curl_easy_escape(curl, update, 0) : NULL;
  AseankgStatus st = escaped ? aseankg_buffer_printf(&body, "update=%s", escaped) : ASEANKG_ERR_NOMEM;
  if (st) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, "--endpoint", 0U, 0U, "out of memory");
  } else {
    curl_easy_setopt(curl, CURLOPT_URL, remote->endpoint);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)body.length);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, receive);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
    st = perform(curl, remote, message, &response, error);
  }
  release_request(curl, escaped, NULL, &body, &response.buffer);
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
  const char* const type = !strcmp(syntax, "ntriples") ? "application/n-triples"
                           : !strcmp(syntax, "turtle") ? "text/turtle"
                                                       : NULL;
  if (!type) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, path, 0U, 0U,
                             "the Graph Store upload takes N-Triples or Turtle, not %s", syntax);
  }

  Upload upload = { fopen(path, "rb"), 0 };
  if (!upload.stream) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open: %s", strerror(errno));
  }

  char               message[CURL_ERROR_SIZE] = { 0 };
  CURL* const        curl                     = new_handle(remote, message);
  char* const        escaped                  = curl ? curl_easy_escape(curl, graph_iri, 0) : NULL;
  struct curl_slist* headers                  = NULL;
  AseankgBuffer      url                      = { NULL, 0U, 0U };
  Response           response                 = { NULL, { NULL, 0U, 0U }, 1, curl };
  AseankgStatus      st = escaped ? aseankg_buffer_printf(&url, "%s%cgraph=%s", remote->endpoint,
                                                     strchr(remote->endpoint, '?') ? '&' : '?', escaped)
                                  : ASEANKG_ERR_NOMEM;
  if (st) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, "--endpoint", 0U, 0U, "out of memory");
  } else {
    char header[96];
    snprintf(header, sizeof(header), "Content-Type: %s; charset=utf-8", type);
    headers = curl_slist_append(headers, header);
    /* No "Expect: 100-continue": servers that ignore it (Virtuoso) reset the connection on a large body. */
    headers = curl_slist_append(headers, "Expect:");
    struct stat info;
    if (!fstat(fileno(upload.stream), &info) && S_ISREG(info.st_mode)) {
      curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)info.st_size);
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.data);
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
  release_request(curl, escaped, headers, &url, &response.buffer);
  return st;
}
