/* Safe set-up for every parser aseankg creates: no network, no file beyond the input, bounded expansion. */
#include "safety.h"

#include "try.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <stdlib.h>
#include <string.h>

/* libxml2 asks this for every external DTD, entity and parameter entity: the answer is always no. */
static xmlParserInputPtr
refuse_external_entity(const char* const url, const char* const id, xmlParserCtxtPtr const context)
{
  (void)url;
  (void)id;
  (void)context;
  return NULL;
}

void
aseankg_safety_libxml(void)
{
  xmlSetExternalEntityLoader(refuse_external_entity);
}

AseankgStatus
aseankg_safety_raptor_parser(raptor_parser* const parser, const char* const path, AseankgError* const error)
{
  aseankg_safety_libxml();
  if (raptor_parser_set_option(parser, RAPTOR_OPTION_NO_NET, NULL, 1) ||
      raptor_parser_set_option(parser, RAPTOR_OPTION_NO_FILE, NULL, 1) ||
      raptor_parser_set_option(parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, NULL, 0)) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "cannot make the parser safe");
  }
  return ASEANKG_SUCCESS;
}

static int
set_librdf_feature(librdf_world* const world, librdf_parser* const parser, const char* const name,
                   const char* const value)
{
  char feature[128];
  snprintf(feature, sizeof(feature), "http://feature.librdf.org/raptor-%s", name);
  librdf_uri* const  uri  = librdf_new_uri(world, (const unsigned char*)feature);
  librdf_node* const node = librdf_new_node_from_literal(world, (const unsigned char*)value, NULL, 0);
  const int          rc   = !uri || !node || librdf_parser_set_feature(parser, uri, node);
  librdf_free_node(node);
  librdf_free_uri(uri);
  return rc;
}

AseankgStatus
aseankg_safety_librdf_parser(librdf_world* const world, librdf_parser* const parser, const char* const path,
                             AseankgError* const error)
{
  aseankg_safety_libxml();
  if (set_librdf_feature(world, parser, "noNet", "1") || set_librdf_feature(world, parser, "noFile", "1") ||
      set_librdf_feature(world, parser, "loadExternalEntities", "0")) {
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "cannot make the parser safe");
  }
  return ASEANKG_SUCCESS;
}

/* --- the XML guard ------------------------------------------------------------------- */

#define NEED_MORE 1
#define NOT_XML_SPACE(c) ((c) != ' ' && (c) != '\t' && (c) != '\r' && (c) != '\n')
#define SATURATED ((uint64_t)1 << 62U)

typedef struct {
  const char* bytes;
  size_t      length;
  size_t      pos;
} Cursor;

static void
position_of(const char* const bytes, const size_t offset, unsigned* const line, unsigned* const column)
{
  *line   = 1U;
  *column = 1U;
  for (size_t i = 0U; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++*line;
      *column = 1U;
    } else if (((unsigned char)bytes[i] & 0xC0U) != 0x80U) {
      ++*column;
    }
  }
}

static AseankgStatus
refuse_at(AseankgXmlGuard* const guard, const Cursor* const cursor, const size_t offset,
          const char* const what)
{
  unsigned line   = 1U;
  unsigned column = 1U;
  position_of(cursor->bytes, offset, &line, &column);
  return aseankg_error_set(guard->error, ASEANKG_ERR_SYNTAX, guard->path, line, column, "%s", what);
}

static int
starts_with(const Cursor* const cursor, const char* const text)
{
  const size_t n = strlen(text);
  return cursor->length - cursor->pos >= n && !memcmp(cursor->bytes + cursor->pos, text, n);
}

/* Whether the bytes so far could still begin `text` (so more input is needed to tell). */
static int
could_start(const Cursor* const cursor, const char* const text)
{
  const size_t left = cursor->length - cursor->pos;
  const size_t n    = strlen(text);
  return left < n && !memcmp(cursor->bytes + cursor->pos, text, left);
}

static void
skip_space(Cursor* const cursor)
{
  while (cursor->pos < cursor->length && !NOT_XML_SPACE(cursor->bytes[cursor->pos])) {
    ++cursor->pos;
  }
}

