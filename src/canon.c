/* RDFC-1.0 canonicalization: first-degree hashes for all blank nodes, the n-degree search only on ties. */
#include "aseankg/canon.h"

#include "array.h"
#include "buffer.h"
#include "try.h"

#include <openssl/evp.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NONE UINT32_MAX

/* Digests are kept in fixed slots, zero-padded, so one memcmp orders SHA-256 and SHA-384 alike. */
#define DIGEST_MAX 48U

typedef struct {
  unsigned char digest[DIGEST_MAX];
  uint32_t      blank;
  uint32_t      rank;
} Related;

/* Where one level of Hash N-Degree Quads has got to. */
typedef enum {
  PHASE_GROUP,       /* start the next group of related blank nodes, or finish */
  PHASE_PERMUTATION, /* try the current permutation */
  PHASE_RECURSE,     /* hash the next blank node on the recursion list */
  PHASE_RETURNED,    /* a level deeper has left its hash in `digest` */
  PHASE_NEXT         /* keep the permutation if `better`, then move on */
} Phase;

/* One level of Hash N-Degree Quads, kept on an explicit stack (a long chain would overflow the C stack);
   its arrays are reused by later calls at the same depth. */
typedef struct {
  Phase          phase;
  unsigned char* out; /* where the result goes */
  Related*       related;
  size_t         related_capacity;
  size_t         n_related;
  size_t         group_start; /* the current group is related[group_start .. group_end) */
  size_t         group_end;
  uint32_t*      perm;
  size_t         perm_capacity;
  uint32_t*      recursion;
  size_t         recursion_capacity;
  size_t         n_recursion;
  size_t         next_recursion;
  uint32_t*      chosen; /* what the best permutation so far issued, in order */
  size_t         chosen_capacity;
  size_t         n_chosen;
  uint32_t       base; /* the issuer's length when the group started */
  int            have_best;
  int            in_place; /* the best permutation's issued identifiers are still in the issuer */
  int            better;
  AseankgBuffer  path;
  AseankgBuffer  best;
  AseankgBuffer  data;
  unsigned char  digest[DIGEST_MAX];
} Frame;

typedef struct {
  const char* text;
  size_t      start;
  size_t      length;
} Line;

typedef struct {
  const unsigned char* digest;
  uint32_t             blank;
} Ordered;

typedef struct {
  const char* label;
  size_t      length;
  uint32_t    blank;
} Labelled;

/* One Hash N-Degree Quads result of step 5: its hash and the issuer's blank nodes in `sequences`. */
typedef struct {
  unsigned char digest[DIGEST_MAX];
  size_t        start;
  size_t        count;
  size_t        order;
} Result;

typedef struct {
  const AseankgGraph* graph;
  const AseankgQuad*  quads;
  size_t              n_quads;
  AseankgError*       error;
  const EVP_MD*       md;
  EVP_MD*             fetched; /* owned by us when OpenSSL 3 fetched it */
  EVP_MD_CTX*         md_ctx;
  size_t              digest_length;
  size_t              max_id;
  size_t              n_blanks;
  uint32_t*           blank_of;   /* by term id: blank index, or NONE */
  AseankgTermId*      blank_term; /* by blank index; blanks are numbered in order of first appearance */
  size_t*             quad_start; /* b's quads: quad_list[quad_start[b] ..] */
  uint32_t*           quad_list;
  unsigned char*      first; /* by blank: first-degree hash, DIGEST_MAX bytes each */
  uint32_t*           rank;  /* by blank: position in label order, which fixes the permutation order */
  uint32_t*           canon; /* by blank: canonical number, or NONE */
  uint32_t            n_canon;
  uint32_t*           issued; /* the temporary issuer: issued[i] holds "_:b<i>" */
  uint32_t            n_issued;
  uint32_t*           temp;   /* by blank: temporary number, or NONE */
  Frame**             frames; /* the explicit stack of Hash N-Degree Quads levels */
  size_t              n_frames;
  size_t              frames_capacity;
  size_t              work;
  size_t              max_work;
  AseankgBuffer       scratch;
  Line*               lines;
  size_t              lines_capacity;
} Canon;

void
aseankg_canon_labels_release(AseankgCanonLabels* const labels)
{
  if (labels) {
    free(labels->entries);
    free(labels->storage);
    memset(labels, 0, sizeof(*labels));
  }
}

static AseankgStatus
append_hex(AseankgBuffer* const buffer, const unsigned char* const bytes, const size_t length)
{
  static const char digits[] = "0123456789abcdef";
  char              hex[2U * DIGEST_MAX];
  for (size_t i = 0U; i < length; ++i) {
    hex[2U * i]      = digits[bytes[i] >> 4U];
    hex[2U * i + 1U] = digits[bytes[i] & 15U];
  }
  return aseankg_buffer_append(buffer, hex, 2U * length);
}

