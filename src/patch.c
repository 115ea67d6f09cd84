/*
   RDF Patch applied to a graph: the rows are read and checked first, every transaction block kept or
   dropped by its TC or TA row, and only then are the committed changes applied, so that a patch which
   fails to read (or ends inside a transaction) changes nothing. A and D rows reuse the N-Quads
   statement reader.
*/
#include "aseankg/patch.h"

#include "aseankg/ntriples.h"

#include "lines.h"
#include "ntriples_private.h"
#include "try.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  AseankgQuad quad;
  int         add; /* 1: A row, 0: D row */
} Change;

typedef struct {
  Change* changes;
  size_t  count;
  size_t  capacity;
} Changes;

static AseankgStatus
changes_push(Changes* const list, const AseankgQuad* const quad, const int add)
{
  if (list->count == list->capacity) {
    const size_t  capacity = list->capacity ? list->capacity * 2U : 64U;
    Change* const grown    = (Change*)realloc(list->changes, capacity * sizeof(Change));
    if (!grown) {
      return ASEANKG_ERR_NOMEM;
    }
    list->changes  = grown;
    list->capacity = capacity;
  }
  list->changes[list->count].quad  = *quad;
  list->changes[list->count++].add = add;
  return ASEANKG_SUCCESS;
}

/* The row code at the start of `text` (after white space), or "" at a blank or comment line. */
static size_t
row_code(const char* const text, const size_t length, size_t* const start, char code[3])
{
  size_t i = 0U;
  while (i < length && (text[i] == ' ' || text[i] == '\t')) {
    ++i;
  }
  size_t n = 0U;
  while (i + n < length && n < 2U && text[i + n] >= 'A' && text[i + n] <= 'Z') {
    code[n] = text[i + n];
    ++n;
  }
  code[n] = '\0';
  *start  = i + n;
  return i;
}

/* Whether the rest of a TX, TC or TA row is its final '.' (white space and a comment allowed). */
static size_t
bad_row_end(const char* const text, const size_t length, size_t i)
{
  while (i < length && (text[i] == ' ' || text[i] == '\t')) {
    ++i;
  }
  if (i == length || text[i] != '.') {
    return i + 1U;
  }
  for (++i; i < length && (text[i] == ' ' || text[i] == '\t'); ++i) {
  }
  return i == length || text[i] == '#' ? 0U : i + 1U;
}

