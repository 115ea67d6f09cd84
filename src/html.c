/* The HTML writer: one self-contained page of the statement's text, its mentions and its entities' cards. */
#include "aseankg/html.h"

#include "buffer.h"
#include "view.h"
#include "writers.h"

#include <assert.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

/* The page's fixed style; the palette's rules are appended from view.c. */
static const char style_text[] =
  "*{box-sizing:border-box}\n"
  "body{margin:0;color:#1b1b1b;background:#f6f6f4;font:15px/1.6 \"Noto Sans CJK SC\",\"Noto Sans SC\","
  "\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",system-ui,sans-serif}\n"
  "header{background:#fff;border-bottom:1px solid #ddd;padding:14px 24px}\n"
  "h1{font-size:21px;margin:0 0 2px}\n"
  "header .en{margin:0;color:#444}\n"
  ".meta{margin:6px 0 0;color:#555;font-size:13px}\n"
  ".meta a{color:inherit}\n"
  ".counts{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;margin:8px 0 0;padding:0;font-size:13px;"
  "color:#555}\n"
  ".counts b{color:#1b1b1b;font-size:17px;margin-right:3px}\n"
  ".legend{display:flex;flex-wrap:wrap;gap:2px 14px;margin:6px 0 0;font-size:12px;color:#555}\n"
  ".sw{display:inline-block;width:11px;height:11px;border:1px solid;border-radius:2px;margin-right:4px;"
  "vertical-align:-1px}\n"
  "main{display:grid;grid-template-columns:minmax(0,3fr) minmax(340px,2fr)}\n"
  "#text{padding:10px 24px 50vh}\n"
  ".seg{margin:0 0 10px;padding:4px 10px;border-left:3px solid transparent;border-radius:2px}\n"
  ".seg:target{border-left-color:#e0a800;background:#fff8db}\n"
  ".seg h2{margin:0;font-size:12px;font-weight:600;color:#777}\n"
  ".seg h2 a{color:inherit;text-decoration:none}\n"
  ".seg h2 small{font-weight:400}\n"
  ".seg p{margin:0;font-size:17px;line-height:2}\n"
  ".seg.header p{font-size:14px;color:#666}\n"
  ".seg.title p{font-size:19px;font-weight:700}\n"
  ".m{color:inherit;text-decoration:none;border-bottom-width:2px;border-bottom-style:solid;padding:1px 1px "
  "0;border-radius:2px}\n"
  "a.m{padding-bottom:6px}\n"
  ".m .m{padding:0 0 3px;cursor:pointer}\n"
  ".m .m .m{padding-bottom:0}\n"
  "a.m:hover,a.m:focus{filter:brightness(.92)}\n"
  ".m.sel{outline:2px solid #1b1b1b}\n"
  "#panel{position:sticky;top:0;height:100vh;overflow:auto;background:#fff;border-left:1px solid #ddd;"
  "padding:12px 18px 24px}\n"
  "#hint{color:#666;font-size:14px}\n"
  ".card{display:none;border:1px solid #ccc;border-radius:6px;padding:10px 14px;margin:0 0 16px;"
  "box-shadow:0 1px 3px rgba(0,0,0,.08)}\n"
  "body:not(.js) .card:target,.card.shown{display:block}\n"
  ".card h2{font-size:22px;margin:2px 0 0}\n"
  ".card h3{font-size:12px;margin:12px 0 4px;text-transform:uppercase;letter-spacing:.05em;color:#666}\n"
  ".kind{margin:0;font-size:12px;color:#555}\n"
  ".names{margin:0}\n"
  ".en-name{font-size:16px}\n"
  ".badge{display:inline-block;font-size:11px;padding:0 6px;border-radius:8px;background:#e8eef7;color:#234;"
  "margin-left:6px;vertical-align:1px}\n"
  ".badge.gloss{background:#fde9d9;color:#7a3b00}\n"
  ".aliases{margin:2px 0 0;font-size:13px;color:#555}\n"
  ".ids{display:grid;grid-template-columns:auto 1fr;gap:0 10px;margin:8px 0 0;font-size:12px}\n"
  ".ids dt{color:#666}\n"
  ".ids dd{margin:0;word-break:break-all}\n"
  ".rels{margin:0;padding-left:20px;font-size:14px}\n"
  ".rels li{margin:0 0 6px}\n"
  ".rels a{color:inherit}\n"
  ".pred{font-family:ui-monospace,monospace;font-size:12px;font-weight:400;background:#eee;padding:0 4px;"
  "border-radius:3px}\n"
  ".self{font-weight:700}\n"
  ".ev{font-size:13px;color:#444}\n"
  ".lit{font-family:ui-monospace,monospace}\n"
  "small{color:#666}\n"
  ".appears{margin:0;font-size:14px}\n"
  "#entities h2{font-size:15px;margin:18px 0 4px}\n"
  "#entities h3{font-size:13px;margin:10px 0 2px;color:#444}\n"
  "#entities ul{list-style:none;margin:0;padding:0}\n"
  "#entities li{margin:1px 0}\n"
  "a.ent{display:block;color:inherit;text-decoration:none;border-left-width:4px;border-left-style:solid;"
  "padding:1px 6px;"
  "border-radius:2px;font-size:14px}\n"
  "a.ent.sel{outline:2px solid #1b1b1b}\n"
  "footer{padding:10px 24px;color:#777;font-size:12px;border-top:1px solid #ddd;background:#fff}\n"
  "@media (max-width:900px){main{display:block}#panel{position:static;height:auto;border-left:0;"
  "border-top:1px solid #ddd}#text{padding-bottom:16px}}\n";

