/* The embedded quad store's core: the LMDB environment, the term dictionary, the six quad indexes. */
#include "store_private.h"

#include "aseankg/ntriples.h"
#include "aseankg/reader.h"

#include "hash.h"
#include "try.h"
#include "ntriples_private.h"
#include "iri.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#define FORMAT_KEY "format"
#define FORMAT_NAME "aseankg-store"
#define NEXT_TERM_KEY "next-term"
#define NEXT_BLANK_KEY "next-blank"

/* Index keys: four 32-bit big-endian term ids, so byte order is numeric order (format 2; format 1 had
 * 64-bit ids and 32-byte keys). */
#define ID_SIZE ((size_t)4U)
#define KEY_SIZE (4U * ID_SIZE)
#define MAX_TERM_ID 0xFFFFFFFFU

/* Key orders of the indexes, by position (S P O G): with or without a graph, every pattern is a prefix. */
static const unsigned char index_order[STORE_INDEXES][4] = {
  { STORE_S, STORE_P, STORE_O, STORE_G }, { STORE_P, STORE_O, STORE_S, STORE_G },
  { STORE_O, STORE_S, STORE_P, STORE_G }, { STORE_G, STORE_S, STORE_P, STORE_O },
  { STORE_G, STORE_P, STORE_O, STORE_S }, { STORE_G, STORE_O, STORE_S, STORE_P },
};
static const char* const index_names[STORE_INDEXES] = { "spog", "posg", "ospg", "gspo", "gpos", "gosp" };
enum { SPOG = 0, POSG, OSPG, GSPO, GPOS, GOSP };

static void
put_u64(unsigned char* const bytes, const uint64_t value)
{
  for (unsigned i = 0U; i < 8U; ++i) {
    bytes[i] = (unsigned char)(value >> (56U - 8U * i));
  }
}

static uint64_t
get_u64(const unsigned char* const bytes)
{
  uint64_t value = 0U;
  for (unsigned i = 0U; i < 8U; ++i) {
    value = (value << 8U) | bytes[i];
  }
  return value;
}

/* An LMDB value over bytes LMDB only reads: MDB_val has no const member, so the qualifier goes through a
 * union rather than a cast. */
static MDB_val
read_only_val(const void* const data, const size_t size)
{
  union {
    const void* in;
    void*       out;
  } bytes;
  bytes.in      = data;
  MDB_val value = { size, bytes.out };
  return value;
}

static uint64_t
key_hash(const char* const key, const size_t length)
{
  uint64_t h = 0xCBF29CE484222325ULL; /* FNV-1a, then a full avalanche */
  for (size_t i = 0U; i < length; ++i) {
    h = (h ^ (unsigned char)key[i]) * 0x100000001B3ULL;
  }
  return aseankg_hash_mix(h ^ length);
}

AseankgStatus
aseankg_store__fail(AseankgStore* const store, const int rc, const char* const what,
                    AseankgError* const error)
{
  const int damaged = rc == MDB_CORRUPTED || rc == MDB_PAGE_NOTFOUND || rc == MDB_INVALID ||
                      rc == MDB_VERSION_MISMATCH || rc == MDB_BAD_TXN;
  const char* const path = store ? store->path : "store";
  if (damaged) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, path, 0U, 0U, "the store is damaged (%s: %s)", what,
                             mdb_strerror(rc));
  }
  /* LMDB reports a short write as EIO: on a full file system, say so. */
  struct statvfs space;
  const int      full = rc == ENOSPC || (rc == EIO && store && !statvfs(store->path, &space) &&
                                    (unsigned long long)space.f_bavail * space.f_frsize < 1024ULL * 1024ULL);
  return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "%s: %s%s", what, mdb_strerror(rc),
                           full                 ? " (the disk is full)"
                           : rc == MDB_MAP_FULL ? " (the store reached its map size, 32 GiB)"
                                                : "");
}

char*
aseankg_store_default_path(char* const path, const size_t size)
{
  const char* const explicit_path = getenv("ASEANKG_STORE");
  const char* const data_home     = getenv("XDG_DATA_HOME");
  const char* const home          = getenv("HOME");
  int               n             = -1;
  if (explicit_path && *explicit_path) {
    n = snprintf(path, size, "%s", explicit_path);
  } else if (data_home && *data_home) {
    n = snprintf(path, size, "%s/aseankg/store", data_home);
  } else if (home && *home) {
    n = snprintf(path, size, "%s/.local/share/aseankg/store", home);
  }
  return n > 0 && (size_t)n < size ? path : NULL;
}

static AseankgStatus
make_directories(const char* const path, AseankgError* const error)
{
  char buffer[4096];
  if ((size_t)snprintf(buffer, sizeof(buffer), "%s", path) >= sizeof(buffer)) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, path, 0U, 0U, "path too long");
  }
  for (char* p = buffer + 1; *p; ++p) {
    if (*p == '/') {
      *p = '\0';
      mkdir(buffer, 0777);
      *p = '/';
    }
  }
  if (mkdir(buffer, 0777) && errno != EEXIST) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot create the store: %s",
                             strerror(errno));
  }
  return ASEANKG_SUCCESS;
}

/* --- transactions ------------------------------------------------------------------------------ */

AseankgStatus
aseankg_store__read_begin(AseankgStore* const store, AseankgError* const error)
{
  if (store->txn) {
    return ASEANKG_SUCCESS;
  }
  const int rc = mdb_txn_begin(store->env, NULL, MDB_RDONLY, &store->txn);
  if (rc) {
    store->txn = NULL;
    return aseankg_store__fail(store, rc, "cannot start reading", error);
  }
  return ASEANKG_SUCCESS;
}

void
aseankg_store__read_end(AseankgStore* const store)
{
  if (store->txn && !store->writing) {
    mdb_txn_abort(store->txn);
    store->txn = NULL;
  }
}

AseankgStatus
aseankg_store_begin(AseankgStore* const store, AseankgError* const error)
{
  if (!store->writable || store->txn) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, store->path, 0U, 0U,
                             store->txn ? "a transaction is already open"
                                        : "the store is open for reading only");
  }
  const int rc = mdb_txn_begin(store->env, NULL, 0U, &store->txn);
  if (rc) {
    store->txn = NULL;
    return aseankg_store__fail(store, rc, "cannot start writing", error);
  }
  store->writing = 1;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_store_commit(AseankgStore* const store, AseankgError* const error)
{
  if (!store->writing) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, store->path, 0U, 0U, "no transaction is open");
  }
  const int rc   = mdb_txn_commit(store->txn);
  store->txn     = NULL;
  store->writing = 0;
  return rc ? aseankg_store__fail(store, rc, "cannot commit the changes", error) : ASEANKG_SUCCESS;
}

void
aseankg_store_abort(AseankgStore* const store)
{
  if (store && store->txn) {
    mdb_txn_abort(store->txn);
    store->txn     = NULL;
    store->writing = 0;
  }
}

/* --- the dictionary ----------------------------------------------------------------------------- */

static AseankgStatus
meta_counter(AseankgStore* const store, const char* const name, uint64_t* const value,
             AseankgError* const error)
{
  MDB_val   key = read_only_val(name, strlen(name));
  MDB_val   data;
  const int rc = mdb_get(store->txn, store->meta, &key, &data);
  if (rc == MDB_NOTFOUND) {
    *value = 1U;
    return ASEANKG_SUCCESS;
  }
  if (rc || data.mv_size != 8U) {
    return rc ? aseankg_store__fail(store, rc, "cannot read the store's counters", error)
              : aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                                  "the store is damaged (counter)");
  }
  *value = get_u64((const unsigned char*)data.mv_data);
  return ASEANKG_SUCCESS;
}

