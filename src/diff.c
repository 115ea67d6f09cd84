/* Graph diff: ground quads by set difference, blank nodes by colour refinement and anchored matching. */
#include "aseankg/diff.h"

#include "buffer.h"
#include "iri.h"
#include "hash.h"
#include "diff_private.h"
#include "quads.h"
#include "try.h"

#include <pthread.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define MAX_ROUNDS 64U
/* Colours kept from the first rounds: a node an edit is farther from than that keeps them. */
#define HISTORY 6U

/*
   One end of a quad seen from a blank node: which role the node plays and what is at the other end. A
   blank graph name is a node too: it sees each quad of its graph twice, once towards the subject
   (role 2) and once towards the object (role 3).
*/
typedef struct {
  AseankgTermId predicate;
  AseankgTermId graph;      /* the quad's graph name (0 for the default graph and for roles 2 and 3) */
  AseankgTermId other;      /* the other end's term */
  uint32_t      other_node; /* its blank-node index on the same side, or NONE */
  uint32_t      graph_node; /* the blank graph name's node index, or NONE when the graph name is not blank */
  uint32_t      role;       /* 0: the node is the subject, 1: the object, 2 and 3: the graph name */
} Edge;

typedef struct {
  AseankgQuad*   quads; /* sorted by ids, no duplicates */
  size_t         n_quads;
  uint32_t*      node_of_term; /* blank-node index by term id, NONE for other terms */
  size_t         n_terms;      /* terms known when the side was built; later ones are none of its nodes */
  AseankgTermId* nodes;        /* term id by blank-node index */
  size_t         n_nodes;
  size_t*        edge_start; /* edges of node i: edges[edge_start[i] .. edge_start[i + 1]) */
  Edge*          edges;
  uint64_t*      color;
  uint64_t*      color0; /* HISTORY rows of n_nodes colours: after round 0 (ground neighbours only), 1, ... */
  uint32_t*      match;  /* matched node on the other side, or NONE */
} Side;

typedef struct {
  AseankgQuad         quad;
  int                 added; /* 0: removed */
  const AseankgGraph* graph; /* its terms, so qsort's comparison needs no global */
} Change;

struct AseankgDiffImpl {
  const AseankgGraph* graph;
  Change*             changes; /* sorted as canonical lines, removals before additions */
  size_t              n_changes;
  AseankgQuad*        pins; /* old quads that identify the old blank nodes a change touches */
  size_t              n_pins;
  AseankgTermId*      old_nodes; /* the old side's blank nodes, sorted */
  size_t              n_old_nodes;
  size_t              n_removed;
  size_t              n_added;
  char*               target_graph; /* SPARQL Update: where default-graph quads go, or NULL */
  AseankgTermId*      node_map;     /* pairs (new-side blank term, the term it became), sorted by the first */
  size_t              n_node_map;
  AseankgQuad*        infos; /* (subject, rdf:type or label predicate, value, side) of changed subjects */
  size_t              n_infos;
  char**              prefixes; /* name, IRI, name, IRI, ... for the pretty and stat formats */
  size_t              n_prefixes;
};

static int
is_blank(const AseankgGraph* const graph, const AseankgTermId id)
{
  const AseankgTerm* const term = aseankg_graph_term(graph, id);
  return term && term->kind == ASEANKG_TERM_BLANK;
}

static void
side_release(Side* const side)
{
  free(side->quads);
  free(side->node_of_term);
  free(side->nodes);
  free(side->edge_start);
  free(side->edges);
  free(side->color);
  free(side->color0);
  free(side->match);
  memset(side, 0, sizeof(*side));
}

static int
compare_edges(const void* const a, const void* const b)
{
  const Edge* const x = (const Edge*)a;
  const Edge* const y = (const Edge*)b;
  if (x->role != y->role) {
    return x->role < y->role ? -1 : 1;
  }
  if (x->predicate != y->predicate) {
    return x->predicate < y->predicate ? -1 : 1;
  }
  if ((x->graph_node == NONE) != (y->graph_node == NONE)) {
    return x->graph_node == NONE ? -1 : 1;
  }
  if (x->graph != y->graph) {
    return x->graph < y->graph ? -1 : 1;
  }
  return (x->other > y->other) - (x->other < y->other);
}

/* Copy and index one side: its blank nodes and, for each, the quads it is in. */
static int
contains_id(const AseankgTermId* const ids, const size_t n, const AseankgTermId id)
{
  for (size_t i = 0U; i < n; ++i) {
    if (ids[i] == id) {
      return 1;
    }
  }
  return 0;
}

/* Whether the options leave `q` in the comparison. */
static int
selected(const AseankgDiffOptions* const options, const AseankgQuad* const q)
{
  return !options || (!contains_id(options->ignore_predicates, options->n_ignore_predicates, q->predicate) &&
                      (!options->graphs || contains_id(options->graphs, options->n_graphs, q->graph)));
}

/* What side_build() asks of every term, one byte per term id, so it does not visit the terms themselves. */
enum { KIND_BLANK = 1, KIND_BLANK_INSIDE = 2 /* a triple term with a blank node inside */ };

/* The KIND_* byte of every term of `graph` (index 0 unused); NULL if out of memory. */
static uint8_t*
term_kinds(const AseankgGraph* const graph)
{
  const size_t   n     = aseankg_graph_term_count(graph);
  uint8_t* const kinds = (uint8_t*)calloc(n + 1U, 1U);
  for (size_t id = 1U; kinds && id <= n; ++id) {
    const AseankgTerm* const term = aseankg_graph_term(graph, (AseankgTermId)id);
    if (term->kind == ASEANKG_TERM_BLANK) {
      kinds[id] = KIND_BLANK;
    } else if (term->kind == ASEANKG_TERM_TRIPLE) {
      for (unsigned i = 0U; i < 3U; ++i) { /* parts are interned before the triple term: lower ids */
        if (kinds[term->triple[i]]) {
          kinds[id] = KIND_BLANK_INSIDE;
        }
      }
    }
  }
  return kinds;
}

/* Sort one node's edges by compare_edges(), stably: insertion sort for the usual handful, else qsort(). */
static void
sort_edges(Edge* const edges, const size_t n)
{
  if (n > 16U) {
    qsort(edges, n, sizeof(Edge), compare_edges);
    return;
  }
  for (size_t i = 1U; i < n; ++i) {
    const Edge edge = edges[i];
    size_t     j    = i;
    for (; j > 0U && compare_edges(&edges[j - 1U], &edge) > 0; --j) {
      edges[j] = edges[j - 1U];
    }
    edges[j] = edge;
  }
}

static AseankgStatus
side_build(Side* const side, const uint8_t* const kinds, const AseankgQuad* const quads, const size_t n,
           const AseankgDiffOptions* const options, const size_t n_terms_known)
{
  const size_t n_terms = n_terms_known + 1U;
  side->quads          = (AseankgQuad*)malloc((n ? n : 1U) * sizeof(AseankgQuad));
  side->node_of_term   = (uint32_t*)malloc(n_terms * sizeof(uint32_t));
  side->n_terms        = n_terms;
  if (!side->quads || !side->node_of_term) {
    return ASEANKG_ERR_NOMEM;
  }
  size_t kept = 0U;
  for (size_t i = 0U; i < n; ++i) {
    if (selected(options, &quads[i])) {
      side->quads[kept++] = quads[i];
    }
  }
  side->n_quads = aseankg_quads_sort_unique(side->quads, kept);

  /* Blank nodes are matched as subjects, objects and graph names; refuse what would be compared by label. */
  for (size_t i = 0U; i < side->n_quads; ++i) {
    const AseankgQuad* const q = &side->quads[i];
    if (kinds[q->subject] == KIND_BLANK_INSIDE || kinds[q->object] == KIND_BLANK_INSIDE) {
      return ASEANKG_ERR_DATA;
    }
  }
  memset(side->node_of_term, 0xFF, n_terms * sizeof(uint32_t));

  /* Number the blank nodes and count their edges. */
  size_t n_edges = 0U;
  for (size_t i = 0U; i < side->n_quads; ++i) {
    const AseankgTermId ends[3] = { side->quads[i].subject, side->quads[i].object, side->quads[i].graph };
    for (unsigned e = 0U; e < 3U; ++e) {
      if (kinds[ends[e]] == KIND_BLANK) {
        if (side->node_of_term[ends[e]] == NONE) {
          side->node_of_term[ends[e]] = (uint32_t)side->n_nodes++;
        }
        n_edges += e == 2U ? 2U : 1U;
      }
    }
  }

  const size_t m     = side->n_nodes;
  side->nodes        = (AseankgTermId*)malloc((m ? m : 1U) * sizeof(AseankgTermId));
  side->edge_start   = (size_t*)calloc(m + 1U, sizeof(size_t));
  side->edges        = (Edge*)calloc(n_edges ? n_edges : 1U, sizeof(Edge));
  side->color        = (uint64_t*)calloc(m ? m : 1U, sizeof(uint64_t));
  side->color0       = (uint64_t*)calloc(m ? HISTORY * m : 1U, sizeof(uint64_t));
  side->match        = (uint32_t*)malloc((m ? m : 1U) * sizeof(uint32_t));
  size_t* const fill = (size_t*)calloc(m + 1U, sizeof(size_t));
  if (!side->nodes || !side->edge_start || !side->edges || !side->color || !side->color0 || !side->match ||
      !fill) {
    free(fill);
    return ASEANKG_ERR_NOMEM;
  }
  memset(side->match, 0xFF, (m ? m : 1U) * sizeof(uint32_t));

  for (size_t i = 0U; i < side->n_quads; ++i) {
    const AseankgQuad* const q = &side->quads[i];
    if (side->node_of_term[q->subject] != NONE) {
      ++side->edge_start[side->node_of_term[q->subject] + 1U];
    }
    if (side->node_of_term[q->object] != NONE) {
      ++side->edge_start[side->node_of_term[q->object] + 1U];
    }
    if (side->node_of_term[q->graph] != NONE) {
      side->edge_start[side->node_of_term[q->graph] + 1U] += 2U;
    }
  }
  for (size_t i = 0U; i < m; ++i) {
    side->edge_start[i + 1U] += side->edge_start[i];
  }
  for (size_t i = 0U; i < side->n_quads; ++i) {
    const AseankgQuad* const q       = &side->quads[i];
    const uint32_t           subject = side->node_of_term[q->subject];
    const uint32_t           object  = side->node_of_term[q->object];
    const uint32_t           name    = side->node_of_term[q->graph];
    if (subject != NONE) {
      side->nodes[subject] = q->subject;
      const Edge edge      = { q->predicate, q->graph, q->object, object, name, 0U };
      side->edges[side->edge_start[subject] + fill[subject]++] = edge;
    }
    if (object != NONE) {
      side->nodes[object] = q->object;
      const Edge edge     = { q->predicate, q->graph, q->subject, subject, name, 1U };
      side->edges[side->edge_start[object] + fill[object]++] = edge;
    }
    if (name != NONE) {
      side->nodes[name]     = q->graph;
      const Edge to_subject = { q->predicate, 0U, q->subject, subject, NONE, 2U };
      const Edge to_object  = { q->predicate, 0U, q->object, object, NONE, 3U };
      side->edges[side->edge_start[name] + fill[name]++] = to_subject;
      side->edges[side->edge_start[name] + fill[name]++] = to_object;
    }
  }
  free(fill);

  /* Edges in a fixed order per node, so matching can walk two nodes' edges side by side. */
  for (size_t i = 0U; i < m; ++i) {
    sort_edges(side->edges + side->edge_start[i], side->edge_start[i + 1U] - side->edge_start[i]);
  }
  return ASEANKG_SUCCESS;
}