/* Show the card of a clicked mention or entity; without JavaScript the #entity-ID fragment does it. A
   click on a mention shows the outermost name there; clicking the same place again shows the next name
   nested inside it under the pointer, and after the innermost the outermost again. */
static const char script_text[] =
  "(function () {\n"
  "  'use strict';\n"
  "  var panel = document.getElementById('panel');\n"
  "  var hint = document.getElementById('hint');\n"
  "  var shown = null;\n"
  "  document.body.classList.add('js');\n"
  "  function each(selector, f) { Array.prototype.forEach.call(document.querySelectorAll(selector), f); }\n"
  "  function show(id) {\n"
  "    if (!/^[a-z0-9-]+$/.test(id)) { return false; }\n"
  "    var card = document.getElementById('entity-' + id);\n"
  "    if (!card || !card.classList.contains('card')) { return false; }\n"
  "    if (shown) { shown.classList.remove('shown'); }\n"
  "    each('.sel', function (e) { e.classList.remove('sel'); });\n"
  "    card.classList.add('shown');\n"
  "    shown = card;\n"
  "    hint.hidden = true;\n"
  "    each('[data-e=\"' + id + '\"]', function (e) { e.classList.add('sel'); });\n"
  "    if (window.matchMedia('(max-width: 900px)').matches) { card.scrollIntoView(); }\n"
  "    else { panel.scrollTop = 0; }\n"
  "    return true;\n"
  "  }\n"
  "  var current = null;\n"
  "  function mentionAt(target) {\n"
  "    var chain = [];\n"
  "    for (var e = target.closest('.m'); e; e = e.parentElement.closest('.m')) { chain.unshift(e); }\n"
  "    if (!chain.length) { return null; }\n"
  "    var i = chain.indexOf(current);\n"
  "    return chain[i >= 0 && i + 1 < chain.length ? i + 1 : 0];\n"
  "  }\n"
  "  document.addEventListener('click', function (event) {\n"
  "    if (!event.target.closest) { return; }\n"
  "    var mention = mentionAt(event.target);\n"
  "    var link = mention || event.target.closest('a[href^=\"#entity-\"]');\n"
  "    var id = !link ? '' : mention ? mention.getAttribute('data-e') : link.getAttribute('href').slice(8);\n"
  "    current = mention;\n"
  "    if (link && show(id)) {\n"
  "      event.preventDefault();\n"
  "      history.replaceState(null, '', '#entity-' + id);\n"
  "    }\n"
  "  });\n"
  "  if (location.hash.indexOf('#entity-') === 0) { show(location.hash.slice(8)); }\n"
  "})();\n";