static AseankgStatus
meta_counter_set(AseankgStore* const store, const char* const name, const uint64_t value,
                 AseankgError* const error)
{
  unsigned char bytes[8];
  put_u64(bytes, value);
  MDB_val   key  = read_only_val(name, strlen(name));
  MDB_val   data = { 8U, bytes };
  const int rc   = mdb_put(store->txn, store->meta, &key, &data, 0U);
  return rc ? aseankg_store__fail(store, rc, "cannot write the store's counters", error) : ASEANKG_SUCCESS;
}

/* Check a term read by id: a missing or malformed one is damage. */
static AseankgStatus
term_found(AseankgStore* const store, const int rc, const uint64_t id, const MDB_val* const v,
           const char** const key, size_t* const length, AseankgError* const error)
{
  if (rc == MDB_NOTFOUND || (!rc && v->mv_size < 3U)) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                             "the store is damaged (term %llu is missing)", (unsigned long long)id);
  }
  if (rc) {
    return aseankg_store__fail(store, rc, "cannot read a term", error);
  }
  *key    = (const char*)v->mv_data;
  *length = v->mv_size;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_store__term(AseankgStore* const store, const uint64_t id, const char** const key,
                    size_t* const length, AseankgError* const error)
{
  unsigned char bytes[8];
  put_u64(bytes, id);
  MDB_val   k  = { 8U, bytes };
  MDB_val   v  = { 0U, NULL };
  const int rc = mdb_get(store->txn, store->terms, &k, &v);
  return term_found(store, rc, id, &v, key, length, error);
}

AseankgStatus
aseankg_store__term_near(AseankgStore* const store, MDB_cursor** const cursor, const uint64_t id,
                         const char** const key, size_t* const length, AseankgError* const error)
{
  int rc = *cursor ? 0 : mdb_cursor_open(store->txn, store->terms, cursor);
  if (rc) {
    *cursor = NULL;
    return aseankg_store__fail(store, rc, "cannot read a term", error);
  }
  unsigned char bytes[8];
  put_u64(bytes, id);
  MDB_val k = { 8U, bytes };
  MDB_val v = { 0U, NULL };
  rc        = mdb_cursor_get(*cursor, &k, &v, MDB_SET_KEY);
  return term_found(store, rc, id, &v, key, length, error);
}

AseankgStatus
aseankg_store__lookup(AseankgStore* const store, const char* const key, const size_t length,
                      uint64_t* const id, AseankgError* const error)
{
  *id = 0U;
  unsigned char probe[16];
  put_u64(probe, key_hash(key, length));
  put_u64(probe + 8, 0U);
  MDB_cursor*   cursor = NULL;
  int           rc     = mdb_cursor_open(store->txn, store->hashes, &cursor);
  MDB_val       k      = { 16U, probe };
  MDB_val       v;
  AseankgStatus st = ASEANKG_SUCCESS;
  for (rc = rc ? rc : mdb_cursor_get(cursor, &k, &v, MDB_SET_RANGE); !rc && !st;
       rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)) {
    if (k.mv_size != 16U || memcmp(k.mv_data, probe, 8U)) {
      break;
    }
    const uint64_t candidate = get_u64((const unsigned char*)k.mv_data + 8);
    const char*    bytes     = NULL;
    size_t         n         = 0U;
    st                       = aseankg_store__term(store, candidate, &bytes, &n, error);
    if (!st && bytes && n == length && !memcmp(bytes, key, length)) {
      *id = candidate;
      break;
    }
  }
  if (cursor) {
    mdb_cursor_close(cursor);
  }
  if (!st && rc && rc != MDB_NOTFOUND) {
    st = aseankg_store__fail(store, rc, "cannot look a term up", error);
  }
  return st;
}

/* Store a new term under the next id; `hash` is its key hash. */
static AseankgStatus
put_term(AseankgStore* const store, const char* const key, const size_t length, uint64_t* const id,
         AseankgError* const error)
{
  uint64_t      next = 0U;
  AseankgStatus st   = meta_counter(store, NEXT_TERM_KEY, &next, error);
  if (st) {
    return st;
  }
  if (next > MAX_TERM_ID) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                             "the store holds %u terms, the most its format allows", MAX_TERM_ID);
  }
  unsigned char id_bytes[8];
  unsigned char hash_key[16];
  put_u64(id_bytes, next);
  put_u64(hash_key, key_hash(key, length));
  put_u64(hash_key + 8, next);
  MDB_val k     = { 8U, id_bytes };
  MDB_val v     = read_only_val(key, length);
  MDB_val hk    = { 16U, hash_key };
  MDB_val empty = { 0U, NULL };
  int     rc    = mdb_put(store->txn, store->terms, &k, &v, MDB_APPEND);
  rc            = rc ? rc : mdb_put(store->txn, store->hashes, &hk, &empty, 0U);
  if (rc) {
    return aseankg_store__fail(store, rc, "cannot add a term", error);
  }
  *id = next;
  return meta_counter_set(store, NEXT_TERM_KEY, next + 1U, error);
}

AseankgStatus
aseankg_store__intern(AseankgStore* const store, const char* const key, const size_t length,
                      uint64_t* const id, AseankgError* const error)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, aseankg_store__lookup(store, key, length, id, error));
  return *id ? ASEANKG_SUCCESS : put_term(store, key, length, id, error);
}

AseankgStatus
aseankg_store__fresh_blank(AseankgStore* const store, uint64_t* const id, AseankgError* const error)
{
  uint64_t      n  = 0U;
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, meta_counter(store, NEXT_BLANK_KEY, &n, error));
  char      label[32];
  const int length = snprintf(label, sizeof(label), "_:b%llu", (unsigned long long)n);
  TRY(st, meta_counter_set(store, NEXT_BLANK_KEY, n + 1U, error));
  return put_term(store, label, (size_t)length, id, error);
}

/* --- quads and graphs ---------------------------------------------------------------------------- */

static void
put_id(unsigned char* const bytes, const uint64_t id)
{
  for (size_t i = 0U; i < ID_SIZE; ++i) {
    bytes[i] = (unsigned char)(id >> (8U * (ID_SIZE - 1U - i)));
  }
}

static uint64_t
get_id(const unsigned char* const bytes)
{
  uint64_t id = 0U;
  for (size_t i = 0U; i < ID_SIZE; ++i) {
    id = (id << 8U) | bytes[i];
  }
  return id;
}

/* The key of `quad` in index `index`: its four ids in the index's order. */
static void
index_key(unsigned char key[KEY_SIZE], const uint64_t quad[4], const unsigned index)
{
  for (size_t i = 0U; i < 4U; ++i) {
    put_id(key + ID_SIZE * i, quad[index_order[index][i]]);
  }
}

/* The quad whose key in index `index` is `key`. */
static void
key_quad(const unsigned char* const key, const unsigned index, uint64_t quad[4])
{
  for (size_t i = 0U; i < 4U; ++i) {
    quad[index_order[index][i]] = get_id(key + ID_SIZE * i);
  }
}