/* Move past `end`; NEED_MORE if it is not there yet. */
static int
skip_past(Cursor* const cursor, const char* const end)
{
  const size_t n = strlen(end);
  for (size_t i = cursor->pos; i + n <= cursor->length; ++i) {
    if (!memcmp(cursor->bytes + i, end, n)) {
      cursor->pos = i + n;
      return 0;
    }
  }
  return NEED_MORE;
}

static int
is_name_byte(const char c)
{
  return NOT_XML_SPACE(c) && !strchr("<>&;%\"'[]=/", c);
}

static size_t
read_name(Cursor* const cursor)
{
  const size_t start = cursor->pos;
  while (cursor->pos < cursor->length && is_name_byte(cursor->bytes[cursor->pos])) {
    ++cursor->pos;
  }
  return cursor->pos - start;
}

/* A quoted literal; sets *value and *value_length to its contents. */
static int
read_quoted(Cursor* const cursor, const char** const value, size_t* const value_length)
{
  if (cursor->pos >= cursor->length) {
    return NEED_MORE;
  }
  const char        quote = cursor->bytes[cursor->pos];
  const char* const end =
    (const char*)memchr(cursor->bytes + cursor->pos + 1U, quote, cursor->length - cursor->pos - 1U);
  if (quote != '"' && quote != '\'') {
    return -1;
  }
  if (!end) {
    return NEED_MORE;
  }
  *value        = cursor->bytes + cursor->pos + 1U;
  *value_length = (size_t)(end - *value);
  cursor->pos   = (size_t)(end - cursor->bytes) + 1U;
  return 0;
}

static AseankgStatus
add_entity(AseankgXmlGuard* const guard, const char* const name, const size_t name_length,
           const char* const value, const size_t value_length)
{
  AseankgXmlEntity* const grown =
    (AseankgXmlEntity*)realloc(guard->entities, (guard->n_entities + 1U) * sizeof(AseankgXmlEntity));
  if (!grown) {
    return aseankg_error_set(guard->error, ASEANKG_ERR_NOMEM, guard->path, 0U, 0U, "out of memory");
  }
  guard->entities              = grown;
  AseankgXmlEntity* const item = &guard->entities[guard->n_entities];
  memset(item, 0, sizeof(*item));
  item->name  = (char*)malloc(name_length + 1U);
  item->value = (char*)malloc(value_length + 1U);
  if (!item->name || !item->value) {
    free(item->name);
    free(item->value);
    return aseankg_error_set(guard->error, ASEANKG_ERR_NOMEM, guard->path, 0U, 0U, "out of memory");
  }
  memcpy(item->name, name, name_length);
  item->name[name_length] = '\0';
  memcpy(item->value, value, value_length);
  item->value[value_length] = '\0';
  ++guard->n_entities;
  if (name_length > guard->max_name) {
    guard->max_name = name_length;
  }
  return ASEANKG_SUCCESS;
}

/* <!ENTITY ...> with the cursor past "<!ENTITY". Returns NEED_MORE, or an error status as a negative. */
static int
read_entity(AseankgXmlGuard* const guard, Cursor* const cursor, const size_t start)
{
  skip_space(cursor);
  if (cursor->pos >= cursor->length) {
    return NEED_MORE;
  }
  if (cursor->bytes[cursor->pos] == '%') {
    refuse_at(guard, cursor, start, "a parameter entity is declared: aseankg reads no parameter entities");
    return -1;
  }
  const char* const name        = cursor->bytes + cursor->pos;
  const size_t      name_length = read_name(cursor);
  skip_space(cursor);
  if (could_start(cursor, "SYSTEM") || could_start(cursor, "PUBLIC")) {
    return NEED_MORE;
  }
  if (starts_with(cursor, "SYSTEM") || starts_with(cursor, "PUBLIC")) {
    refuse_at(guard, cursor, start,
              "an external entity is declared: aseankg reads no file but its input and no network");
    return -1;
  }
  const char* value        = NULL;
  size_t      value_length = 0U;
  const int   rc           = read_quoted(cursor, &value, &value_length);
  if (rc) {
    if (rc < 0 || !name_length) {
      refuse_at(guard, cursor, start, "malformed entity declaration");
    }
    return rc < 0 || !name_length ? -1 : NEED_MORE;
  }
  skip_space(cursor);
  if (cursor->pos >= cursor->length) {
    return NEED_MORE;
  }
  if (cursor->bytes[cursor->pos] != '>') {
    refuse_at(guard, cursor, start, "malformed entity declaration");
    return -1;
  }
  ++cursor->pos;
  return add_entity(guard, name, name_length, value, value_length) ? -1 : 0;
}

