/* aseankg graphs: the embedded store's graphs and their triple counts. */
#include "cli.h"

#include <stdio.h>

int
cli_graphs(const CliArgs* const args)
{
  AseankgError  error;
  AseankgStore* store = NULL;
  aseankg_error_clear(&error);
  AseankgStatus st = cli_open_store(args, ASEANKG_STORE_READ, &store, &error);
  st               = st ? st : aseankg_store_list(store, stdout, &error);
  aseankg_store_free(store);
  if (!st && fflush(stdout)) {
    st = aseankg_error_set(&error, ASEANKG_ERR_IO, "<stdout>", 0U, 0U, "write error");
  }
  return st ? cli_report(&error) : 0;
}
