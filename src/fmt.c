/* The deterministic pretty writer: sorted blocks, inline blank nodes and lists, neighbourhood labels. */
#include "aseankg/fmt.h"

#include "array.h"
#include "buffer.h"
#include "hash.h"
#include "prefix_table.h"
#include "try.h"
#include "writers.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX
#define NO_QUAD SIZE_MAX
#define MAX_DEPTH 24U
#define MAX_ROUNDS 32U
#define LIST_LINE 100U /* a collection of one-line items at most this long stays on one line */

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

enum {
  MUST_LABEL  = 1U,   /* referenced where `[ ]` cannot go */
  IS_SUBJECT  = 2U,   /* has statements of its own */
  MANY_GRAPHS = 4U,   /* its statements are in more than one graph */
  INLINE      = 8U,   /* written as `[ ... ]` or `( ... )` where it is referenced */
  LIST        = 16U,  /* a node of a well-formed collection */
  VISITED     = 32U,  /* reached from a block while checking nesting */
  LABELLED    = 64U,  /* has a label */
  NOT_LIST    = 128U, /* list-shaped, but its chain does not end in rdf:nil */
  WALKING     = 256U  /* on the rdf:rest chain being checked */
};

/* A blank node of the dataset. */
typedef struct {
  AseankgTermId term;
  uint32_t      flags;
  uint32_t      refs; /* statements with it as object (stops counting at 2) */
  AseankgTermId ref_subject, ref_predicate, ref_graph;
  AseankgTermId graph; /* the graph of its own statements */
  size_t        first; /* index of its first statement, or NO_QUAD */
  uint64_t      h_in;  /* hash of the statements pointing at it */
  uint64_t      h_all; /* hash of all its statements */
  uint64_t      colour;
  size_t        label; /* offset of its label in the label buffer */
} Node;

struct AseankgFmtImpl {
  const AseankgGraph* graph;
  AseankgFmtSyntax    syntax;
  AseankgPrefix*      prefixes; /* copies, sorted by name */
  size_t              n_prefixes;
  AseankgPrefixTable  table; /* over `prefixes` */
  size_t              n_terms;
  uint32_t*           rank;    /* by term in subject, predicate or graph position: key order, from 1 */
  uint32_t*           node_of; /* by term: blank-node index, or NONE */
  Node*               nodes;
  size_t              n_nodes;
  AseankgQuad*        quads; /* sorted by graph, subject, predicate, object key; no duplicates */
  size_t              n;
  const AseankgQuad*  extra;
  size_t              n_extra;
  int                 has_graphs;
  int                 coloured;
  AseankgTermId       rdf_type, rdf_first, rdf_rest, rdf_nil;
  AseankgBuffer       labels;
  AseankgBuffer       out;
};

/* --- Terms ---------------------------------------------------------------------- */

static const AseankgTerm*
term_of(const AseankgFmt* const fmt, const AseankgTermId id)
{
  return aseankg_graph_term(fmt->graph, id);
}

static Node*
node_of(const AseankgFmt* const fmt, const AseankgTermId id)
{
  return id && id <= fmt->n_terms && fmt->node_of[id] != NONE ? &fmt->nodes[fmt->node_of[id]] : NULL;
}

static AseankgTermId
lookup_iri(const AseankgGraph* const graph, const char* const iri)
{
  char      key[128];
  const int n = snprintf(key, sizeof(key), "<%s>", iri);
  return n > 0 && (size_t)n < sizeof(key) ? aseankg_graph_lookup(graph, key, (size_t)n) : 0U;
}

static AseankgStatus
append_spaces(AseankgBuffer* const out, const size_t n)
{
  static const char spaces[] = "                                                                ";
  AseankgStatus     st       = ASEANKG_SUCCESS;
  for (size_t left = n; left && !st;) {
    const size_t k = left < sizeof(spaces) - 1U ? left : sizeof(spaces) - 1U;
    st             = aseankg_buffer_append(out, spaces, k);
    left -= k;
  }
  return st;
}

/* A blank node's label (every blank node written by label has one). */
static AseankgStatus
append_label(void* const context, AseankgBuffer* const out, const AseankgTermId id)
{
  const AseankgFmt* const fmt  = (const AseankgFmt*)context;
  const Node* const       node = node_of(fmt, id);
  if (!node || !(node->flags & LABELLED)) {
    return ASEANKG_ERR_USAGE;
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_buffer_append(out, "_:", 2U));
  return aseankg_buffer_append_string(out, fmt->labels.data + node->label);
}

/* Append term `id` as the document spells it (`turtle` zero: N-Triples). */
static AseankgStatus
append_term(AseankgFmt* const fmt, AseankgBuffer* const out, const AseankgTermId id, const int turtle)
{
  return aseankg_prefix_table_append_term(&fmt->table, out, id, turtle, append_label, fmt);
}

/* --- Sorting ---------------------------------------------------------------------- */

typedef struct {
  const char*   key;
  size_t        length;
  AseankgTermId id;
} KeyedTerm;

static int
compare_keyed(const void* const a, const void* const b)
{
  const KeyedTerm* const x   = (const KeyedTerm*)a;
  const KeyedTerm* const y   = (const KeyedTerm*)b;
  const int              cmp = memcmp(x->key, y->key, x->length < y->length ? x->length : y->length);
  return cmp ? cmp : (x->length > y->length) - (x->length < y->length);
}

/* A quad of one subject's bucket with what orders it: graph and predicate ranks, then the object's key. */
typedef struct {
  AseankgTermId graph, predicate;
  const char*   key;
  size_t        length;
  AseankgQuad   quad;
} BucketEntry;

static int
compare_bucket_entries(const void* const a, const void* const b)
{
  const BucketEntry* const x = (const BucketEntry*)a;
  const BucketEntry* const y = (const BucketEntry*)b;
  if (x->graph != y->graph) {
    return x->graph < y->graph ? -1 : 1;
  }
  if (x->predicate != y->predicate) {
    return x->predicate < y->predicate ? -1 : 1;
  }
  const int cmp = memcmp(x->key, y->key, x->length < y->length ? x->length : y->length);
  return cmp ? cmp : (x->length > y->length) - (x->length < y->length);
}

/* Rank the terms in subject, predicate or graph position (objects are compared by key only within one
   subject and predicate, so the many literals are never sorted as a whole). */
static AseankgStatus
rank_terms(AseankgFmt* const fmt, size_t* const n_ranked)
{
  size_t n = 0U;
  for (size_t i = 0U; i < fmt->n; ++i) {
    const AseankgTermId ids[3] = { fmt->quads[i].subject, fmt->quads[i].predicate, fmt->quads[i].graph };
    for (unsigned k = 0U; k < 3U; ++k) {
      if (ids[k] && !fmt->rank[ids[k]]) {
        fmt->rank[ids[k]] = 1U;
        ++n;
      }
    }
  }
  KeyedTerm* const keyed = (KeyedTerm*)malloc((n + 1U) * sizeof(KeyedTerm));
  if (!keyed) {
    return ASEANKG_ERR_NOMEM;
  }
  size_t m = 0U;
  for (size_t id = 1U; id <= fmt->n_terms; ++id) {
    if (fmt->rank[id]) {
      const AseankgTerm* const term  = term_of(fmt, (AseankgTermId)id);
      const KeyedTerm          entry = { term->key, term->key_length, (AseankgTermId)id };
      keyed[m++]                     = entry;
    }
  }
  qsort(keyed, m, sizeof(KeyedTerm), compare_keyed);
  for (size_t r = 0U; r < m; ++r) {
    fmt->rank[keyed[r].id] = (uint32_t)r + 1U;
  }
  free(keyed);
  *n_ranked = m;
  return ASEANKG_SUCCESS;
}

/* Sort the quads by graph, subject, predicate and object key: subjects bucketed by rank, each bucket
   sorted, then graphs bucketed stably; duplicates dropped. */
