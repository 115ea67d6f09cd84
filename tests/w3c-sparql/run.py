#!/usr/bin/env python3
"""The W3C SPARQL 1.1 query-evaluation or update-evaluation tests, driven from their manifests, against
the embedded store through the real CLI (load, query, update, dump) on a fresh store per test.

usage: run.py ASEANKG SUITE_DIR MANIFEST KNOWN_FAILURES [REPORT]

Manifests (Turtle) are read with raptor's rapper as N-Triples. A query test loads qt:data into the
store's default graph and each qt:graphData into a named graph of its IRI, runs the query with
--default-graph separate (SPARQL's dataset model), and compares:
  - SELECT results (.srx / .srj) as multisets of solutions, blank nodes matched by a bijection;
  - ASK results as booleans;
  - CONSTRUCT / DESCRIBE results as graphs, with `aseankg diff` (isomorphism).
An update test loads ut:data and ut:graphData (named by their rdfs:label), runs the request, dumps
the whole store as N-Quads and compares it with the expected dataset with `aseankg diff`.
Every test either passes or is listed in KNOWN_FAILURES with its reason; an unlisted failure, or a
listed test that passes, fails the run. REPORT, if given, receives "manifest passed total" lines.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
SRX = "{http://www.w3.org/2005/sparql-results#}"

TERM = re.compile(r'\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)')


def parse_ntriples(text):
    triples = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        terms, pos = [], 0
        for _ in range(3):
            m = TERM.match(line, pos)
            if not m:
                raise ValueError("cannot read N-Triples line: " + line)
            terms.append(m.group(1))
            pos = m.end()
        triples.append(tuple(terms))
    return triples


def rapper(path, base, syntax=None):
    if syntax is None:
        syntax = {"rdf": "rdfxml", "nt": "ntriples", "nq": "nquads"}.get(path.rsplit(".", 1)[-1], "turtle")
    out = subprocess.run(["rapper", "-q", "-i", syntax, "-o", "ntriples", path, base],
                         capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError("rapper cannot read %s: %s" % (path, out.stderr.strip()))
    return out.stdout


def local(iri):
    assert iri.startswith("<" + BASE), iri
    return iri[1 + len(BASE):-1]


class Manifest:
    def __init__(self, suite, path):
        self.suite = suite
        self.path = path
        self.triples = parse_ntriples(rapper(os.path.join(suite, path), BASE + path))
        self.index = {}
        for s, p, o in self.triples:
            self.index.setdefault((s, p), []).append(o)

    def one(self, s, p):
        values = self.index.get((s, "<" + p + ">"), [])
        return values[0] if values else None

    def all(self, s, p):
        return self.index.get((s, "<" + p + ">"), [])

    def items(self, head):
        while head and head != "<" + RDF + "nil>":
            yield self.one(head, RDF + "first")
            head = self.one(head, RDF + "rest")


def collect(suite, path):
    """Every (manifest path, test IRI, Manifest) under `path`, following mf:include."""
    m = Manifest(suite, path)
    root = "<" + BASE + path + ">"
    tests = []
    for include in m.items(m.one(root, MF + "include")):
        tests += collect(suite, local(include))
    for entry in m.items(m.one(root, MF + "entries")):
        tests.append((path, entry, m))
    return tests


def unquote(literal):
    body = literal[1:literal.rindex('"')]
    return json.loads('"' + body.replace("\\'", "'") + '"')


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, **kwargs)


# --- loading the dataset ------------------------------------------------------------------------------

def insert_data(aseankg, store, triples_text, graph=None):
    body = triples_text if graph is None else "GRAPH %s {\n%s\n}" % (graph, triples_text)
    out = run([aseankg, "update", "--store", store, "-"], input=("INSERT DATA {\n%s\n}\n" % body).encode())
    if out.returncode:
        raise RuntimeError("cannot load the test data: " + out.stderr.decode().strip())


def create_graph(aseankg, store, graph):
    out = run([aseankg, "update", "--store", store, "-"], input=("CREATE SILENT GRAPH %s\n" % graph).encode())
    if out.returncode:
        raise RuntimeError("cannot create a graph: " + out.stderr.decode().strip())


def load_file(aseankg, suite, store, iri, graph=None):
    text = rapper(os.path.join(suite, local(iri)), iri[1:-1])
    if text.strip():
        insert_data(aseankg, store, text, graph)
    elif graph:
        create_graph(aseankg, store, graph)


# --- comparing results --------------------------------------------------------------------------------

def term_from_json(value):
    kind = value["type"]
    if kind == "uri":
        return ("uri", value["value"])
    if kind == "bnode":
        return ("bnode", value["value"])
    datatype = value.get("datatype")
    if datatype == XSD_STRING:
        datatype = None
    return ("literal", value["value"], value.get("xml:lang", "").lower(), datatype or "")


def term_from_srx(binding):
    child = list(binding)[0]
    tag = child.tag.replace(SRX, "")
    if tag == "uri":
        return ("uri", child.text or "")
    if tag == "bnode":
        return ("bnode", child.text or "")
    datatype = child.get("datatype")
    if datatype == XSD_STRING:
        datatype = None
    lang = child.get("{http://www.w3.org/XML/1998/namespace}lang", "")
    return ("literal", child.text or "", lang.lower(), datatype or "")


RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"


def is_result_set(path):
    """Whether an RDF result file holds a result set (the rs: vocabulary) rather than a graph."""
    if not path.endswith((".ttl", ".rdf", ".nt")):
        return False
    with open(path, encoding="utf-8") as f:
        return RS in f.read() and "ResultSet" in open(path, encoding="utf-8").read()


def term_from_ntriples(term):
    if term.startswith("<"):
        return ("uri", term[1:-1])
    if term.startswith("_:"):
        return ("bnode", term[2:])
    close = term.rindex('"')
    rest = term[close + 1:]
    lang = rest[1:].lower() if rest.startswith("@") else ""
    datatype = rest[3:-1] if rest.startswith("^^") else ""
    if datatype == XSD_STRING:
        datatype = ""
    return ("literal", unquote(term), lang, datatype)


def rdf_results(path):
    m = {}
    for s, p, o in parse_ntriples(rapper(path, BASE + "result")):
        m.setdefault((s, p), []).append(o)
    get = lambda s, p: m.get((s, "<" + p + ">"), [])
    sets = [s for (s, p), os_ in m.items() if p == "<%stype>" % RDF and "<%sResultSet>" % RS in os_]
    rs = sets[0]
    boolean = get(rs, RS + "boolean")
    if boolean:
        return ("boolean", unquote(boolean[0]) == "true")
    variables = [unquote(v) for v in get(rs, RS + "resultVariable")]
    rows = []
    for solution in get(rs, RS + "solution"):
        row = {}
        for binding in get(solution, RS + "binding"):
            row[unquote(get(binding, RS + "variable")[0])] = term_from_ntriples(get(binding, RS + "value")[0])
        rows.append(row)
    return ("bindings", variables, rows)


def expected_results(path):
    """('boolean', value) or ('bindings', variables, [solution dicts])."""
    if is_result_set(path):
        return rdf_results(path)
    if path.endswith(".srj"):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        if "boolean" in doc:
            return ("boolean", doc["boolean"])
        rows = [{k: term_from_json(v) for k, v in b.items()} for b in doc["results"]["bindings"]]
        return ("bindings", doc["head"].get("vars", []), rows)
    root = ET.parse(path).getroot()
    boolean = root.find(SRX + "boolean")
    if boolean is not None:
        return ("boolean", boolean.text.strip() == "true")
    variables = [v.get("name") for v in root.iter(SRX + "variable")]
    rows = []
    for result in root.iter(SRX + "result"):
        rows.append({b.get("name"): term_from_srx(b) for b in result.findall(SRX + "binding")
                     if b.find(SRX + "unbound") is None})
    return ("bindings", variables, rows)


def same_solutions(got, want):
    """Multiset equality of solutions, blank nodes of `got` mapped one-to-one onto those of `want`."""
    if len(got) != len(want):
        return False
    key = lambda row: sorted((k, v) for k, v in row.items() if v[0] != "bnode")
    got = sorted(got, key=lambda r: str(key(r)))
    want_left = list(want)

    def match(i, mapping, used):
        if i == len(got):
            return True
        row = got[i]
        for j, candidate in enumerate(want_left):
            if j in used or set(candidate) != set(row):
                continue
            extension, ok = dict(mapping), True
            for var, value in row.items():
                other = candidate[var]
                if value[0] == "bnode" and other[0] == "bnode":
                    if extension.get(value[1], other[1]) != other[1] or (
                            value[1] not in extension and other[1] in extension.values()):
                        ok = False
                        break
                    extension[value[1]] = other[1]
                elif value != other:
                    ok = False
                    break
            if ok and match(i + 1, extension, used | {j}):
                return True
        return False

    return match(0, {}, frozenset())


# --- one test -----------------------------------------------------------------------------------------

def query_test(aseankg, suite, m, test, work):
    action = m.one(test, MF + "action")
    query_iri = m.one(action, QT + "query")
    store = os.path.join(work, "store")
    for data in m.all(action, QT + "data"):
        load_file(aseankg, suite, store, data)
    for graph in m.all(action, QT + "graphData"):
        load_file(aseankg, suite, store, graph, graph)
    if not os.path.exists(store):  # a query on no data still needs a store
        create_graph(aseankg, store, "<urn:x-aseankg:test:empty>")
        run([aseankg, "update", "--store", store, "-"], input=b"DROP SILENT GRAPH <urn:x-aseankg:test:empty>")
    with open(os.path.join(suite, local(query_iri)), encoding="utf-8") as f:
        query = f.read()
    if not re.search(r"^\s*BASE\b", query, re.I | re.M):
        query = "BASE %s\n%s" % (query_iri, query)
    query_path = os.path.join(work, "query.rq")
    with open(query_path, "w", encoding="utf-8") as f:
        f.write(query)
    result = local(m.one(test, MF + "result"))
    result_path = os.path.join(suite, result)
    if os.environ.get("ASEANKG_W3C_ROQET"):  # the baseline: rasqal's own engine on in-memory data
        command = ["roqet", "-q", "-i", "sparql11", "-r", "xml"]
        for data in m.all(action, QT + "data"):
            command += ["-D", os.path.join(suite, local(data))]
        for graph in m.all(action, QT + "graphData"):
            command += ["-G", os.path.join(suite, local(graph))]
        query_command = command + [query_path]
    else:
        query_command = [aseankg, "query", "--store", store, "--default-graph", "separate", "-r", "json",
                         "@" + query_path]
    if result.endswith((".srx", ".srj")) or is_result_set(result_path):
        out = run(query_command)
        if out.returncode:
            return "error: " + out.stderr.decode().strip()
        if os.environ.get("ASEANKG_W3C_ROQET"):
            srx = os.path.join(work, "got.srx")
            with open(srx, "wb") as f:
                f.write(out.stdout)
            got = expected_results(srx)
            got_doc = {"boolean": got[1]} if got[0] == "boolean" else {
                "head": {"vars": got[1]}, "results": {"bindings": []}, "rows": got[2]}
        else:
            got_doc = json.loads(out.stdout.decode() or "{}")
        if "boolean" not in got_doc and "results" not in got_doc:
            return "no results document"
        want = expected_results(result_path)
        if want[0] == "boolean":
            return None if got_doc.get("boolean") == want[1] else "ASK answered %s" % got_doc.get("boolean")
        if "boolean" in got_doc:
            return "a boolean where solutions were expected"
        got = got_doc.get("rows") or [{k: term_from_json(v) for k, v in b.items()}
                                      for b in got_doc["results"]["bindings"]]
        if set(got_doc["head"]["vars"]) != set(want[1]):
            return "variables %s, expected %s" % (got_doc["head"]["vars"], want[1])
        if not same_solutions(got, want[2]):
            return "%d solutions differ from the %d expected" % (len(got), len(want[2]))
        return None
    # A graph result (CONSTRUCT, DESCRIBE).
    if os.environ.get("ASEANKG_W3C_ROQET"):
        out = run(query_command[:query_command.index("-r")] + ["-r", "ntriples"] +
                  query_command[query_command.index("-r") + 2:])
    else:
        out = run([aseankg, "query", "--store", store, "--default-graph", "separate", "-r", "ntriples",
                   "@" + query_path])
    if out.returncode:
        return "error: " + out.stderr.decode().strip()
    got_path, want_path = os.path.join(work, "got.nt"), os.path.join(work, "want.nt")
    with open(got_path, "wb") as f:
        f.write(out.stdout)
    with open(want_path, "w", encoding="utf-8") as f:
        f.write(rapper(result_path, BASE + result))
    diff = run([aseankg, "diff", "-i", "ntriples", got_path, want_path])
    return None if diff.returncode == 0 else "the graph differs: " + diff.stderr.decode().strip()


def update_test(aseankg, suite, m, test, work):
    action = m.one(test, MF + "action")
    request_iri = m.one(action, UT + "request")
    store = os.path.join(work, "store")
    create_graph(aseankg, store, "<urn:x-aseankg:test:empty>")  # the store exists even with no data
    run([aseankg, "update", "--store", store, "-"], input=b"DROP SILENT GRAPH <urn:x-aseankg:test:empty>")
    for data in m.all(action, UT + "data"):
        load_file(aseankg, suite, store, data)
    for node in m.all(action, UT + "graphData"):
        name = "<%s>" % unquote(m.one(node, RDFS + "label"))
        load_file(aseankg, suite, store, m.one(node, UT + "graph"), name)
    with open(os.path.join(suite, local(request_iri)), encoding="utf-8") as f:
        request = f.read()
    if not re.search(r"^\s*BASE\b", request, re.I | re.M):
        request = "BASE %s\n%s" % (request_iri, request)
    out = run([aseankg, "update", "--store", store, "--default-graph", "separate", "-"], input=request.encode())
    if out.returncode:
        return "error: " + out.stderr.decode().strip()
    result = m.one(test, MF + "result")
    lines = []
    for data in m.all(result, UT + "data"):
        lines += [" ".join(t) + " ." for t in parse_ntriples(rapper(os.path.join(suite, local(data)), data[1:-1]))]
    for node in m.all(result, UT + "graphData"):
        name = "<%s>" % unquote(m.one(node, RDFS + "label"))
        graph = m.one(node, UT + "graph")
        lines += [" ".join(t) + " " + name + " ." for t in
                  parse_ntriples(rapper(os.path.join(suite, local(graph)), graph[1:-1]))]
    want_path, got_path = os.path.join(work, "want.nq"), os.path.join(work, "got.nq")
    with open(want_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + ("\n" if lines else ""))
    dump = run([aseankg, "dump", "--store", store, "-o", got_path])
    if dump.returncode:
        return "dump: " + dump.stderr.decode().strip()
    diff = run([aseankg, "diff", "-i", "nquads", got_path, want_path])
    return None if diff.returncode == 0 else "the dataset differs: " + diff.stdout.decode().strip()[:300]


def main():
    aseankg, suite, manifest, known_path = sys.argv[1:5]
    report_path = sys.argv[5] if len(sys.argv) > 5 else None
    known = {}
    with open(known_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                known[name] = reason.strip()
    kinds = {"<%sQueryEvaluationTest>" % MF: query_test, "<%sUpdateEvaluationTest>" % MF: update_test}
    counts, unexpected, seen = {}, 0, set()
    for path, test, m in collect(suite, manifest):
        runner = next((kinds[t] for t in m.all(test, RDF + "type") if t in kinds), None)
        if runner is None:
            continue
        if m.one(test, "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#approval") == \
                "<http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#Withdrawn>":
            continue
        name = local(test).replace("/manifest#", "/")
        seen.add(name)
        with tempfile.TemporaryDirectory() as work:
            try:
                problem = runner(aseankg, suite, m, test, work)
            except (RuntimeError, ValueError, KeyError, ET.ParseError, json.JSONDecodeError) as e:
                problem = "driver: %s" % e
        manifest_name = os.path.dirname(path)
        passed, total = counts.get(manifest_name, (0, 0))
        counts[manifest_name] = (passed + (problem is None), total + 1)
        if problem is None and name in known:
            print("UNEXPECTED PASS %s (listed: %s)" % (name, known[name]))
            unexpected += 1
        elif problem is None:
            print("ok   %s" % name)
        elif name in known:
            print("xfail %s: %s" % (name, known[name]))
        else:
            print("FAIL %s: %s" % (name, problem))
            unexpected += 1
    for name in sorted(set(known) - seen):
        if name.split("/")[0] in counts:
            print("STALE known failure %s (no such test)" % name)
            unexpected += 1
    lines = ["%s %d %d" % (k, p, t) for k, (p, t) in sorted(counts.items())]
    print("\n".join("# " + l for l in lines))
    total_p = sum(p for p, _ in counts.values())
    total_t = sum(t for _, t in counts.values())
    print("# total %d passed of %d, %d unexpected" % (total_p, total_t, unexpected))
    if report_path:
        with open(report_path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    sys.exit(1 if unexpected else 0)


if __name__ == "__main__":
    main()
