/* SPARQL 1.1 Update on the store: rasqal parses the request, the operations run here in one transaction. */
#include "store_query.h"
#include "try.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* --- finding each operation's WHERE clause and USING clauses in the request text ---------------------- */

typedef struct {
  const char* text;
  size_t      length;
  size_t      i;
} Lexer;

static int
is_word_char(const char c)
{
  return isalnum((unsigned char)c) || c == '_' || c == ':' || c == '-' || (unsigned char)c >= 0x80U;
}

/* Skip a string, IRI or comment starting at lexer->i; returns whether one was skipped. */
static int
skip_opaque(Lexer* const lx)
{
  const char* const t = lx->text;
  const char        c = t[lx->i];
  if (c == '#') {
    while (lx->i < lx->length && t[lx->i] != '\n') {
      ++lx->i;
    }
    return 1;
  }
  if (c == '"' || c == '\'') {
    const int long_string = lx->i + 2U < lx->length && t[lx->i + 1U] == c && t[lx->i + 2U] == c;
    lx->i += long_string ? 3U : 1U;
    while (lx->i < lx->length) {
      if (t[lx->i] == '\\') {
        lx->i += 2U;
      } else if (t[lx->i] == c &&
                 (!long_string || (lx->i + 2U < lx->length && t[lx->i + 1U] == c && t[lx->i + 2U] == c))) {
        lx->i += long_string ? 3U : 1U;
        return 1;
      } else {
        ++lx->i;
      }
    }
    return 1;
  }
  if (c == '<') { /* an IRI holds no spaces; a comparison operator is followed by one or by '=' */
    size_t j = lx->i + 1U;
    while (j < lx->length && t[j] != '>' && !isspace((unsigned char)t[j]) && t[j] != '<' && t[j] != '"' &&
           t[j] != '{' && t[j] != '}') {
      ++j;
    }
    if (j < lx->length && t[j] == '>') {
      lx->i = j + 1U;
      return 1;
    }
  }
  return 0;
}

static int
keyword_at(const Lexer* const lx, const char* const word)
{
  const size_t n = strlen(word);
  return lx->i + n <= lx->length && !strncasecmp(lx->text + lx->i, word, n) &&
         (lx->i == 0U || !is_word_char(lx->text[lx->i - 1U])) &&
         (lx->i + n == lx->length || !is_word_char(lx->text[lx->i + n]));
}

/* One operation's pieces of text: the prologue so far, its USING clauses, its WHERE group. */
typedef struct {
  AseankgBuffer prologue;
  AseankgBuffer dataset;
  size_t        where_start;
  size_t        where_end;
  int           has_where;
  int           silent; /* SILENT given: rasqal 0.9.33 marks every CREATE silent */
} OperationText;

/* Scan the operation starting at lx->i (up to a ';' at depth 0); fills `op`. Returns 1 if it held a verb. */
static int
scan_operation(Lexer* const lx, OperationText* const op)
{
  static const char* const verbs[]    = { "INSERT", "DELETE", "CLEAR", "DROP", "CREATE",
                                          "ADD",    "MOVE",   "COPY",  "LOAD", "WITH" };
  int                      depth      = 0;
  int                      verb       = 0;
  size_t                   using_from = 0U;
  op->has_where                       = 0;
  op->silent                          = 0;
  aseankg_buffer_reset(&op->dataset);
  while (lx->i < lx->length) {
    if (skip_opaque(lx)) {
      continue;
    }
    const char c = lx->text[lx->i];
    if (depth == 0 && c == ';') {
      ++lx->i;
      break;
    }
    if (c == '{' || c == '(' || c == '[') {
      if (depth == 0 && op->has_where && !op->where_start) {
        op->where_start = lx->i;
      }
      ++depth;
    } else if (c == '}' || c == ')' || c == ']') {
      --depth;
      if (depth == 0 && op->has_where && op->where_start && !op->where_end) {
        op->where_end = lx->i + 1U;
      }
    } else if (depth == 0 && (keyword_at(lx, "PREFIX") || keyword_at(lx, "BASE"))) {
      /* copy up to and including the IRI */
      const size_t start = lx->i;
      while (lx->i < lx->length && lx->text[lx->i] != '<') {
        ++lx->i;
      }
      skip_opaque(lx);
      aseankg_buffer_append(&op->prologue, lx->text + start, lx->i - start);
      aseankg_buffer_append_byte(&op->prologue, '\n');
      continue;
    } else if (depth == 0 && keyword_at(lx, "SILENT")) {
      op->silent = 1;
    } else if (depth == 0 && keyword_at(lx, "USING")) {
      if (using_from) { /* the previous USING clause ends here */
        aseankg_buffer_append(&op->dataset, lx->text + using_from, lx->i - using_from);
      }
      aseankg_buffer_append_string(&op->dataset, " FROM ");
      lx->i += 5U;
      using_from = lx->i;
      continue;
    } else if (depth == 0 && keyword_at(lx, "WHERE")) {
      if (using_from) {
        aseankg_buffer_append(&op->dataset, lx->text + using_from, lx->i - using_from);
        using_from = 0U;
      }
      op->has_where   = 1;
      op->where_start = 0U;
      op->where_end   = 0U;
      lx->i += 5U;
      continue;
    } else if (depth == 0 && !verb) {
      for (size_t v = 0U; v < sizeof(verbs) / sizeof(verbs[0]); ++v) {
        verb |= keyword_at(lx, verbs[v]);
      }
    }
    ++lx->i;
  }
  return verb;
}

