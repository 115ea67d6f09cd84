/* Unit tests for the graph builder on a tiny data directory made in a temporary directory: the counts,
   the IRIs minted under the base, a bad base refused, and a data error pointing at its YAML. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include "aseankg/aseankg.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#define BASE "http://example.org/kg/"

static const char dataset_yaml[] = "dataset:\n"
                                   "  title: tiny\n"
                                   "  version: \"1\"\n"
                                   "  created: 2026-01-01\n"
                                   "  license: https://creativecommons.org/licenses/by/4.0/\n"
                                   "documents:\n"
                                   "  - id: doc-one\n"
                                   "    text: doc.zh.txt\n"
                                   "    title_zh: 标题\n"
                                   "    title_en: Title\n"
                                   "    publisher: xinhua\n"
                                   "    published: 2022-11-12\n"
                                   "    dateline_place: phnom-penh\n"
                                   "    dateline_date: 2022-11-11\n"
                                   "    language: zh\n";

static const char entities_yaml[] =
  "entities:\n"
  "  - {id: xinhua, type: NewsAgency, zh: 新华社, en: Xinhua News Agency}\n"
  "  - {id: phnom-penh, type: City, zh: 金边, en: Phnom Penh}\n"
  "  - {id: cambodia, type: Country, zh: 柬埔寨, en: Kingdom of Cambodia}\n";

static const char relations_yaml[] = "relations:\n"
                                     "  - subject: phnom-penh\n"
                                     "    predicate: locatedIn\n"
                                     "    object: cambodia\n"
                                     "    segment: preamble-1\n"
                                     "    evidence: 柬埔寨金边\n";

/* A header line, the title, one preamble paragraph, one clause. */
static const char text[] = "新华社金边电\n标题\n会议在柬埔寨金边举行。\n一、金边欢迎。\n";

typedef struct {
  char dir[64];
  char ontology[4096];
} Fixture;

static void
write_file(const char* const dir, const char* const name, const char* const contents)
{
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", dir, name);
  FILE* const file = fopen(path, "wb");
  assert_non_null(file);
  fputs(contents, file);
  assert_int_equal(fclose(file), 0);
}

static int
set_up(void** const state)
{
  Fixture* const f = (Fixture*)calloc(1U, sizeof(Fixture));
  if (!f) {
    return -1;
  }
  snprintf(f->dir, sizeof(f->dir), "/tmp/aseankg-test-export-XXXXXX");
  const char* const source = getenv("ASEANKG_SOURCE_DIR");
  snprintf(f->ontology, sizeof(f->ontology), "%s/ontology/aseankg.ttl", source ? source : ".");
  if (!mkdtemp(f->dir)) {
    free(f);
    return -1;
  }
  write_file(f->dir, "dataset.yaml", dataset_yaml);
  write_file(f->dir, "entities.yaml", entities_yaml);
  write_file(f->dir, "relations.yaml", relations_yaml);
  write_file(f->dir, "doc.zh.txt", text);
  *state = f;
  return 0;
}

static int
tear_down(void** const state)
{
  Fixture* const    f       = (Fixture*)*state;
  const char* const names[] = { "dataset.yaml", "entities.yaml", "relations.yaml", "doc.zh.txt" };
  for (size_t i = 0U; i < sizeof(names) / sizeof(names[0]); ++i) {
    char path[256];
    snprintf(path, sizeof(path), "%s/%s", f->dir, names[i]);
    unlink(path);
  }
  rmdir(f->dir);
  free(f);
  return 0;
}

static int
has_iri(const AseankgGraph* const graph, const char* const iri)
{
  char key[512];
  snprintf(key, sizeof(key), "<%s>", iri);
  return aseankg_graph_lookup(graph, key, strlen(key)) != 0U;
}

/* The counts: 3 entities, 1 relation, 4 segments (header-1, title, preamble-1, clause-1), 5 mentions, and
   as many triples as the graph holds. */
static void
test_build_counts(void** const state)
{
  Fixture* const f = (Fixture*)*state;
  AseankgProject project;
  AseankgError   error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_project_load(&project, f->dir, f->ontology, &error), ASEANKG_SUCCESS);

  AseankgGraph* const graph = aseankg_graph_new();
  assert_non_null(graph);
  AseankgExportStats stats;
  assert_int_equal(aseankg_export_build(graph, &project, BASE, 0, &stats, &error), ASEANKG_SUCCESS);
  assert_int_equal(stats.entities, 3U);
  assert_int_equal(stats.relations, 1U);
  assert_int_equal(stats.segments, 4U);
  assert_int_equal(stats.mentions, 5U); /* 新华社, 金边 (header), 柬埔寨, 金边 (preamble), 金边 (clause) */
  assert_int_equal(stats.triples, aseankg_graph_size(graph));

  /* The same scan through the mention API. */
  AseankgMentionList* mentions = NULL;
  assert_int_equal(aseankg_export_mentions(&mentions, &project, &error), ASEANKG_SUCCESS);
  assert_int_equal(mentions->count, stats.mentions);
  aseankg_mention_list_free(mentions);

  aseankg_graph_free(graph);
  aseankg_project_release(&project);
}

