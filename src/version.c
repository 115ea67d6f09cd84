/* The library version, from the one place CMake defines it. */
#include "aseankg/aseankg.h"

#include "version.h"

#include <raptor2.h>
#include <redland.h>

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

const char*
aseankg_librdf_version(void)
{
  return librdf_version_string;
}