/*
   What rasqal 0.9.33's SPARQL 1.1 Update grammar gets wrong, and the request text it is given instead.
   The WHERE, USING and WITH clauses are always read from the original text (scan_operation() and
   plan_operations()), so rasqal only has to parse the templates and each operation's kind:
   - DELETE { } INSERT { } WHERE is taken only after WITH (SPARQL 1.1 Update 3.1.3 makes WITH
     optional): it is given as "DELETE { } WHERE { } ; INSERT { } WHERE { }", whose two parsed
     operations supply the templates of the one operation run here;
   - with WITH, it sets the graph of every template triple to the WITH graph, GRAPH blocks included:
     the WITH clause is blanked out and applied here;
   - USING is not a keyword of its lexer: the USING clauses are blanked out (and applied here);
   - DELETE WHERE with a GRAPH block, and DROP DEFAULT, DROP NAMED and DROP ALL, parse to no
     operation at all: they are given as DELETE { } WHERE { } and CLEAR (run as a drop);
   - ADD, MOVE and COPY do not take the optional GRAPH keyword: it is blanked out;
   - INSERT DATA and DELETE DATA take one run of triples, or one GRAPH block, and nothing after it
     ("unexpected GRAPH, expecting '}'"); and its parser's stack overflows ("memory exhausted") on a
     block of about 5000 triples: a DATA block of several runs (the triples outside GRAPH blocks, each
     GRAPH block) or of more than DATA_CHUNK triples is given as one operation per run of at most
     DATA_CHUNK triples (the same quads, in the same order; split_data()). Their parts are collected
     and applied together as the one operation they are, so a blank node label names one fresh node
     throughout the block (SPARQL 1.1 Update 3.1.1; rasqal keeps a label's text as written and
     names each [] "!<N>" by a counter over the whole request, a name no label can have).
   Blanking keeps every position; rasqal's positions in a rewritten operation can be off by a few
   columns after an insertion.
*/
typedef struct {
  size_t with_start; /* the IRI or prefixed name after WITH, or with_length 0 */
  size_t with_length;
  int    split; /* the operation is two parsed operations: DELETE's templates, then INSERT's */
  int    drop;  /* a DROP given to rasqal as CLEAR */
  size_t parts; /* INSERT DATA or DELETE DATA given as this many operations (0: not split) */
} OperationPlan;

typedef struct {
  OperationPlan* items;
  size_t         count;
  size_t         room;
} OperationPlans;

/* The end (one past the matching close) of the group opening at `open`, or the text's end. */
static size_t
group_end(const char* const text, const size_t length, const size_t open)
{
  Lexer lx    = { text, length, open };
  int   depth = 0;
  while (lx.i < lx.length) {
    if (skip_opaque(&lx)) {
      continue;
    }
    const char c = text[lx.i++];
    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    if (depth == 0) {
      break;
    }
  }
  return lx.i;
}

/* The next position after `i` that is neither white space nor a comment. */
static size_t
next_token(const char* const text, const size_t length, size_t i)
{
  while (i < length) {
    if (isspace((unsigned char)text[i])) {
      ++i;
    } else if (text[i] == '#') {
      while (i < length && text[i] != '\n') {
        ++i;
      }
    } else {
      break;
    }
  }
  return i;
}

/* The end of the IRI or prefixed name starting at `i`. */
static size_t
name_end(const char* const text, const size_t length, const size_t i)
{
  Lexer lx = { text, length, i };
  if (!skip_opaque(&lx)) {
    while (lx.i < length && (is_word_char(text[lx.i]) || text[lx.i] == '.')) {
      ++lx.i;
    }
  }
  return lx.i;
}

/* The position of DATA when it is the next word after `i`, else 0. */
static size_t
data_keyword(const char* const text, const size_t length, const size_t i)
{
  const Lexer lx = { text, length, next_token(text, length, i) };
  return keyword_at(&lx, "DATA") ? lx.i : 0U;
}

/* One change to the text rasqal parses: [start, end) becomes `text`, or blanks when it is NULL. */
typedef struct {
  size_t      start;
  size_t      end;
  const char* text;
  size_t      text_length;
} Edit;

enum { MAX_EDITS = 8 };

static void
add_edit(Edit* const edits, size_t* const n, const size_t start, const size_t end, const char* const text,
         const size_t text_length)
{
  if (*n < MAX_EDITS) {
    const Edit edit = { start, end, text, text_length };
    edits[(*n)++]   = edit;
  }
}

static int
compare_edits(const void* const a, const void* const b)
{
  const size_t x = ((const Edit*)a)->start;
  const size_t y = ((const Edit*)b)->start;
  return x < y ? -1 : x > y;
}

enum { DATA_CHUNK = 2000 };

/* One run of statements of a DATA block: `graph` names their GRAPH block (0: none). */
typedef struct {
  size_t graph_start;
  size_t graph_length;
  size_t start; /* of the first statement */
  size_t count; /* statements */
} DataRun;

/* The end of the statement starting at `i` (after its '.', or at the group's close), within `end`. */
static size_t
statement_end(const char* const text, const size_t end, const size_t i)
{
  Lexer lx    = { text, end, i };
  int   depth = 0;
  while (lx.i < end) {
    if (skip_opaque(&lx)) {
      continue;
    }
    const char c = text[lx.i];
    if (depth == 0 && (c == '}' || (lx.i > i && keyword_at(&lx, "GRAPH")))) {
      return lx.i; /* the group's close, or a GRAPH block after a statement without its '.' */
    }
    depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
    ++lx.i;
    if (depth == 0 && c == '.' && (lx.i >= end || isspace((unsigned char)text[lx.i]) || text[lx.i] == '}')) {
      return lx.i;
    }
  }
  return end;
}

/* Whether the word at `i` (within `end`) is the keyword GRAPH. */
static int
graph_at(const char* const text, const size_t end, const size_t i)
{
  const Lexer at = { text, end, i };
  return keyword_at(&at, "GRAPH");
}

/* Write `verb` DATA { … } from its '{' at `open` as one operation per run (the triples outside GRAPH
 * blocks up to the next GRAPH block, and each GRAPH block) of at most DATA_CHUNK statements each.
 * Returns the number of operations written, or 0 when the block is one run of at most DATA_CHUNK
 * statements, which rasqal parses as it is. The caller applies the parts as one operation, so a
 * blank node label stays one node across them. */
