/* A program outside the project: builds a tiny graph through the installed library and writes it. */
#include <aseankg/aseankg.h>

#include <stdio.h>
#include <string.h>

int
main(void)
{
  AseankgGraph* const graph = aseankg_graph_new();
  if (!graph) {
    return 1;
  }
  const AseankgTermId s = aseankg_graph_iri(graph, "http://example.org/s", strlen("http://example.org/s"));
  const AseankgTermId p = aseankg_graph_iri(graph, "http://example.org/p", strlen("http://example.org/p"));
  const AseankgTermId o = aseankg_graph_literal(graph, "东盟", strlen("东盟"), 0U, "zh", NULL);
  const int           failed = aseankg_graph_add(graph, s, p, o, 0U) != ASEANKG_SUCCESS ||
                     aseankg_ntriples_write(graph, stdout, 0) != ASEANKG_SUCCESS;
  printf("aseankg %s\n", aseankg_version());
  aseankg_graph_free(graph);
  return failed;
}