AseankgStatus
aseankg_store__graph_info(AseankgStore* const store, const uint64_t graph, int* const exists,
                          uint64_t* const count, AseankgError* const error)
{
  unsigned char bytes[8];
  put_u64(bytes, graph);
  MDB_val   k  = { 8U, bytes };
  MDB_val   v  = { 0U, NULL };
  const int rc = mdb_get(store->txn, store->graphs, &k, &v);
  *exists      = !rc || graph == 0U;
  *count       = 0U;
  if (rc && rc != MDB_NOTFOUND) {
    return aseankg_store__fail(store, rc, "cannot read the graph list", error);
  }
  if (!rc && v.mv_size != 8U) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                             "the store is damaged (graph list)");
  }
  *count = rc ? 0U : get_u64((const unsigned char*)v.mv_data);
  return ASEANKG_SUCCESS;
}

static AseankgStatus
set_graph_count(AseankgStore* const store, const uint64_t graph, const uint64_t count,
                AseankgError* const error)
{
  unsigned char key[8];
  unsigned char value[8];
  put_u64(key, graph);
  put_u64(value, count);
  MDB_val   k  = { 8U, key };
  MDB_val   v  = { 8U, value };
  const int rc = mdb_put(store->txn, store->graphs, &k, &v, 0U);
  return rc ? aseankg_store__fail(store, rc, "cannot write the graph list", error) : ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_store__graph_create(AseankgStore* const store, const uint64_t graph, AseankgError* const error)
{
  int           exists = 0;
  uint64_t      count  = 0U;
  AseankgStatus st     = ASEANKG_SUCCESS;
  TRY(st, aseankg_store__graph_info(store, graph, &exists, &count, error));
  return exists ? ASEANKG_SUCCESS : set_graph_count(store, graph, 0U, error);
}

static AseankgStatus
change_quad(AseankgStore* const store, const uint64_t quad[4], const int add, int* const changed,
            AseankgError* const error)
{
  unsigned char key[KEY_SIZE];
  MDB_val       empty = { 0U, NULL };
  int           rc    = 0;
  *changed            = 0;
  for (unsigned i = 0U; !rc && i < STORE_INDEXES; ++i) {
    index_key(key, quad, i);
    MDB_val k = { KEY_SIZE, key };
    rc        = add ? mdb_put(store->txn, store->index[i], &k, &empty, MDB_NOOVERWRITE)
                    : mdb_del(store->txn, store->index[i], &k, NULL);
    if (i == 0U && (rc == MDB_KEYEXIST || rc == MDB_NOTFOUND)) {
      return ASEANKG_SUCCESS; /* already there, or not there: nothing changes */
    }
  }
  if (rc) {
    return aseankg_store__fail(store, rc, add ? "cannot add a quad" : "cannot remove a quad", error);
  }
  *changed             = 1;
  int           exists = 0;
  uint64_t      count  = 0U;
  AseankgStatus st     = ASEANKG_SUCCESS;
  TRY(st, aseankg_store__graph_info(store, quad[STORE_G], &exists, &count, error));
  return set_graph_count(store, quad[STORE_G], add ? count + 1U : count - (count > 0U), error);
}

AseankgStatus
aseankg_store__add(AseankgStore* const store, const uint64_t quad[4], int* const changed,
                   AseankgError* const error)
{
  return change_quad(store, quad, 1, changed, error);
}

AseankgStatus
aseankg_store__remove(AseankgStore* const store, const uint64_t quad[4], int* const changed,
                      AseankgError* const error)
{
  return change_quad(store, quad, 0, changed, error);
}

AseankgStatus
aseankg_store__scan_open(AseankgStore* const store, StoreScan* const scan, const uint64_t pattern[4],
                         const unsigned bound, AseankgError* const error)
{
  memset(scan, 0, sizeof(*scan));
  const unsigned triple = bound & 7U;
  const int p_o = triple == (STORE_BOUND(STORE_P) | STORE_BOUND(STORE_O)) || triple == STORE_BOUND(STORE_P);
  const int o_s = triple == (STORE_BOUND(STORE_O) | STORE_BOUND(STORE_S)) || triple == STORE_BOUND(STORE_O);
  if (bound & STORE_BOUND(STORE_G)) {
    scan->index = p_o ? GPOS : o_s ? GOSP : GSPO;
  } else {
    scan->index = p_o ? POSG : o_s ? OSPG : SPOG;
  }
  size_t n = 0U;
  for (size_t i = 0U; i < 4U; ++i) {
    if (bound & STORE_BOUND(index_order[scan->index][i])) {
      put_id(scan->prefix + ID_SIZE * n++, pattern[index_order[scan->index][i]]);
    }
  }
  scan->prefix_length = ID_SIZE * n;
  const int rc        = mdb_cursor_open(store->txn, store->index[scan->index], &scan->cursor);
  if (rc) {
    scan->cursor = NULL;
    return aseankg_store__fail(store, rc, "cannot read an index", error);
  }
  return ASEANKG_SUCCESS;
}

int
aseankg_store__scan_next(StoreScan* const scan)
{
  MDB_val k = { scan->prefix_length, scan->prefix };
  MDB_val v;
  int     rc = 0;
  if (!scan->cursor) {
    return 0;
  }
  if (!scan->started) {
    scan->started = 1;
    rc            = scan->prefix_length ? mdb_cursor_get(scan->cursor, &k, &v, MDB_SET_RANGE)
                                        : mdb_cursor_get(scan->cursor, &k, &v, MDB_FIRST);
  } else {
    rc = mdb_cursor_get(scan->cursor, &k, &v, MDB_NEXT);
  }
  if (rc) {
    return rc == MDB_NOTFOUND ? 0 : -1;
  }
  if (k.mv_size != KEY_SIZE) {
    return -1;
  }
  if (memcmp(k.mv_data, scan->prefix, scan->prefix_length)) {
    return 0;
  }
  key_quad((const unsigned char*)k.mv_data, scan->index, scan->quad);
  return 1;
}

void
aseankg_store__scan_close(StoreScan* const scan)
{
  if (scan->cursor) {
    mdb_cursor_close(scan->cursor);
    scan->cursor = NULL;
  }
}

AseankgStatus
aseankg_store__graph_clear(AseankgStore* const store, const uint64_t graph, const int drop,
                           AseankgError* const error)
{
  /* Collect first: deleting under an open cursor of the same index would move it. */
  uint64_t*     quads      = NULL;
  size_t        n          = 0U;
  size_t        room       = 0U;
  uint64_t      pattern[4] = { 0U, 0U, 0U, graph };
  StoreScan     scan;
  AseankgStatus st   = aseankg_store__scan_open(store, &scan, pattern, STORE_BOUND(STORE_G), error);
  int           more = 0;
  while (!st && (more = aseankg_store__scan_next(&scan)) > 0) {
    if (n == room) {
      room                  = room ? room * 2U : 1024U;
      uint64_t* const grown = (uint64_t*)realloc(quads, room * 4U * sizeof(uint64_t));
      if (!grown) {
        st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
        break;
      }
      quads = grown;
    }
    memcpy(quads + 4U * n++, scan.quad, sizeof(scan.quad));
  }
  aseankg_store__scan_close(&scan);
  if (!st && more < 0) {
    st = aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U, "the store is damaged (index)");
  }
  unsigned char key[KEY_SIZE];
  for (size_t q = 0U; !st && q < n; ++q) {
    for (unsigned i = 0U; !st && i < STORE_INDEXES; ++i) {
      index_key(key, quads + 4U * q, i);
      MDB_val   k  = { KEY_SIZE, key };
      const int rc = mdb_del(store->txn, store->index[i], &k, NULL);
      st           = rc ? aseankg_store__fail(store, rc, "cannot remove a quad", error) : ASEANKG_SUCCESS;
    }
  }
  free(quads);
  if (!st && drop && graph) {
    unsigned char bytes[8];
    put_u64(bytes, graph);
    MDB_val   k  = { 8U, bytes };
    const int rc = mdb_del(store->txn, store->graphs, &k, NULL);
    st           = rc && rc != MDB_NOTFOUND ? aseankg_store__fail(store, rc, "cannot drop a graph", error)
                                            : ASEANKG_SUCCESS;
  } else if (!st) {
    int      exists = 0;
    uint64_t count  = 0U;
    TRY(st, aseankg_store__graph_info(store, graph, &exists, &count, error));
    st = exists ? set_graph_count(store, graph, 0U, error) : ASEANKG_SUCCESS;
  }
  return st;
}

