/* Unit tests for the YAML data reader: shapes, positions of errors, and the shipped data loading cleanly. */
#include "aseankg/aseankg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* A dataset of one document, for parsing a relations file against. */
static const char one_document[] = "dataset: {title: t, version: v, created: c, license: l}\n"
                                   "documents:\n"
                                   "  - {id: d, text: d.txt, title_zh: t, title_en: t, publisher: p,\n"
                                   "     published: x, dateline_place: p, dateline_date: x, language: zh}\n";

/* Parse `yaml` as the file called `name` (relations after a one-document dataset). */
static AseankgStatus
parse(const char* const name, const char* const yaml, AseankgError* const error, AseankgData** const out)
{
  AseankgData* const data = aseankg_data_new("mem");
  assert_non_null(data);
  aseankg_error_clear(error);
  const AseankgDataFile kind = !strcmp(name, "dataset.yaml")    ? ASEANKG_DATA_DATASET
                               : !strcmp(name, "entities.yaml") ? ASEANKG_DATA_ENTITIES
                                                                : ASEANKG_DATA_RELATIONS;
  if (kind == ASEANKG_DATA_RELATIONS) {
    assert_int_equal(aseankg_data_parse(data, ASEANKG_DATA_DATASET, 0U, "dataset.yaml", one_document,
                                        strlen(one_document), error),
                     ASEANKG_SUCCESS);
  }
  const AseankgStatus st = aseankg_data_parse(data, kind, 0U, name, yaml, strlen(yaml), error);
  if (out) {
    *out = data;
  } else {
    aseankg_data_free(data);
  }
  return st;
}

static void
expect_error(const char* const name, const char* const yaml, const unsigned line, const unsigned column,
             const char* const message)
{
  AseankgError error;
  assert_int_not_equal(parse(name, yaml, &error, NULL), ASEANKG_SUCCESS);
  if (error.line != line || error.column != column || !strstr(error.message, message)) {
    fail_msg("got %u:%u: %s; expected %u:%u: ...%s...", error.line, error.column, error.message, line, column,
             message);
  }
}

static void
test_entities(void** const state)
{
  (void)state;
  AseankgError error;
  AseankgData* data = NULL;
  assert_int_equal(parse("entities.yaml",
                         "entities:\n"
                         "  - id: china\n"
                         "    type: Country\n"
                         "    zh: 中华人民共和国\n"
                         "    en: People's Republic of China\n"
                         "    aliases: [中国, 中方]\n"
                         "  - {id: gdi, type: Initiative, zh: 全球发展倡议, en: x, gloss: true}\n",
                         &error, &data),
                   ASEANKG_SUCCESS);
  assert_int_equal(data->n_entities, 2U);
  assert_string_equal(data->entities[0].aliases[1].value, "中方");
  assert_int_equal(data->entities[0].aliases[1].mark.line, 6U);
  assert_int_equal(data->entities[1].gloss, 1);
  assert_int_equal(data->entities[0].gloss, 0);
  aseankg_data_free(data);
}

static void
test_shape_errors(void** const state)
{
  (void)state;
  expect_error("entities.yaml", "entities:\n  - id: a\n    type: X\n    zh: y\n    en: z\n    colour: red\n",
               6U, 5U, "unknown key 'colour'");
  expect_error("entities.yaml", "entities:\n  - id: a\n    id: b\n", 3U, 5U, "duplicate key 'id'");
  expect_error("entities.yaml", "entities:\n  - id: a\n    type: X\n    en: z\n", 2U, 5U,
               "missing required key 'zh'");
  expect_error("entities.yaml", "entities:\n  - id: [a\n", 3U, 1U, "YAML");
  expect_error("entities.yaml", "entities:\n  - id: \"a\xff\"\n", 2U, 11U, "invalid leading UTF-8");
  expect_error("entities.yaml", "things: []\n", 1U, 1U, "unknown key 'things'");
  expect_error("entities.yaml", "", 1U, 1U, "empty file");
  expect_error("relations.yaml",
               "relations:\n  - {subject: a, predicate: p, object: b, value: c, segment: s, evidence: e}\n",
               2U, 5U, "exactly one of 'object' and 'value'");
  expect_error(
    "relations.yaml",
    "relations:\n  - {subject: a, predicate: p, object: b, segment: s, evidence: e, occurrence: 0}\n", 2U,
    80U, "positive whole number");
  expect_error("entities.yaml", "entities:\n  - {id: a, type: X, zh: y, en: z, gloss: maybe}\n", 2U, 43U,
               "true or false");
}

