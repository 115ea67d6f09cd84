/* Text tables for query results, shared by the embedded store and the remote client. */
#ifndef ASEANKG_SRC_TABLE_H
#define ASEANKG_SRC_TABLE_H

#include <stddef.h>
#include <stdio.h>

/**
   Write `n_cells` cells, `columns` per row, the first row being the header,
   as an aligned table: columns padded to their widest cell (CJK characters
   count two), a rule under the header.
*/
void aseankg_table_write(FILE* stream, char* const* cells, size_t n_cells, size_t columns);

/** Format a value for a cell: "<iri>", "text@lang", "text" or "_:label". Returns a new string. */
char* aseankg_table_cell(const char* iri, const char* literal, const char* language, const char* blank);

#endif /* ASEANKG_SRC_TABLE_H */