AseankgStatus
aseankg_store__named_graphs(AseankgStore* const store, uint64_t** const graphs, size_t* const count,
                            AseankgError* const error)
{
  *graphs            = NULL;
  *count             = 0U;
  MDB_cursor* cursor = NULL;
  MDB_val     k;
  MDB_val     v;
  size_t      room = 0U;
  int         rc   = mdb_cursor_open(store->txn, store->graphs, &cursor);
  for (rc = rc ? rc : mdb_cursor_get(cursor, &k, &v, MDB_FIRST); !rc;
       rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)) {
    if (k.mv_size != 8U) {
      rc = MDB_CORRUPTED;
      break;
    }
    const uint64_t id = get_u64((const unsigned char*)k.mv_data);
    if (!id) {
      continue;
    }
    if (*count == room) {
      room                  = room ? room * 2U : 16U;
      uint64_t* const grown = (uint64_t*)realloc(*graphs, room * sizeof(uint64_t));
      if (!grown) {
        mdb_cursor_close(cursor);
        free(*graphs);
        *graphs = NULL;
        *count  = 0U;
        return aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
      }
      *graphs = grown;
    }
    (*graphs)[(*count)++] = id;
  }
  if (cursor) {
    mdb_cursor_close(cursor);
  }
  if (rc != MDB_NOTFOUND) {
    free(*graphs);
    *graphs = NULL;
    *count  = 0U;
    return aseankg_store__fail(store, rc, "cannot read the graph list", error);
  }
  return ASEANKG_SUCCESS;
}

/* --- bulk replacement ------------------------------------------------------------------------------ */

static int
compare_keys(const void* const a, const void* const b)
{
  return memcmp(a, b, KEY_SIZE);
}

/* Insert sorted, distinct keys; appended when they all sort after the index's last key. */
static AseankgStatus
insert_sorted(AseankgStore* const store, const unsigned index, const unsigned char* const keys,
              const size_t n, AseankgError* const error)
{
  MDB_cursor* cursor = NULL;
  int         rc     = mdb_cursor_open(store->txn, store->index[index], &cursor);
  MDB_val     k;
  MDB_val     v;
  unsigned    flags = MDB_APPEND;
  if (!rc) {
    const int last = mdb_cursor_get(cursor, &k, &v, MDB_LAST);
    if (!last && n && memcmp(k.mv_data, keys, KEY_SIZE) >= 0) {
      flags = MDB_NOOVERWRITE;
    } else if (last && last != MDB_NOTFOUND) {
      rc = last;
    }
  }
  MDB_val empty = { 0U, NULL };
  for (size_t i = 0U; !rc && i < n; ++i) {
    k  = read_only_val(keys + KEY_SIZE * i, KEY_SIZE);
    rc = mdb_cursor_put(cursor, &k, &empty, flags);
    rc = rc == MDB_KEYEXIST ? 0 : rc;
  }
  if (cursor) {
    mdb_cursor_close(cursor);
  }
  return rc ? aseankg_store__fail(store, rc, "cannot write an index", error) : ASEANKG_SUCCESS;
}

/* Store ids for the graph's terms: blank nodes get new labels, other terms are looked up or added. */
static AseankgStatus
map_terms(AseankgStore* const store, const AseankgGraph* const graph, uint64_t* const ids,
          AseankgError* const error)
{
  const size_t  n  = aseankg_graph_term_count(graph);
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t t = 1U; !st && t <= n; ++t) {
    const AseankgTerm* const term = aseankg_graph_term(graph, (AseankgTermId)t);
    st                            = term->kind == ASEANKG_TERM_BLANK
                                      ? aseankg_store__fresh_blank(store, &ids[t], error)
                                      : aseankg_store__intern(store, term->key, term->key_length, &ids[t], error);
  }
  return st;
}

/* The id of named graph `graph_iri`, added to the dictionary if new. */
static AseankgStatus
intern_graph_name(AseankgStore* const store, const char* const graph_iri, uint64_t* const id,
                  AseankgError* const error)
{
  const size_t length = strlen(graph_iri) + 2U; /* "<" IRI ">" */
  char* const  key    = (char*)malloc(length + 1U);
  if (!key) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
  }
  snprintf(key, length + 1U, "<%s>", graph_iri);
  const AseankgStatus st = aseankg_store__intern(store, key, length, id, error);
  free(key);
  return st;
}

/* Write distinct quads given as `n` SPOG keys (any order; sorted and deduplicated here, `*distinct` left)
 * into every index. Each other index's keys are permuted in place from the previous one's and sorted. */
static AseankgStatus
insert_keys(AseankgStore* const store, unsigned char* const keys, const size_t n, size_t* const distinct,
            AseankgError* const error)
{
  qsort(keys, n, KEY_SIZE, compare_keys);
  size_t d = 0U;
  for (size_t i = 0U; i < n; ++i) {
    if (!d || memcmp(keys + KEY_SIZE * (d - 1U), keys + KEY_SIZE * i, KEY_SIZE)) {
      memmove(keys + KEY_SIZE * d++, keys + KEY_SIZE * i, KEY_SIZE);
    }
  }
  *distinct        = d;
  AseankgStatus st = insert_sorted(store, SPOG, keys, d, error);
  for (unsigned index = 1U; !st && index < STORE_INDEXES; ++index) {
    for (size_t i = 0U; i < d; ++i) {
      uint64_t quad[4];
      key_quad(keys + KEY_SIZE * i, index - 1U, quad);
      index_key(keys + KEY_SIZE * i, quad, index);
    }
    qsort(keys, d, KEY_SIZE, compare_keys);
    st = insert_sorted(store, index, keys, d, error);
  }
  return st;
}