/* Text for HTML content or a quoted attribute: & < > " ' escaped, control characters as U+FFFD. */
static void
put_text_n(AseankgViewWriter* const w, const char* const s, const size_t length)
{
  size_t run = 0U; /* bytes passed through unchanged, not yet written */
  for (size_t i = 0U; i < length; ++i) {
    const unsigned char c           = (unsigned char)s[i];
    const char*         replacement = NULL;
    switch (c) {
      case '&':
        replacement = "&amp;";
        break;
      case '<':
        replacement = "&lt;";
        break;
      case '>':
        replacement = "&gt;";
        break;
      case '"':
        replacement = "&quot;";
        break;
      case '\'':
        replacement = "&#39;";
        break;
      default:
        if ((c < 0x20U && c != '\t' && c != '\n') || c == 0x7FU) {
          replacement = "\xEF\xBF\xBD";
        }
        break;
    }
    if (replacement) {
      aseankg_view_put_bytes(w, s + i - run, run);
      aseankg_view_put(w, replacement);
      run = 0U;
    } else {
      ++run;
    }
  }
  aseankg_view_put_bytes(w, s + length - run, run);
}

static void
put_text(AseankgViewWriter* const w, const char* const s)
{
  put_text_n(w, s, strlen(s));
}

/* A CSP source for exactly these bytes: "sha256-" and the base64 digest. */
static int
csp_hash(const char* const bytes, const size_t length, char out[64])
{
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int  size = 0U;
  if (!EVP_Digest(bytes, length, digest, &size, EVP_sha256(), NULL) || size != 32U) {
    return 0;
  }
  memcpy(out, "sha256-", sizeof("sha256-"));
  EVP_EncodeBlock((unsigned char*)out + 7, digest, (int)size);
  return 1;
}

typedef struct {
  AseankgViewWriter         w;
  const AseankgView*        view;
  const AseankgData*        data;
  const char*               base;
  const AseankgEntityStyle* styles;
  size_t                    n_styles;
} Page;

static const AseankgEntityStyle*
style_of(const Page* const p, const size_t entity)
{
  return &p->styles[aseankg_entity_style_index(p->data->entities[entity].type.value)];
}

/* --- Pieces --------------------------------------------------------------------------- */

/* A link to an entity's card: its Chinese name, and the English one small. */
static void
put_entity_link(Page* const p, const size_t entity, const size_t self)
{
  AseankgViewWriter* const   w = &p->w;
  const AseankgEntity* const e = &p->data->entities[entity];
  if (entity == self) {
    aseankg_view_put(w, "<span class=\"self\" lang=\"zh\">");
    put_text(w, e->zh.value);
    aseankg_view_put(w, "</span>");
    return;
  }
  aseankg_view_put(w, "<a href=\"#entity-");
  put_text(w, e->id.value);
  aseankg_view_put(w, "\" lang=\"zh\">");
  put_text(w, e->zh.value);
  aseankg_view_put(w, "</a> <small lang=\"en\">");
  put_text(w, e->en.value);
  aseankg_view_put(w, "</small>");
}

static void
put_segment_link(Page* const p, const size_t segment)
{
  const char* const id = p->view->text->segments[segment].id;
  aseankg_view_put(&p->w, "<a class=\"seg-ref\" href=\"#seg-");
  put_text(&p->w, id);
  aseankg_view_put(&p->w, "\">");
  put_text(&p->w, id);
  aseankg_view_put(&p->w, "</a>");
}