/* The internal subset, with the cursor past '['; stops past ']'. */
static int
read_internal_subset(AseankgXmlGuard* const guard, Cursor* const cursor)
{
  for (;;) {
    skip_space(cursor);
    const size_t start = cursor->pos;
    int          rc    = 0;
    if (cursor->pos >= cursor->length) {
      return NEED_MORE;
    }
    if (cursor->bytes[cursor->pos] == ']') {
      ++cursor->pos;
      return 0;
    }
    if (cursor->bytes[cursor->pos] == '%') {
      refuse_at(guard, cursor, start,
                "a parameter entity is referenced: aseankg reads no parameter entities");
      return -1;
    }
    if (could_start(cursor, "<!ENTITY") || could_start(cursor, "<!--")) {
      return NEED_MORE;
    }
    if (starts_with(cursor, "<!--")) {
      rc = skip_past(cursor, "-->");
    } else if (starts_with(cursor, "<?")) {
      rc = skip_past(cursor, "?>");
    } else if (starts_with(cursor, "<!ENTITY")) {
      cursor->pos += 8U;
      rc = read_entity(guard, cursor, start);
    } else if (starts_with(cursor, "<!")) { /* ELEMENT, ATTLIST, NOTATION: to the '>' outside quotes */
      char quote = 0;
      for (cursor->pos += 2U; cursor->pos < cursor->length; ++cursor->pos) {
        const char c = cursor->bytes[cursor->pos];
        if (quote) {
          quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '%') {
          refuse_at(guard, cursor, cursor->pos,
                    "a parameter entity is referenced: aseankg reads no parameter entities");
          return -1;
        } else if (c == '>') {
          break;
        }
      }
      rc = cursor->pos < cursor->length ? (++cursor->pos, 0) : NEED_MORE;
    } else {
      refuse_at(guard, cursor, start, "malformed DOCTYPE internal subset");
      return -1;
    }
    if (rc) {
      return rc;
    }
  }
}

/* <!DOCTYPE name ExternalID? [subset]? > with the cursor past "<!DOCTYPE". */
static int
read_doctype(AseankgXmlGuard* const guard, Cursor* const cursor, const size_t start)
{
  skip_space(cursor);
  read_name(cursor);
  skip_space(cursor);
  if (could_start(cursor, "SYSTEM") || could_start(cursor, "PUBLIC")) {
    return NEED_MORE;
  }
  const char* value  = NULL;
  size_t      length = 0U;
  if (starts_with(cursor, "SYSTEM") || starts_with(cursor, "PUBLIC")) {
    const int is_public = starts_with(cursor, "PUBLIC");
    cursor->pos += 6U;
    for (int i = 0; i <= is_public; ++i) {
      skip_space(cursor);
      const int rc = read_quoted(cursor, &value, &length);
      if (rc) {
        if (rc < 0) {
          refuse_at(guard, cursor, start, "malformed DOCTYPE");
        }
        return rc;
      }
    }
    skip_space(cursor);
  }
  if (cursor->pos < cursor->length && cursor->bytes[cursor->pos] == '[') {
    ++cursor->pos;
    const int rc = read_internal_subset(guard, cursor);
    if (rc) {
      return rc;
    }
    skip_space(cursor);
  }
  if (cursor->pos >= cursor->length) {
    return NEED_MORE;
  }
  if (cursor->bytes[cursor->pos] != '>') {
    refuse_at(guard, cursor, start, "malformed DOCTYPE");
    return -1;
  }
  ++cursor->pos;
  return 0;
}

