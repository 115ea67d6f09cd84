/* aseankg command-line tool: a thin client of the library; commands and options are in spec.c. */
#include "cli.h"

#include "aseankg/aseankg.h"

#include <stdio.h>
#include <string.h>

int
main(const int argc, char** const argv)
{
  if (argc < 2) {
    return cli_usage_error("no command given", NULL);
  }
  const int               help    = !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help");
  const int               version = !strcmp(argv[1], "-V") || !strcmp(argv[1], "--version");
  const CliCommand* const command = help || version ? NULL : cli_find_command(argv[1]);
  if (!help && !version && !command) {
    return cli_usage_error("unknown command: ", argv[1]);
  }

  int exit_code = 0;
  if (help) {
    cli_print_help();
  } else if (version) {
    printf("aseankg %s (raptor %s, librdf %s)\n", aseankg_version(), aseankg_raptor_version(),
           aseankg_librdf_version());
  } else {
    CliArgs args;
    memset(&args, 0, sizeof(args));
    cli_set_command(command);
    exit_code = cli_parse(command, argc, argv, 2, &args);
    if (exit_code < 0) {
      exit_code = 0; /* the command's help was asked for and printed */
    } else if (!exit_code) {
      exit_code = command->run(&args);
    }
    cli_args_release(&args);
  }

  /* A lost write is trouble, even when diff found differences (its exit 1 would hide it). */
  const int is_diff = command && command->id == CLI_DIFF;
  if (fclose(stdout) && (!exit_code || is_diff)) {
    fprintf(stderr, "aseankg: <stdout>: write error\n");
    exit_code = is_diff ? CLI_EXIT_USAGE : CLI_EXIT_DATA;
  }
  return exit_code;
}
