/* Three-way merge: two diffs from the base (blank nodes matched), set semantics, conflicts on replaced
 * values. */
#include "aseankg/merge.h"

#include "aseankg/diff.h"
#include "aseankg/fmt.h"
#include "aseankg/output.h"
#include "aseankg/reader.h"

#include "diff_private.h"
#include "quads.h"
#include "try.h"
#include "writers.h"

#include <pthread.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One input as read: its quads, its prefixes, and whether it was N-Triples / N-Quads. */
typedef struct {
  AseankgQuadList   list;
  AseankgPrefixList prefixes;
  int               lines;
} Side;

/* What one side changed, in the base's terms (blank nodes it added are fresh terms). */
typedef struct {
  AseankgQuadList removed;
  AseankgQuadList added;
} Changes;

/* Same graph, subject and predicate. */
static int
same_key(const AseankgQuad* const x, const AseankgQuad* const y)
{
  return x->graph == y->graph && x->subject == y->subject && x->predicate == y->predicate;
}

static void
sort_unique(AseankgQuadList* const list)
{
  list->count = aseankg_quads_sort_unique(list->quads, list->count);
}

static int
contains(const AseankgQuadList* const list, const AseankgQuad* const quad)
{
  return list->count && list->quads &&
         bsearch(quad, list->quads, list->count, sizeof(AseankgQuad), aseankg_quads_compare_ids) != NULL;
}

/* Whether sorted `list` holds `quad`, for quads asked in increasing order: `*cursor` (from 0) moves on. */
static int
holds(const AseankgQuadList* const list, size_t* const cursor, const AseankgQuad* const quad)
{
  while (*cursor < list->count && aseankg_quads_compare_ids(&list->quads[*cursor], quad) < 0) {
    ++*cursor;
  }
  return *cursor < list->count && !aseankg_quads_compare_ids(&list->quads[*cursor], quad);
}

/* The first quad of `list` (sorted) with the graph, subject and predicate of `key`; `*end` past the last. */
static size_t
key_range(const AseankgQuadList* const list, const AseankgQuad* const key, size_t* const end)
{
  if (!list->quads) {
    *end = 0U; /* empty */
    return 0U;
  }
  size_t lo = 0U;
  size_t hi = list->count;
  while (lo < hi) {
    const size_t      mid   = lo + (hi - lo) / 2U;
    const AseankgQuad probe = { key->subject, key->predicate, 0U, key->graph };
    if (aseankg_quads_compare_ids(&list->quads[mid], &probe) < 0) {
      lo = mid + 1U;
    } else {
      hi = mid;
    }
  }
  *end = lo;
  while (*end < list->count && same_key(&list->quads[*end], key)) {
    ++*end;
  }
  return lo;
}

static AseankgStatus
read_side(AseankgGraph* const graph, const char* const path, const char* const syntax,
          const char* const prefix, Side* const side, AseankgError* const error)
{
  AseankgReadOptions read = { 0, prefix, aseankg_quad_list_append, &side->list };
  const char*        from = syntax ? syntax : aseankg_syntax_from_path(path);
  if (!from && strcmp(path, "-")) {
    /* git's temporary files have no extension: N-Quads (and so N-Triples) if it reads as such, else TriG. */
    AseankgError quiet;
    aseankg_error_clear(&quiet);
    AseankgStatus st = aseankg_read_path_prefixes(graph, path, "nquads", &read, &side->prefixes, &quiet);
    if (st != ASEANKG_ERR_SYNTAX) {
      side->lines = 1;
      return st ? aseankg_error_set(error, quiet.status, path, quiet.line, quiet.column, "%s", quiet.message)
                : st;
    }
    side->list.count = 0U;
    from             = "trig";
  }
  side->lines = from && (!strcmp(from, "ntriples") || !strcmp(from, "nquads"));
  return aseankg_read_path_prefixes(graph, path, from, &read, &side->prefixes, error);
}