static AseankgStatus
sort_quads(AseankgFmt* const fmt)
{
  size_t             n_ranked = 0U;
  uint32_t*          start    = NULL;
  AseankgQuad*       sorted   = NULL;
  BucketEntry*       bucket   = NULL;
  size_t             room     = 0U;
  AseankgQuad* const q        = fmt->quads;
  AseankgStatus      st       = ASEANKG_SUCCESS;
  TRY(st, rank_terms(fmt, &n_ranked));
  start  = (uint32_t*)calloc(n_ranked + 2U, sizeof(uint32_t));
  sorted = (AseankgQuad*)calloc(fmt->n + 1U, sizeof(AseankgQuad));
  if (!start || !sorted) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (int pass = 0; pass < 2; ++pass) {
    memset(start, 0, (n_ranked + 2U) * sizeof(uint32_t));
    for (size_t i = 0U; i < fmt->n; ++i) {
      ++start[fmt->rank[pass ? q[i].graph : q[i].subject] + 1U];
    }
    for (size_t r = 1U; r <= n_ranked + 1U; ++r) {
      start[r] += start[r - 1U];
    }
    for (size_t i = 0U; i < fmt->n; ++i) {
      sorted[start[fmt->rank[pass ? q[i].graph : q[i].subject]]++] = q[i];
    }
    for (size_t r = 1U, begin = start[0]; !pass && r <= n_ranked; begin = start[r++]) {
      const size_t count = start[r] - begin;
      if (count < 2U) {
        continue;
      }
      TRY_CLEANUP(st, aseankg_array_reserve((void**)&bucket, &room, count, sizeof(BucketEntry)));
      for (size_t k = 0U; k < count; ++k) {
        const AseankgQuad        quad = sorted[begin + k];
        const AseankgTerm* const o    = term_of(fmt, quad.object);
        const BucketEntry entry = { fmt->rank[quad.graph], fmt->rank[quad.predicate], o->key, o->key_length,
                                    quad };
        bucket[k]               = entry;
      }
      qsort(bucket, count, sizeof(BucketEntry), compare_bucket_entries);
      for (size_t k = 0U; k < count; ++k) {
        sorted[begin + k] = bucket[k].quad;
      }
    }
    memcpy(q, sorted, fmt->n * sizeof(AseankgQuad));
  }
  size_t out = 0U;
  for (size_t i = 0U; i < fmt->n; ++i) {
    if (!out || q[i].subject != q[out - 1U].subject || q[i].predicate != q[out - 1U].predicate ||
        q[i].object != q[out - 1U].object || q[i].graph != q[out - 1U].graph) {
      q[out++] = q[i];
    }
  }
  fmt->n = out;

cleanup:
  free(bucket);
  free(start);
  free(sorted);
  return st;
}

/* --- Blank nodes: what can go inline ------------------------------------------------ */

static AseankgStatus
add_node(AseankgFmt* const fmt, const AseankgTermId id, size_t* const capacity)
{
  if (fmt->node_of[id] != NONE) {
    return ASEANKG_SUCCESS;
  }
  if (aseankg_array_reserve((void**)&fmt->nodes, capacity, fmt->n_nodes + 1U, sizeof(Node))) {
    return ASEANKG_ERR_NOMEM;
  }
  Node* const node = &fmt->nodes[fmt->n_nodes];
  memset(node, 0, sizeof(*node));
  node->term       = id;
  node->first      = NO_QUAD;
  fmt->node_of[id] = (uint32_t)fmt->n_nodes++;
  return ASEANKG_SUCCESS;
}

/* Register the blank nodes in term `id` (inside triple terms too); `pinned`: they must be labelled. */
static AseankgStatus
collect_blanks(AseankgFmt* const fmt, const AseankgTermId id, const int pinned, size_t* const capacity)
{
  const AseankgTerm* const term = id ? term_of(fmt, id) : NULL;
  if (!term) {
    return ASEANKG_SUCCESS;
  }
  if (term->kind == ASEANKG_TERM_TRIPLE) {
    AseankgStatus st = ASEANKG_SUCCESS;
    for (unsigned i = 0U; i < 3U && !st; ++i) {
      st = collect_blanks(fmt, term->triple[i], 1, capacity);
    }
    return st;
  }
  if (term->kind != ASEANKG_TERM_BLANK) {
    return ASEANKG_SUCCESS;
  }
  const AseankgStatus st = add_node(fmt, id, capacity);
  if (!st && pinned) {
    fmt->nodes[fmt->node_of[id]].flags |= MUST_LABEL;
  }
  return st;
}

static AseankgStatus
index_blanks(AseankgFmt* const fmt)
{
  size_t        capacity = 0U;
  AseankgStatus st       = ASEANKG_SUCCESS;
  const int     all      = fmt->syntax == ASEANKG_FMT_NTRIPLES;
  for (size_t i = 0U; i < fmt->n; ++i) {
    const AseankgQuad* const q = &fmt->quads[i];
    TRY(st, collect_blanks(fmt, q->subject, all, &capacity));
    TRY(st, collect_blanks(fmt, q->object, all, &capacity));
    TRY(st, collect_blanks(fmt, q->graph, 1, &capacity));
    Node* const s = node_of(fmt, q->subject);
    if (s) {
      if (!(s->flags & IS_SUBJECT)) {
        s->flags |= IS_SUBJECT;
        s->first = i;
        s->graph = q->graph;
      } else if (s->graph != q->graph) {
        s->flags |= MANY_GRAPHS;
      }
    }
    Node* const o = node_of(fmt, q->object);
    if (o && o->refs++ == 0U) {
      o->ref_subject   = q->subject;
      o->ref_predicate = q->predicate;
      o->ref_graph     = q->graph;
    } else if (o) {
      o->refs = 2U;
    }
  }
  for (size_t i = 0U; i < fmt->n_extra; ++i) {
    const AseankgQuad* const q = &fmt->extra[i];
    TRY(st, collect_blanks(fmt, q->subject, 1, &capacity));
    TRY(st, collect_blanks(fmt, q->object, 1, &capacity));
    TRY(st, collect_blanks(fmt, q->graph, 1, &capacity));
  }
  for (size_t k = 0U; k < fmt->n_nodes; ++k) {
    Node* const node = &fmt->nodes[k];
    if (node->refs > 1U || (node->flags & MANY_GRAPHS) ||
        (node->refs == 1U && (node->flags & IS_SUBJECT) && node->graph != node->ref_graph) ||
        (!node->refs && !(node->flags & IS_SUBJECT))) {
      node->flags |= MUST_LABEL;
    }
  }
  return st;
}

/* Whether `node` looks like a collection node: only one rdf:first and one rdf:rest. */
static int
is_list_shaped(const AseankgFmt* const fmt, const Node* const node)
{
  if (!fmt->rdf_first || !fmt->rdf_rest || !(node->flags & INLINE) || !(node->flags & IS_SUBJECT)) {
    return 0;
  }
  const size_t i = node->first;
  return i + 1U < fmt->n && fmt->quads[i].predicate == fmt->rdf_first &&
         fmt->quads[i + 1U].subject == node->term && fmt->quads[i + 1U].graph == node->graph &&
         fmt->quads[i + 1U].predicate == fmt->rdf_rest &&
         (i + 2U == fmt->n || fmt->quads[i + 2U].subject != node->term ||
          fmt->quads[i + 2U].graph != node->graph);
}

/* Mark the nodes of well-formed collections: list-shaped nodes whose rdf:rest chain reaches rdf:nil. */
static void
mark_lists(AseankgFmt* const fmt)
{
  for (size_t k = 0U; k < fmt->n_nodes; ++k) {
    Node* const node = &fmt->nodes[k];
    if ((node->flags & (LIST | NOT_LIST)) || !is_list_shaped(fmt, node)) {
      continue;
    }
    int good = 0;
    for (Node* walk = node;;) {
      walk->flags |= WALKING;
      const AseankgTermId rest = fmt->quads[walk->first + 1U].object;
      Node* const         next = node_of(fmt, rest);
      if (rest == fmt->rdf_nil || (next && (next->flags & LIST))) {
        good = 1;
        break;
      }
      if (!next || (next->flags & (WALKING | NOT_LIST)) || !is_list_shaped(fmt, next)) {
        break; /* a cycle, or a chain that does not end in rdf:nil */
      }
      walk = next;
    }
    for (Node* walk = node; walk && (walk->flags & WALKING);) {
      walk->flags = (walk->flags & ~(uint32_t)WALKING) | (good ? LIST : NOT_LIST);
      walk        = node_of(fmt, fmt->quads[walk->first + 1U].object);
    }
  }
}

/* Whether `node` starts a collection written as `( ... )`. */
static int
is_list_head(const AseankgFmt* const fmt, const Node* const node)
{
  if (!(node->flags & LIST)) {
    return 0;
  }
  const Node* const parent = node_of(fmt, node->ref_subject);
  return !(parent && (parent->flags & LIST) && node->ref_predicate == fmt->rdf_rest);
}

