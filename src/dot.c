/* The DOT writer: the entity graph as a Graphviz digraph, whole, for one segment or around one entity. */
#include "aseankg/dot.h"

#include "buffer.h"
#include "try.h"
#include "utf8.h"
#include "view.h"
#include "writers.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A font with Chinese glyphs (Debian: fonts-noto-cjk); fontconfig falls back to another if it is missing. */
#define FONT "Noto Sans CJK SC"

/* The inside of a DOT quoted string: quotes and backslashes escaped, line breaks as \n, controls as U+FFFD.
 */
static AseankgStatus
put_escaped(AseankgViewWriter* const w, const char* const s, const size_t length)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < length; ++i) {
    const unsigned char c = (unsigned char)s[i];
    if (c == '"') {
      TRY(st, aseankg_view_put(w, "\\\""));
    } else if (c == '\\') {
      TRY(st, aseankg_view_put(w, "\\\\"));
    } else if (c == '\n' || (c == '\r' && (i + 1U == length || s[i + 1U] != '\n'))) {
      TRY(st, aseankg_view_put(w, "\\n"));
    } else if (c == '\r') {
      continue; /* the \n of a CRLF pair makes the break */
    } else if ((c < 0x20U && c != '\t') || c == 0x7FU) {
      TRY(st, aseankg_view_put(w, "\xEF\xBF\xBD"));
    } else {
      TRY(st, aseankg_view_put_bytes(w, s + i, 1U));
    }
  }
  return ASEANKG_SUCCESS;
}

static AseankgStatus
put_quoted(AseankgViewWriter* const w, const char* const s)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_view_put(w, "\""));
  TRY(st, put_escaped(w, s, strlen(s)));
  TRY(st, aseankg_view_put(w, "\""));
  return ASEANKG_SUCCESS;
}

/* Columns a code point takes: CJK and fullwidth forms two, the rest one. */
static size_t
columns(const uint32_t c)
{
  return c >= 0x2E80U && !(c >= 0xFF61U && c <= 0xFFDCU) ? 2U : 1U;
}

/* Chinese punctuation that must not start a line. */
static int
closes(const uint32_t c)
{
  static const uint32_t marks[] = { 0x3001U, 0x3002U, 0xFF0CU, 0xFF09U, 0x300BU, 0x300DU,
                                    0x300FU, 0x3011U, 0xFF1BU, 0xFF1AU, 0xFF01U, 0xFF1FU };
  for (size_t i = 0U; i < sizeof(marks) / sizeof(marks[0]); ++i) {
    if (marks[i] == c) {
      return 1;
    }
  }
  return 0;
}

/*
   Put `s` into the scratch buffer broken into lines of about `width` columns:
   between words, or between Chinese characters (never before closing
   punctuation). Line breaks already in `s` are kept.
*/
static AseankgStatus
wrap(AseankgViewWriter* const w, const char* const s, const size_t length, const size_t width)
{
  AseankgBuffer* const b      = &w->scratch;
  size_t               column = 0U;
  int                  space  = 0;
  aseankg_buffer_reset(b);
  for (size_t i = 0U; i < length;) {
    uint32_t c    = 0U;
    size_t   size = aseankg_utf8_decode(s + i, length - i, &c);
    size          = size ? size : 1U;
    if (c == '\n') {
      if (aseankg_buffer_append_byte(b, '\n')) {
        return aseankg_view_no_memory(w);
      }
      column = 0U;
      space  = 0;
      i += size;
      continue;
    }
    if (c == ' ') {
      space = 1;
      i += size;
      continue;
    }

    /* A token: one wide character, or a run of narrow ones up to a space or a wide character. */
    size_t    end    = i + size;
    size_t    cols   = columns(c);
    const int glued  = closes(c);
    const int narrow = cols == 1U;
    while (narrow && end < length) {
      uint32_t     d = 0U;
      const size_t n = aseankg_utf8_decode(s + end, length - end, &d);
      if (!n || d == ' ' || d == '\n' || columns(d) != 1U) {
        break;
      }
      end += n;
      ++cols;
    }

    const int line_break = column && !glued && column + (size_t)space + cols > width;
    const int blank      = !line_break && column && space;
    if ((line_break && aseankg_buffer_append_byte(b, '\n')) ||
        (blank && aseankg_buffer_append_byte(b, ' ')) || aseankg_buffer_append(b, s + i, end - i)) {
      return aseankg_view_no_memory(w);
    }
    column = line_break ? 0U : column + (blank ? 1U : 0U);
    space  = 0;
    column += cols;
    i = end;
  }
  return ASEANKG_SUCCESS;
}

