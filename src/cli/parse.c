/* The parser driven by the spec in spec.c, and the help texts made from it. */
#include "cli.h"

#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const CliCommand*
cli_find_command(const char* const name)
{
  for (size_t c = 0U; c < cli_n_commands; ++c) {
    if (!strcmp(cli_commands[c].name, name)) {
      return &cli_commands[c];
    }
  }
  return NULL;
}

size_t
cli_word_index(const char* const words, const char* const word)
{
  const size_t n     = strlen(word);
  size_t       index = 0U;
  for (const char* w = words; *w; ++index) {
    const size_t length = strcspn(w, " ");
    if (length == n && !strncmp(w, word, n)) {
      return index;
    }
    w += length + (w[length] == ' ');
  }
  return SIZE_MAX;
}

/* Whether `word` is one of the space-separated `words`. */
static int
is_one_of(const char* const word, const char* const words)
{
  return cli_word_index(words, word) != SIZE_MAX;
}

/* The row of option `name` (a long name, or a one-letter string for a short one) for `command`. */
static const CliOption*
find_option(const CliCommand* const command, const char* const name, const size_t length, const int is_short,
            int* const known)
{
  *known = 0;
  for (size_t o = 0U; o < cli_n_options; ++o) {
    const CliOption* const option  = &cli_options[o];
    const int              matches = is_short
                                       ? option->short_name == name[0]
                                       : strlen(option->long_name) == length && !strncmp(option->long_name, name, length);
    if (matches) {
      *known = 1;
      if (option->commands & command->id) {
        return option;
      }
    }
  }
  return NULL;
}

static int
store_value(const CliOption* const option, const char* const value, CliArgs* const args)
{
  if (!value[0]) { /* an empty file name, IRI or number is never meant */
    return cli_usage_error("empty value for --", option->long_name);
  }
  if (option->completion == CLI_COMPLETE_WORDS && !is_one_of(value, option->words)) {
    char message[160];
    snprintf(message, sizeof(message), "--%s takes one of: %s; not ", option->long_name, option->words);
    return cli_usage_error(message, value);
  }
  char* const field = (char*)args + option->offset;
  if (option->kind == CLI_LIST) {
    CliList* const list        = (CliList*)(void*)field;
    list->items[list->count++] = value;
  } else {
    *(const char**)(void*)field = value;
  }
  return 0;
}

/* Every list gets room for every argument, so no count of repeats needs a cap. */
static int
allocate_lists(const int argc, CliArgs* const args)
{
  args->operands.items = calloc((size_t)argc + 1U, sizeof(const char*));
  int ok               = args->operands.items != NULL;
  for (size_t o = 0U; ok && o < cli_n_options; ++o) {
    if (cli_options[o].kind == CLI_LIST) {
      CliList* const list = (CliList*)(void*)((char*)args + cli_options[o].offset);
      ok = list->items || (list->items = calloc((size_t)argc + 1U, sizeof(const char*))) != NULL;
    }
  }
  if (!ok) {
    fputs("aseankg: out of memory\n", stderr);
  }
  return ok ? 0 : CLI_EXIT_DATA;
}

void
cli_args_release(CliArgs* const args)
{
  if (!args) {
    return;
  }
  for (size_t o = 0U; o < cli_n_options; ++o) {
    if (cli_options[o].kind == CLI_LIST) {
      CliList* const list = (CliList*)(void*)((char*)args + cli_options[o].offset);
      free(list->items);
      list->items = NULL;
    }
  }
  free(args->operands.items);
  args->operands.items = NULL;
}

/* One long option: "--name", "--name=value" or "--name value". */
static int
parse_long(const CliCommand* const command, const int argc, char** const argv, int* const i,
           CliArgs* const args)
{
  const char* const name   = argv[*i] + 2;
  const char* const equals = strchr(name, '=');
  const size_t      length = equals ? (size_t)(equals - name) : strlen(name);
  int               known  = 0;
  const CliOption*  option = find_option(command, name, length, 0, &known);
  if (!option) {
    return cli_usage_error(known ? "this command takes no option " : "unknown option: ", argv[*i]);
  }
  if (option->kind == CLI_FLAG) {
    if (equals) {
      return cli_usage_error("this option takes no value: ", argv[*i]);
    }
    *(int*)(void*)((char*)args + option->offset) = 1;
    return 0;
  }
  if (!equals && *i + 1 >= argc) {
    return cli_usage_error("missing value for --", option->long_name);
  }
  return store_value(option, equals ? equals + 1 : argv[++*i], args);
}

/* A cluster of short options: "-f turtle", "-fturtle", or flags run together. */
static int
parse_short(const CliCommand* const command, const int argc, char** const argv, int* const i,
            CliArgs* const args)
{
  for (const char* p = argv[*i] + 1; *p; ++p) {
    int              known  = 0;
    const CliOption* option = find_option(command, p, 1U, 1, &known);
    if (!option) {
      const char letter[3] = { '-', *p, '\0' };
      return cli_usage_error(known ? "this command takes no option " : "unknown option: ", letter);
    }
    if (option->kind == CLI_FLAG) {
      *(int*)(void*)((char*)args + option->offset) = 1;
      continue;
    }
    if (!p[1] && *i + 1 >= argc) {
      return cli_usage_error("missing value for --", option->long_name);
    }
    return store_value(option, p[1] ? p + 1 : argv[++*i], args);
  }
  return 0;
}