static AseankgStatus
digest(const Canon* const c, const void* const bytes, const size_t length, unsigned char* const out)
{
  unsigned size = 0U;
  memset(out, 0, DIGEST_MAX);
  if (!EVP_DigestInit_ex(c->md_ctx, c->md, NULL) || !EVP_DigestUpdate(c->md_ctx, bytes, length) ||
      !EVP_DigestFinal_ex(c->md_ctx, out, &size)) {
    return ASEANKG_ERR_NOMEM;
  }
  return ASEANKG_SUCCESS;
}

static int
compare_bytes(const char* const a, const size_t a_length, const char* const b, const size_t b_length)
{
  const int cmp = memcmp(a, b, a_length < b_length ? a_length : b_length);
  if (cmp || a_length == b_length) {
    return cmp;
  }
  return a_length < b_length ? -1 : 1;
}

static AseankgStatus
too_much_work(const Canon* const c)
{
  return aseankg_error_set(c->error, ASEANKG_ERR_DATA, NULL, 0U, 0U,
                           "blank nodes too interconnected to canonicalize within the work bound (%zu steps; "
                           "AseankgCanonOptions.max_work)",
                           c->max_work);
}

static AseankgStatus
step(Canon* const c)
{
  return ++c->work > c->max_work ? too_much_work(c) : ASEANKG_SUCCESS;
}

static uint32_t
blank_index(const Canon* const c, const AseankgTermId id)
{
  return id ? c->blank_of[id] : NONE;
}

/* ------------------------------------------------------------------------ */
/* Indexing: blank nodes, and the quads that mention each */

static AseankgStatus
check_triple_term(const Canon* const c, const AseankgTermId id)
{
  const AseankgTerm* const term = aseankg_graph_term(c->graph, id);
  if (term->kind == ASEANKG_TERM_BLANK) {
    return aseankg_error_set(c->error, ASEANKG_ERR_DATA, NULL, 0U, 0U,
                             "RDFC-1.0 does not define canonical labels for blank nodes inside triple terms");
  }
  if (term->kind != ASEANKG_TERM_TRIPLE) {
    return ASEANKG_SUCCESS;
  }
  for (unsigned i = 0U; i < 3U; ++i) {
    const AseankgStatus st = check_triple_term(c, term->triple[i]);
    if (st) {
      return st;
    }
  }
  return ASEANKG_SUCCESS;
}

static int
compare_labelled(const void* const a, const void* const b)
{
  const Labelled* const la = (const Labelled*)a;
  const Labelled* const lb = (const Labelled*)b;
  return compare_bytes(la->label, la->length, lb->label, lb->length);
}

/* Number the blank nodes by first appearance (subject, object, graph) and rank them by label. */
static AseankgStatus
number_blanks(Canon* const c)
{
  for (size_t i = 0U; i < c->n_quads; ++i) {
    const AseankgQuad* const q      = &c->quads[i];
    const AseankgTermId      ids[4] = { q->subject, q->predicate, q->object, q->graph };
    for (unsigned t = 0U; t < 4U; ++t) {
      c->max_id = ids[t] > c->max_id ? ids[t] : c->max_id;
    }
  }

  c->blank_of   = (uint32_t*)malloc((c->max_id + 1U) * sizeof(uint32_t));
  c->blank_term = (AseankgTermId*)malloc((c->max_id + 1U) * sizeof(AseankgTermId));
  if (!c->blank_of || !c->blank_term) {
    return ASEANKG_ERR_NOMEM;
  }
  memset(c->blank_of, 0xFF, (c->max_id + 1U) * sizeof(uint32_t));

  for (size_t i = 0U; i < c->n_quads; ++i) {
    const AseankgQuad* const q      = &c->quads[i];
    const AseankgTermId      ids[4] = { q->subject, q->object, q->graph, q->predicate };
    for (unsigned t = 0U; t < 4U; ++t) {
      const AseankgTerm* const term = ids[t] ? aseankg_graph_term(c->graph, ids[t]) : NULL;
      if (!term) {
        continue;
      }
      if (term->kind == ASEANKG_TERM_TRIPLE) {
        const AseankgStatus st = check_triple_term(c, ids[t]);
        if (st) {
          return st;
        }
      } else if (term->kind == ASEANKG_TERM_BLANK && t == 3U) {
        return aseankg_error_set(c->error, ASEANKG_ERR_DATA, NULL, 0U, 0U,
                                 "a blank node cannot be a predicate");
      } else if (term->kind == ASEANKG_TERM_BLANK && c->blank_of[ids[t]] == NONE) {
        c->blank_of[ids[t]]          = (uint32_t)c->n_blanks;
        c->blank_term[c->n_blanks++] = ids[t];
      }
    }
  }

  Labelled* const labelled = (Labelled*)malloc((c->n_blanks + 1U) * sizeof(Labelled));
  c->rank                  = (uint32_t*)malloc((c->n_blanks + 1U) * sizeof(uint32_t));
  if (!labelled || !c->rank) {
    free(labelled);
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t b = 0U; b < c->n_blanks; ++b) {
    const AseankgTerm* const term = aseankg_graph_term(c->graph, c->blank_term[b]);
    labelled[b]                   = (Labelled){ term->value, term->length, (uint32_t)b };
  }
  qsort(labelled, c->n_blanks, sizeof(Labelled), compare_labelled);
  for (size_t r = 0U; r < c->n_blanks; ++r) {
    c->rank[labelled[r].blank] = (uint32_t)r;
  }
  free(labelled);
  return ASEANKG_SUCCESS;
}

