/* aseankg query: a SPARQL query on the embedded store or a server. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The query text: the argument itself, or the contents of FILE for "@FILE". */
static char*
query_text(const char* const argument, AseankgError* const error)
{
  char* const text = argument[0] == '@' ? cli_read_text(argument + 1, error) : strdup(argument);
  if (!text) {
    aseankg_error_set(error, ASEANKG_ERR_NOMEM, "<query>", 0U, 0U, "out of memory");
  }
  return text;
}

int
cli_query(const CliArgs* const args)
{
  const char* const results = args->results ? args->results : "table";
  AseankgRemote     remote;
  if (args->endpoint) {
    const int exit_code = cli_remote_from(args, &remote);
    if (exit_code) {
      return exit_code;
    }
  }

  AseankgError  error;
  AseankgStore* store = NULL;
  aseankg_error_clear(&error);
  char* const   text = query_text(args->operands.items[0], &error);
  AseankgStatus st   = ASEANKG_SUCCESS;
  if (!text) {
    TRY_CLEANUP(st, error.status);
  }
  if (args->endpoint) {
    TRY_CLEANUP(st, aseankg_remote_query(&remote, text, results, stdout, &error));
  } else {
    TRY_CLEANUP(st, cli_open_store(args, ASEANKG_STORE_READ, &store, &error));
    /* Errors about the query name its file when it was read from @FILE. */
    const char* const argument = args->operands.items[0];
    const char* const source   = argument[0] == '@' ? argument + 1 : "query";
    st = aseankg_store_query(store, text, source, results, cli_default_graph(args), stdout, &error);
  }

cleanup:
  aseankg_store_free(store);
  free(text);
  if (args->endpoint) {
    aseankg_remote_global_cleanup();
  }
  /* The stream this command passes is its standard output. */
  return cli_name_stream(st, "<stdout>", &error) ? cli_report(&error) : 0;
}
