/* Shared by the DOT and HTML writers: the checked, resolved project, and one palette for entity types. */
#include "view.h"

#include "aseankg/graph.h"
#include "aseankg/text.h"
#include "try.h"
#include "writers.h"

#include <stdlib.h>
#include <string.h>

static const AseankgEntityStyle styles[] = {
  { "agent", "states, groups and organisations", "box", "rounded,filled", "#cfe2f3", "#3d85c6" },
  { "place", "places", "house", "filled", "#d9ead3", "#6aa84f" },
  { "event", "summits, forums, expos and other events", "ellipse", "filled", "#fce5cd", "#e69138" },
  { "document", "documents, treaties and plans", "note", "filled", "#fff2cc", "#bf9000" },
  { "policy", "initiatives, principles, goals and partnerships", "hexagon", "filled", "#ead1dc", "#a64d79" },
  { "project", "projects, corridors and zones", "component", "filled", "#d0e0e3", "#45818e" },
  { "finance", "funds, loans and banks", "cds", "filled", "#d9d2e9", "#674ea7" },
  { "area", "cooperation areas", "tab", "filled", "#e2f0d9", "#38761d" },
  { "challenge", "challenges", "octagon", "filled", "#f4cccc", "#cc0000" },
  { "concept", "other concepts", "ellipse", "filled,dashed", "#eeeeee", "#666666" },
  { "other", "other entities", "box", "filled", "#ffffff", "#000000" },
};

enum { AGENT, PLACE, EVENT, DOCUMENT, POLICY, PROJECT, FINANCE, AREA, CHALLENGE, CONCEPT, OTHER };

/* The ontology's entity classes (ontology/aseankg.ttl), grouped as its rdfs:subClassOf tree groups them. */
static const struct {
  const char* type;
  unsigned    family;
} families[] = {
  { "Agent", AGENT },
  { "Country", AGENT },
  { "CountryGroup", AGENT },
  { "IntergovernmentalOrganization", AGENT },
  { "NewsAgency", AGENT },
  { "Institution", AGENT },
  { "ThinkTank", AGENT },
  { "Centre", AGENT },
  { "Place", PLACE },
  { "City", PLACE },
  { "Region", PLACE },
  { "Event", EVENT },
  { "Summit", EVENT },
  { "Forum", EVENT },
  { "Expo", EVENT },
  { "Dialogue", EVENT },
  { "ExchangeProgramme", EVENT },
  { "Commemoration", EVENT },
  { "CooperationYear", EVENT },
  { "Activity", EVENT },
  { "Participation", EVENT },
  { "Export", EVENT },
  { "Supply", EVENT },
  { "Negotiation", EVENT },
  { "Document", DOCUMENT },
  { "Declaration", DOCUMENT },
  { "JointStatementDocument", DOCUMENT },
  { "Treaty", DOCUMENT },
  { "Charter", DOCUMENT },
  { "Agreement", DOCUMENT },
  { "MemorandumOfUnderstanding", DOCUMENT },
  { "Vision", DOCUMENT },
  { "Outlook", DOCUMENT },
  { "Agenda", DOCUMENT },
  { "Framework", DOCUMENT },
  { "MasterPlan", DOCUMENT },
  { "WorkPlan", DOCUMENT },
  { "ActionPlan", DOCUMENT },
  { "Initiative", POLICY },
  { "Principle", POLICY },
  { "Goal", POLICY },
  { "Partnership", POLICY },
  { "Mechanism", POLICY },
  { "Project", PROJECT },
  { "Corridor", PROJECT },
  { "Zone", PROJECT },
  { "Fund", FINANCE },
  { "Loan", FINANCE },
  { "FundingMeasure", FINANCE },
  { "FinancialInstitution", FINANCE },
  { "Bank", FINANCE },
  { "CooperationArea", AREA },
  { "Challenge", CHALLENGE },
  { "Concept", CONCEPT },
  { "Role", CONCEPT },
  { "Goods", CONCEPT },
  { "Outcome", CONCEPT },
};

const AseankgEntityStyle*
aseankg_entity_styles(size_t* const count)
{
  *count = sizeof(styles) / sizeof(styles[0]);
  return styles;
}

size_t
aseankg_entity_style_index(const char* const type)
{
  for (size_t i = 0U; i < sizeof(families) / sizeof(families[0]); ++i) {
    if (!strcmp(families[i].type, type)) {
      return families[i].family;
    }
  }
  return OTHER;
}

size_t
aseankg_view_entity(const AseankgView* const view, const char* const id)
{
  const AseankgData* const data = view->project->data;
  for (size_t i = 0U; i < data->n_entities; ++i) {
    if (!strcmp(data->entities[i].id.value, id)) {
      return i;
    }
  }
  return ASEANKG_VIEW_LITERAL;
}

