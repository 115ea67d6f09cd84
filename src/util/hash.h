/* The 64-bit mixing function the hash tables and the diff's colour refinement share. */
#ifndef ASEANKG_SRC_HASH_H
#define ASEANKG_SRC_HASH_H

#include <stdint.h>

/** A bijective mix with full avalanche (the splitmix64 finaliser). */
static inline uint64_t
aseankg_hash_mix(uint64_t x)
{
  x ^= x >> 30U;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27U;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31U);
}

#endif /* ASEANKG_SRC_HASH_H */
