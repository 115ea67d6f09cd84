/* aseankg status codes and the error record every fallible call fills. */
#ifndef ASEANKG_STATUS_H
#define ASEANKG_STATUS_H

#include "aseankg/api.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Result of every fallible library call. 0 is success; the rest are errors. */
typedef enum {
  ASEANKG_SUCCESS = 0,  /**< Done. */
  ASEANKG_ERR_NOMEM,    /**< Out of memory. */
  ASEANKG_ERR_IO,       /**< A file could not be read or written. */
  ASEANKG_ERR_SYNTAX,   /**< Malformed input (YAML, RDF, UTF-8). */
  ASEANKG_ERR_DATA,     /**< Well-formed input that breaks a data rule. */
  ASEANKG_ERR_ONTOLOGY, /**< A term the ontology does not declare. */
  ASEANKG_ERR_IRI,      /**< A string that cannot become an IRI. */
  ASEANKG_ERR_USAGE     /**< The caller passed an invalid argument. */
} AseankgStatus;

/** Return a short static description of `status`; never NULL. */
ASEANKG_API const char* aseankg_strerror(AseankgStatus status);

/**
   Where an error happened and what it was.

   `line` and `column` are 1-based; 0 means "not tied to a position" (an
   error about a whole file, such as one that cannot be opened). An error
   about an argument of a call rather than an input names that argument in
   `parameter` (e.g. "around" of AseankgDotOptions) and leaves `file` empty.
   The record holds copies, so it stays valid after whatever failed has been
   freed.
*/
typedef struct {
  AseankgStatus status;
  char          file[1024];
  unsigned      line;
  unsigned      column;
  char          parameter[64];
  char          message[512];
} AseankgError;

/** Reset `error` to success. Safe on NULL. */
ASEANKG_API void aseankg_error_clear(AseankgError* error);

/**
   Record an error in `error` (NULL is allowed and ignored) unless one is
   already recorded: the first error is the one reported. Returns `status`
   so a caller can write `return aseankg_error_set(...)`.
*/
ASEANKG_API AseankgStatus aseankg_error_set(AseankgError* error, AseankgStatus status, const char* file,
                                            unsigned line, unsigned column, const char* format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 6, 7)))
#endif
  ;

/**
   Record an error about argument `parameter` of a call (named as in the
   API's declaration), unless one is already recorded. Returns `status`.
*/
ASEANKG_API AseankgStatus aseankg_error_set_parameter(AseankgError* error, AseankgStatus status,
                                                      const char* parameter, const char* format, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 4, 5)))
#endif
  ;

/**
   Write `error` as one line to `buffer`: `FILE:LINE:COL: message`, or
   `FILE: message` when it has no position, `PARAMETER: message` when it is
   about an argument. Returns `buffer`.
*/
ASEANKG_API char* aseankg_error_format(const AseankgError* error, char* buffer, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* ASEANKG_STATUS_H */
