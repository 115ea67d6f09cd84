/* aseankg diff: what changed between two graphs, blank nodes matched; exits like diff(1). */
#include "cli.h"

#include "aseankg/aseankg.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
  AseankgQuadList   list;
  AseankgPrefixList prefixes; /* the input's prefix declarations */
  const char*       progress; /* the file being read, when progress is shown; NULL otherwise */
} QuadVector;

/* Progress goes to a terminal only, and only for inputs big enough to make someone wait. */
static int
wants_progress(const CliArgs* const args)
{
  off_t total = 0;
  for (size_t i = 0U; i < 2U; ++i) {
    struct stat info;
    if (!strcmp(args->operands.items[i], "-")) {
      total += (off_t)64 * 1024 * 1024;
    } else if (!stat(args->operands.items[i], &info)) {
      total += info.st_size;
    }
  }
  return isatty(STDERR_FILENO) && total >= (off_t)32 * 1024 * 1024;
}

static AseankgStatus
append_quad(void* const handle, const AseankgQuad* const quad)
{
  QuadVector* const   v  = (QuadVector*)handle;
  const AseankgStatus st = aseankg_quad_list_append(&v->list, quad);
  if (!st && v->progress && !(v->list.count & 0xFFFFFU)) {
    cli_show_progress("%s: %zu statements", v->progress, v->list.count);
  }
  return st;
}

/* Whether `text` could be an absolute IRI: a scheme, a colon, and none of the characters IRIs may not hold.
 */