/*
   Reading the three inputs at once. Interning is single-threaded, so OURS and THEIRS are each read on
   a thread of their own into a graph of their own while BASE is read into the shared graph; then
   their terms are looked up in the shared graph (two threads: lookups only read it) and those it
   lacks are interned in the order each side first read them, which gives every term the id a
   sequential read would have given it, so the merge's result does not depend on the threads.
*/
typedef struct {
  AseankgGraph*       graph;  /* where this input is read: its own graph, or the shared one */
  const AseankgGraph* shared; /* the graph the terms end up in */
  const char*         path;
  const char*         syntax;
  const char*         prefix;
  Side*               side;
  AseankgTermId*      map; /* id in `graph` -> id in `shared` (0: not there yet) */
  AseankgStatus       status;
  AseankgError        error;
} Reading;

static void*
reading_read(void* const arg)
{
  Reading* const r = (Reading*)arg;
  r->status        = read_side(r->graph, r->path, r->syntax, r->prefix, r->side, &r->error);
  return NULL;
}

/* Look up every term of the reading's own graph in the shared one. */
static void*
reading_look_up(void* const arg)
{
  Reading* const r = (Reading*)arg;
  const size_t   n = aseankg_graph_term_count(r->graph);
  for (size_t id = 1U; id <= n; ++id) {
    const AseankgTerm* const term = aseankg_graph_term(r->graph, (AseankgTermId)id);
    r->map[id]                    = aseankg_graph_lookup(r->shared, term->key, term->key_length);
  }
  return NULL;
}

/* Run `function(arg)` on a new thread, or here if no thread can be had; `*started` says which. */
static void
run_beside(pthread_t* const thread, int* const started, void* (*const function)(void*), void* const arg)
{
  *started = !pthread_create(thread, NULL, function, arg);
  if (!*started) {
    (void)function(arg);
  }
}

static void
join(const pthread_t thread, const int started)
{
  if (started) {
    (void)pthread_join(thread, NULL);
  }
}

/* Intern `term` (of another graph, whose ids `map` translates) into `graph`. */
static AseankgTermId
import_term(AseankgGraph* const graph, const AseankgTerm* const term, const AseankgTermId* const map)
{
  switch (term->kind) {
    case ASEANKG_TERM_IRI:
      return aseankg_graph_iri(graph, term->value, term->length);
    case ASEANKG_TERM_BLANK:
      return aseankg_graph_blank(graph, term->value, term->length);
    case ASEANKG_TERM_LITERAL:
      return aseankg_graph_literal(graph, term->value, term->length,
                                   term->datatype ? map[term->datatype] : 0U, term->language,
                                   term->direction);
    case ASEANKG_TERM_TRIPLE:
      return aseankg_graph_triple_term(graph, map[term->triple[0]], map[term->triple[1]],
                                       map[term->triple[2]]);
    default:
      return 0U;
  }
}

/* Intern the terms the shared graph lacks, in first-read order, and rewrite the side's quads in its ids. */
static AseankgStatus
reading_move(Reading* const r, AseankgGraph* const shared)
{
  const size_t n = aseankg_graph_term_count(r->graph);
  for (size_t id = 1U; id <= n; ++id) {
    if (!r->map[id]) {
      r->map[id] = import_term(shared, aseankg_graph_term(r->graph, (AseankgTermId)id), r->map);
      if (!r->map[id]) {
        return ASEANKG_ERR_NOMEM;
      }
    }
  }
  AseankgQuad* const quads = r->side->list.quads;
  for (size_t i = 0U; i < r->side->list.count; ++i) {
    quads[i].subject   = r->map[quads[i].subject];
    quads[i].predicate = r->map[quads[i].predicate];
    quads[i].object    = r->map[quads[i].object];
    quads[i].graph     = quads[i].graph ? r->map[quads[i].graph] : 0U;
  }
  return ASEANKG_SUCCESS;
}

/*
   Whether to use threads: on a machine with more than one online processor, as git's online_cpus()
   decides. The choice depends on the machine only, never on its momentary load, so one machine always
   runs the same path; the result is the same either way.
*/
static int
spare_core(void)
{
  return sysconf(_SC_NPROCESSORS_ONLN) > 1;
}

static int
is_rdfxml(const char* const path, const char* const syntax)
{
  const char* const from = syntax ? syntax : aseankg_syntax_from_path(path);
  return from && !strcmp(from, "rdfxml");
}