/* The blank node to quads map as one flat array: a quad is listed once per distinct blank node in it. */
static AseankgStatus
index_quads(Canon* const c)
{
  c->quad_start    = (size_t*)calloc(c->n_blanks + 2U, sizeof(size_t));
  size_t* const at = (size_t*)malloc((c->n_blanks + 1U) * sizeof(size_t));
  if (!c->quad_start || !at) {
    free(at);
    return ASEANKG_ERR_NOMEM;
  }

  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0U; i < c->n_quads; ++i) {
      const AseankgQuad* const q     = &c->quads[i];
      const uint32_t           s     = blank_index(c, q->subject);
      const uint32_t           o     = blank_index(c, q->object);
      const uint32_t           g     = blank_index(c, q->graph);
      const uint32_t           bs[3] = { s, o != s ? o : NONE, g != s && g != o ? g : NONE };
      for (unsigned t = 0U; t < 3U; ++t) {
        if (bs[t] == NONE) {
          continue;
        }
        if (pass == 0) {
          ++c->quad_start[bs[t] + 1U];
        } else {
          c->quad_list[at[bs[t]]++] = (uint32_t)i;
        }
      }
    }
    if (pass == 0) {
      for (size_t b = 0U; b < c->n_blanks; ++b) {
        c->quad_start[b + 1U] += c->quad_start[b];
        at[b] = c->quad_start[b];
      }
      c->quad_list = (uint32_t*)malloc((c->quad_start[c->n_blanks] + 1U) * sizeof(uint32_t));
      if (!c->quad_list) {
        free(at);
        return ASEANKG_ERR_NOMEM;
      }
    }
  }
  free(at);
  return ASEANKG_SUCCESS;
}

/* ------------------------------------------------------------------------ */
/* Hash First Degree Quads */

static int
compare_lines(const void* const a, const void* const b)
{
  const Line* const la = (const Line*)a;
  const Line* const lb = (const Line*)b;
  return compare_bytes(la->text, la->length, lb->text, lb->length);
}

static AseankgStatus
append_first_degree_term(const Canon* const c, AseankgBuffer* const line, const AseankgTermId id,
                         const uint32_t reference)
{
  const AseankgTerm* const term = aseankg_graph_term(c->graph, id);
  if (term->kind == ASEANKG_TERM_BLANK) {
    return aseankg_buffer_append(line, c->blank_of[id] == reference ? "_:a" : "_:z", 3U);
  }
  return aseankg_buffer_append(line, term->key, term->key_length);
}

static AseankgStatus
hash_first_degree(Canon* const c, const uint32_t blank)
{
  AseankgBuffer* const buffer = &c->scratch;
  const size_t         first  = c->quad_start[blank];
  const size_t         n      = c->quad_start[blank + 1U] - first;
  aseankg_buffer_reset(buffer);
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_array_reserve((void**)&c->lines, &c->lines_capacity, n, sizeof(Line)));

  for (size_t i = 0U; i < n; ++i) {
    const AseankgQuad* const q = &c->quads[c->quad_list[first + i]];
    c->lines[i].start          = buffer->length;
    TRY(st, append_first_degree_term(c, buffer, q->subject, blank));
    TRY(st, aseankg_buffer_append_byte(buffer, ' '));
    TRY(st, append_first_degree_term(c, buffer, q->predicate, blank));
    TRY(st, aseankg_buffer_append_byte(buffer, ' '));
    TRY(st, append_first_degree_term(c, buffer, q->object, blank));
    if (q->graph) {
      TRY(st, aseankg_buffer_append_byte(buffer, ' '));
      TRY(st, append_first_degree_term(c, buffer, q->graph, blank));
    }
    TRY(st, aseankg_buffer_append(buffer, " .\n", 3U));
    c->lines[i].length = buffer->length - c->lines[i].start;
  }

  /* The buffer has stopped moving, so the lines can point into it now. */
  for (size_t i = 0U; i < n; ++i) {
    c->lines[i].text = buffer->data + c->lines[i].start;
  }
  if (n > 1U) {
    qsort(c->lines, n, sizeof(Line), compare_lines);
  }

  unsigned char* const out  = c->first + (size_t)blank * DIGEST_MAX;
  unsigned             size = 0U;
  int                  ok   = EVP_DigestInit_ex(c->md_ctx, c->md, NULL);
  for (size_t i = 0U; i < n && ok; ++i) {
    ok = EVP_DigestUpdate(c->md_ctx, c->lines[i].text, c->lines[i].length);
  }
  memset(out, 0, DIGEST_MAX);
  ok = ok && EVP_DigestFinal_ex(c->md_ctx, out, &size);
  return ok && size <= DIGEST_MAX ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
}