/* Empty graph `graph_iri` (NULL: the default graph), creating it if named, and give its id. */
static AseankgStatus
start_graph(AseankgStore* const store, const char* const graph_iri, uint64_t* const g,
            AseankgError* const error)
{
  *g = 0U;
  if (!store->writing) {
    return aseankg_error_set(error, ASEANKG_ERR_USAGE, store->path, 0U, 0U, "no write transaction is open");
  }
  if (graph_iri && !aseankg_iri_is_valid(graph_iri)) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_IRI, "graph_iri",
                                       "<%s> is not an absolute IRI of allowed characters", graph_iri);
  }
  AseankgStatus st = ASEANKG_SUCCESS;
  if (graph_iri) {
    TRY(st, intern_graph_name(store, graph_iri, g, error));
  }
  TRY(st, aseankg_store__graph_clear(store, *g, 0, error));
  return *g ? aseankg_store__graph_create(store, *g, error) : ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_store_replace(AseankgStore* const store, const char* const graph_iri, const AseankgGraph* const graph,
                      AseankgError* const error)
{
  const size_t             n     = aseankg_graph_size(graph);
  const AseankgQuad* const quads = aseankg_graph_quads(graph);
  uint64_t* const          ids   = (uint64_t*)calloc(aseankg_graph_term_count(graph) + 1U, sizeof(uint64_t));
  unsigned char* const     keys  = (unsigned char*)malloc(n ? n * KEY_SIZE : 1U);
  AseankgStatus            st    = ASEANKG_SUCCESS;
  uint64_t                 g     = 0U;
  size_t                   distinct = 0U;
  if (!ids || !keys) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
    goto cleanup;
  }
  TRY_CLEANUP(st, start_graph(store, graph_iri, &g, error));
  TRY_CLEANUP(st, map_terms(store, graph, ids, error));
  for (size_t i = 0U; i < n; ++i) {
    const uint64_t quad[4] = { ids[quads[i].subject], ids[quads[i].predicate], ids[quads[i].object], g };
    index_key(keys + KEY_SIZE * i, quad, SPOG);
  }
  TRY_CLEANUP(st, insert_keys(store, keys, n, &distinct, error));
  TRY_CLEANUP(st, set_graph_count(store, g, distinct, error));
cleanup:
  free(ids);
  free(keys);
  return st;
}

/* --- streaming load ------------------------------------------------------------------------------- */

/* The reader's terms are forgotten after this many, so memory does not grow with the input. */
#define LOAD_BATCH_TERMS 65536U

/* A load in progress: the reader interns terms in `terms`, each quad becomes a SPOG key in `keys`. */
typedef struct {
  AseankgStore*  store;
  AseankgError*  error;
  uint64_t       graph;
  AseankgGraph*  terms;     /* the reader's terms since the last batch */
  uint64_t*      ids;       /* store id by reader term id (0: not looked up yet) */
  size_t         ids_room;  /* entries of `ids` */
  AseankgGraph*  blanks;    /* every blank label of this load, for the whole load */
  uint64_t*      blank_ids; /* store id by handle in `blanks` */
  size_t         blank_room;
  unsigned char* keys;
  size_t         n_keys;
  size_t         keys_room; /* keys `keys` has room for */
} Loader;

/* Grow `*array` of `*room` 8-byte entries, zero-filled, to hold index `index`. */
static int
grow_ids(uint64_t** const array, size_t* const room, const size_t index)
{
  if (index < *room) {
    return 1;
  }
  size_t wanted = *room ? *room : 1024U;
  while (wanted <= index) {
    wanted *= 2U;
  }
  uint64_t* const grown = (uint64_t*)realloc(*array, wanted * sizeof(uint64_t));
  if (!grown) {
    return 0;
  }
  memset(grown + *room, 0, (wanted - *room) * sizeof(uint64_t));
  *array = grown;
  *room  = wanted;
  return 1;
}

/* The store id of reader term `id`: a blank label maps to one fresh store blank node per load. */
static AseankgStatus
loader_term(Loader* const loader, const AseankgTermId id, uint64_t* const out)
{
  AseankgStore* const store = loader->store;
  if (!grow_ids(&loader->ids, &loader->ids_room, id)) {
    return aseankg_error_set(loader->error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
  }
  if (loader->ids[id]) {
    *out = loader->ids[id];
    return ASEANKG_SUCCESS;
  }
  const AseankgTerm* const term = aseankg_graph_term(loader->terms, id);
  AseankgStatus            st   = ASEANKG_SUCCESS;
  if (term->kind == ASEANKG_TERM_BLANK) {
    const AseankgTermId blank = aseankg_graph_blank(loader->blanks, term->value, term->length);
    if (!blank || !grow_ids(&loader->blank_ids, &loader->blank_room, blank)) {
      return aseankg_error_set(loader->error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
    }
    if (!loader->blank_ids[blank]) {
      TRY(st, aseankg_store__fresh_blank(store, &loader->blank_ids[blank], loader->error));
    }
    loader->ids[id] = loader->blank_ids[blank];
  } else {
    TRY(st, aseankg_store__intern(store, term->key, term->key_length, &loader->ids[id], loader->error));
  }
  *out = loader->ids[id];
  return st;
}

/* The reader's sink: one quad (its own graph name ignored) becomes a key of the loaded graph. */
static AseankgStatus
loader_add(void* const handle, const AseankgQuad* const quad)
{
  Loader* const       loader = (Loader*)handle;
  uint64_t            ids[4] = { 0U, 0U, 0U, loader->graph };
  AseankgStatus       st     = ASEANKG_SUCCESS;
  const AseankgTermId t[3]   = { quad->subject, quad->predicate, quad->object };
  for (unsigned i = 0U; i < 3U; ++i) {
    TRY(st, loader_term(loader, t[i], &ids[i]));
  }
  if (loader->n_keys == loader->keys_room) {
    const size_t         room  = loader->keys_room ? loader->keys_room * 2U : 4096U;
    unsigned char* const grown = (unsigned char*)realloc(loader->keys, room * KEY_SIZE);
    if (!grown) {
      return aseankg_error_set(loader->error, ASEANKG_ERR_NOMEM, loader->store->path, 0U, 0U,
                               "out of memory");
    }
    loader->keys      = grown;
    loader->keys_room = room;
  }
  index_key(loader->keys + KEY_SIZE * loader->n_keys++, ids, SPOG);
  /* Readers keep no term handle from one statement to the next, so the terms can go between two. */
  if (aseankg_graph_term_count(loader->terms) >= LOAD_BATCH_TERMS) {
    if (aseankg_graph_clear(loader->terms)) {
      return aseankg_error_set(loader->error, ASEANKG_ERR_NOMEM, loader->store->path, 0U, 0U,
                               "out of memory");
    }
    memset(loader->ids, 0, loader->ids_room * sizeof(uint64_t));
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_store_load(AseankgStore* const store, const char* const graph_iri, const char* const* const paths,
                   const size_t n_paths, const char* const syntax, AseankgError* const error)
{
  Loader loader;
  memset(&loader, 0, sizeof(loader));
  loader.store                = store;
  loader.error                = error;
  loader.terms                = aseankg_graph_new();
  loader.blanks               = aseankg_graph_new();
  AseankgStatus      st       = ASEANKG_SUCCESS;
  size_t             distinct = 0U;
  AseankgReadOptions options;
  memset(&options, 0, sizeof(options));
  options.sink   = loader_add;
  options.handle = &loader;
  if (!loader.terms || !loader.blanks) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
    goto cleanup;
  }
  TRY_CLEANUP(st, start_graph(store, graph_iri, &loader.graph, error));
  for (size_t i = 0U; i < n_paths; ++i) {
    TRY_CLEANUP(st, aseankg_read_path(loader.terms, paths[i], syntax, &options, error));
  }
  TRY_CLEANUP(st, insert_keys(store, loader.keys, loader.n_keys, &distinct, error));
  TRY_CLEANUP(st, set_graph_count(store, loader.graph, distinct, error));
cleanup:
  aseankg_graph_free(loader.terms);
  aseankg_graph_free(loader.blanks);
  free(loader.ids);
  free(loader.blank_ids);
  free(loader.keys);
  return st;
}

/* --- opening, formats, migration -------------------------------------------------------------------- */

static AseankgStatus
open_databases(AseankgStore* const store, const int create, AseankgError* const error)
{
  static const char* const names[4] = { "meta", "terms", "hashes", "graphs" };
  MDB_dbi* const           dbis[4]  = { &store->meta, &store->terms, &store->hashes, &store->graphs };
  const unsigned           flags    = create ? MDB_CREATE : 0U;
  int                      rc       = 0;
  for (unsigned i = 0U; !rc && i < 4U; ++i) {
    rc = mdb_dbi_open(store->txn, names[i], flags, dbis[i]);
  }
  for (unsigned i = 0U; !rc && i < STORE_INDEXES; ++i) {
    rc = mdb_dbi_open(store->txn, index_names[i], flags, &store->index[i]);
  }
  if (rc == MDB_NOTFOUND) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                             "not an aseankg store, or a damaged one (its tables are missing)");
  }
  return rc ? aseankg_store__fail(store, rc, "cannot open the store's tables", error) : ASEANKG_SUCCESS;
}

/* Write the format record of the format this code writes. */
static AseankgStatus
write_format(AseankgStore* const store, AseankgError* const error)
{
  char      text[64];
  const int n     = snprintf(text, sizeof(text), FORMAT_NAME " %d", ASEANKG_STORE_FORMAT);
  MDB_val   key   = read_only_val(FORMAT_KEY, strlen(FORMAT_KEY));
  MDB_val   value = { (size_t)n, text };
  const int rc    = mdb_put(store->txn, store->meta, &key, &value, 0U);
  return rc ? aseankg_store__fail(store, rc, "cannot write the format record", error) : ASEANKG_SUCCESS;
}

/* The format record: written when the store is created (`create`), checked on every open. A store of
 * format 1 gives `*old` 1 (it can be migrated); any other format but this one is refused. */
static AseankgStatus
check_format(AseankgStore* const store, const int create, int* const old, AseankgError* const error)
{
  MDB_val key = read_only_val(FORMAT_KEY, strlen(FORMAT_KEY));
  MDB_val value;
  int     rc = mdb_get(store->txn, store->meta, &key, &value);
  *old       = 0;
  if (rc == MDB_NOTFOUND && create) {
    return write_format(store, error);
  }
  if (rc) {
    return rc == MDB_NOTFOUND ? aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                                                  "not an aseankg store (no format record)")
                              : aseankg_store__fail(store, rc, "cannot read the format record", error);
  }
  const size_t prefix = strlen(FORMAT_NAME " ");
  char         found[64];
  snprintf(found, sizeof(found), "%.*s", (int)(value.mv_size < 63U ? value.mv_size : 63U),
           (const char*)value.mv_data);
  if (strncmp(found, FORMAT_NAME " ", prefix)) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U, "not an aseankg store");
  }
  const long version = strtol(found + prefix, NULL, 10);
  if (version > ASEANKG_STORE_FORMAT) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                             "the store has format %ld, newer than the format %d this aseankg reads; "
                             "use a newer aseankg",
                             version, ASEANKG_STORE_FORMAT);
  }
  if (version == 1 && !strcmp(found + prefix, "1")) {
    *old = 1;
    return ASEANKG_SUCCESS;
  }
  if (version != ASEANKG_STORE_FORMAT) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U, "unknown store format '%s'",
                             found);
  }
  return ASEANKG_SUCCESS;
}

