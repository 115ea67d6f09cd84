/* The command-line tool's internals: the option and command spec, parsed arguments, shared helpers. */
#ifndef ASEANKG_CLI_H
#define ASEANKG_CLI_H

#include "aseankg/graph.h"
#include "aseankg/remote.h"
#include "aseankg/status.h"
#include "aseankg/store.h"

/* TRY and TRY_CLEANUP: only macros, so the tool still links against nothing but the public API. */
#include "../util/try.h"

#include <stddef.h>
#include <stdio.h>

/* Exit statuses shared by every command (diff's 1 means "different", see cmd_diff.c). */
enum { CLI_EXIT_DATA = 1, CLI_EXIT_USAGE = 2 };

/* Each command is one bit, so an option row can say which commands take it. */
typedef enum {
  CLI_EXPORT = 1U << 0U,
  CLI_CHECK  = 1U << 1U,
  CLI_DIFF   = 1U << 2U,
  CLI_PATCH  = 1U << 3U,
  CLI_CANON  = 1U << 4U,
  CLI_LOAD   = 1U << 5U,
  CLI_QUERY  = 1U << 6U,
  CLI_UPDATE = 1U << 7U,
  CLI_FMT    = 1U << 8U,
  CLI_MERGE  = 1U << 9U,
  CLI_GRAPHS = 1U << 10U,
  CLI_DUMP   = 1U << 11U,
} CliCommandId;

/* Repeated values of one option, in command-line order; items point into argv. */
typedef struct {
  const char** items;
  size_t       count;
} CliList;

/* Every option's value as parsed (NULL or 0 when absent) and the operands, all borrowed from argv. */
typedef struct {
  const char* format;
  const char* output;
  const char* data_dir;
  const char* ontology;
  const char* base;
  const char* clause;
  const char* around;
  const char* document;
  const char* syntax;
  const char* max_work;
  const char* hash;
  const char* store;
  const char* graph;
  const char* results;
  const char* endpoint;
  const char* timeout;
  const char* connect_timeout;
  const char* color;
  const char* default_graph;
  int         replace;
  int         stat;
  int         git;
  int         reverse;
  CliList     ignore_predicates;
  CliList     only_graphs;
  int         in_place;
  CliList     operands;
} CliArgs;

typedef enum {
  CLI_FLAG,  /* takes no value; sets an int to 1 */
  CLI_VALUE, /* takes one value; the last one given wins */
  CLI_LIST,  /* takes one value and may be repeated; a CliList collects them */
} CliOptionKind;

/*
   What an option's value may be, and so what the shell completes: one of `words` (checked by the
   parser), a word suggested by `words` (checked by the library), a file, a directory, or anything.
*/
typedef enum {
  CLI_COMPLETE_NONE,
  CLI_COMPLETE_WORDS,
  CLI_COMPLETE_SUGGEST,
  CLI_COMPLETE_FILE,
  CLI_COMPLETE_DIR
} CliCompletion;

/*
   One option as some commands take it. The same long name may have several rows with disjoint
   `commands`, when its meaning or values differ between commands (--format of export and of diff).
*/
typedef struct {
  const char*   long_name;  /* without the leading "--" */
  char          short_name; /* '\0' for none */
  const char*   argument;   /* the value's name in help ("FILE"); NULL for a flag */
  CliOptionKind kind;
  size_t        offset;   /* of its field in CliArgs */
  unsigned      commands; /* CliCommandId bits */
  const char*   help;     /* one line for --help */
  const char*   manual;   /* a paragraph for the manual; *bold* and {italic}; NULL: the help line */
  CliCompletion completion;
  const char*   words;     /* space-separated values for CLI_COMPLETE_WORDS and _SUGGEST */
  const char*   parameter; /* the library's name for the argument it feeds, if not long_name */
} CliOption;

typedef int (*CliHandler)(const CliArgs* args);

typedef struct {
  const char*  name;
  CliCommandId id;
  const char*  operands; /* as in the synopsis: "OLD NEW", "FILE...", "" */
  size_t       min_operands;
  size_t       max_operands; /* SIZE_MAX: any number */
  const char*  summary;      /* one line */
  CliHandler   run;
} CliCommand;

/* diff --format's values (spec.c's row and cmd_diff.c's table of kinds, in this order). */
#define CLI_DIFF_FORMATS "text pretty json rdf-patch sparql-update"