/* Apply changes (in reverse order, A and D swapped, when `reverse`); undo them all if memory runs out. */
static AseankgStatus
apply_changes(AseankgGraph* const graph, const Changes* const list, const int reverse,
              const char* const file_name, AseankgError* const error)
{
  unsigned char* const done = (unsigned char*)calloc(list->count + 1U, 1U);
  AseankgStatus        st   = done ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  size_t               k    = 0U;
  for (; !st && k < list->count; ++k) {
    const Change* const change = &list->changes[reverse ? list->count - 1U - k : k];
    const AseankgQuad*  q      = &change->quad;
    if (change->add != reverse) {
      if (!aseankg_graph_contains(graph, q)) {
        st      = aseankg_graph_add(graph, q->subject, q->predicate, q->object, q->graph);
        done[k] = (unsigned char)(st ? 0U : 1U);
      }
    } else {
      done[k] = (unsigned char)(aseankg_graph_remove(graph, q) ? 1U : 0U);
    }
  }
  if (st && done) {
    /* Back to where the graph was: the quads removed were there before, so putting them back fits. */
    while (k-- > 0U) {
      const Change* const change = &list->changes[reverse ? list->count - 1U - k : k];
      const AseankgQuad*  q      = &change->quad;
      if (done[k] && change->add != reverse) {
        aseankg_graph_remove(graph, q);
      } else if (done[k]) {
        (void)aseankg_graph_add(graph, q->subject, q->predicate, q->object, q->graph);
      }
    }
  }
  free(done);
  return st ? aseankg_error_set(error, st, file_name, 0U, 0U, "out of memory") : ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_patch_apply_with(AseankgGraph* const graph, FILE* const stream, const char* const file_name,
                         const AseankgPatchOptions* const options, AseankgError* const error)
{
  assert(graph);
  assert(stream);
  AseankgLines lines;
  aseankg_lines_init(&lines, stream, file_name, ASEANKG_MAX_STATEMENT);
  Changes       list      = { NULL, 0U, 0U };
  size_t        tx_start  = 0U; /* the open transaction's first change */
  unsigned      tx_line   = 0U; /* the line of its TX row; 0 outside a transaction */
  int           any_block = 0;  /* a TX has been seen: H rows are over */
  int           more      = 1;
  AseankgStatus st        = ASEANKG_SUCCESS;

  for (;;) {
    TRY_CLEANUP(st, aseankg_lines_next(&lines, &more, error));
    if (!more) {
      break;
    }
    const char* const line   = lines.line.data ? lines.line.data : "";
    const size_t      length = lines.line.length;
    const unsigned    number = lines.number;

    char         code[3] = { 0 };
    size_t       start   = 0U;
    const size_t indent  = row_code(line, length, &start, code);
    const int    is_tx   = !strcmp(code, "TX");
    const int    is_end  = !strcmp(code, "TC") || !strcmp(code, "TA");
    const int    is_data = !strcmp(code, "A") || !strcmp(code, "D");
    const int    is_pfx  = !strcmp(code, "PA") || !strcmp(code, "PD");
    size_t       bad     = 0U;
    if (!code[0]) {
      if (indent < length && line[indent] != '#') {
        TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)indent + 1U,
                                          "expected a row code (H, TX, TC, TA, PA, PD, A or D)"));
      }
    } else if (!is_tx && !is_end && !is_data && !is_pfx && strcmp(code, "H")) {
      TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)indent + 1U,
                                        "unknown row code '%s'", code));
    } else if ((is_tx || is_end) && (bad = bad_row_end(line, length, start)) != 0U) {
      TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)bad,
                                        "expected '.' to end the %s row", code));
    } else if (!strcmp(code, "H")) {
      if (any_block) {
        TRY_CLEANUP(st, aseankg_error_set(
                          error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)indent + 1U,
                          "header row (H) after the first transaction: the header ends at the first TX"));
      }
    } else if (is_tx) {
      if (tx_line) {
        TRY_CLEANUP(
          st, aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)indent + 1U,
                                "TX inside the transaction begun at line %u (end it with TC or TA first)",
                                tx_line));
      }
      tx_line   = number;
      tx_start  = list.count;
      any_block = 1;
    } else if (is_end) {
      if (!tx_line) {
        TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)indent + 1U,
                                          "%s without a transaction to end (no TX before it)", code));
      }
      if (code[1] == 'A') {
        list.count = tx_start; /* abort: this block's changes are dropped, earlier blocks stand */
      }
      tx_line = 0U;
    } else if (!tx_line) {
      TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)indent + 1U,
                                        "%s row outside a transaction: changes belong between TX . and TC .",
                                        code));
    } else if (is_data) {
      AseankgQuad quad  = { 0U, 0U, 0U, 0U };
      size_t      first = start;
      while (first < length && (line[first] == ' ' || line[first] == '\t')) {
        ++first;
      }
      if (first < length && line[first] != '<' && line[first] != '_' && line[first] != '"') {
        TRY_CLEANUP(
          st, aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)first + 1U,
                                "prefixed names (from PA rows) are not supported: write terms in full"));
      }
      TRY_CLEANUP(st, aseankg_ntriples_read_row(graph, file_name, number, line, length, start, &quad, error));
      if (changes_push(&list, &quad, code[0] == 'A')) {
        TRY_CLEANUP(st, aseankg_error_set(error, ASEANKG_ERR_NOMEM, file_name, number, 1U, "out of memory"));
      }
    }
    /* PA and PD change the prefixes of the dataset, which a graph here does not keep. */
  }
  if (tx_line) {
    TRY_CLEANUP(
      st, aseankg_error_set(error, ASEANKG_ERR_DATA, file_name, tx_line, 1U,
                            "the transaction begun here is not committed (no TC . before the end of the "
                            "patch): the patch may be cut short, nothing was applied"));
  }
  st = apply_changes(graph, &list, options && options->reverse, file_name, error);

cleanup:
  free(list.changes);
  aseankg_lines_release(&lines);
  return st;
}

AseankgStatus
aseankg_patch_apply(AseankgGraph* const graph, FILE* const stream, const char* const file_name,
                    AseankgError* const error)
{
  return aseankg_patch_apply_with(graph, stream, file_name, NULL, error);
}