int
cli_parse(const CliCommand* const command, const int argc, char** const argv, const int first,
          CliArgs* const args)
{
  assert(command && argv && args && first <= argc);
  int status        = allocate_lists(argc, args);
  int only_operands = 0;
  for (int i = first; !status && i < argc; ++i) {
    const char* const arg = argv[i];
    if (only_operands || arg[0] != '-' || !strcmp(arg, "-")) {
      if (args->operands.count == command->max_operands) {
        return cli_usage_error("unexpected argument: ", arg);
      }
      args->operands.items[args->operands.count++] = arg;
    } else if (!strcmp(arg, "--")) {
      only_operands = 1;
    } else if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
      cli_print_command_help(command);
      return -1;
    } else {
      status = arg[1] == '-' ? parse_long(command, argc, argv, &i, args)
                             : parse_short(command, argc, argv, &i, args);
    }
  }
  if (!status && args->operands.count < command->min_operands) {
    char message[96];
    snprintf(message, sizeof(message), "%s needs ", command->name);
    status = cli_usage_error(message, command->operands);
  }
  return status;
}

/* --- help ---------------------------------------------------------------------------- */

/* "  -f, --format FORMAT  help", the help's continuation lines indented under its first. */
static void
print_option(const CliOption* const option)
{
  char      left[64];
  const int width =
    snprintf(left, sizeof(left), "%c%c%c --%s%s%s", option->short_name ? '-' : ' ',
             option->short_name ? option->short_name : ' ', option->short_name ? ',' : ' ', option->long_name,
             option->argument ? " " : "", option->argument ? option->argument : "");
  /* A name too long for its column puts the help on a line of its own. */
  printf(width > 19 ? "  %s\n%23s" : "  %-19s  ", left, "");
  for (const char* p = option->help; *p; ++p) {
    putchar(*p);
    if (*p == '\n') {
      printf("%23s", "");
    }
  }
  putchar('\n');
}

/* "export and check", "diff, patch and canon": the commands of an option group, in spec order. */
static void
print_command_names(const unsigned commands)
{
  size_t left = 0U;
  for (size_t c = 0U; c < cli_n_commands; ++c) {
    left += (commands & cli_commands[c].id) != 0U;
  }
  for (size_t c = 0U; c < cli_n_commands; ++c) {
    if (commands & cli_commands[c].id) {
      --left;
      printf("%s%s", cli_commands[c].name, left > 1U ? ", " : left == 1U ? " and " : "");
    }
  }
}

void
cli_print_help(void)
{
  puts("Usage: aseankg COMMAND [OPTION]... [OPERAND]...\n"
       "Turn the China-ASEAN joint statement into a text-grounded RDF knowledge graph,\n"
       "and compare, patch, canonicalize, load and query RDF graphs.\n\nCommands:");
  for (size_t c = 0U; c < cli_n_commands; ++c) {
    char      left[64];
    const int width = snprintf(left, sizeof(left), "%s %s", cli_commands[c].name, cli_commands[c].operands);
    printf(width > 19 ? "  %s\n%22s%s\n" : "  %-19s %s%s\n", left, "", cli_commands[c].summary);
  }
  /* Options grouped by the set of commands that take them, each group where it first appears. */
  for (size_t o = 0U; o < cli_n_options; ++o) {
    int seen = 0;
    for (size_t earlier = 0U; earlier < o; ++earlier) {
      seen |= cli_options[earlier].commands == cli_options[o].commands;
    }
    if (seen) {
      continue;
    }
    printf("\nOptions for ");
    print_command_names(cli_options[o].commands);
    puts(":");
    for (size_t same = o; same < cli_n_options; ++same) {
      if (cli_options[same].commands == cli_options[o].commands) {
        print_option(&cli_options[same]);
      }
    }
  }
  puts("\nOther options:\n"
       "  -h, --help           show this help (or a command's, after it) and exit\n"
       "  -V, --version        show the version and exit\n");
  fputs(cli_help_footer, stdout);
}

void
cli_print_command_help(const CliCommand* const command)
{
  printf("Usage: aseankg %s [OPTION]...%s%s\n%c%s.\n\nOptions:\n", command->name,
         command->operands[0] ? " " : "", command->operands, toupper((unsigned char)command->summary[0]),
         command->summary + 1);
  for (size_t o = 0U; o < cli_n_options; ++o) {
    if (cli_options[o].commands & command->id) {
      print_option(&cli_options[o]);
    }
  }
  puts("  -h, --help           show this help and exit\n"
       "  --                   end of options: what follows is an operand\n\n"
       "See 'man aseankg' for the details.");
}