/* The hash of one edge given the colours of blank neighbours (or a constant before any round). */
static uint64_t
edge_hash(const Edge* const edge, const uint64_t* const colors)
{
  const uint64_t other =
    edge->other_node == NONE ? aseankg_hash_mix(edge->other) : (colors ? colors[edge->other_node] : 0x9E37U);
  const uint64_t name =
    edge->graph_node == NONE ? aseankg_hash_mix(edge->graph) : (colors ? colors[edge->graph_node] : 0x6A09U);
  return aseankg_hash_mix((uint64_t)edge->role * 0x100000001B3ULL ^ aseankg_hash_mix(edge->predicate) ^
                          name * 3U ^ other * 7U);
}

/* One refinement round: a node's colour summarises its own and its neighbours' colours. */
static void
refine(Side* const side, const uint64_t* const previous, uint64_t* const next)
{
  for (size_t i = 0U; i < side->n_nodes; ++i) {
    uint64_t sum = 0U;
    for (size_t e = side->edge_start[i]; e < side->edge_start[i + 1U]; ++e) {
      sum += edge_hash(&side->edges[e], previous);
    }
    next[i] = aseankg_hash_mix((previous ? previous[i] : 0x51U) * 31U + sum);
  }
}

static int
compare_u64(const void* const a, const void* const b)
{
  const uint64_t x = *(const uint64_t*)a;
  const uint64_t y = *(const uint64_t*)b;
  return (x > y) - (x < y);
}

static size_t
count_distinct(const uint64_t* const colors, const size_t n, uint64_t* const scratch)
{
  if (!n) {
    return 0U;
  }
  memcpy(scratch, colors, n * sizeof(uint64_t));
  qsort(scratch, n, sizeof(uint64_t), compare_u64);
  size_t distinct = 1U;
  for (size_t i = 1U; i < n; ++i) {
    distinct += scratch[i] != scratch[i - 1U];
  }
  return distinct;
}

/* Refine both sides together until neither partition gets finer. */
static AseankgStatus
color_both(Side* const a, Side* const b)
{
  const size_t    most    = a->n_nodes > b->n_nodes ? a->n_nodes : b->n_nodes;
  uint64_t* const next_a  = (uint64_t*)malloc((most ? most : 1U) * sizeof(uint64_t));
  uint64_t* const next_b  = (uint64_t*)malloc((most ? most : 1U) * sizeof(uint64_t));
  uint64_t* const scratch = (uint64_t*)malloc((most ? most : 1U) * sizeof(uint64_t));
  if (!next_a || !next_b || !scratch) {
    free(next_a);
    free(next_b);
    free(scratch);
    return ASEANKG_ERR_NOMEM;
  }

  refine(a, NULL, a->color0);
  refine(b, NULL, b->color0);
  memcpy(a->color, a->color0, a->n_nodes * sizeof(uint64_t));
  memcpy(b->color, b->color0, b->n_nodes * sizeof(uint64_t));
  size_t classes_a = count_distinct(a->color, a->n_nodes, scratch);
  size_t classes_b = count_distinct(b->color, b->n_nodes, scratch);
  size_t kept      = 1U; /* rows of the history filled */
  for (unsigned round = 0U; round < MAX_ROUNDS; ++round) {
    refine(a, a->color, next_a);
    refine(b, b->color, next_b);
    memcpy(a->color, next_a, a->n_nodes * sizeof(uint64_t));
    memcpy(b->color, next_b, b->n_nodes * sizeof(uint64_t));
    const size_t now_a = count_distinct(a->color, a->n_nodes, scratch);
    const size_t now_b = count_distinct(b->color, b->n_nodes, scratch);
    if (now_a == classes_a && now_b == classes_b) {
      break;
    }
    classes_a = now_a;
    classes_b = now_b;
    if (kept < HISTORY) {
      memcpy(a->color0 + kept * a->n_nodes, a->color, a->n_nodes * sizeof(uint64_t));
      memcpy(b->color0 + kept * b->n_nodes, b->color, b->n_nodes * sizeof(uint64_t));
      ++kept;
    }
  }
  /* Rounds after the partition stopped changing say nothing new: repeat the last one kept. */
  for (; kept < HISTORY; ++kept) {
    memcpy(a->color0 + kept * a->n_nodes, a->color0 + (kept - 1U) * a->n_nodes,
           a->n_nodes * sizeof(uint64_t));
    memcpy(b->color0 + kept * b->n_nodes, b->color0 + (kept - 1U) * b->n_nodes,
           b->n_nodes * sizeof(uint64_t));
  }

  free(next_a);
  free(next_b);
  free(scratch);
  return ASEANKG_SUCCESS;
}

/* --- Matching ------------------------------------------------------------ */

typedef struct {
  uint64_t color;
  uint32_t node;
  uint32_t side; /* 0 old, 1 new */
} Entry;

static int
compare_entries(const void* const x, const void* const y)
{
  const Entry* const a = (const Entry*)x;
  const Entry* const b = (const Entry*)y;
  if (a->color != b->color) {
    return a->color < b->color ? -1 : 1;
  }
  if (a->side != b->side) {
    return a->side < b->side ? -1 : 1;
  }
  return (a->node > b->node) - (a->node < b->node);
}

/*
   Edges with the same key (role, predicate, graph) can be paired across sides; all blank graph names
   count as one key, since their labels mean nothing across sides.
*/
static int
compare_edges_key(const Edge* const x, const Edge* const y)
{
  if (x->role != y->role) {
    return x->role < y->role ? -1 : 1;
  }
  if (x->predicate != y->predicate) {
    return x->predicate < y->predicate ? -1 : 1;
  }
  if ((x->graph_node == NONE) != (y->graph_node == NONE)) {
    return x->graph_node == NONE ? -1 : 1;
  }
  return x->graph_node != NONE ? 0 : (x->graph > y->graph) - (x->graph < y->graph);
}

typedef struct {
  Side*     a;
  Side*     b;
  uint32_t* queue; /* matched old nodes whose neighbours are still to look at */
  size_t    head;
  size_t    tail;
} Matcher;

static void
pair(Matcher* const m, const uint32_t x, const uint32_t y)
{
  m->a->match[x]      = y;
  m->b->match[y]      = x;
  m->queue[m->tail++] = x;
}

/* Spread matches along edges that are unique on both sides: same role, predicate and graph. */
static void
propagate(Matcher* const m)
{
  while (m->head < m->tail) {
    const uint32_t x  = m->queue[m->head++];
    const uint32_t y  = m->a->match[x];
    size_t         i  = m->a->edge_start[x];
    size_t         j  = m->b->edge_start[y];
    const size_t   ie = m->a->edge_start[x + 1U];
    const size_t   je = m->b->edge_start[y + 1U];
    while (i < ie && j < je) {
      const Edge* const ea    = &m->a->edges[i];
      const Edge* const eb    = &m->b->edges[j];
      const int         order = compare_edges_key(ea, eb);
      if (order) {
        order < 0 ? ++i : ++j;
        continue;
      }

      /* The group of edges with this key on each side; pair them if each has one unmatched blank node. */
      size_t   i_end = i, j_end = j, open_a = 0U, open_b = 0U;
      uint32_t cand_a = NONE, cand_b = NONE;
      while (i_end < ie && !compare_edges_key(&m->a->edges[i_end], ea)) {
        const uint32_t n = m->a->edges[i_end++].other_node;
        if (n != NONE && m->a->match[n] == NONE) {
          ++open_a;
          cand_a = n;
        }
      }
      while (j_end < je && !compare_edges_key(&m->b->edges[j_end], eb)) {
        const uint32_t n = m->b->edges[j_end++].other_node;
        if (n != NONE && m->b->match[n] == NONE) {
          ++open_b;
          cand_b = n;
        }
      }
      if (open_a == 1U && open_b == 1U && m->a->match[cand_a] == NONE && m->b->match[cand_b] == NONE) {
        pair(m, cand_a, cand_b);
      }
      i = i_end;
      j = j_end;
    }
  }
}

/*
   Pair unmatched nodes that share a colour. With `unique_only`, only colours
   held by exactly one unmatched node on each side; otherwise pair them up in
   index order, which is right for interchangeable nodes and still gives a
   correct (if larger) diff when the colour hides a difference.
*/
static AseankgStatus
match_by_color(Matcher* const m, const int round, const int unique_only)
{
  const size_t total   = m->a->n_nodes + m->b->n_nodes;
  Entry* const entries = (Entry*)malloc((total ? total : 1U) * sizeof(Entry));
  if (!entries) {
    return ASEANKG_ERR_NOMEM;
  }

  size_t n = 0U;
  for (uint32_t s = 0U; s < 2U; ++s) {
    const Side* const side = s ? m->b : m->a;
    for (uint32_t i = 0U; i < side->n_nodes; ++i) {
      if (side->match[i] == NONE) {
        const Entry entry = { round < 0 ? side->color[i] : side->color0[(size_t)round * side->n_nodes + i], i,
                              s };
        entries[n++]      = entry;
      }
    }
  }
  qsort(entries, n, sizeof(Entry), compare_entries);

  for (size_t begin = 0U; begin < n;) {
    size_t end = begin;
    size_t mid = begin; /* first new-side entry of the group */
    while (end < n && entries[end].color == entries[begin].color) {
      mid += entries[end].side == 0U;
      ++end;
    }
    const size_t n_old = mid - begin;
    const size_t n_new = end - mid;
    if (!unique_only || (n_old == 1U && n_new == 1U)) {
      /*
         One pair at a time, spreading each before choosing the next: in a
         symmetric structure (a ring, a clique) the first choice is free and
         propagation then fixes the rest consistently.
      */
      size_t i = begin;
      size_t j = mid;
      for (;;) {
        while (i < mid && m->a->match[entries[i].node] != NONE) {
          ++i;
        }
        while (j < end && m->b->match[entries[j].node] != NONE) {
          ++j;
        }
        if (i == mid || j == end) {
          break;
        }
        pair(m, entries[i].node, entries[j].node);
        propagate(m);
      }
    }
    begin = end;
  }

  free(entries);
  return ASEANKG_SUCCESS;
}

typedef struct {
  uint64_t hash;
  uint32_t node;
} Anchor;

static int
compare_anchors(const void* const x, const void* const y)
{
  const Anchor* const a = (const Anchor*)x;
  const Anchor* const b = (const Anchor*)y;
  if (a->hash != b->hash) {
    return a->hash < b->hash ? -1 : 1;
  }
  return (a->node > b->node) - (a->node < b->node);
}

/* An edge shared by more nodes than this says little about which node is which. */
#define MAX_ANCHOR_GROUP 16U

/*
   Pair an unmatched new node with the unmatched old node that shares most of
   its ground edges (at least half of them): a node with one edited value is
   still the same node. Shared edges are found through a sorted index, so
   the work is linear in the edges apart from the sorting.
*/
static AseankgStatus
match_by_similarity(Matcher* const m)
{
  const Side* const a       = m->a;
  size_t            n       = 0U;
  Anchor* const     anchors = (Anchor*)malloc((a->edge_start[a->n_nodes] + 1U) * sizeof(Anchor));
  uint32_t* const   score   = (uint32_t*)calloc(a->n_nodes + 1U, sizeof(uint32_t));
  uint32_t* const   touched = (uint32_t*)malloc((a->n_nodes + 1U) * sizeof(uint32_t));
  if (!anchors || !score || !touched) {
    free(anchors);
    free(score);
    free(touched);
    return ASEANKG_ERR_NOMEM;
  }

  for (uint32_t x = 0U; x < a->n_nodes; ++x) {
    for (size_t e = a->edge_start[x]; a->match[x] == NONE && e < a->edge_start[x + 1U]; ++e) {
      if (a->edges[e].other_node == NONE) {
        const Anchor anchor = { edge_hash(&a->edges[e], NULL), x };
        anchors[n++]        = anchor;
      }
    }
  }
  qsort(anchors, n, sizeof(Anchor), compare_anchors);

  const Side* const b = m->b;
  for (uint32_t y = 0U; y < b->n_nodes; ++y) {
    if (b->match[y] != NONE) {
      continue;
    }
    size_t   n_touched = 0U;
    uint32_t degree    = 0U;
    for (size_t e = b->edge_start[y]; e < b->edge_start[y + 1U]; ++e) {
      if (b->edges[e].other_node != NONE) {
        continue;
      }
      ++degree;
      const uint64_t hash = edge_hash(&b->edges[e], NULL);
      size_t         lo = 0U, hi = n; /* first anchor with this hash */
      while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2U;
        if (anchors[mid].hash < hash) {
          lo = mid + 1U;
        } else {
          hi = mid;
        }
      }
      size_t end = lo;
      while (end < n && anchors[end].hash == hash) {
        ++end;
      }
      for (size_t k = lo; end - lo <= MAX_ANCHOR_GROUP && k < end; ++k) {
        const uint32_t x = anchors[k].node;
        if (a->match[x] == NONE && !score[x]++) {
          touched[n_touched++] = x;
        }
      }
    }

    uint32_t best = NONE;
    for (size_t k = 0U; k < n_touched; ++k) {
      const uint32_t x = touched[k];
      if (best == NONE || score[x] > score[best] || (score[x] == score[best] && x < best)) {
        best = x;
      }
    }
    if (best != NONE && score[best] * 2U >= degree) {
      pair(m, best, y);
      propagate(m);
    }
    for (size_t k = 0U; k < n_touched; ++k) {
      score[touched[k]] = 0U;
    }
  }

  free(anchors);
  free(score);
  free(touched);
  return ASEANKG_SUCCESS;
}

