/* Aligned text tables of query results. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

/* Display width: one column per code point, two for East Asian wide characters. */
static size_t
display_width(const char* const text)
{
  size_t width = 0U;
  for (const unsigned char* p = (const unsigned char*)text; *p; ++p) {
    if ((*p & 0xC0U) != 0x80U) {
      width += (*p >= 0xE3U && *p <= 0xEFU) ? 2U : 1U; /* U+3000 to U+FFFF: CJK and full-width forms */
    }
  }
  return width;
}

void
aseankg_table_write(FILE* const stream, char* const* const cells, const size_t n_cells, const size_t columns)
{
  size_t* const widths = (size_t*)calloc(columns ? columns : 1U, sizeof(size_t));
  if (!widths || !columns) {
    free(widths);
    return;
  }
  for (size_t i = 0U; i < n_cells; ++i) {
    const size_t width = display_width(cells[i]);
    if (width > widths[i % columns]) {
      widths[i % columns] = width;
    }
  }

  for (size_t i = 0U; i < n_cells; ++i) {
    const size_t c = i % columns;
    fprintf(stream, "%s%s", c ? " | " : "", cells[i]);
    for (size_t pad = display_width(cells[i]); c + 1U < columns && pad < widths[c]; ++pad) {
      fputc(' ', stream);
    }
    if (c + 1U < columns) {
      continue;
    }
    fputc('\n', stream);
    if (i + 1U == columns) { /* the rule under the header */
      for (size_t k = 0U; k < columns; ++k) {
        for (size_t w = 0U; w < widths[k] + (k ? 3U : 0U); ++w) {
          fputc(k && w == 1U ? '+' : '-', stream);
        }
      }
      fputc('\n', stream);
    }
  }
  free(widths);
}

char*
aseankg_table_cell(const char* const iri, const char* const literal, const char* const language,
                   const char* const blank)
{
  const char* const value  = iri ? iri : literal ? literal : blank ? blank : "";
  const size_t      length = strlen(value) + (language ? strlen(language) : 0U) + 4U;
  char* const       text   = (char*)malloc(length);
  if (!text) {
    return NULL;
  }
  if (iri) {
    snprintf(text, length, "<%s>", iri);
  } else if (literal && language && *language) {
    snprintf(text, length, "%s@%s", literal, language);
  } else if (blank) {
    snprintf(text, length, "_:%s", blank);
  } else {
    snprintf(text, length, "%s", value);
  }
  return text;
}