static size_t
split_data(const char* const text, const size_t open, const char* const verb, AseankgBuffer* const out)
{
  const size_t length = strlen(text);
  const size_t close  = group_end(text, length, open) - 1U; /* the '}' */
  size_t       total  = 0U;
  size_t       runs   = 0U;
  for (size_t pass = 0U; pass < 2U; ++pass) {
    size_t written = 0U;
    size_t i       = next_token(text, close, open + 1U);
    while (i < close) {
      DataRun run   = { 0U, 0U, i, 0U };
      size_t  end   = close;
      size_t  after = close; /* where the next run starts */
      if (graph_at(text, close, i)) {
        run.graph_start    = next_token(text, close, i + 5U);
        run.graph_length   = name_end(text, close, run.graph_start) - run.graph_start;
        const size_t inner = next_token(text, close, run.graph_start + run.graph_length);
        if (inner >= close || text[inner] != '{') {
          return 0U; /* not a GRAPH block: rasqal reports it */
        }
        end       = group_end(text, close + 1U, inner) - 1U;
        run.start = next_token(text, end, inner + 1U);
        after     = next_token(text, close, end + 1U);
        if (after < close && text[after] == '.') { /* QuadsNotTriples '.'? */
          after = next_token(text, close, after + 1U);
        }
      }
      size_t chunk_start = run.start;
      size_t in_chunk    = 0U;
      for (size_t s = run.start; s < end;) {
        const size_t stop = statement_end(text, end, s);
        const size_t next = next_token(text, end, stop);
        const int    last = next >= end || (!run.graph_length && graph_at(text, end, next));
        ++total;
        if (pass == 1U && (++in_chunk == DATA_CHUNK || last)) {
          aseankg_buffer_append_string(out, written++ ? " ;\n" : "");
          aseankg_buffer_printf(out, "%s DATA { ", verb);
          if (run.graph_length) {
            aseankg_buffer_append_string(out, "GRAPH ");
            aseankg_buffer_append(out, text + run.graph_start, run.graph_length);
            aseankg_buffer_append_string(out, " { ");
          }
          aseankg_buffer_append(out, text + chunk_start, stop - chunk_start);
          aseankg_buffer_append_string(out, run.graph_length ? " } }" : " }");
          in_chunk    = 0U;
          chunk_start = next;
        }
        if (stop == s) {
          return 0U; /* no progress: not a block this walk understands */
        }
        s = next;
        if (last && !run.graph_length) {
          after = next;
          break;
        }
      }
      runs += pass == 0U;
      if (after <= i) {
        return 0U;
      }
      i = after;
    }
    if (pass == 0U && total <= DATA_CHUNK && runs <= 1U) {
      return 0U;
    }
    if (pass == 1U) {
      return written;
    }
  }
  return 0U;
}

