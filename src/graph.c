/* Term interning and the quad set. Everything is hashed, so building a graph is linear. */
#define _DEFAULT_SOURCE /* madvise(MADV_HUGEPAGE) */
#include "aseankg/graph.h"
#include "namespaces.h"

#include "array.h"
#include "buffer.h"
#include "canonical.h"
#include "hash.h"
#include "try.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>

/* Bump allocator: terms live as long as the graph, so they are never freed one by one. */
typedef struct ArenaBlock {
  struct ArenaBlock* next;
  size_t             used;
  size_t             size;
  char               data[];
} ArenaBlock;

/* A term index slot: the key is here so a probe touches the slot and the key bytes, not the term. */
typedef struct {
  const char* key;
  size_t      length;
  uint32_t    id;  /* 0: empty */
  uint32_t    tag; /* high bits of the key hash */
} TermSlot;

struct AseankgGraphImpl {
  ArenaBlock*   arena;
  AseankgTerm*  terms; /* terms[0] is unused so that 0 means "none" */
  size_t        n_terms;
  size_t        terms_capacity;
  TermSlot*     term_index;  /* open addressing by key hash */
  uint64_t*     term_hashes; /* full key hash by term id, for regrowing the index */
  size_t        term_index_size;
  AseankgQuad*  quads;
  size_t        n_quads;
  size_t        quads_capacity;
  uint32_t*     quad_index; /* open addressing by quad hash; see quad_entry() */
  size_t        quad_index_size;
  AseankgBuffer scratch;
  AseankgTermId xsd_string;
};

static void*
arena_alloc(AseankgGraph* const graph, const size_t size)
{
  const size_t aligned = (size + 7U) & ~(size_t)7U;
  ArenaBlock*  block   = graph->arena;
  if (!block || block->size - block->used < aligned) {
    const size_t block_size = aligned > 65536U ? aligned : 65536U;
    block                   = (ArenaBlock*)malloc(sizeof(ArenaBlock) + block_size);
    if (!block) {
      return NULL;
    }
    block->next  = graph->arena;
    block->used  = 0U;
    block->size  = block_size;
    graph->arena = block;
  }

  void* const result = block->data + block->used;
  block->used += aligned;
  return result;
}

static char*
arena_copy(AseankgGraph* const graph, const char* const bytes, const size_t length)
{
  char* const copy = (char*)arena_alloc(graph, length + 1U);
  if (copy) {
    if (length) {
      memcpy(copy, bytes, length);
    }
    copy[length] = '\0';
  }
  return copy;
}

/* Eight bytes at a time with a full avalanche at the end: every bit of the key reaches the low bits. */
static uint64_t
hash_bytes(const char* const bytes, const size_t length)
{
  uint64_t hash = 0x9E3779B97F4A7C15ULL ^ length;
  size_t   i    = 0U;
  for (; i + 8U <= length; i += 8U) {
    uint64_t word = 0U;
    memcpy(&word, bytes + i, 8U);
    hash = (hash ^ word) * 0x9FB21C651E98DF25ULL;
    hash ^= hash >> 29U;
  }
  uint64_t tail = 0U;
  memcpy(&tail, bytes + i, length - i);
  return aseankg_hash_mix(hash ^ tail);
}

static uint64_t
hash_quad(const AseankgQuad* const q)
{
  uint64_t hash = q->subject;
  hash          = hash * 0x9E3779B97F4A7C15ULL + q->predicate;
  hash          = hash * 0x9E3779B97F4A7C15ULL + q->object;
  hash          = hash * 0x9E3779B97F4A7C15ULL + q->graph;
  return aseankg_hash_mix(hash);
}

AseankgGraph*
aseankg_graph_new(void)
{
  AseankgGraph* const graph = (AseankgGraph*)calloc(1U, sizeof(AseankgGraph));
  if (!graph) {
    return NULL;
  }

  graph->xsd_string = aseankg_graph_iri(graph, XSD "string", strlen(XSD "string"));
  if (!graph->xsd_string) {
    aseankg_graph_free(graph);
    return NULL;
  }
  return graph;
}

void
aseankg_graph_free(AseankgGraph* const graph)
{
  if (!graph) {
    return;
  }

  for (ArenaBlock* block = graph->arena; block;) {
    ArenaBlock* const next = block->next;
    free(block);
    block = next;
  }
  free(graph->terms);
  free(graph->term_index);
  free(graph->term_hashes);
  free(graph->quads);
  free(graph->quad_index);
  aseankg_buffer_release(&graph->scratch);
  free(graph);
}