/* --- Exact matching of tied components ------------------------------------------------ */

/*
   Colour refinement cannot tell apart the nodes of a regular structure (a ring,
   a strongly regular graph): every node keeps one colour, and pairing tied
   nodes in index order misjudges isomorphic copies. So the nodes still
   unmatched once the certain pairs are made are split into connected
   components (joined by the quads between unmatched nodes), and an old and a
   new component with the same size and colours are tested for isomorphism
   exactly, by individualization and refinement: refine both components'
   colours together until stable (a colour class that differs in size between
   the two sides means no isomorphism along this branch); while a class holds
   more than one node, give its first old node and, in turn, each new node of
   the same class one fresh colour and search on. A discrete colouring gives a
   candidate pairing, accepted only if it maps the old component's quads onto
   the new one's exactly. Matched neighbours are coloured by the pair they
   belong to, so an accepted pairing agrees with everything matched before.
   Components are sorted into isomorphism classes, each tested against one
   representative, so many copies of a few shapes cost a few tests each. The
   search stops at DIFF_EXACT_WORK edge visits plus DIFF_EXACT_WORK_PER_EDGE
   per edge of the unmatched nodes, in all; what is left is
   then paired by the inexact steps (still a correct diff, maybe not the
   smallest).
*/
#define DIFF_EXACT_WORK ((size_t)1U << 24U)
#define DIFF_EXACT_WORK_PER_EDGE 1024U

typedef struct {
  uint32_t* parent;     /* union-find over the side's nodes */
  uint32_t* comp_of;    /* component index by root node, NONE for matched nodes */
  uint32_t* quad_start; /* quads of component c: quad_order[quad_start[c] .. quad_start[c + 1]) */
  uint32_t* quad_order;
  uint32_t* node_start; /* nodes of component c: node_order[node_start[c] .. node_start[c + 1]) */
  uint32_t* node_order;
  uint32_t* local; /* a node's position in its component's node list */
  uint32_t  n_comps;
} Components;

typedef struct {
  uint64_t signature; /* the component's sizes and colours, comparable across sides */
  uint32_t comp;
  uint32_t side;
} CompEntry;

/* One component under test: its side, nodes and quads. */
typedef struct {
  const Side*       side;
  const Side*       old; /* the old side, for the colours of matched nodes */
  int               is_new;
  const uint32_t*   nodes;
  uint32_t          n;
  const uint32_t*   quads; /* indexes into side->quads */
  uint32_t          n_quads;
  const uint32_t*   local; /* node -> position in `nodes`, for the component's own nodes */
  const Components* comps;
} Part;

typedef struct {
  size_t    work;  /* edge visits so far */
  size_t    limit; /* most edge visits allowed */
  uint64_t* next;
  uint64_t* sorted_x;
  uint64_t* sorted_y;
  uint32_t* pairing; /* for each position of the old part, the position of its new partner */
} Search;

static uint32_t
find_root(uint32_t* const parent, uint32_t x)
{
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x         = parent[x];
  }
  return x;
}

static void
components_release(Components* const c)
{
  free(c->parent);
  free(c->comp_of);
  free(c->quad_start);
  free(c->quad_order);
  free(c->node_start);
  free(c->node_order);
  free(c->local);
  const Components empty = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0U };
  *c                     = empty;
}

/* The side's unmatched node at end `term` of a quad, or NONE. */
static uint32_t
open_node(const Side* const side, const AseankgTermId term)
{
  const uint32_t node = term < side->n_terms ? side->node_of_term[term] : NONE;
  return node != NONE && side->match[node] == NONE ? node : NONE;
}

/* The component of quad `q`'s unmatched nodes, or NONE if it has none. */
static uint32_t
quad_component(const Side* const side, Components* const c, const AseankgQuad* const q)
{
  const uint32_t ends[3] = { open_node(side, q->subject), open_node(side, q->object),
                             open_node(side, q->graph) };
  for (unsigned e = 0U; e < 3U; ++e) {
    if (ends[e] != NONE) {
      return c->comp_of[find_root(c->parent, ends[e])];
    }
  }
  return NONE;
}

static AseankgStatus
components_build(const Side* const side, Components* const c)
{
  const size_t n = side->n_nodes;
  c->parent      = (uint32_t*)malloc((n + 1U) * sizeof(uint32_t));
  c->comp_of     = (uint32_t*)malloc((n + 1U) * sizeof(uint32_t));
  c->local       = (uint32_t*)malloc((n + 1U) * sizeof(uint32_t));
  c->node_order  = (uint32_t*)malloc((n + 1U) * sizeof(uint32_t));
  c->node_start  = (uint32_t*)calloc(n + 2U, sizeof(uint32_t));
  c->quad_start  = (uint32_t*)calloc(n + 2U, sizeof(uint32_t));
  c->quad_order  = (uint32_t*)malloc((side->n_quads + 1U) * sizeof(uint32_t));
  uint32_t* fill = (uint32_t*)calloc(n + 1U, sizeof(uint32_t));
  if (!c->parent || !c->comp_of || !c->local || !c->node_order || !c->node_start || !c->quad_start ||
      !c->quad_order || !fill) {
    free(fill);
    return ASEANKG_ERR_NOMEM;
  }
  for (uint32_t i = 0U; i < n; ++i) {
    c->parent[i]  = i;
    c->comp_of[i] = NONE;
  }
  for (size_t i = 0U; i < side->n_quads; ++i) {
    const AseankgQuad* const q       = &side->quads[i];
    const uint32_t           ends[3] = { open_node(side, q->subject), open_node(side, q->object),
                                         open_node(side, q->graph) };
    uint32_t                 first   = NONE;
    for (unsigned e = 0U; e < 3U; ++e) {
      if (ends[e] != NONE) {
        const uint32_t root = find_root(c->parent, ends[e]);
        if (first == NONE) {
          first = root;
        } else if (root != first) {
          c->parent[root] = first;
        }
      }
    }
  }
  for (uint32_t i = 0U; i < n; ++i) {
    if (side->match[i] == NONE) {
      const uint32_t root = find_root(c->parent, i);
      if (c->comp_of[root] == NONE) {
        c->comp_of[root] = c->n_comps++;
      }
      ++c->node_start[c->comp_of[root] + 1U];
    }
  }
  for (uint32_t k = 0U; k < c->n_comps; ++k) {
    c->node_start[k + 1U] += c->node_start[k];
  }
  for (uint32_t i = 0U; i < n; ++i) {
    if (side->match[i] == NONE) {
      const uint32_t comp                               = c->comp_of[find_root(c->parent, i)];
      c->local[i]                                       = fill[comp];
      c->node_order[c->node_start[comp] + fill[comp]++] = i;
    }
  }
  /* Bucket the quads by component (a counting sort). */
  for (size_t i = 0U; i < side->n_quads; ++i) {
    const uint32_t comp = quad_component(side, c, &side->quads[i]);
    if (comp != NONE) {
      ++c->quad_start[comp + 1U];
    }
  }
  for (uint32_t k = 0U; k < c->n_comps; ++k) {
    c->quad_start[k + 1U] += c->quad_start[k];
  }
  memset(fill, 0, (n + 1U) * sizeof(uint32_t));
  for (size_t i = 0U; i < side->n_quads; ++i) {
    const uint32_t comp = quad_component(side, c, &side->quads[i]);
    if (comp != NONE) {
      c->quad_order[c->quad_start[comp] + fill[comp]++] = (uint32_t)i;
    }
  }
  free(fill);
  return ASEANKG_SUCCESS;
}

static Part
make_part(const Side* const side, const Side* const old, const Components* const c, const uint32_t comp)
{
  const Part part = { side,
                      old,
                      side != old,
                      c->node_order + c->node_start[comp],
                      c->node_start[comp + 1U] - c->node_start[comp],
                      c->quad_order + c->quad_start[comp],
                      c->quad_start[comp + 1U] - c->quad_start[comp],
                      c->local,
                      c };
  return part;
}

/* Whether `node` is one of the part's own nodes. */
static int
in_part(const Part* const p, const uint32_t node)
{
  return node != NONE && p->side->match[node] == NONE;
}

/* The colour of one end of an edge: the part's colour, the pair's for a matched node, or the term's. */
static uint64_t
end_color(const Part* const p, const uint64_t* const colors, const uint32_t node, const AseankgTermId term)
{
  if (node == NONE) {
    return aseankg_hash_mix(term);
  }
  if (in_part(p, node)) {
    return colors[p->local[node]];
  }
  const uint32_t old = p->is_new ? p->side->match[node] : node;
  return aseankg_hash_mix(((uint64_t)old << 1U) | 1U) ^ 0xC3A5C85C97CB3127ULL;
}

static void
refine_part(const Part* const p, const uint64_t* const colors, uint64_t* const next, size_t* const work)
{
  for (uint32_t i = 0U; i < p->n; ++i) {
    const uint32_t node = p->nodes[i];
    uint64_t       sum  = 0U;
    for (size_t e = p->side->edge_start[node]; e < p->side->edge_start[node + 1U]; ++e) {
      const Edge* const edge  = &p->side->edges[e];
      const uint64_t    other = end_color(p, colors, edge->other_node, edge->other);
      const uint64_t    name  = edge->graph_node == NONE ? aseankg_hash_mix(edge->graph)
                                                         : end_color(p, colors, edge->graph_node, edge->graph);
      sum += aseankg_hash_mix((uint64_t)edge->role * 0x100000001B3ULL ^ aseankg_hash_mix(edge->predicate) ^
                              name * 3U ^ other * 7U);
    }
    next[i] = aseankg_hash_mix(colors[i] * 31U + sum);
    *work += p->side->edge_start[node + 1U] - p->side->edge_start[node] + 1U;
  }
}

/* Whether two colourings hold the same colours as many times each; `sorted_*` receive them sorted. */
static int
same_colors(const uint64_t* const x, const uint64_t* const y, const uint32_t n, uint64_t* const sorted_x,
            uint64_t* const sorted_y)
{
  memcpy(sorted_x, x, n * sizeof(uint64_t));
  memcpy(sorted_y, y, n * sizeof(uint64_t));
  qsort(sorted_x, n, sizeof(uint64_t), compare_u64);
  qsort(sorted_y, n, sizeof(uint64_t), compare_u64);
  return !memcmp(sorted_x, sorted_y, n * sizeof(uint64_t));
}

static size_t
distinct_sorted(const uint64_t* const sorted, const uint32_t n)
{
  size_t distinct = n ? 1U : 0U;
  for (uint32_t i = 1U; i < n; ++i) {
    distinct += sorted[i] != sorted[i - 1U];
  }
  return distinct;
}

