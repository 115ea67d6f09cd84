/* Loads the source text, checks it, and finds its segments; never trusts a typed offset. */
#include "aseankg/text.h"

#include "array.h"
#include "file.h"
#include "utf8.h"

#include <assert.h>
#include <openssl/evp.h>

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The ideographic comma that follows a clause number: 、 (U+3001). */
static const char clause_separator[] = "\xE3\x80\x81";

/* Report a problem at byte `offset` of the file, as line and character column. */
static AseankgStatus
fail_at(const AseankgText* const text, const size_t offset, const AseankgStatus status,
        const char* const message, AseankgError* const error)
{
  unsigned line       = 1U;
  size_t   line_start = 0U;
  for (size_t i = 0U; i < offset; ++i) {
    if (text->bytes[i] == '\n') {
      ++line;
      line_start = i + 1U;
    }
  }
  const size_t column = aseankg_utf8_count(text->bytes + line_start, offset - line_start) + 1U;
  return aseankg_error_set(error, status, text->path, line, (unsigned)column, "%s", message);
}

static const char* const digits[] = {
  "\xE4\xB8\x80", /* 一 */ "\xE4\xBA\x8C", /* 二 */ "\xE4\xB8\x89", /* 三 */
  "\xE5\x9B\x9B", /* 四 */ "\xE4\xBA\x94", /* 五 */ "\xE5\x85\xAD", /* 六 */
  "\xE4\xB8\x83", /* 七 */ "\xE5\x85\xAB", /* 八 */ "\xE4\xB9\x9D", /* 九 */
};
static const char ten[] = "\xE5\x8D\x81"; /* 十 */

/* Read one digit 一 … 九 (each is 3 bytes); 0 if there is none. */
static unsigned
parse_digit(const char* const bytes, const size_t length)
{
  if (length < 3U) {
    return 0U;
  }
  for (unsigned d = 0U; d < 9U; ++d) {
    if (!memcmp(bytes, digits[d], 3U)) {
      return d + 1U;
    }
  }
  return 0U;
}

unsigned
aseankg_text_parse_numeral(const char* const bytes, const size_t length, size_t* const consumed)
{
  size_t   pos  = 0U;
  unsigned tens = parse_digit(bytes, length);
  if (tens) {
    pos = 3U;
  }
  if (length - pos >= 3U && !memcmp(bytes + pos, ten, 3U)) {
    pos += 3U;
    tens                 = tens ? tens : 1U;
    const unsigned units = parse_digit(bytes + pos, length - pos);
    pos += units ? 3U : 0U;
    *consumed = pos;
    return tens * 10U + units;
  }
  *consumed = pos;
  return tens; /* a lone digit, or 0 */
}

/* If `line` starts with a clause number and 、, return the number. */
static unsigned
clause_number(const char* const line, const size_t length)
{
  size_t         consumed = 0U;
  const unsigned number   = aseankg_text_parse_numeral(line, length, &consumed);
  if (number && length - consumed >= 3U && !memcmp(line + consumed, clause_separator, 3U)) {
    return number;
  }
  return 0U;
}

static AseankgStatus
hash_text(AseankgText* const text)
{
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned      size = 0U;
  if (!EVP_Digest(text->bytes, text->length, digest, &size, EVP_sha256(), NULL) || size != 32U) {
    return ASEANKG_ERR_NOMEM;
  }
  for (unsigned i = 0U; i < size; ++i) {
    snprintf(text->sha256_hex + (size_t)i * 2U, 3U, "%02x", digest[i]);
  }
  return ASEANKG_SUCCESS;
}

