/* aseankg update: a SPARQL Update request sent to a server. */
#include "cli.h"

#include <stdlib.h>

int
cli_update(const CliArgs* const args)
{
  AseankgRemote remote;
  if (!args->endpoint) {
    return cli_usage_error("update needs --endpoint URL", NULL);
  }
  const int exit_code = cli_remote_from(args, &remote);
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