static void
write_relation(Page* const p, const AseankgViewRelation* const r, const size_t self)
{
  AseankgViewWriter* const w = &p->w;
  aseankg_view_put(w, "<li>");
  put_entity_link(p, r->subject, self);
  aseankg_view_put(w, " <b class=\"pred\">");
  put_text(w, r->relation->predicate.value);
  aseankg_view_put(w, "</b> ");
  if (r->object == ASEANKG_VIEW_LITERAL) {
    aseankg_view_put(w, "<span class=\"lit\">");
    put_text(w, r->relation->value.value);
    aseankg_view_put(w, "</span>");
    if (r->relation->datatype.value) {
      aseankg_view_put(w, " <small>(");
      put_text(w, r->relation->datatype.value);
      aseankg_view_put(w, ")</small>");
    }
  } else {
    put_entity_link(p, r->object, self);
  }
  aseankg_view_put(w, "<div class=\"ev\">");
  put_segment_link(p, r->segment);
  aseankg_view_put(w, " <q lang=\"zh\">");
  put_text(w, r->relation->evidence.value);
  aseankg_view_put(w, "</q></div></li>\n");
}

static int
is_web_link(const char* const iri)
{
  return !strncmp(iri, "https://", 8U) || !strncmp(iri, "http://", 7U);
}

static void
write_card(Page* const p, const size_t index)
{
  AseankgViewWriter* const        w     = &p->w;
  const AseankgEntity* const      e     = &p->data->entities[index];
  const AseankgEntityStyle* const style = style_of(p, index);
  char                            iri[2048];

  aseankg_view_put(w, "<article class=\"card\" id=\"entity-");
  put_text(w, e->id.value);
  aseankg_view_put(w, "\">\n<p class=\"kind\"><span class=\"sw f-");
  aseankg_view_put(w, style->family);
  aseankg_view_put(w, "\"></span>");
  put_text(w, e->type.value);
  aseankg_view_put(w, " · ");
  put_text(w, style->label);
  aseankg_view_put(w, "</p>\n<h2 class=\"zh-name\" lang=\"zh\">");
  put_text(w, e->zh.value);
  aseankg_view_put(w, "</h2>\n<p class=\"names\"><span class=\"en-name\" lang=\"en\">");
  put_text(w, e->en.value);
  aseankg_view_put(w, e->gloss ? "</span><span class=\"badge gloss\" title=\"our English rendering, not an "
                                 "official name\">gloss</span></p>\n"
                               : "</span><span class=\"badge\">official name</span></p>\n");
  if (e->n_aliases) {
    aseankg_view_put(w, "<p class=\"aliases\">Also written ");
    for (size_t a = 0U; a < e->n_aliases; ++a) {
      aseankg_view_put(w, a ? ", <span lang=\"zh\">" : "<span lang=\"zh\">");
      put_text(w, e->aliases[a].value);
      aseankg_view_put(w, "</span>");
    }
    aseankg_view_put(w, "</p>\n");
  }

  aseankg_view_put(w, "<dl class=\"ids\"><dt>IRI</dt><dd><code>");
  put_text(w, aseankg_project_entity_iri(iri, sizeof(iri), p->view->project, p->base, index) ? iri
                                                                                             : "(too long)");
  aseankg_view_put(w, "</code></dd><dt>id</dt><dd><code>");
  put_text(w, e->id.value);
  aseankg_view_put(w, "</code></dd>");
  for (size_t i = 0U; i < e->n_same_as; ++i) {
    const char* const same = e->same_as[i].value;
    aseankg_view_put(w, "<dt>same as</dt><dd>");
    if (is_web_link(same)) {
      aseankg_view_put(w, "<a rel=\"external noopener noreferrer\" href=\"");
      put_text(w, same);
      aseankg_view_put(w, "\">");
      put_text(w, same);
      aseankg_view_put(w, "</a>");
    } else {
      aseankg_view_put(w, "<code>");
      put_text(w, same);
      aseankg_view_put(w, "</code>");
    }
    aseankg_view_put(w, "</dd>");
  }
  aseankg_view_put(w, "</dl>\n");

  /* Relations in text order: by segment, then as the data lists them. */
  size_t n_relations = 0U;
  for (size_t i = 0U; i < p->view->document->n_relations; ++i) {
    n_relations += p->view->relations[i].subject == index || p->view->relations[i].object == index;
  }
  aseankg_view_put(w, "<h3>Relations (");
  aseankg_view_put_size(w, n_relations);
  aseankg_view_put(w, ")</h3>\n");
  if (n_relations) {
    aseankg_view_put(w, "<ol class=\"rels\">\n");
    for (size_t s = 0U; s < p->view->text->n_segments; ++s) {
      for (size_t i = 0U; i < p->view->document->n_relations; ++i) {
        const AseankgViewRelation* const r = &p->view->relations[i];
        if (r->segment == s && (r->subject == index || r->object == index)) {
          write_relation(p, r, index);
        }
      }
    }
    aseankg_view_put(w, "</ol>\n");
  }

  /* The segments that mention it, in text order, with how often. */
  const AseankgMentionList* const mentions = p->view->mentions;
  size_t                          total    = 0U;
  for (size_t m = 0U; m < mentions->count; ++m) {
    total += mentions->items[m].entity == index;
  }
  aseankg_view_put(w, "<h3>Mentioned in (");
  aseankg_view_put_size(w, total);
  aseankg_view_put(w, total == 1U ? " mention)</h3>\n<p class=\"appears\">"
                                  : " mentions)</h3>\n<p class=\"appears\">");
  size_t listed = 0U;
  for (size_t m = 0U; m < mentions->count;) {
    const size_t segment = mentions->items[m].segment;
    size_t       here    = 0U;
    for (; m < mentions->count && mentions->items[m].segment == segment; ++m) {
      here += mentions->items[m].entity == index;
    }
    if (here) {
      aseankg_view_put(w, listed++ ? ", " : "");
      put_segment_link(p, segment);
      if (here > 1U) {
        aseankg_view_put(w, " ×");
        aseankg_view_put_size(w, here);
      }
    }
  }
  aseankg_view_put(w, "</p>\n</article>\n");
}