/* Graphviz refuses a quoted string longer than 16384 bytes; a label has at most two wrapped texts, each
   at most this long before escaping (which at most doubles it), so a long name is shortened with "…". */
#define MAX_LABEL_TEXT 3000U

static AseankgStatus
put_wrapped_n(AseankgViewWriter* const w, const char* const s, const size_t length, const size_t width)
{
  AseankgStatus st    = ASEANKG_SUCCESS;
  size_t        shown = length;
  if (shown > MAX_LABEL_TEXT) {
    shown = MAX_LABEL_TEXT;
    while (shown && ((unsigned char)s[shown] & 0xC0U) == 0x80U) {
      --shown; /* cut before a whole character */
    }
  }
  TRY(st, wrap(w, s, shown, width));
  if (w->scratch.data) {
    TRY(st, put_escaped(w, w->scratch.data, w->scratch.length));
  }
  if (shown < length) {
    TRY(st, aseankg_view_put(w, "…"));
  }
  return ASEANKG_SUCCESS;
}

static AseankgStatus
put_wrapped(AseankgViewWriter* const w, const char* const s, const size_t width)
{
  return put_wrapped_n(w, s, strlen(s), width);
}

/* --- What to draw --------------------------------------------------------- */

/* A selected relation, with what it sorts by. */
typedef struct {
  const char*                subject;
  const char*                predicate;
  const char*                object; /* an entity id, or the literal */
  int                        literal;
  size_t                     segment;
  const AseankgViewRelation* relation;
  size_t                     group; /* 1 + the index of the box drawing it, or 0 for an edge of its own */
} Edge;

/*
   A subject with at least HUB_EDGES relations to entities has them grouped:
   the objects it relates by the same predicates (one or several) are drawn in
   a box labelled with those predicates, reached by one arrow from the subject,
   instead of an arrow and a label each (with rankdir=LR every edge label takes
   a row: 121 of them made the whole graph 8498 px tall). The boxes lay their
   entities out GRID_COLUMNS wide.
*/
#define HUB_EDGES 16U
#define GRID_COLUMNS 3U

/* How an entity is drawn: not at all, as a node of its own, in a box of objects, or (no relation) in the box
   of unrelated entities. */
enum { NOT_DRAWN, DRAWN, BOXED, UNRELATED };

/* A box: its subject's edges are [first, end) of `edges`; those it draws have `group` set to its number. */
typedef struct {
  size_t first;
  size_t end;
} Group;

static int
compare_edges(const void* const a, const void* const b)
{
  const Edge* const x = (const Edge*)a;
  const Edge* const y = (const Edge*)b;
  int               c = strcmp(x->subject, y->subject);
  c                   = c ? c : strcmp(x->predicate, y->predicate);
  c                   = c ? c : x->literal - y->literal;
  c                   = c ? c : strcmp(x->object, y->object);
  return c ? c : (x->segment > y->segment) - (x->segment < y->segment);
}

static int
same_edge(const Edge* const x, const Edge* const y)
{
  return !strcmp(x->subject, y->subject) && !strcmp(x->predicate, y->predicate) && x->literal == y->literal &&
         !strcmp(x->object, y->object);
}

/* The segment `name` picks: a clause number or a segment id. */
static AseankgStatus
find_segment(const AseankgText* const text, const char* const name, const AseankgSegment** const segment,
             AseankgError* const error)
{
  char   id[64];
  size_t digits = 0U;
  while (name[digits] >= '0' && name[digits] <= '9') {
    ++digits;
  }
  if (digits && !name[digits] && digits < 10U) {
    snprintf(id, sizeof(id), "clause-%lu", strtoul(name, NULL, 10));
  } else {
    snprintf(id, sizeof(id), "%s", name);
  }
  if (strlen(name) < sizeof(id) && (*segment = aseankg_text_segment(text, id))) {
    return ASEANKG_SUCCESS;
  }

  unsigned counts[4] = { 0U, 0U, 0U, 0U };
  for (size_t i = 0U; i < text->n_segments; ++i) {
    ++counts[text->segments[i].kind];
  }
  return aseankg_error_set_parameter(
    error, ASEANKG_ERR_USAGE, "segment",
    "no segment '%s' (the text has clause-1 … clause-%u, preamble-1 … preamble-%u, title, "
    "header-1 … header-%u)",
    name, counts[ASEANKG_SEGMENT_CLAUSE], counts[ASEANKG_SEGMENT_PREAMBLE], counts[ASEANKG_SEGMENT_HEADER]);
}