/* IRIs are minted under the base: entities, the document, its segments; named graphs by version. */
static void
test_minted_iris(void** const state)
{
  Fixture* const f = (Fixture*)*state;
  AseankgProject project;
  AseankgError   error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_project_load(&project, f->dir, f->ontology, &error), ASEANKG_SUCCESS);

  AseankgGraph* const graph = aseankg_graph_new();
  assert_non_null(graph);
  assert_int_equal(aseankg_export_build(graph, &project, BASE, 1, NULL, &error), ASEANKG_SUCCESS);
  assert_true(has_iri(graph, BASE "entity/cambodia"));
  assert_true(has_iri(graph, BASE "doc/doc-one"));
  assert_true(has_iri(graph, BASE "doc/doc-one/clause-1"));
  assert_true(has_iri(graph, BASE "graph/1"));
  assert_true(has_iri(graph, BASE "graph/1/doc-one"));

  char       iri[256];
  const char expected[] = BASE "entity/phnom-penh";
  assert_int_equal(aseankg_export_entity_iri(iri, sizeof(iri), BASE, "phnom-penh"), strlen(expected));
  assert_string_equal(iri, expected);
  assert_int_equal(aseankg_export_entity_iri(iri, 8U, BASE, "phnom-penh"), 0U); /* does not fit */
  assert_int_equal(aseankg_project_entity_iri(iri, sizeof(iri), &project, BASE, 1U), strlen(expected));
  assert_string_equal(iri, expected);

  aseankg_graph_free(graph);
  aseankg_project_release(&project);
}

/* A base that is not an absolute IRI ending in '/' or '#' is refused, naming the parameter. */
static void
test_bad_base(void** const state)
{
  Fixture* const    f     = (Fixture*)*state;
  const char* const bad[] = { "http://x y/", "example.org/kg/", "http://example.org/kg",
                              "http://e.org/<a>/" };
  AseankgProject    project;
  AseankgError      error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_project_load(&project, f->dir, f->ontology, &error), ASEANKG_SUCCESS);
  for (size_t i = 0U; i < sizeof(bad) / sizeof(bad[0]); ++i) {
    aseankg_error_clear(&error);
    assert_int_equal(aseankg_export_check_base(bad[i], &error), ASEANKG_ERR_IRI);
    assert_string_equal(error.parameter, "base");

    AseankgGraph* const graph = aseankg_graph_new();
    aseankg_error_clear(&error);
    assert_int_equal(aseankg_export_build(graph, &project, bad[i], 0, NULL, &error), ASEANKG_ERR_IRI);
    assert_string_equal(error.parameter, "base");
    assert_int_equal(aseankg_graph_size(graph), 0U);
    aseankg_graph_free(graph);
  }
  assert_int_equal(aseankg_export_check_base(BASE, NULL), ASEANKG_SUCCESS);
  assert_int_equal(aseankg_export_check_base("urn:x:kg#", NULL), ASEANKG_SUCCESS);
  aseankg_project_release(&project);
}

/* A relation whose evidence is not in its segment: a data error at the relation's line in relations.yaml. */
static void
test_data_error(void** const state)
{
  Fixture* const f = (Fixture*)*state;
  write_file(f->dir, "relations.yaml",
             "relations:\n"
             "  - subject: phnom-penh\n"
             "    predicate: locatedIn\n"
             "    object: cambodia\n"
             "    segment: clause-1\n"
             "    evidence: 柬埔寨金边\n");
  AseankgProject project;
  AseankgError   error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_project_load(&project, f->dir, f->ontology, &error), ASEANKG_SUCCESS);
  AseankgGraph* const graph = aseankg_graph_new();
  assert_int_equal(aseankg_export_build(graph, &project, BASE, 0, NULL, &error), ASEANKG_ERR_DATA);
  assert_non_null(strstr(error.file, "relations.yaml"));
  assert_true(error.line >= 2U && error.line <= 6U);
  aseankg_graph_free(graph);
  aseankg_project_release(&project);

  /* A directory without the dataset: loading fails and leaves nothing allocated. */
  aseankg_error_clear(&error);
  assert_int_not_equal(aseankg_project_load(&project, "/nonexistent-aseankg", f->ontology, &error),
                       ASEANKG_SUCCESS);
  assert_null(project.data);
  assert_null(project.texts);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_build_counts, set_up, tear_down),
    cmocka_unit_test_setup_teardown(test_minted_iris, set_up, tear_down),
    cmocka_unit_test_setup_teardown(test_bad_base, set_up, tear_down),
    cmocka_unit_test_setup_teardown(test_data_error, set_up, tear_down),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
