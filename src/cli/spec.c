/* The one spec of aseankg's commands and options: parsing, --help, the manual and the completion follow it.
 */
#include "cli.h"

#include "aseankg/export.h"

#include <stddef.h>
#include <stdint.h>

#define FIELD(name) offsetof(CliArgs, name)

#define RDF_SYNTAXES "ntriples nquads turtle trig rdfxml"
#define EXPORT_FORMATS "turtle ntriples nquads jsonld dot html"
#define RESULT_FORMATS "table csv tsv json xml ntriples"

const CliCommand cli_commands[] = {
  { "export", CLI_EXPORT, "", 0U, 0U, "write the graph (Turtle by default)", cli_export },
  { "check", CLI_CHECK, "", 0U, 0U, "validate the data and the text; write nothing", cli_check },
  { "diff", CLI_DIFF, "OLD NEW", 2U, 9U, "show what changed between two graphs, blank nodes matched",
    cli_diff },
  { "patch", CLI_PATCH, "GRAPH PATCH", 2U, 2U, "apply (or with --reverse undo) an RDF Patch", cli_patch },
  { "canon", CLI_CANON, "INPUT", 1U, 1U, "write the RDFC-1.0 canonical N-Quads of a dataset", cli_canon },
  { "load", CLI_LOAD, "FILE...", 1U, SIZE_MAX, "load graphs into the embedded store or a SPARQL server",
    cli_load },
  { "query", CLI_QUERY, "QUERY|@FILE", 1U, 1U, "run a SPARQL query on the store or a SPARQL server",
    cli_query },
  { "update", CLI_UPDATE, "FILE|-", 1U, 1U, "run a SPARQL Update on the store or a SPARQL server",
    cli_update },
  { "fmt", CLI_FMT, "FILE", 1U, 1U, "rewrite RDF as deterministic pretty Turtle (TriG for datasets)",
    cli_fmt },
  { "merge", CLI_MERGE, "BASE OURS THEIRS", 3U, 3U,
    "merge two graphs' changes from a common base (exit 0 clean, 1 conflicts, 2 trouble)", cli_merge },
  { "graphs", CLI_GRAPHS, "", 0U, 0U, "list the store's graphs with their triple counts", cli_graphs },
  { "dump", CLI_DUMP, "", 0U, 0U, "write a graph of the store as canonical N-Triples, or all as N-Quads",
    cli_dump },
};
const size_t cli_n_commands = sizeof(cli_commands) / sizeof(cli_commands[0]);

