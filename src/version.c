/* The library version, from the one place CMake defines it. */
#include "aseankg/aseankg.h"

#include "version.h"

#include <raptor2.h>

const char*
aseankg_version(void)
{
  return ASEANKG_VERSION_STRING;
}

const char*
aseankg_raptor_version(void)
{
  return raptor_version_string;
}