/* An edge to an entity other than its subject. */
static int
to_other(const Edge* const e)
{
  return !e->literal && e->relation->object != e->relation->subject;
}

/* The next edge at or after `i` (before `end`) from the run's subject to entity `object` by a predicate not
   yet seen (duplicates, stated in several segments, are adjacent); `end` if none. */
static size_t
next_to(const Edge* const edges, size_t i, const size_t end, const size_t object)
{
  for (; i < end; ++i) {
    if (to_other(&edges[i]) && edges[i].relation->object == object &&
        !(i && edges[i - 1U].relation->object == object && same_edge(&edges[i - 1U], &edges[i]))) {
      return i;
    }
  }
  return end;
}

/* Whether the run [a, end) relates entities `x` and `y` by the same predicates. */
static int
same_predicates(const Edge* const edges, const size_t a, const size_t end, const size_t x, const size_t y)
{
  size_t i = next_to(edges, a, end, x);
  size_t j = next_to(edges, a, end, y);
  for (; i < end && j < end; i = next_to(edges, i + 1U, end, x), j = next_to(edges, j + 1U, end, y)) {
    if (strcmp(edges[i].predicate, edges[j].predicate)) {
      return 0;
    }
  }
  return i == end && j == end;
}

/*
   Find the boxes: for each subject with at least HUB_EDGES distinct relations
   to other entities, the objects it relates by the same set of predicates,
   when there are two or more of them, share a box (so every relation from
   the subject to a boxed entity is drawn by the box, and an entity is in one
   box only). Sets `group` on the edges a box draws and `boxed` on its
   entities; returns the number of boxes, or SIZE_MAX when out of memory.
*/
static size_t
find_groups(Edge* const edges, const size_t n_edges, unsigned char* const boxed, Group** const groups)
{
  size_t n_groups = 0U;
  *groups         = NULL;
  for (size_t a = 0U; a < n_edges;) {
    size_t b = a;
    size_t n = 0U;
    for (; b < n_edges && !strcmp(edges[b].subject, edges[a].subject); ++b) {
      n += to_other(&edges[b]) && (b == a || !same_edge(&edges[b - 1U], &edges[b]));
    }
    for (size_t k = a; n >= HUB_EDGES && k < b; ++k) {
      const size_t x = edges[k].relation->object;
      if (!to_other(&edges[k]) || boxed[x] || edges[k].group) {
        continue;
      }
      size_t members = 0U; /* objects whose first edge is at or after k, with x's predicates */
      for (size_t j = k; j < b; ++j) {
        const size_t y = edges[j].relation->object;
        members += to_other(&edges[j]) && !boxed[y] && next_to(edges, a, b, y) == j &&
                   same_predicates(edges, a, b, x, y);
      }
      if (members < 2U) {
        continue;
      }
      Group* const more = (Group*)realloc(*groups, (n_groups + 1U) * sizeof(Group));
      if (!more) {
        return SIZE_MAX;
      }
      *groups              = more;
      more[n_groups].first = a;
      more[n_groups].end   = b;
      ++n_groups;
      for (size_t j = a; j < b; ++j) {
        if (to_other(&edges[j]) && !boxed[edges[j].relation->object] &&
            same_predicates(edges, a, b, x, edges[j].relation->object)) {
          edges[j].group = n_groups;
        }
      }
      for (size_t j = a; j < b; ++j) {
        if (edges[j].group == n_groups) {
          boxed[edges[j].relation->object] = 1U;
        }
      }
    }
    a = b;
  }
  return n_groups;
}

/* --- Writing ----------------------------------------------------------------- */

/* The attributes that draw a type family: `shape=…, style="…", fillcolor="…", color="…` (open quote). */
static AseankgStatus
put_family_style(AseankgViewWriter* const w, const AseankgEntityStyle* const style)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_view_put(w, "shape="));
  TRY(st, aseankg_view_put(w, style->shape));
  TRY(st, aseankg_view_put(w, ", style=\""));
  TRY(st, aseankg_view_put(w, style->style));
  TRY(st, aseankg_view_put(w, "\", fillcolor=\""));
  TRY(st, aseankg_view_put(w, style->fill));
  TRY(st, aseankg_view_put(w, "\", color=\""));
  TRY(st, aseankg_view_put(w, style->line));
  return ASEANKG_SUCCESS;
}