/* ------------------------------------------------------------------------ */
/* The temporary issuer: append-only within a search branch, so one array serves every copy */

static void
issue_temporary(Canon* const c, const uint32_t blank)
{
  c->temp[blank]           = c->n_issued;
  c->issued[c->n_issued++] = blank;
}

static void
truncate_issuer(Canon* const c, const uint32_t length)
{
  while (c->n_issued > length) {
    c->temp[c->issued[--c->n_issued]] = NONE;
  }
}

/* Append "_:c14n<N>" for a canonical blank node, else "_:b<N>"; by hand, as printf was a hot spot. */
static AseankgStatus
append_issued(const Canon* const c, AseankgBuffer* const buffer, const uint32_t blank)
{
  const int    canonical = c->canon[blank] != NONE;
  uint32_t     number    = canonical ? c->canon[blank] : c->temp[blank];
  char         text[24];
  size_t       at            = sizeof(text);
  const char*  prefix        = canonical ? "_:c14n" : "_:b";
  const size_t prefix_length = canonical ? 6U : 3U;
  do {
    text[--at] = (char)('0' + number % 10U);
    number /= 10U;
  } while (number);
  at -= prefix_length;
  memcpy(text + at, prefix, prefix_length);
  return aseankg_buffer_append(buffer, text + at, sizeof(text) - at);
}

/* ------------------------------------------------------------------------ */
/* Hash N-Degree Quads */

static AseankgStatus
hash_related(Canon* const c, const uint32_t related, const AseankgQuad* const q, const char position,
             unsigned char* const out)
{
  AseankgBuffer* const input = &c->scratch;
  aseankg_buffer_reset(input);
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_buffer_append_byte(input, position));
  if (position != 'g') {
    const AseankgTerm* const predicate = aseankg_graph_term(c->graph, q->predicate);
    TRY(st, aseankg_buffer_append_byte(input, '<'));
    TRY(st, aseankg_buffer_append(input, predicate->value, predicate->length));
    TRY(st, aseankg_buffer_append_byte(input, '>'));
  }
  TRY(st, (c->canon[related] != NONE || c->temp[related] != NONE)
            ? append_issued(c, input, related)
            : append_hex(input, c->first + (size_t)related * DIGEST_MAX, c->digest_length));
  return digest(c, input->data, input->length, out);
}

static int
compare_related(const void* const a, const void* const b)
{
  const Related* const ra  = (const Related*)a;
  const Related* const rb  = (const Related*)b;
  const int            cmp = memcmp(ra->digest, rb->digest, DIGEST_MAX);
  if (cmp) {
    return cmp;
  }
  return ra->rank < rb->rank ? -1 : ra->rank > rb->rank;
}

/* Step to the next permutation in label order; 0 after the last. */
static int
next_permutation(const Canon* const c, uint32_t* const perm, const size_t n)
{
  if (n < 2U) {
    return 0;
  }
  size_t i = n - 1U;
  while (i > 0U && c->rank[perm[i - 1U]] >= c->rank[perm[i]]) {
    --i;
  }
  if (i == 0U) {
    return 0;
  }
  size_t j = n - 1U;
  while (c->rank[perm[j]] <= c->rank[perm[i - 1U]]) {
    --j;
  }
  const uint32_t swap = perm[i - 1U];
  perm[i - 1U]        = perm[j];
  perm[j]             = swap;
  for (size_t lo = i, hi = n - 1U; lo < hi; ++lo, --hi) {
    const uint32_t t = perm[lo];
    perm[lo]         = perm[hi];
    perm[hi]         = t;
  }
  return 1;
}

static AseankgStatus
get_frame(Canon* const c, const size_t depth, Frame** const frame)
{
  if (depth >= c->n_frames) {
    AseankgStatus st =
      aseankg_array_reserve((void**)&c->frames, &c->frames_capacity, depth + 1U, sizeof(Frame*));
    while (!st && c->n_frames <= depth) {
      c->frames[c->n_frames] = (Frame*)calloc(1U, sizeof(Frame));
      st                     = c->frames[c->n_frames] ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
      c->n_frames += st ? 0U : 1U;
    }
    if (st) {
      return st;
    }
  }
  *frame = c->frames[depth];
  return ASEANKG_SUCCESS;
}

static void
free_frame(Frame* const f)
{
  if (f) {
    free(f->related);
    free(f->perm);
    free(f->recursion);
    free(f->chosen);
    aseankg_buffer_release(&f->path);
    aseankg_buffer_release(&f->best);
    aseankg_buffer_release(&f->data);
    free(f);
  }
}