/* --- Colours: hashes of neighbourhoods ------------------------------------------------ */

static uint64_t
hash_term(const AseankgFmt* const fmt, const AseankgTermId id)
{
  if (!id) {
    return 0x9E3779B97F4A7C15ULL;
  }
  if (node_of(fmt, id)) {
    return 0xB5AD4ECEDA1CE2A9ULL; /* a blank node: counted, not named */
  }
  const AseankgTerm* const term = term_of(fmt, id);
  uint64_t                 h    = 0xCBF29CE484222325ULL;
  for (size_t i = 0U; i < term->key_length; ++i) {
    h = (h ^ (unsigned char)term->key[i]) * 0x100000001B3ULL;
  }
  return aseankg_hash_mix(h);
}

/* hash_term() through a small direct-mapped cache: predicates, graphs and shared subjects recur. */
typedef struct {
  AseankgTermId id[256];
  uint64_t      hash[256];
} TermHashCache;

static uint64_t
cached_hash(const AseankgFmt* const fmt, TermHashCache* const cache, const AseankgTermId id)
{
  const unsigned slot = (unsigned)(id & 255U);
  if (!id || cache->id[slot] != id) {
    cache->id[slot]   = id;
    cache->hash[slot] = hash_term(fmt, id);
  }
  return cache->hash[slot];
}

static uint64_t
edge_hash(const uint64_t role, const uint64_t predicate, const uint64_t other, const uint64_t graph)
{
  return aseankg_hash_mix(aseankg_hash_mix(aseankg_hash_mix(role ^ predicate) ^ other) + graph);
}