static AseankgStatus
write_node(AseankgViewWriter* const w, const AseankgEntity* const e, const int centre)
{
  AseankgStatus                   st       = ASEANKG_SUCCESS;
  size_t                          n_styles = 0U;
  const AseankgEntityStyle* const style =
    &aseankg_entity_styles(&n_styles)[aseankg_entity_style_index(e->type.value)];
  TRY(st, aseankg_view_put(w, "  "));
  TRY(st, put_quoted(w, e->id.value));
  TRY(st, aseankg_view_put(w, " [label=\""));
  TRY(st, put_wrapped(w, e->zh.value, 24U));
  TRY(st, aseankg_view_put(w, "\\n"));
  if (e->gloss) {
    TRY(st, aseankg_view_put(w, "≈ "));
  }
  TRY(st, put_wrapped(w, e->en.value, 30U));
  TRY(st, aseankg_view_put(w, "\", "));
  TRY(st, put_family_style(w, style));
  TRY(st, aseankg_view_put(w, centre ? "\", penwidth=3" : "\""));
  TRY(st, aseankg_view_put(w, ", tooltip=\""));
  TRY(st, put_escaped(w, e->id.value, strlen(e->id.value)));
  TRY(st, aseankg_view_put(w, " ("));
  TRY(st, put_escaped(w, e->type.value, strlen(e->type.value)));
  TRY(st, aseankg_view_put(w, ")\"];\n"));
  return ASEANKG_SUCCESS;
}

static AseankgStatus
write_legend(AseankgViewWriter* const w, const unsigned char* const families, const int gloss,
             const int boxes)
{
  AseankgStatus                   st     = ASEANKG_SUCCESS;
  size_t                          n      = 0U;
  const AseankgEntityStyle* const styles = aseankg_entity_styles(&n);
  TRY(st, aseankg_view_put(
            w, "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=12; style=\"rounded\"; "
               "color=\"#999999\";\n"));
  for (size_t f = 0U; f < n; ++f) {
    if (families[f]) {
      TRY(st, aseankg_view_put(w, "    \"legend:"));
      TRY(st, aseankg_view_put(w, styles[f].family));
      TRY(st, aseankg_view_put(w, "\" [label=\""));
      TRY(st, aseankg_view_put(w, styles[f].label));
      TRY(st, aseankg_view_put(w, "\", "));
      TRY(st, put_family_style(w, &styles[f]));
      TRY(st, aseankg_view_put(w, "\", fontsize=9];\n"));
    }
  }
  if (gloss) {
    TRY(st, aseankg_view_put(w, "    \"legend:gloss\" [label=\"≈ English gloss, not an official name\", "
                                "shape=plaintext, fontsize=9];\n"));
  }
  if (boxes) {
    TRY(st, aseankg_view_put(
              w, "    \"legend:box\" [label=\"A → a box: A relates to each entity in\\nthe box by each "
                 "predicate the box names\", shape=plaintext, fontsize=9];\n"));
  }
  TRY(st, aseankg_view_put(w, "  }\n"));
  return ASEANKG_SUCCESS;
}

/* A box's opening, up to its label's open quote; fill_box() closes the label and writes the rest. */
static AseankgStatus
open_box(AseankgViewWriter* const w, const char* const name)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_view_put(w, "  subgraph cluster_"));
  TRY(st, aseankg_view_put(w, name));
  TRY(st, aseankg_view_put(w, " {\n    label=\""));
  return ASEANKG_SUCCESS;
}

/*
   The rest of a box of entities (`members`, indices into data->entities),
   laid out as a grid GRID_COLUMNS wide: invisible arrows chain a row from
   left to right, rank=same stacks a column.
*/
static AseankgStatus
fill_box(AseankgViewWriter* const w, const AseankgData* const data, const size_t* const members,
         const size_t n)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_view_put(w, "\"; labeljust=l; fontname=\"" FONT
                              " Bold\"; fontsize=13; style=\"rounded\"; color=\"#888888\";\n"));
  for (size_t i = 0U; i < n; ++i) {
    TRY(st, aseankg_view_put(w, "  "));
    TRY(st, write_node(w, &data->entities[members[i]], 0));
  }
  for (size_t i = 0U; i + 1U < n; ++i) {
    if ((i + 1U) % GRID_COLUMNS) {
      TRY(st, aseankg_view_put(w, "    "));
      TRY(st, put_quoted(w, data->entities[members[i]].id.value));
      TRY(st, aseankg_view_put(w, " -> "));
      TRY(st, put_quoted(w, data->entities[members[i + 1U]].id.value));
      TRY(st, aseankg_view_put(w, " [style=invis];\n"));
    }
  }
  for (size_t column = 0U; column < GRID_COLUMNS && n > GRID_COLUMNS; ++column) {
    TRY(st, aseankg_view_put(w, "    { rank=same;"));
    for (size_t i = column; i < n; i += GRID_COLUMNS) {
      TRY(st, aseankg_view_put(w, " "));
      TRY(st, put_quoted(w, data->entities[members[i]].id.value));
    }
    TRY(st, aseankg_view_put(w, " }\n"));
  }
  TRY(st, aseankg_view_put(w, "  }\n"));
  return ASEANKG_SUCCESS;
}