static AseankgStatus
plan_operations(const char* const request, AseankgBuffer* const out, OperationPlans* const plans)
{
  const size_t length = strlen(request);
  size_t       copied = 0U;
  Lexer        lx     = { request, length, 0U };
  while (lx.i < lx.length) {
    /* One operation: up to a ';' at depth 0. */
    OperationPlan plan         = { 0U, 0U, 0, 0, 0U };
    int           verb         = 0;
    int           transfer     = 0; /* ADD, MOVE or COPY */
    int           depth        = 0;
    size_t        delete_open  = 0U; /* the '{' of a DELETE template, or 0 */
    size_t        delete_where = 0U; /* the WHERE of DELETE WHERE, or 0 */
    size_t        insert_at    = 0U; /* the INSERT keyword after a DELETE template, or 0 */
    size_t        using_at     = 0U; /* the first USING, or 0 */
    size_t        data_at      = 0U; /* the verb of INSERT DATA or DELETE DATA */
    size_t        data_open    = 0U; /* its '{', or 0 */
    Edit          edits[MAX_EDITS];
    size_t        n_edits = 0U;
    while (lx.i < lx.length) {
      if (skip_opaque(&lx)) {
        continue;
      }
      const char c = request[lx.i];
      if (depth == 0 && c == ';') {
        break;
      }
      if (c == '{' || c == '(' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ')' || c == ']') {
        --depth;
      } else if (depth == 0 && !verb && keyword_at(&lx, "WITH")) {
        verb             = 1;
        plan.with_start  = next_token(request, length, lx.i + 4U);
        plan.with_length = name_end(request, length, plan.with_start) - plan.with_start;
        add_edit(edits, &n_edits, lx.i, plan.with_start + plan.with_length, NULL, 0U);
        lx.i = plan.with_start + plan.with_length;
        continue;
      } else if (depth == 0 && !verb && (keyword_at(&lx, "INSERT") || keyword_at(&lx, "DELETE")) &&
                 data_keyword(request, length, lx.i + 6U)) {
        verb      = 1;
        data_at   = lx.i;
        data_open = next_token(request, length, data_keyword(request, length, lx.i + 6U) + 4U);
      } else if (depth == 0 && keyword_at(&lx, "DELETE")) {
        verb               = 1;
        const size_t after = next_token(request, length, lx.i + 6U);
        delete_open        = after < length && request[after] == '{' ? after : 0U;
        Lexer next         = { request, length, after };
        delete_where       = !delete_open && keyword_at(&next, "WHERE") ? after : 0U;
      } else if (depth == 0 && delete_open && !insert_at && keyword_at(&lx, "INSERT")) {
        insert_at = lx.i;
      } else if (depth == 0 && keyword_at(&lx, "USING")) {
        using_at = using_at ? using_at : lx.i;
      } else if (depth == 0 && using_at && keyword_at(&lx, "WHERE")) {
        add_edit(edits, &n_edits, using_at, lx.i, NULL, 0U);
        using_at = 0U;
      } else if (depth == 0 && transfer && keyword_at(&lx, "GRAPH")) {
        add_edit(edits, &n_edits, lx.i, lx.i + 5U, NULL, 0U);
      } else if (depth == 0 && !verb && keyword_at(&lx, "DROP")) {
        verb      = 1;
        plan.drop = 1;
        add_edit(edits, &n_edits, lx.i, lx.i + 4U, "CLEAR", 5U);
      } else if (depth == 0 && !verb) {
        static const char* const verbs[] = { "INSERT", "CLEAR", "CREATE", "LOAD", "ADD", "MOVE", "COPY" };
        for (size_t v = 0U; v < sizeof(verbs) / sizeof(verbs[0]); ++v) {
          if (keyword_at(&lx, verbs[v])) {
            verb     = 1;
            transfer = v >= 4U;
          }
        }
      }
      ++lx.i;
    }
    const size_t op_end = lx.i;
    if (lx.i < lx.length) {
      ++lx.i; /* the ';' */
    }
    if (!verb) {
      continue;
    }
    if (data_open && data_open < length && request[data_open] == '{') {
      AseankgBuffer chunks = { NULL, 0U, 0U };
      plan.parts =
        split_data(request, data_open,
                   request[data_at] == 'I' || request[data_at] == 'i' ? "INSERT" : "DELETE", &chunks);
      if (plan.parts) {
        aseankg_buffer_append(out, request + copied, data_at - copied);
        aseankg_buffer_append(out, chunks.data, chunks.length);
        copied = op_end;
      }
      aseankg_buffer_release(&chunks);
    }
    size_t tail = op_end; /* the operation's text after `tail` is replaced by `tail_text` */
    if (insert_at) {
      tail       = group_end(request, length, delete_open);
      plan.split = 1;
    } else if (delete_where) {
      const size_t close = group_end(request, length, next_token(request, length, delete_where + 5U));
      add_edit(edits, &n_edits, delete_where, delete_where + 5U, NULL, 0U);
      add_edit(edits, &n_edits, close, close, " WHERE {}", 9U);
    }
    if (n_edits == MAX_EDITS) {
      return ASEANKG_ERR_SYNTAX;
    }
    qsort(edits, n_edits, sizeof(Edit), compare_edits);
    for (size_t e = 0U; e < n_edits && edits[e].start < tail; ++e) {
      aseankg_buffer_append(out, request + copied, edits[e].start - copied);
      if (edits[e].text) {
        aseankg_buffer_append(out, edits[e].text, edits[e].text_length);
      } else {
        for (size_t i = edits[e].start; i < edits[e].end; ++i) {
          aseankg_buffer_append_byte(out, request[i] == '\n' ? '\n' : ' ');
        }
      }
      copied = edits[e].end;
    }
    if (plan.split) {
      const size_t insert_open = next_token(request, length, insert_at + 6U);
      const size_t insert_end  = group_end(request, length, insert_open);
      aseankg_buffer_append(out, request + copied, tail - copied);
      aseankg_buffer_append_string(out, " WHERE {} ; INSERT ");
      aseankg_buffer_append(out, request + insert_open, insert_end - insert_open);
      aseankg_buffer_append_string(out, " WHERE {}");
      copied = op_end;
    }
    if (plans->count == plans->room) {
      plans->room                = plans->room ? plans->room * 2U : 8U;
      OperationPlan* const grown = (OperationPlan*)realloc(plans->items, plans->room * sizeof(OperationPlan));
      if (!grown) {
        return ASEANKG_ERR_NOMEM;
      }
      plans->items = grown;
    }
    plans->items[plans->count++] = plan;
  }
  aseankg_buffer_append(out, request + copied, length - copied);
  return out->data ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
}

/* --- executing ----------------------------------------------------------------------------------------- */

typedef struct {
  StoreQuery      query;
  uint64_t        with_graph; /* WITH, or 0 */
  AseankgGraph*   terms;      /* terms of instantiated templates */
  unsigned char*  fresh;      /* by term id in `terms`: a template blank node, new to the store */
  size_t          fresh_room;
  AseankgQuadList deletes;
  AseankgQuadList inserts;
  int             defer; /* a part of a split DATA block that is not the last: apply() waits for it */
  AseankgError*   error;
  const char*     source; /* the request's name in errors */
} Update;

static AseankgStatus
fail_nomem(Update* const u)
{
  return aseankg_error_set(u->error, ASEANKG_ERR_NOMEM, u->source, 0U, 0U, "out of memory");
}

static AseankgStatus
mark_fresh(Update* const u, const AseankgTermId id)
{
  if (id >= u->fresh_room) {
    const size_t         room  = ((size_t)id + 1U) * 2U;
    unsigned char* const grown = (unsigned char*)realloc(u->fresh, room);
    if (!grown) {
      return fail_nomem(u);
    }
    memset(grown + u->fresh_room, 0, room - u->fresh_room);
    u->fresh      = grown;
    u->fresh_room = room;
  }
  u->fresh[id] = 1U;
  return ASEANKG_SUCCESS;
}

/* A template part as a term of u->terms: 0 if unbound (the quad is skipped). */
static AseankgTermId
instantiate(Update* const u, rasqal_literal* literal, rasqal_query_results* const results, const unsigned row,
            AseankgStatus* const st)
{
  if (literal && literal->type == RASQAL_LITERAL_VARIABLE) {
    rasqal_variable* const v = literal->value.variable;
    literal = results ? rasqal_query_results_get_binding_value_by_name(results, v->name) : v->value;
    if (!literal) {
      return 0U;
    }
    const AseankgTermId id = aseankg_store__from_rasqal(u->terms, literal);
    *st                    = id ? ASEANKG_SUCCESS : fail_nomem(u);
    return id;
  }
  if (!literal) {
    return 0U;
  }
  if (literal->type == RASQAL_LITERAL_BLANK) { /* a new blank node per solution */
    const size_t        size  = (size_t)literal->string_len + 16U;
    char* const         label = (char*)malloc(size);
    const int           n  = label ? snprintf(label, size, "t%u-%s", row, (const char*)literal->string) : -1;
    const AseankgTermId id = n > 0 ? aseankg_graph_blank(u->terms, label, (size_t)n) : 0U;
    free(label);
    *st = id ? mark_fresh(u, id) : fail_nomem(u);
    return id;
  }
  const AseankgTermId id = aseankg_store__from_rasqal(u->terms, literal);
  *st                    = id ? ASEANKG_SUCCESS : fail_nomem(u);
  return id;
}