/* h_in and h_all of every labelled node: sums of mixed edge hashes (a multiset hash). */
static void
hash_neighbourhoods(AseankgFmt* const fmt)
{
  TermHashCache cache;
  memset(&cache, 0, sizeof(cache));
  for (size_t i = 0U; i < fmt->n; ++i) {
    const AseankgQuad* const q = &fmt->quads[i];
    Node* const              s = node_of(fmt, q->subject);
    Node* const              o = node_of(fmt, q->object);
    Node* const              g = node_of(fmt, q->graph);
    if (!s && !o && !g) {
      continue;
    }
    const uint64_t hs = cached_hash(fmt, &cache, q->subject);
    const uint64_t hp = cached_hash(fmt, &cache, q->predicate);
    const uint64_t ho = hash_term(fmt, q->object); /* mostly distinct: not cached */
    const uint64_t hg = cached_hash(fmt, &cache, q->graph);
    if (s) {
      s->h_all += aseankg_hash_mix(edge_hash(1U, hp, ho, hg));
    }
    if (o) {
      const uint64_t e = aseankg_hash_mix(edge_hash(2U, hp, hs, hg));
      o->h_in += e;
      o->h_all += e;
    }
    if (g) {
      const uint64_t e = aseankg_hash_mix(edge_hash(3U, hp, hs ^ ho, 0U));
      g->h_in += e;
      g->h_all += e;
    }
  }
  for (size_t k = 0U; k < fmt->n_nodes; ++k) {
    fmt->nodes[k].h_in   = aseankg_hash_mix(fmt->nodes[k].h_in + 1U);
    fmt->nodes[k].h_all  = aseankg_hash_mix(fmt->nodes[k].h_all ^ fmt->nodes[k].h_in);
    fmt->nodes[k].colour = fmt->nodes[k].h_all;
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
count_distinct(const AseankgFmt* const fmt, uint64_t* const scratch)
{
  for (size_t k = 0U; k < fmt->n_nodes; ++k) {
    scratch[k] = fmt->nodes[k].colour;
  }
  qsort(scratch, fmt->n_nodes, sizeof(uint64_t), compare_u64);
  size_t n = fmt->n_nodes ? 1U : 0U;
  for (size_t k = 1U; k < fmt->n_nodes; ++k) {
    n += scratch[k] != scratch[k - 1U];
  }
  return n;
}

/* Colour refinement from h_all until the number of colours stops growing (needed only to break ties). */
static AseankgStatus
refine_colours(AseankgFmt* const fmt)
{
  if (fmt->coloured) {
    return ASEANKG_SUCCESS;
  }
  uint64_t* const next    = (uint64_t*)malloc((fmt->n_nodes + 1U) * sizeof(uint64_t));
  uint64_t* const scratch = (uint64_t*)malloc((fmt->n_nodes + 1U) * sizeof(uint64_t));
  if (!next || !scratch) {
    free(next);
    free(scratch);
    return ASEANKG_ERR_NOMEM;
  }
  TermHashCache cache;
  memset(&cache, 0, sizeof(cache));
  size_t distinct = count_distinct(fmt, scratch);
  for (unsigned round = 0U; round < MAX_ROUNDS; ++round) {
    for (size_t k = 0U; k < fmt->n_nodes; ++k) {
      next[k] = 0U;
    }
    for (size_t i = 0U; i < fmt->n; ++i) {
      const AseankgQuad* const q = &fmt->quads[i];
      const uint32_t           s = q->subject <= fmt->n_terms ? fmt->node_of[q->subject] : NONE;
      const uint32_t           o = q->object <= fmt->n_terms ? fmt->node_of[q->object] : NONE;
      if (s != NONE && o != NONE) {
        const uint64_t hp = cached_hash(fmt, &cache, q->predicate);
        const uint64_t hg = cached_hash(fmt, &cache, q->graph);
        next[s] += aseankg_hash_mix(edge_hash(1U, hp, fmt->nodes[o].colour, hg));
        next[o] += aseankg_hash_mix(edge_hash(2U, hp, fmt->nodes[s].colour, hg));
      }
    }
    for (size_t k = 0U; k < fmt->n_nodes; ++k) {
      fmt->nodes[k].colour = aseankg_hash_mix(fmt->nodes[k].colour ^ aseankg_hash_mix(next[k]));
    }
    const size_t now = count_distinct(fmt, scratch);
    if (now <= distinct) {
      break;
    }
    distinct = now;
  }
  free(next);
  free(scratch);
  fmt->coloured = 1;
  return ASEANKG_SUCCESS;
}

/* What orders nodes for labelling: h_in, h_all, colour, then term rank (input order) as the last resort. */
typedef struct {
  uint64_t h_in, h_all, colour;
  uint32_t rank;
  uint32_t node;
} LabelKey;

static int
compare_label_keys(const void* const a, const void* const b)
{
  const LabelKey* const x = (const LabelKey*)a;
  const LabelKey* const y = (const LabelKey*)b;
  if (x->h_in != y->h_in) {
    return x->h_in < y->h_in ? -1 : 1;
  }
  if (x->h_all != y->h_all) {
    return x->h_all < y->h_all ? -1 : 1;
  }
  if (x->colour != y->colour) {
    return x->colour < y->colour ? -1 : 1;
  }
  return (x->rank > y->rank) - (x->rank < y->rank);
}

typedef struct {
  const char* label;
  uint32_t    node;
} LabelRef;

static int
compare_label_refs(const void* const a, const void* const b)
{
  const int cmp = strcmp(((const LabelRef*)a)->label, ((const LabelRef*)b)->label);
  return cmp ? cmp
             : (((const LabelRef*)a)->node > ((const LabelRef*)b)->node) -
                 (((const LabelRef*)a)->node < ((const LabelRef*)b)->node);
}

/* --- The plan: which blank nodes go inline, which get labels ------------------------------- */

typedef struct {
  size_t   run;
  uint32_t depth;
} Visit;

/* Walk from every block down its inline objects: label nodes nested too deep, and one node per cycle. */
static AseankgStatus
check_nesting(AseankgFmt* const fmt, int* const changed)
{
  Visit*        stack    = NULL;
  size_t        capacity = 0U;
  size_t        top      = 0U;
  AseankgStatus st       = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < fmt->n && !st; ++i) {
    const AseankgQuad* const q = &fmt->quads[i];
    if (i && q->subject == q[-1].subject && q->graph == q[-1].graph) {
      continue;
    }
    const Node* const root = node_of(fmt, q->subject);
    if (root && (root->flags & INLINE)) {
      continue; /* reached from where it is referenced */
    }
    const Visit start = { i, 0U };
    st                = aseankg_array_reserve((void**)&stack, &capacity, top + 1U, sizeof(Visit));
    if (!st) {
      stack[top++] = start;
    }
    while (top && !st) {
      const Visit         visit   = stack[--top];
      const AseankgTermId subject = fmt->quads[visit.run].subject;
      const AseankgTermId graph   = fmt->quads[visit.run].graph;
      const Node* const   parent  = node_of(fmt, subject);
      const int           in_list = parent && (parent->flags & LIST);
      for (size_t j = visit.run;
           j < fmt->n && fmt->quads[j].subject == subject && fmt->quads[j].graph == graph && !st; ++j) {
        Node* const o = node_of(fmt, fmt->quads[j].object);
        if (!o || !(o->flags & INLINE)) {
          continue;
        }
        o->flags |= VISITED;
        const uint32_t depth = visit.depth + (in_list && fmt->quads[j].predicate == fmt->rdf_rest ? 0U : 1U);
        if (depth > MAX_DEPTH) {
          o->flags |= MUST_LABEL;
          *changed = 1;
        } else if (o->flags & IS_SUBJECT) {
          const Visit next = { o->first, depth };
          st               = aseankg_array_reserve((void**)&stack, &capacity, top + 1U, sizeof(Visit));
          if (!st) {
            stack[top++] = next;
          }
        }
      }
    }
  }
  free(stack);
  if (st || *changed) {
    return st; /* nodes below a newly labelled one were not visited: check cycles on the next pass */
  }

  /* Inline nodes no block reached hang off a cycle of inline nodes: label one node of each cycle. */
  for (size_t k = 0U; fmt->nodes && k < fmt->n_nodes && !st; ++k) {
    Node* walk = &fmt->nodes[k];
    if (!(walk->flags & INLINE) || (walk->flags & VISITED)) {
      continue;
    }
    while (walk && (walk->flags & INLINE) && !(walk->flags & (VISITED | WALKING))) {
      walk->flags |= WALKING;
      walk = node_of(fmt, walk->ref_subject);
    }
    if (walk && (walk->flags & WALKING)) {
      st = refine_colours(fmt);
      /* The cycle is walk, ref(walk), ...: label its node of least colour (then rank). */
      Node* best = walk;
      for (Node* c = node_of(fmt, walk->ref_subject); c && c != walk; c = node_of(fmt, c->ref_subject)) {
        if (c->colour < best->colour || (c->colour == best->colour && c->term < best->term)) {
          best = c;
        }
      }
      best->flags |= MUST_LABEL;
      *changed = 1;
    }
    for (Node* c = &fmt->nodes[k]; c && (c->flags & WALKING); c = node_of(fmt, c->ref_subject)) {
      c->flags = (c->flags & ~(uint32_t)WALKING) | VISITED;
    }
  }
  return st;
}

static AseankgStatus
plan_inline(AseankgFmt* const fmt)
{
  AseankgStatus st      = ASEANKG_SUCCESS;
  int           changed = 1;
  while (changed && !st) {
    changed = 0;
    for (size_t k = 0U; k < fmt->n_nodes; ++k) {
      Node* const node = &fmt->nodes[k];
      node->flags &= ~(uint32_t)(INLINE | LIST | NOT_LIST | VISITED);
      if (!(node->flags & MUST_LABEL) && node->refs == 1U) {
        node->flags |= INLINE;
      }
    }
    mark_lists(fmt);
    st = check_nesting(fmt, &changed);
  }
  for (size_t k = 0U; k < fmt->n_nodes; ++k) {
    if (fmt->nodes[k].flags & MUST_LABEL) {
      fmt->nodes[k].flags |= LABELLED;
    }
  }
  return st;
}

static AseankgStatus
set_label(AseankgFmt* const fmt, Node* const node, const uint64_t hash, const size_t suffix)
{
  node->label                  = fmt->labels.length;
  const unsigned long long top = (unsigned long long)(hash >> 16U);
  AseankgStatus            st  = ASEANKG_SUCCESS;
  TRY(st, suffix ? aseankg_buffer_printf(&fmt->labels, "b%012llx-%zu", top, suffix)
                 : aseankg_buffer_printf(&fmt->labels, "b%012llx", top));
  return aseankg_buffer_append_byte(&fmt->labels, '\0');
}

/* Give every labelled node its label (see aseankg_fmt_new() for the rule). */
static AseankgStatus
assign_labels(AseankgFmt* const fmt)
{
  size_t n = 0U;
  for (size_t k = 0U; k < fmt->n_nodes; ++k) {
    n += (fmt->nodes[k].flags & LABELLED) != 0U;
  }
  LabelKey* const keys    = (LabelKey*)calloc(n + 1U, sizeof(LabelKey));
  LabelRef* const refs    = (LabelRef*)calloc(n + 1U, sizeof(LabelRef));
  size_t*         offsets = NULL;
  AseankgStatus   st      = ASEANKG_SUCCESS;
  int             tied    = 0;
  if (!keys || !refs) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (int pass = 0; pass < 2; ++pass) {
    size_t m = 0U;
    for (size_t k = 0U; k < fmt->n_nodes; ++k) {
      const Node* const node = &fmt->nodes[k];
      if (node->flags & LABELLED) {
        const LabelKey key = { node->h_in, node->h_all, fmt->coloured ? node->colour : 0U, node->term,
                               (uint32_t)k };
        keys[m++]          = key;
      }
    }
    qsort(keys, n, sizeof(LabelKey), compare_label_keys);
    for (size_t i = 1U; i < n; ++i) {
      tied |= keys[i].h_in == keys[i - 1U].h_in && keys[i].h_all == keys[i - 1U].h_all;
    }
    if (!tied || fmt->coloured) {
      break;
    }
    TRY_CLEANUP(st, refine_colours(fmt));
  }

  for (size_t i = 0U; i < n;) {
    size_t end = i;
    while (end < n && keys[end].h_in == keys[i].h_in) {
      ++end;
    }
    for (size_t j = i; j < end;) {
      size_t sub = j;
      while (sub < end && keys[sub].h_all == keys[j].h_all) {
        ++sub;
      }
      for (size_t k = j; k < sub; ++k) {
        const uint64_t hash = end - i == 1U ? keys[k].h_in : aseankg_hash_mix(keys[k].h_in ^ keys[k].h_all);
        TRY_CLEANUP(st, set_label(fmt, &fmt->nodes[keys[k].node], hash, sub - j == 1U ? 0U : k - j + 1U));
      }
      j = sub;
    }
    i = end;
  }

  /* Two hashes may agree in the digits shown: a later one takes a further suffix. */
  for (size_t i = 0U; i < n; ++i) {
    const LabelRef ref = { NULL, keys[i].node };
    refs[i]            = ref;
  }
  for (size_t i = 0U; i < n; ++i) {
    refs[i].label = fmt->labels.data + fmt->nodes[refs[i].node].label;
  }
  qsort(refs, n, sizeof(LabelRef), compare_label_refs);
  offsets = (size_t*)malloc((n + 1U) * sizeof(size_t));
  if (!offsets) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t i = 0U; i < n; ++i) {
    offsets[i] = (size_t)(refs[i].label - fmt->labels.data);
  }
  for (size_t i = 1U, dup = 0U; i < n; ++i) {
    if (!strcmp(fmt->labels.data + offsets[i], fmt->labels.data + offsets[i - 1U])) {
      Node* const  node   = &fmt->nodes[refs[i].node];
      const size_t offset = fmt->labels.length;
      char         base[64];
      snprintf(base, sizeof(base), "%s", fmt->labels.data + offsets[i]); /* the buffer may move */
      TRY_CLEANUP(st, aseankg_buffer_printf(&fmt->labels, "%s-x%zu", base, ++dup));
      TRY_CLEANUP(st, aseankg_buffer_append_byte(&fmt->labels, '\0'));
      node->label = offset;
    }
  }

cleanup:
  free(offsets);
  free(keys);
  free(refs);
  return st;
}

/* --- Rendering ---------------------------------------------------------------------------- */

static AseankgStatus render_object(AseankgFmt* fmt, AseankgBuffer* out, AseankgTermId object, size_t indent);

typedef struct {
  const char* text;
  size_t      length;
} Text;

static int
compare_texts(const void* const a, const void* const b)
{
  const Text* const x   = (const Text*)a;
  const Text* const y   = (const Text*)b;
  const int         cmp = memcmp(x->text, y->text, x->length < y->length ? x->length : y->length);
  return cmp ? cmp : (x->length > y->length) - (x->length < y->length);
}