/*
   Read BASE, OURS and THEIRS into `graph` (see Reading). RDF/XML goes through raptor and libxml2,
   whose thread safety is not ours to promise: with any RDF/XML input the three are read in turn.
   The error reported is the first input's that failed, as if they had been read in turn.
*/
static AseankgStatus
read_sides(AseankgGraph* const graph, const char* const paths[3], const char* const syntax, Side sides[3],
           const int threads, AseankgError* const error)
{
  const int parallel =
    threads && !is_rdfxml(paths[0], syntax) && !is_rdfxml(paths[1], syntax) && !is_rdfxml(paths[2], syntax);
  Reading reads[3];
  memset(reads, 0, sizeof(reads));
  AseankgStatus st = ASEANKG_SUCCESS;
  for (int s = 0; s < 3; ++s) {
    reads[s].graph  = (s && parallel) ? aseankg_graph_new() : graph;
    reads[s].shared = graph;
    reads[s].path   = paths[s];
    reads[s].syntax = syntax;
    reads[s].prefix = s ? ASEANKG_DIFF_NEW_PREFIX : ASEANKG_DIFF_OLD_PREFIX;
    reads[s].side   = &sides[s];
    aseankg_error_clear(&reads[s].error);
    if (!reads[s].graph) {
      st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, paths[s], 0U, 0U, "out of memory");
    }
  }
  if (!st && parallel) {
    pthread_t readers[2];
    int       started[2];
    run_beside(&readers[0], &started[0], reading_read, &reads[1]);
    run_beside(&readers[1], &started[1], reading_read, &reads[2]);
    (void)reading_read(&reads[0]);
    join(readers[0], started[0]);
    join(readers[1], started[1]);
  } else if (!st) {
    for (int s = 0; s < 3 && (!s || !reads[s - 1].status); ++s) {
      (void)reading_read(&reads[s]);
    }
  }
  for (int s = 0; s < 3 && !st; ++s) {
    if (reads[s].status) {
      st = reads[s].status;
      if (error) {
        *error = reads[s].error;
      }
    }
  }
  if (!st && parallel) {
    for (int s = 1; s < 3 && !st; ++s) {
      reads[s].map =
        (AseankgTermId*)calloc(aseankg_graph_term_count(reads[s].graph) + 1U, sizeof(AseankgTermId));
      if (!reads[s].map) {
        st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, paths[s], 0U, 0U, "out of memory");
      }
    }
    if (!st) {
      pthread_t thread;
      int       started;
      run_beside(&thread, &started, reading_look_up, &reads[2]);
      (void)reading_look_up(&reads[1]);
      join(thread, started);
    }
    for (int s = 1; s < 3 && !st; ++s) {
      st = reading_move(&reads[s], graph);
      if (st) {
        aseankg_error_set(error, st, paths[s], 0U, 0U, "out of memory");
      }
    }
  }
  for (int s = 1; s < 3; ++s) {
    free(reads[s].map);
    if (reads[s].graph != graph) {
      aseankg_graph_free(reads[s].graph);
    }
  }
  return st;
}

/* The changes of one side's diff from base (see aseankg_diff_compute_two()): removed and added quads in
 * the base's terms, blank nodes of the side that match none of the base's as fresh terms, distinct from
 * those of the other side's diff. Frees `diff`. */
static AseankgStatus
side_changes(AseankgDiff* const diff, const char* const path, Changes* const changes,
             AseankgError* const error)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  const size_t  n  = aseankg_diff_count(diff);
  for (size_t i = 0U; i < n && !st; ++i) {
    AseankgQuad quad;
    const int   added = aseankg_diff_change(diff, i, &quad);
    st                = aseankg_quad_list_append(added ? &changes->added : &changes->removed, &quad);
    if (st) {
      aseankg_error_set(error, st, path, 0U, 0U, "out of memory");
    }
  }
  aseankg_diff_free(diff);
  sort_unique(&changes->removed);
  sort_unique(&changes->added);
  return st;
}

/* A conflict: the two sides' values of one subject and predicate, as ranges of their added lists. */
typedef struct {
  size_t ours_begin, ours_end, theirs_begin, theirs_end;
} Conflict;

static int
same_values(const AseankgQuadList* const a, const size_t a_begin, const size_t a_end,
            const AseankgQuadList* const b, const size_t b_begin, const size_t b_end)
{
  if (a_end - a_begin != b_end - b_begin) {
    return 0;
  }
  for (size_t i = 0U; i < a_end - a_begin; ++i) {
    if (aseankg_quads_compare_ids(&a->quads[a_begin + i], &b->quads[b_begin + i])) {
      return 0;
    }
  }
  return 1;
}