/* Whether `path` can no longer beat `best`, so the rest of this permutation can be skipped. */
static int
is_worse(const Frame* const f)
{
  return f->path.length >= f->best.length &&
         compare_bytes(f->path.data, f->path.length, f->best.data, f->best.length) > 0;
}

/* Open a level for `blank`: hash its related blank nodes against the issuer as it is now. */
static AseankgStatus
begin_level(Canon* const c, const size_t depth, const uint32_t blank, unsigned char* const out)
{
  Frame*        f  = NULL;
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, step(c));
  TRY(st, get_frame(c, depth, &f));
  f->phase       = PHASE_GROUP;
  f->out         = out;
  f->n_related   = 0U;
  f->group_start = 0U;
  aseankg_buffer_reset(&f->data);

  static const char positions[3] = { 's', 'o', 'g' };
  for (size_t k = c->quad_start[blank]; k < c->quad_start[blank + 1U]; ++k) {
    const AseankgQuad* const q      = &c->quads[c->quad_list[k]];
    const AseankgTermId      ids[3] = { q->subject, q->object, q->graph };
    for (unsigned t = 0U; t < 3U; ++t) {
      const uint32_t related = blank_index(c, ids[t]);
      if (related == NONE || related == blank) {
        continue;
      }
      TRY(st, aseankg_array_reserve((void**)&f->related, &f->related_capacity, f->n_related + 1U,
                                    sizeof(Related)));
      TRY(st, hash_related(c, related, q, positions[t], f->related[f->n_related].digest));
      f->related[f->n_related].blank = related;
      f->related[f->n_related].rank  = c->rank[related];
      ++f->n_related;
    }
  }
  if (f->n_related > 1U) {
    qsort(f->related, f->n_related, sizeof(Related), compare_related);
  }
  return st;
}

/* Set up the permutations of the next group of related blank nodes, which share a hash. */
static AseankgStatus
begin_group(Canon* const c, Frame* const f)
{
  const Related* const related = f->related;
  size_t               end     = f->group_start + 1U;
  while (end < f->n_related && !memcmp(related[end].digest, related[f->group_start].digest, DIGEST_MAX)) {
    ++end;
  }
  const size_t  n  = end - f->group_start;
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_array_reserve((void**)&f->perm, &f->perm_capacity, n, sizeof(uint32_t)));
  TRY(st, aseankg_array_reserve((void**)&f->recursion, &f->recursion_capacity, n, sizeof(uint32_t)));
  TRY(st, append_hex(&f->data, related[f->group_start].digest, c->digest_length));
  for (size_t i = 0U; i < n; ++i) {
    f->perm[i] = related[f->group_start + i].blank;
  }
  f->group_end = end;
  f->base      = c->n_issued;
  f->have_best = 0;
  f->in_place  = 0;
  f->phase     = PHASE_PERMUTATION;
  return ASEANKG_SUCCESS;
}

/* Build the current permutation's path up to its recursion, issuing identifiers for blank nodes met first. */
static AseankgStatus
begin_permutation(Canon* const c, Frame* const f)
{
  f->n_recursion    = 0U;
  f->next_recursion = 0U;
  f->better         = 0;
  f->phase          = PHASE_RECURSE;
  aseankg_buffer_reset(&f->path);
  for (size_t i = 0U; i < f->group_end - f->group_start; ++i) {
    const uint32_t related = f->perm[i];
    if (c->canon[related] == NONE && c->temp[related] == NONE) {
      f->recursion[f->n_recursion++] = related;
      issue_temporary(c, related);
    }
    const AseankgStatus st = append_issued(c, &f->path, related);
    if (st) {
      return st;
    }
    if (f->have_best && is_worse(f)) {
      f->phase = PHASE_NEXT;
      break;
    }
  }
  return ASEANKG_SUCCESS;
}

/* Keep the permutation just tried if it won, then go on to the next one or close the group. */
static AseankgStatus
end_permutation(Canon* const c, Frame* const f)
{
  AseankgStatus st   = ASEANKG_SUCCESS;
  const int     more = next_permutation(c, f->perm, f->group_end - f->group_start);
  if (f->better) {
    const AseankgBuffer swap = f->best;
    f->best                  = f->path;
    f->path                  = swap;
    f->have_best             = 1;
    /* The last permutation's win stays in the issuer as it is, so a chain of single-permutation levels
       does not copy its tail at every level. */
    f->in_place = !more;
    f->n_chosen = c->n_issued - f->base;
    if (!f->in_place) {
      st = aseankg_array_reserve((void**)&f->chosen, &f->chosen_capacity, f->n_chosen, sizeof(uint32_t));
      if (!st && f->n_chosen) {
        memcpy(f->chosen, c->issued + f->base, f->n_chosen * sizeof(uint32_t));
      }
    }
  }
  if (!f->in_place) {
    truncate_issuer(c, f->base);
  }
  if (st || more) {
    f->phase = PHASE_PERMUTATION;
    return st;
  }

  for (size_t i = 0U; i < f->n_chosen && !f->in_place; ++i) {
    issue_temporary(c, f->chosen[i]);
  }
  f->group_start = f->group_end;
  f->phase       = PHASE_GROUP;
  return aseankg_buffer_append(&f->data, f->best.data, f->best.length);
}

