/* Canonical N-Triples / N-Quads output and a line-at-a-time N-Triples / N-Quads reader. */
#include "aseankg/ntriples.h"

#include "buffer.h"
#include "lines.h"
#include "iri.h"
#include "ntriples_private.h"
#include "reader_private.h"
#include "try.h"
#include "utf8.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

AseankgStatus
aseankg_ntriples_write(const AseankgGraph* const graph, FILE* const stream, const int with_graph_names)
{
  const AseankgQuad* const quads = aseankg_graph_quads(graph);
  const size_t             n     = aseankg_graph_size(graph);
  AseankgBuffer            out   = { NULL, 0U, 0U };
  AseankgStatus            st    = ASEANKG_SUCCESS;
  assert(graph);
  assert(stream);

  for (size_t i = 0U; i < n; ++i) {
    const AseankgTermId ids[4] = {
      quads[i].subject,
      quads[i].predicate,
      quads[i].object,
      with_graph_names ? quads[i].graph : 0U,
    };
    for (unsigned t = 0U; t < 4U && ids[t]; ++t) {
      const AseankgTerm* const term = aseankg_graph_term(graph, ids[t]);
      if (t) {
        TRY_CLEANUP(st, aseankg_buffer_append_byte(&out, ' '));
      }
      TRY_CLEANUP(st, aseankg_buffer_append(&out, term->key, term->key_length));
    }
    TRY_CLEANUP(st, aseankg_buffer_append(&out, " .\n", 3U));
    TRY_CLEANUP(st, aseankg_buffer_spill(&out, stream, ASEANKG_WRITE_CHUNK));
  }
  TRY_CLEANUP(st, aseankg_buffer_spill(&out, stream, 0U));
  st = ferror(stream) ? ASEANKG_ERR_IO : ASEANKG_SUCCESS;

cleanup:
  aseankg_buffer_release(&out);
  return st;
}

/* ------------------------------------------------------------------------ */
/* Reader */

typedef struct {
  AseankgGraph*             graph;
  const AseankgReadOptions* options;
  AseankgBuffer             label;
  AseankgError*             error;
  const char*               file;
  unsigned                  line;
  const char*               text; /* the current line, without its line break */
  size_t                    length;
  size_t                    pos;
  AseankgBuffer             value;
  AseankgBuffer             datatype;
} Reader;

static AseankgStatus
fail(Reader* const reader, const size_t at, const char* const message)
{
  const size_t column = aseankg_utf8_count(reader->text, at < reader->length ? at : reader->length);
  return aseankg_error_set(reader->error, ASEANKG_ERR_SYNTAX, reader->file, reader->line,
                           (unsigned)column + 1U, "%s", message);
}

static inline int
peek(const Reader* const reader)
{
  return reader->pos < reader->length ? (unsigned char)reader->text[reader->pos] : -1;
}

static int
eat(Reader* const reader, const char* const token)
{
  const size_t n = strlen(token);
  if (reader->length - reader->pos >= n && !memcmp(reader->text + reader->pos, token, n)) {
    reader->pos += n;
    return 1;
  }
  return 0;
}

static void
skip_space(Reader* const reader)
{
  while (peek(reader) == ' ' || peek(reader) == '\t') {
    ++reader->pos;
  }
}

static int
is_pn_chars_base(const uint32_t c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0U && c <= 0xD6U) ||
         (c >= 0xD8U && c <= 0xF6U) || (c >= 0xF8U && c <= 0x2FFU) || (c >= 0x370U && c <= 0x37DU) ||
         (c >= 0x37FU && c <= 0x1FFFU) || (c >= 0x200CU && c <= 0x200DU) || (c >= 0x2070U && c <= 0x218FU) ||
         (c >= 0x2C00U && c <= 0x2FEFU) || (c >= 0x3001U && c <= 0xD7FFU) || (c >= 0xF900U && c <= 0xFDCFU) ||
         (c >= 0xFDF0U && c <= 0xFFFDU) || (c >= 0x10000U && c <= 0xEFFFFU);
}

static int
is_pn_chars_u(const uint32_t c)
{
  return is_pn_chars_base(c) || c == '_';
}

