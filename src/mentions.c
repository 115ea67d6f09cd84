/* The mention scan: a byte trie of every entity name and alias, run over each segment of the text;
   aseankg_export_mentions() for writers that show the mentions. */
#include "builder.h"

#include "array.h"
#include "try.h"
#include "utf8.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Append a fresh node and store its index in `*index`. */
AseankgStatus
aseankg_builder_trie_node(Builder* const b, uint32_t* const index)
{
  if (aseankg_array_reserve((void**)&b->trie, &b->trie_capacity, b->n_trie + 1U, sizeof(TrieNode))) {
    return aseankg_builder_out_of_memory(b);
  }
  TrieNode* const node = &b->trie[b->n_trie];
  memset(node, 0, sizeof(*node));
  node->entity = -1;
  *index       = (uint32_t)b->n_trie++;
  return ASEANKG_SUCCESS;
}

uint32_t
aseankg_builder_trie_child(const Builder* const b, const uint32_t parent, const unsigned char byte)
{
  for (uint32_t c = b->trie[parent].first_child; c; c = b->trie[c].next_sibling) {
    if (b->trie[c].byte == byte) {
      return c;
    }
  }
  return 0U;
}

/* Add a name; a name may belong to one entity only. */
static AseankgStatus
add_name(Builder* const b, const AseankgField* const name, const size_t entity)
{
  const size_t n = strlen(name->value);
  if (!n) {
    return aseankg_builder_fail_at(b, &name->mark, ASEANKG_ERR_DATA, "empty name");
  }

  uint32_t node = 0U;
  for (size_t i = 0U; i < n; ++i) {
    const unsigned char byte  = (unsigned char)name->value[i];
    uint32_t            child = aseankg_builder_trie_child(b, node, byte);
    if (!child) {
      AseankgStatus st = ASEANKG_SUCCESS;
      TRY(st, aseankg_builder_trie_node(b, &child));
      b->trie[child].byte         = byte;
      b->trie[child].next_sibling = b->trie[node].first_child;
      b->trie[node].first_child   = child;
    }
    node = child;
  }

  const int32_t owner = b->trie[node].entity;
  if (owner >= 0 && (size_t)owner != entity) {
    return aseankg_builder_fail_at(b, &name->mark, ASEANKG_ERR_DATA, "name \"%s\" already names entity '%s'",
                                   name->value, b->data->entities[owner].id.value);
  }
  b->trie[node].entity = (int32_t)entity;
  return ASEANKG_SUCCESS;
}

/* Every entity's Chinese name and aliases, into the trie (whose root must exist). */
AseankgStatus
aseankg_builder_add_names(Builder* const b)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < b->data->n_entities; ++i) {
    const AseankgEntity* const e = &b->data->entities[i];
    TRY(st, add_name(b, &e->zh, i));
    for (size_t a = 0U; a < e->n_aliases; ++a) {
      TRY(st, add_name(b, &e->aliases[a], i));
    }
  }
  return st;
}

/* Every name starting at `pos`, longest first, into b->found; marks each one seen. */
static AseankgStatus
names_at(Builder* const b, const AseankgSegment* const segment, const size_t pos)
{
  b->n_found    = 0U;
  uint32_t node = 0U;
  for (size_t i = pos; i < segment->length; ++i) {
    if (!(node = aseankg_builder_trie_child(b, node, (unsigned char)segment->text[i]))) {
      break;
    }
    if (b->trie[node].entity >= 0) {
      b->trie[node].seen = 1U;
      if (aseankg_array_reserve((void**)&b->found, &b->found_capacity, b->n_found + 1U, sizeof(NameEnd))) {
        return aseankg_builder_out_of_memory(b);
      }
      const NameEnd found    = { i + 1U, b->trie[node].entity };
      b->found[b->n_found++] = found;
    }
  }
  for (size_t i = 0U; i < b->n_found / 2U; ++i) { /* found shortest first: reverse */
    const NameEnd swap            = b->found[i];
    b->found[i]                   = b->found[b->n_found - 1U - i];
    b->found[b->n_found - 1U - i] = swap;
  }
  return ASEANKG_SUCCESS;
}

/* Whether a name of `entity` at bytes [begin, end) of `segment` is no mention: it is inside a mention
   already taken (in b->open, the mentions that have not ended before `begin`) of a longer name of the
   same entity, or inside one of the words the entity lists as `not_within` (发展中国家 for 中国). */