/* The conflicts (see aseankg_merge_paths()), found from the base's single-valued subject-predicates. */
static AseankgStatus
find_conflicts(const AseankgQuadList* const base, const Changes* const ours, const Changes* const theirs,
               Conflict** const conflicts, size_t* const n)
{
  size_t capacity   = 0U;
  size_t cursors[2] = { 0U, 0U };
  for (size_t i = 0U; base->quads && i < base->count; ++i) {
    const AseankgQuad* const q = &base->quads[i];
    if ((i && same_key(q, q - 1)) || (i + 1U < base->count && same_key(q, q + 1))) {
      continue; /* several values in the base */
    }
    const int by_ours = holds(&ours->removed, &cursors[0], q);
    if (!holds(&theirs->removed, &cursors[1], q) || !by_ours) {
      continue;
    }
    Conflict c;
    c.ours_begin   = key_range(&ours->added, q, &c.ours_end);
    c.theirs_begin = key_range(&theirs->added, q, &c.theirs_end);
    if (c.ours_begin == c.ours_end || c.theirs_begin == c.theirs_end ||
        same_values(&ours->added, c.ours_begin, c.ours_end, &theirs->added, c.theirs_begin, c.theirs_end)) {
      continue;
    }
    if (*n == capacity) {
      capacity           = capacity ? 2U * capacity : 16U;
      Conflict* const to = (Conflict*)realloc(*conflicts, capacity * sizeof(Conflict));
      if (!to) {
        return ASEANKG_ERR_NOMEM;
      }
      *conflicts = to;
    }
    (*conflicts)[(*n)++] = c;
  }
  return ASEANKG_SUCCESS;
}

/* base − removed by either ∪ added by either, without the conflicting values. */
static AseankgStatus
merged_quads(const AseankgQuadList* const base, const Changes* const ours, const Changes* const theirs,
             const AseankgQuadList* const excluded, AseankgQuadList* const result)
{
  AseankgStatus st         = ASEANKG_SUCCESS;
  size_t        cursors[2] = { 0U, 0U };
  for (size_t i = 0U; i < base->count && !st; ++i) {
    const int by_ours = holds(&ours->removed, &cursors[0], &base->quads[i]);
    if (!holds(&theirs->removed, &cursors[1], &base->quads[i]) && !by_ours) {
      st = aseankg_quad_list_append(result, &base->quads[i]);
    }
  }
  const Changes* const sides[2] = { ours, theirs };
  for (int s = 0; s < 2; ++s) {
    for (size_t i = 0U; i < sides[s]->added.count && !st; ++i) {
      if (!contains(excluded, &sides[s]->added.quads[i])) {
        st = aseankg_quad_list_append(result, &sides[s]->added.quads[i]);
      }
    }
  }
  sort_unique(result);
  return st;
}

typedef struct {
  char*  text;
  size_t length;
} Block;

static int
compare_blocks(const void* const a, const void* const b)
{
  const Block* const x   = (const Block*)a;
  const Block* const y   = (const Block*)b;
  const int          cmp = memcmp(x->text, y->text, x->length < y->length ? x->length : y->length);
  return cmp ? cmp : (x->length > y->length) - (x->length < y->length);
}