AseankgStatus
aseankg_graph_clear(AseankgGraph* const graph)
{
  AseankgGraph* const empty = aseankg_graph_new();
  if (!empty) {
    return ASEANKG_ERR_NOMEM;
  }
  const AseankgGraph old = *graph;
  *graph                 = *empty;
  *empty                 = old;
  aseankg_graph_free(empty);
  return ASEANKG_SUCCESS;
}

/*
   Ask for transparent huge pages over a large table that is probed at random
   (the term and quad indexes): with 4 KiB pages nearly every probe of a big
   index also misses the TLB. Only where the kernel offers it (Linux MADV_HUGEPAGE); a
   refusal changes nothing but speed.
*/
static void
advise_huge_pages(void* const memory, const size_t bytes)
{
#ifdef MADV_HUGEPAGE
  const size_t skip = (size_t)((4096U - ((uintptr_t)memory & 4095U)) & 4095U); /* to a page boundary */
  if (bytes > skip + ((size_t)2U << 20U)) {
    (void)madvise((char*)memory + skip, (bytes - skip) & ~(size_t)4095U, MADV_HUGEPAGE);
  }
#else
  (void)memory;
  (void)bytes;
#endif
}

/* Double the term index when it is half full. */
static AseankgStatus
grow_term_index(AseankgGraph* const graph)
{
  if (graph->n_terms * 2U < graph->term_index_size) {
    return ASEANKG_SUCCESS;
  }

  const size_t    size  = graph->term_index_size ? graph->term_index_size * 2U : 1024U;
  TermSlot* const index = (TermSlot*)calloc(size, sizeof(TermSlot));
  if (!index) {
    return ASEANKG_ERR_NOMEM;
  }
  advise_huge_pages(index, size * sizeof(TermSlot));

  for (size_t id = 1U; id <= graph->n_terms; ++id) {
    const uint64_t hash = graph->term_hashes[id];
    size_t         slot = (size_t)hash & (size - 1U);
    while (index[slot].id) {
      slot = (slot + 1U) & (size - 1U);
    }
    const TermSlot entry = { graph->terms[id].key, graph->terms[id].key_length, (uint32_t)id,
                             (uint32_t)(hash >> 32U) };
    index[slot]          = entry;
  }

  free(graph->term_index);
  graph->term_index      = index;
  graph->term_index_size = size;
  return ASEANKG_SUCCESS;
}

/* The slot holding the term with this key, or the empty slot where it would go. */
static size_t
find_term_slot(const AseankgGraph* const graph, const char* const key, const size_t key_length,
               const uint64_t hash)
{
  const size_t   mask = graph->term_index_size - 1U;
  const uint32_t tag  = (uint32_t)(hash >> 32U);
  size_t         slot = (size_t)hash & mask;
  for (; graph->term_index[slot].id; slot = (slot + 1U) & mask) {
    const TermSlot* const entry = &graph->term_index[slot];
    if (entry->tag == tag && entry->length == key_length && !memcmp(entry->key, key, key_length)) {
      break;
    }
  }
  return slot;
}

AseankgTermId
aseankg_graph_lookup(const AseankgGraph* const graph, const char* const key, const size_t key_length)
{
  assert(graph);
  assert(key || !key_length);
  return graph->term_index_size
           ? graph->term_index[find_term_slot(graph, key, key_length, hash_bytes(key, key_length))].id
           : 0U;
}

size_t
aseankg_graph_term_count(const AseankgGraph* const graph)
{
  return graph->n_terms;
}

