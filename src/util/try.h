/* The one way a status is passed up: TRY returns it, TRY_CLEANUP jumps to the function's `cleanup:` label. */
#ifndef ASEANKG_SRC_TRY_H
#define ASEANKG_SRC_TRY_H

/*
   Evaluate `expr` (an AseankgStatus), keep it in `st`, and return it from the
   calling function unless it is ASEANKG_SUCCESS. The error was recorded where
   it happened; the caller only passes the status up.
*/
#define TRY(st, expr)      \
  do {                     \
    if (((st) = (expr))) { \
      return (st);         \
    }                      \
  } while (0)

/*
   As TRY, for a function that owns resources: on failure jump forward to its
   one `cleanup:` label, which frees them and returns `st`.
*/
#define TRY_CLEANUP(st, expr) \
  do {                        \
    if (((st) = (expr))) {    \
      goto cleanup;           \
    }                         \
  } while (0)

#endif /* ASEANKG_SRC_TRY_H */