/* Hash N-Degree Quads for `blank` with the temporary issuer as it stands; leaves the chosen issuer in place.
 */
static AseankgStatus
hash_n_degree(Canon* const c, const uint32_t blank, unsigned char* const out)
{
  size_t        depth = 0U;
  AseankgStatus st    = begin_level(c, depth, blank, out);
  while (!st) {
    Frame* const f = c->frames[depth];
    switch (f->phase) {
      case PHASE_GROUP:
        if (f->group_start < f->n_related) {
          st = begin_group(c, f);
          break;
        }
        st = digest(c, f->data.data, f->data.length, f->out);
        if (st || depth == 0U) {
          return st;
        }
        --depth;
        break;
      case PHASE_PERMUTATION:
        TRY(st, step(c));
        st = begin_permutation(c, f);
        break;
      case PHASE_RECURSE:
        if (f->next_recursion < f->n_recursion) {
          f->phase = PHASE_RETURNED;
          st       = begin_level(c, depth + 1U, f->recursion[f->next_recursion], f->digest);
          ++depth;
        } else {
          f->better =
            !f->have_best || compare_bytes(f->path.data, f->path.length, f->best.data, f->best.length) < 0;
          f->phase = PHASE_NEXT;
        }
        break;
      case PHASE_RETURNED:
        TRY(st, append_issued(c, &f->path, f->recursion[f->next_recursion++]));
        TRY(st, aseankg_buffer_append_byte(&f->path, '<'));
        TRY(st, append_hex(&f->path, f->digest, c->digest_length));
        TRY(st, aseankg_buffer_append_byte(&f->path, '>'));
        f->phase = (f->have_best && is_worse(f)) ? PHASE_NEXT : PHASE_RECURSE;
        break;
      case PHASE_NEXT:
        st = end_permutation(c, f);
        break;
    }
  }
  return st;
}

/* ------------------------------------------------------------------------ */
/* The canonicalization algorithm */

static int
compare_ordered(const void* const a, const void* const b)
{
  const Ordered* const oa  = (const Ordered*)a;
  const Ordered* const ob  = (const Ordered*)b;
  const int            cmp = memcmp(oa->digest, ob->digest, DIGEST_MAX);
  if (cmp) {
    return cmp;
  }
  return oa->blank < ob->blank ? -1 : oa->blank > ob->blank;
}

static int
compare_results(const void* const a, const void* const b)
{
  const Result* const ra  = (const Result*)a;
  const Result* const rb  = (const Result*)b;
  const int           cmp = memcmp(ra->digest, rb->digest, DIGEST_MAX);
  if (cmp) {
    return cmp;
  }
  return ra->order < rb->order ? -1 : ra->order > rb->order;
}

/* Steps 5.2 and 5.3: resolve one group of blank nodes sharing a first-degree hash. */
static AseankgStatus
label_group(Canon* const c, const Ordered* const group, const size_t n, Result** const results,
            size_t* const results_capacity, uint32_t** const sequences, size_t* const sequences_capacity)
{
  size_t n_results = 0U;
  size_t n_stored  = 0U;
  for (size_t i = 0U; i < n; ++i) {
    const uint32_t blank = group[i].blank;
    if (c->canon[blank] != NONE) {
      continue;
    }
    truncate_issuer(c, 0U);
    issue_temporary(c, blank);
    AseankgStatus st = ASEANKG_SUCCESS;
    TRY(st, aseankg_array_reserve((void**)results, results_capacity, n_results + 1U, sizeof(Result)));
    TRY(st, hash_n_degree(c, blank, (*results)[n_results].digest));
    TRY(st, aseankg_array_reserve((void**)sequences, sequences_capacity, n_stored + c->n_issued,
                                  sizeof(uint32_t)));
    if (c->n_issued) { /* memcpy must not see a null array, even for no bytes */
      memcpy(*sequences + n_stored, c->issued, c->n_issued * sizeof(uint32_t));
    }
    (*results)[n_results].start = n_stored;
    (*results)[n_results].count = c->n_issued;
    (*results)[n_results].order = n_results;
    n_stored += c->n_issued;
    ++n_results;
  }
  truncate_issuer(c, 0U);

  if (n_results > 1U) {
    qsort(*results, n_results, sizeof(Result), compare_results);
  }
  for (size_t r = 0U; r < n_results; ++r) {
    for (size_t k = 0U; k < (*results)[r].count; ++k) {
      const uint32_t blank = (*sequences)[(*results)[r].start + k];
      if (c->canon[blank] == NONE) {
        c->canon[blank] = c->n_canon++;
      }
    }
  }
  return ASEANKG_SUCCESS;
}