static AseankgStatus
add_segment(AseankgText* const text, const AseankgSegmentKind kind, const unsigned number, const size_t start,
            const size_t end, const unsigned line)
{
  if (aseankg_array_reserve((void**)&text->segments, &text->segments_capacity, text->n_segments + 1U,
                            sizeof(AseankgSegment)) ||
      !text->segments) { /* (set on success; the check is for the analyzer) */
    return ASEANKG_ERR_NOMEM;
  }

  /* Count code points from the previous segment on, not from the start: linear in the text. */
  const AseankgSegment* const previous = text->n_segments ? &text->segments[text->n_segments - 1U] : NULL;
  const size_t from         = previous ? (size_t)(previous->text - text->bytes) + previous->length : 0U;
  const size_t chars_before = (previous ? previous->char_offset + previous->char_length : 0U) +
                              aseankg_utf8_count(text->bytes + from, start - from);

  AseankgSegment* const segment = &text->segments[text->n_segments++];
  memset(segment, 0, sizeof(*segment));
  segment->kind        = kind;
  segment->number      = number;
  segment->text        = text->bytes + start;
  segment->length      = end - start;
  segment->char_length = aseankg_utf8_count(segment->text, segment->length);
  segment->line        = line;
  segment->char_offset = chars_before;
  if (kind == ASEANKG_SEGMENT_TITLE) {
    snprintf(segment->id, sizeof(segment->id), "title");
  } else {
    static const char* const names[] = { "header", "title", "preamble", "clause" };
    snprintf(segment->id, sizeof(segment->id), "%s-%u", names[kind], number);
  }
  return ASEANKG_SUCCESS;
}

/* Walk the lines: header, title, preamble paragraphs, then numbered clauses. */
static AseankgStatus
segment_text(AseankgText* const text, const char* const title, AseankgError* const error)
{
  const size_t title_length = strlen(title);
  int          seen_title   = 0;
  unsigned     n_header     = 0U;
  unsigned     n_preamble   = 0U;
  unsigned     n_clauses    = 0U;
  unsigned     line         = 0U;

  for (size_t start = 0U; start < text->length;) {
    const char* const newline = (const char*)memchr(text->bytes + start, '\n', text->length - start);
    const size_t      end     = newline ? (size_t)(newline - text->bytes) : text->length;
    const char* const bytes   = text->bytes + start;
    const size_t      length  = end - start;
    const size_t      next    = newline ? end + 1U : end;
    ++line;

    AseankgStatus st = ASEANKG_SUCCESS;
    if (!length) {
      /* blank lines separate nothing: paragraphs are lines */
    } else if (!seen_title) {
      if (length == title_length && !memcmp(bytes, title, length)) {
        seen_title = 1;
        st         = add_segment(text, ASEANKG_SEGMENT_TITLE, 0U, start, end, line);
      } else {
        st = add_segment(text, ASEANKG_SEGMENT_HEADER, ++n_header, start, end, line);
      }
    } else {
      const unsigned number = clause_number(bytes, length);
      if (number && number != n_clauses + 1U) {
        char message[96];
        snprintf(message, sizeof(message), "clause %u follows clause %u; clauses must be numbered in order",
                 number, n_clauses);
        return fail_at(text, start, ASEANKG_ERR_DATA, message, error);
      }
      if (!number && n_clauses) {
        return fail_at(text, start, ASEANKG_ERR_DATA, "unnumbered paragraph after the operative clauses",
                       error);
      }
      st = number ? add_segment(text, ASEANKG_SEGMENT_CLAUSE, ++n_clauses, start, end, line)
                  : add_segment(text, ASEANKG_SEGMENT_PREAMBLE, ++n_preamble, start, end, line);
    }
    if (st) {
      return aseankg_error_set(error, st, text->path, 0U, 0U, "out of memory");
    }
    start = next;
  }

  if (!seen_title) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, text->path, 1U, 1U,
                             "no line is the document title \"%s\"", title);
  }
  if (!n_clauses) {
    return aseankg_error_set(error, ASEANKG_ERR_DATA, text->path, line ? line : 1U, 1U,
                             "no numbered clause (一、…) after the title");
  }
  return ASEANKG_SUCCESS;
}