/* Instantiate every template of `templates` for the current solution into `list`. */
static AseankgStatus
instantiate_all(Update* const u, raptor_sequence* const templates, rasqal_query_results* const results,
                const unsigned row, AseankgQuadList* const list, const int deleting)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  const int     n  = templates ? raptor_sequence_size(templates) : 0;
  for (int i = 0; !st && i < n; ++i) {
    rasqal_triple* const t = (rasqal_triple*)raptor_sequence_get_at(templates, i);
    AseankgQuad          q = { 0U, 0U, 0U, 0U };
    q.subject              = instantiate(u, t->subject, results, row, &st);
    q.predicate            = st ? 0U : instantiate(u, t->predicate, results, row, &st);
    q.object               = st ? 0U : instantiate(u, t->object, results, row, &st);
    if (t->origin) {
      q.graph = st ? 0U : instantiate(u, t->origin, results, row, &st);
      if (!q.graph) {
        continue;
      }
    }
    if (st || !q.subject || !q.predicate || !q.object) {
      continue;
    }
    const AseankgTerm* const s = aseankg_graph_term(u->terms, q.subject);
    const AseankgTerm* const p = aseankg_graph_term(u->terms, q.predicate);
    if (s->kind == ASEANKG_TERM_LITERAL || p->kind != ASEANKG_TERM_IRI ||
        (q.graph && aseankg_graph_term(u->terms, q.graph)->kind != ASEANKG_TERM_IRI)) {
      continue; /* SPARQL 1.1 Update 3.1.3: an instantiation that is not valid RDF is left out */
    }
    (void)deleting;
    st = aseankg_quad_list_append(list, &q) ? fail_nomem(u) : ASEANKG_SUCCESS;
  }
  return st;
}

/* The store id of a term of u->terms: looked up for deletions, added (or made fresh) for insertions. */
static AseankgStatus
store_id(Update* const u, uint64_t* const map, const AseankgTermId term, const int adding, uint64_t* const id)
{
  if (map[term]) {
    *id = map[term];
    return ASEANKG_SUCCESS;
  }
  const AseankgTerm* const t  = aseankg_graph_term(u->terms, term);
  AseankgStatus            st = ASEANKG_SUCCESS;
  if (adding && term < u->fresh_room && u->fresh[term]) {
    st = aseankg_store__fresh_blank(u->query.store, id, u->error);
  } else if (adding) {
    st = aseankg_store__intern(u->query.store, t->key, t->key_length, id, u->error);
  } else {
    st = aseankg_store__lookup(u->query.store, t->key, t->key_length, id, u->error);
  }
  map[term] = st ? 0U : *id;
  return st;
}

/* Apply the collected deletions, then insertions, to the store. */
static AseankgStatus
apply(Update* const u)
{
  uint64_t* const map = (uint64_t*)calloc(aseankg_graph_term_count(u->terms) + 1U, sizeof(uint64_t));
  AseankgStatus   st  = ASEANKG_SUCCESS;
  if (!map) {
    aseankg_quad_list_release(&u->deletes);
    aseankg_quad_list_release(&u->inserts);
    return fail_nomem(u);
  }
  for (int adding = 0; adding < 2; ++adding) {
    const AseankgQuadList* const list = adding ? &u->inserts : &u->deletes;
    for (size_t i = 0U; !st && i < list->count; ++i) {
      const AseankgQuad* const q        = &list->quads[i];
      uint64_t                 quad[4]  = { 0U, 0U, 0U, u->with_graph };
      const AseankgTermId      parts[4] = { q->subject, q->predicate, q->object, q->graph };
      int                      missing  = 0;
      for (unsigned p = 0U; !st && p < 4U && !missing; ++p) {
        if (p == STORE_G && !parts[p]) {
          break;
        }
        st      = store_id(u, map, parts[p], adding, &quad[p]);
        missing = !quad[p];
      }
      int changed = 0;
      if (!st && !missing) {
        st = adding ? aseankg_store__add(u->query.store, quad, &changed, u->error)
                    : aseankg_store__remove(u->query.store, quad, &changed, u->error);
      }
    }
  }
  free(map);
  aseankg_quad_list_release(&u->deletes);
  aseankg_quad_list_release(&u->inserts);
  return st;
}

static AseankgStatus
uri_graph(Update* const u, raptor_uri* const uri, const int adding, uint64_t* const id)
{
  *id = 0U;
  if (!uri) {
    return ASEANKG_SUCCESS;
  }
  size_t                     n    = 0U;
  const unsigned char* const text = raptor_uri_as_counted_string(uri, &n);
  const AseankgTermId        term = aseankg_graph_iri(u->terms, (const char*)text, n);
  if (!term) {
    return fail_nomem(u);
  }
  const AseankgTerm* const t = aseankg_graph_term(u->terms, term);
  return adding ? aseankg_store__intern(u->query.store, t->key, t->key_length, id, u->error)
                : aseankg_store__lookup(u->query.store, t->key, t->key_length, id, u->error);
}