static AseankgStatus
issue_canonical(Canon* const c)
{
  Ordered* const order = (Ordered*)malloc((c->n_blanks + 1U) * sizeof(Ordered));
  if (!order) {
    return ASEANKG_ERR_NOMEM;
  }
  for (size_t b = 0U; b < c->n_blanks; ++b) {
    order[b] = (Ordered){ c->first + b * DIGEST_MAX, (uint32_t)b };
  }
  qsort(order, c->n_blanks, sizeof(Ordered), compare_ordered);

  /* Step 4: a blank node whose first-degree hash is unique gets its label straight away. */
  for (size_t start = 0U, end = 0U; start < c->n_blanks; start = end) {
    for (end = start + 1U;
         end < c->n_blanks && !memcmp(order[end].digest, order[start].digest, DIGEST_MAX);) {
      ++end;
    }
    if (end - start == 1U) {
      c->canon[order[start].blank] = c->n_canon++;
    }
  }

  /* Step 5: the rest, group by group, in hash order. */
  Result*       results            = NULL;
  size_t        results_capacity   = 0U;
  uint32_t*     sequences          = NULL;
  size_t        sequences_capacity = 0U;
  AseankgStatus st                 = ASEANKG_SUCCESS;
  for (size_t start = 0U, end = 0U; start < c->n_blanks && !st; start = end) {
    for (end = start + 1U;
         end < c->n_blanks && !memcmp(order[end].digest, order[start].digest, DIGEST_MAX);) {
      ++end;
    }
    if (end - start > 1U) {
      st = label_group(c, order + start, end - start, &results, &results_capacity, &sequences,
                       &sequences_capacity);
    }
  }
  free(results);
  free(sequences);
  free(order);
  return st;
}

/* ------------------------------------------------------------------------ */
/* Output */

static AseankgTermId
copy_term(const Canon* const c, AseankgGraph* const output, AseankgTermId* const copies,
          const AseankgTermId id)
{
  if (!id || copies[id]) {
    return copies[id];
  }
  const AseankgTerm* const term = aseankg_graph_term(c->graph, id);
  AseankgTermId            copy = 0U;
  switch (term->kind) {
    case ASEANKG_TERM_IRI:
      copy = aseankg_graph_iri(output, term->value, term->length);
      break;
    case ASEANKG_TERM_BLANK: {
      char      label[32];
      const int n = snprintf(label, sizeof(label), "c14n%u", (unsigned)c->canon[c->blank_of[id]]);
      copy        = aseankg_graph_blank(output, label, (size_t)n);
      break;
    }
    case ASEANKG_TERM_LITERAL: {
      const AseankgTermId datatype = copy_term(c, output, copies, term->datatype);
      copy = (datatype || !term->datatype) ? aseankg_graph_literal(output, term->value, term->length,
                                                                   datatype, term->language, term->direction)
                                           : 0U;
      break;
    }
    case ASEANKG_TERM_TRIPLE: {
      const AseankgTermId s = copy_term(c, output, copies, term->triple[0]);
      const AseankgTermId p = copy_term(c, output, copies, term->triple[1]);
      const AseankgTermId o = copy_term(c, output, copies, term->triple[2]);
      copy                  = (s && p && o) ? aseankg_graph_triple_term(output, s, p, o) : 0U;
      break;
    }
  }
  copies[id] = copy;
  return copy;
}

static AseankgStatus
write_output(const Canon* const c, AseankgGraph* const output)
{
  AseankgTermId* const copies = (AseankgTermId*)calloc(c->max_id + 1U, sizeof(AseankgTermId));
  if (!copies) {
    return ASEANKG_ERR_NOMEM;
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < c->n_quads && !st; ++i) {
    const AseankgQuad* const q = &c->quads[i];
    const AseankgTermId      g = copy_term(c, output, copies, q->graph);
    st                         = (q->graph && !g) ? ASEANKG_ERR_NOMEM
                                                  : aseankg_graph_add(output, copy_term(c, output, copies, q->subject),
                                                                      copy_term(c, output, copies, q->predicate),
                                                                      copy_term(c, output, copies, q->object), g);
  }
  free(copies);
  if (!st) {
    aseankg_graph_sort(output);
  }
  return st;
}

