/* RDF Patch rows applied to a graph, reusing the N-Quads statement reader for A and D rows. */
#include "aseankg/patch.h"

#include "aseankg/ntriples.h"

#include "lines.h"
#include "ntriples_private.h"

#include <stdlib.h>
#include <string.h>

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

AseankgStatus
aseankg_patch_apply(AseankgGraph* const graph, FILE* const stream, const char* const file_name,
                    AseankgError* const error)
{
  AseankgLines lines;
  aseankg_lines_init(&lines, stream, file_name, ASEANKG_MAX_STATEMENT);
  int           more = 1;
  AseankgStatus st   = ASEANKG_SUCCESS;

  while (!st && !(st = aseankg_lines_next(&lines, &more, error)) && more) {
    const char* const line   = lines.line.data ? lines.line.data : "";
    const size_t      length = lines.line.length;
    const unsigned    number = lines.number;

    char         code[3] = { 0 };
    size_t       start   = 0U;
    const size_t indent  = row_code(line, length, &start, code);
    if (!code[0]) {
      if (indent < length && line[indent] != '#') {
        st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)indent + 1U,
                               "expected a row code (H, TX, TC, TA, PA, PD, A or D)");
      }
    } else if (!strcmp(code, "A") || !strcmp(code, "D")) {
      AseankgQuad quad  = { 0U, 0U, 0U, 0U };
      size_t      first = start;
      while (first < length && (line[first] == ' ' || line[first] == '\t')) {
        ++first;
      }
      if (first < length && line[first] != '<' && line[first] != '_' && line[first] != '"') {
        st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)first + 1U,
                               "prefixed names (from PA rows) are not supported: write terms in full");
        break;
      }
      st = aseankg_ntriples_read_row(graph, file_name, number, line, length, start, &quad, error);
      if (!st && code[0] == 'A') {
        st = aseankg_graph_add(graph, quad.subject, quad.predicate, quad.object, quad.graph);
        if (st) {
          aseankg_error_set(error, st, file_name, number, 1U, "out of memory");
        }
      } else if (!st) {
        aseankg_graph_remove(graph, &quad);
      }
    } else if (!strcmp(code, "TA")) {
      st = aseankg_error_set(error, ASEANKG_ERR_DATA, file_name, number, (unsigned)indent + 1U,
                             "the patch aborts its transaction (TA)");
    } else if (strcmp(code, "H") && strcmp(code, "TX") && strcmp(code, "TC") && strcmp(code, "PA") &&
               strcmp(code, "PD")) {
      st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, file_name, number, (unsigned)indent + 1U,
                             "unknown row code '%s'", code);
    }
  }

  aseankg_lines_release(&lines);
  return st;
}
