/* aseankg canon: the RDFC-1.0 canonical form of a dataset, written sorted. */
#include "cli.h"

#include "aseankg/aseankg.h"
#include "aseankg/canon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* aseankg_canon(), with a work bound error that names the input and the option that raises the bound. */
static AseankgStatus
canonicalize(const AseankgGraph* const input, AseankgGraph* const output,
             const AseankgCanonOptions* const canon, const char* const file_name, AseankgError* const error)
{
  const AseankgStatus st = aseankg_canon(input, output, canon, NULL, error);
  if (st == ASEANKG_ERR_DATA) {
    /* The library names no file and no option: say which input, and how to raise the bound. */
    char message[sizeof(error->message)];
    snprintf(message, sizeof(message), "%.400s", error->message);
    char* const cut = strstr(message, "; AseankgCanonOptions.max_work)");
    if (cut) {
      static const char hint[] = "); raise --max-work";
      memcpy(cut, hint, sizeof(hint)); /* shorter than what it replaces */
    }
    aseankg_error_clear(error);
    aseankg_error_set(error, st, file_name, 0U, 0U, "%s", message);
  }
  return st;
}

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

  AseankgStatus st = ASEANKG_SUCCESS;
  if (!input || !output) {
    TRY_CLEANUP(
      st, aseankg_error_set(&error, ASEANKG_ERR_NOMEM, args->operands.items[0], 0U, 0U, "out of memory"));
  }
  TRY_CLEANUP(st, aseankg_read_path(input, args->operands.items[0], args->syntax, NULL, &error));
  TRY_CLEANUP(st, canonicalize(input, output, &canon, args->operands.items[0], &error));
  st = cli_write_sorted(output, args->output, 1, &error);

cleanup:
  aseankg_graph_free(input);
  aseankg_graph_free(output);
  return st ? cli_report(&error) : 0;
}