/* Split `buffer` at the `n` offsets into texts (offsets[n] is its length) and sort them. */
static Text*
sorted_texts(const AseankgBuffer* const buffer, const size_t* const offsets, const size_t n)
{
  Text* const texts = (Text*)malloc((n + 1U) * sizeof(Text));
  if (texts) {
    for (size_t i = 0U; i < n; ++i) {
      const Text text = { buffer->data + offsets[i], offsets[i + 1U] - offsets[i] };
      texts[i]        = text;
    }
    qsort(texts, n, sizeof(Text), compare_texts);
  }
  return texts;
}

/* Append `text`, with `dedent` spaces fewer after each line break. */
static AseankgStatus
append_dedented(AseankgBuffer* const out, const Text* const text, const size_t dedent)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < text->length && !st;) {
    size_t end = i;
    while (end < text->length && text->text[end] != '\n') {
      ++end;
    }
    end += end < text->length; /* keep the line break */
    st = aseankg_buffer_append(out, text->text + i, end - i);
    i  = end;
    for (size_t k = 0U; k < dedent && i < text->length && text->text[i] == ' '; ++k) {
      ++i;
    }
  }
  return st;
}

/* The objects of quads[begin, end) (one subject and predicate), the first on a line indented `indent`. */
static AseankgStatus
render_objects(AseankgFmt* const fmt, AseankgBuffer* const out, const size_t begin, const size_t end,
               const size_t indent)
{
  size_t n_blank = 0U;
  for (size_t i = begin; i < end; ++i) {
    n_blank += node_of(fmt, fmt->quads[i].object) != NULL;
  }
  AseankgStatus st    = ASEANKG_SUCCESS;
  int           first = 1;
  for (size_t i = begin; i < end; ++i) {
    if (node_of(fmt, fmt->quads[i].object) && end - begin > 1U) {
      continue; /* blank objects follow, ordered by their text */
    }
    if (!first) {
      TRY(st, aseankg_buffer_append(out, " ,\n", 3U));
      TRY(st, append_spaces(out, indent + 4U));
    }
    TRY(st, render_object(fmt, out, fmt->quads[i].object, indent));
    first = 0;
  }
  if (!n_blank || end - begin == 1U) {
    return st;
  }

  AseankgBuffer scratch;
  memset(&scratch, 0, sizeof(scratch));
  size_t* const offsets = (size_t*)malloc((n_blank + 1U) * sizeof(size_t));
  Text*         texts   = NULL;
  size_t        m       = 0U;
  if (!offsets) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t i = begin; i < end; ++i) {
    if (node_of(fmt, fmt->quads[i].object)) {
      offsets[m++] = scratch.length;
      TRY_CLEANUP(st, render_object(fmt, &scratch, fmt->quads[i].object, indent + 4U));
    }
  }
  offsets[m] = scratch.length;
  texts      = sorted_texts(&scratch, offsets, m);
  if (!texts) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t i = 0U; i < m; ++i) {
    if (first) {
      /* rendered for a continuation line, placed on the first */
      TRY_CLEANUP(st, append_dedented(out, &texts[i], 4U));
    } else {
      TRY_CLEANUP(st, aseankg_buffer_append(out, " ,\n", 3U));
      TRY_CLEANUP(st, append_spaces(out, indent + 4U));
      TRY_CLEANUP(st, aseankg_buffer_append(out, texts[i].text, texts[i].length));
    }
    first = 0;
  }

cleanup:
  free(texts);
  free(offsets);
  aseankg_buffer_release(&scratch);
  return st;
}

/* The predicate-object list of the statements starting at `run`, each predicate on a line indented
   `indent` + 4; no line break after the last. */
static AseankgStatus
render_properties(AseankgFmt* const fmt, AseankgBuffer* const out, const size_t run, const size_t indent)
{
  const AseankgTermId subject = fmt->quads[run].subject;
  const AseankgTermId graph   = fmt->quads[run].graph;
  size_t              end     = run;
  while (end < fmt->n && fmt->quads[end].subject == subject && fmt->quads[end].graph == graph) {
    ++end;
  }
  AseankgStatus st    = ASEANKG_SUCCESS;
  int           first = 1;
  for (int types = 1; types >= 0; --types) {
    for (size_t i = run; i < end;) {
      const AseankgTermId predicate = fmt->quads[i].predicate;
      size_t              j         = i;
      while (j < end && fmt->quads[j].predicate == predicate) {
        ++j;
      }
      if ((predicate == fmt->rdf_type) == types) {
        if (!first) {
          TRY(st, aseankg_buffer_append(out, " ;\n", 3U));
        }
        TRY(st, append_spaces(out, indent + 4U));
        TRY(st, types ? aseankg_buffer_append_byte(out, 'a') : append_term(fmt, out, predicate, 1));
        TRY(st, aseankg_buffer_append_byte(out, ' '));
        TRY(st, render_objects(fmt, out, i, j, indent + 4U));
        first = 0;
      }
      i = j;
    }
  }
  return st;
}

/* A collection `( ... )` starting at `head`, on a line indented `indent`. */
static AseankgStatus
render_list(AseankgFmt* const fmt, AseankgBuffer* const out, const Node* const head, const size_t indent)
{
  AseankgBuffer scratch;
  memset(&scratch, 0, sizeof(scratch));
  size_t*       offsets  = NULL;
  size_t        capacity = 0U;
  size_t        m        = 0U;
  AseankgStatus st       = ASEANKG_SUCCESS;
  for (const Node* node = head; node;) {
    TRY_CLEANUP(st, aseankg_array_reserve((void**)&offsets, &capacity, m + 2U, sizeof(size_t)));
    offsets[m++] = scratch.length;
    TRY_CLEANUP(st, render_object(fmt, &scratch, fmt->quads[node->first].object, indent + 4U));
    node = node_of(fmt, fmt->quads[node->first + 1U].object);
  }
  if (offsets) {
    offsets[m] = scratch.length;
  }
  const int one_line = scratch.length + m <= LIST_LINE && (!scratch.data || !strchr(scratch.data, '\n'));
  TRY_CLEANUP(st, aseankg_buffer_append(out, one_line ? "(" : "(\n", one_line ? 1U : 2U));
  for (size_t i = 0U; i < m && scratch.data; ++i) { /* every item renders as some text */
    TRY_CLEANUP(st, one_line ? aseankg_buffer_append_byte(out, ' ') : append_spaces(out, indent + 4U));
    TRY_CLEANUP(st, aseankg_buffer_append(out, scratch.data + offsets[i], offsets[i + 1U] - offsets[i]));
    if (!one_line) {
      TRY_CLEANUP(st, aseankg_buffer_append_byte(out, '\n'));
    }
  }
  if (one_line) {
    TRY_CLEANUP(st, aseankg_buffer_append(out, " )", 2U));
  } else {
    TRY_CLEANUP(st, append_spaces(out, indent));
    TRY_CLEANUP(st, aseankg_buffer_append_byte(out, ')'));
  }

cleanup:
  free(offsets);
  aseankg_buffer_release(&scratch);
  return st;
}

static AseankgStatus
render_object(AseankgFmt* const fmt, AseankgBuffer* const out, const AseankgTermId object,
              const size_t indent)
{
  const Node* const node = node_of(fmt, object);
  if (!node || (node->flags & LABELLED)) {
    return append_term(fmt, out, object, 1);
  }
  if (is_list_head(fmt, node)) {
    return render_list(fmt, out, node, indent);
  }
  if (!(node->flags & IS_SUBJECT)) {
    return aseankg_buffer_append(out, "[]", 2U);
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_buffer_append(out, "[\n", 2U));
  TRY(st, render_properties(fmt, out, node->first, indent));
  TRY(st, aseankg_buffer_append_byte(out, '\n'));
  TRY(st, append_spaces(out, indent));
  return aseankg_buffer_append_byte(out, ']');
}

/* --- The document ----------------------------------------------------------------------- */

/* A subject block or a named graph to be placed by `key` (its label or text) before writing. */
typedef struct {
  size_t      begin;
  size_t      end;
  const char* key; /* NULL: placed by position (IRIs, already in key order) */
} Section;