/* Find the term whose key is in graph->scratch, or add `proto` with that key. */
static AseankgTermId
intern(AseankgGraph* const graph, const AseankgTerm* const proto)
{
  const char* const key        = graph->scratch.data;
  const size_t      key_length = graph->scratch.length;
  if (grow_term_index(graph)) {
    return 0U;
  }

  const uint64_t hash = hash_bytes(key, key_length);
  const size_t   slot = find_term_slot(graph, key, key_length, hash);
  if (graph->term_index[slot].id) {
    return graph->term_index[slot].id;
  }

  if (graph->n_terms + 2U > graph->terms_capacity) {
    const size_t       capacity = graph->terms_capacity ? graph->terms_capacity * 2U : 1024U;
    AseankgTerm* const terms    = (AseankgTerm*)realloc(graph->terms, capacity * sizeof(AseankgTerm));
    if (terms) {
      graph->terms = terms;
    }
    uint64_t* const hashes = (uint64_t*)realloc(graph->term_hashes, capacity * sizeof(uint64_t));
    if (hashes) {
      graph->term_hashes = hashes;
    }
    if (!terms || !hashes) {
      return 0U;
    }
    graph->terms_capacity = capacity;
  }

  AseankgTerm term = *proto;
  term.key         = arena_copy(graph, key, key_length);
  term.key_length  = key_length;
  term.value       = arena_copy(graph, proto->value, proto->length);
  term.language    = proto->language ? arena_copy(graph, proto->language, strlen(proto->language)) : NULL;
  if (!term.key || !term.value || (proto->language && !term.language)) {
    return 0U;
  }

  const AseankgTermId id  = (AseankgTermId)++graph->n_terms;
  graph->terms[id]        = term;
  graph->term_hashes[id]  = hash;
  const TermSlot entry    = { term.key, key_length, id, (uint32_t)(hash >> 32U) };
  graph->term_index[slot] = entry;
  return id;
}

AseankgTermId
aseankg_graph_iri(AseankgGraph* const graph, const char* const iri, const size_t length)
{
  assert(graph);
  assert(iri || !length);
  aseankg_buffer_reset(&graph->scratch);
  if (aseankg_buffer_append_byte(&graph->scratch, '<') ||
      aseankg_buffer_append(&graph->scratch, iri, length) ||
      aseankg_buffer_append_byte(&graph->scratch, '>')) {
    return 0U;
  }

  const AseankgTerm proto = { ASEANKG_TERM_IRI, iri, length, 0U, NULL, NULL, { 0U, 0U, 0U }, NULL, 0U };
  return intern(graph, &proto);
}

AseankgTermId
aseankg_graph_blank(AseankgGraph* const graph, const char* const label, const size_t length)
{
  assert(graph);
  assert(label || !length);
  aseankg_buffer_reset(&graph->scratch);
  if (aseankg_buffer_append(&graph->scratch, "_:", 2U) ||
      aseankg_buffer_append(&graph->scratch, label, length)) {
    return 0U;
  }

  const AseankgTerm proto = { ASEANKG_TERM_BLANK, label, length, 0U, NULL, NULL, { 0U, 0U, 0U }, NULL, 0U };
  return intern(graph, &proto);
}

/* The literal's key (its N-Triples form) into the scratch buffer; `language` already lower-case. */
static AseankgStatus
literal_key(AseankgGraph* const graph, const char* const lexical, const size_t length,
            const AseankgTermId datatype, const char* const language, const char* const direction)
{
  AseankgBuffer* const key = &graph->scratch;
  aseankg_buffer_reset(key);
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_buffer_append_byte(key, '"'));
  TRY(st, aseankg_canonical_append_string(key, lexical, length));
  TRY(st, aseankg_buffer_append_byte(key, '"'));
  if (language) {
    TRY(st, aseankg_buffer_append_byte(key, '@')); /* not printf: this runs once per tagged literal read */
    TRY(st, aseankg_buffer_append_string(key, language));
    if (direction) {
      TRY(st, aseankg_buffer_append_string(key, strcmp(direction, "rtl") ? "--ltr" : "--rtl"));
    }
  } else if (datatype) {
    const AseankgTerm* const type = &graph->terms[datatype];
    TRY(st, aseankg_buffer_append(key, "^^", 2U));
    TRY(st, aseankg_buffer_append(key, type->key, type->key_length));
  }
  return st;
}