const CliOption cli_options[] = {
  { "format", 'f', "FORMAT", CLI_VALUE, FIELD(format), CLI_EXPORT,
    "turtle (default), ntriples, nquads, jsonld, dot (a\nGraphviz picture of the entities) or html (a page)",
    "*turtle* (default; prefixes, one block per subject, sorted), *ntriples* (RDF 1.2 canonical N-Triples, "
    "lines in byte order), *nquads* (the same, with each document's statements in the graph "
    "{BASE}*graph/*{VERSION}*/*{DOCUMENT} and the shared register in {BASE}*graph/*{VERSION}), *jsonld* (one "
    "compacted JSON-LD 1.1 document of the default graph, "
    "byte-stable; its @context is the published context, installed as context.jsonld beside the ontology and "
    "referenced as https://example.org/aseankg/context.jsonld, followed by the prefixes of {BASE}), *dot* (a "
    "Graphviz picture of the entities of the first document) or *html* (a browsable page of its text). On a "
    "terminal, an export whose texts exceed a mebibyte shows its progress on standard error.",
    CLI_COMPLETE_WORDS, EXPORT_FORMATS, NULL },
  { "format", 'f', "FORMAT", CLI_VALUE, FIELD(format), CLI_DIFF,
    "text (default), pretty, json, rdf-patch or sparql-update",
    "*text* (default; one line per change, \"- \" or \"+ \" and the quad, sorted), *pretty* (grouped by "
    "subject, each introduced by its rdfs:label or skos:prefLabel, prefixed names, removed and added values "
    "side by side), *json* (removed and added quads with RDF/JS term objects: termType, value, language, "
    "datatype), *rdf-patch* (applies to OLD as written) or *sparql-update* (DELETE DATA and INSERT DATA for "
    "quads without blank nodes; changes to blank nodes as one DELETE/INSERT whose WHERE matches their whole "
    "blank-node components in OLD, LIMIT 1).",
    CLI_COMPLETE_WORDS, CLI_DIFF_FORMATS, NULL },
  { "stat", '\0', NULL, CLI_FLAG, FIELD(stat), CLI_DIFF,
    "counts of removed and added quads by predicate and by\nsubject type, instead of the changes",
    "Instead of the changes, write two tables of counts of removed and added quads: by predicate, and by "
    "the rdf:type of their subject.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "color", '\0', "WHEN", CLI_VALUE, FIELD(color), CLI_DIFF,
    "colour the output: auto (default), always or never",
    "Colour removed (red) and added (green) values: *auto* (default: when standard output is a terminal or "
    "git's pager), *always* or *never*.",
    CLI_COMPLETE_WORDS, "auto always never", NULL },
  { "ignore-predicate", '\0', "IRI", CLI_LIST, FIELD(ignore_predicates), CLI_DIFF,
    "leave quads with this predicate out (repeatable)",
    "Leave quads with predicate IRI out of the comparison, on both sides and in every format (may be "
    "repeated).",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "only-graph", '\0', "IRI", CLI_LIST, FIELD(only_graphs), CLI_DIFF,
    "compare only this named graph (DEFAULT: the default\ngraph; repeatable)",
    "Compare only the quads of named graph IRI (*DEFAULT* for the default graph, as *graphs* lists it; may "
    "be "
    "repeated), in every format. Not to be confused with *--graph*, which names the graph a *sparql-update* "
    "changes.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "git", '\0', NULL, CLI_FLAG, FIELD(git), CLI_DIFF,
    "act as git's diff driver: take its seven arguments (nine\nfor a rename)",
    "Act as a git external diff driver: the operands are git's seven (PATH OLD-FILE OLD-HEX OLD-MODE "
    "NEW-FILE NEW-HEX NEW-MODE; a file may be /dev/null; a rename adds NEW-PATH and a note), the syntax "
    "comes from PATH, nothing is written "
    "when the graphs are the same, and the exit status is 0 unless there is trouble. Set up with "
    "*.gitattributes* \"*.ttl diff=rdf\" and *git config diff.rdf.command 'aseankg diff --git'*.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "reverse", 'R', NULL, CLI_FLAG, FIELD(reverse), CLI_PATCH,
    "undo the patch: its rows last to first, A and D swapped",
    "Undo the patch: apply its committed transactions last to first, each row's A and D swapped, so that "
    "patching the result of a patch with *--reverse* gives back the graph before it.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "format", 'f', "FORMAT", CLI_VALUE, FIELD(format), CLI_FMT,
    "turtle (default; TriG for datasets) or ntriples",
    "*turtle* (default: prefixes as declared in FILE and used, subjects sorted, *a* first, predicates "
    "sorted, "
    "one object per line, blank nodes referenced once inline as [ ... ], well-formed lists as ( ... ), other "
    "blank nodes labelled from their own neighbourhood; TriG when FILE holds named graphs) or *ntriples* "
    "(sorted lines with the same labels; N-Quads for datasets).",
    CLI_COMPLETE_WORDS, "turtle ntriples", NULL },
  { "in-place", '\0', NULL, CLI_FLAG, FIELD(in_place), CLI_FMT, "rewrite FILE itself",
    "Rewrite FILE itself (atomically: a failed run leaves it as it was); takes no *--output*.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "output", 'o', "FILE", CLI_VALUE, FIELD(output),
    CLI_EXPORT | CLI_PATCH | CLI_CANON | CLI_FMT | CLI_MERGE | CLI_DUMP,
    "write to FILE (default or '-': standard output)",
    "Write to FILE (default, or *-*: standard output). A regular file is written beside itself and renamed "
    "into place only when complete, so a failed run leaves an existing file as it was and creates nothing; "
    "devices and pipes are written directly.",
    CLI_COMPLETE_FILE, NULL, NULL },
  { "data", 'd', "DIR", CLI_VALUE, FIELD(data_dir), CLI_EXPORT | CLI_CHECK,
    "curated data directory (default: data, else the installed data)",
    "The curated data directory (default: {data} if it exists, else the installed data).", CLI_COMPLETE_DIR,
    NULL, NULL },
  { "ontology", '\0', "FILE", CLI_VALUE, FIELD(ontology), CLI_EXPORT | CLI_CHECK,
    "ontology in Turtle (default: ontology/aseankg.ttl, else the installed one)",
    "The ontology in Turtle (default: {ontology/aseankg.ttl} if it exists, else the installed one). Entity "
    "types must be classes and relation predicates properties it declares.",
    CLI_COMPLETE_FILE, NULL, NULL },
  { "base", '\0', "IRI", CLI_VALUE, FIELD(base), CLI_EXPORT | CLI_CHECK,
    "base of minted IRIs (default: " ASEANKG_DEFAULT_BASE ")",
    "Base of every minted IRI (default: " ASEANKG_DEFAULT_BASE "). Must be absolute, hold only IRI "
    "characters, and end in \"/\" or \"#\".",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "clause", '\0', "N", CLI_VALUE, FIELD(clause), CLI_EXPORT,
    "dot: only the relations stated in clause N (or in a\nsegment such as preamble-8) and their entities",
    "For *export --format dot*: draw only the relations stated in clause N (*9* or *clause-9*) or in another "
    "segment (*preamble-8*, *title*), and the entities they relate; the picture's title quotes the segment.",
    CLI_COMPLETE_NONE, NULL, "segment" },
  { "around", '\0', "ID", CLI_VALUE, FIELD(around), CLI_EXPORT,
    "dot: only entity ID, its relations and their other ends",
    "For *export --format dot*: draw only entity ID (as in {entities.yaml}, e.g. "
    "*global-development-initiative*), its relations and the entities at their other ends. With *--clause*, "
    "only its relations stated in that segment.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "document", '\0', "ID", CLI_VALUE, FIELD(document), CLI_EXPORT,
    "dot, html: show document ID of the corpus (default: the first)",
    "For *export --format dot* and *html*: show document ID of the corpus (its *id* in {dataset.yaml}) "
    "instead of the first: its text, its relations and the entities it mentions or relates.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "input", 'i', "SYNTAX", CLI_VALUE, FIELD(syntax),
    CLI_DIFF | CLI_PATCH | CLI_CANON | CLI_LOAD | CLI_FMT | CLI_MERGE,
    "input syntax: ntriples, nquads, turtle, trig or rdfxml\n(default: from the file extension; Turtle for "
    "'-')",
    "Input syntax: *ntriples*, *nquads*, *turtle*, *trig* or *rdfxml*. Default: from the file extension "
    "(.nt, "
    ".nq, .ttl, .trig, .rdf, .owl, .xml); Turtle for *-* (standard input).",
    CLI_COMPLETE_WORDS, RDF_SYNTAXES, NULL },
  { "max-work", '\0', "N", CLI_VALUE, FIELD(max_work), CLI_CANON, "bound on canonicalization steps",
    "Bound on RDFC-1.0 steps (Hash N-Degree Quads calls and permutations tried). Default: 100000 plus 64 per "
    "blank node.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "hash", '\0', "NAME", CLI_VALUE, FIELD(hash), CLI_CANON, "SHA256 (default) or SHA384",
    "The RDFC-1.0 hash: *SHA256* (default) or *SHA384*.", CLI_COMPLETE_SUGGEST, "SHA256 SHA384",
    "hash_algorithm" },
  { "store", '\0', "DIR", CLI_VALUE, FIELD(store), CLI_LOAD | CLI_QUERY | CLI_UPDATE | CLI_GRAPHS | CLI_DUMP,
    "the embedded store (default: $ASEANKG_STORE, else\n$XDG_DATA_HOME/aseankg/store or "
    "~/.local/share/aseankg/store)",
    "The embedded store (default: *$ASEANKG_STORE*, else {$XDG_DATA_HOME/aseankg/store}, else "
    "{~/.local/share/aseankg/store}).",
    CLI_COMPLETE_DIR, NULL, NULL },
  { "graph", '\0', "IRI", CLI_VALUE, FIELD(graph), CLI_LOAD,
    "the named graph to (re)load (default: each file's URI)",
    "The named graph to load into (every FILE goes into it; default: each file into the graph named by its "
    "file: URI).",
    CLI_COMPLETE_NONE, NULL, "graph_iri" },
  { "graph", '\0', "IRI", CLI_VALUE, FIELD(graph), CLI_DUMP,
    "the graph to write as N-Triples (DEFAULT: the default graph;\nwithout it: every graph as N-Quads)",
    "The graph to write, as sorted canonical N-Triples; *DEFAULT* is the default graph. Without it, every "
    "graph is written as sorted canonical N-Quads (default-graph triples without a graph name), ready for "
    "*aseankg diff*.",
    CLI_COMPLETE_NONE, NULL, "graph_iri" },
  { "graph", '\0', "IRI", CLI_VALUE, FIELD(graph), CLI_DIFF,
    "with --format sparql-update: the graph the update changes",
    "With *--format sparql-update*: the named graph the update changes.", CLI_COMPLETE_NONE, NULL, NULL },
  { "results", 'r', "FORMAT", CLI_VALUE, FIELD(results), CLI_QUERY,
    "table (default), csv, tsv, json, xml, or\nntriples for CONSTRUCT",
    "*table* (default), the W3C SPARQL results formats *csv*, *tsv*, *json* or *xml*, or *ntriples* for a "
    "CONSTRUCT. From a server, the four W3C formats are the server's own documents, streamed.",
    CLI_COMPLETE_WORDS, RESULT_FORMATS, "results_format" },
  { "default-graph", '\0', "KIND", CLI_VALUE, FIELD(default_graph), CLI_QUERY | CLI_UPDATE,
    "embedded store: the default graph is the union of all\ngraphs (union, default) or its own (separate)",
    "On the embedded store, what a query's default graph is when it names no FROM graph: *union* (default; "
    "the RDF merge of every graph of the store, as Oxigraph's union default graph) or *separate* (the "
    "store's own default graph only, named graphs only through GRAPH, as SPARQL's test suites assume).",
    CLI_COMPLETE_WORDS, "union separate", NULL },
  { "endpoint", '\0', "URL", CLI_VALUE, FIELD(endpoint), CLI_LOAD | CLI_QUERY | CLI_UPDATE,
    "a SPARQL server: its SPARQL endpoint (query, update) or\nits Graph Store endpoint (load)",
    "A SPARQL server: its SPARQL endpoint for query and update, its Graph Store endpoint for load. An http "
    "or https URL; one with credentials in it ({user:password@} before the host) is refused (exit 2) and "
    "never contacted: credentials come only from the environment (see ENVIRONMENT).",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "replace", '\0', NULL, CLI_FLAG, FIELD(replace), CLI_LOAD,
    "with --endpoint: replace the graph (PUT) instead of adding (POST)",
    "With *--endpoint*: replace the graph (HTTP PUT) instead of adding to it (POST). If the server refuses "
    "the upload, the graph keeps its old contents.",
    CLI_COMPLETE_NONE, NULL, NULL },
  { "timeout", '\0', "N", CLI_VALUE, FIELD(timeout), CLI_LOAD | CLI_QUERY | CLI_UPDATE,
    "seconds for a whole request to a server (default: 300)",
    "Seconds a whole request to a server may take (default: 300).", CLI_COMPLETE_NONE, NULL, NULL },
  { "connect-timeout", '\0', "N", CLI_VALUE, FIELD(connect_timeout), CLI_LOAD | CLI_QUERY | CLI_UPDATE,
    "seconds to connect to a server (default: 10)", "Seconds to connect to a server (default: 10).",
    CLI_COMPLETE_NONE, NULL, NULL },
};
const size_t cli_n_options = sizeof(cli_options) / sizeof(cli_options[0]);

const char cli_help_footer[] =
  "Every command also takes -h, --help (its own options) and '--' (the end of options).\n"
  "Credentials for a server come from $ASEANKG_AUTH (user:password) or a netrc file\n"
  "($ASEANKG_NETRC, else ~/.netrc), never from the command line.\n"
  "\n"
  "Exit status: 0 success, 1 bad data or an input/output error, 2 bad usage;\n"
  "diff: 0 same, 1 different, 2 trouble.\n";
