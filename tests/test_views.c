/* Unit tests for the views of the graph: the shared mention scan, the DOT and the HTML writers, on the real
 * data. */
#include "aseankg/aseankg.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef struct {
  AseankgProject     project;
  AseankgExportStats stats;
} Fixture;

static int
setup(void** const state)
{
  Fixture* const f = (Fixture*)calloc(1U, sizeof(Fixture));
  AseankgError   error;
  aseankg_error_clear(&error);
  if (!f || aseankg_project_load(&f->project, "data", "ontology/aseankg.ttl", &error)) {
    free(f);
    return -1;
  }
  AseankgGraph* const graph = aseankg_graph_new();
  const AseankgStatus st =
    aseankg_export_build(graph, &f->project, ASEANKG_DEFAULT_BASE, 0, &f->stats, &error);
  aseankg_graph_free(graph);
  *state = f;
  return st ? -1 : 0;
}

static int
teardown(void** const state)
{
  Fixture* const f = (Fixture*)*state;
  aseankg_project_release(&f->project);
  free(f);
  return 0;
}

/* What a writer wrote to memory, NUL-terminated; the caller frees it. */
static char*
capture(AseankgStatus (*write)(FILE*, const Fixture*, const void*, AseankgError*), const Fixture* const f,
        const void* const options, AseankgStatus* const status, AseankgError* const error)
{
  char*  text = NULL;
  size_t size = 0U;
  FILE*  sink = open_memstream(&text, &size);
  assert_non_null(sink);
  aseankg_error_clear(error);
  *status = write(sink, f, options, error);
  assert_int_equal(fclose(sink), 0);
  return text;
}

static AseankgStatus
write_dot(FILE* const stream, const Fixture* const f, const void* const options, AseankgError* const error)
{
  return aseankg_dot_write(stream, &f->project, (const AseankgDotOptions*)options, error);
}

static AseankgStatus
write_html(FILE* const stream, const Fixture* const f, const void* const options, AseankgError* const error)
{
  (void)options;
  return aseankg_html_write(stream, &f->project, NULL, error);
}

static void
test_mentions(void** const state)
{
  const Fixture* const f        = (const Fixture*)*state;
  AseankgMentionList*  mentions = NULL;
  AseankgError         error;
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_export_mentions(&mentions, &f->project, &error), ASEANKG_SUCCESS);
  assert_int_equal(mentions->count, f->stats.mentions);

  const AseankgText* const text = f->project.texts[0];
  const AseankgData* const data = f->project.data;
  for (size_t i = 0U; i < mentions->count; ++i) {
    const AseankgMention* const m = &mentions->items[i];
    assert_true(!m->document && m->segment < text->n_segments && m->entity < data->n_entities);
    assert_true(m->begin < m->end && m->end <= text->segments[m->segment].length);
    if (i) { /* in text order: by segment, by start, the longer (the one containing the other) first */
      const AseankgMention* const before = &mentions->items[i - 1U];
      assert_true(before->segment < m->segment ||
                  (before->segment == m->segment &&
                   (before->begin < m->begin || (before->begin == m->begin && before->end > m->end))));
    }
    /* Each is the entity's Chinese name or one of its aliases, exactly. */
    const AseankgEntity* const e      = &data->entities[m->entity];
    const char* const          at     = text->segments[m->segment].text + m->begin;
    const size_t               length = m->end - m->begin;
    int                        named  = strlen(e->zh.value) == length && !memcmp(e->zh.value, at, length);
    for (size_t a = 0U; a < e->n_aliases && !named; ++a) {
      named = strlen(e->aliases[a].value) == length && !memcmp(e->aliases[a].value, at, length);
    }
    assert_true(named);
  }
  aseankg_mention_list_free(mentions);
  aseankg_mention_list_free(NULL);
}

static void
test_entity_iri(void** const state)
{
  (void)state;
  char buffer[64];
  assert_int_equal(aseankg_export_entity_iri(buffer, sizeof(buffer), "http://x/", "china"), 21U);
  assert_string_equal(buffer, "http://x/entity/china");
  assert_int_equal(aseankg_export_entity_iri(buffer, 21U, "http://x/", "china"), 0U);
}