AseankgTermId
aseankg_graph_literal(AseankgGraph* const graph, const char* const lexical, const size_t length,
                      AseankgTermId datatype, const char* const language, const char* const direction)
{
  assert(graph);
  assert(lexical || !length);
  assert(datatype <= graph->n_terms);
  char lower[128] = { 0 };
  if (language) {
    const size_t n = strlen(language);
    if (n >= sizeof(lower)) {
      return 0U;
    }
    for (size_t i = 0U; i < n; ++i) {
      lower[i] = (char)tolower((unsigned char)language[i]);
    }
    datatype = 0U;
  }
  if (datatype == graph->xsd_string) {
    datatype = 0U;
  }

  if (literal_key(graph, lexical, length, datatype, language ? lower : NULL, direction)) {
    return 0U;
  }

  /* Point at static strings so the term needs no copy of its direction. */
  const char* const dir   = (language && direction) ? (strcmp(direction, "rtl") ? "ltr" : "rtl") : NULL;
  const AseankgTerm proto = { ASEANKG_TERM_LITERAL, lexical, length, datatype, language ? lower : NULL, dir,
                              { 0U, 0U, 0U },       NULL,    0U };
  return intern(graph, &proto);
}

AseankgTermId
aseankg_graph_typed(AseankgGraph* const graph, const char* const lexical, const char* const xsd_local_name)
{
  assert(graph);
  assert(lexical);
  assert(xsd_local_name);
  char      iri[128];
  const int n = snprintf(iri, sizeof(iri), "%s%s", XSD, xsd_local_name);
  if (n < 0 || (size_t)n >= sizeof(iri)) {
    return 0U;
  }

  const AseankgTermId datatype = aseankg_graph_iri(graph, iri, (size_t)n);
  return datatype ? aseankg_graph_literal(graph, lexical, strlen(lexical), datatype, NULL, NULL) : 0U;
}

/* The triple term's key into the scratch buffer. */
static AseankgStatus
triple_key(AseankgGraph* const graph, const AseankgTermId parts[3])
{
  AseankgBuffer* const key = &graph->scratch;
  aseankg_buffer_reset(key);
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_buffer_append(key, "<<(", 3U));
  for (unsigned i = 0U; i < 3U; ++i) {
    const AseankgTerm* const part = &graph->terms[parts[i]];
    TRY(st, aseankg_buffer_append_byte(key, ' '));
    TRY(st, aseankg_buffer_append(key, part->key, part->key_length));
  }
  return aseankg_buffer_append(key, " )>>", 4U);
}

AseankgTermId
aseankg_graph_triple_term(AseankgGraph* const graph, const AseankgTermId subject,
                          const AseankgTermId predicate, const AseankgTermId object)
{
  assert(graph);
  assert(subject <= graph->n_terms);
  assert(predicate <= graph->n_terms);
  assert(object <= graph->n_terms);
  const AseankgTermId parts[3] = { subject, predicate, object };
  if (triple_key(graph, parts)) {
    return 0U;
  }

  const AseankgTerm proto = {
    ASEANKG_TERM_TRIPLE, "", 0U, 0U, NULL, NULL, { subject, predicate, object }, NULL, 0U
  };
  return intern(graph, &proto);
}

const AseankgTerm*
aseankg_graph_term(const AseankgGraph* const graph, const AseankgTermId id)
{
  return (id && id <= graph->n_terms) ? &graph->terms[id] : NULL;
}

/*
   A quad index entry: 1 + the quad's position in the low bits, which need no
   more than the index size (positions stay below half of it), and high bits
   of the quad's hash above them, so that most probes that do not match never
   read the quad. The index must have at most 2^32 slots.
*/
static uint32_t
quad_tag(const uint64_t hash, const size_t index_size)
{
  return (uint32_t)(hash >> 32U) & ~(uint32_t)(index_size - 1U);
}

static uint32_t
quad_entry(const uint64_t hash, const size_t index_size, const size_t position)
{
  return quad_tag(hash, index_size) | (uint32_t)(position + 1U);
}

/* The quad position an occupied index entry points to. */
static size_t
entry_position(const uint32_t entry, const size_t index_size)
{
  return (size_t)(entry & (uint32_t)(index_size - 1U)) - 1U;
}

/* The index slot of `quad` (whose hash_quad() is `hash`), or the empty slot where it would go. */
static size_t
find_quad_slot(const AseankgGraph* const graph, const AseankgQuad* const quad, const uint64_t hash)
{
  const size_t   size = graph->quad_index_size;
  const uint32_t tag  = quad_tag(hash, size);
  size_t         slot = (size_t)hash & (size - 1U);
  for (uint32_t e = 0U; (e = graph->quad_index[slot]); slot = (slot + 1U) & (size - 1U)) {
    if ((e & ~(uint32_t)(size - 1U)) == tag &&
        !memcmp(&graph->quads[entry_position(e, size)], quad, sizeof(*quad))) {
      break;
    }
  }
  return slot;
}