static int
looks_like_iri(const char* const text)
{
  const char* p = text;
  while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
         (p > text && ((*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.'))) {
    ++p;
  }
  if (p == text || *p != ':') {
    return 0;
  }
  for (; *p; ++p) {
    if ((unsigned char)*p <= 0x20U || strchr("<>\"{}|^`\\", *p)) {
      return 0;
    }
  }
  return 1;
}

/* The term id of IRI `text` in `graph` (interned), or 0 with a usage error printed. */
static AseankgTermId
option_iri(AseankgGraph* const graph, const char* const option, const char* const text)
{
  if (!looks_like_iri(text)) {
    char message[96];
    snprintf(message, sizeof(message), "%s takes an absolute IRI; not ", option);
    cli_usage_error(message, text);
    return 0U;
  }
  return aseankg_graph_iri(graph, text, strlen(text));
}

/* --color: auto means standard output is a terminal, or git's pager (git sets GIT_PAGER_IN_USE). */
static int
wants_color(const CliArgs* const args)
{
  const char* const when = args->color ? args->color : "auto";
  if (!strcmp(when, "always")) {
    return 1;
  }
  if (!strcmp(when, "never")) {
    return 0;
  }
  const char* const pager = getenv("GIT_PAGER_IN_USE");
  return isatty(STDOUT_FILENO) || (pager && (!strcmp(pager, "true") || !strcmp(pager, "1")));
}

/* The prefixes an input declared, for the readable formats (only the display uses them): the declaration
 * in force at the end of the file first (the diff keeps the first it is given); one the diff refuses is
 * skipped. */
static void
add_declared_prefixes(AseankgDiff* const diff, const AseankgPrefixList* const prefixes)
{
  for (size_t i = prefixes->count; i > 0U; --i) {
    (void)aseankg_diff_add_prefix(diff, prefixes->prefixes[i - 1U].name,
                                  prefixes->prefixes[i - 1U].namespace_iri);
  }
}

int
cli_diff(const CliArgs* const args)
{
  /* In CLI_DIFF_FORMATS' order; the parser has checked the value against that list. */
  const AseankgDiffFormat kinds[] = { ASEANKG_DIFF_TEXT, ASEANKG_DIFF_PRETTY, ASEANKG_DIFF_JSON,
                                      ASEANKG_DIFF_RDF_PATCH, ASEANKG_DIFF_SPARQL_UPDATE };
  const size_t            kind    = args->format ? cli_word_index(CLI_DIFF_FORMATS, args->format) : 0U;
  assert(kind < sizeof(kinds) / sizeof(kinds[0]));
  if (args->graph && kinds[kind] != ASEANKG_DIFF_SPARQL_UPDATE) {
    return cli_usage_error("--graph names the graph a --format sparql-update changes; for the graphs to "
                           "compare, use --only-graph",
                           NULL);
  }
  if (args->stat && args->format) {
    return cli_usage_error("--stat and --format are alternatives; give one", NULL);
  }
  /* git's external diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, and for a
     rename or copy two more: NEW-PATH and git's note about it (git-diff(1), GIT_EXTERNAL_DIFF). */
  const size_t count = args->operands.count;
  if (args->git ? count != 7U && count != 9U : count != 2U) {
    return cli_usage_error(args->git
                             ? "diff --git takes git's seven arguments (nine for a rename): PATH OLD-FILE "
                               "OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH NOTE]"
                             : "diff takes two operands: OLD NEW",
                           NULL);
  }
  const char* const* const items    = args->operands.items;
  const char* const        files[2] = { args->git ? items[1] : items[0], args->git ? items[4] : items[1] };
  const char* const        new_path = args->git && count == 9U ? items[7] : items[0];
  const char* const        syntax   = args->syntax ? args->syntax
                                      : args->git  ? aseankg_syntax_from_path(new_path)
                                                   : NULL;
  if (args->git && !syntax) {
    return cli_usage_error("diff --git: no RDF syntax for the file name (give --input): ", items[0]);
  }
  if (!strcmp(files[0], "-") && !strcmp(files[1], "-")) {
    return cli_usage_error("only one input can be standard input", NULL);
  }

  AseankgError  error;
  AseankgGraph* graph = aseankg_graph_new();
  AseankgDiff*  diff  = NULL;
  QuadVector    sides[2];
  memset(sides, 0, sizeof(sides));
  aseankg_error_clear(&error);
  if (!graph) {
    fputs("aseankg: out of memory\n", stderr);
    return CLI_EXIT_USAGE;
  }

  /* The selection: predicates left out, graphs kept. */
  const size_t         n_ids = args->ignore_predicates.count + args->only_graphs.count + 1U;
  AseankgTermId* const ids   = (AseankgTermId*)calloc(n_ids, sizeof(AseankgTermId));
  AseankgDiffOptions   select;
  memset(&select, 0, sizeof(select));
  int usage = ids ? 0 : CLI_EXIT_USAGE;
  for (size_t i = 0U; !usage && i < args->ignore_predicates.count; ++i) {
    ids[i] = option_iri(graph, "--ignore-predicate", args->ignore_predicates.items[i]);
    usage  = ids[i] ? 0 : CLI_EXIT_USAGE;
  }
  AseankgTermId* const graphs = ids ? ids + args->ignore_predicates.count : NULL;
  for (size_t i = 0U; !usage && i < args->only_graphs.count; ++i) {
    const char* const name       = args->only_graphs.items[i];
    const int         is_default = cli_default_graph_name("--only-graph", name);
    if (is_default < 0) {
      usage = -is_default;
      break;
    }
    graphs[i] = is_default ? 0U : option_iri(graph, "--only-graph", name);
    usage     = !is_default && !graphs[i] ? CLI_EXIT_USAGE : 0;
  }
  if (usage) {
    free(ids);
    aseankg_graph_free(graph);
    return usage;
  }
  select.ignore_predicates   = ids;
  select.n_ignore_predicates = args->ignore_predicates.count;
  select.graphs              = args->only_graphs.count ? graphs : NULL;
  select.n_graphs            = args->only_graphs.count;

  const int     progress = !args->git && wants_progress(args);
  AseankgStatus st       = ASEANKG_SUCCESS;
  for (size_t s = 0U; s < 2U && !st; ++s) {
    if (args->git && !strcmp(files[s], "/dev/null")) {
      continue; /* an added or deleted file: that side is empty */
    }
    const AseankgReadOptions read = { 0, s ? ASEANKG_DIFF_NEW_PREFIX : ASEANKG_DIFF_OLD_PREFIX, append_quad,
                                      &sides[s] };
    sides[s].progress             = progress ? files[s] : NULL;
    st = aseankg_read_path_prefixes(graph, files[s], syntax, &read, &sides[s].prefixes, &error);
  }
  if (progress) {
    cli_show_progress("matching blank nodes: %zu statements", sides[0].list.count + sides[1].list.count);
  }
  st = st ? st
          : aseankg_diff_compute_with(&diff, graph, sides[0].list.quads, sides[0].list.count,
                                      sides[1].list.quads, sides[1].list.count, &select, &error);
  if (!st && args->graph) {
    if ((st = aseankg_diff_set_graph(diff, args->graph))) {
      aseankg_error_set(&error, st, "--graph", 0U, 0U, "<%s> is not an absolute IRI of allowed characters",
                        args->graph);
    }
  }
  for (size_t s = 0U; !st && s < 2U; ++s) { /* NEW's prefixes win over OLD's */
    add_declared_prefixes(diff, &sides[1U - s].prefixes);
  }
  const int changed = diff && (aseankg_diff_removed(diff) || aseankg_diff_added(diff));
  if (!st && (!args->git || changed)) {
    const AseankgDiffFormat chosen = args->stat ? ASEANKG_DIFF_STAT : kinds[kind];
    const int               color  = chosen != ASEANKG_DIFF_JSON && chosen != ASEANKG_DIFF_RDF_PATCH &&
                      chosen != ASEANKG_DIFF_SPARQL_UPDATE && wants_color(args);
    const AseankgDiffWriteOptions write = { chosen, color };
    if (args->git) { /* git prints nothing of its own for an external diff: name the file */
      printf("%srdf diff a/%s b/%s%s\n", color ? "\033[1m" : "", items[0], new_path, color ? "\033[m" : "");
    }
    st = aseankg_diff_write_with(diff, stdout, &write);
    if (!st && fflush(stdout)) {
      st = ASEANKG_ERR_IO;
    }
    if (st) {
      aseankg_error_set(&error, st, st == ASEANKG_ERR_DATA ? files[0] : "<stdout>", 0U, 0U, "%s",
                        st == ASEANKG_ERR_DATA ? "a change is in a graph named by a blank node, which "
                                                 "SPARQL Update cannot name (use text or rdf-patch)"
                                               : "write error");
    }
  }

  if (progress) {
    cli_end_progress();
  }
  int exit_code = CLI_EXIT_USAGE; /* trouble */
  if (st) {
    cli_print_error(&error);
  } else {
    if (!args->git) {
      fprintf(stderr, "%zu removed, %zu added\n", aseankg_diff_removed(diff), aseankg_diff_added(diff));
    }
    exit_code = changed && !args->git ? 1 : 0; /* git stops at a driver that exits non-zero */
  }
  aseankg_diff_free(diff);
  free(ids);
  aseankg_quad_list_release(&sides[0].list);
  aseankg_quad_list_release(&sides[1].list);
  aseankg_prefix_list_release(&sides[0].prefixes);
  aseankg_prefix_list_release(&sides[1].prefixes);
  aseankg_graph_free(graph);
  return exit_code;
}
