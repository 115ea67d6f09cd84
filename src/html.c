/* The HTML writer: one self-contained page of the statement's text, its mentions and its entities' cards. */
#include "aseankg/html.h"

#include "buffer.h"
#include "try.h"
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
static AseankgStatus
put_text_n(AseankgViewWriter* const w, const char* const s, const size_t length)
{
  AseankgStatus st  = ASEANKG_SUCCESS;
  size_t        run = 0U; /* bytes passed through unchanged, not yet written */
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
      TRY(st, aseankg_view_put_bytes(w, s + i - run, run));
      TRY(st, aseankg_view_put(w, replacement));
      run = 0U;
    } else {
      ++run;
    }
  }
  TRY(st, aseankg_view_put_bytes(w, s + length - run, run));
  return ASEANKG_SUCCESS;
}

static AseankgStatus
put_text(AseankgViewWriter* const w, const char* const s)
{
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY(st, put_text_n(w, s, strlen(s)));
  return ASEANKG_SUCCESS;
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
static AseankgStatus
put_entity_link(Page* const p, const size_t entity, const size_t self)
{
  AseankgStatus              st = ASEANKG_SUCCESS;
  AseankgViewWriter* const   w  = &p->w;
  const AseankgEntity* const e  = &p->data->entities[entity];
  if (entity == self) {
    TRY(st, aseankg_view_put(w, "<span class=\"self\" lang=\"zh\">"));
    TRY(st, put_text(w, e->zh.value));
    return aseankg_view_put(w, "</span>");
  }
  TRY(st, aseankg_view_put(w, "<a href=\"#entity-"));
  TRY(st, put_text(w, e->id.value));
  TRY(st, aseankg_view_put(w, "\" lang=\"zh\">"));
  TRY(st, put_text(w, e->zh.value));
  TRY(st, aseankg_view_put(w, "</a> <small lang=\"en\">"));
  TRY(st, put_text(w, e->en.value));
  TRY(st, aseankg_view_put(w, "</small>"));
  return ASEANKG_SUCCESS;
}

static AseankgStatus
put_segment_link(Page* const p, const size_t segment)
{
  AseankgStatus     st = ASEANKG_SUCCESS;
  const char* const id = p->view->text->segments[segment].id;
  TRY(st, aseankg_view_put(&p->w, "<a class=\"seg-ref\" href=\"#seg-"));
  TRY(st, put_text(&p->w, id));
  TRY(st, aseankg_view_put(&p->w, "\">"));
  TRY(st, put_text(&p->w, id));
  TRY(st, aseankg_view_put(&p->w, "</a>"));
  return ASEANKG_SUCCESS;
}

static AseankgStatus
write_relation(Page* const p, const AseankgViewRelation* const r, const size_t self)
{
  AseankgStatus            st = ASEANKG_SUCCESS;
  AseankgViewWriter* const w  = &p->w;
  TRY(st, aseankg_view_put(w, "<li>"));
  TRY(st, put_entity_link(p, r->subject, self));
  TRY(st, aseankg_view_put(w, " <b class=\"pred\">"));
  TRY(st, put_text(w, r->relation->predicate.value));
  TRY(st, aseankg_view_put(w, "</b> "));
  if (r->object == ASEANKG_VIEW_LITERAL) {
    TRY(st, aseankg_view_put(w, "<span class=\"lit\">"));
    TRY(st, put_text(w, r->relation->value.value));
    TRY(st, aseankg_view_put(w, "</span>"));
    if (r->relation->datatype.value) {
      TRY(st, aseankg_view_put(w, " <small>("));
      TRY(st, put_text(w, r->relation->datatype.value));
      TRY(st, aseankg_view_put(w, ")</small>"));
    }
  } else {
    TRY(st, put_entity_link(p, r->object, self));
  }
  TRY(st, aseankg_view_put(w, "<div class=\"ev\">"));
  TRY(st, put_segment_link(p, r->segment));
  TRY(st, aseankg_view_put(w, " <q lang=\"zh\">"));
  TRY(st, put_text(w, r->relation->evidence.value));
  TRY(st, aseankg_view_put(w, "</q></div></li>\n"));
  return ASEANKG_SUCCESS;
}

static int
is_web_link(const char* const iri)
{
  return !strncmp(iri, "https://", 8U) || !strncmp(iri, "http://", 7U);
}

static AseankgStatus
write_card(Page* const p, const size_t index)
{
  AseankgStatus                   st    = ASEANKG_SUCCESS;
  AseankgViewWriter* const        w     = &p->w;
  const AseankgEntity* const      e     = &p->data->entities[index];
  const AseankgEntityStyle* const style = style_of(p, index);
  char                            iri[2048];

  TRY(st, aseankg_view_put(w, "<article class=\"card\" id=\"entity-"));
  TRY(st, put_text(w, e->id.value));
  TRY(st, aseankg_view_put(w, "\">\n<p class=\"kind\"><span class=\"sw f-"));
  TRY(st, aseankg_view_put(w, style->family));
  TRY(st, aseankg_view_put(w, "\"></span>"));
  TRY(st, put_text(w, e->type.value));
  TRY(st, aseankg_view_put(w, " · "));
  TRY(st, put_text(w, style->label));
  TRY(st, aseankg_view_put(w, "</p>\n<h2 class=\"zh-name\" lang=\"zh\">"));
  TRY(st, put_text(w, e->zh.value));
  TRY(st, aseankg_view_put(w, "</h2>\n<p class=\"names\"><span class=\"en-name\" lang=\"en\">"));
  TRY(st, put_text(w, e->en.value));
  TRY(st, aseankg_view_put(w, e->gloss
                                ? "</span><span class=\"badge gloss\" title=\"our English rendering, not an "
                                  "official name\">gloss</span></p>\n"
                                : "</span><span class=\"badge\">official name</span></p>\n"));
  if (e->n_aliases) {
    TRY(st, aseankg_view_put(w, "<p class=\"aliases\">Also written "));
    for (size_t a = 0U; a < e->n_aliases; ++a) {
      TRY(st, aseankg_view_put(w, a ? ", <span lang=\"zh\">" : "<span lang=\"zh\">"));
      TRY(st, put_text(w, e->aliases[a].value));
      TRY(st, aseankg_view_put(w, "</span>"));
    }
    TRY(st, aseankg_view_put(w, "</p>\n"));
  }

  TRY(st, aseankg_view_put(w, "<dl class=\"ids\"><dt>IRI</dt><dd><code>"));
  TRY(st, put_text(w, aseankg_project_entity_iri(iri, sizeof(iri), p->view->project, p->base, index)
                        ? iri
                        : "(too long)"));
  TRY(st, aseankg_view_put(w, "</code></dd><dt>id</dt><dd><code>"));
  TRY(st, put_text(w, e->id.value));
  TRY(st, aseankg_view_put(w, "</code></dd>"));
  for (size_t i = 0U; i < e->n_same_as; ++i) {
    const char* const same = e->same_as[i].value;
    TRY(st, aseankg_view_put(w, "<dt>same as</dt><dd>"));
    if (is_web_link(same)) {
      TRY(st, aseankg_view_put(w, "<a rel=\"external noopener noreferrer\" href=\""));
      TRY(st, put_text(w, same));
      TRY(st, aseankg_view_put(w, "\">"));
      TRY(st, put_text(w, same));
      TRY(st, aseankg_view_put(w, "</a>"));
    } else {
      TRY(st, aseankg_view_put(w, "<code>"));
      TRY(st, put_text(w, same));
      TRY(st, aseankg_view_put(w, "</code>"));
    }
    TRY(st, aseankg_view_put(w, "</dd>"));
  }
  TRY(st, aseankg_view_put(w, "</dl>\n"));

  /* Relations in text order: by segment, then as the data lists them. */
  size_t n_relations = 0U;
  for (size_t i = 0U; i < p->view->document->n_relations; ++i) {
    n_relations += p->view->relations[i].subject == index || p->view->relations[i].object == index;
  }
  TRY(st, aseankg_view_put(w, "<h3>Relations ("));
  TRY(st, aseankg_view_put_size(w, n_relations));
  TRY(st, aseankg_view_put(w, ")</h3>\n"));
  if (n_relations) {
    TRY(st, aseankg_view_put(w, "<ol class=\"rels\">\n"));
    for (size_t s = 0U; s < p->view->text->n_segments; ++s) {
      for (size_t i = 0U; i < p->view->document->n_relations; ++i) {
        const AseankgViewRelation* const r = &p->view->relations[i];
        if (r->segment == s && (r->subject == index || r->object == index)) {
          TRY(st, write_relation(p, r, index));
        }
      }
    }
    TRY(st, aseankg_view_put(w, "</ol>\n"));
  }

  /* The segments that mention it, in text order, with how often. */
  const AseankgMentionList* const mentions = p->view->mentions;
  size_t                          total    = 0U;
  for (size_t m = 0U; m < mentions->count; ++m) {
    total += mentions->items[m].entity == index;
  }
  TRY(st, aseankg_view_put(w, "<h3>Mentioned in ("));
  TRY(st, aseankg_view_put_size(w, total));
  TRY(st, aseankg_view_put(w, total == 1U ? " mention)</h3>\n<p class=\"appears\">"
                                          : " mentions)</h3>\n<p class=\"appears\">"));
  size_t listed = 0U;
  for (size_t m = 0U; m < mentions->count;) {
    const size_t segment = mentions->items[m].segment;
    size_t       here    = 0U;
    for (; m < mentions->count && mentions->items[m].segment == segment; ++m) {
      here += mentions->items[m].entity == index;
    }
    if (here) {
      TRY(st, aseankg_view_put(w, listed++ ? ", " : ""));
      TRY(st, put_segment_link(p, segment));
      if (here > 1U) {
        TRY(st, aseankg_view_put(w, " ×"));
        TRY(st, aseankg_view_put_size(w, here));
      }
    }
  }
  TRY(st, aseankg_view_put(w, "</p>\n</article>\n"));
  return ASEANKG_SUCCESS;
}

/* How deep mentions nest in the page; a name nested deeper is left plain (no text has come near). */
enum { MAX_NESTING = 16 };

/* Open a mention's element: the outermost is a link to the card; one inside it is a span (links do not
   nest), which a second click on the same place reaches (see the script). */
static AseankgStatus
open_mention(Page* const p, const AseankgMention* const m, const int outermost)
{
  AseankgStatus              st = ASEANKG_SUCCESS;
  AseankgViewWriter* const   w  = &p->w;
  const AseankgEntity* const e  = &p->data->entities[m->entity];
  TRY(st, aseankg_view_put(w, outermost ? "<a class=\"m f-" : "<span class=\"m f-"));
  TRY(st, aseankg_view_put(w, style_of(p, m->entity)->family));
  if (outermost) {
    TRY(st, aseankg_view_put(w, "\" href=\"#entity-"));
    TRY(st, put_text(w, e->id.value));
  }
  TRY(st, aseankg_view_put(w, "\" data-e=\""));
  TRY(st, put_text(w, e->id.value));
  TRY(st, aseankg_view_put(w, "\" title=\""));
  TRY(st, put_text(w, e->en.value));
  TRY(st, aseankg_view_put(w, "\">"));
  return ASEANKG_SUCCESS;
}

/* One segment's text with its mentions, nested ones inside the ones that contain them; `*next` walks the
   mention list (by start, the longer first) in step. A mention that crosses the end of one it starts
   inside is drawn up to that end. */
static AseankgStatus
write_segment(Page* const p, const size_t index, size_t* const next)
{
  AseankgStatus            st      = ASEANKG_SUCCESS;
  static const char* const kinds[] = { "header", "title", "preamble", "clause" };
  static const char* const notes[] = { " <small>wire header, not part of the statement</small>", "", "", "" };
  AseankgViewWriter* const w       = &p->w;
  const AseankgSegment* const     segment = &p->view->text->segments[index];
  const AseankgMentionList* const list    = p->view->mentions;

  TRY(st, aseankg_view_put(w, "<section class=\"seg "));
  TRY(st, aseankg_view_put(w, kinds[segment->kind]));
  TRY(st, aseankg_view_put(w, "\" id=\"seg-"));
  TRY(st, put_text(w, segment->id));
  TRY(st, aseankg_view_put(w, "\"><h2><a href=\"#seg-"));
  TRY(st, put_text(w, segment->id));
  TRY(st, aseankg_view_put(w, "\">"));
  TRY(st, put_text(w, segment->id));
  TRY(st, aseankg_view_put(w, "</a>"));
  TRY(st, aseankg_view_put(w, notes[segment->kind]));
  TRY(st, aseankg_view_put(w, "</h2><p>"));
  size_t at = 0U;
  size_t ends[MAX_NESTING]; /* the open elements' ends, innermost last */
  size_t depth = 0U;
  for (; *next < list->count && list->items[*next].segment == index; ++*next) {
    const AseankgMention* const m = &list->items[*next];
    for (; depth && ends[depth - 1U] <= m->begin; --depth) {
      TRY(st, put_text_n(w, segment->text + at, ends[depth - 1U] - at));
      TRY(st, aseankg_view_put(w, depth == 1U ? "</a>" : "</span>"));
      at = ends[depth - 1U];
    }
    if (depth == MAX_NESTING) {
      continue;
    }
    TRY(st, put_text_n(w, segment->text + at, m->begin - at));
    at = m->begin;
    TRY(st, open_mention(p, m, depth == 0U));
    ends[depth] = depth && m->end > ends[depth - 1U] ? ends[depth - 1U] : m->end;
    ++depth;
  }
  for (; depth; --depth) {
    TRY(st, put_text_n(w, segment->text + at, ends[depth - 1U] - at));
    TRY(st, aseankg_view_put(w, depth == 1U ? "</a>" : "</span>"));
    at = ends[depth - 1U];
  }
  TRY(st, put_text_n(w, segment->text + at, segment->length - at));
  TRY(st, aseankg_view_put(w, "</p></section>\n"));
  return ASEANKG_SUCCESS;
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

static AseankgStatus
write_entity_list(Page* const p)
{
  AseankgStatus            st   = ASEANKG_SUCCESS;
  AseankgViewWriter* const w    = &p->w;
  const size_t             n    = p->data->n_entities;
  Listed* const            list = (Listed*)calloc(n + 1U, sizeof(Listed));
  if (!list) {
    return aseankg_view_no_memory(w);
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

  TRY_CLEANUP(st, aseankg_view_put(
                    w, "<nav id=\"entities\" aria-label=\"Entities by type\"><h2>Entities by type</h2>\n"));
  for (size_t i = 0U; i < n_listed;) {
    size_t end = i;
    while (end < n_listed && !strcmp(list[end].type, list[i].type)) {
      ++end;
    }
    TRY_CLEANUP(st, aseankg_view_put(w, "<h3><span class=\"sw f-"));
    TRY_CLEANUP(st, aseankg_view_put(w, p->styles[list[i].family].family));
    TRY_CLEANUP(st, aseankg_view_put(w, "\"></span>"));
    TRY_CLEANUP(st, put_text(w, list[i].type));
    TRY_CLEANUP(st, aseankg_view_put(w, " <small>("));
    TRY_CLEANUP(st, aseankg_view_put_size(w, end - i));
    TRY_CLEANUP(st, aseankg_view_put(w, ")</small></h3>\n<ul>\n"));
    for (; i < end; ++i) {
      const AseankgEntity* const e = &p->data->entities[list[i].index];
      TRY_CLEANUP(st, aseankg_view_put(w, "<li><a class=\"ent f-"));
      TRY_CLEANUP(st, aseankg_view_put(w, p->styles[list[i].family].family));
      TRY_CLEANUP(st, aseankg_view_put(w, "\" href=\"#entity-"));
      TRY_CLEANUP(st, put_text(w, e->id.value));
      TRY_CLEANUP(st, aseankg_view_put(w, "\" data-e=\""));
      TRY_CLEANUP(st, put_text(w, e->id.value));
      TRY_CLEANUP(st, aseankg_view_put(w, "\"><span lang=\"zh\">"));
      TRY_CLEANUP(st, put_text(w, e->zh.value));
      TRY_CLEANUP(st, aseankg_view_put(w, "</span> <small lang=\"en\">"));
      TRY_CLEANUP(st, put_text(w, e->en.value));
      TRY_CLEANUP(st, aseankg_view_put(w, "</small></a></li>\n"));
    }
    TRY_CLEANUP(st, aseankg_view_put(w, "</ul>\n"));
  }
  TRY_CLEANUP(st, aseankg_view_put(w, "</nav>\n"));

cleanup:
  free(list);
  return st;
}

/* A link to an entity named by a document field (publisher, dateline place), if it resolves. */
static AseankgStatus
put_named(Page* const p, const char* const id)
{
  AseankgStatus st     = ASEANKG_SUCCESS;
  const size_t  entity = aseankg_view_entity(p->view, id);
  if (entity == ASEANKG_VIEW_LITERAL) {
    return put_text(&p->w, id);
  }
  TRY(st, aseankg_view_put(&p->w, "<a href=\"#entity-"));
  TRY(st, put_text(&p->w, id));
  TRY(st, aseankg_view_put(&p->w, "\">"));
  TRY(st, put_text(&p->w, p->data->entities[entity].zh.value));
  TRY(st, aseankg_view_put(&p->w, " "));
  TRY(st, put_text(&p->w, p->data->entities[entity].en.value));
  TRY(st, aseankg_view_put(&p->w, "</a>"));
  return ASEANKG_SUCCESS;
}

static AseankgStatus
write_header(Page* const p)
{
  AseankgStatus                   st       = ASEANKG_SUCCESS;
  AseankgViewWriter* const        w        = &p->w;
  const AseankgDocument* const    doc      = p->view->document;
  const AseankgExportStats* const stats    = &p->view->stats;
  const char* const               file     = strrchr(p->view->text->path, '/');
  const size_t                    counts[] = { stats->segments, stats->entities, stats->relations,
                                               stats->mentions, stats->spans,    stats->triples };
  static const char* const        names[]  = { "segments", "entities",   "relations",
                                               "mentions", "text spans", "triples" };
  static const char* const ids[] = { "segments", "entities", "relations", "mentions", "spans", "triples" };

  TRY(st, aseankg_view_put(w, "<header>\n<h1 lang=\"zh\">"));
  TRY(st, put_text(w, doc->title_zh.value));
  TRY(st, aseankg_view_put(w, "</h1>\n<p class=\"en\" lang=\"en\">"));
  TRY(st, put_text(w, doc->title_en.value));
  TRY(st, aseankg_view_put(w, "</p>\n<p class=\"meta\" lang=\"en\">Dateline "));
  TRY(st, put_named(p, doc->dateline_place.value));
  TRY(st, aseankg_view_put(w, ", "));
  TRY(st, put_text(w, doc->dateline_date.value));
  TRY(st, aseankg_view_put(w, " · published "));
  TRY(st, put_text(w, doc->published.value));
  TRY(st, aseankg_view_put(w, " by "));
  TRY(st, put_named(p, doc->publisher.value));
  TRY(st, aseankg_view_put(w, " · text <code>"));
  TRY(st, put_text(w, file ? file + 1 : p->view->text->path));
  TRY(st, aseankg_view_put(w, "</code>, SHA-256 <code>"));
  TRY(st, put_text(w, p->view->text->sha256_hex));
  TRY(st, aseankg_view_put(w, "</code></p>\n"));
  if (p->data->n_documents > 1U) { /* the page shows one document; the counts are the whole graph's */
    TRY(st, aseankg_view_put(w, "<p class=\"meta\" lang=\"en\">The graph of the corpus of "));
    TRY(st, aseankg_view_put_size(w, p->data->n_documents));
    TRY(st, aseankg_view_put(w, " documents:</p>\n"));
  }
  TRY(st, aseankg_view_put(w, "<ul class=\"counts\" lang=\"en\" aria-label=\"Counts of the graph\">"));
  for (size_t i = 0U; i < sizeof(counts) / sizeof(counts[0]); ++i) {
    TRY(st, aseankg_view_put(w, "<li id=\"count-"));
    TRY(st, aseankg_view_put(w, ids[i]));
    TRY(st, aseankg_view_put(w, "\"><b>"));
    TRY(st, aseankg_view_put_size(w, counts[i]));
    TRY(st, aseankg_view_put(w, "</b>"));
    TRY(st, aseankg_view_put(w, names[i]));
    TRY(st, aseankg_view_put(w, "</li>"));
  }
  TRY(st, aseankg_view_put(w, "</ul>\n<p class=\"legend\" lang=\"en\">"));
  for (size_t f = 0U; f + 1U < p->n_styles; ++f) { /* "other" only when something falls there */
    TRY(st, aseankg_view_put(w, "<span><span class=\"sw f-"));
    TRY(st, aseankg_view_put(w, p->styles[f].family));
    TRY(st, aseankg_view_put(w, "\"></span>"));
    TRY(st, aseankg_view_put(w, p->styles[f].label));
    TRY(st, aseankg_view_put(w, "</span>"));
  }
  TRY(st, aseankg_view_put(w, "</p>\n</header>\n"));
  return ASEANKG_SUCCESS;
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

static AseankgStatus
write_page(Page* const p, const AseankgBuffer* const css)
{
  AseankgStatus                st  = ASEANKG_SUCCESS;
  AseankgViewWriter* const     w   = &p->w;
  const AseankgDocument* const doc = p->view->document;
  char                         style_hash[64];
  char                         script_hash[64];
  if (!csp_hash(css->data, css->length, style_hash) ||
      !csp_hash(script_text, sizeof(script_text) - 1U, script_hash)) {
    return aseankg_view_no_memory(w); /* OpenSSL's digest fails only for want of memory */
  }

  TRY(st, aseankg_view_put(
            w, "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '"));
  TRY(st, aseankg_view_put(w, style_hash));
  TRY(st, aseankg_view_put(w, "'; script-src '"));
  TRY(st, aseankg_view_put(w, script_hash));
  TRY(st, aseankg_view_put(
            w, "'; base-uri 'none'; form-action 'none'\">\n<meta name=\"generator\" content=\"aseankg\">\n"
               "<title>"));
  TRY(st, put_text(w, doc->title_zh.value));
  TRY(st, aseankg_view_put(w, " — "));
  TRY(st, put_text(w, doc->title_en.value));
  TRY(st, aseankg_view_put(w, "</title>\n<style>"));
  TRY(st, aseankg_view_put_bytes(w, css->data, css->length));
  TRY(st, aseankg_view_put(w, "</style>\n</head>\n<body>\n"));
  TRY(st, write_header(p));

  TRY(st, aseankg_view_put(w, "<main>\n<div id=\"text\" lang=\"zh\">\n"));
  size_t next = 0U;
  for (size_t s = 0U; s < p->view->text->n_segments; ++s) {
    TRY(st, write_segment(p, s, &next));
  }
  TRY(st, aseankg_view_put(
            w, "</div>\n<aside id=\"panel\" lang=\"en\">\n<p id=\"hint\">Click a highlighted name in the "
               "text, or an entity below, to see its card.</p>\n<div id=\"cards\">\n"));
  for (size_t i = 0U; i < p->data->n_entities; ++i) {
    if (p->view->in_document[i]) {
      TRY(st, write_card(p, i));
    }
  }
  TRY(st, aseankg_view_put(w, "</div>\n"));
  TRY(st, write_entity_list(p));
  TRY(st, aseankg_view_put(w, "</aside>\n</main>\n<footer lang=\"en\">Dataset "));
  TRY(st, put_text(w, p->data->dataset.title.value));
  TRY(st, aseankg_view_put(w, ", version "));
  TRY(st, put_text(w, p->data->dataset.version.value));
  TRY(st, aseankg_view_put(w, ", license "));
  TRY(st, put_text(w, p->data->dataset.license.value));
  TRY(st, aseankg_view_put(w, ". Written by aseankg export --format html.</footer>\n<script>"));
  TRY(st, aseankg_view_put(w, script_text));
  TRY(st, aseankg_view_put(w, "</script>\n</body>\n</html>\n"));
  return ASEANKG_SUCCESS;
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
  aseankg_view_writer_init(&page.w, file_name, error);

  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st,
              aseankg_view_load(&view, project, base, options ? options->document : NULL, file_name, error));
  page.view   = &view;
  page.data   = project->data;
  page.base   = base ? base : ASEANKG_DEFAULT_BASE;
  page.styles = aseankg_entity_styles(&page.n_styles);
  if (build_style(&page, &css)) {
    st = aseankg_view_no_memory(&page.w);
    goto cleanup;
  }
  TRY_CLEANUP(st, write_page(&page, &css));
  st = aseankg_view_writer_flush(&page.w, stream);

cleanup:
  aseankg_view_writer_release(&page.w);
  aseankg_buffer_release(&css);
  aseankg_view_release(&view);
  return st;
}