/*
   A term of a part in a space both sides share: a ground term by its id, a
   matched node by its old-side index, a node of the part by `position` (for
   the first part, its partner's position under the pairing).
*/
static uint64_t
neutral_term(const Part* const p, const uint32_t* const position, const AseankgTermId term)
{
  const uint32_t node = term < p->side->n_terms ? p->side->node_of_term[term] : NONE;
  if (node == NONE) {
    return term;
  }
  if (in_part(p, node)) {
    const uint32_t local = p->local[node];
    return (2ULL << 32U) | (position ? position[local] : local);
  }
  return (1ULL << 32U) | (p->is_new ? p->side->match[node] : node);
}

typedef struct {
  uint64_t t[4];
} NeutralQuad;

static int
compare_neutral(const void* const x, const void* const y)
{
  const NeutralQuad* const a = (const NeutralQuad*)x;
  const NeutralQuad* const b = (const NeutralQuad*)y;
  for (unsigned i = 0U; i < 4U; ++i) {
    if (a->t[i] != b->t[i]) {
      return a->t[i] < b->t[i] ? -1 : 1;
    }
  }
  return 0;
}

static NeutralQuad*
neutral_quads(const Part* const p, const uint32_t* const position)
{
  NeutralQuad* const out = (NeutralQuad*)malloc((p->n_quads + 1U) * sizeof(NeutralQuad));
  for (uint32_t k = 0U; out && k < p->n_quads; ++k) {
    const AseankgQuad* const q = &p->side->quads[p->quads[k]];
    out[k].t[0]                = neutral_term(p, position, q->subject);
    out[k].t[1]                = q->predicate;
    out[k].t[2]                = neutral_term(p, position, q->object);
    out[k].t[3]                = neutral_term(p, position, q->graph);
  }
  if (out) {
    qsort(out, p->n_quads, sizeof(NeutralQuad), compare_neutral);
  }
  return out;
}

/* Whether `pairing` maps part x's quads exactly onto part y's (either part on either side). */
static int
pairing_holds(const Part* const x, const Part* const y, const uint32_t* const pairing)
{
  if (x->n_quads != y->n_quads) {
    return 0;
  }
  NeutralQuad* const mapped = neutral_quads(x, pairing);
  NeutralQuad* const target = neutral_quads(y, NULL);
  const int          holds  = mapped && target && !memcmp(mapped, target, x->n_quads * sizeof(NeutralQuad));
  free(mapped);
  free(target);
  return holds;
}

/*
   Search for an isomorphism from part x to part y starting from colourings cx
   and cy (both changed). Returns 1 with `search->pairing` filled, 0 if there
   is none, -1 when out of work or memory.
*/
static int
search_iso(const Part* const x, const Part* const y, uint64_t* const cx, uint64_t* const cy,
           Search* const search)
{
  const uint32_t n = x->n;
  /* Refine until the number of classes stops growing, checking the sides agree after every round. */
  size_t classes = 0U;
  for (;;) {
    if (!same_colors(cx, cy, n, search->sorted_x, search->sorted_y)) {
      return 0;
    }
    const size_t now = distinct_sorted(search->sorted_x, n);
    if (now == classes || now == n) {
      classes = now;
      break;
    }
    classes = now;
    refine_part(x, cx, search->next, &search->work);
    memcpy(cx, search->next, n * sizeof(uint64_t));
    refine_part(y, cy, search->next, &search->work);
    memcpy(cy, search->next, n * sizeof(uint64_t));
    if (search->work > search->limit) {
      return -1;
    }
  }

  if (classes == n) { /* discrete: the colours name the pairs */
    for (uint32_t i = 0U; i < n; ++i) {
      const uint64_t* const found =
        (const uint64_t*)bsearch(&cx[i], search->sorted_x, n, sizeof(uint64_t), compare_u64);
      search->pairing[i] = (uint32_t)(found - search->sorted_x); /* rank of the colour, for now */
    }
    uint32_t* const by_rank = (uint32_t*)malloc((n + 1U) * sizeof(uint32_t));
    if (!by_rank) {
      return -1;
    }
    for (uint32_t j = 0U; j < n; ++j) {
      const uint64_t* const found =
        (const uint64_t*)bsearch(&cy[j], search->sorted_x, n, sizeof(uint64_t), compare_u64);
      by_rank[found - search->sorted_x] = j;
    }
    for (uint32_t i = 0U; i < n; ++i) {
      search->pairing[i] = by_rank[search->pairing[i]];
    }
    free(by_rank);
    return pairing_holds(x, y, search->pairing);
  }

  /* The smallest tied class (lowest colour among equals), its first old node, and each new node in turn. */
  uint64_t target = 0U;
  size_t   best   = SIZE_MAX;
  for (uint32_t i = 0U; i < n;) {
    uint32_t j = i;
    while (j < n && search->sorted_x[j] == search->sorted_x[i]) {
      ++j;
    }
    if (j - i > 1U && j - i < best) {
      best   = j - i;
      target = search->sorted_x[i];
    }
    i = j;
  }
  uint32_t first = 0U;
  while (cx[first] != target) {
    ++first;
  }
  uint64_t* const copy = (uint64_t*)calloc(2U * ((size_t)n + 1U), sizeof(uint64_t));
  if (!copy) {
    return -1;
  }
  const uint64_t fresh  = aseankg_hash_mix(target ^ 0x2545F4914F6CDD1DULL);
  int            result = 0;
  for (uint32_t j = 0U; result == 0 && j < n; ++j) {
    if (cy[j] == target) {
      memcpy(copy, cx, n * sizeof(uint64_t));
      memcpy(copy + n, cy, n * sizeof(uint64_t));
      copy[first] = fresh;
      copy[n + j] = fresh;
      result      = search_iso(x, y, copy, copy + n, search);
    }
  }
  free(copy);
  return result;
}

static int
compare_comp_entries(const void* const x, const void* const y)
{
  const CompEntry* const a = (const CompEntry*)x;
  const CompEntry* const b = (const CompEntry*)y;
  if (a->signature != b->signature) {
    return a->signature < b->signature ? -1 : 1;
  }
  if (a->side != b->side) {
    return a->side < b->side ? -1 : 1;
  }
  return (a->comp > b->comp) - (a->comp < b->comp);
}

/* Whether parts x and y are isomorphic (1, with `search->pairing` from x's positions to y's), not (0), or
 * unknown (-1). */
static int
isomorphic(const Part* const x, const Part* const y, Search* const search)
{
  if (!x->n || x->n != y->n || x->n_quads != y->n_quads) {
    return 0;
  }
  uint64_t* const colors = (uint64_t*)calloc(2U * ((size_t)x->n + 1U), sizeof(uint64_t));
  if (!colors) {
    return -1;
  }
  for (uint32_t k = 0U; k < x->n; ++k) {
    colors[k]        = x->side->color[x->nodes[k]];
    colors[x->n + k] = y->side->color[y->nodes[k]];
  }
  const int found = search_iso(x, y, colors, colors + x->n, search);
  free(colors);
  return found;
}

typedef struct {
  size_t rep; /* the entry this class was first seen as */
  size_t next_old;
  size_t next_new;
} IsoClass;

/*
   Sort the components of one signature into isomorphism classes, each tested
   against one representative (so the work grows with the number of classes,
   not of pairs), then pair each class's old components with its new ones:
   old X and new Y are paired through the representative R as Y ∘ X⁻¹ of the
   pairings R→X and R→Y.
*/
static AseankgStatus
match_components(Matcher* const m, Components* const comps, const CompEntry* const entries,
                 const size_t begin, const size_t end, Search* const search)
{
  const size_t    n         = end - begin;
  IsoClass* const classes   = (IsoClass*)calloc(n + 1U, sizeof(IsoClass));
  size_t* const   class_of  = (size_t*)malloc((n + 1U) * sizeof(size_t));
  uint32_t*       from_rep  = NULL; /* for each entry, the pairing from its representative: positions */
  size_t          n_classes = 0U;
  const size_t    size      = comps[entries[begin].side].node_start[entries[begin].comp + 1U] -
                      comps[entries[begin].side].node_start[entries[begin].comp];
  from_rep = (uint32_t*)malloc((n * size + 1U) * sizeof(uint32_t));
  if (!classes || !class_of || !from_rep) {
    free(classes);
    free(class_of);
    free(from_rep);
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t e = 0U; e < n; ++e) {
    const CompEntry* const entry = &entries[begin + e];
    const Part part = make_part(entry->side ? m->b : m->a, m->a, &comps[entry->side], entry->comp);
    class_of[e]     = SIZE_MAX;
    for (size_t c = 0U; c < n_classes && search->work <= search->limit; ++c) {
      const CompEntry* const rep_entry = &entries[begin + classes[c].rep];
      const Part             rep =
        make_part(rep_entry->side ? m->b : m->a, m->a, &comps[rep_entry->side], rep_entry->comp);
      const int found = isomorphic(&rep, &part, search);
      if (found == 1) {
        class_of[e] = c;
        memcpy(from_rep + e * size, search->pairing, size * sizeof(uint32_t));
        break;
      }
      if (found < 0) {
        break;
      }
    }
    if (class_of[e] == SIZE_MAX && search->work <= search->limit && part.n == size) {
      classes[n_classes].rep = e;
      class_of[e]            = n_classes++;
      for (uint32_t k = 0U; k < size; ++k) {
        from_rep[e * size + k] = k;
      }
    }
  }

  /* Pair, in entry order: each old component with the next new one of its class. */
  uint32_t* const inverse = (uint32_t*)malloc((size + 1U) * sizeof(uint32_t));
  if (!inverse) {
    free(classes);
    free(class_of);
    free(from_rep);
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t c = 0U; c < n_classes; ++c) {
    size_t x = 0U;
    size_t y = 0U;
    for (;;) {
      while (x < n && (class_of[x] != c || entries[begin + x].side != 0U)) {
        ++x;
      }
      while (y < n && (class_of[y] != c || entries[begin + y].side != 1U)) {
        ++y;
      }
      if (x == n || y == n) {
        break;
      }
      const Part old_part = make_part(m->a, m->a, &comps[0], entries[begin + x].comp);
      const Part new_part = make_part(m->b, m->a, &comps[1], entries[begin + y].comp);
      for (uint32_t k = 0U; k < size; ++k) {
        inverse[from_rep[x * size + k]] = k; /* old position -> representative position */
      }
      for (uint32_t k = 0U; k < size; ++k) {
        pair(m, old_part.nodes[k], new_part.nodes[from_rep[y * size + inverse[k]]]);
      }
      ++x;
      ++y;
    }
  }
  free(inverse);
  free(classes);
  free(class_of);
  free(from_rep);
  return ASEANKG_SUCCESS;
}