/* Format 1 had 64-bit ids in 32-byte index keys: rewrite every index with format 2's keys, from the
 * quads of the old `spog`, in the open write transaction. */
static AseankgStatus
migrate_format1(AseankgStore* const store, AseankgError* const error)
{
  MDB_cursor*    cursor = NULL;
  MDB_val        k;
  MDB_val        v;
  unsigned char* keys     = NULL;
  size_t         n        = 0U;
  size_t         room     = 0U;
  size_t         distinct = 0U;
  AseankgStatus  st       = ASEANKG_SUCCESS;
  int            rc       = mdb_cursor_open(store->txn, store->index[SPOG], &cursor);
  for (rc = rc ? rc : mdb_cursor_get(cursor, &k, &v, MDB_FIRST); !rc && !st;
       rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)) {
    uint64_t quad[4];
    for (size_t i = 0U; k.mv_size == 32U && i < 4U; ++i) {
      quad[i] = get_u64((const unsigned char*)k.mv_data + 8U * i);
    }
    if (k.mv_size != 32U || quad[0] > MAX_TERM_ID || quad[1] > MAX_TERM_ID || quad[2] > MAX_TERM_ID ||
        quad[3] > MAX_TERM_ID) {
      st = aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U, "the store is damaged (index)");
      break;
    }
    if (n == room) {
      room                       = room ? room * 2U : 4096U;
      unsigned char* const grown = (unsigned char*)realloc(keys, room * KEY_SIZE);
      if (!grown) {
        st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
        break;
      }
      keys = grown;
    }
    index_key(keys + KEY_SIZE * n++, quad, SPOG);
  }
  if (cursor) {
    mdb_cursor_close(cursor);
  }
  if (!st && rc != MDB_NOTFOUND) {
    st = aseankg_store__fail(store, rc, "cannot read an index", error);
  }
  for (unsigned i = 0U; !st && i < STORE_INDEXES; ++i) {
    rc = mdb_drop(store->txn, store->index[i], 0);
    st = rc ? aseankg_store__fail(store, rc, "cannot rewrite an index", error) : ASEANKG_SUCCESS;
  }
  if (st) {
    goto cleanup;
  }
  TRY_CLEANUP(st, insert_keys(store, keys, n, &distinct, error));
  TRY_CLEANUP(st, write_format(store, error));
cleanup:
  free(keys);
  return st;
}

/* A truncated data file would fault when its missing pages are read: refuse it at open. */
static AseankgStatus
check_size(AseankgStore* const store, AseankgError* const error)
{
  char path[4200];
  snprintf(path, sizeof(path), "%s/data.mdb", store->path);
  struct stat status;
  MDB_envinfo info;
  MDB_stat    stat_info;
  if (stat(path, &status) || mdb_env_info(store->env, &info) || mdb_env_stat(store->env, &stat_info)) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot inspect the store file");
  }
  const unsigned long long needed = ((unsigned long long)info.me_last_pgno + 1ULL) * stat_info.ms_psize;
  if ((unsigned long long)status.st_size < needed) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, path, 0U, 0U,
                             "the store file is truncated (%lld bytes, its pages need %llu)",
                             (long long)status.st_size, needed);
  }
  return ASEANKG_SUCCESS;
}

static int
file_exists(const char* const directory, const char* const name)
{
  char path[4200];
  snprintf(path, sizeof(path), "%s/%s", directory, name);
  struct stat status;
  return !stat(path, &status);
}

/* Format 0: graphs.tsv ("IRI <TAB> FILE <TAB> TRIPLES" per graph) and one N-Triples file per graph. */
static AseankgStatus
migrate_format0(AseankgStore* const store, AseankgError* const error)
{
  char index_path[4200];
  snprintf(index_path, sizeof(index_path), "%s/graphs.tsv", store->path);
  FILE* const stream = fopen(index_path, "rb");
  if (!stream) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, index_path, 0U, 0U, "cannot read: %s", strerror(errno));
  }
  char*         line     = NULL;
  size_t        capacity = 0U;
  unsigned      number   = 0U;
  AseankgStatus st       = ASEANKG_SUCCESS;
  while (!st && getline(&line, &capacity, stream) > 0) {
    ++number;
    char* const tab1 = strchr(line, '\t');
    char* const tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (!tab2) {
      st = aseankg_error_set(error, ASEANKG_ERR_DATA, index_path, number, 1U, "malformed store index line");
      break;
    }
    *tab1 = '\0';
    *tab2 = '\0';
    char graph_path[4300];
    snprintf(graph_path, sizeof(graph_path), "%s/%s", store->path, tab1 + 1);
    const char* const paths[1] = { graph_path };
    st                         = aseankg_store_load(store, line, paths, 1U, "ntriples", error);
  }
  free(line);
  fclose(stream);
  return st;
}