/* How deep mentions nest in the page; a name nested deeper is left plain (no text has come near). */
enum { MAX_NESTING = 16 };

/* Open a mention's element: the outermost is a link to the card; one inside it is a span (links do not
   nest), which a second click on the same place reaches (see the script). */
static void
open_mention(Page* const p, const AseankgMention* const m, const int outermost)
{
  AseankgViewWriter* const   w = &p->w;
  const AseankgEntity* const e = &p->data->entities[m->entity];
  aseankg_view_put(w, outermost ? "<a class=\"m f-" : "<span class=\"m f-");
  aseankg_view_put(w, style_of(p, m->entity)->family);
  if (outermost) {
    aseankg_view_put(w, "\" href=\"#entity-");
    put_text(w, e->id.value);
  }
  aseankg_view_put(w, "\" data-e=\"");
  put_text(w, e->id.value);
  aseankg_view_put(w, "\" title=\"");
  put_text(w, e->en.value);
  aseankg_view_put(w, "\">");
}

/* One segment's text with its mentions, nested ones inside the ones that contain them; `*next` walks the
   mention list (by start, the longer first) in step. A mention that crosses the end of one it starts
   inside is drawn up to that end. */
static void
write_segment(Page* const p, const size_t index, size_t* const next)
{
  static const char* const kinds[] = { "header", "title", "preamble", "clause" };
  static const char* const notes[] = { " <small>wire header, not part of the statement</small>", "", "", "" };
  AseankgViewWriter* const w       = &p->w;
  const AseankgSegment* const     segment = &p->view->text->segments[index];
  const AseankgMentionList* const list    = p->view->mentions;

  aseankg_view_put(w, "<section class=\"seg ");
  aseankg_view_put(w, kinds[segment->kind]);
  aseankg_view_put(w, "\" id=\"seg-");
  put_text(w, segment->id);
  aseankg_view_put(w, "\"><h2><a href=\"#seg-");
  put_text(w, segment->id);
  aseankg_view_put(w, "\">");
  put_text(w, segment->id);
  aseankg_view_put(w, "</a>");
  aseankg_view_put(w, notes[segment->kind]);
  aseankg_view_put(w, "</h2><p>");
  size_t at = 0U;
  size_t ends[MAX_NESTING]; /* the open elements' ends, innermost last */
  size_t depth = 0U;
  for (; *next < list->count && list->items[*next].segment == index; ++*next) {
    const AseankgMention* const m = &list->items[*next];
    for (; depth && ends[depth - 1U] <= m->begin; --depth) {
      put_text_n(w, segment->text + at, ends[depth - 1U] - at);
      aseankg_view_put(w, depth == 1U ? "</a>" : "</span>");
      at = ends[depth - 1U];
    }
    if (depth == MAX_NESTING) {
      continue;
    }
    put_text_n(w, segment->text + at, m->begin - at);
    at = m->begin;
    open_mention(p, m, depth == 0U);
    ends[depth] = depth && m->end > ends[depth - 1U] ? ends[depth - 1U] : m->end;
    ++depth;
  }
  for (; depth; --depth) {
    put_text_n(w, segment->text + at, ends[depth - 1U] - at);
    aseankg_view_put(w, depth == 1U ? "</a>" : "</span>");
    at = ends[depth - 1U];
  }
  put_text_n(w, segment->text + at, segment->length - at);
  aseankg_view_put(w, "</p></section>\n");
}