static int
is_pn_chars(const uint32_t c)
{
  return is_pn_chars_u(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7U ||
         (c >= 0x300U && c <= 0x36FU) || (c >= 0x203FU && c <= 0x2040U);
}

/* Decode the code point at the read position, refusing malformed UTF-8. */
static AseankgStatus
next_char(Reader* const reader, uint32_t* const c, size_t* const size)
{
  *size = aseankg_utf8_decode(reader->text + reader->pos, reader->length - reader->pos, c);
  return *size ? ASEANKG_SUCCESS : fail(reader, reader->pos, "invalid UTF-8");
}

/* Read the hex digits of \u or \U (the backslash and letter are already eaten). */
static AseankgStatus
read_uchar(Reader* const reader, const unsigned digits, uint32_t* const c)
{
  const size_t start = reader->pos - 2U;
  uint32_t     value = 0U;
  for (unsigned i = 0U; i < digits; ++i) {
    const int h = peek(reader);
    uint32_t  d = 0U;
    if (h >= '0' && h <= '9') {
      d = (uint32_t)(h - '0');
    } else if (h >= 'A' && h <= 'F') {
      d = (uint32_t)(h - 'A' + 10);
    } else if (h >= 'a' && h <= 'f') {
      d = (uint32_t)(h - 'a' + 10);
    } else {
      return fail(reader, reader->pos, "bad hex digit in numeric escape");
    }
    value = (value << 4U) | d;
    ++reader->pos;
  }
  if (value > 0x10FFFFU || (value >= 0xD800U && value <= 0xDFFFU)) {
    return fail(reader, start, "numeric escape is not a Unicode scalar value");
  }
  *c = value;
  return ASEANKG_SUCCESS;
}

static AseankgStatus
append_char(AseankgBuffer* const out, const uint32_t c)
{
  char         bytes[4];
  const size_t n = aseankg_utf8_encode(c, bytes);
  return aseankg_buffer_append(out, bytes, n);
}

/* An ASCII byte that may appear unescaped in an IRIREF. */
static inline int
is_plain_iri_byte(const unsigned char c)
{
  /* Bit c of these words: printable ASCII except space <>"{}|^`\ */
  static const uint64_t low  = 0xAFFFFFFA00000000ULL; /* 0x00-0x3F: no controls, space, '"', '<', '>' */
  static const uint64_t high = 0x47FFFFFEAFFFFFFFULL; /* 0x40-0x7F: no '\\', '^', '`', '{', '|', '}', DEL */
  return c < 64U ? (int)((low >> c) & 1U) : c < 128U ? (int)((high >> (c - 64U)) & 1U) : 0;
}

/* IRIREF: '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>', and it must be absolute. */
static AseankgStatus
read_iri(Reader* const reader, AseankgBuffer* const out, AseankgTermId* const id)
{
  const size_t start = reader->pos;
  aseankg_buffer_reset(out);
  if (!eat(reader, "<")) {
    return fail(reader, reader->pos, "expected '<'");
  }

  AseankgStatus st = ASEANKG_SUCCESS;
  while (!st) {
    const int b = peek(reader);
    if (b < 0) {
      return fail(reader, start, "unterminated IRI");
    }
    if (b == '>') {
      ++reader->pos;
      break;
    }

    /* Fast path: a run of plain ASCII IRI characters is copied as it is. */
    const size_t run = reader->pos;
    while (reader->pos < reader->length && is_plain_iri_byte((unsigned char)reader->text[reader->pos])) {
      ++reader->pos;
    }
    if (reader->pos > run) {
      st = aseankg_buffer_append(out, reader->text + run, reader->pos - run);
      continue;
    }

    uint32_t     c    = 0U;
    size_t       size = 1U;
    const size_t at   = reader->pos;
    if (b == '\\') {
      reader->pos += 2U;
      const int kind = at + 1U < reader->length ? reader->text[at + 1U] : 0;
      if (kind != 'u' && kind != 'U') {
        return fail(reader, at, "only \\u and \\U escapes are allowed in an IRI");
      }
      st = read_uchar(reader, kind == 'u' ? 4U : 8U, &c);
      if (st) {
        return st;
      }
    } else {
      st = next_char(reader, &c, &size);
      if (st) {
        return st;
      }
      reader->pos += size;
    }

    if (c <= 0x20U || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
        c == '`' || c == '\\') {
      return fail(reader, at, "character not allowed in an IRI");
    }
    st = append_char(out, c);
  }

  if (!st && !aseankg_iri_has_scheme(out->data, out->length)) {
    return fail(reader, start, "relative IRI (N-Triples needs absolute IRIs)");
  }
  if (!st) {
    *id = aseankg_graph_iri(reader->graph, out->data, out->length);
    st  = *id ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
  }
  return st;
}

/* BLANK_NODE_LABEL: '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)? */
static AseankgStatus
read_blank(Reader* const reader, AseankgTermId* const id)
{
  const size_t start = reader->pos;
  if (!eat(reader, "_:")) {
    return fail(reader, reader->pos, "expected a blank node label");
  }

  const size_t label = reader->pos;
  size_t       end   = label; /* just past the last PN_CHARS */
  while (reader->pos < reader->length) {
    uint32_t            c    = 0U;
    size_t              size = 0U;
    const AseankgStatus st   = next_char(reader, &c, &size);
    if (st) {
      return st;
    }
    const int first = reader->pos == label;
    if (first ? !(is_pn_chars_u(c) || (c >= '0' && c <= '9')) : !(is_pn_chars(c) || c == '.')) {
      break;
    }
    reader->pos += size;
    if (c != '.') {
      end = reader->pos;
    }
  }

  if (end == label) {
    return fail(reader, start, "empty or malformed blank node label");
  }
  reader->pos = end; /* a trailing '.' ends the statement, not the label */
  *id =
    aseankg_reader_blank(reader->graph, reader->options, &reader->label, reader->text + label, end - label);
  return *id ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
}

static AseankgStatus
read_string(Reader* const reader)
{
  const size_t         start = reader->pos;
  AseankgBuffer* const out   = &reader->value;
  aseankg_buffer_reset(out);
  ++reader->pos; /* the opening quote */

  for (;;) {
    const int b = peek(reader);
    if (b < 0) {
      return fail(reader, start, "unterminated string");
    }
    if (b == '"') {
      ++reader->pos;
      return ASEANKG_SUCCESS;
    }

    AseankgStatus st = ASEANKG_SUCCESS;
    if (b == '\\') {
      const size_t at     = reader->pos;
      const int    kind   = at + 1U < reader->length ? reader->text[at + 1U] : 0;
      const char*  echars = "tbnrf\"'\\";
      const char*  values = "\t\b\n\r\f\"'\\";
      const char*  found  = kind ? strchr(echars, kind) : NULL;
      reader->pos += 2U;
      if (found) {
        st = aseankg_buffer_append_byte(out, values[found - echars]);
      } else if (kind == 'u' || kind == 'U') {
        uint32_t c = 0U;
        TRY(st, read_uchar(reader, kind == 'u' ? 4U : 8U, &c));
        st = append_char(out, c);
      } else {
        return fail(reader, at, "unknown escape in string");
      }
    } else if (b == '\n' || b == '\r') {
      return fail(reader, reader->pos, "line break in string");
    } else {
      /* Copy a run of characters that need no unescaping, checking UTF-8 as it goes. */
      const size_t run = reader->pos;
      while (reader->pos < reader->length) {
        const unsigned char c = (unsigned char)reader->text[reader->pos];
        if (c == '"' || c == '\\' || c == '\n' || c == '\r') {
          break;
        }
        if (c < 0x80U) {
          ++reader->pos;
          continue;
        }
        uint32_t code_point = 0U;
        size_t   size       = 0U;
        st                  = next_char(reader, &code_point, &size);
        if (st) {
          return st;
        }
        reader->pos += size;
      }
      st = aseankg_buffer_append(out, reader->text + run, reader->pos - run);
    }
    if (st) {
      return st;
    }
  }
}

static int
is_alpha(const int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(const int c)
{
  return is_alpha(c) || (c >= '0' && c <= '9');
}

/* LANG_DIR: '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)* ('--' [a-zA-Z]+)? */
static AseankgStatus
read_literal(Reader* const reader, AseankgTermId* const id)
{
  AseankgStatus st = read_string(reader);
  if (st) {
    return st;
  }

  char          language[128] = { 0 };
  const char*   direction     = NULL;
  AseankgTermId datatype      = 0U;

  /* RDF 1.2 allows white space between the string and its tag or datatype. */
  const size_t after_string = reader->pos;
  skip_space(reader);
  if (peek(reader) != '@' && peek(reader) != '^') {
    reader->pos = after_string;
  }

  if (peek(reader) == '@') {
    const size_t start = reader->pos++;
    size_t       n     = 0U;
    while (is_alpha(peek(reader))) {
      ++reader->pos;
    }
    if (reader->pos == start + 1U) {
      return fail(reader, start, "empty language tag");
    }
    while (peek(reader) == '-' && reader->pos + 1U < reader->length &&
           is_alnum((unsigned char)reader->text[reader->pos + 1U])) {
      reader->pos += 2U;
      while (is_alnum(peek(reader))) {
        ++reader->pos;
      }
    }
    n = reader->pos - start - 1U;
    if (n >= sizeof(language)) {
      return fail(reader, start, "language tag too long");
    }
    memcpy(language, reader->text + start + 1U, n);

    if (eat(reader, "--")) {
      if (eat(reader, "ltr")) {
        direction = "ltr";
      } else if (eat(reader, "rtl")) {
        direction = "rtl";
      } else {
        return fail(reader, reader->pos, "base direction must be 'ltr' or 'rtl'");
      }
      if (is_alpha(peek(reader))) {
        return fail(reader, reader->pos, "base direction must be 'ltr' or 'rtl'");
      }
    }
  } else if (eat(reader, "^^")) {
    skip_space(reader);
    st = read_iri(reader, &reader->datatype, &datatype);
    if (st) {
      return st;
    }
  }

  *id = aseankg_graph_literal(reader->graph, reader->value.data ? reader->value.data : "",
                              reader->value.length, datatype, language[0] ? language : NULL, direction);
  return *id ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
}

typedef enum { ROLE_SUBJECT, ROLE_PREDICATE, ROLE_OBJECT, ROLE_GRAPH } Role;

static AseankgStatus read_term(Reader* reader, Role role, unsigned depth, AseankgTermId* id);

/* tripleTerm: '<<(' subject predicate object ')>>' */
static AseankgStatus
read_triple_term(Reader* const reader, const unsigned depth, AseankgTermId* const id)
{
  if (depth > 64U) {
    return fail(reader, reader->pos, "triple terms nested too deeply");
  }

  reader->pos += 3U;
  AseankgTermId parts[3] = { 0U, 0U, 0U };
  for (unsigned i = 0U; i < 3U; ++i) {
    skip_space(reader);
    const AseankgStatus st = read_term(reader, (Role)i, depth + 1U, &parts[i]);
    if (st) {
      return st;
    }
  }
  skip_space(reader);
  if (!eat(reader, ")>>")) {
    return fail(reader, reader->pos, "expected ')>>' to close the triple term");
  }
  *id = aseankg_graph_triple_term(reader->graph, parts[0], parts[1], parts[2]);
  return *id ? ASEANKG_SUCCESS : ASEANKG_ERR_NOMEM;
}

static AseankgStatus
read_term(Reader* const reader, const Role role, const unsigned depth, AseankgTermId* const id)
{
  const int c = peek(reader);
  if (c == '<' && reader->pos + 2U < reader->length && reader->text[reader->pos + 1U] == '<') {
    if (role != ROLE_OBJECT || reader->text[reader->pos + 2U] != '(') {
      return fail(reader, reader->pos, "a triple term may only be an object");
    }
    return read_triple_term(reader, depth, id);
  }
  if (c == '<') {
    return read_iri(reader, &reader->value, id);
  }
  if (c == '_' && role != ROLE_PREDICATE) {
    return read_blank(reader, id);
  }
  if (c == '"' && role == ROLE_OBJECT) {
    return read_literal(reader, id);
  }

  static const char* const expected[] = {
    "expected a subject (IRI or blank node)",
    "expected a predicate (IRI)",
    "expected an object (IRI, blank node, literal or triple term)",
    "expected a graph name or '.'",
  };
  return fail(reader, reader->pos, expected[role]);
}

static AseankgStatus
read_line(Reader* const reader, const int quads)
{
  skip_space(reader);
  if (peek(reader) < 0 || peek(reader) == '#') {
    return ASEANKG_SUCCESS;
  }

  AseankgTermId terms[4] = { 0U, 0U, 0U, 0U };
  for (unsigned i = 0U; i < 3U; ++i) {
    const AseankgStatus st = read_term(reader, (Role)i, 0U, &terms[i]);
    if (st) {
      return st;
    }
    skip_space(reader);
  }

  if (quads && peek(reader) != '.') {
    const AseankgStatus st = read_term(reader, ROLE_GRAPH, 0U, &terms[3]);
    if (st) {
      return st;
    }
    const AseankgTerm* const name = aseankg_graph_term(reader->graph, terms[3]);
    if (name->kind == ASEANKG_TERM_LITERAL) {
      return fail(reader, reader->pos, "a graph name must be an IRI or blank node");
    }
    skip_space(reader);
  }

  if (!eat(reader, ".")) {
    return fail(reader, reader->pos, "expected '.' at the end of the statement");
  }
  skip_space(reader);
  if (peek(reader) >= 0 && peek(reader) != '#') {
    return fail(reader, reader->pos, "unexpected text after the statement");
  }

  if (reader->options->sink) {
    const AseankgQuad quad = { terms[0], terms[1], terms[2], terms[3] };
    return reader->options->sink(reader->options->handle, &quad);
  }
  return aseankg_graph_add(reader->graph, terms[0], terms[1], terms[2], terms[3]);
}

typedef struct {
  AseankgQuad* quad;
  int          seen;
} RowCapture;

static AseankgStatus
capture_quad(void* const handle, const AseankgQuad* const quad)
{
  RowCapture* const capture = (RowCapture*)handle;
  *capture->quad            = *quad;
  capture->seen             = 1;
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_ntriples_read_with(AseankgGraph* const graph, FILE* const stream, const char* const file_name,
                           const AseankgReadOptions* const options, AseankgError* const error)
{
  static const AseankgReadOptions defaults = { 0, NULL, NULL, NULL };
  Reader                          reader;
  memset(&reader, 0, sizeof(reader));
  reader.graph   = graph;
  reader.options = options ? options : &defaults;
  reader.error   = error;
  reader.file    = file_name;

  AseankgLines lines;
  aseankg_lines_init(&lines, stream, file_name, ASEANKG_MAX_STATEMENT);
  int           more = 1;
  AseankgStatus st   = ASEANKG_SUCCESS;
  while (!st && more) {
    st = aseankg_lines_next(&lines, &more, error);
    if (!st && more) {
      reader.line   = lines.number;
      reader.text   = lines.line.data ? lines.line.data : "";
      reader.length = lines.line.length;
      reader.pos    = 0U;
      st            = read_line(&reader, reader.options->quads);
      if (st == ASEANKG_ERR_NOMEM) {
        aseankg_error_set(error, st, file_name, reader.line, 1U, "out of memory");
      }
    }
  }

  aseankg_lines_release(&lines);
  aseankg_buffer_release(&reader.value);
  aseankg_buffer_release(&reader.datatype);
  aseankg_buffer_release(&reader.label);
  return st;
}

AseankgStatus
aseankg_ntriples_read(AseankgGraph* const graph, FILE* const stream, const char* const file_name,
                      const int quads, AseankgError* const error)
{
  const AseankgReadOptions options = { quads, NULL, NULL, NULL };
  return aseankg_ntriples_read_with(graph, stream, file_name, &options, error);
}

AseankgStatus
aseankg_ntriples_read_row(AseankgGraph* const graph, const char* const file_name, const unsigned line,
                          const char* const text, const size_t length, const size_t start,
                          AseankgQuad* const quad, AseankgError* const error)
{
  static const AseankgReadOptions options = { 1, NULL, NULL, NULL };
  RowCapture                      capture = { quad, 0 };
  AseankgReadOptions              chosen  = options;
  chosen.sink                             = capture_quad;
  chosen.handle                           = &capture;

  Reader reader;
  memset(&reader, 0, sizeof(reader));
  reader.graph   = graph;
  reader.options = &chosen;
  reader.error   = error;
  reader.file    = file_name;
  reader.line    = line;
  reader.text    = text;
  reader.length  = length;
  reader.pos     = start;

  AseankgStatus st = read_line(&reader, 1);
  if (!st && !capture.seen) {
    st = fail(&reader, start, "expected a quad");
  }
  aseankg_buffer_release(&reader.value);
  aseankg_buffer_release(&reader.datatype);
  aseankg_buffer_release(&reader.label);
  return st;
}