/* dataset.yaml: one `document:` or a list of `documents:`, each naming files in the data directory. */
static void
test_documents(void** const state)
{
  (void)state;
  static const char head[] = "dataset: {title: t, version: v, created: c, license: l}\n";
#define DOC(id, more)                                                                          \
  "  - {id: " id ", text: " id ".txt, title_zh: t, title_en: t, publisher: p, published: x,\n" \
  "     dateline_place: p, dateline_date: x, language: zh" more "}\n"
  char         yaml[1024];
  AseankgError error;
  AseankgData* data = NULL;

  snprintf(yaml, sizeof(yaml),
           "%sdocuments:\n" DOC("a", ", relations: a.yaml") DOC("b", ", relations: b.yaml, entity: e"), head);
  assert_int_equal(parse("dataset.yaml", yaml, &error, &data), ASEANKG_SUCCESS);
  assert_int_equal(data->n_documents, 2U);
  assert_string_equal(aseankg_document_relations_file(&data->documents[1]), "b.yaml");
  assert_string_equal(data->documents[1].entity.value, "e");
  assert_int_equal(data->documents[1].mark.line, 5U);
  aseankg_data_free(data);

  snprintf(yaml, sizeof(yaml),
           "%sdocument: {id: a, text: a.txt, title_zh: t, title_en: t, publisher: p, published: x, "
           "dateline_place: p, dateline_date: x, language: zh}\n",
           head);
  assert_int_equal(parse("dataset.yaml", yaml, &error, &data), ASEANKG_SUCCESS);
  assert_int_equal(data->n_documents, 1U);
  assert_string_equal(aseankg_document_relations_file(&data->documents[0]), "relations.yaml");
  aseankg_data_free(data);

  snprintf(yaml, sizeof(yaml), "%sdocuments:\n" DOC("a", ", relations: a.yaml") DOC("b", ""), head);
  expect_error("dataset.yaml", yaml, 5U, 5U, "missing key 'relations'");
  snprintf(yaml, sizeof(yaml),
           "%sdocuments:\n" DOC("a", ", relations: r.yaml") DOC("b", ", relations: r.yaml"), head);
  expect_error("dataset.yaml", yaml, 6U, 68U, "'r.yaml' is already the relations file of document 'a'");
  snprintf(yaml, sizeof(yaml),
           "%sdocuments:\n" DOC("a", ", relations: b.txt") DOC("b", ", relations: r.yaml"), head);
  expect_error("dataset.yaml", yaml, 5U, 19U, "'b.txt' is already the relations file of document 'a'");
  snprintf(yaml, sizeof(yaml), "%sdocuments:\n" DOC("a", ", relations: entities.yaml"), head);
  expect_error("dataset.yaml", yaml, 4U, 68U, "'entities.yaml' is a file of the dataset itself");
  snprintf(yaml, sizeof(yaml), "%sdocuments:\n" DOC("a", "") "document: {}\n", head);
  expect_error("dataset.yaml", yaml, 5U, 1U, "'document' again: give one 'documents' list");
  snprintf(yaml, sizeof(yaml), "%sdocuments:\n" DOC("a", ", relations: ../r.yaml"), head);
  expect_error("dataset.yaml", yaml, 4U, 68U, "'relations' must be a file name");
  snprintf(yaml, sizeof(yaml), "%sdocuments: []\n", head);
  expect_error("dataset.yaml", yaml, 2U, 12U, "at least one document");
#undef DOC
}

static void
test_shipped_data_exports(void** const state)
{
  (void)state;
  AseankgProject     project;
  AseankgError       error;
  AseankgExportStats stats;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_project_load(&project, "data", "ontology/aseankg.ttl", &error), ASEANKG_SUCCESS);
  AseankgGraph* const graph = aseankg_graph_new();
  const AseankgStatus st    = aseankg_export_build(graph, &project, ASEANKG_DEFAULT_BASE, 0, &stats, &error);
  if (st) {
    char line[1024];
    fail_msg("%s", aseankg_error_format(&error, line, sizeof(line)));
  }
  assert_true(stats.entities > 50U);
  assert_int_equal(stats.triples, aseankg_graph_size(graph));
  assert_int_equal(stats.segments, 3U + 1U + 13U + 14U);
  assert_true(stats.mentions >= stats.entities);
  aseankg_graph_free(graph);
  aseankg_project_release(&project);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_entities),
    cmocka_unit_test(test_shape_errors),
    cmocka_unit_test(test_documents),
    cmocka_unit_test(test_shipped_data_exports),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