/* An entity in the list: sort key and index. */
typedef struct {
  size_t      family;
  const char* type;
  const char* id;
  size_t      index;
} Listed;

static int
compare_listed(const void* const a, const void* const b)
{
  const Listed* const x = (const Listed*)a;
  const Listed* const y = (const Listed*)b;
  if (x->family != y->family) {
    return x->family < y->family ? -1 : 1;
  }
  const int c = strcmp(x->type, y->type);
  return c ? c : strcmp(x->id, y->id);
}

static void
write_entity_list(Page* const p)
{
  AseankgViewWriter* const w    = &p->w;
  const size_t             n    = p->data->n_entities;
  Listed* const            list = (Listed*)calloc(n + 1U, sizeof(Listed));
  if (!list) {
    w->st = ASEANKG_ERR_NOMEM;
    return;
  }
  size_t n_listed = 0U;
  for (size_t i = 0U; i < n; ++i) {
    const AseankgEntity* const e = &p->data->entities[i];
    const Listed item = { aseankg_entity_style_index(e->type.value), e->type.value, e->id.value, i };
    if (p->view->in_document[i]) {
      list[n_listed++] = item;
    }
  }
  qsort(list, n_listed, sizeof(Listed), compare_listed);

  aseankg_view_put(w, "<nav id=\"entities\" aria-label=\"Entities by type\"><h2>Entities by type</h2>\n");
  for (size_t i = 0U; i < n_listed;) {
    size_t end = i;
    while (end < n_listed && !strcmp(list[end].type, list[i].type)) {
      ++end;
    }
    aseankg_view_put(w, "<h3><span class=\"sw f-");
    aseankg_view_put(w, p->styles[list[i].family].family);
    aseankg_view_put(w, "\"></span>");
    put_text(w, list[i].type);
    aseankg_view_put(w, " <small>(");
    aseankg_view_put_size(w, end - i);
    aseankg_view_put(w, ")</small></h3>\n<ul>\n");
    for (; i < end; ++i) {
      const AseankgEntity* const e = &p->data->entities[list[i].index];
      aseankg_view_put(w, "<li><a class=\"ent f-");
      aseankg_view_put(w, p->styles[list[i].family].family);
      aseankg_view_put(w, "\" href=\"#entity-");
      put_text(w, e->id.value);
      aseankg_view_put(w, "\" data-e=\"");
      put_text(w, e->id.value);
      aseankg_view_put(w, "\"><span lang=\"zh\">");
      put_text(w, e->zh.value);
      aseankg_view_put(w, "</span> <small lang=\"en\">");
      put_text(w, e->en.value);
      aseankg_view_put(w, "</small></a></li>\n");
    }
    aseankg_view_put(w, "</ul>\n");
  }
  aseankg_view_put(w, "</nav>\n");
  free(list);
}