/* DELETE/INSERT with a WHERE clause: evaluate it as a SELECT, instantiate the templates per solution. */
static AseankgStatus
run_where(Update* const u, raptor_sequence* const deletes, raptor_sequence* const inserts,
          const OperationText* const text, const char* const request)
{
  AseankgBuffer select = { NULL, 0U, 0U };
  aseankg_buffer_append(&select, text->prologue.data ? text->prologue.data : "", text->prologue.length);
  aseankg_buffer_append_string(&select, "SELECT * ");
  aseankg_buffer_append(&select, text->dataset.data ? text->dataset.data : "", text->dataset.length);
  aseankg_buffer_append_string(&select, " WHERE ");
  aseankg_buffer_append(&select, request + text->where_start, text->where_end - text->where_start);
  AseankgStatus         st      = ASEANKG_SUCCESS;
  rasqal_query*         rq      = NULL;
  rasqal_query_results* results = NULL;
  if (!select.data || !(rq = rasqal_new_query(u->query.world, "sparql11-query", NULL))) {
    st = fail_nomem(u);
    goto cleanup;
  }
  TRY_CLEANUP(st, aseankg_store__query_prepare(&u->query, rq, select.data));
  if (u->with_graph && !u->query.explicit_dataset) {
    u->query.with_graph = u->with_graph;
  }
  if (!(results = rasqal_query_execute(rq))) {
    st = u->error->status
           ? u->error->status
           : aseankg_error_set(u->error, ASEANKG_ERR_SYNTAX, u->source, 1U, 1U, "cannot evaluate WHERE");
    goto cleanup;
  }
  for (unsigned row = 0U; !rasqal_query_results_finished(results);
       rasqal_query_results_next(results), ++row) {
    TRY_CLEANUP(st, instantiate_all(u, deletes, results, row, &u->deletes, 1));
    TRY_CLEANUP(st, instantiate_all(u, inserts, results, row, &u->inserts, 0));
  }
  st = u->error->status;
cleanup:
  if (results) {
    rasqal_free_query_results(results);
  }
  if (rq) {
    rasqal_free_query(rq);
  }
  u->query.with_graph = 0U;
  aseankg_buffer_release(&select);
  return st;
}

/* Copy every quad of graph `from` into graph `to`. */
static AseankgStatus
add_graph(Update* const u, const uint64_t from, const uint64_t to)
{
  uint64_t        pattern[4] = { 0U, 0U, 0U, from };
  StoreScan       scan;
  AseankgQuadList copy = { NULL, 0U, 0U };
  AseankgStatus st = aseankg_store__scan_open(u->query.store, &scan, pattern, STORE_BOUND(STORE_G), u->error);
  int           more = 0;
  while (!st && (more = aseankg_store__scan_next(&scan)) > 0) {
    /* quad lists hold 32-bit ids: keep the 64-bit ids in pairs of entries */
    const AseankgQuad hi = { (AseankgTermId)(scan.quad[0] >> 32U), (AseankgTermId)(scan.quad[1] >> 32U),
                             (AseankgTermId)(scan.quad[2] >> 32U), 0U };
    const AseankgQuad lo = { (AseankgTermId)scan.quad[0], (AseankgTermId)scan.quad[1],
                             (AseankgTermId)scan.quad[2], 0U };
    st = aseankg_quad_list_append(&copy, &hi) || aseankg_quad_list_append(&copy, &lo) ? fail_nomem(u)
                                                                                      : ASEANKG_SUCCESS;
  }
  aseankg_store__scan_close(&scan);
  if (!st && more < 0) {
    st = aseankg_error_set(u->error, ASEANKG_ERR_DATA, u->query.store->path, 0U, 0U,
                           "the store is damaged (index)");
  }
  if (st) {
    goto cleanup;
  }
  if (to) {
    TRY_CLEANUP(st, aseankg_store__graph_create(u->query.store, to, u->error));
  }
  for (size_t i = 0U; i + 1U < copy.count; i += 2U) {
    const AseankgQuad* const hi      = &copy.quads[i];
    const AseankgQuad* const lo      = &copy.quads[i + 1U];
    const uint64_t           quad[4] = { ((uint64_t)hi->subject << 32U) | lo->subject,
                                         ((uint64_t)hi->predicate << 32U) | lo->predicate,
                                         ((uint64_t)hi->object << 32U) | lo->object, to };
    int                      changed = 0;
    TRY_CLEANUP(st, aseankg_store__add(u->query.store, quad, &changed, u->error));
  }
cleanup:
  aseankg_quad_list_release(&copy);
  return st;
}

static AseankgStatus
graph_must_exist(Update* const u, const uint64_t g, raptor_uri* const uri, const int silent,
                 int* const exists)
{
  uint64_t      count = 0U;
  AseankgStatus st    = ASEANKG_SUCCESS;
  *exists             = 0;
  if (!uri) {
    *exists = 1;
    return st;
  }
  st = g ? aseankg_store__graph_info(u->query.store, g, exists, &count, u->error) : st;
  if (!st && !*exists && !silent) {
    st = aseankg_error_set(u->error, ASEANKG_ERR_DATA, u->source, 0U, 0U, "the store holds no graph <%s>",
                           (const char*)raptor_uri_as_string(uri));
  }
  return st;
}

/* CLEAR and DROP: one graph, the default graph, every named graph, or all. */
static AseankgStatus
run_clear(Update* const u, rasqal_update_operation* const op, const int drop)
{
  const int     silent = op->flags & RASQAL_UPDATE_FLAGS_SILENT;
  AseankgStatus st     = ASEANKG_SUCCESS;
  if (op->applies == RASQAL_UPDATE_GRAPH_ONE && op->graph_uri) {
    uint64_t g      = 0U;
    int      exists = 0;
    TRY(st, uri_graph(u, op->graph_uri, 0, &g));
    TRY(st, graph_must_exist(u, g, op->graph_uri, silent, &exists));
    return exists ? aseankg_store__graph_clear(u->query.store, g, drop, u->error) : ASEANKG_SUCCESS;
  }
  if (op->applies != RASQAL_UPDATE_GRAPH_NAMED) {
    st = aseankg_store__graph_clear(u->query.store, 0U, drop, u->error);
  }
  if (!st && op->applies != RASQAL_UPDATE_GRAPH_DEFAULT && op->applies != RASQAL_UPDATE_GRAPH_ONE) {
    uint64_t* graphs = NULL;
    size_t    n      = 0U;
    st               = aseankg_store__named_graphs(u->query.store, &graphs, &n, u->error);
    for (size_t i = 0U; !st && i < n; ++i) {
      st = aseankg_store__graph_clear(u->query.store, graphs[i], drop, u->error);
    }
    free(graphs);
  }
  return st;
}

