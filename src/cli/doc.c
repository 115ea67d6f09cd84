/*
   aseankg-doc: writes, from the spec in spec.c, the manual's SYNOPSIS and OPTIONS (into the template
   docs/aseankg.1.in) and the bash completion. Run by the build; not installed.
     aseankg-doc man TEMPLATE OUTPUT
     aseankg-doc completion OUTPUT
*/
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The spec's light markup as roff: *bold*, {italic}; hyphens, backslashes and line starts escaped. */
static void
put_roff(FILE* const out, const char* text)
{
  int bold = 0;
  if (*text == '.' || *text == '\'') {
    fputs("\\&", out);
  }
  for (; *text; ++text) {
    switch (*text) {
      case '*':
        fputs((bold = !bold) ? "\\fB" : "\\fR", out);
        break;
      case '{':
        fputs("\\fI", out);
        break;
      case '}':
        fputs("\\fR", out);
        break;
      case '-':
        fputs("\\-", out);
        break;
      case '\\':
        fputs("\\e", out);
        break;
      case '\n':
        fputc(' ', out);
        break;
      default:
        fputc(*text, out);
    }
  }
}

/* "\-f, \-\-format FORMAT" as a .TP tag or a synopsis item. */
static void
put_option_name(FILE* const out, const CliOption* const option)
{
  if (option->short_name) {
    fprintf(out, "\\fB\\-%c\\fR, ", option->short_name);
  }
  fputs("\\fB\\-\\-", out);
  put_roff(out, option->long_name);
  fputs("\\fR", out);
  if (option->argument) {
    fprintf(out, " \\fI%s\\fR", option->argument);
  }
}

static void
write_synopsis(FILE* const out)
{
  for (size_t c = 0U; c < cli_n_commands; ++c) {
    const CliCommand* const command = &cli_commands[c];
    fprintf(out, ".B aseankg %s\n", command->name);
    for (size_t o = 0U; o < cli_n_options; ++o) {
      const CliOption* const option = &cli_options[o];
      if (option->commands & command->id) {
        fputs("[\\fB\\-\\-", out);
        put_roff(out, option->long_name);
        fprintf(out, "\\fR%s%s]\n", option->argument ? " " : "", option->argument ? option->argument : "");
      }
    }
    if (command->operands[0]) {
      fputs(".I ", out);
      put_roff(out, command->operands);
      fputc('\n', out);
    }
    fputs(".br\n", out);
  }
  fputs(".B aseankg \\-\\-help\n|\n.B \\-\\-version\n", out);
}

static void
write_options(FILE* const out)
{
  for (size_t o = 0U; o < cli_n_options; ++o) {
    const CliOption* const option = &cli_options[o];
    fputs(".TP\n", out);
    put_option_name(out, option);
    fputs("\n", out);
    put_roff(out, option->manual ? option->manual : option->help);
    fputs("\n.br\nCommands:", out);
    const char* separator = " ";
    for (size_t c = 0U; c < cli_n_commands; ++c) {
      if (option->commands & cli_commands[c].id) {
        fprintf(out, "%s\\fB%s\\fR", separator, cli_commands[c].name);
        separator = ", ";
      }
    }
    fputs(".\n", out);
  }
  fputs(".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n"
        "Print the usage to standard output and exit 0; after a command, that command's options.\n"
        ".TP\n\\fB\\-V\\fR, \\fB\\-\\-version\\fR\n"
        "Print the versions of aseankg and of the raptor and librdf libraries it runs with, and exit 0.\n"
        ".TP\n\\fB\\-\\-\\fR\n"
        "End of options: every argument after it is an operand, even one that starts with a hyphen.\n",
        out);
}

/* Copy TEMPLATE to OUTPUT with its '.\\" @SYNOPSIS' and '.\\" @OPTIONS' comment lines replaced. */
static int
write_manual(const char* const template_path, FILE* const out)
{
  FILE* const in = fopen(template_path, "r");
  if (!in) {
    perror(template_path);
    return 1;
  }
  char line[4096];
  while (fgets(line, sizeof(line), in)) {
    if (!strcmp(line, ".\\\" @SYNOPSIS\n")) {
      write_synopsis(out);
    } else if (!strcmp(line, ".\\\" @OPTIONS\n")) {
      write_options(out);
    } else {
      fputs(line, out);
    }
  }
  const int failed = ferror(in);
  fclose(in);
  return failed;
}

static void
write_completion(FILE* const out)
{
  fputs("# bash completion for aseankg(1); generated from src/cli/spec.c by aseankg-doc\n"
        "_aseankg()\n{\n  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=($(compgen -W \"",
        out);
  for (size_t c = 0U; c < cli_n_commands; ++c) {
    fprintf(out, "%s ", cli_commands[c].name);
  }
  fputs("--help --version\" -- \"$cur\"))\n    return\n  fi\n\n  case ${COMP_WORDS[1]}:$prev in\n", out);
  for (size_t o = 0U; o < cli_n_options; ++o) {
    const CliOption* const option = &cli_options[o];
    if (!option->argument) {
      continue;
    }
    const char* sep = "    ";
    for (size_t c = 0U; c < cli_n_commands; ++c) {
      if (option->commands & cli_commands[c].id) {
        fprintf(out, "%s%s:--%s", sep, cli_commands[c].name, option->long_name);
        if (option->short_name) {
          fprintf(out, "|%s:-%c", cli_commands[c].name, option->short_name);
        }
        sep = "|";
      }
    }
    switch (option->completion) {
      case CLI_COMPLETE_WORDS:
      case CLI_COMPLETE_SUGGEST:
        fprintf(out, ") COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return ;;\n", option->words);
        break;
      case CLI_COMPLETE_FILE:
        fputs(") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", out);
        break;
      case CLI_COMPLETE_DIR:
        fputs(") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n", out);
        break;
      case CLI_COMPLETE_NONE:
        fputs(") return ;;\n", out);
        break;
    }
  }
  fputs("  esac\n\n  local options=--help\n  case ${COMP_WORDS[1]} in\n", out);
  for (size_t c = 0U; c < cli_n_commands; ++c) {
    fprintf(out, "    %s) options=\"", cli_commands[c].name);
    for (size_t o = 0U; o < cli_n_options; ++o) {
      if (cli_options[o].commands & cli_commands[c].id) {
        fprintf(out, "--%s ", cli_options[o].long_name);
      }
    }
    fputs("--help\" ;;\n", out);
  }
  fputs("  esac\n  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
        "  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n"
        "complete -o filenames -F _aseankg aseankg\n",
        out);
}

int
main(const int argc, char** const argv)
{
  const int man = argc == 4 && !strcmp(argv[1], "man");
  if (!man && !(argc == 3 && !strcmp(argv[1], "completion"))) {
    fputs("usage: aseankg-doc man TEMPLATE OUTPUT | completion OUTPUT\n", stderr);
    return 2;
  }
  const char* const path = argv[argc - 1];
  FILE* const       out  = fopen(path, "w");
  if (!out) {
    perror(path);
    return 1;
  }
  int failed = 0;
  if (man) {
    failed = write_manual(argv[2], out);
  } else {
    write_completion(out);
  }
  failed |= fclose(out) != 0;
  if (failed) {
    remove(path);
  }
  return failed;
}
