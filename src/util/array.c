/* Growable arrays: the slow path of aseankg_array_reserve(). */
#include "array.h"

#include <stdint.h>
#include <stdlib.h>

AseankgStatus
aseankg_array_grow(void** const array, size_t* const capacity, const size_t count, const size_t size)
{
  size_t wanted = *capacity ? *capacity : 4U;
  while (wanted < count) {
    if (wanted > SIZE_MAX / 2U) {
      return ASEANKG_ERR_NOMEM;
    }
    wanted *= 2U;
  }
  if (wanted > SIZE_MAX / size) {
    return ASEANKG_ERR_NOMEM;
  }
  void* const grown = realloc(*array, wanted * size);
  if (!grown) {
    return ASEANKG_ERR_NOMEM;
  }
  *array    = grown;
  *capacity = wanted;
  return ASEANKG_SUCCESS;
}