static AseankgStatus
match_exactly(Matcher* const m)
{
  Components comps[2];
  memset(comps, 0, sizeof(comps));
  const size_t  most    = (m->a->n_nodes > m->b->n_nodes ? m->a->n_nodes : m->b->n_nodes) + 1U;
  Search        search  = { 0U, DIFF_EXACT_WORK, NULL, NULL, NULL, NULL };
  CompEntry*    entries = NULL;
  size_t        n       = 0U;
  AseankgStatus st      = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, components_build(m->a, &comps[0]));
  TRY_CLEANUP(st, components_build(m->b, &comps[1]));
  for (uint32_t s = 0U; s < 2U; ++s) {
    const Side* const side = s ? m->b : m->a;
    for (uint32_t i = 0U; i < side->n_nodes; ++i) {
      if (side->match[i] == NONE) {
        search.limit += DIFF_EXACT_WORK_PER_EDGE * (side->edge_start[i + 1U] - side->edge_start[i]);
      }
    }
  }
  entries         = (CompEntry*)calloc(comps[0].n_comps + comps[1].n_comps + 1U, sizeof(CompEntry));
  search.next     = (uint64_t*)malloc(most * sizeof(uint64_t));
  search.sorted_x = (uint64_t*)malloc(most * sizeof(uint64_t));
  search.sorted_y = (uint64_t*)malloc(most * sizeof(uint64_t));
  search.pairing  = (uint32_t*)malloc(most * sizeof(uint32_t));
  if (!entries || !search.next || !search.sorted_x || !search.sorted_y || !search.pairing) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (uint32_t s = 0U; s < 2U; ++s) {
    const Side* const side = s ? m->b : m->a;
    for (uint32_t k = 0U; k < comps[s].n_comps; ++k) {
      CompEntry* const entry = &entries[n++];
      entry->comp            = k;
      entry->side            = s;
      entry->signature       = aseankg_hash_mix(comps[s].quad_start[k + 1U] - comps[s].quad_start[k]);
      for (uint32_t i = comps[s].node_start[k]; i < comps[s].node_start[k + 1U]; ++i) {
        entry->signature += aseankg_hash_mix(side->color[comps[s].node_order[i]] + 1U);
      }
    }
  }
  qsort(entries, n, sizeof(CompEntry), compare_comp_entries);
  for (size_t begin = 0U; begin < n;) {
    size_t end = begin;
    size_t mid = begin;
    while (end < n && entries[end].signature == entries[begin].signature) {
      mid += entries[end].side == 0U;
      ++end;
    }
    if (mid > begin && end > mid) { /* components with this signature on both sides */
      TRY_CLEANUP(st, match_components(m, comps, entries, begin, end, &search));
    }
    begin = end;
  }
  propagate(m);

cleanup:
  free(entries);
  free(search.next);
  free(search.sorted_x);
  free(search.sorted_y);
  free(search.pairing);
  components_release(&comps[0]);
  components_release(&comps[1]);
  return st;
}

static AseankgStatus
match_nodes(Side* const a, Side* const b)
{
  Matcher m = { a, b, NULL, 0U, 0U };
  m.queue   = (uint32_t*)malloc((a->n_nodes ? a->n_nodes : 1U) * sizeof(uint32_t));
  if (!m.queue) {
    return ASEANKG_ERR_NOMEM;
  }

  /*
     Most certain first: unique full colours, unique ground signatures,
     isomorphic components decided exactly, interchangeable nodes, then
     nodes that differ by an edit.
  */
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, match_by_color(&m, -1, 1));
  TRY_CLEANUP(st, match_by_color(&m, 0, 1));
  TRY_CLEANUP(st, match_exactly(&m));
  /* Near an edit colours differ; farther away the early rounds' colours still agree. */
  for (int round = (int)HISTORY - 1; round >= 1; --round) {
    TRY_CLEANUP(st, match_by_color(&m, round, 1));
  }
  TRY_CLEANUP(st, match_by_color(&m, -1, 0));
  TRY_CLEANUP(st, match_by_similarity(&m));
  TRY_CLEANUP(st, match_by_color(&m, 0, 0));

cleanup:
  free(m.queue);
  return st;
}

/* --- Building the change list ---------------------------------------------------- */

/* Intern a fresh blank node for an unmatched new node, with a label the old side does not use. */
static AseankgTermId
fresh_node(AseankgGraph* const graph, unsigned* const counter)
{
  char label[48];
  for (;;) {
    const int n = snprintf(label, sizeof(label), "_:" ASEANKG_DIFF_OLD_PREFIX "new%u", ++*counter);
    if (!aseankg_graph_lookup(graph, label, (size_t)n)) {
      return aseankg_graph_blank(graph, label + 2, (size_t)n - 2U);
    }
  }
}

static int
compare_new_nodes(const void* const x, const void* const y)
{
  return compare_entries(x, y);
}

/* The new side's quads with every blank node replaced by its old match or a fresh node. */
static AseankgStatus
map_new_side(AseankgGraph* const graph, const Side* const a, const Side* const b, AseankgQuad** const mapped,
             AseankgTermId* const node_map)
{
  AseankgTermId* const target =
    (AseankgTermId*)malloc((b->n_nodes ? b->n_nodes : 1U) * sizeof(AseankgTermId));
  Entry* const order = (Entry*)malloc((b->n_nodes ? b->n_nodes : 1U) * sizeof(Entry));
  *mapped            = (AseankgQuad*)malloc((b->n_quads ? b->n_quads : 1U) * sizeof(AseankgQuad));
  if (!target || !order || !*mapped) {
    free(target);
    free(order);
    return ASEANKG_ERR_NOMEM;
  }

  /* Fresh labels in colour order, so they do not depend on the new side's own labels' order alone. */
  size_t n_fresh = 0U;
  for (uint32_t i = 0U; i < b->n_nodes; ++i) {
    if (b->match[i] != NONE) {
      target[i] = a->nodes[b->match[i]];
    } else {
      const Entry entry = { b->color[i], i, 1U };
      order[n_fresh++]  = entry;
    }
  }
  qsort(order, n_fresh, sizeof(Entry), compare_new_nodes);
  unsigned      counter = 0U;
  AseankgStatus st      = ASEANKG_SUCCESS;
  for (size_t k = 0U; k < n_fresh && !st; ++k) {
    if (!(target[order[k].node] = fresh_node(graph, &counter))) {
      st = ASEANKG_ERR_NOMEM;
    }
  }

  for (size_t i = 0U; i < b->n_quads && !st; ++i) {
    AseankgQuad    q       = b->quads[i];
    const uint32_t subject = b->node_of_term[q.subject];
    const uint32_t object  = b->node_of_term[q.object];
    const uint32_t name    = b->node_of_term[q.graph];
    if (subject != NONE) {
      q.subject = target[subject];
    }
    if (object != NONE) {
      q.object = target[object];
    }
    if (name != NONE) {
      q.graph = target[name];
    }
    (*mapped)[i] = q;
  }

  for (uint32_t i = 0U; !st && node_map && i < b->n_nodes; ++i) {
    node_map[2U * (size_t)i]      = b->nodes[i];
    node_map[2U * (size_t)i + 1U] = target[i];
  }
  free(target);
  free(order);
  return st;
}

static int
compare_changes(const void* const x, const void* const y)
{
  const Change* const       a     = (const Change*)x;
  const Change* const       b     = (const Change*)y;
  const AseankgGraph* const graph = a->graph;
  int                       cmp   = aseankg_graph_compare_terms(graph, a->quad.subject, b->quad.subject);
  cmp = cmp ? cmp : aseankg_graph_compare_terms(graph, a->quad.predicate, b->quad.predicate);
  cmp = cmp ? cmp : aseankg_graph_compare_terms(graph, a->quad.object, b->quad.object);
  cmp = cmp ? cmp : aseankg_graph_compare_terms(graph, a->quad.graph, b->quad.graph);
  return cmp ? cmp : a->added - b->added;
}

/* Set difference of two id-sorted quad lists into `diff->changes`. */
static AseankgStatus
collect_changes(AseankgDiff* const diff, const AseankgQuad* const old_quads, const size_t n_old,
                AseankgQuad* const new_quads, size_t n_new)
{
  n_new         = aseankg_quads_sort_unique(new_quads, n_new);
  diff->changes = (Change*)malloc((n_old + n_new + 1U) * sizeof(Change));
  if (!diff->changes) {
    return ASEANKG_ERR_NOMEM;
  }

  size_t i = 0U;
  size_t j = 0U;
  while (i < n_old || j < n_new) {
    const int cmp = i == n_old   ? 1
                    : j == n_new ? -1
                                 : aseankg_quads_compare_ids(&old_quads[i], &new_quads[j]);
    if (cmp < 0) {
      const Change change              = { old_quads[i++], 0, diff->graph };
      diff->changes[diff->n_changes++] = change;
      ++diff->n_removed;
    } else if (cmp > 0) {
      const Change change              = { new_quads[j++], 1, diff->graph };
      diff->changes[diff->n_changes++] = change;
      ++diff->n_added;
    } else {
      ++i;
      ++j;
    }
  }

  qsort(diff->changes, diff->n_changes, sizeof(Change), compare_changes);
  return ASEANKG_SUCCESS;
}

static int
compare_ids(const void* const x, const void* const y)
{
  const AseankgTermId a = *(const AseankgTermId*)x;
  const AseankgTermId b = *(const AseankgTermId*)y;
  return (a > b) - (a < b);
}

/* The position of an old blank node among them (its SPARQL variable is ?b<position>), or -1. */
static long
old_node_index(const AseankgDiff* const diff, const AseankgTermId id)
{
  const AseankgTermId* const found =
    diff->n_old_nodes ? (const AseankgTermId*)bsearch(&id, diff->old_nodes, diff->n_old_nodes,
                                                      sizeof(AseankgTermId), compare_ids)
                      : NULL;
  return found ? (long)(found - diff->old_nodes) : -1L;
}

/* Whether a quad of the old side has a blank node in one of the components marked in `in_component`. */
static int
in_pinned_component(const Side* const a, const uint8_t* const in_component, const AseankgQuad* const q)
{
  const uint32_t ends[3] = { a->node_of_term[q->subject], a->node_of_term[q->object],
                             a->node_of_term[q->graph] };
  for (unsigned e = 0U; e < 3U; ++e) {
    if (ends[e] != NONE && in_component[ends[e]]) {
      return 1;
    }
  }
  return 0;
}

/*
   For SPARQL Update, which cannot name blank nodes: the whole connected
   blank-node components (in the old data) of every old node a change
   touches. Matching them in WHERE finds those nodes in the store.
*/
static AseankgStatus
collect_pins(AseankgDiff* const diff, const Side* const a)
{
  diff->old_nodes = (AseankgTermId*)malloc((a->n_nodes ? a->n_nodes : 1U) * sizeof(AseankgTermId));
  uint8_t* const  in_component = (uint8_t*)calloc(a->n_nodes ? a->n_nodes : 1U, 1U);
  uint32_t* const queue        = (uint32_t*)malloc((a->n_nodes ? a->n_nodes : 1U) * sizeof(uint32_t));
  if (!diff->old_nodes || !in_component || !queue) {
    free(in_component);
    free(queue);
    return ASEANKG_ERR_NOMEM;
  }
  memcpy(diff->old_nodes, a->nodes, a->n_nodes * sizeof(AseankgTermId));
  diff->n_old_nodes = a->n_nodes;
  qsort(diff->old_nodes, diff->n_old_nodes, sizeof(AseankgTermId), compare_ids);

  size_t tail = 0U;
  for (size_t i = 0U; i < diff->n_changes; ++i) {
    const AseankgQuad* const q       = &diff->changes[i].quad;
    const AseankgTermId      ends[3] = { q->subject, q->object, q->graph };
    for (unsigned e = 0U; e < 3U; ++e) {
      const uint32_t node = ends[e] < a->n_terms ? a->node_of_term[ends[e]] : NONE; /* fresh nodes are new */
      if (node != NONE && !in_component[node]) {
        in_component[node] = 1U;
        queue[tail++]      = node;
      }
    }
  }
  for (size_t head = 0U; head < tail; ++head) {
    for (size_t e = a->edge_start[queue[head]]; e < a->edge_start[queue[head] + 1U]; ++e) {
      const uint32_t other = a->edges[e].other_node;
      if (other != NONE && !in_component[other]) {
        in_component[other] = 1U;
        queue[tail++]       = other;
      }
    }
  }

  size_t n = 0U;
  for (size_t i = 0U; i < a->n_quads; ++i) {
    n += in_pinned_component(a, in_component, &a->quads[i]) ? 1U : 0U;
  }
  diff->pins = (AseankgQuad*)malloc((n ? n : 1U) * sizeof(AseankgQuad));
  if (diff->pins) {
    for (size_t i = 0U; i < a->n_quads; ++i) {
      if (in_pinned_component(a, in_component, &a->quads[i])) {
        diff->pins[diff->n_pins++] = a->quads[i];
      }
    }
  }
  free(in_component);
  free(queue);
  return diff->pins ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
}