/* Resolve one relation the build has accepted; a failure here means the build and this disagree. */
static AseankgStatus
resolve(AseankgView* const view, const AseankgRelation* const r, AseankgViewRelation* const out,
        AseankgError* const error)
{
  const AseankgText* const    text    = view->text;
  const AseankgSegment* const segment = aseankg_text_segment(text, r->segment.value);
  out->relation                       = r;
  out->subject                        = aseankg_view_entity(view, r->subject.value);
  out->object   = r->value.value ? ASEANKG_VIEW_LITERAL : aseankg_view_entity(view, r->object.value);
  out->segment  = segment ? (size_t)(segment - text->segments) : 0U;
  out->evidence = segment ? aseankg_segment_find(segment, r->evidence.value, r->occurrence) : (size_t)-1;
  if (out->subject == ASEANKG_VIEW_LITERAL || (!r->value.value && out->object == ASEANKG_VIEW_LITERAL) ||
      out->evidence == (size_t)-1) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, r->mark.file, r->mark.line, r->mark.column,
                             "relation cannot be resolved");
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_view_load(AseankgView* const view, const AseankgProject* const project, const char* const base,
                  const char* const document, const char* const file_name, AseankgError* const error)
{
  memset(view, 0, sizeof(*view));
  view->project                  = project;
  const AseankgData* const data  = project->data;
  size_t                   shown = 0U;
  while (document && shown < data->n_documents && strcmp(data->documents[shown].id.value, document)) {
    ++shown;
  }
  if (shown == data->n_documents) {
    return aseankg_error_set_parameter(error, ASEANKG_ERR_USAGE, "document", "no document '%s'", document);
  }
  view->document = &data->documents[shown];
  view->text     = project->texts[shown];

  /* The build checks the data exactly as the export does, and counts what the page reports. */
  AseankgGraph* const graph = aseankg_graph_new();
  if (!graph) {
    return aseankg_write_failed(error, ASEANKG_ERR_NOMEM, file_name);
  }
  AseankgStatus st =
    aseankg_export_build(graph, project, base ? base : ASEANKG_DEFAULT_BASE, 0, &view->stats, error);
  aseankg_graph_free(graph);
  if (st) {
    return st;
  }

  const AseankgDocument* const doc = view->document;
  if (!(view->relations = (AseankgViewRelation*)calloc(doc->n_relations + 1U, sizeof(AseankgViewRelation)))) {
    return aseankg_write_failed(error, ASEANKG_ERR_NOMEM, file_name);
  }
  for (size_t i = 0U; i < doc->n_relations; ++i) {
    TRY(st, resolve(view, &doc->relations[i], &view->relations[i], error));
  }
  TRY(st, aseankg_export_mentions(&view->mentions, project, error));
  size_t n = 0U; /* keep the shown document's */
  for (size_t i = 0U; i < view->mentions->count; ++i) {
    if (view->mentions->items[i].document == shown) {
      view->mentions->items[n++] = view->mentions->items[i];
    }
  }
  view->mentions->count = n;
  if (!(view->in_document = (unsigned char*)calloc(data->n_entities + 1U, 1U))) {
    return aseankg_write_failed(error, ASEANKG_ERR_NOMEM, file_name);
  }
  for (size_t i = 0U; i < view->mentions->count; ++i) {
    view->in_document[view->mentions->items[i].entity] = 1U;
  }
  for (size_t i = 0U; i < doc->n_relations; ++i) {
    view->in_document[view->relations[i].subject] = 1U;
    if (view->relations[i].object != ASEANKG_VIEW_LITERAL) {
      view->in_document[view->relations[i].object] = 1U;
    }
  }
  return st;
}

void
aseankg_view_release(AseankgView* const view)
{
  free(view->relations);
  free(view->in_document);
  aseankg_mention_list_free(view->mentions);
  memset(view, 0, sizeof(*view));
}

void
aseankg_view_writer_init(AseankgViewWriter* const w, const char* const file_name, AseankgError* const error)
{
  memset(w, 0, sizeof(*w));
  w->file_name = file_name;
  w->error     = error;
}

AseankgStatus
aseankg_view_no_memory(AseankgViewWriter* const w)
{
  return aseankg_write_failed(w->error, ASEANKG_ERR_NOMEM, w->file_name);
}

AseankgStatus
aseankg_view_put_bytes(AseankgViewWriter* const w, const char* const bytes, const size_t length)
{
  return aseankg_buffer_append(&w->out, bytes, length) ? aseankg_view_no_memory(w) : ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_view_put(AseankgViewWriter* const w, const char* const string)
{
  return aseankg_view_put_bytes(w, string, strlen(string));
}

AseankgStatus
aseankg_view_put_size(AseankgViewWriter* const w, const size_t value)
{
  char digits[32];
  snprintf(digits, sizeof(digits), "%zu", value);
  return aseankg_view_put(w, digits);
}

AseankgStatus
aseankg_view_writer_flush(AseankgViewWriter* const w, FILE* const stream)
{
  if (w->out.length && fwrite(w->out.data, 1U, w->out.length, stream) != w->out.length) {
    return aseankg_write_failed(w->error, ASEANKG_ERR_IO, w->file_name);
  }
  return ASEANKG_SUCCESS;
}

void
aseankg_view_writer_release(AseankgViewWriter* const w)
{
  aseankg_buffer_release(&w->out);
  aseankg_buffer_release(&w->scratch);
}