/* Write each conflict with its markers, ordered by text. */
static AseankgStatus
write_conflicts(AseankgFmt* const fmt, FILE* const stream, const Conflict* const conflicts, const size_t n,
                const Changes* const ours, const Changes* const theirs,
                const AseankgMergeOptions* const options)
{
  const unsigned size      = options && options->marker_size ? options->marker_size : 7U;
  const char*    labels[2] = { options && options->ours_label ? options->ours_label : "ours",
                            options && options->theirs_label ? options->theirs_label : "theirs" };
  char       markers[3][257];
  const char marks[3] = { '<', '=', '>' };
  for (int m = 0; m < 3; ++m) {
    const size_t k = size < 256U ? size : 256U;
    memset(markers[m], marks[m], k);
    markers[m][k] = '\0';
  }
  Block* const  blocks = (Block*)calloc(n + 1U, sizeof(Block));
  AseankgStatus st     = ASEANKG_SUCCESS;
  if (!blocks) {
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t i = 0U; i < n; ++i) {
    FILE* const memory = open_memstream(&blocks[i].text, &blocks[i].length);
    if (!memory) {
      st = ASEANKG_ERR_NOMEM;
      goto cleanup;
    }
    fprintf(memory, "%s %s\n", markers[0], labels[0]);
    for (size_t q = conflicts[i].ours_begin; q < conflicts[i].ours_end && !st; ++q) {
      st = aseankg_fmt_write_statement(fmt, memory, &ours->added.quads[q]);
    }
    fprintf(memory, "%s\n", markers[1]);
    for (size_t q = conflicts[i].theirs_begin; q < conflicts[i].theirs_end && !st; ++q) {
      st = aseankg_fmt_write_statement(fmt, memory, &theirs->added.quads[q]);
    }
    fprintf(memory, "%s %s\n", markers[2], labels[1]);
    if (fclose(memory) && !st) {
      st = ASEANKG_ERR_NOMEM;
    }
    if (st) {
      goto cleanup;
    }
  }
  qsort(blocks, n, sizeof(Block), compare_blocks);
  for (size_t i = 0U; i < n; ++i) {
    fputc('\n', stream);
    fwrite(blocks[i].text, 1U, blocks[i].length, stream);
  }
  st = ferror(stream) ? ASEANKG_ERR_IO : ASEANKG_SUCCESS;

cleanup:
  for (size_t i = 0U; i < n; ++i) {
    free(blocks[i].text);
  }
  free(blocks);
  return st;
}

/* Ours' prefixes win over theirs': the formatter keeps the later declaration of a name. */
static AseankgStatus
join_prefixes(const Side* const ours, const Side* const theirs, AseankgPrefix** const joined, size_t* const n)
{
  *n      = theirs->prefixes.count + ours->prefixes.count;
  *joined = (AseankgPrefix*)calloc(*n + 1U, sizeof(AseankgPrefix));
  if (!*joined) {
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t i = 0U; i < theirs->prefixes.count; ++i) {
    (*joined)[i] = theirs->prefixes.prefixes[i];
  }
  for (size_t i = 0U; i < ours->prefixes.count; ++i) {
    (*joined)[theirs->prefixes.count + i] = ours->prefixes.prefixes[i];
  }
  return ASEANKG_SUCCESS;
}

/* What a merge holds between reading and writing. */
typedef struct {
  AseankgGraph*   graph;
  Side            sides[3];
  Changes         changes[2];
  AseankgQuadList excluded; /* the conflicting values, kept out of the merged statements */
  AseankgQuadList result;
  Conflict*       found;
  size_t          n_found;
  AseankgPrefix*  prefixes;
  size_t          n_prefixes;
  AseankgFmt*     fmt;
  int             threads; /* whether to read and match on threads (see spare_core()) */
} Merge;

static void
merge_release(Merge* const m)
{
  aseankg_fmt_free(m->fmt);
  free(m->prefixes);
  free(m->found);
  aseankg_quad_list_release(&m->excluded);
  aseankg_quad_list_release(&m->result);
  for (int s = 0; s < 3; ++s) {
    aseankg_quad_list_release(&m->sides[s].list);
    aseankg_prefix_list_release(&m->sides[s].prefixes);
  }
  for (int s = 0; s < 2; ++s) {
    aseankg_quad_list_release(&m->changes[s].removed);
    aseankg_quad_list_release(&m->changes[s].added);
  }
  aseankg_graph_free(m->graph);
}

/* Both sides' changes from BASE into `m->changes`, blank nodes matched. */
static AseankgStatus
compute_changes(Merge* const m, const char* const ours_path, const char* const theirs_path,
                AseankgError* const error)
{
  AseankgDiff*             diffs[2]  = { NULL, NULL };
  const AseankgQuad* const quads[2]  = { m->sides[1].list.quads, m->sides[2].list.quads };
  const size_t             counts[2] = { m->sides[1].list.count, m->sides[2].list.count };
  AseankgStatus            st        = ASEANKG_SUCCESS;
  TRY(st, aseankg_diff_compute_two(diffs, m->graph, m->sides[0].list.quads, m->sides[0].list.count, quads,
                                   counts, m->threads, error));
  st = side_changes(diffs[0], ours_path, &m->changes[0], error); /* frees diffs[0] */
  if (st) {
    aseankg_diff_free(diffs[1]);
    return st;
  }
  return side_changes(diffs[1], theirs_path, &m->changes[1], error); /* frees diffs[1] */
}