static int
compare_sections(const void* const a, const void* const b)
{
  const Section* const x = (const Section*)a;
  const Section* const y = (const Section*)b;
  if (!x->key || !y->key) {
    return x->key ? 1 : y->key ? -1 : (x->begin > y->begin) - (x->begin < y->begin);
  }
  return strcmp(x->key, y->key);
}

/* Separate blocks with an empty line; write out what has collected. */
static AseankgStatus
next_block(AseankgBuffer* const out, int* const blocks, FILE* const stream)
{
  AseankgStatus st    = ASEANKG_SUCCESS;
  const int     after = *blocks > 0;
  ++*blocks;
  if (after) {
    TRY(st, aseankg_buffer_append_byte(out, '\n'));
  }
  return aseankg_buffer_spill(out, stream, ASEANKG_WRITE_CHUNK);
}

/* The blocks of the statements in quads[begin, end) (one graph), indented `indent`. */
static AseankgStatus
write_blocks(AseankgFmt* const fmt, FILE* const stream, const size_t begin, const size_t end,
             const size_t indent)
{
  AseankgBuffer* const out      = &fmt->out;
  Section*             sections = NULL;
  size_t               capacity = 0U;
  size_t               m        = 0U;
  AseankgBuffer        anonymous;
  memset(&anonymous, 0, sizeof(anonymous));
  size_t*       offsets      = NULL;
  size_t        offsets_room = 0U;
  size_t        n_anonymous  = 0U;
  int           blocks       = 0;
  AseankgStatus st           = ASEANKG_SUCCESS;

  Text* texts = NULL;
  for (size_t i = begin; i < end;) {
    size_t run_end = i;
    while (run_end < end && fmt->quads[run_end].subject == fmt->quads[i].subject) {
      ++run_end;
    }
    const Node* const node = node_of(fmt, fmt->quads[i].subject);
    if (!node) {
      TRY_CLEANUP(st, next_block(out, &blocks, stream));
      TRY_CLEANUP(st, append_spaces(out, indent));
      TRY_CLEANUP(st, append_term(fmt, out, fmt->quads[i].subject, 1));
      TRY_CLEANUP(st, aseankg_buffer_append_byte(out, '\n'));
      TRY_CLEANUP(st, render_properties(fmt, out, i, indent));
      TRY_CLEANUP(st, aseankg_buffer_append(out, " .\n", 3U));
    } else if (node->flags & LABELLED) {
      const Section section = { i, run_end, fmt->labels.data + node->label };
      TRY_CLEANUP(st, aseankg_array_reserve((void**)&sections, &capacity, m + 1U, sizeof(Section)));
      sections[m++] = section;
    } else if (!(node->flags & INLINE)) {
      TRY_CLEANUP(st,
                  aseankg_array_reserve((void**)&offsets, &offsets_room, n_anonymous + 2U, sizeof(size_t)));
      offsets[n_anonymous++] = anonymous.length;
      TRY_CLEANUP(st, append_spaces(&anonymous, indent));
      TRY_CLEANUP(st, aseankg_buffer_append(&anonymous, "[\n", 2U));
      TRY_CLEANUP(st, render_properties(fmt, &anonymous, i, indent));
      TRY_CLEANUP(st, aseankg_buffer_append_byte(&anonymous, '\n'));
      TRY_CLEANUP(st, append_spaces(&anonymous, indent));
      TRY_CLEANUP(st, aseankg_buffer_append(&anonymous, "] .\n", 4U));
    }
    i = run_end;
  }

  if (m) {
    qsort(sections, m, sizeof(Section), compare_sections);
  }
  for (size_t k = 0U; k < m; ++k) {
    TRY_CLEANUP(st, next_block(out, &blocks, stream));
    TRY_CLEANUP(st, append_spaces(out, indent));
    TRY_CLEANUP(st, append_term(fmt, out, fmt->quads[sections[k].begin].subject, 1));
    TRY_CLEANUP(st, aseankg_buffer_append_byte(out, '\n'));
    TRY_CLEANUP(st, render_properties(fmt, out, sections[k].begin, indent));
    TRY_CLEANUP(st, aseankg_buffer_append(out, " .\n", 3U));
  }
  if (n_anonymous) {
    offsets[n_anonymous] = anonymous.length;
    texts                = sorted_texts(&anonymous, offsets, n_anonymous);
    if (!texts) {
      st = ASEANKG_ERR_NOMEM;
      goto cleanup;
    }
    for (size_t k = 0U; k < n_anonymous; ++k) {
      TRY_CLEANUP(st, next_block(out, &blocks, stream));
      TRY_CLEANUP(st, aseankg_buffer_append(out, texts[k].text, texts[k].length));
    }
  }

cleanup:
  free(texts);
  free(sections);
  free(offsets);
  aseankg_buffer_release(&anonymous);
  return st;
}

static AseankgStatus
write_prefixes(AseankgFmt* const fmt)
{
  const AseankgQuad* const sets[2]  = { fmt->quads, fmt->extra };
  const size_t             sizes[2] = { fmt->n, fmt->n_extra };
  for (int s = 0; s < 2; ++s) {
    for (size_t i = 0U; i < sizes[s]; ++i) {
      aseankg_prefix_table_mark_used(&fmt->table, sets[s][i].subject);
      if (sets[s][i].predicate != fmt->rdf_type) {
        aseankg_prefix_table_mark_used(&fmt->table, sets[s][i].predicate);
      }
      aseankg_prefix_table_mark_used(&fmt->table, sets[s][i].object);
      aseankg_prefix_table_mark_used(&fmt->table, sets[s][i].graph);
    }
  }
  AseankgStatus st   = ASEANKG_SUCCESS;
  int           some = 0;
  for (size_t i = 0U; i < fmt->n_prefixes; ++i) {
    if (fmt->table.used[i]) {
      TRY(st, aseankg_buffer_printf(&fmt->out, "@prefix %s: <%s> .\n", fmt->prefixes[i].name,
                                    fmt->prefixes[i].namespace_iri));
      some = 1;
    }
  }
  return some ? aseankg_buffer_append_byte(&fmt->out, '\n') : ASEANKG_SUCCESS;
}

static AseankgStatus
write_turtle(AseankgFmt* const fmt, FILE* const stream)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  size_t        i  = 0U;
  while (i < fmt->n && !fmt->quads[i].graph) {
    ++i;
  }
  TRY(st, write_prefixes(fmt));
  TRY(st, write_blocks(fmt, stream, 0U, i, 0U));

  /* Named graphs: IRIs in key order, then blank names by label. */
  Section* sections = NULL;
  size_t   capacity = 0U;
  size_t   m        = 0U;
  while (i < fmt->n) {
    size_t end = i;
    while (end < fmt->n && fmt->quads[end].graph == fmt->quads[i].graph) {
      ++end;
    }
    const Node* const node    = node_of(fmt, fmt->quads[i].graph);
    const Section     section = { i, end, node ? fmt->labels.data + node->label : NULL };
    TRY_CLEANUP(st, aseankg_array_reserve((void**)&sections, &capacity, m + 1U, sizeof(Section)));
    sections[m++] = section;
    i             = end;
  }
  if (m) {
    qsort(sections, m, sizeof(Section), compare_sections);
  }
  for (size_t k = 0U; k < m; ++k) {
    if (k || sections[0].begin) {
      /* after the default graph or the previous graph */
      TRY_CLEANUP(st, aseankg_buffer_append_byte(&fmt->out, '\n'));
    }
    TRY_CLEANUP(st, append_term(fmt, &fmt->out, fmt->quads[sections[k].begin].graph, 1));
    TRY_CLEANUP(st, aseankg_buffer_append(&fmt->out, " {\n", 3U));
    TRY_CLEANUP(st, write_blocks(fmt, stream, sections[k].begin, sections[k].end, 4U));
    TRY_CLEANUP(st, aseankg_buffer_append(&fmt->out, "}\n", 2U));
  }

cleanup:
  free(sections);
  return st;
}