#define RDF_TYPE "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
#define RDFS_LABEL "<http://www.w3.org/2000/01/rdf-schema#label>"
#define SKOS_PREF_LABEL "<http://www.w3.org/2004/02/skos/core#prefLabel>"

/*
   Keep what the readable formats say about each changed subject: its types
   and labels, from either side (the `graph` field records the side: 0 old,
   1 new). Sorted by subject.
*/
static AseankgStatus
collect_infos(AseankgDiff* const diff, const AseankgQuad* const sides[2], const size_t counts[2])
{
  const AseankgGraph* const graph     = diff->graph;
  const AseankgTermId       wanted[3] = { aseankg_graph_lookup(graph, RDF_TYPE, strlen(RDF_TYPE)),
                                          aseankg_graph_lookup(graph, RDFS_LABEL, strlen(RDFS_LABEL)),
                                          aseankg_graph_lookup(graph, SKOS_PREF_LABEL, strlen(SKOS_PREF_LABEL)) };
  AseankgTermId* const      subjects = (AseankgTermId*)malloc((diff->n_changes + 1U) * sizeof(AseankgTermId));
  size_t                    n_subjects = 0U;
  if (!subjects) {
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t i = 0U; i < diff->n_changes; ++i) {
    subjects[n_subjects++] = diff->changes[i].quad.subject;
  }
  qsort(subjects, n_subjects, sizeof(AseankgTermId), compare_ids);

  size_t n = 0U;
  for (unsigned pass = 0U; pass < 2U; ++pass) {
    for (unsigned s = 0U; s < 2U; ++s) {
      for (size_t i = 0U; i < counts[s]; ++i) {
        const AseankgQuad* const q = &sides[s][i];
        if ((!wanted[0] || q->predicate != wanted[0]) && (!wanted[1] || q->predicate != wanted[1]) &&
            (!wanted[2] || q->predicate != wanted[2])) {
          continue;
        }
        if (!n_subjects || !bsearch(&q->subject, subjects, n_subjects, sizeof(AseankgTermId), compare_ids)) {
          continue;
        }
        if (pass) {
          const AseankgQuad info = { q->subject, q->predicate, q->object, s };
          diff->infos[n]         = info;
        }
        ++n;
      }
    }
    if (!pass) {
      diff->infos = (AseankgQuad*)malloc((n + 1U) * sizeof(AseankgQuad));
      if (!diff->infos) {
        free(subjects);
        return ASEANKG_ERR_NOMEM;
      }
      n = 0U;
    }
  }
  diff->n_infos = n;
  qsort(diff->infos, n, sizeof(AseankgQuad), aseankg_quads_compare_ids);
  free(subjects);
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_diff_compute(AseankgDiff** const diff_out, AseankgGraph* const graph,
                     const AseankgQuad* const old_quads, const size_t n_old,
                     const AseankgQuad* const new_quads, const size_t n_new, AseankgError* const error)
{
  return aseankg_diff_compute_with(diff_out, graph, old_quads, n_old, new_quads, n_new, NULL, error);
}

/* The two sides of one diff between being built and being turned into changes. */
typedef struct {
  Side a;
  Side b;
} Pair;

static void
pair_release(Pair* const pair)
{
  side_release(&pair->a);
  side_release(&pair->b);
}

/* Build both sides and match their blank nodes: reads `graph`, changes nothing in it. */
static AseankgStatus
diff_prepare(Pair* const pair, const AseankgGraph* const graph, const uint8_t* const kinds,
             const AseankgQuad* const old_quads, const size_t n_old, const AseankgQuad* const new_quads,
             const size_t n_new, const AseankgDiffOptions* const options)
{
  if (!kinds) {
    return ASEANKG_ERR_NOMEM;
  }
  AseankgStatus st      = ASEANKG_SUCCESS;
  const size_t  n_terms = aseankg_graph_term_count(graph);
  TRY(st, side_build(&pair->a, kinds, old_quads, n_old, options, n_terms));
  TRY(st, side_build(&pair->b, kinds, new_quads, n_new, options, n_terms));
  TRY(st, color_both(&pair->a, &pair->b));
  return match_nodes(&pair->a, &pair->b);
}

/* The diff of a prepared pair (`st` is the preparation's status): interns fresh blank nodes in `graph`. */
static AseankgStatus
diff_finish(AseankgDiff** const diff_out, AseankgGraph* const graph, Pair* const pair, AseankgStatus st,
            AseankgError* const error)
{
  *diff_out           = NULL;
  AseankgDiff* diff   = NULL;
  Side* const  a      = &pair->a;
  Side* const  b      = &pair->b;
  AseankgQuad* mapped = NULL;
  if (st) {
    goto cleanup;
  }
  diff = (AseankgDiff*)calloc(1U, sizeof(AseankgDiff));
  if (!diff) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  diff->node_map = (AseankgTermId*)malloc((2U * b->n_nodes + 2U) * sizeof(AseankgTermId));
  if (!diff->node_map) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  TRY_CLEANUP(st, map_new_side(graph, a, b, &mapped, diff->node_map));
  diff->n_node_map = b->n_nodes;
  qsort(diff->node_map, b->n_nodes, 2U * sizeof(AseankgTermId), compare_ids);
  diff->graph = graph;
  TRY_CLEANUP(st, collect_changes(diff, a->quads, a->n_quads, mapped, b->n_quads));
  TRY_CLEANUP(st, collect_pins(diff, a));
  const AseankgQuad* const sides[2]  = { a->quads, mapped };
  const size_t             counts[2] = { a->n_quads, b->n_quads };
  TRY_CLEANUP(st, collect_infos(diff, sides, counts));

cleanup:
  free(mapped);
  pair_release(pair);
  if (st) {
    aseankg_diff_free(diff);
    return aseankg_error_set(error, st, "diff", 0U, 0U, "%s",
                             st == ASEANKG_ERR_DATA ? "blank nodes inside triple terms are not supported"
                                                    : "out of memory");
  }
  *diff_out = diff;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_diff_compute_with(AseankgDiff** const diff_out, AseankgGraph* const graph,
                          const AseankgQuad* const old_quads, const size_t n_old,
                          const AseankgQuad* const new_quads, const size_t n_new,
                          const AseankgDiffOptions* const options, AseankgError* const error)
{
  Pair pair;
  memset(&pair, 0, sizeof(pair));
  uint8_t* const      kinds = term_kinds(graph);
  const AseankgStatus st    = diff_prepare(&pair, graph, kinds, old_quads, n_old, new_quads, n_new, options);
  free(kinds);
  return diff_finish(diff_out, graph, &pair, st, error);
}

typedef struct {
  Pair*               pair;
  const AseankgGraph* graph;
  const uint8_t*      kinds;
  const AseankgQuad*  old_quads;
  size_t              n_old;
  const AseankgQuad*  new_quads;
  size_t              n_new;
  AseankgStatus       status;
} Preparation;

static void*
run_preparation(void* const arg)
{
  Preparation* const p = (Preparation*)arg;
  p->status = diff_prepare(p->pair, p->graph, p->kinds, p->old_quads, p->n_old, p->new_quads, p->n_new, NULL);
  return NULL;
}

AseankgStatus
aseankg_diff_compute_two(AseankgDiff* diffs[2], AseankgGraph* const graph, const AseankgQuad* const base,
                         const size_t n_base, const AseankgQuad* const sides[2], const size_t counts[2],
                         const int threads, AseankgError* const error)
{
  Pair        pairs[2];
  Preparation preparations[2];
  memset(pairs, 0, sizeof(pairs));
  uint8_t* const kinds = term_kinds(graph); /* read by both threads */
  for (int s = 0; s < 2; ++s) {
    const Preparation p = { &pairs[s], graph, kinds, base, n_base, sides[s], counts[s], ASEANKG_SUCCESS };
    preparations[s]     = p;
  }
  pthread_t thread;
  const int started = threads && !pthread_create(&thread, NULL, run_preparation, &preparations[1]);
  (void)run_preparation(&preparations[0]);
  if (started) {
    (void)pthread_join(thread, NULL);
  } else {
    (void)run_preparation(&preparations[1]);
  }
  free(kinds);
  diffs[1]         = NULL;
  AseankgStatus st = diff_finish(&diffs[0], graph, &pairs[0], preparations[0].status, error);
  if (st) {
    pair_release(&pairs[1]);
    return st;
  }
  st = diff_finish(&diffs[1], graph, &pairs[1], preparations[1].status, error);
  if (st) {
    aseankg_diff_free(diffs[0]);
    diffs[0] = NULL;
  }
  return st;
}

AseankgStatus
aseankg_diff_set_graph(AseankgDiff* const diff, const char* const graph_iri)
{
  if (graph_iri && !aseankg_iri_is_valid(graph_iri)) {
    return ASEANKG_ERR_IRI; /* it is written into SPARQL as <IRI>: nothing may break out of it */
  }
  free(diff->target_graph);
  diff->target_graph = graph_iri ? strdup(graph_iri) : NULL;
  return graph_iri && !diff->target_graph ? ASEANKG_ERR_NOMEM : ASEANKG_SUCCESS;
}

size_t
aseankg_diff_count(const AseankgDiff* const diff)
{
  return diff->n_changes;
}

int
aseankg_diff_change(const AseankgDiff* const diff, const size_t index, AseankgQuad* const quad)
{
  if (index >= diff->n_changes) {
    return -1;
  }
  *quad = diff->changes[index].quad;
  return diff->changes[index].added;
}

AseankgTermId
aseankg_diff_map_new(const AseankgDiff* const diff, const AseankgTermId term)
{
  const AseankgTermId* const found =
    diff->n_node_map ? (const AseankgTermId*)bsearch(&term, diff->node_map, diff->n_node_map,
                                                     2U * sizeof(AseankgTermId), compare_ids)
                     : NULL;
  return found ? found[1] : term;
}

size_t
aseankg_diff_removed(const AseankgDiff* const diff)
{
  return diff->n_removed;
}

size_t
aseankg_diff_added(const AseankgDiff* const diff)
{
  return diff->n_added;
}

void
aseankg_diff_free(AseankgDiff* const diff)
{
  if (diff) {
    free(diff->changes);
    free(diff->pins);
    free(diff->old_nodes);
    free(diff->target_graph);
    free(diff->infos);
    free(diff->node_map);
    for (size_t i = 0U; i < diff->n_prefixes; ++i) {
      free(diff->prefixes[i]);
    }
    free(diff->prefixes);
    free(diff);
  }
}

/* --- Output ---------------------------------------------------------------- */

/* A term as N-Triples, blank nodes without the side prefix they were read with. */
static void
write_term(FILE* const stream, const AseankgGraph* const graph, const AseankgTermId id)
{
  const AseankgTerm* const term = aseankg_graph_term(graph, id);
  if (term->kind == ASEANKG_TERM_BLANK) {
    fprintf(stream, "_:%s", term->value + strlen(ASEANKG_DIFF_OLD_PREFIX));
  } else {
    fwrite(term->key, 1U, term->key_length, stream);
  }
}

/* A quad as an N-Quads line, up to and including its '.', without the line end. */
static void
write_quad_statement(FILE* const stream, const AseankgGraph* const graph, const AseankgQuad* const quad)
{
  write_term(stream, graph, quad->subject);
  fputc(' ', stream);
  write_term(stream, graph, quad->predicate);
  fputc(' ', stream);
  write_term(stream, graph, quad->object);
  if (quad->graph) {
    fputc(' ', stream);
    write_term(stream, graph, quad->graph);
  }
  fputs(" .", stream);
}

static void
write_quad(FILE* const stream, const AseankgGraph* const graph, const AseankgQuad* const quad)
{
  write_quad_statement(stream, graph, quad);
  fputc('\n', stream);
}

static int
has_blank(const AseankgGraph* const graph, const AseankgQuad* const quad)
{
  return is_blank(graph, quad->subject) || is_blank(graph, quad->object);
}

/* A triple in an INSERT or DELETE template: old blank nodes as variables, fresh ones as labels. */
static void
write_template_triple(FILE* const stream, const AseankgDiff* const diff, const AseankgQuad* const quad)
{
  const AseankgTermId ids[3] = { quad->subject, quad->predicate, quad->object };
  fputs("    ", stream);
  for (unsigned i = 0U; i < 3U; ++i) {
    /* Labels may hold '-' or '.', which variable names may not: name variables by position. */
    const long node = old_node_index(diff, ids[i]);
    if (node >= 0) {
      fprintf(stream, "?b%ld", node);
    } else {
      write_term(stream, diff->graph, ids[i]);
    }
    fputs(i < 2U ? " " : " .\n", stream);
  }
}

static int
compare_graph_of(const void* const x, const void* const y)
{
  const AseankgQuad* const a = *(const AseankgQuad* const*)x;
  const AseankgQuad* const b = *(const AseankgQuad* const*)y;
  if (a->graph != b->graph) {
    return a->graph < b->graph ? -1 : 1;
  }
  return (a > b) - (a < b); /* keep the canonical order within a graph */
}

/*
   Write `quads` inside "KEYWORD { ... }", one GRAPH block per graph (the
   default graph's quads go to the target graph when one is set): a template
   with several blocks for the same graph trips some stores (Virtuoso 7).
*/
static void
write_block(FILE* const stream, const AseankgDiff* const diff, const char* const keyword,
            const AseankgQuad** const quads, const size_t n)
{
  qsort(quads, n, sizeof(AseankgQuad*), compare_graph_of);
  fprintf(stream, "%s {\n", keyword);
  for (size_t begin = 0U; begin < n;) {
    const AseankgTermId graph = quads[begin]->graph;
    size_t              end   = begin;
    if (graph) {
      fputs("  GRAPH ", stream);
      write_term(stream, diff->graph, graph);
      fputs(" {\n", stream);
    } else if (diff->target_graph) {
      fprintf(stream, "  GRAPH <%s> {\n", diff->target_graph);
    }
    for (; end < n && quads[end]->graph == graph; ++end) {
      write_template_triple(stream, diff, quads[end]);
    }
    if (graph || diff->target_graph) {
      fputs("  }\n", stream);
    }
    begin = end;
  }
  fputs("}", stream);
}

/* The changes that are additions or removals (`added`), with or without blank nodes (`blanks`). */
static size_t
select_changes(const AseankgDiff* const diff, const int added, const int blanks,
               const AseankgQuad** const out)
{
  size_t n = 0U;
  for (size_t i = 0U; i < diff->n_changes; ++i) {
    if (diff->changes[i].added == added && has_blank(diff->graph, &diff->changes[i].quad) == blanks) {
      out[n++] = &diff->changes[i].quad;
    }
  }
  return n;
}

static AseankgStatus
write_sparql_update(FILE* const stream, const AseankgDiff* const diff)
{
  /* A graph is named by an IRI in SPARQL Update: a blank graph name cannot be written. */
  for (size_t i = 0U; i < diff->n_changes; ++i) {
    if (is_blank(diff->graph, diff->changes[i].quad.graph)) {
      return ASEANKG_ERR_DATA;
    }
  }
  for (size_t i = 0U; i < diff->n_pins; ++i) {
    if (is_blank(diff->graph, diff->pins[i].graph)) {
      return ASEANKG_ERR_DATA;
    }
  }
  const size_t              room  = diff->n_changes > diff->n_pins ? diff->n_changes : diff->n_pins;
  const AseankgQuad** const quads = (const AseankgQuad**)malloc((room + 1U) * sizeof(AseankgQuad*));
  if (!quads) {
    return ASEANKG_ERR_NOMEM;
  }

  /* Ground triples as data. */
  size_t n = select_changes(diff, 0, 0, quads);
  if (n) {
    write_block(stream, diff, "DELETE DATA", quads, n);
    fputs(" ;\n", stream);
  }
  n = select_changes(diff, 1, 0, quads);
  if (n) {
    write_block(stream, diff, "INSERT DATA", quads, n);
    fputs(" ;\n", stream);
  }

  /* Triples with blank nodes: one DELETE/INSERT whose WHERE finds the old nodes by their whole components. */
  const size_t removed = select_changes(diff, 0, 1, quads);
  if (removed) {
    write_block(stream, diff, "DELETE", quads, removed);
    fputc('\n', stream);
  }
  const size_t added = select_changes(diff, 1, 1, quads);
  if (added) {
    write_block(stream, diff, "INSERT", quads, added);
    fputc('\n', stream);
  }
  if (removed || added) {
    for (size_t i = 0U; i < diff->n_pins; ++i) {
      quads[i] = &diff->pins[i];
    }
    /* LIMIT 1: where the old data repeats a structure, change one copy, not all of them. */
    fputs("WHERE { SELECT * WHERE ", stream);
    write_block(stream, diff, "", quads, diff->n_pins);
    fputs(" LIMIT 1 }\n", stream);
  }
  free(quads);
  return ASEANKG_SUCCESS;
}

/* --- Readable formats: pretty, stat, JSON ------------------------------------------------ */

/* Prefixes every readable output knows, before those the caller adds. */
static const char* const well_known[][2] = {
  { "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#" },
  { "rdfs", "http://www.w3.org/2000/01/rdf-schema#" },
  { "xsd", "http://www.w3.org/2001/XMLSchema#" },
  { "owl", "http://www.w3.org/2002/07/owl#" },
  { "skos", "http://www.w3.org/2004/02/skos/core#" },
  { "dcterms", "http://purl.org/dc/terms/" },
  { "prov", "http://www.w3.org/ns/prov#" },
  { "schema", "https://schema.org/" },
  { "foaf", "http://xmlns.com/foaf/0.1/" },
};

AseankgStatus
aseankg_diff_add_prefix(AseankgDiff* const diff, const char* const name, const char* const iri)
{
  for (const char* p = name; *p; ++p) {
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
          *p == '-' || (*p == '.' && p != name && p[1]))) {
      return ASEANKG_ERR_USAGE;
    }
  }
  if (name[0] == '-' || name[0] == '.' || (name[0] >= '0' && name[0] <= '9') || !aseankg_iri_is_valid(iri)) {
    return ASEANKG_ERR_USAGE;
  }
  char** const grown = (char**)realloc(diff->prefixes, (diff->n_prefixes + 2U) * sizeof(char*));
  if (!grown) {
    return ASEANKG_ERR_NOMEM;
  }
  diff->prefixes = grown;
  char* const n  = strdup(name);
  char* const i  = strdup(iri);
  if (!n || !i) {
    free(n);
    free(i);
    return ASEANKG_ERR_NOMEM;
  }
  diff->prefixes[diff->n_prefixes++] = n;
  diff->prefixes[diff->n_prefixes++] = i;
  return ASEANKG_SUCCESS;
}