/* After a committed migration: the old index first, so a crash midway leaves a store of the new format. */
static void
remove_format0(const AseankgStore* const store)
{
  char path[4200];
  snprintf(path, sizeof(path), "%s/graphs.tsv", store->path);
  FILE* const stream = fopen(path, "rb");
  char        graphs[4200];
  snprintf(graphs, sizeof(graphs), "%s/graphs", store->path);
  if (!stream) {
    return;
  }
  char*  line     = NULL;
  size_t capacity = 0U;
  char** files    = NULL;
  size_t n        = 0U;
  while (getline(&line, &capacity, stream) > 0) {
    char* const tab1  = strchr(line, '\t');
    char* const tab2  = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    char**      grown = tab2 ? (char**)realloc(files, (n + 1U) * sizeof(char*)) : NULL;
    if (grown) {
      *tab2      = '\0';
      files      = grown;
      files[n++] = strdup(tab1 + 1);
    }
  }
  free(line);
  fclose(stream);
  remove(path);
  for (size_t i = 0U; i < n; ++i) {
    char file[4300];
    if (files[i]) {
      snprintf(file, sizeof(file), "%s/%s", store->path, files[i]);
      remove(file);
    }
    free(files[i]);
  }
  free(files);
  rmdir(graphs);
}

static AseankgStatus
open_environment(AseankgStore* const store, const AseankgStoreMode mode, AseankgError* const error)
{
  int rc = mdb_env_create(&store->env);
  rc     = rc ? rc : mdb_env_set_maxdbs(store->env, 16U);
  rc     = rc ? rc : mdb_env_set_maxreaders(store->env, 254U);
  rc =
    rc ? rc : mdb_env_set_mapsize(store->env, sizeof(size_t) >= 8U ? (size_t)1U << 35U : (size_t)1U << 30U);
  rc = rc ? rc
          : mdb_env_open(store->env, store->path, MDB_NOTLS | (mode == ASEANKG_STORE_READ ? MDB_RDONLY : 0U),
                         0666);
  if (rc) {
    return rc == MDB_INVALID || rc == MDB_VERSION_MISMATCH
             ? aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                                 "the store file is damaged or not an LMDB file (%s)", mdb_strerror(rc))
             : aseankg_store__fail(store, rc, "cannot open the store", error);
  }
  return check_size(store, error);
}

/* Open the tables of a store opened for writing, creating a new store or migrating an older one. */
static AseankgStatus
open_writing(AseankgStore* const store, const int fresh, AseankgError* const error)
{
  const int     format0 = fresh && file_exists(store->path, "graphs.tsv");
  int           format1 = 0;
  AseankgStatus st      = ASEANKG_SUCCESS;
  TRY(st, aseankg_store_begin(store, error));
  TRY(st, open_databases(store, 1, error));
  TRY(st, check_format(store, 1, &format1, error));
  if (format1) {
    TRY(st, migrate_format1(store, error));
  }
  if (format0) {
    TRY(st, migrate_format0(store, error));
  }
  TRY(st, aseankg_store_commit(store, error));
  if (format0) {
    remove_format0(store);
  }
  return ASEANKG_SUCCESS;
}

/* Open the tables of a store opened for reading; an older store is refused. */
static AseankgStatus
open_reading(AseankgStore* const store, AseankgError* const error)
{
  int           format1 = 0;
  AseankgStatus st      = ASEANKG_SUCCESS;
  TRY(st, aseankg_store__read_begin(store, error));
  TRY(st, open_databases(store, 0, error));
  TRY(st, check_format(store, 0, &format1, error));
  if (format1) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U,
                             "the store has format 1 (64-bit index keys); opening it for writing migrates it "
                             "to format %d",
                             ASEANKG_STORE_FORMAT);
  }
  const int rc = mdb_txn_commit(store->txn); /* keeps the table handles */
  store->txn   = NULL;
  return rc ? aseankg_store__fail(store, rc, "cannot open the store's tables", error) : ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_store_open(AseankgStore** const store_out, const char* const path, const AseankgStoreMode mode,
                   AseankgError* const error)
{
  *store_out                = NULL;
  AseankgStore* const store = (AseankgStore*)calloc(1U, sizeof(AseankgStore));
  if (!store || !(store->path = strdup(path))) {
    free(store);
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }
  store->writable     = mode == ASEANKG_STORE_WRITE;
  const int     fresh = !file_exists(path, "data.mdb");
  AseankgStatus st    = ASEANKG_SUCCESS;
  if (fresh && mode == ASEANKG_STORE_READ) {
    st = file_exists(path, "graphs.tsv")
           ? aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U,
                               "the store has format 0 (a directory of N-Triples files); "
                               "opening it for writing migrates it")
           : aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "no store here");
    goto cleanup;
  }
  if (mode == ASEANKG_STORE_WRITE) {
    TRY_CLEANUP(st, make_directories(path, error));
  }
  TRY_CLEANUP(st, open_environment(store, mode, error));
  TRY_CLEANUP(st,
              mode == ASEANKG_STORE_WRITE ? open_writing(store, fresh, error) : open_reading(store, error));
  *store_out = store;
  return ASEANKG_SUCCESS;
cleanup:
  aseankg_store_free(store);
  return st;
}

int
aseankg_store_old_format(const char* const path)
{
  if (!file_exists(path, "data.mdb")) {
    return file_exists(path, "graphs.tsv") ? 0 : -1;
  }
  AseankgStore store;
  memset(&store, 0, sizeof(store));
  AseankgError error;
  aseankg_error_clear(&error);
  if (!(store.path = strdup(path))) {
    return -1;
  }
  int       old   = 0;
  const int found = open_environment(&store, ASEANKG_STORE_READ, &error) == ASEANKG_SUCCESS &&
                    aseankg_store__read_begin(&store, &error) == ASEANKG_SUCCESS &&
                    open_databases(&store, 0, &error) == ASEANKG_SUCCESS &&
                    check_format(&store, 0, &old, &error) == ASEANKG_SUCCESS && old;
  aseankg_store__read_end(&store);
  if (store.env) {
    mdb_env_close(store.env);
  }
  free(store.path);
  return found ? 1 : -1;
}

void
aseankg_store_free(AseankgStore* const store)
{
  if (store) {
    aseankg_store_abort(store);
    if (store->env) {
      mdb_env_close(store->env);
    }
    free(store->path);
    free(store);
  }
}