/* A link to an entity named by a document field (publisher, dateline place), if it resolves. */
static void
put_named(Page* const p, const char* const id)
{
  const size_t entity = aseankg_view_entity(p->view, id);
  if (entity == ASEANKG_VIEW_LITERAL) {
    put_text(&p->w, id);
    return;
  }
  aseankg_view_put(&p->w, "<a href=\"#entity-");
  put_text(&p->w, id);
  aseankg_view_put(&p->w, "\">");
  put_text(&p->w, p->data->entities[entity].zh.value);
  aseankg_view_put(&p->w, " ");
  put_text(&p->w, p->data->entities[entity].en.value);
  aseankg_view_put(&p->w, "</a>");
}

static void
write_header(Page* const p)
{
  AseankgViewWriter* const        w        = &p->w;
  const AseankgDocument* const    doc      = p->view->document;
  const AseankgExportStats* const stats    = &p->view->stats;
  const char* const               file     = strrchr(p->view->text->path, '/');
  const size_t                    counts[] = { stats->segments, stats->entities, stats->relations,
                                               stats->mentions, stats->spans,    stats->triples };
  static const char* const        names[]  = { "segments", "entities",   "relations",
                                               "mentions", "text spans", "triples" };
  static const char* const ids[] = { "segments", "entities", "relations", "mentions", "spans", "triples" };

  aseankg_view_put(w, "<header>\n<h1 lang=\"zh\">");
  put_text(w, doc->title_zh.value);
  aseankg_view_put(w, "</h1>\n<p class=\"en\" lang=\"en\">");
  put_text(w, doc->title_en.value);
  aseankg_view_put(w, "</p>\n<p class=\"meta\" lang=\"en\">Dateline ");
  put_named(p, doc->dateline_place.value);
  aseankg_view_put(w, ", ");
  put_text(w, doc->dateline_date.value);
  aseankg_view_put(w, " · published ");
  put_text(w, doc->published.value);
  aseankg_view_put(w, " by ");
  put_named(p, doc->publisher.value);
  aseankg_view_put(w, " · text <code>");
  put_text(w, file ? file + 1 : p->view->text->path);
  aseankg_view_put(w, "</code>, SHA-256 <code>");
  put_text(w, p->view->text->sha256_hex);
  aseankg_view_put(w, "</code></p>\n");
  if (p->data->n_documents > 1U) { /* the page shows one document; the counts are the whole graph's */
    aseankg_view_put(w, "<p class=\"meta\" lang=\"en\">The graph of the corpus of ");
    aseankg_view_put_size(w, p->data->n_documents);
    aseankg_view_put(w, " documents:</p>\n");
  }
  aseankg_view_put(w, "<ul class=\"counts\" lang=\"en\" aria-label=\"Counts of the graph\">");
  for (size_t i = 0U; i < sizeof(counts) / sizeof(counts[0]); ++i) {
    aseankg_view_put(w, "<li id=\"count-");
    aseankg_view_put(w, ids[i]);
    aseankg_view_put(w, "\"><b>");
    aseankg_view_put_size(w, counts[i]);
    aseankg_view_put(w, "</b>");
    aseankg_view_put(w, names[i]);
    aseankg_view_put(w, "</li>");
  }
  aseankg_view_put(w, "</ul>\n<p class=\"legend\" lang=\"en\">");
  for (size_t f = 0U; f + 1U < p->n_styles; ++f) { /* "other" only when something falls there */
    aseankg_view_put(w, "<span><span class=\"sw f-");
    aseankg_view_put(w, p->styles[f].family);
    aseankg_view_put(w, "\"></span>");
    aseankg_view_put(w, p->styles[f].label);
    aseankg_view_put(w, "</span>");
  }
  aseankg_view_put(w, "</p>\n</header>\n");
}