/* Whether `local` (of `length` bytes) can follow a prefix as written: letters, digits, '_' and '-'. */
static int
plain_local(const char* const local, const size_t length)
{
  for (size_t i = 0U; i < length; ++i) {
    const char c = local[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
          (c == '-' && i > 0U))) {
      return 0;
    }
  }
  return 1;
}

/* An IRI as a prefixed name where a prefix (the caller's first, then the well-known ones) fits, else <IRI>.
 */
static void
write_iri(FILE* const stream, const AseankgDiff* const diff, const AseankgTerm* const term)
{
  const size_t n_known = sizeof(well_known) / sizeof(well_known[0]);
  for (size_t k = 0U; k < diff->n_prefixes / 2U + n_known; ++k) {
    const char* const name =
      k < diff->n_prefixes / 2U ? diff->prefixes[2U * k] : well_known[k - diff->n_prefixes / 2U][0];
    const char* const iri =
      k < diff->n_prefixes / 2U ? diff->prefixes[2U * k + 1U] : well_known[k - diff->n_prefixes / 2U][1];
    const size_t length = strlen(iri);
    if (term->length >= length && !memcmp(term->value, iri, length) &&
        plain_local(term->value + length, term->length - length)) {
      fprintf(stream, "%s:", name);
      fwrite(term->value + length, 1U, term->length - length, stream);
      return;
    }
  }
  fwrite(term->key, 1U, term->key_length, stream);
}

/* A term as Turtle would write it: prefixed names, blank labels without the side prefix. */
static void
write_pretty_term(FILE* const stream, const AseankgDiff* const diff, const AseankgTermId id)
{
  const AseankgTerm* const term = aseankg_graph_term(diff->graph, id);
  if (term->kind == ASEANKG_TERM_IRI) {
    write_iri(stream, diff, term);
  } else if (term->kind == ASEANKG_TERM_LITERAL && term->datatype) {
    const AseankgTerm* const type = aseankg_graph_term(diff->graph, term->datatype);
    fwrite(term->key, 1U, term->key_length - type->key_length, stream); /* the quoted form and "^^" */
    write_iri(stream, diff, type);
  } else {
    write_term(stream, diff->graph, id);
  }
}

/* The label to introduce `subject` with: the new side's before the old's, English or untagged first. */
static AseankgTermId
subject_label(const AseankgDiff* const diff, const AseankgTermId subject)
{
  const AseankgTermId type     = aseankg_graph_lookup(diff->graph, RDF_TYPE, strlen(RDF_TYPE));
  AseankgTermId       best     = 0U;
  unsigned            best_key = 0U;
  for (size_t i = 0U; i < diff->n_infos; ++i) {
    const AseankgQuad* const info = &diff->infos[i];
    if (info->subject != subject || info->predicate == type) {
      continue;
    }
    const AseankgTerm* const value = aseankg_graph_term(diff->graph, info->object);
    if (value->kind != ASEANKG_TERM_LITERAL) {
      continue;
    }
    const unsigned english =
      !value->language || !strcmp(value->language, "en") || !strncmp(value->language, "en-", 3U);
    const unsigned key =
      1U + info->graph * 4U + english * 2U +
      (unsigned)(aseankg_graph_lookup(diff->graph, RDFS_LABEL, strlen(RDFS_LABEL)) == info->predicate);
    if (key > best_key ||
        (key == best_key && aseankg_graph_compare_terms(diff->graph, info->object, best) < 0)) {
      best     = info->object;
      best_key = key;
    }
  }
  return best;
}

#define COLOR_RED "\033[31m"
#define COLOR_GREEN "\033[32m"
#define COLOR_BOLD "\033[1m"
#define COLOR_RESET "\033[m"

typedef struct {
  const AseankgDiff* diff;
  const Change*      change;
} Row;

static int
compare_rows(const void* const x, const void* const y)
{
  const Change* const       a     = ((const Row*)x)->change;
  const Change* const       b     = ((const Row*)y)->change;
  const AseankgGraph* const graph = ((const Row*)x)->diff->graph;
  int                       cmp   = aseankg_graph_compare_terms(graph, a->quad.predicate, b->quad.predicate);
  cmp = cmp ? cmp : aseankg_graph_compare_terms(graph, a->quad.graph, b->quad.graph);
  cmp = cmp ? cmp : a->added - b->added;
  cmp = cmp ? cmp : aseankg_graph_compare_terms(graph, a->quad.object, b->quad.object);
  return cmp ? cmp : (a > b) - (a < b);
}

static void
write_value(FILE* const stream, const AseankgDiff* const diff, const Change* const change, const int color)
{
  fputs(color ? (change->added ? COLOR_GREEN : COLOR_RED) : "", stream);
  fputs(change->added ? "+ " : "- ", stream);
  write_pretty_term(stream, diff, change->quad.object);
  fputs(color ? COLOR_RESET : "", stream);
}