/* The predicates by which box `g` (its subject's edges [first, end)) relates its entities, e.g. "drewUp,
   recalls": those of entity `object`, one of them. */
static AseankgStatus
put_predicates(AseankgViewWriter* const w, const Edge* const edges, const Group* const box, const size_t g,
               const size_t object)
{
  AseankgStatus st     = ASEANKG_SUCCESS;
  size_t        listed = 0U;
  for (size_t k = next_to(edges, box->first, box->end, object); k < box->end;
       k        = next_to(edges, k + 1U, box->end, object)) {
    if (edges[k].group == g + 1U) {
      TRY(st, aseankg_view_put(w, listed++ ? ", " : ""));
      TRY(st, put_escaped(w, edges[k].predicate, strlen(edges[k].predicate)));
    }
  }
  return ASEANKG_SUCCESS;
}

/* The boxes of grouped relations (`arrows` 0), or the one arrow from the subject to each (`arrows` 1). */
static AseankgStatus
write_groups(AseankgViewWriter* const w, const AseankgView* const view, const Edge* const edges,
             const Group* const groups, const size_t n_groups, const int arrows)
{
  AseankgStatus            st      = ASEANKG_SUCCESS;
  const AseankgData* const data    = view->project->data;
  size_t* const            members = (size_t*)calloc(data->n_entities + 1U, sizeof(size_t));
  if (!members) {
    return aseankg_view_no_memory(w);
  }
  for (size_t g = 0U; g < n_groups; ++g) {
    const Group* const box = &groups[g];
    size_t             n   = 0U;
    char               name[32];
    snprintf(name, sizeof(name), "%zu", g + 1U);
    for (size_t k = box->first; k < box->end; ++k) { /* in order of first edge: by predicate, then id */
      if (edges[k].group == g + 1U && next_to(edges, box->first, box->end, edges[k].relation->object) == k) {
        members[n++] = edges[k].relation->object;
      }
    }
    if (!arrows) {
      TRY_CLEANUP(st, open_box(w, name));
      TRY_CLEANUP(st, put_predicates(w, edges, box, g, members[0]));
      TRY_CLEANUP(st, fill_box(w, data, members, n));
      continue;
    }
    /* The arrow: to the box's first entity, clipped at the box's border. */
    const Edge* const first = &edges[box->first];
    TRY_CLEANUP(st, aseankg_view_put(w, "  "));
    TRY_CLEANUP(st, put_quoted(w, first->subject));
    TRY_CLEANUP(st, aseankg_view_put(w, " -> "));
    TRY_CLEANUP(st, put_quoted(w, data->entities[members[0]].id.value));
    TRY_CLEANUP(st, aseankg_view_put(w, " [lhead=cluster_"));
    TRY_CLEANUP(st, aseankg_view_put(w, name));
    TRY_CLEANUP(st, aseankg_view_put(w, ", penwidth=1.5, tooltip=\""));
    TRY_CLEANUP(st, put_escaped(w, first->subject, strlen(first->subject)));
    TRY_CLEANUP(st, aseankg_view_put(w, " "));
    TRY_CLEANUP(st, put_predicates(w, edges, box, g, members[0]));
    TRY_CLEANUP(st, aseankg_view_put(w, " each entity in the box, stated in"));
    size_t listed = 0U;
    for (size_t k = box->first; k < box->end; ++k) {
      int seen = edges[k].group != g + 1U;
      for (size_t j = box->first; j < k && !seen; ++j) {
        seen = edges[j].group == g + 1U && edges[j].segment == edges[k].segment;
      }
      if (!seen) {
        TRY_CLEANUP(st, aseankg_view_put(w, listed++ ? ", " : " "));
        TRY_CLEANUP(st, aseankg_view_put(w, view->text->segments[edges[k].segment].id));
      }
    }
    TRY_CLEANUP(st, aseankg_view_put(w, "\"];\n"));
  }

cleanup:
  free(members);
  return st;
}

/* Arrows out of ([2 * i]) and into ([2 * i + 1]) each entity i, a relation stated in several segments
   counted once; NULL when out of memory. The caller frees it. */
