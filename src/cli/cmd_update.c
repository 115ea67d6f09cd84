/* aseankg update: a SPARQL Update request on the embedded store, or sent to a server. */
#include "cli.h"

#include "../util/try.h"

#include <stdlib.h>
#include <string.h>

/* update without --endpoint: the request runs on the embedded store as one transaction. */
static int
update_store(const CliArgs* const args)
{
  AseankgError  error;
  AseankgStore* store = NULL;
  aseankg_error_clear(&error);
  char* const   text = cli_read_text(args->operands.items[0], &error);
  AseankgStatus st   = text ? ASEANKG_SUCCESS : error.status;
  if (st) {
    goto cleanup;
  }
  TRY_CLEANUP(st, cli_open_store(args, ASEANKG_STORE_WRITE, &store, &error));
  /* Errors about the request name its file; "update" when it came from standard input. */
  const char* const file = args->operands.items[0];
  TRY_CLEANUP(st, aseankg_store_update(store, text, strcmp(file, "-") ? file : "update",
                                       cli_default_graph(args), &error));
cleanup:
  aseankg_store_free(store);
  free(text);
  return st ? cli_report(&error) : 0;
}

int
cli_update(const CliArgs* const args)
{
  if (!args->endpoint) {
    return update_store(args);
  }
  if (args->store) {
    return cli_usage_error("--store and --endpoint exclude each other", NULL);
  }
  AseankgRemote remote;
  const int     exit_code = cli_remote_from(args, &remote);
  if (exit_code) {
    return exit_code;
  }

  AseankgError error;
  aseankg_error_clear(&error);
  char* const   text = cli_read_text(args->operands.items[0], &error);
  AseankgStatus st   = text ? aseankg_remote_update(&remote, text, &error) : error.status;
  free(text);
  aseankg_remote_global_cleanup();
  return st ? cli_report(&error) : 0;
}