/*
   Grouped by subject (introduced by its label), then by predicate and graph:
   each line pairs a removed value with an added one, side by side.
*/
static AseankgStatus
write_pretty(FILE* const stream, const AseankgDiff* const diff, const int color)
{
  Row* const rows = (Row*)malloc((diff->n_changes + 1U) * sizeof(Row));
  if (!rows) {
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t begin = 0U; begin < diff->n_changes;) {
    const AseankgTermId subject = diff->changes[begin].quad.subject;
    size_t              end     = begin;
    while (end < diff->n_changes && diff->changes[end].quad.subject == subject) {
      rows[end - begin].diff   = diff;
      rows[end - begin].change = &diff->changes[end];
      ++end;
    }
    const size_t n = end - begin;
    qsort(rows, n, sizeof(Row), compare_rows);

    fputs(begin ? "\n" : "", stream);
    fputs(color ? COLOR_BOLD : "", stream);
    write_pretty_term(stream, diff, subject);
    fputs(color ? COLOR_RESET : "", stream);
    const AseankgTermId label = subject_label(diff, subject);
    if (label) {
      fputs("  # ", stream);
      write_pretty_term(stream, diff, label);
    }
    fputc('\n', stream);

    for (size_t g = 0U; g < n;) {
      /* One (predicate, graph): removals [g, mid), additions [mid, h). */
      const AseankgQuad* const first = &rows[g].change->quad;
      size_t                   h     = g;
      while (h < n && rows[h].change->quad.predicate == first->predicate &&
             rows[h].change->quad.graph == first->graph) {
        ++h;
      }
      size_t mid = g;
      while (mid < h && !rows[mid].change->added) {
        ++mid;
      }
      const size_t lines = mid - g > h - mid ? mid - g : h - mid;
      for (size_t k = 0U; k < lines; ++k) {
        fputs("  ", stream);
        write_pretty_term(stream, diff, first->predicate);
        if (first->graph) {
          fputs(" (in ", stream);
          write_pretty_term(stream, diff, first->graph);
          fputc(')', stream);
        }
        if (g + k < mid) {
          fputs("  ", stream);
          write_value(stream, diff, rows[g + k].change, color);
        }
        if (mid + k < h) {
          fputs("  ", stream);
          write_value(stream, diff, rows[mid + k].change, color);
        }
        fputc('\n', stream);
      }
      g = h;
    }
    begin = end;
  }
  free(rows);
  return ASEANKG_SUCCESS;
}

typedef struct {
  AseankgTermId key; /* a predicate or a type; 0 for subjects without a type */
  size_t        removed;
  size_t        added;
} Tally;

static int
compare_tallies(const void* const x, const void* const y, const AseankgGraph* const graph)
{
  const AseankgTermId a = ((const Tally*)x)->key;
  const AseankgTermId b = ((const Tally*)y)->key;
  if (!a || !b) {
    return (a == 0U) - (b == 0U); /* untyped last */
  }
  return aseankg_graph_compare_terms(graph, a, b);
}

/* Add one change to the tally for `key` (a short linear list: keys are few). */
static void
tally(Tally* const tallies, size_t* const n, const AseankgTermId key, const int added)
{
  size_t i = 0U;
  while (i < *n && tallies[i].key != key) {
    ++i;
  }
  if (i == *n) {
    const Tally fresh = { key, 0U, 0U };
    tallies[(*n)++]   = fresh;
  }
  if (added) {
    ++tallies[i].added;
  } else {
    ++tallies[i].removed;
  }
}

static void
write_tallies(FILE* const stream, const AseankgDiff* const diff, Tally* const tallies, const size_t n,
              const char* const heading, const int color)
{
  /* Insertion sort: the tally lists are short. */
  for (size_t i = 1U; i < n; ++i) {
    for (size_t j = i; j > 0U && compare_tallies(&tallies[j - 1U], &tallies[j], diff->graph) > 0; --j) {
      const Tally t   = tallies[j];
      tallies[j]      = tallies[j - 1U];
      tallies[j - 1U] = t;
    }
  }
  fprintf(stream, "%9s %9s  %s\n", "removed", "added", heading);
  for (size_t i = 0U; i < n; ++i) {
    fprintf(stream, "%s%9zu%s %s%9zu%s  ", color ? COLOR_RED : "", tallies[i].removed,
            color ? COLOR_RESET : "", color ? COLOR_GREEN : "", tallies[i].added, color ? COLOR_RESET : "");
    if (tallies[i].key) {
      write_pretty_term(stream, diff, tallies[i].key);
    } else {
      fputs("(no type)", stream);
    }
    fputc('\n', stream);
  }
}

/* Counts of removed and added quads by predicate, then by the subject's type (each of its types). */
static AseankgStatus
write_stat(FILE* const stream, const AseankgDiff* const diff, const int color)
{
  const AseankgTermId type    = aseankg_graph_lookup(diff->graph, RDF_TYPE, strlen(RDF_TYPE));
  size_t              room    = diff->n_changes + diff->n_infos + 1U;
  Tally* const        tallies = (Tally*)malloc(room * sizeof(Tally));
  if (!tallies) {
    return ASEANKG_ERR_NOMEM;
  }
  size_t n = 0U;
  for (size_t i = 0U; i < diff->n_changes; ++i) {
    tally(tallies, &n, diff->changes[i].quad.predicate, diff->changes[i].added);
  }
  write_tallies(stream, diff, tallies, n, "predicate", color);

  n = 0U;
  for (size_t i = 0U; i < diff->n_changes; ++i) {
    const Change* const change = &diff->changes[i];
    int                 typed  = 0;
    AseankgTermId       last   = 0U;
    for (size_t k = 0U; type && k < diff->n_infos; ++k) {
      const AseankgQuad* const info = &diff->infos[k];
      if (info->subject == change->quad.subject && info->predicate == type && info->object != last) {
        tally(tallies, &n, info->object,
              change->added); /* infos are sorted: both sides' copies are adjacent */
        last  = info->object;
        typed = 1;
      }
    }
    if (!typed) {
      tally(tallies, &n, 0U, change->added);
    }
  }
  fputc('\n', stream);
  write_tallies(stream, diff, tallies, n, "subject type", color);
  free(tallies);
  return ASEANKG_SUCCESS;
}

/* A JSON string of `length` bytes of UTF-8 (control characters and NUL escaped). */
static void
write_json_string(FILE* const stream, const char* const text, const size_t length)
{
  fputc('"', stream);
  for (size_t i = 0U; i < length; ++i) {
    const unsigned char c = (unsigned char)text[i];
    if (c == '"' || c == '\\') {
      fputc('\\', stream);
      fputc(c, stream);
    } else if (c < 0x20U || c == 0x7FU) {
      fprintf(stream, "\\u%04x", (unsigned)c);
    } else {
      fputc(c, stream);
    }
  }
  fputc('"', stream);
}

/* A term as an RDF/JS-style object (https://rdf.js.org/data-model-spec/). */
static void
write_json_term(FILE* const stream, const AseankgDiff* const diff, const AseankgTermId id)
{
  if (!id) {
    fputs("{\"termType\":\"DefaultGraph\",\"value\":\"\"}", stream);
    return;
  }
  const AseankgTerm* const term = aseankg_graph_term(diff->graph, id);
  switch (term->kind) {
    case ASEANKG_TERM_IRI:
      fputs("{\"termType\":\"NamedNode\",\"value\":", stream);
      write_json_string(stream, term->value, term->length);
      break;
    case ASEANKG_TERM_BLANK: {
      const size_t skip = strlen(ASEANKG_DIFF_OLD_PREFIX);
      fputs("{\"termType\":\"BlankNode\",\"value\":", stream);
      write_json_string(stream, term->value + skip, term->length - skip);
      break;
    }
    case ASEANKG_TERM_LITERAL: {
      static const char xsd_string[]  = "http://www.w3.org/2001/XMLSchema#string";
      static const char lang_string[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
      static const char dir_string[]  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString";
      fputs("{\"termType\":\"Literal\",\"value\":", stream);
      write_json_string(stream, term->value, term->length);
      fputs(",\"language\":", stream);
      write_json_string(stream, term->language ? term->language : "",
                        term->language ? strlen(term->language) : 0U);
      if (term->direction) {
        fputs(",\"direction\":", stream);
        write_json_string(stream, term->direction, strlen(term->direction));
      }
      fputs(",\"datatype\":", stream);
      if (term->datatype) {
        write_json_term(stream, diff, term->datatype);
      } else {
        const char* const dt = term->direction ? dir_string : term->language ? lang_string : xsd_string;
        fputs("{\"termType\":\"NamedNode\",\"value\":", stream);
        write_json_string(stream, dt, strlen(dt));
        fputc('}', stream);
      }
      break;
    }
    case ASEANKG_TERM_TRIPLE:
      fputs("{\"termType\":\"Quad\",\"value\":\"\",\"subject\":", stream);
      write_json_term(stream, diff, term->triple[0]);
      fputs(",\"predicate\":", stream);
      write_json_term(stream, diff, term->triple[1]);
      fputs(",\"object\":", stream);
      write_json_term(stream, diff, term->triple[2]);
      fputs(",\"graph\":", stream);
      write_json_term(stream, diff, 0U);
      break;
  }
  fputc('}', stream);
}

static void
write_json(FILE* const stream, const AseankgDiff* const diff)
{
  fprintf(stream, "{\"removedCount\":%zu,\"addedCount\":%zu", diff->n_removed, diff->n_added);
  for (int added = 0; added < 2; ++added) {
    fputs(added ? ",\n\"added\":[" : ",\n\"removed\":[", stream);
    const char* separator = "\n";
    for (size_t i = 0U; i < diff->n_changes; ++i) {
      const AseankgQuad* const q = &diff->changes[i].quad;
      if (diff->changes[i].added != added) {
        continue;
      }
      fprintf(stream, "%s {\"subject\":", separator);
      write_json_term(stream, diff, q->subject);
      fputs(",\"predicate\":", stream);
      write_json_term(stream, diff, q->predicate);
      fputs(",\"object\":", stream);
      write_json_term(stream, diff, q->object);
      fputs(",\"graph\":", stream);
      write_json_term(stream, diff, q->graph);
      fputc('}', stream);
      separator = ",\n";
    }
    fputs("]", stream);
  }
  fputs("}\n", stream);
}

AseankgStatus
aseankg_diff_write(const AseankgDiff* const diff, FILE* const stream, const AseankgDiffFormat format)
{
  const AseankgDiffWriteOptions options = { format, 0 };
  return aseankg_diff_write_with(diff, stream, &options);
}

AseankgStatus
aseankg_diff_write_with(const AseankgDiff* const diff, FILE* const stream,
                        const AseankgDiffWriteOptions* const options)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  switch (options->format) {
    case ASEANKG_DIFF_TEXT:
      for (size_t i = 0U; i < diff->n_changes; ++i) {
        fputs(options->color ? (diff->changes[i].added ? COLOR_GREEN : COLOR_RED) : "", stream);
        fputs(diff->changes[i].added ? "+ " : "- ", stream);
        write_quad_statement(stream, diff->graph, &diff->changes[i].quad);
        fputs(options->color ? COLOR_RESET "\n" : "\n", stream); /* the reset before the line's end */
      }
      break;
    case ASEANKG_DIFF_RDF_PATCH:
      fputs("TX .\n", stream);
      for (int added = 0; added < 2; ++added) {
        for (size_t i = 0U; i < diff->n_changes; ++i) {
          if (diff->changes[i].added == added) {
            fputs(added ? "A " : "D ", stream);
            write_quad(stream, diff->graph, &diff->changes[i].quad);
          }
        }
      }
      fputs("TC .\n", stream);
      break;
    case ASEANKG_DIFF_SPARQL_UPDATE:
      st = write_sparql_update(stream, diff);
      break;
    case ASEANKG_DIFF_PRETTY:
      st = write_pretty(stream, diff, options->color);
      break;
    case ASEANKG_DIFF_STAT:
      st = write_stat(stream, diff, options->color);
      break;
    case ASEANKG_DIFF_JSON:
      write_json(stream, diff);
      break;
    default:
      return ASEANKG_ERR_USAGE;
  }
  if (st) {
    return st;
  }
  return ferror(stream) ? ASEANKG_ERR_IO : ASEANKG_SUCCESS;
}