/* One statement as an N-Triples / N-Quads line (`turtle` zero) or a Turtle / TriG statement. */
static AseankgStatus
append_statement(AseankgFmt* const fmt, AseankgBuffer* const out, const AseankgQuad* const quad,
                 const int turtle)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  if (turtle && quad->graph) {
    TRY(st, append_term(fmt, out, quad->graph, 1));
    TRY(st, aseankg_buffer_append(out, " { ", 3U));
  }
  TRY(st, append_term(fmt, out, quad->subject, turtle));
  TRY(st, aseankg_buffer_append_byte(out, ' '));
  TRY(st, turtle && quad->predicate == fmt->rdf_type ? aseankg_buffer_append_byte(out, 'a')
                                                     : append_term(fmt, out, quad->predicate, turtle));
  TRY(st, aseankg_buffer_append_byte(out, ' '));
  TRY(st, append_term(fmt, out, quad->object, turtle));
  if (!turtle && quad->graph) {
    TRY(st, aseankg_buffer_append_byte(out, ' '));
    TRY(st, append_term(fmt, out, quad->graph, 0));
  }
  TRY(st, aseankg_buffer_append(out, " .", 2U));
  if (turtle && quad->graph) {
    TRY(st, aseankg_buffer_append(out, " }", 2U));
  }
  return aseankg_buffer_append_byte(out, '\n');
}

/* Sort the lines in `lines` (split at `offsets`, n + 1 of them) as strings and add them to the output. */
static AseankgStatus
emit_sorted(AseankgFmt* const fmt, FILE* const stream, const AseankgBuffer* const lines,
            const size_t* const offsets, const size_t n)
{
  Text* const   texts = sorted_texts(lines, offsets, n);
  AseankgStatus st    = ASEANKG_SUCCESS;
  if (!texts) {
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t i = 0U; i < n; ++i) {
    TRY_CLEANUP(st, aseankg_buffer_append(&fmt->out, texts[i].text, texts[i].length));
    TRY_CLEANUP(st, aseankg_buffer_spill(&fmt->out, stream, ASEANKG_WRITE_CHUNK));
  }

cleanup:
  free(texts);
  return st;
}

typedef struct {
  size_t        offset, length; /* of its text in the names buffer */
  AseankgTermId id;
  const char*   names;
} NamedTerm;

static int
compare_named(const void* const a, const void* const b)
{
  const NamedTerm* const x = (const NamedTerm*)a;
  const NamedTerm* const y = (const NamedTerm*)b;
  const int              cmp =
    memcmp(x->names + x->offset, y->names + y->offset, x->length < y->length ? x->length : y->length);
  return cmp ? cmp : (x->length > y->length) - (x->length < y->length);
}

/*
   Rank the subjects by their N-Triples text: `order[id]` (by term; 0 for
   terms that are no subject) from 1 to `*m`. Sets `*usable` to 0 and ranks
   nothing if a subject is neither an IRI nor a blank node.
*/
static AseankgStatus
rank_subjects(AseankgFmt* const fmt, uint32_t* const order, size_t* const m, int* const usable)
{
  *m      = 0U;
  *usable = 1;
  for (size_t i = 0U; i < fmt->n && *usable; ++i) {
    const AseankgTermId      id   = fmt->quads[i].subject;
    const AseankgTerm* const term = term_of(fmt, id);
    *usable                       = term->kind == ASEANKG_TERM_IRI || term->kind == ASEANKG_TERM_BLANK;
    if (!order[id]) {
      order[id] = 1U;
      ++*m;
    }
  }
  if (!*usable) {
    memset(order, 0, (fmt->n_terms + 1U) * sizeof(uint32_t));
    return ASEANKG_SUCCESS;
  }
  AseankgBuffer names;
  memset(&names, 0, sizeof(names));
  NamedTerm* const named = (NamedTerm*)malloc((*m + 1U) * sizeof(NamedTerm));
  AseankgStatus    st    = named ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  size_t           k     = 0U;
  for (size_t id = 1U; id <= fmt->n_terms && !st; ++id) {
    if (order[id]) {
      const size_t offset = names.length;
      st                  = append_term(fmt, &names, (AseankgTermId)id, 0);
      named[k].offset     = offset;
      named[k].length     = names.length - offset;
      named[k++].id       = (AseankgTermId)id;
    }
  }
  if (!st) {
    for (size_t r = 0U; r < k; ++r) {
      named[r].names = names.data; /* the buffer has stopped moving */
    }
    qsort(named, k, sizeof(NamedTerm), compare_named);
    for (size_t r = 0U; r < k; ++r) {
      order[named[r].id] = (uint32_t)r + 1U;
    }
  }
  free(named);
  aseankg_buffer_release(&names);
  return st;
}

/*
   N-Triples / N-Quads lines in byte order. A line starts with its subject and
   a space, and no subject's text (an IRI or a blank node label) is a proper
   prefix of another's followed by a byte below the space, so the lines of
   one subject sort together: subjects are sorted by their text, then each
   subject's few lines as strings.
*/
static AseankgStatus
write_lines(AseankgFmt* const fmt, FILE* const stream)
{
  AseankgBuffer lines;
  memset(&lines, 0, sizeof(lines));
  uint32_t* const order   = (uint32_t*)calloc(fmt->n_terms + 1U, sizeof(uint32_t));
  size_t* const   offsets = (size_t*)malloc((fmt->n + 1U) * sizeof(size_t));
  size_t*         first   = NULL; /* counting sort by subject rank: first[r] is where rank r + 1 starts */
  AseankgQuad*    by      = NULL;
  size_t          m       = 0U;
  int             usable  = 0;
  AseankgStatus   st      = ASEANKG_SUCCESS;
  if (!order || !offsets) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  TRY_CLEANUP(st, rank_subjects(fmt, order, &m, &usable));
  if (!usable) {
    for (size_t i = 0U; i < fmt->n; ++i) {
      offsets[i] = lines.length;
      TRY_CLEANUP(st, append_statement(fmt, &lines, &fmt->quads[i], 0));
    }
    offsets[fmt->n] = lines.length;
    TRY_CLEANUP(st, emit_sorted(fmt, stream, &lines, offsets, fmt->n));
    goto cleanup;
  }

  /* Counting sort of the quads by subject rank, then each group's lines sorted. */
  first = (size_t*)calloc(m + 2U, sizeof(size_t));
  by    = (AseankgQuad*)malloc((fmt->n + 1U) * sizeof(AseankgQuad));
  if (!first || !by) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t i = 0U; i < fmt->n; ++i) {
    ++first[order[fmt->quads[i].subject]];
  }
  for (size_t r = 1U; r <= m + 1U; ++r) {
    first[r] += first[r - 1U];
  }
  for (size_t i = 0U; i < fmt->n; ++i) {
    by[first[order[fmt->quads[i].subject] - 1U]++] = fmt->quads[i];
  }
  for (size_t r = 0U, begin = 0U; r < m; begin = first[r++]) {
    aseankg_buffer_reset(&lines);
    const size_t count = first[r] - begin;
    for (size_t k = 0U; k < count; ++k) {
      offsets[k] = lines.length;
      TRY_CLEANUP(st, append_statement(fmt, &lines, &by[begin + k], 0));
    }
    offsets[count] = lines.length;
    TRY_CLEANUP(st, emit_sorted(fmt, stream, &lines, offsets, count));
  }

cleanup:
  free(first);
  free(by);
  free(order);
  free(offsets);
  aseankg_buffer_release(&lines);
  return st;
}

AseankgStatus
aseankg_fmt_write(AseankgFmt* const fmt, FILE* const stream, AseankgError* const error)
{
  if (!fmt || !stream) {
    return ASEANKG_ERR_USAGE;
  }
  aseankg_buffer_reset(&fmt->out);
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, fmt->syntax == ASEANKG_FMT_NTRIPLES ? write_lines(fmt, stream) : write_turtle(fmt, stream));
  TRY_CLEANUP(st, aseankg_buffer_spill(&fmt->out, stream, 0U));
  st = ferror(stream) ? ASEANKG_ERR_IO : ASEANKG_SUCCESS;
cleanup:
  return st ? aseankg_write_failed(error, st, NULL) : ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_fmt_write_statement(AseankgFmt* const fmt, FILE* const stream, const AseankgQuad* const quad)
{
  if (!fmt || !stream || !quad) {
    return ASEANKG_ERR_USAGE;
  }
  aseankg_buffer_reset(&fmt->out);
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, append_statement(fmt, &fmt->out, quad, fmt->syntax == ASEANKG_FMT_TURTLE));
  TRY(st, aseankg_buffer_spill(&fmt->out, stream, 0U));
  return ferror(stream) ? ASEANKG_ERR_IO : ASEANKG_SUCCESS;
}

const char*
aseankg_fmt_label(const AseankgFmt* const fmt, const AseankgTermId term)
{
  const Node* const node = fmt ? node_of(fmt, term) : NULL;
  return node && (node->flags & LABELLED) ? fmt->labels.data + node->label : NULL;
}