static int
is_shadowed(const Builder* const b, const AseankgSegment* const segment, const size_t begin, const size_t end,
            const size_t entity)
{
  for (size_t i = 0U; i < b->n_open; ++i) {
    if (b->open[i].end >= end && (size_t)b->open[i].entity == entity) {
      return 1;
    }
  }
  const AseankgEntity* const e = &b->data->entities[entity];
  for (size_t w = 0U; w < e->n_not_within; ++w) {
    const char* const word = e->not_within[w].value;
    const size_t      n    = strlen(word);
    if (n < end - begin || n > segment->length) {
      continue;
    }
    /* every start from which `word` would cover [begin, end) */
    for (size_t at = end >= n ? end - n : 0U; at <= begin && at + n <= segment->length; ++at) {
      if (!memcmp(segment->text + at, word, n)) {
        return 1;
      }
    }
  }
  return 0;
}

/* The one mention scan of the current document's text, for the export and aseankg_export_mentions():
   every occurrence of every name, nested ones included, in text order (by start, the longer first),
   except those is_shadowed() rules out. */
AseankgStatus
aseankg_builder_scan_mentions(Builder* const b, const MentionSink sink, void* const context)
{
  const AseankgText* const text = b->text;
  for (size_t s = 0U; s < text->n_segments; ++s) {
    const AseankgSegment* const segment = &text->segments[s];
    b->n_open                           = 0U;
    for (size_t pos = 0U; pos < segment->length;) {
      size_t kept = 0U; /* mentions still open at pos */
      for (size_t i = 0U; i < b->n_open; ++i) {
        if (b->open[i].end > pos) {
          b->open[kept++] = b->open[i];
        }
      }
      b->n_open        = kept;
      AseankgStatus st = ASEANKG_SUCCESS;
      TRY(st, names_at(b, segment, pos));
      for (size_t f = 0U; f < b->n_found; ++f) {
        const NameEnd found = b->found[f];
        if (is_shadowed(b, segment, pos, found.end, (size_t)found.entity)) {
          continue;
        }
        TRY(st, sink(b, s, pos, found.end, (size_t)found.entity, context));
        if (aseankg_array_reserve((void**)&b->open, &b->open_capacity, b->n_open + 1U, sizeof(NameEnd))) {
          return aseankg_builder_out_of_memory(b);
        }
        b->open[b->n_open++] = found;
      }
      uint32_t     c    = 0U;
      const size_t size = aseankg_utf8_decode(segment->text + pos, segment->length - pos, &c);
      pos += size ? size : 1U;
    }
  }
  return ASEANKG_SUCCESS;
}

typedef struct {
  AseankgMention* items;
  size_t          count;
  size_t          capacity;
} MentionCollector;

static AseankgStatus
collect_mention(Builder* const b, const size_t s, const size_t begin, const size_t end, const size_t entity,
                void* const context)
{
  MentionCollector* const c = (MentionCollector*)context;
  if (aseankg_array_reserve((void**)&c->items, &c->capacity, c->count + 1U, sizeof(AseankgMention))) {
    return aseankg_builder_out_of_memory(b);
  }
  const AseankgMention mention = { b->doc_index, s, begin, end, entity };
  c->items[c->count++]         = mention;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_export_mentions(AseankgMentionList** const mentions, const AseankgProject* const project,
                        AseankgError* const error)
{
  assert(mentions);
  assert(project && project->data);
  Builder          b;
  MentionCollector collector;
  memset(&b, 0, sizeof(b));
  memset(&collector, 0, sizeof(collector));
  b.project = project;
  b.data    = project->data;
  b.error   = error;
  *mentions = NULL;

  AseankgMentionList* const list = (AseankgMentionList*)calloc(1U, sizeof(AseankgMentionList));
  if (!list) {
    return aseankg_builder_out_of_memory(&b);
  }
  uint32_t      root = 0U;
  AseankgStatus st   = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, aseankg_builder_trie_node(&b, &root));
  TRY_CLEANUP(st, aseankg_builder_add_names(&b));
  for (size_t i = 0U; i < b.data->n_documents; ++i) {
    b.doc_index = i;
    b.text      = project->texts[i];
    TRY_CLEANUP(st, aseankg_builder_scan_mentions(&b, collect_mention, &collector));
  }

cleanup:
  free(b.trie);
  free(b.found);
  free(b.open);
  if (st) {
    free(collector.items);
    free(list);
    return st;
  }
  list->items = collector.items;
  list->count = collector.count;
  *mentions   = list;
  return ASEANKG_SUCCESS;
}

void
aseankg_mention_list_free(AseankgMentionList* const mentions)
{
  if (mentions) {
    free(mentions->items);
    free(mentions);
  }
}