static AseankgStatus
fill_labels(const Canon* const c, AseankgCanonLabels* const labels)
{
  size_t size = 0U;
  for (size_t b = 0U; b < c->n_blanks; ++b) {
    size += aseankg_graph_term(c->graph, c->blank_term[b])->length + 1U + 24U;
  }
  labels->entries = (AseankgCanonLabel*)calloc(c->n_blanks + 1U, sizeof(AseankgCanonLabel));
  labels->storage = (char*)malloc(size + 1U);
  if (!labels->entries || !labels->storage) {
    return ASEANKG_ERR_NOMEM;
  }

  char* at = labels->storage;
  for (size_t b = 0U; b < c->n_blanks; ++b) {
    const AseankgTerm* const term  = aseankg_graph_term(c->graph, c->blank_term[b]);
    AseankgCanonLabel* const entry = &labels->entries[c->canon[b]];
    entry->input                   = at;
    memcpy(at, term->value, term->length);
    at += term->length;
    *at++            = '\0';
    entry->canonical = at;
    const int n      = snprintf(at, 24U, "c14n%u", (unsigned)c->canon[b]);
    at += (size_t)n + 1U;
  }
  labels->count = c->n_blanks;
  return ASEANKG_SUCCESS;
}

static void
release(Canon* const c)
{
  for (size_t i = 0U; i < c->n_frames; ++i) {
    free_frame(c->frames[i]);
  }
  free(c->frames);
  EVP_MD_CTX_free(c->md_ctx);
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
  EVP_MD_free(c->fetched);
#endif
  free(c->blank_of);
  free(c->blank_term);
  free(c->quad_start);
  free(c->quad_list);
  free(c->first);
  free(c->rank);
  free(c->canon);
  free(c->issued);
  free(c->temp);
  free(c->lines);
  aseankg_buffer_release(&c->scratch);
}

AseankgStatus
aseankg_canon(const AseankgGraph* const input, AseankgGraph* const output,
              const AseankgCanonOptions* const options, AseankgCanonLabels* const labels,
              AseankgError* const error)
{
  aseankg_canon_labels_release(labels);
  if (!input || !output || input == output || aseankg_graph_size(output)) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, NULL, 0U, 0U,
                             "canonicalization needs an input graph and a different, empty output graph");
  }

  const char* const algorithm = options && options->hash_algorithm ? options->hash_algorithm : "SHA256";
  Canon             c;
  memset(&c, 0, sizeof(c));
  c.graph                = input;
  c.quads                = aseankg_graph_quads(input);
  c.n_quads              = aseankg_graph_size(input);
  c.error                = error;
  const char* const name = !strcasecmp(algorithm, "SHA256")   ? "SHA256"
                           : !strcasecmp(algorithm, "SHA384") ? "SHA384"
                                                              : NULL;
  if (!name) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "hash_algorithm",
                                       "unknown hash algorithm \"%s\" (RDFC-1.0 uses SHA256 or SHA384)",
                                       algorithm);
  }
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
  /* Fetched once: the implicit per-call lookup of EVP_sha256() cost more than hashing these short strings. */
  c.fetched = EVP_MD_fetch(NULL, name, NULL);
  c.md      = c.fetched;
#else
  c.md = EVP_get_digestbyname(name);
#endif
  if (!c.md) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, NULL, 0U, 0U, "OpenSSL has no %s digest", name);
  }
  c.digest_length = (size_t)EVP_MD_size(c.md);

  AseankgStatus st = ASEANKG_SUCCESS;
  if (c.n_quads >= NONE) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  c.md_ctx = EVP_MD_CTX_new();
  if (!c.md_ctx) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  TRY_CLEANUP(st, number_blanks(&c));
  TRY_CLEANUP(st, index_quads(&c));

  c.max_work = options && options->max_work
                 ? options->max_work
                 : ASEANKG_CANON_DEFAULT_WORK + ASEANKG_CANON_WORK_PER_BLANK * c.n_blanks;
  c.first    = (unsigned char*)malloc((c.n_blanks + 1U) * DIGEST_MAX);
  c.canon    = (uint32_t*)malloc((c.n_blanks + 1U) * sizeof(uint32_t));
  c.temp     = (uint32_t*)malloc((c.n_blanks + 1U) * sizeof(uint32_t));
  c.issued   = (uint32_t*)malloc((c.n_blanks + 1U) * sizeof(uint32_t));
  if (!c.first || !c.canon || !c.temp || !c.issued) {
    st = ASEANKG_ERR_NOMEM;
    goto cleanup;
  }
  memset(c.canon, 0xFF, (c.n_blanks + 1U) * sizeof(uint32_t));
  memset(c.temp, 0xFF, (c.n_blanks + 1U) * sizeof(uint32_t));

  for (size_t b = 0U; b < c.n_blanks; ++b) {
    TRY_CLEANUP(st, hash_first_degree(&c, (uint32_t)b));
  }
  TRY_CLEANUP(st, issue_canonical(&c));
  TRY_CLEANUP(st, write_output(&c, output));
  if (labels) {
    TRY_CLEANUP(st, fill_labels(&c, labels));
  }

cleanup:
  if (st) {
    aseankg_canon_labels_release(labels);
    aseankg_error_set(error, st, NULL, 0U, 0U, "%s while canonicalizing", aseankg_strerror(st));
  }
  release(&c);
  return st;
}