static size_t*
count_arrows(const Edge* const edges, const size_t n_edges, const size_t n_entities)
{
  size_t* const degrees = (size_t*)calloc(2U * n_entities + 1U, sizeof(size_t));
  for (size_t i = 0U; degrees && i < n_edges; ++i) {
    if (i && same_edge(&edges[i - 1U], &edges[i])) {
      continue;
    }
    ++degrees[2U * edges[i].relation->subject];
    if (!edges[i].literal) {
      ++degrees[2U * edges[i].relation->object + 1U];
    }
  }
  return degrees;
}

/* Plain arrows, one per relation not drawn in a box. An arrow into an entity with more arrows out than in
   (the region, which faces five challenges; an activity with its actor and what it concerns) does not rank
   it: with rankdir=LR each such arrow pushed the entity and everything it relates to one rank right, and
   the chains made the whole graph a row three times as wide as tall. */
static AseankgStatus
write_edges(AseankgViewWriter* const w, const AseankgView* const view, const Edge* const edges,
            const size_t n_edges, const unsigned char* const drawn)
{
  AseankgStatus            st       = ASEANKG_SUCCESS;
  const AseankgText* const text     = view->text;
  size_t                   literals = 0U;
  size_t* const            degrees  = count_arrows(edges, n_edges, view->project->data->n_entities);
  if (!degrees) {
    return aseankg_view_no_memory(w);
  }
  for (size_t i = 0U; i < n_edges;) {
    size_t end = i + 1U;
    while (end < n_edges && same_edge(&edges[i], &edges[end])) {
      ++end;
    }
    const Edge* const e = &edges[i];
    if (e->group) {
      i = end;
      continue;
    }
    if (e->literal) {
      TRY_CLEANUP(st, aseankg_view_put(w, "  \"value:"));
      TRY_CLEANUP(st, aseankg_view_put_size(w, ++literals));
      TRY_CLEANUP(st, aseankg_view_put(w, "\" [label=\""));
      TRY_CLEANUP(st, put_wrapped(w, e->object, 30U));
      TRY_CLEANUP(st, aseankg_view_put(w, "\", shape=plaintext, fontcolor=\"#444444\"];\n"));
    }
    TRY_CLEANUP(st, aseankg_view_put(w, "  "));
    TRY_CLEANUP(st, put_quoted(w, e->subject));
    TRY_CLEANUP(st, aseankg_view_put(w, " -> "));
    if (e->literal) {
      TRY_CLEANUP(st, aseankg_view_put(w, "\"value:"));
      TRY_CLEANUP(st, aseankg_view_put_size(w, literals));
      TRY_CLEANUP(st, aseankg_view_put(w, "\""));
    } else {
      TRY_CLEANUP(st, put_quoted(w, e->object));
    }
    TRY_CLEANUP(st, aseankg_view_put(w, " [label="));
    TRY_CLEANUP(st, put_quoted(w, e->predicate));
    TRY_CLEANUP(st, aseankg_view_put(w, ", tooltip=\""));
    TRY_CLEANUP(st, put_escaped(w, e->predicate, strlen(e->predicate)));
    TRY_CLEANUP(st, aseankg_view_put(w, ", stated in"));
    for (size_t k = i; k < end; ++k) {
      TRY_CLEANUP(st, aseankg_view_put(w, k > i ? ", " : " "));
      TRY_CLEANUP(st, aseankg_view_put(w, text->segments[edges[k].segment].id));
    }
    const size_t object = e->relation->object;
    TRY_CLEANUP(st, aseankg_view_put(w, !e->literal && drawn[object] != BOXED &&
                                            degrees[2U * object] > degrees[2U * object + 1U]
                                          ? "\", constraint=false];\n"
                                          : "\"];\n"));
    i = end;
  }

cleanup:
  free(degrees);
  return st;
}