static AseankgXmlEntity*
find_entity(const AseankgXmlGuard* const guard, const char* const name, const size_t length)
{
  for (size_t i = 0U; i < guard->n_entities; ++i) { /* the first declaration binds (XML 1.0 §4.2) */
    if (strlen(guard->entities[i].name) == length && !memcmp(guard->entities[i].name, name, length)) {
      return &guard->entities[i];
    }
  }
  return NULL;
}

/* The expanded size of an entity's replacement text; refuses cycles and markup hidden in character
 * references. */
static AseankgStatus
expand(AseankgXmlGuard* const guard, AseankgXmlEntity* const entity)
{
  if (entity->state == 2) {
    return ASEANKG_SUCCESS;
  }
  if (entity->state == 1) {
    return aseankg_error_set(guard->error, ASEANKG_ERR_SYNTAX, guard->path, guard->line, guard->column,
                             "entity '%s' refers to itself", entity->name);
  }
  entity->state     = 1;
  uint64_t    total = 0U;
  const char* p     = entity->value;
  while (*p) {
    const char* const semicolon = *p == '&' ? strchr(p, ';') : NULL;
    if (!semicolon) {
      ++total;
      ++p;
      continue;
    }
    if (p[1] == '#') {
      const int           hex  = p[2] == 'x';
      const unsigned long real = strtoul(p + (hex ? 3 : 2), NULL, hex ? 16 : 10);
      if (real == '&' || real == '%' || real == '<') {
        return aseankg_error_set(guard->error, ASEANKG_ERR_SYNTAX, guard->path, guard->line, guard->column,
                                 "entity '%s' hides markup in a character reference", entity->name);
      }
      total += 4U;
    } else {
      AseankgXmlEntity* const inner = find_entity(guard, p + 1, (size_t)(semicolon - p - 1));
      if (inner) {
        const AseankgStatus st = expand(guard, inner);
        if (st) {
          return st;
        }
        total += inner->expansion;
      } else {
        total += (uint64_t)(semicolon - p + 1);
      }
    }
    total = total > SATURATED ? SATURATED : total;
    p     = semicolon + 1;
  }
  entity->expansion = total;
  entity->state     = 2;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_xml_guard_prolog(AseankgXmlGuard* const guard, const char* const bytes, const size_t length,
                         const int at_end)
{
  Cursor cursor = { bytes, length, 0U };
  if (length >= 2U &&
      (!bytes[0] || !bytes[1] || ((unsigned char)bytes[0] == 0xFEU) || ((unsigned char)bytes[0] == 0xFFU))) {
    return refuse_at(guard, &cursor, 0U, "XML in UTF-16 or UCS-4 is not read: convert it to UTF-8");
  }
  if (starts_with(&cursor, "\xEF\xBB\xBF")) {
    cursor.pos = 3U;
  }
  for (size_t i = 0U; i < guard->n_entities; ++i) { /* start over: the prolog is read again with more bytes */
    free(guard->entities[i].name);
    free(guard->entities[i].value);
  }
  guard->n_entities = 0U;
  guard->max_name   = 0U;

  int rc = 0;
  while (!rc) {
    skip_space(&cursor);
    const size_t start = cursor.pos;
    if (could_start(&cursor, "<!DOCTYPE") || could_start(&cursor, "<!--")) {
      rc = NEED_MORE;
    } else if (starts_with(&cursor, "<?")) {
      rc = skip_past(&cursor, "?>");
    } else if (starts_with(&cursor, "<!--")) {
      rc = skip_past(&cursor, "-->");
    } else if (starts_with(&cursor, "<!DOCTYPE")) {
      cursor.pos += 9U;
      rc = read_doctype(guard, &cursor, start);
    } else {
      break; /* the root element (or something the XML parser will refuse) */
    }
  }
  if (rc < 0) {
    return guard->error->status;
  }
  if (rc == NEED_MORE && !at_end) {
    if (length > ASEANKG_XML_MAX_PROLOG) {
      return refuse_at(guard, &cursor, cursor.pos, "the XML prolog (DOCTYPE) is longer than 1 MiB");
    }
    return ASEANKG_SUCCESS;
  }
  guard->prolog = rc == NEED_MORE ? length : cursor.pos;
  position_of(bytes, guard->prolog, &guard->line, &guard->column);
  for (size_t i = 0U; i < guard->n_entities; ++i) {
    const AseankgStatus st = expand(guard, &guard->entities[i]);
    if (st) {
      return st;
    }
  }
  guard->body  = 1;
  guard->input = guard->prolog;
  return ASEANKG_SUCCESS;
}

static AseankgStatus
count_reference(AseankgXmlGuard* const guard)
{
  const AseankgXmlEntity* const entity = find_entity(guard, guard->ref, guard->ref_length);
  if (!entity) {
    return ASEANKG_SUCCESS;
  }
  guard->added += entity->expansion;
  guard->added = guard->added > SATURATED ? SATURATED : guard->added;
  if (guard->added > ASEANKG_XML_EXPANSION_SLACK + (uint64_t)ASEANKG_XML_EXPANSION_RATIO * guard->input) {
    return aseankg_error_set(
      guard->error, ASEANKG_ERR_SYNTAX, guard->path, guard->ref_line, guard->ref_column,
      "entity references expand past 1 MiB plus %u bytes per input byte: refused as an "
      "entity expansion attack",
      ASEANKG_XML_EXPANSION_RATIO);
  }
  return ASEANKG_SUCCESS;
}

/* Tag states: text, just after '<', inside a start tag, inside a quoted value, other markup. */
enum { TAG_TEXT, TAG_OPEN, TAG_START, TAG_QUOTED, TAG_OTHER };

/* Count the attributes of start tags; 0, or an error status once a tag has too many. */
static AseankgStatus
count_attributes(AseankgXmlGuard* const guard, const char c)
{
  switch (guard->tag_state) {
    case TAG_TEXT:
      if (c == '<') {
        guard->tag_state  = TAG_OPEN;
        guard->tag_line   = guard->line;
        guard->tag_column = guard->column;
      }
      break;
    case TAG_OPEN:
      guard->tag_attributes = 0U;
      guard->tag_state      = c == '!' || c == '?' || c == '/' ? TAG_OTHER : c == '>' ? TAG_TEXT : TAG_START;
      break;
    case TAG_START:
      if (c == '"' || c == '\'') {
        guard->tag_state = TAG_QUOTED;
        guard->tag_quote = c;
      } else if (c == '>') {
        guard->tag_state = TAG_TEXT;
      } else if (c == '=' && ++guard->tag_attributes > ASEANKG_XML_MAX_ATTRIBUTES) {
        return aseankg_error_set(guard->error, ASEANKG_ERR_SYNTAX, guard->path, guard->tag_line,
                                 guard->tag_column, "an element with more than %u attributes",
                                 ASEANKG_XML_MAX_ATTRIBUTES);
      }
      break;
    case TAG_QUOTED:
      guard->tag_state = c == guard->tag_quote ? TAG_START : TAG_QUOTED;
      break;
    default:
      guard->tag_state = c == '>' ? TAG_TEXT : TAG_OTHER;
      break;
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_xml_guard_feed(AseankgXmlGuard* const guard, const char* const bytes, const size_t length)
{
  guard->input += length;
  for (size_t i = 0U; i < length; ++i) {
    const char c = bytes[i];
    if (count_attributes(guard, c)) {
      return guard->error->status;
    }
    if (!guard->n_entities) {
      /* nothing can expand */
    } else if (guard->in_ref && c == ';') {
      guard->in_ref = 0;
      if (count_reference(guard)) {
        return guard->error->status;
      }
    } else if (guard->in_ref && is_name_byte(c) && guard->ref_length < guard->max_name &&
               guard->ref_length + 1U < sizeof(guard->ref)) {
      guard->ref[guard->ref_length++] = c;
    } else {
      guard->in_ref = 0;
    }
    if (c == '&') {
      guard->in_ref     = 1;
      guard->ref_length = 0U;
      guard->ref_line   = guard->line;
      guard->ref_column = guard->column;
    }
    if (c == '\n') {
      ++guard->line;
      guard->column = 1U;
    } else if (((unsigned char)c & 0xC0U) != 0x80U) {
      ++guard->column;
    }
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_xml_guard_check(const char* const bytes, const size_t length, const char* const path,
                        AseankgError* const error)
{
  AseankgXmlGuard guard;
  memset(&guard, 0, sizeof(guard));
  guard.path       = path;
  guard.error      = error;
  AseankgStatus st = ASEANKG_SUCCESS;
  TRY_CLEANUP(st, aseankg_xml_guard_prolog(&guard, bytes, length, 1));
  st = aseankg_xml_guard_feed(&guard, bytes + guard.prolog, length - guard.prolog);

cleanup:
  aseankg_xml_guard_release(&guard);
  aseankg_safety_libxml();
  return st;
}

void
aseankg_xml_guard_release(AseankgXmlGuard* const guard)
{
  for (size_t i = 0U; i < guard->n_entities; ++i) {
    free(guard->entities[i].name);
    free(guard->entities[i].value);
  }
  free(guard->entities);
  guard->entities   = NULL;
  guard->n_entities = 0U;
}

/* --- the nesting guard --------------------------------------------------------------- */

enum { NORMAL, COMMENT, IRI, OPEN1, OPEN2, SHORT, SHORT_ESCAPE, LONG, LONG_ESCAPE, ESCAPE };

static int
nesting_step(AseankgNestingGuard* const guard, const char c)
{
  switch (guard->state) {
    case NORMAL:
      if (c == '#') {
        guard->state = COMMENT;
      } else if (c == '<') {
        guard->state = IRI;
      } else if (c == '"' || c == '\'') {
        guard->quote = c;
        guard->state = OPEN1;
      } else if (c == '\\') {
        guard->state = ESCAPE;
      } else if (c == '[' || c == '(') {
        return ++guard->depth > ASEANKG_MAX_NESTING;
      } else if ((c == ']' || c == ')') && guard->depth) {
        --guard->depth;
      }
      return 0;
    case COMMENT:
      guard->state = c == '\n' || c == '\r' ? NORMAL : COMMENT;
      return 0;
    case IRI:
      guard->state = c == '>' || c == '\n' ? NORMAL : IRI;
      return 0;
    case OPEN1:
      guard->state = c == guard->quote ? OPEN2 : SHORT;
      return guard->state == SHORT ? nesting_step(guard, c) : 0;
    case OPEN2:
      guard->state  = c == guard->quote ? LONG : NORMAL; /* "" is an empty string */
      guard->quotes = 0;
      return guard->state == NORMAL ? nesting_step(guard, c) : 0;
    case SHORT:
      guard->state = c == '\\' ? SHORT_ESCAPE : (c == guard->quote || c == '\n') ? NORMAL : SHORT;
      return 0;
    case LONG:
      if (c == '\\') {
        guard->state  = LONG_ESCAPE;
        guard->quotes = 0;
      } else if (c == guard->quote) {
        guard->state = ++guard->quotes == 3 ? NORMAL : LONG;
      } else {
        guard->quotes = 0;
      }
      return 0;
    case SHORT_ESCAPE:
      guard->state = SHORT;
      return 0;
    case LONG_ESCAPE:
      guard->state = LONG;
      return 0;
    default:
      guard->state = NORMAL;
      return 0;
  }
}

int
aseankg_nesting_guard_feed(AseankgNestingGuard* const guard, const char* const bytes, const size_t length)
{
  for (size_t i = 0U; i < length; ++i) {
    if (nesting_step(guard, bytes[i])) {
      return 1;
    }
    if (bytes[i] == '\n') {
      ++guard->line;
      guard->column = 1U;
    } else if (((unsigned char)bytes[i] & 0xC0U) != 0x80U) {
      ++guard->column;
    }
  }
  return 0;
}
