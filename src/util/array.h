/* Growable arrays: the one doubling rule every module's item arrays use. */
#ifndef ASEANKG_SRC_ARRAY_H
#define ASEANKG_SRC_ARRAY_H

#include "aseankg/status.h"

#include <stddef.h>

/** aseankg_array_reserve() when the array is too small: reallocates it. */
AseankgStatus aseankg_array_grow(void** array, size_t* capacity, size_t count, size_t size);

/**
   Make room for `count` items of `size` bytes in `*array`, which has room
   for `*capacity`: when that is too few, double the capacity (from 4) until
   it is enough and reallocate. On failure (ASEANKG_ERR_NOMEM) the array and
   its capacity are as they were. Inline because most calls need nothing.
*/
static inline AseankgStatus
aseankg_array_reserve(void** const array, size_t* const capacity, const size_t count, const size_t size)
{
  return count <= *capacity ? ASEANKG_SUCCESS : aseankg_array_grow(array, capacity, count, size);
}

#endif /* ASEANKG_SRC_ARRAY_H */