/* The nodes not in a box, in id order; entities in no relation (two or more) in a box of their own. */
static AseankgStatus
write_nodes(AseankgViewWriter* const w, const AseankgData* const data, const unsigned char* const drawn,
            const size_t around)
{
  AseankgStatus               st      = ASEANKG_SUCCESS;
  size_t*                     members = NULL;
  const AseankgEntity** const sorted =
    (const AseankgEntity**)calloc(data->n_entities + 1U, sizeof(AseankgEntity*));
  if (!sorted) {
    return aseankg_view_no_memory(w);
  }
  size_t n_sorted = 0U;
  for (size_t i = 0U; i < data->n_entities; ++i) {
    if (drawn[i] == DRAWN || drawn[i] == UNRELATED) {
      sorted[n_sorted++] = &data->entities[i];
    }
  }
  for (size_t i = 1U; i < n_sorted; ++i) { /* insertion sort: a few hundred nodes at most */
    const AseankgEntity* const e = sorted[i];
    size_t                     j = i;
    for (; j && strcmp(sorted[j - 1U]->id.value, e->id.value) > 0; --j) {
      sorted[j] = sorted[j - 1U];
    }
    sorted[j] = e;
  }
  /* Entities in no relation (the whole graph draws every entity of the document) in a box of their own. */
  size_t unrelated = 0U;
  for (size_t i = 0U; i < n_sorted; ++i) {
    unrelated += drawn[sorted[i] - data->entities] == UNRELATED;
  }
  if (unrelated >= 2U) {
    if (!(members = (size_t*)calloc(unrelated, sizeof(size_t)))) {
      st = aseankg_view_no_memory(w);
      goto cleanup;
    }
    size_t n = 0U;
    for (size_t i = 0U; i < n_sorted; ++i) {
      if (drawn[sorted[i] - data->entities] == UNRELATED) {
        members[n++] = (size_t)(sorted[i] - data->entities);
      }
    }
    TRY_CLEANUP(st, open_box(w, "unrelated"));
    TRY_CLEANUP(st, aseankg_view_put(w, "in no relation"));
    TRY_CLEANUP(st, fill_box(w, data, members, n));
  }
  for (size_t i = 0U; i < n_sorted; ++i) {
    if (unrelated < 2U || drawn[sorted[i] - data->entities] != UNRELATED) {
      TRY_CLEANUP(
        st, write_node(w, sorted[i], around != ASEANKG_VIEW_LITERAL && sorted[i] == &data->entities[around]));
    }
  }

cleanup:
  free(members);
  free(sorted);
  return st;
}

static AseankgStatus
write_graph(AseankgViewWriter* const w, const AseankgView* const view, const Edge* const edges,
            const size_t n_edges, const Group* const groups, const size_t n_groups,
            const unsigned char* const drawn, const AseankgSegment* const segment, const size_t around)
{
  AseankgStatus            st       = ASEANKG_SUCCESS;
  const AseankgData* const data     = view->project->data;
  size_t                   n_styles = 0U;
  unsigned char            families[32];
  int                      gloss = 0;
  size_t                   nodes = 0U;
  aseankg_entity_styles(&n_styles);
  memset(families, 0, sizeof(families));

  TRY(st, aseankg_view_put(
            w, "/* The entity graph of the statement, written by aseankg export --format dot; render "
               "with dot -Tsvg. */\n"));
  TRY(st, aseankg_view_put(w, "digraph "));
  TRY(st, put_quoted(w, view->document->id.value));
  TRY(st, aseankg_view_put(w, " {\n  graph [rankdir=LR, charset=\"UTF-8\", fontname=\"" FONT
                              "\", fontsize=14, labelloc=t, "
                              "nodesep=0.12, ranksep=0.5, pad=0.3, bgcolor=\"white\", "));
  if (n_groups) { /* arrows to boxes; rank=same inside boxes */
    TRY(st, aseankg_view_put(w, "compound=true, newrank=true, "));
  }
  TRY(st, aseankg_view_put(w, "label=\""));
  TRY(st, put_wrapped(w, view->document->title_zh.value, 60U));
  TRY(st, aseankg_view_put(w, "\\n"));
  TRY(st, put_wrapped(w, view->document->title_en.value, 80U));
  TRY(st, aseankg_view_put(w, "\\n"));
  for (size_t i = 0U; i < data->n_entities; ++i) {
    nodes += drawn[i] != 0U;
  }
  if (segment) {
    TRY(st, aseankg_view_put(w, "\\n"));
    TRY(st, aseankg_view_put(w, segment->id));
    TRY(st, aseankg_view_put(w, ": "));
    TRY(st, put_wrapped_n(w, segment->text, segment->length, 64U));
  }
  if (around != ASEANKG_VIEW_LITERAL) {
    TRY(st, aseankg_view_put(w, "\\naround "));
    TRY(st, put_escaped(w, data->entities[around].id.value, strlen(data->entities[around].id.value)));
  }
  TRY(st, aseankg_view_put(w, "\\n"));
  TRY(st, aseankg_view_put_size(w, nodes));
  TRY(st, aseankg_view_put(w, " entities, "));
  TRY(st, aseankg_view_put_size(w, n_edges));
  TRY(st, aseankg_view_put(w, n_edges == 1U ? " relation\"];\n" : " relations\"];\n"));
  TRY(st, aseankg_view_put(w, "  node [fontname=\"" FONT "\", fontsize=11, margin=\"0.12,0.05\"];\n"));
  TRY(st, aseankg_view_put(w, "  edge [fontname=\"" FONT
                              "\", fontsize=9, color=\"#666666\", fontcolor=\"#333333\", arrowsize=0.7];\n"));

  for (size_t i = 0U; i < data->n_entities; ++i) {
    if (drawn[i]) {
      const size_t f                          = aseankg_entity_style_index(data->entities[i].type.value);
      families[f < sizeof(families) ? f : 0U] = 1U;
      gloss                                   = gloss || data->entities[i].gloss;
    }
  }
  TRY(st, write_legend(w, families, gloss, n_groups != 0U));
  TRY(st, write_groups(w, view, edges, groups, n_groups, 0));

  TRY(st, write_nodes(w, data, drawn, around));
  TRY(st, write_edges(w, view, edges, n_edges, drawn));
  TRY(st, write_groups(w, view, edges, groups, n_groups, 1));
  return aseankg_view_put(w, "}\n");
}