static void
test_dot(void** const state)
{
  const Fixture* const    f       = (const Fixture*)*state;
  const AseankgDotOptions clause  = { "9", NULL, NULL, NULL };
  const AseankgDotOptions around  = { NULL, "global-development-initiative", NULL, NULL };
  const AseankgDotOptions unknown = { NULL, "nosuch", NULL, NULL };
  AseankgStatus           st      = ASEANKG_SUCCESS;
  AseankgError            error;

  char* const whole = capture(write_dot, f, NULL, &st, &error);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(whole, "\n  \"china\" -> \"global-development-initiative\" [label=\"proposed\""));
  assert_non_null(strstr(whole, "\n  \"cambodia\" [label=\"柬埔寨\\nCambodia\""));
  /* The parties' many relations: one box per predicate, one arrow to it, no labelled arrow of their own. */
  const char* const box = strstr(whole, "\n  subgraph cluster_");
  assert_non_null(box);
  assert_true(box < strstr(whole, "\n    label=\"cooperatesOn\"; labeljust=l;"));
  assert_non_null(strstr(whole, "\n    \"customs\" [label="));
  assert_non_null(
    strstr(whole, "\n  \"china-and-asean-member-states\" -> \"artificial-intelligence\" [lhead=cluster_"));
  assert_null(strstr(whole, "\"china-and-asean-member-states\" -> \"customs\" [label="));
  assert_non_null(strstr(whole, "compound=true"));
  assert_non_null(strstr(whole, "subgraph cluster_unrelated {\n    label=\"in no relation\";"));
  free(whole);

  char* const nine = capture(write_dot, f, &clause, &st, &error);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(nine, "\"china-and-asean-member-states\" -> \"customs\" [label=\"cooperatesOn\""));
  assert_null(strstr(nine, "compound=true")); /* eleven arrows: few enough to draw one by one */
  assert_null(strstr(nine, "lhead="));
  assert_null(strstr(nine, "\"global-development-initiative\""));
  free(nine);

  char* const near = capture(write_dot, f, &around, &st, &error);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_non_null(strstr(near, "\"global-development-initiative\" -> \"agenda-2030\" [label=\"reinforces\""));
  assert_null(strstr(near, "\"customs\""));
  free(near);

  char* const none = capture(write_dot, f, &unknown, &st, &error);
  assert_int_equal(st, ASEANKG_ERR_USAGE);
  assert_string_equal(error.parameter, "around"); /* the argument, not the CLI flag */
  assert_string_equal(error.file, "");
  assert_string_equal(error.message, "no entity 'nosuch'");
  assert_true(!none || !*none); /* nothing written */
  free(none);
}

static void
test_html(void** const state)
{
  const Fixture* const f  = (const Fixture*)*state;
  AseankgStatus        st = ASEANKG_SUCCESS;
  AseankgError         error;
  char* const          page = capture(write_html, f, NULL, &st, &error);
  assert_int_equal(st, ASEANKG_SUCCESS);
  assert_int_equal(strncmp(page, "<!DOCTYPE html>\n", 16U), 0);
  assert_non_null(strstr(page, "<article class=\"card\" id=\"entity-global-development-initiative\">"));
  assert_non_null(strstr(page, "<q lang=\"zh\">中方提出的全球发展倡议</q>"));
  assert_non_null(strstr(page, "title=\"People&#39;s Republic of China\">中方</a>"));
  assert_non_null(strstr(page, "</html>\n"));
  free(page);
}

static void
test_write_error(void** const state)
{
  const Fixture* const f      = (const Fixture*)*state;
  FILE* const          stream = fopen("/dev/null", "r"); /* fwrite fails on a read-only stream */
  AseankgError         error;
  assert_non_null(stream);
  aseankg_error_clear(&error);
  /* Recorded as every writer records it: under the output's name, or the parameter without one. */
  const AseankgHtmlOptions page = { NULL, NULL, "page.html" };
  assert_int_equal(aseankg_html_write(stream, &f->project, &page, &error), ASEANKG_ERR_IO);
  assert_int_equal(error.status, ASEANKG_ERR_IO);
  assert_string_equal(error.file, "page.html");
  assert_string_equal(error.message, "write error");
  aseankg_error_clear(&error);
  assert_int_equal(aseankg_dot_write(stream, &f->project, NULL, &error), ASEANKG_ERR_IO);
  assert_int_equal(error.status, ASEANKG_ERR_IO);
  assert_string_equal(error.parameter, "stream");
  assert_string_equal(error.message, "write error");
  aseankg_error_clear(&error);
  const AseankgDotOptions view = { NULL, NULL, NULL, "graph.dot" };
  assert_int_equal(aseankg_dot_write(stream, &f->project, &view, &error), ASEANKG_ERR_IO);
  assert_string_equal(error.file, "graph.dot");
  fclose(stream);
}

int
main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_mentions), cmocka_unit_test(test_entity_iri),  cmocka_unit_test(test_dot),
    cmocka_unit_test(test_html),     cmocka_unit_test(test_write_error),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
