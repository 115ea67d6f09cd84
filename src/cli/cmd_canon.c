/* aseankg canon: the RDFC-1.0 canonical form of a dataset, written sorted. */
#include "cli.h"

#include "aseankg/aseankg.h"
#include "aseankg/canon.h"

#include <stdlib.h>

int
cli_canon(const CliArgs* const args)
{
  AseankgCanonOptions canon = { args->hash, 0U };
  if (args->max_work) {
    char*               end  = NULL;
    const unsigned long work = strtoul(args->max_work, &end, 10);
    if (*end || !work || args->max_work[0] < '0' || args->max_work[0] > '9') {
      return cli_usage_error("--max-work needs a positive number: ", args->max_work);
    }
    canon.max_work = (size_t)work;
  }

  AseankgError  error;
  AseankgGraph* input  = aseankg_graph_new();
  AseankgGraph* output = aseankg_graph_new();
  aseankg_error_clear(&error);

  AseankgStatus st = input && output ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  st               = st ? st : aseankg_read_path(input, args->operands.items[0], args->syntax, NULL, &error);
  st               = st ? st : aseankg_canon(input, output, &canon, NULL, &error);
  st               = st ? st : cli_write_sorted(output, args->output, 1, &error);

  aseankg_graph_free(input);
  aseankg_graph_free(output);
  return st ? cli_report(&error) : 0;
}