/* The word for "the default graph" wherever an option takes a graph name: as `graphs` lists it. */
#define CLI_DEFAULT_GRAPH "DEFAULT"

extern const CliOption  cli_options[];
extern const size_t     cli_n_options;
extern const CliCommand cli_commands[];
extern const size_t     cli_n_commands;

/* The manual's prose about options of every command, and the exit statuses, for --help. */
extern const char cli_help_footer[];

/* --- parse.c: the spec-driven parser and the help it prints ------------------------ */

const CliCommand* cli_find_command(const char* name);

/* The position of `word` in the space-separated `words` (0 for the first), or SIZE_MAX if it is not there. */
size_t cli_word_index(const char* words, const char* word);

/*
   Parse argv[first..argc) for `command` into `args` (zeroed by the caller; defaults set before).
   Returns 0, CLI_EXIT_USAGE after printing a usage error, or -1 after printing help (exit 0).
   `args->operands.items` and every CLI_LIST are allocated here: release with cli_args_release().
*/
int  cli_parse(const CliCommand* command, int argc, char** argv, int first, CliArgs* args);
void cli_args_release(CliArgs* args);

void cli_print_help(void);
void cli_print_command_help(const CliCommand* command);

/* --- common.c: what several commands share ------------------------------------------ */

/* The command whose help later usage errors point to ("Try 'aseankg COMMAND --help'."). */
void cli_set_command(const CliCommand* command);
/* Print "aseankg: MESSAGE DETAIL" (DETAIL escaped) and where to find help; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char* message, const char* detail);
/* The library names a failed write to a caller's stream only by its parameter "stream": name it `file`
   (the -o file, or "<stdout>"). Returns `st`. */
AseankgStatus cli_name_stream(AseankgStatus st, const char* file, AseankgError* error);
void          cli_print_error(const AseankgError* error);
int           cli_report(const AseankgError* error);
/* Whether graph `name`, the value of `option`, is CLI_DEFAULT_GRAPH (1) or an IRI (0); another spelling of
   the word is a usage error, printed: returns -CLI_EXIT_USAGE. */
int cli_default_graph_name(const char* option, const char* name);

/* Progress on a terminal's standard error, one line rewritten in place; cli_end_progress() clears it. */
void cli_show_progress(const char* format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 1, 2)))
#endif
  ;
void cli_end_progress(void);

/* FILE opened for reading; NULL with `error` set if it cannot be opened or is a directory. */
FILE* cli_open_file(const char* path, AseankgError* error);

/* The contents of FILE ("-" for standard input), NUL-terminated: a query or an update, at most 16 MiB,
   never a directory; NULL with `error` set. */
char* cli_read_text(const char* path, AseankgError* error);

/* Sort and write a graph as canonical N-Triples, or N-Quads if it has named graphs, `nquads` is set or
   `path` ends in .nq; atomically to `path` (NULL or "-": standard output). */
AseankgStatus cli_write_sorted(AseankgGraph* graph, const char* path, int nquads, AseankgError* error);

/* The default graph --default-graph asks for (the union of the graphs unless "separate"). */
AseankgStoreDefaultGraph cli_default_graph(const CliArgs* args);

/* The embedded store of --store, else the default one, opened for `mode`; `store` is set on success. */
AseankgStatus cli_open_store(const CliArgs* args, AseankgStoreMode mode, AseankgStore** store,
                             AseankgError* error);

/* The server of --endpoint with the timeouts, libcurl set up; returns 0 or an exit code (message printed).
   After a 0, the caller ends with aseankg_remote_global_cleanup(). */
int cli_remote_from(const CliArgs* args, AseankgRemote* remote);

/* --- the commands, one file each ---------------------------------------------------- */

int cli_export(const CliArgs* args);
int cli_check(const CliArgs* args);
int cli_diff(const CliArgs* args);
int cli_patch(const CliArgs* args);
int cli_canon(const CliArgs* args);
int cli_load(const CliArgs* args);
int cli_query(const CliArgs* args);
int cli_update(const CliArgs* args);
int cli_fmt(const CliArgs* args);
int cli_merge(const CliArgs* args);
int cli_graphs(const CliArgs* args);
int cli_dump(const CliArgs* args);

#endif /* ASEANKG_CLI_H */
