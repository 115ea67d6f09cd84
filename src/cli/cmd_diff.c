/* aseankg diff: what changed between two graphs, blank nodes matched; exits like diff(1). */
#include "cli.h"

#include "aseankg/aseankg.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
  AseankgQuadList list;
  const char*     progress; /* the file being read, when progress is shown; NULL otherwise */
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

int
cli_diff(const CliArgs* const args)
{
  const char* const       format  = args->format ? args->format : "text";
  const AseankgDiffFormat kinds[] = { ASEANKG_DIFF_TEXT, ASEANKG_DIFF_RDF_PATCH, ASEANKG_DIFF_SPARQL_UPDATE };
  const char* const       names[] = { "text", "rdf-patch", "sparql-update" };
  size_t                  kind    = 0U;
  while (kind < 2U && strcmp(format, names[kind])) {
    ++kind;
  }
  const char* const* const files = args->operands.items;
  if (!strcmp(files[0], "-") && !strcmp(files[1], "-")) {
    return cli_usage_error("only one input can be standard input", NULL);
  }

  AseankgError  error;
  AseankgGraph* graph = aseankg_graph_new();
  AseankgDiff*  diff  = NULL;
  QuadVector    sides[2];
  memset(sides, 0, sizeof(sides));
  aseankg_error_clear(&error);

  const int     progress = wants_progress(args);
  AseankgStatus st       = graph ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  for (size_t s = 0U; s < 2U && !st; ++s) {
    const AseankgReadOptions read = { 0, s ? ASEANKG_DIFF_NEW_PREFIX : ASEANKG_DIFF_OLD_PREFIX, append_quad,
                                      &sides[s] };
    sides[s].progress             = progress ? files[s] : NULL;
    st                            = aseankg_read_path(graph, files[s], args->syntax, &read, &error);
  }
  if (progress) {
    cli_show_progress("matching blank nodes: %zu statements", sides[0].list.count + sides[1].list.count);
  }
  st = st ? st
          : aseankg_diff_compute(&diff, graph, sides[0].list.quads, sides[0].list.count, sides[1].list.quads,
                                 sides[1].list.count, &error);
  if (!st && args->graph) {
    if ((st = aseankg_diff_set_graph(diff, args->graph))) {
      aseankg_error_set(&error, st, "--graph", 0U, 0U, "<%s> is not an absolute IRI of allowed characters",
                        args->graph);
    }
  }
  if (!st) {
    st = aseankg_diff_write(diff, stdout, kinds[kind]);
    if (st) {
      aseankg_error_set(&error, st, "<stdout>", 0U, 0U, "write error");
    }
  }

  if (progress) {
    cli_end_progress();
  }
  int exit_code = CLI_EXIT_USAGE; /* trouble */
  if (st) {
    cli_print_error(&error);
  } else {
    fprintf(stderr, "%zu removed, %zu added\n", aseankg_diff_removed(diff), aseankg_diff_added(diff));
    exit_code = aseankg_diff_removed(diff) || aseankg_diff_added(diff) ? 1 : 0;
  }
  aseankg_diff_free(diff);
  aseankg_quad_list_release(&sides[0].list);
  aseankg_quad_list_release(&sides[1].list);
  aseankg_graph_free(graph);
  return exit_code;
}