void
aseankg_fmt_free(AseankgFmt* const fmt)
{
  if (fmt) {
    for (size_t i = 0U; i < fmt->n_prefixes; ++i) {
      free((char*)fmt->prefixes[i].name);
      free((char*)fmt->prefixes[i].namespace_iri);
    }
    free(fmt->prefixes);
    aseankg_prefix_table_release(&fmt->table);
    free(fmt->rank);
    free(fmt->node_of);
    free(fmt->nodes);
    free(fmt->quads);
    aseankg_buffer_release(&fmt->labels);
    aseankg_buffer_release(&fmt->out);
    free(fmt);
  }
}

/* --- Set-up -------------------------------------------------------------------------------- */

/* A prefix with where it was declared, so that of two declarations of one name the later wins. */
typedef struct {
  AseankgPrefix prefix;
  size_t        order;
} OrderedPrefix;

static int
compare_prefixes(const void* const a, const void* const b)
{
  const OrderedPrefix* const x   = (const OrderedPrefix*)a;
  const OrderedPrefix* const y   = (const OrderedPrefix*)b;
  const int                  cmp = strcmp(x->prefix.name, y->prefix.name);
  return cmp ? cmp : (x->order > y->order) - (x->order < y->order);
}

/* A namespace that can go between < and > as it is, and a name that is a PN_PREFIX of ASCII. */
static int
is_usable_prefix(const AseankgPrefix* const prefix)
{
  const char* const ns = prefix->namespace_iri;
  if (!ns || !*ns || !prefix->name) {
    return 0;
  }
  for (const char* c = ns; *c; ++c) {
    if ((unsigned char)*c <= 0x20U || strchr("<>\"{}|^`\\", *c)) {
      return 0;
    }
  }
  const char* const name = prefix->name;
  for (size_t i = 0U; name[i]; ++i) {
    const char c      = name[i];
    const int  letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const int  other  = (c >= '0' && c <= '9') || c == '_' || c == '-' || (c == '.' && name[i + 1U]);
    if (!letter && (!i || !other)) {
      return 0;
    }
  }
  return 1;
}

static AseankgStatus
copy_prefixes(AseankgFmt* const fmt, const AseankgPrefix* const prefixes, const size_t n)
{
  OrderedPrefix* const ordered = (OrderedPrefix*)calloc(n + 1U, sizeof(OrderedPrefix));
  fmt->prefixes                = (AseankgPrefix*)calloc(n + 1U, sizeof(AseankgPrefix));
  AseankgStatus st             = ASEANKG_SUCCESS;
  size_t        m              = 0U;
  if (!ordered || !fmt->prefixes) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  for (size_t i = 0U; i < n; ++i) {
    if (is_usable_prefix(&prefixes[i])) {
      const OrderedPrefix entry = { prefixes[i], i };
      ordered[m++]              = entry;
    }
  }
  qsort(ordered, m, sizeof(OrderedPrefix), compare_prefixes);
  for (size_t i = 0U; i < m; ++i) {
    if (i + 1U < m && !strcmp(ordered[i].prefix.name, ordered[i + 1U].prefix.name)) {
      continue; /* redeclared later */
    }
    AseankgPrefix copy = { strdup(ordered[i].prefix.name), strdup(ordered[i].prefix.namespace_iri) };
    if (!copy.name || !copy.namespace_iri) {
      free((char*)copy.name);
      free((char*)copy.namespace_iri);
      st = ASEANKG_ERR_NOMEM;
      goto cleanup;
    }
    fmt->prefixes[fmt->n_prefixes++] = copy;
  }
  st = aseankg_prefix_table_init(&fmt->table, fmt->graph, fmt->prefixes, fmt->n_prefixes);

cleanup:
  free(ordered);
  return st;
}

static int
is_valid_quad(const AseankgFmt* const fmt, const AseankgQuad* const q)
{
  return q->subject && q->predicate && q->object && q->subject <= fmt->n_terms &&
         q->predicate <= fmt->n_terms && q->object <= fmt->n_terms && q->graph <= fmt->n_terms;
}

/* Sort the statements and decide how each blank node is written. */
static AseankgStatus
plan(AseankgFmt* const fmt)
{
  for (size_t id = 0U; id <= fmt->n_terms; ++id) {
    fmt->node_of[id] = NONE;
  }
  fmt->rdf_type    = lookup_iri(fmt->graph, RDF "type");
  fmt->rdf_first   = lookup_iri(fmt->graph, RDF "first");
  fmt->rdf_rest    = lookup_iri(fmt->graph, RDF "rest");
  fmt->rdf_nil     = lookup_iri(fmt->graph, RDF "nil");
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, sort_quads(fmt));
  TRY(st, index_blanks(fmt));
  hash_neighbourhoods(fmt);
  TRY(st, plan_inline(fmt));
  return assign_labels(fmt);
}

AseankgStatus
aseankg_fmt_new(AseankgFmt** const fmt_out, const AseankgGraph* const graph,
                const AseankgFmtOptions* const options, AseankgError* const error)
{
  if (!fmt_out || !graph) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, fmt_out ? "graph" : "fmt", "is NULL");
  }
  *fmt_out = NULL;
  AseankgFmtOptions chosen;
  memset(&chosen, 0, sizeof(chosen));
  if (options) {
    chosen = *options;
  }
  AseankgFmt* const fmt = (AseankgFmt*)calloc(1U, sizeof(AseankgFmt));
  if (!fmt) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_NOMEM, "graph", "out of memory");
  }
  fmt->graph                     = graph;
  fmt->syntax                    = chosen.syntax;
  fmt->n_terms                   = aseankg_graph_term_count(graph);
  fmt->extra                     = chosen.extra;
  fmt->n_extra                   = chosen.extra ? chosen.n_extra : 0U;
  const AseankgQuad* const quads = chosen.quads ? chosen.quads : aseankg_graph_quads(graph);
  fmt->n                         = chosen.quads ? chosen.n_quads : aseankg_graph_size(graph);
  fmt->quads                     = (AseankgQuad*)malloc((fmt->n + 1U) * sizeof(AseankgQuad));
  fmt->rank                      = (uint32_t*)calloc(fmt->n_terms + 1U, sizeof(uint32_t));
  fmt->node_of                   = (uint32_t*)malloc((fmt->n_terms + 1U) * sizeof(uint32_t));

  AseankgStatus st = fmt->quads && fmt->rank && fmt->node_of ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  if (!st) {
    st = copy_prefixes(fmt, chosen.prefixes, chosen.prefixes ? chosen.n_prefixes : 0U);
  }
  if (st) {
    aseankg_error_set_parameter(error, st, "graph", "out of memory");
    goto cleanup;
  }
  for (size_t i = 0U; i < fmt->n; ++i) {
    fmt->quads[i] = quads[i];
    if (!is_valid_quad(fmt, &quads[i])) {
      st = aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "options->quads",
                                       "statement %zu holds no term", i + 1U);
      goto cleanup;
    }
    fmt->has_graphs |= quads[i].graph != 0U;
  }
  for (size_t i = 0U; i < fmt->n_extra; ++i) {
    if (!is_valid_quad(fmt, &fmt->extra[i])) {
      st = aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "options->extra",
                                       "statement %zu holds no term", i + 1U);
      goto cleanup;
    }
    fmt->has_graphs |= fmt->extra[i].graph != 0U;
  }
  st = plan(fmt);
  if (st) {
    aseankg_error_set_parameter(error, st, "graph", "out of memory");
  }

cleanup:
  if (st) {
    aseankg_fmt_free(fmt);
    return st;
  }
  *fmt_out = fmt;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_fmt_write_graph(const AseankgGraph* const graph, FILE* const stream, const AseankgFmtSyntax syntax,
                        const AseankgPrefix* const prefixes, const size_t n_prefixes,
                        AseankgError* const error)
{
  AseankgFmtOptions options;
  memset(&options, 0, sizeof(options));
  options.syntax     = syntax;
  options.prefixes   = prefixes;
  options.n_prefixes = n_prefixes;
  AseankgFmt*   fmt  = NULL;
  AseankgStatus st   = aseankg_fmt_new(&fmt, graph, &options, error);
  if (!st) {
    st = aseankg_fmt_write(fmt, stream, error);
  }
  aseankg_fmt_free(fmt);
  return st;
}