AseankgStatus
aseankg_store_count(AseankgStore* const store, size_t* const graphs, size_t* const triples,
                    AseankgError* const error)
{
  *graphs              = 0U;
  *triples             = 0U;
  AseankgStatus st     = ASEANKG_SUCCESS;
  MDB_cursor*   cursor = NULL;
  MDB_val       k;
  MDB_val       v;
  TRY(st, aseankg_store__read_begin(store, error));
  int rc = mdb_cursor_open(store->txn, store->graphs, &cursor);
  for (rc = rc ? rc : mdb_cursor_get(cursor, &k, &v, MDB_FIRST); !rc;
       rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)) {
    if (k.mv_size != 8U || v.mv_size != 8U) {
      rc = MDB_CORRUPTED;
      break;
    }
    *graphs += get_u64((const unsigned char*)k.mv_data) != 0U;
    *triples += (size_t)get_u64((const unsigned char*)v.mv_data);
  }
  if (cursor) {
    mdb_cursor_close(cursor);
  }
  if (rc != MDB_NOTFOUND) {
    st = aseankg_store__fail(store, rc, "cannot read the graph list", error);
  }
  aseankg_store__read_end(store);
  return st;
}

/* --- listing and dumping ----------------------------------------------------------------------------- */

static int
compare_strings(const void* const a, const void* const b)
{
  return strcmp(*(const char* const*)a, *(const char* const*)b);
}

AseankgStatus
aseankg_store_list(AseankgStore* const store, FILE* const stream, AseankgError* const error)
{
  uint64_t*     graphs = NULL;
  size_t        n      = 0U;
  char**        lines  = NULL;
  AseankgStatus st     = ASEANKG_SUCCESS;
  int           exists = 0;
  uint64_t      count  = 0U;
  TRY(st, aseankg_store__read_begin(store, error));
  TRY_CLEANUP(st, aseankg_store__graph_info(store, 0U, &exists, &count, error));
  if (count) {
    fprintf(stream, "%llu\tDEFAULT\n", (unsigned long long)count);
  }
  TRY_CLEANUP(st, aseankg_store__named_graphs(store, &graphs, &n, error));
  if (!(lines = (char**)calloc(n + 1U, sizeof(char*)))) {
    st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
    goto cleanup;
  }
  for (size_t i = 0U; i < n; ++i) {
    const char* key    = NULL;
    size_t      length = 0U;
    TRY_CLEANUP(st, aseankg_store__term(store, graphs[i], &key, &length, error));
    TRY_CLEANUP(st, aseankg_store__graph_info(store, graphs[i], &exists, &count, error));
    if (!(lines[i] = (char*)malloc(length + 32U))) {
      st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
      goto cleanup;
    }
    snprintf(lines[i], length + 32U, "%.*s\t%llu", (int)length, key, (unsigned long long)count);
  }
  qsort(lines, n, sizeof(char*), compare_strings);
  for (size_t i = 0U; i < n; ++i) {
    const char* const tab = strrchr(lines[i], '\t');
    fprintf(stream, "%s\t%.*s\n", tab + 1, (int)(tab - lines[i]), lines[i]);
  }
cleanup:
  for (size_t i = 0U; lines && i < n; ++i) {
    free(lines[i]);
  }
  free(lines);
  free(graphs);
  aseankg_store__read_end(store);
  if (!st && ferror(stream)) {
    st = aseankg_error_set(error, ASEANKG_ERR_IO, "graph list", 0U, 0U, "write error");
  }
  return st;
}

/* Add the stored quads of graph `g` (every graph when `all`) to `out`, through the canonical reader. */
static AseankgStatus
collect_graph(AseankgStore* const store, const uint64_t g, const int all, AseankgGraph* const out,
              AseankgError* const error)
{
  uint64_t      pattern[4] = { 0U, 0U, 0U, g };
  StoreScan     scan;
  AseankgStatus st = aseankg_store__scan_open(store, &scan, pattern, all ? 0U : STORE_BOUND(STORE_G), error);
  int           more = 0;
  char*         line = NULL;
  size_t        room = 0U;
  while (!st && (more = aseankg_store__scan_next(&scan)) > 0) {
    size_t length = 0U;
    for (unsigned i = 0U; !st && i < 4U; ++i) {
      const char* key = NULL;
      size_t      n   = 0U;
      if (i == STORE_G && !(all && scan.quad[STORE_G])) {
        break;
      }
      st = aseankg_store__term(store, scan.quad[i], &key, &n, error);
      if (!st && length + n + 4U > room) {
        room              = (length + n + 4U) * 2U;
        char* const grown = (char*)realloc(line, room);
        if (!grown) {
          st = aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
          break;
        }
        line = grown;
      }
      if (!st && line && key) {
        memcpy(line + length, key, n);
        length += n;
        line[length++] = ' ';
      }
    }
    if (st || !line) {
      break;
    }
    line[length++] = '.';
    AseankgQuad quad;
    TRY_CLEANUP(st, aseankg_ntriples_read_row(out, store->path, 0U, line, length, 0U, &quad, error));
    TRY_CLEANUP(st, aseankg_graph_add(out, quad.subject, quad.predicate, quad.object, quad.graph));
  }
cleanup:
  aseankg_store__scan_close(&scan);
  free(line);
  if (!st && more < 0) {
    st = aseankg_error_set(error, ASEANKG_ERR_DATA, store->path, 0U, 0U, "the store is damaged (index)");
  }
  return st;
}

/* The id of existing named graph `graph_iri`; a graph the store lacks is an error about that argument. */
static AseankgStatus
lookup_graph(AseankgStore* const store, const char* const graph_iri, uint64_t* const g,
             AseankgError* const error)
{
  const size_t length = strlen(graph_iri) + 2U;
  char* const  key    = (char*)malloc(length + 1U);
  if (!key) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
  }
  snprintf(key, length + 1U, "<%s>", graph_iri);
  AseankgStatus st     = aseankg_store__lookup(store, key, length, g, error);
  int           exists = 0;
  uint64_t      count  = 0U;
  free(key);
  if (!st && *g) {
    st = aseankg_store__graph_info(store, *g, &exists, &count, error);
  }
  if (!st && !exists) {
    st = aseankg_error_set_parameter(error, ASEANKG_ERR_DATA, "graph_iri", "the store holds no graph <%s>",
                                     graph_iri);
  }
  return st;
}

static AseankgStatus
dump(AseankgStore* const store, const char* const graph_iri, const int all, FILE* const stream,
     AseankgError* const error)
{
  AseankgGraph* const graph = aseankg_graph_new();
  AseankgStatus       st    = ASEANKG_SUCCESS;
  uint64_t            g     = 0U;
  if (!graph) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, store->path, 0U, 0U, "out of memory");
  }
  TRY_CLEANUP(st, aseankg_store__read_begin(store, error));
  if (graph_iri) {
    TRY_CLEANUP(st, lookup_graph(store, graph_iri, &g, error));
  }
  TRY_CLEANUP(st, collect_graph(store, g, all, graph, error));
  aseankg_store__read_end(store);
  aseankg_graph_sort(graph);
  if ((st = aseankg_ntriples_write(graph, stream, all))) {
    /* the caller knows what the stream is: the error names the parameter */
    st = aseankg_error_set_parameter(error, st, "stream", "%s",
                                     st == ASEANKG_ERR_NOMEM ? "out of memory" : "write error");
  }
cleanup:
  aseankg_store__read_end(store);
  aseankg_graph_free(graph);
  return st;
}

AseankgStatus
aseankg_store_dump(AseankgStore* const store, const char* const graph_iri, FILE* const stream,
                   AseankgError* const error)
{
  return dump(store, graph_iri, 0, stream, error);
}

AseankgStatus
aseankg_store_dump_all(AseankgStore* const store, FILE* const stream, AseankgError* const error)
{
  return dump(store, NULL, 1, stream, error);
}
