#!/usr/bin/env python3
"""Print "ACTION_FILE" for each positive evaluation test of a W3C manifest (read as N-Triples on stdin,
as rapper writes it), one per line, in manifest order: rdft:TestTurtleEval and rdft:TestTrigEval."""
import re
import sys

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
KINDS = {"http://www.w3.org/ns/rdftest#TestTurtleEval", "http://www.w3.org/ns/rdftest#TestTrigEval"}
TERM = r'(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@\S+|\^\^<[^>]*>)?)'
LINE = re.compile(r"^%s %s %s \.$" % (TERM, TERM, TERM))


def main():
    props = {}
    for line in sys.stdin:
        m = LINE.match(line.strip())
        if m:
            props.setdefault(m.group(1), []).append((m.group(2), m.group(3)))
    # The manifest's list of entries, in order.
    order = []
    for s, pairs in props.items():
        for p, o in pairs:
            if p == "<%sentries>" % MF:
                node = o
                while node != "<%snil>" % RDF and node in props:
                    first = [v for q, v in props[node] if q == "<%sfirst>" % RDF]
                    rest = [v for q, v in props[node] if q == "<%srest>" % RDF]
                    order.extend(first)
                    node = rest[0] if rest else "<%snil>" % RDF
    for test in order:
        pairs = props.get(test, [])
        kinds = {o[1:-1] for p, o in pairs if p == "<%stype>" % RDF}
        actions = [o[1:-1] for p, o in pairs if p == "<%saction>" % MF]
        if kinds & KINDS and actions:
            print(actions[0].rsplit("/", 1)[-1])


if __name__ == "__main__":
    main()