/* ADD, MOVE and COPY: source in graph_uri, destination in document_uri, NULL meaning the default graph. */
static AseankgStatus
run_transfer(Update* const u, rasqal_update_operation* const op)
{
  const int     silent = op->flags & RASQAL_UPDATE_FLAGS_SILENT;
  uint64_t      from   = 0U;
  uint64_t      to     = 0U;
  int           exists = 0;
  AseankgStatus st     = ASEANKG_SUCCESS;
  TRY(st, uri_graph(u, op->graph_uri, 0, &from));
  TRY(st, graph_must_exist(u, from, op->graph_uri, silent, &exists));
  if (!exists) {
    return ASEANKG_SUCCESS;
  }
  TRY(st, uri_graph(u, op->document_uri, 1, &to));
  if (from == to) {
    return ASEANKG_SUCCESS;
  }
  if (op->type != RASQAL_UPDATE_TYPE_ADD) {
    TRY(st, aseankg_store__graph_clear(u->query.store, to, 0, u->error));
  }
  TRY(st, add_graph(u, from, to));
  if (op->type == RASQAL_UPDATE_TYPE_MOVE) {
    TRY(st, aseankg_store__graph_clear(u->query.store, from, 1, u->error));
  }
  return ASEANKG_SUCCESS;
}

/* The graph of WITH `name` (an IRI or a prefixed name of the request's prologue), resolved by rasqal. */
static AseankgStatus
with_graph(Update* const u, const OperationText* const text, const char* const name, const size_t length,
           uint64_t* const id)
{
  AseankgBuffer select = { NULL, 0U, 0U };
  aseankg_buffer_append(&select, text->prologue.data ? text->prologue.data : "", text->prologue.length);
  aseankg_buffer_append_string(&select, "SELECT * FROM ");
  aseankg_buffer_append(&select, name, length);
  aseankg_buffer_append_string(&select, " WHERE {}");
  rasqal_query* const rq = select.data ? rasqal_new_query(u->query.world, "sparql11-query", NULL) : NULL;
  AseankgStatus       st = ASEANKG_SUCCESS;
  if (!rq) {
    aseankg_buffer_release(&select);
    return fail_nomem(u);
  }
  if (rasqal_query_prepare(rq, (const unsigned char*)select.data, NULL)) {
    st = u->error->status
           ? u->error->status
           : aseankg_error_set(u->error, ASEANKG_ERR_SYNTAX, u->source, 1U, 1U, "WITH names no graph");
  }
  rasqal_data_graph* const graph = st ? NULL : rasqal_query_get_data_graph(rq, 0);
  if (!st && graph && graph->uri) {
    st = uri_graph(u, graph->uri, 1, id);
  } else if (!st) {
    st = aseankg_error_set(u->error, ASEANKG_ERR_SYNTAX, u->source, 1U, 1U, "WITH names no graph");
  }
  rasqal_free_query(rq);
  aseankg_buffer_release(&select);
  return st;
}

/* One operation of the request: `op` as rasqal parsed it, `insert_op` the second half of a split
 * DELETE/INSERT (see plan_operations()), `plan` its WITH, `text` its clauses in `request`. */
static AseankgStatus
run_operation(Update* const u, rasqal_update_operation* const op, rasqal_update_operation* const insert_op,
              const OperationPlan* const plan, const OperationText* const text, const char* const request)
{
  const int silent = op->flags & RASQAL_UPDATE_FLAGS_SILENT;
  switch (op->type) {
    case RASQAL_UPDATE_TYPE_CREATE: {
      uint64_t      g      = 0U;
      int           exists = 0;
      uint64_t      count  = 0U;
      AseankgStatus st     = ASEANKG_SUCCESS;
      TRY(st, uri_graph(u, op->graph_uri, 1, &g));
      TRY(st, aseankg_store__graph_info(u->query.store, g, &exists, &count, u->error));
      if (exists && !text->silent) {
        return aseankg_error_set(u->error, ASEANKG_ERR_DATA, u->source, 0U, 0U,
                                 "the graph <%s> already exists",
                                 (const char*)raptor_uri_as_string(op->graph_uri));
      }
      return aseankg_store__graph_create(u->query.store, g, u->error);
    }
    case RASQAL_UPDATE_TYPE_CLEAR:
      return run_clear(u, op, plan->drop);
    case RASQAL_UPDATE_TYPE_DROP:
      return run_clear(u, op, 1);
    case RASQAL_UPDATE_TYPE_ADD:
    case RASQAL_UPDATE_TYPE_MOVE:
    case RASQAL_UPDATE_TYPE_COPY:
      return run_transfer(u, op);
    case RASQAL_UPDATE_TYPE_UPDATE: {
      raptor_sequence* const deletes = op->delete_templates;
      raptor_sequence* const inserts = insert_op ? insert_op->insert_templates : op->insert_templates;
      AseankgStatus          st      = ASEANKG_SUCCESS;
      if (plan->with_length) {
        TRY_CLEANUP(st, with_graph(u, text, request + plan->with_start, plan->with_length, &u->with_graph));
      }
      if (op->flags & RASQAL_UPDATE_FLAGS_DATA) {
        TRY_CLEANUP(st, instantiate_all(u, deletes, NULL, 0U, &u->deletes, 1));
        TRY_CLEANUP(st, instantiate_all(u, inserts, NULL, 0U, &u->inserts, 0));
      } else if (text->has_where && text->where_end > text->where_start) {
        TRY_CLEANUP(st, run_where(u, deletes, inserts, text, request));
      } else {
        st = aseankg_error_set(u->error, ASEANKG_ERR_SYNTAX, u->source, 1U, 1U,
                               "cannot find the WHERE clause of an operation");
        goto cleanup;
      }
      if (!u->defer) {
        TRY_CLEANUP(st, apply(u));
      }
    cleanup:
      u->with_graph = 0U;
      return st;
    }
    case RASQAL_UPDATE_TYPE_LOAD:
    case RASQAL_UPDATE_TYPE_UNKNOWN:
    default:
      return silent ? ASEANKG_SUCCESS
                    : aseankg_error_set(u->error, ASEANKG_ERR_USAGE, u->source, 0U, 0U,
                                        "LOAD is not supported by the embedded store (it reads no network)");
  }
}