/* Enter every quad into `index`, which is empty and has `size` slots. */
static void
index_quads(const AseankgGraph* const graph, uint32_t* const index, const size_t size)
{
  for (size_t i = 0U; i < graph->n_quads; ++i) {
    const uint64_t hash = hash_quad(&graph->quads[i]);
    size_t         slot = (size_t)hash & (size - 1U);
    while (index[slot]) {
      slot = (slot + 1U) & (size - 1U);
    }
    index[slot] = quad_entry(hash, size, i);
  }
}

static AseankgStatus
grow_quad_index(AseankgGraph* const graph)
{
  if (graph->n_quads * 2U < graph->quad_index_size) {
    return ASEANKG_SUCCESS;
  }

  const size_t    size  = graph->quad_index_size ? graph->quad_index_size * 2U : 1024U;
  uint32_t* const index = (uint32_t*)calloc(size, sizeof(uint32_t));
  if (!index) {
    return ASEANKG_ERR_NOMEM;
  }
  advise_huge_pages(index, size * sizeof(uint32_t));

  index_quads(graph, index, size);
  free(graph->quad_index);
  graph->quad_index      = index;
  graph->quad_index_size = size;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_graph_add(AseankgGraph* const graph, const AseankgTermId subject, const AseankgTermId predicate,
                  const AseankgTermId object, const AseankgTermId graph_name)
{
  assert(graph);
  assert(subject <= graph->n_terms && predicate <= graph->n_terms && object <= graph->n_terms);
  assert(graph_name <= graph->n_terms);
  if (!subject || !predicate || !object) {
    return ASEANKG_ERR_NOMEM; /* a failed intern upstream */
  }

  const AseankgQuad quad = { subject, predicate, object, graph_name };
  if (graph->n_quads >= (size_t)1U << 31U || grow_quad_index(graph)) { /* keeps the index within 2^32 slots */
    return ASEANKG_ERR_NOMEM;
  }

  const uint64_t hash = hash_quad(&quad);
  const size_t   slot = find_quad_slot(graph, &quad, hash);
  if (graph->quad_index[slot]) {
    return ASEANKG_SUCCESS;
  }

  if (aseankg_array_reserve((void**)&graph->quads, &graph->quads_capacity, graph->n_quads + 1U,
                            sizeof(AseankgQuad))) {
    return ASEANKG_ERR_NOMEM;
  }

  graph->quad_index[slot]        = quad_entry(hash, graph->quad_index_size, graph->n_quads);
  graph->quads[graph->n_quads++] = quad;
  return ASEANKG_SUCCESS;
}

int
aseankg_graph_contains(const AseankgGraph* const graph, const AseankgQuad* const quad)
{
  assert(graph);
  assert(quad);
  return graph->quad_index_size && graph->quad_index[find_quad_slot(graph, quad, hash_quad(quad))] != 0U;
}

/* Empty index slot `hole` and shift later entries of its probe run back (linear-probing deletion). */
static void
delete_quad_slot(AseankgGraph* const graph, size_t hole)
{
  const size_t mask       = graph->quad_index_size - 1U;
  graph->quad_index[hole] = 0U;
  for (size_t next = (hole + 1U) & mask; graph->quad_index[next]; next = (next + 1U) & mask) {
    const size_t position = entry_position(graph->quad_index[next], graph->quad_index_size);
    const size_t home     = (size_t)hash_quad(&graph->quads[position]) & mask;
    /* Leave the entry if its home lies cyclically in (hole, next]. */
    const int stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
    if (!stays) {
      graph->quad_index[hole] = graph->quad_index[next];
      graph->quad_index[next] = 0U;
      hole                    = next;
    }
  }
}

int
aseankg_graph_remove(AseankgGraph* const graph, const AseankgQuad* const quad)
{
  assert(graph);
  assert(quad);
  if (!graph->quad_index_size) {
    return 0;
  }
  const size_t slot = find_quad_slot(graph, quad, hash_quad(quad));
  if (!graph->quad_index[slot]) {
    return 0;
  }
  const size_t position = entry_position(graph->quad_index[slot], graph->quad_index_size);
  delete_quad_slot(graph, slot);

  /* Move the last quad into the gap and repoint its index entry. */
  const size_t last = graph->n_quads - 1U;
  if (position != last) {
    const uint64_t moved_hash     = hash_quad(&graph->quads[last]);
    const size_t   moved_slot     = find_quad_slot(graph, &graph->quads[last], moved_hash);
    graph->quads[position]        = graph->quads[last];
    graph->quad_index[moved_slot] = quad_entry(moved_hash, graph->quad_index_size, position);
  }
  --graph->n_quads;
  return 1;
}

size_t
aseankg_graph_size(const AseankgGraph* const graph)
{
  return graph->n_quads;
}

const AseankgQuad*
aseankg_graph_quads(const AseankgGraph* const graph)
{
  return graph->quads;
}

/* Keys in byte order, a key before the longer keys it is a prefix of. */
static int
compare_keys(const char* const a, const size_t a_length, const char* const b, const size_t b_length)
{
  const int cmp = memcmp(a, b, a_length < b_length ? a_length : b_length);
  if (cmp) {
    return cmp;
  }
  return a_length < b_length ? -1 : a_length > b_length;
}

int
aseankg_graph_compare_terms(const AseankgGraph* const graph, const AseankgTermId a, const AseankgTermId b)
{
  if (a == b) {
    return 0;
  }
  if (!a || !b) {
    return a ? 1 : -1; /* "no term" (the default graph) sorts first */
  }

  const AseankgTerm* const ta = &graph->terms[a];
  const AseankgTerm* const tb = &graph->terms[b];
  return compare_keys(ta->key, ta->key_length, tb->key, tb->key_length);
}

/* A term's key beside its id, so that qsort can order terms without the graph. */
typedef struct {
  const char*   key;
  size_t        length;
  AseankgTermId id;
} KeyedTerm;

static int
compare_keyed_terms(const void* const a, const void* const b)
{
  const KeyedTerm* const ka = (const KeyedTerm*)a;
  const KeyedTerm* const kb = (const KeyedTerm*)b;
  return compare_keys(ka->key, ka->length, kb->key, kb->length);
}

typedef int (*QuadOrder)(const void* context, const AseankgQuad* a, const AseankgQuad* b);

/* Quads whose fields are term ranks: plain integer order. */
static int
compare_ranked_quads(const void* const context, const AseankgQuad* const a, const AseankgQuad* const b)
{
  (void)context;
  const AseankgTermId x[4] = { a->subject, a->predicate, a->object, a->graph };
  const AseankgTermId y[4] = { b->subject, b->predicate, b->object, b->graph };
  for (unsigned i = 0U; i < 4U; ++i) {
    if (x[i] != y[i]) {
      return x[i] < y[i] ? -1 : 1;
    }
  }
  return 0;
}

/* Quads of the graph `context`, compared term by term. */
static int
compare_quad_terms(const void* const context, const AseankgQuad* const a, const AseankgQuad* const b)
{
  const AseankgGraph* const graph = (const AseankgGraph*)context;
  int                       cmp   = aseankg_graph_compare_terms(graph, a->subject, b->subject);
  cmp = cmp ? cmp : aseankg_graph_compare_terms(graph, a->predicate, b->predicate);
  cmp = cmp ? cmp : aseankg_graph_compare_terms(graph, a->object, b->object);
  return cmp ? cmp : aseankg_graph_compare_terms(graph, a->graph, b->graph);
}

static void
sift_down(AseankgQuad* const quads, size_t root, const size_t n, const QuadOrder order,
          const void* const context)
{
  const AseankgQuad top = quads[root];
  while (2U * root + 1U < n) {
    size_t child = 2U * root + 1U;
    if (child + 1U < n && order(context, &quads[child], &quads[child + 1U]) < 0) {
      ++child;
    }
    if (order(context, &top, &quads[child]) >= 0) {
      break;
    }
    quads[root] = quads[child];
    root        = child;
  }
  quads[root] = top;
}

/* Heapsort: takes a context, as qsort cannot, and needs no memory. */
static void
heap_sort(AseankgQuad* const quads, const size_t n, const QuadOrder order, const void* const context)
{
  for (size_t i = n / 2U; i-- > 0U;) {
    sift_down(quads, i, n, order, context);
  }
  for (size_t end = n; end-- > 1U;) {
    const AseankgQuad largest = quads[0];
    quads[0]                  = quads[end];
    quads[end]                = largest;
    sift_down(quads, 0U, end, order, context);
  }
}

/*
   Sort by comparing each key once: rank the terms (rank 0 is the default
   graph), bucket the quads by subject rank, and order each subject's few
   quads by the ranks of the rest.
*/
static AseankgStatus
sort_by_rank(AseankgGraph* const graph)
{
  const size_t     n_terms = graph->n_terms;
  const size_t     n       = graph->n_quads;
  AseankgQuad*     quads   = graph->quads;
  KeyedTerm* const keyed   = (KeyedTerm*)malloc(n_terms * sizeof(KeyedTerm));
  uint32_t* const  rank    = (uint32_t*)malloc((n_terms + 1U) * sizeof(uint32_t));
  uint32_t* const  start   = (uint32_t*)calloc(n_terms + 2U, sizeof(uint32_t));
  AseankgQuad*     sorted  = (AseankgQuad*)calloc(n, sizeof(AseankgQuad)); /* zeroed for the analyzer */
  if (!keyed || !rank || !start || !sorted) {
    free(keyed);
    free(rank);
    free(start);
    free(sorted);
    return ASEANKG_ERR_NOMEM;
  }

  for (size_t id = 1U; id <= n_terms; ++id) {
    const KeyedTerm entry = { graph->terms[id].key, graph->terms[id].key_length, (AseankgTermId)id };
    keyed[id - 1U]        = entry;
  }
  qsort(keyed, n_terms, sizeof(KeyedTerm), compare_keyed_terms);
  rank[0] = 0U;
  for (size_t r = 1U; r <= n_terms; ++r) {
    rank[keyed[r - 1U].id] = (uint32_t)r;
  }

  /* Counting sort by subject rank: start[r] becomes where subject r's quads begin. */
  for (size_t i = 0U; i < n; ++i) {
    const AseankgQuad q = { rank[quads[i].subject], rank[quads[i].predicate], rank[quads[i].object],
                            rank[quads[i].graph] };
    quads[i]            = q;
    ++start[q.subject + 1U];
  }
  for (size_t r = 1U; r <= n_terms + 1U; ++r) {
    start[r] += start[r - 1U];
  }
  for (size_t i = 0U; i < n; ++i) {
    sorted[start[quads[i].subject]++] = quads[i];
  }

  /* The scatter left start[r] at the end of subject r's quads. */
  for (size_t r = 1U, begin = 0U; r <= n_terms; begin = start[r++]) {
    if (start[r] - begin > 1U) {
      heap_sort(sorted + begin, start[r] - begin, compare_ranked_quads, NULL);
    }
  }

  /* Ranks back to ids; rank[] is no longer needed, so it becomes the inverse map. */
  for (size_t r = 1U; r <= n_terms; ++r) {
    rank[r] = keyed[r - 1U].id;
  }
  for (size_t i = 0U; i < n; ++i) {
    const AseankgQuad q = { rank[sorted[i].subject], rank[sorted[i].predicate], rank[sorted[i].object],
                            rank[sorted[i].graph] };
    quads[i]            = q;
  }

  free(keyed);
  free(rank);
  free(start);
  free(sorted);
  return ASEANKG_SUCCESS;
}

void
aseankg_graph_sort(AseankgGraph* const graph)
{
  assert(graph);
  if (graph->n_quads < 2U) {
    return;
  }

  if (sort_by_rank(graph)) {
    heap_sort(graph->quads, graph->n_quads, compare_quad_terms, graph); /* out of memory: slower, in place */
  }

  /* Positions moved, so rebuild the duplicate index. */
  memset(graph->quad_index, 0, graph->quad_index_size * sizeof(uint32_t));
  index_quads(graph, graph->quad_index, graph->quad_index_size);
}

AseankgStatus
aseankg_quad_list_append(void* const list, const AseankgQuad* const quad)
{
  assert(list);
  assert(quad);
  AseankgQuadList* const l = (AseankgQuadList*)list;
  if (aseankg_array_reserve((void**)&l->quads, &l->capacity, l->count + 1U, sizeof(AseankgQuad))) {
    return ASEANKG_ERR_NOMEM;
  }
  l->quads[l->count++] = *quad;
  return ASEANKG_SUCCESS;
}

void
aseankg_quad_list_release(AseankgQuadList* const list)
{
  if (list) {
    free(list->quads);
    memset(list, 0, sizeof(*list));
  }
}
