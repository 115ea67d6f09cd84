/* Every function that frees or releases a public type is a no-op on NULL (and on a zeroed value),
   as free(3) is; tests/free_null.sh checks that this file calls each one the headers declare. */
#include "aseankg/aseankg.h"
#include "aseankg/canon.h"
#include "aseankg/fmt.h"
#include "aseankg/remote.h"
#include "aseankg/store.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static void
test_null(void** const state)
{
  (void)state;
  aseankg_canon_labels_release(NULL);
  aseankg_data_free(NULL);
  aseankg_diff_free(NULL);
  aseankg_error_clear(NULL);
  aseankg_fmt_free(NULL);
  aseankg_graph_free(NULL);
  aseankg_mention_list_free(NULL);
  aseankg_ontology_free(NULL);
  aseankg_output_abort(NULL);
  aseankg_prefix_list_release(NULL);
  aseankg_project_release(NULL);
  aseankg_quad_list_release(NULL);
  aseankg_store_abort(NULL);
  aseankg_store_free(NULL);
  aseankg_text_free(NULL);
}

/* The value-type releases also take a zeroed value, what a caller has before the call that fills it. */
static void
test_zeroed(void** const state)
{
  (void)state;
  AseankgCanonLabels labels;
  memset(&labels, 0, sizeof(labels));
  aseankg_canon_labels_release(&labels);
  AseankgProject project;
  memset(&project, 0, sizeof(project));
  aseankg_project_release(&project);
  AseankgOutput output;
  memset(&output, 0, sizeof(output));
  aseankg_output_abort(&output);
  AseankgPrefixList prefixes;
  memset(&prefixes, 0, sizeof(prefixes));
  aseankg_prefix_list_release(&prefixes);
  AseankgQuadList list;
  memset(&list, 0, sizeof(list));
  aseankg_quad_list_release(&list);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_null),
    cmocka_unit_test(test_zeroed),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