AseankgStatus
aseankg_dot_write(FILE* const stream, const AseankgProject* const project,
                  const AseankgDotOptions* const options, AseankgError* const error)
{
  assert(stream);
  assert(project && project->data);
  AseankgView           view;
  AseankgViewWriter     w;
  const AseankgSegment* segment   = NULL;
  size_t                around    = ASEANKG_VIEW_LITERAL;
  Edge*                 edges     = NULL;
  unsigned char*        drawn     = NULL;
  unsigned char*        boxed     = NULL;
  Group*                groups    = NULL;
  size_t                n_groups  = 0U;
  size_t                n_edges   = 0U;
  const char* const     file_name = options ? options->file_name : NULL;
  aseankg_view_writer_init(&w, file_name, error);

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st,
              aseankg_view_load(&view, project, NULL, options ? options->document : NULL, file_name, error));
  if (options && options->segment) {
    TRY_CLEANUP(st, find_segment(view.text, options->segment, &segment, error));
  }
  if (options && options->around &&
      (around = aseankg_view_entity(&view, options->around)) == ASEANKG_VIEW_LITERAL) {
    TRY_CLEANUP(
      st, aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "around", "no entity '%s'", options->around));
  }

  const AseankgData* const data = project->data;
  edges                         = (Edge*)calloc(view.document->n_relations + 1U, sizeof(Edge));
  drawn                         = (unsigned char*)calloc(data->n_entities + 1U, 1U);
  if (!edges || !drawn) {
    st = aseankg_view_no_memory(&w);
    goto cleanup;
  }
  for (size_t i = 0U; i < view.document->n_relations; ++i) {
    const AseankgViewRelation* const r = &view.relations[i];
    if ((segment && r->segment != (size_t)(segment - view.text->segments)) ||
        (around != ASEANKG_VIEW_LITERAL && r->subject != around && r->object != around)) {
      continue;
    }
    Edge* const e     = &edges[n_edges++];
    e->subject        = data->entities[r->subject].id.value;
    e->predicate      = r->relation->predicate.value;
    e->literal        = r->object == ASEANKG_VIEW_LITERAL;
    e->object         = e->literal ? r->relation->value.value : data->entities[r->object].id.value;
    e->segment        = r->segment;
    e->relation       = r;
    drawn[r->subject] = DRAWN;
    if (!e->literal) {
      drawn[r->object] = DRAWN;
    }
  }
  for (size_t i = 0U; i < data->n_entities; ++i) {
    if (!drawn[i] && ((!segment && around == ASEANKG_VIEW_LITERAL && view.in_document[i]) || i == around)) {
      drawn[i] = UNRELATED;
    }
  }
  qsort(edges, n_edges, sizeof(Edge), compare_edges);
  boxed = (unsigned char*)calloc(data->n_entities + 1U, 1U);
  if (!boxed || (n_groups = find_groups(edges, n_edges, boxed, &groups)) == SIZE_MAX) {
    st = aseankg_view_no_memory(&w);
    goto cleanup;
  }
  for (size_t i = 0U; i < data->n_entities; ++i) {
    drawn[i] = boxed[i] ? BOXED : drawn[i];
  }

  TRY_CLEANUP(st, write_graph(&w, &view, edges, n_edges, groups, n_groups, drawn, segment, around));
  st = aseankg_view_writer_flush(&w, stream);

cleanup:
  free(edges);
  free(drawn);
  free(boxed);
  free(groups);
  aseankg_view_writer_release(&w);
  aseankg_view_release(&view);
  return st;
}
