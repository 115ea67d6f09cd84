/* aseankg load: graphs into the embedded store, or to a server's Graph Store endpoint. */
#include "cli.h"

#include "aseankg/aseankg.h"

#include "../util/try.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The graph a file is loaded into when --graph does not name one: the file's own URI. */
static AseankgStatus
file_graph_iri(const char* const path, char* const iri, const size_t size, AseankgError* const error)
{
  char* const uri = aseankg_path_to_iri(path);
  if (!uri) {
    return aseankg_error_set(error, ASEANKG_ERR_IO, path, 0U, 0U, "cannot open: %s", strerror(errno));
  }
  const int fits = (size_t)snprintf(iri, size, "%s", uri) < size;
  free(uri);
  return fits ? ASEANKG_SUCCESS : aseankg_error_set(error, ASEANKG_ERR_USAGE, path, 0U, 0U, "path too long");
}

/* load --endpoint: each file to the Graph Store, PUT with --replace, POST otherwise. */
static int
load_remote(const CliArgs* const args)
{
  AseankgRemote remote;
  const int     exit_code = cli_remote_from(args, &remote);
  if (exit_code) {
    return exit_code;
  }

  AseankgError error;
  aseankg_error_clear(&error);
  AseankgStatus st = ASEANKG_SUCCESS;
  for (size_t i = 0U; i < args->operands.count; ++i) {
    const char* const file   = args->operands.items[i];
    const char* const syntax = args->syntax ? args->syntax : aseankg_syntax_from_path(file);
    char              iri[4200];
    if (!args->graph) {
      TRY_CLEANUP(st, file_graph_iri(file, iri, sizeof(iri), &error));
    }
    TRY_CLEANUP(st, aseankg_remote_load(&remote, args->graph ? args->graph : iri, file,
                                        syntax ? syntax : "unknown",
                                        args->replace && (!args->graph || i == 0U), &error));
  }
cleanup:
  aseankg_remote_global_cleanup();
  return st ? cli_report(&error) : 0;
}

int
cli_load(const CliArgs* const args)
{
  /* Without --graph a file's graph is its URI, and standard input has none. */
  for (size_t i = 0U; !args->graph && i < args->operands.count; ++i) {
    if (!strcmp(args->operands.items[i], "-")) {
      return cli_usage_error("standard input ('-') has no file URI to name its graph: name one with --graph",
                             NULL);
    }
  }
  if (args->endpoint) {
    return load_remote(args);
  }
  if (args->replace) {
    return cli_usage_error("--replace applies to load --endpoint only", NULL);
  }

  AseankgError  error;
  AseankgStore* store = NULL;
  aseankg_error_clear(&error);
  AseankgStatus st      = ASEANKG_SUCCESS;
  size_t        graphs  = 0U;
  size_t        triples = 0U;
  TRY_CLEANUP(st, cli_open_store(args, ASEANKG_STORE_WRITE, &store, &error));
  TRY_CLEANUP(st, aseankg_store_begin(store, &error));

  /* One transaction for every file: all of them load, or none. With --graph every file goes into that one
   * graph; otherwise each file is its own graph. */
  if (args->graph) {
    TRY_CLEANUP(st, aseankg_store_load(store, args->graph, (const char* const*)args->operands.items,
                                       args->operands.count, args->syntax, &error));
  }
  for (size_t i = 0U; !args->graph && i < args->operands.count; ++i) {
    const char* const file = args->operands.items[i];
    char              iri[4200];
    TRY_CLEANUP(st, file_graph_iri(file, iri, sizeof(iri), &error));
    TRY_CLEANUP(st, aseankg_store_load(store, iri, &file, 1U, args->syntax, &error));
  }
  TRY_CLEANUP(st, aseankg_store_commit(store, &error));
  TRY_CLEANUP(st, aseankg_store_count(store, &graphs, &triples, &error));
  fprintf(stderr, "aseankg: the store holds %zu graph%s, %zu triple%s\n", graphs, graphs == 1U ? "" : "s",
          triples, triples == 1U ? "" : "s");
cleanup:
  aseankg_store_free(store);
  return st ? cli_report(&error) : 0;
}
