/* aseankg merge: a three-way merge of graphs, usable as git's merge driver (exit 0 clean, 1 conflicts, 2
 * trouble). */
#include "cli.h"

#include "aseankg/aseankg.h"
#include "aseankg/merge.h"

#include <stdio.h>
#include <string.h>

int
cli_merge(const CliArgs* const args)
{
  const char* const* const files       = args->operands.items;
  int                      stdin_count = 0;
  for (int i = 0; i < 3; ++i) {
    stdin_count += !strcmp(files[i], "-");
  }
  if (stdin_count > 1) {
    return cli_usage_error("only one input can be standard input", NULL);
  }
  AseankgMergeOptions options;
  memset(&options, 0, sizeof(options));
  options.syntax = args->syntax;
  AseankgError error;
  aseankg_error_clear(&error);
  size_t              conflicts = 0U;
  const AseankgStatus st =
    aseankg_merge_paths(files[0], files[1], files[2], args->output, &options, &conflicts, &error);
  if (st) {
    cli_print_error(&error);
    return CLI_EXIT_USAGE; /* trouble */
  }
  if (conflicts) {
    fprintf(stderr, "aseankg: %zu conflict%s\n", conflicts, conflicts == 1U ? "" : "s");
  }
  return conflicts ? 1 : 0;
}