AseankgStatus
aseankg_text_load(AseankgText** const text_out, const char* const path, const char* const title,
                  AseankgError* const error)
{
  assert(text_out);
  assert(path);
  assert(title);
  *text_out               = NULL;
  AseankgText* const text = (AseankgText*)calloc(1U, sizeof(AseankgText));
  if (!text || !(text->path = strdup(path))) {
    free(text);
    return aseankg_error_set(error, ASEANKG_ERR_NOMEM, path, 0U, 0U, "out of memory");
  }

  AseankgStatus st = aseankg_file_read(path, &text->bytes, &text->length, error);
  if (st) {
    goto cleanup;
  }

  int          valid = 0;
  const size_t bad   = aseankg_utf8_validate(text->bytes, text->length, &valid);
  if (!valid) {
    st = fail_at(text, bad, ASEANKG_ERR_SYNTAX, "invalid UTF-8", error);
    goto cleanup;
  }
  const char* const nul = (const char*)memchr(text->bytes, '\0', text->length);
  const char* const cr  = (const char*)memchr(text->bytes, '\r', text->length);
  if (nul || cr) {
    const size_t at = (size_t)((nul && (!cr || nul < cr) ? nul : cr) - text->bytes);
    st              = fail_at(text, at, ASEANKG_ERR_SYNTAX,
                 nul ? "NUL byte in text" : "carriage return in text (use LF line ends)", error);
    goto cleanup;
  }

  text->char_length = aseankg_utf8_count(text->bytes, text->length);
  st                = hash_text(text);
  if (st) {
    aseankg_error_set(error, st, path, 0U, 0U, "cannot compute SHA-256");
    goto cleanup;
  }
  st = segment_text(text, title, error);

cleanup:
  if (st) {
    aseankg_text_free(text);
    return st;
  }
  *text_out = text;
  return ASEANKG_SUCCESS;
}

void
aseankg_text_free(AseankgText* const text)
{
  if (text) {
    free(text->path);
    free(text->bytes);
    free(text->segments);
    free(text);
  }
}

static int
compare_segment_keys(const void* const key, const void* const element)
{
  const AseankgSegment* const k = (const AseankgSegment*)key;
  const AseankgSegment* const e = (const AseankgSegment*)element;
  if (k->kind != e->kind) {
    return k->kind < e->kind ? -1 : 1;
  }
  return (k->number > e->number) - (k->number < e->number);
}

const AseankgSegment*
aseankg_text_segment(const AseankgText* const text, const char* const id)
{
  assert(text);
  assert(id);
  /* Segments are in file order, which is (kind, number) order: parse the id and search. */
  static const char* const prefixes[] = { "header-", "title", "preamble-", "clause-" };
  AseankgSegment           key;
  memset(&key, 0, sizeof(key));
  for (unsigned k = 0U; k < 4U; ++k) {
    const size_t n = strlen(prefixes[k]);
    if (strncmp(id, prefixes[k], n)) {
      continue;
    }
    char* end  = NULL;
    key.kind   = (AseankgSegmentKind)k;
    key.number = k == ASEANKG_SEGMENT_TITLE ? 0U : (unsigned)strtoul(id + n, &end, 10);
    if (k == ASEANKG_SEGMENT_TITLE ? id[n] != '\0' : (end == id + n || *end || id[n] < '1' || id[n] > '9')) {
      return NULL;
    }
    return (const AseankgSegment*)bsearch(&key, text->segments, text->n_segments, sizeof(AseankgSegment),
                                          compare_segment_keys);
  }
  return NULL;
}

size_t
aseankg_segment_find(const AseankgSegment* const segment, const char* const needle, const unsigned occurrence)
{
  assert(segment);
  assert(needle);
  const size_t n = strlen(needle);
  if (!n || !occurrence) {
    return (size_t)-1;
  }

  unsigned seen = 0U;
  for (size_t i = 0U; i + n <= segment->length; ++i) {
    if (!memcmp(segment->text + i, needle, n) && ++seen == occurrence) {
      return i;
    }
  }
  return (size_t)-1;
}