/* The style element's contents: the fixed rules and one rule per family of the palette. */
static AseankgStatus
build_style(const Page* const p, AseankgBuffer* const css)
{
  AseankgStatus st = aseankg_buffer_append_string(css, style_text);
  for (size_t f = 0U; f < p->n_styles && !st; ++f) {
    st = aseankg_buffer_printf(css, ".f-%s{background:%s;border-color:%s}\n", p->styles[f].family,
                               p->styles[f].fill, p->styles[f].line);
  }
  return st;
}

static void
write_page(Page* const p, const AseankgBuffer* const css)
{
  AseankgViewWriter* const     w   = &p->w;
  const AseankgDocument* const doc = p->view->document;
  char                         style_hash[64];
  char                         script_hash[64];
  if (!csp_hash(css->data, css->length, style_hash) ||
      !csp_hash(script_text, sizeof(script_text) - 1U, script_hash)) {
    w->st = ASEANKG_ERR_NOMEM;
    return;
  }

  aseankg_view_put(w,
                   "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '");
  aseankg_view_put(w, style_hash);
  aseankg_view_put(w, "'; script-src '");
  aseankg_view_put(w, script_hash);
  aseankg_view_put(
    w, "'; base-uri 'none'; form-action 'none'\">\n<meta name=\"generator\" content=\"aseankg\">\n"
       "<title>");
  put_text(w, doc->title_zh.value);
  aseankg_view_put(w, " — ");
  put_text(w, doc->title_en.value);
  aseankg_view_put(w, "</title>\n<style>");
  aseankg_view_put_bytes(w, css->data, css->length);
  aseankg_view_put(w, "</style>\n</head>\n<body>\n");
  write_header(p);

  aseankg_view_put(w, "<main>\n<div id=\"text\" lang=\"zh\">\n");
  size_t next = 0U;
  for (size_t s = 0U; s < p->view->text->n_segments; ++s) {
    write_segment(p, s, &next);
  }
  aseankg_view_put(w,
                   "</div>\n<aside id=\"panel\" lang=\"en\">\n<p id=\"hint\">Click a highlighted name in the "
                   "text, or an entity below, to see its card.</p>\n<div id=\"cards\">\n");
  for (size_t i = 0U; i < p->data->n_entities; ++i) {
    if (p->view->in_document[i]) {
      write_card(p, i);
    }
  }
  aseankg_view_put(w, "</div>\n");
  write_entity_list(p);
  aseankg_view_put(w, "</aside>\n</main>\n<footer lang=\"en\">Dataset ");
  put_text(w, p->data->dataset.title.value);
  aseankg_view_put(w, ", version ");
  put_text(w, p->data->dataset.version.value);
  aseankg_view_put(w, ", license ");
  put_text(w, p->data->dataset.license.value);
  aseankg_view_put(w, ". Written by aseankg export --format html.</footer>\n<script>");
  aseankg_view_put(w, script_text);
  aseankg_view_put(w, "</script>\n</body>\n</html>\n");
}

AseankgStatus
aseankg_html_write(FILE* const stream, const AseankgProject* const project,
                   const AseankgHtmlOptions* const options, AseankgError* const error)
{
  assert(stream);
  assert(project && project->data);
  AseankgView   view;
  AseankgBuffer css;
  Page          page;
  memset(&page, 0, sizeof(page));
  memset(&css, 0, sizeof(css));

  const char* const base      = options ? options->base : NULL;
  const char* const file_name = options ? options->file_name : NULL;
  AseankgStatus     st =
    aseankg_view_load(&view, project, base, options ? options->document : NULL, file_name, error);
  if (!st) {
    page.view   = &view;
    page.data   = project->data;
    page.base   = base ? base : ASEANKG_DEFAULT_BASE;
    page.styles = aseankg_entity_styles(&page.n_styles);
    page.w.st   = build_style(&page, &css);
    write_page(&page, &css);
    st = aseankg_view_writer_finish(&page.w, stream, file_name, error);
  }
  aseankg_buffer_release(&css);
  aseankg_view_release(&view);
  return st;
}