/* Whether `request` holds nothing but white space and comments: SPARQL 1.1's empty Update (§19.8,
 * `Update ::= Prologue ( Update1 ( ';' Update )? )?`), which rasqal's grammar refuses. */
static int
is_empty_request(const char* text)
{
  for (; *text; ++text) {
    if (*text == '#') {
      while (text[1] && text[1] != '\n') {
        ++text;
      }
    } else if (*text != ' ' && *text != '\t' && *text != '\r' && *text != '\n') {
      return 0;
    }
  }
  return 1;
}

AseankgStatus
aseankg_store_update(AseankgStore* const store, const char* const request, const char* const source,
                     const AseankgStoreDefaultGraph default_graph, AseankgError* const error)
{
  if (is_empty_request(request)) {
    return store->writable ? ASEANKG_SUCCESS
                           : aseankg_error_set(error, ASEANKG_ERR_USAGE, store->path, 0U, 0U,
                                               "the store is open for reading only");
  }
  Update u;
  memset(&u, 0, sizeof(u));
  u.error                       = error;
  u.source                      = source;
  AseankgBuffer       rewritten = { NULL, 0U, 0U };
  OperationPlans      plans     = { NULL, 0U, 0U };
  const AseankgStatus planned   = plan_operations(request, &rewritten, &plans);
  if (planned) {
    aseankg_buffer_release(&rewritten);
    free(plans.items);
    return planned == ASEANKG_ERR_NOMEM
             ? aseankg_error_set(error, planned, source, 0U, 0U, "out of memory")
             : aseankg_error_set(error, planned, source, 1U, 1U, "an operation too complex to rewrite");
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  rasqal_query* rq = NULL;
  Lexer         lx = { request, strlen(request), 0U };
  OperationText text;
  memset(&text, 0, sizeof(text));
  rasqal_update_operation* op        = NULL;
  const OperationPlan      no_plan   = { 0U, 0U, 0, 0, 0U };
  size_t                   operation = 0U;
  size_t                   expected  = 0U;
  size_t                   parsed    = 0U;
  TRY_CLEANUP(st, aseankg_store_begin(store, error));
  TRY_CLEANUP(st, aseankg_store__query_start(&u.query, store, default_graph, source, error));
  /* rasqal names each [] "bnodeid<N>", which a label _:bnodeid1 of the request would also name: '!'
   * can start no blank node label (SPARQL 1.1 Query 19.8, BLANK_NODE_LABEL), so "!<N>" names none. */
  char anonymous[] = "!";
  if (rasqal_world_set_default_generate_bnodeid_parameters(u.query.world, anonymous, 1) ||
      !(u.terms = aseankg_graph_new()) || !(rq = rasqal_new_query(u.query.world, "sparql11-update", NULL))) {
    st = fail_nomem(&u);
    goto cleanup;
  }
  if (rasqal_query_prepare(rq, (const unsigned char*)rewritten.data, NULL)) {
    st = error->status
           ? error->status
           : aseankg_error_set(error, ASEANKG_ERR_SYNTAX, source, 1U, 1U, "cannot parse the update");
    goto cleanup;
  }
  /* Each operation found in the text must be one parsed operation (two when split): rasqal drops some
   * operations without a word, and running the others against the wrong clauses would be worse. */
  for (size_t k = 0U; k < plans.count; ++k) {
    expected += plans.items[k].split ? 2U : plans.items[k].parts ? plans.items[k].parts : 1U;
  }
  while (rasqal_query_get_update_operation(rq, (int)parsed)) {
    ++parsed;
  }
  if (parsed != expected) {
    st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, source, 1U, 1U,
                           "rasqal parsed %zu operations of the %zu in the request", parsed, expected);
    goto cleanup;
  }
  for (int i = 0; !st && (op = rasqal_query_get_update_operation(rq, i)) != NULL; ++i, ++operation) {
    while (lx.i < lx.length && !scan_operation(&lx, &text)) {
    }
    const OperationPlan* const plan      = operation < plans.count ? &plans.items[operation] : &no_plan;
    rasqal_update_operation*   insert_op = plan->split ? rasqal_query_get_update_operation(rq, ++i) : NULL;
    if (plan->split && !insert_op) {
      st = aseankg_error_set(error, ASEANKG_ERR_SYNTAX, source, 1U, 1U, "cannot parse a DELETE/INSERT");
      break;
    }
    u.defer = plan->parts > 1U;
    st      = run_operation(&u, op, insert_op, plan, &text, request);
    for (size_t part = 1U; !st && part < plan->parts; ++part) { /* the rest of a split DATA block */
      rasqal_update_operation* const next = rasqal_query_get_update_operation(rq, ++i);
      u.defer                             = part + 1U < plan->parts;
      st                                  = next ? run_operation(&u, next, NULL, plan, &text, request)
                                                 : aseankg_error_set(error, ASEANKG_ERR_SYNTAX, source, 1U, 1U, "cannot parse a DATA block");
    }
  }
cleanup:
  aseankg_buffer_release(&text.prologue);
  aseankg_buffer_release(&text.dataset);
  if (rq) {
    rasqal_free_query(rq);
  }
  if (u.query.world) { /* rasqal_free_world() leaves the prefix's copy allocated: setting none frees it */
    (void)rasqal_world_set_default_generate_bnodeid_parameters(u.query.world, NULL, 1);
  }
  aseankg_store__query_finish(&u.query);
  aseankg_graph_free(u.terms);
  free(u.fresh);
  aseankg_quad_list_release(&u.deletes);
  aseankg_quad_list_release(&u.inserts);
  aseankg_buffer_release(&rewritten);
  free(plans.items);
  if (!st) {
    st = aseankg_store_commit(store, error);
  }
  if (st) {
    aseankg_store_abort(store);
  }
  return st;
}