/* Read, diff and merge into `m`, up to the formatter that will write the result. */
static AseankgStatus
plan_merge(Merge* const m, const char* const paths[3], const char* const syntax, AseankgError* const error)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, read_sides(m->graph, paths, syntax, m->sides, m->threads, error));
  TRY(st, compute_changes(m, paths[1], paths[2], error));
  sort_unique(&m->sides[0].list);
  TRY(st, find_conflicts(&m->sides[0].list, &m->changes[0], &m->changes[1], &m->found, &m->n_found));
  for (size_t i = 0U; i < m->n_found; ++i) {
    for (size_t q = m->found[i].ours_begin; q < m->found[i].ours_end; ++q) {
      TRY(st, aseankg_quad_list_append(&m->excluded, &m->changes[0].added.quads[q]));
    }
    for (size_t q = m->found[i].theirs_begin; q < m->found[i].theirs_end; ++q) {
      TRY(st, aseankg_quad_list_append(&m->excluded, &m->changes[1].added.quads[q]));
    }
  }
  sort_unique(&m->excluded);
  TRY(st, merged_quads(&m->sides[0].list, &m->changes[0], &m->changes[1], &m->excluded, &m->result));
  TRY(st, join_prefixes(&m->sides[1], &m->sides[2], &m->prefixes, &m->n_prefixes));
  AseankgFmtOptions format;
  memset(&format, 0, sizeof(format));
  format.syntax                 = m->sides[1].lines ? ASEANKG_FMT_NTRIPLES : ASEANKG_FMT_TURTLE;
  format.prefixes               = m->prefixes;
  format.n_prefixes             = m->n_prefixes;
  static const AseankgQuad none = { 0U, 0U, 0U, 0U };
  format.quads                  = m->result.quads ? m->result.quads : &none;
  format.n_quads                = m->result.count;
  format.extra                  = m->excluded.quads;
  format.n_extra                = m->excluded.count;
  return aseankg_fmt_new(&m->fmt, m->graph, &format, error);
}

AseankgStatus
aseankg_merge_paths(const char* const base_path, const char* const ours_path, const char* const theirs_path,
                    const char* const output_path, const AseankgMergeOptions* const options,
                    size_t* const n_conflicts, AseankgError* const error)
{
  if (n_conflicts) {
    *n_conflicts = 0U;
  }
  if (!base_path || !ours_path || !theirs_path) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE,
                                       !base_path   ? "base"
                                       : !ours_path ? "ours"
                                                    : "theirs",
                                       "is NULL");
  }
  const char* const paths[3] = { base_path, ours_path, theirs_path };
  Merge             m;
  AseankgOutput     output;
  memset(&m, 0, sizeof(m));
  memset(&output, 0, sizeof(output));
  m.graph   = aseankg_graph_new();
  m.threads = spare_core();
  AseankgStatus st =
    m.graph ? plan_merge(&m, paths, options ? options->syntax : NULL, error) : ASEANKG_ERR_NOMEM;
  if (st) {
    if (st == ASEANKG_ERR_NOMEM) {
      aseankg_error_set(error, st, ours_path, 0U, 0U, "out of memory");
    }
    goto cleanup;
  }
  TRY_CLEANUP(st, aseankg_output_open(&output, output_path, error));
  st = aseankg_fmt_write(m.fmt, output.stream, NULL);
  if (!st) {
    st = write_conflicts(m.fmt, output.stream, m.found, m.n_found, &m.changes[0], &m.changes[1], options);
  }
  if (st) {
    aseankg_write_failed(error, st, output_path ? output_path : "<stdout>");
    goto cleanup;
  }
  TRY_CLEANUP(st, aseankg_output_commit(&output, error));
  if (n_conflicts) {
    *n_conflicts = m.n_found;
  }

cleanup:
  aseankg_output_abort(&output);
  merge_release(&m);
  return st;
}
