/* aseankg graphs: the embedded store's graphs and their triple counts. */
#include "cli.h"

#include "../util/try.h"

#include <stdio.h>

int
cli_graphs(const CliArgs* const args)
{
  AseankgError  error;
  AseankgStore* store = NULL;
  aseankg_error_clear(&error);
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, cli_open_store(args, ASEANKG_STORE_READ, &store, &error));
  TRY_CLEANUP(st, aseankg_store_list(store, stdout, &error));
  if (fflush(stdout)) {
    st = aseankg_error_set(&error, ASEANKG_ERR_IO, "<stdout>", 0U, 0U, "write error");
  }
cleanup:
  aseankg_store_free(store);
  return st ? cli_report(&error) : 0;
}
