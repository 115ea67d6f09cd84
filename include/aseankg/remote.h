/* A client for SPARQL servers: the SPARQL 1.1 Protocol (query, update) and Graph Store HTTP Protocol (load).
 */
#ifndef ASEANKG_REMOTE_H
#define ASEANKG_REMOTE_H

#include "aseankg/api.h"

#include "aseankg/status.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The largest answer read into memory (the table layout's results document), in bytes. */
#define ASEANKG_REMOTE_MAX_RESULTS ((size_t)64U * 1024U * 1024U)

/**
   Where and how to connect. `endpoint` is an http or https URL, parsed with
   libcurl's URL API; one holding credentials ("user:password@host") is
   refused with ASEANKG_ERR_USAGE and never contacted. Credentials are read
   only from the environment variable ASEANKG_AUTH ("user:password", split at
   the first ':', so the password may hold ':' and '@') or from a netrc file
   (ASEANKG_NETRC, else ~/.netrc), offered with HTTP basic or digest
   authentication as the server asks. TLS certificates are verified. Errors
   name the endpoint as given and quote at most the first line of a server's
   answer, never one that could echo the credentials.
*/
typedef struct {
  const char* endpoint;        /**< The service URL */
  long        connect_timeout; /**< Seconds to connect; 0 for 10 */
  long        timeout;         /**< Seconds for the whole request; 0 for 300 */
} AseankgRemote;

/**
   Set up libcurl's process-wide state, which every aseankg_remote_ call
   needs. Call it once from the application, before other threads start
   (libcurl's rule: it is not thread-safe), and pair it with
   aseankg_remote_global_cleanup() before exit. Returns ASEANKG_ERR_NOMEM if
   libcurl cannot initialise (its only failure: out of memory or TLS set-up).
*/
ASEANKG_API AseankgStatus aseankg_remote_global_init(void);

/** Release what aseankg_remote_global_init() set up; no aseankg_remote_ call may follow. */
ASEANKG_API void aseankg_remote_global_cleanup(void);

/**
   Send a SPARQL query (GET, or a form POST for long queries) and write the
   results to `stream`: "csv", "tsv", "json" and "xml" are the server's own
   W3C results documents, streamed as they arrive once their media type is
   checked (an HTTP error's body, or an answer of another media type, is
   reported in `error`, never written to `stream`); "xml" and "json" are also
   checked for well-formedness as they stream, in pieces of 1 MiB each written
   once it passed (SPARQL 1.1 Query Results XML Format §2, JSON Format §3; see
   src/stream_check.h), so a malformed or truncated answer is ASEANKG_ERR_SYNTAX
   after a well-formed prefix of it was written; "table" asks for XML,
   reads at most ASEANKG_REMOTE_MAX_RESULTS bytes of it and lays it out as a
   text table (refusing any other answer or a document rasqal cannot read);
   "ntriples" asks for a CONSTRUCT result as N-Triples. Errors: ASEANKG_ERR_USAGE
   (unknown format, bad endpoint URL), ASEANKG_ERR_IO (transport, HTTP status
   400 or more; a failed write to `stream`, which names the parameter
   "stream"), ASEANKG_ERR_SYNTAX (not SPARQL results),
   ASEANKG_ERR_DATA (answer too large), ASEANKG_ERR_NOMEM.
*/
ASEANKG_API AseankgStatus aseankg_remote_query(const AseankgRemote* remote, const char* query,
                                               const char* format, FILE* stream, AseankgError* error);

/** Send a SPARQL 1.1 Update (a form POST with `update=`). */
ASEANKG_API AseankgStatus aseankg_remote_update(const AseankgRemote* remote, const char* update,
                                                AseankgError* error);

/**
   Send the RDF file at `path` to the Graph Store endpoint for graph
   `graph_iri`: PUT (replace the graph) when `replace` is non-zero, else POST
   (add to it). N-Triples and Turtle are streamed from the file in bounded
   memory with their own media type. If the upload fails midway the server
   receives an incomplete request and, per the protocol, keeps the graph it had.
   A `graph_iri` that is not an absolute IRI of allowed characters is
   ASEANKG_ERR_IRI (parameter "graph") before any request is made.
*/
ASEANKG_API AseankgStatus aseankg_remote_load(const AseankgRemote* remote, const char* graph_iri,
                                              const char* path, const char* syntax, int replace,
                                              AseankgError* error);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_REMOTE_H */
