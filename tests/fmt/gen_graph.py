#!/usr/bin/env python3
"""A random dataset for the fmt tests: blank-node trees, shared blank nodes, cycles, well-formed and
broken RDF lists, blank subjects no one points at, and (trig) named graphs, one of them a blank node.

usage: gen_graph.py SEED turtle|trig OUT SHUFFLED EDITED
  OUT          the dataset as Turtle / TriG (with an ex: prefix and an unused one)
  SHUFFLED     the same dataset, statements shuffled, every blank node relabelled
  EDITED       OUT with one literal of an IRI subject changed (a single-valued one)
"""
import random
import sys

EX = "http://example.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def main():
    seed, kind, out, shuffled, edited = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    rng = random.Random(seed)
    quads = []
    counter = [0]

    def blank():
        counter[0] += 1
        return "_:n%d" % counter[0]

    def iri(name):
        return "<%s%s>" % (EX, name)

    def literal():
        r = rng.randrange(4)
        if r == 0:
            return '"%d"^^<http://www.w3.org/2001/XMLSchema#integer>' % rng.randrange(-50, 50)
        if r == 1:
            return '"text %d"@en' % rng.randrange(30)
        if r == 2:
            return '"line\\nbreak \\"%d\\""' % rng.randrange(30)
        return '"v%d"' % rng.randrange(40)

    # (No blank graph name: raptor's TriG reader, the reference, refuses them.)
    graphs = [""] if kind == "turtle" else ["", iri("g1"), iri("g2")]
    entities = [iri("e%d" % i) for i in range(12)]
    preds = [iri("p%d" % i) for i in range(5)]
    single = []  # (graph, subject, predicate) pairs holding exactly one literal: safe to edit

    def add(s, p, o, g):
        quads.append((s, p, o, g))

    def tree(g, depth):
        node = blank()
        for _ in range(rng.randrange(1, 4)):
            p = rng.choice(preds)
            if depth and rng.random() < 0.4:
                add(node, p, tree(g, depth - 1), g)
            else:
                add(node, p, literal(), g)
        return node

    def rdf_list(g, n, good=True):
        head = rest = None
        nodes = [blank() for _ in range(n)]
        for i, node in enumerate(nodes):
            item = tree(g, 1) if rng.random() < 0.3 else literal()
            add(node, "<%sfirst>" % RDF, item, g)
            nxt = nodes[i + 1] if i + 1 < len(nodes) else "<%snil>" % RDF
            if good or i + 1 < len(nodes):
                add(node, "<%srest>" % RDF, nxt, g)
        return nodes[0]

    for g in graphs:
        for e in entities:
            if rng.random() < 0.7:
                add(e, "<%stype>" % RDF, iri("T%d" % rng.randrange(3)), g)
            p = preds[0]
            add(e, p, '"name of %s %d"' % (e[len(EX) + 1:-1], rng.randrange(1000)), g)
            single.append((g, e, p))
            for _ in range(rng.randrange(0, 3)):
                add(e, rng.choice(preds[1:]), rng.choice([literal(), rng.choice(entities)]), g)
            if rng.random() < 0.5:
                add(e, iri("has"), tree(g, 3), g)
            if rng.random() < 0.3:
                add(e, iri("list"), rdf_list(g, rng.randrange(1, 5)), g)
            if rng.random() < 0.1:
                add(e, iri("broken"), rdf_list(g, 2, good=False), g)
        shared = tree(g, 1)
        for e in rng.sample(entities, 3):
            add(e, iri("shares"), shared, g)
        a, b, c = blank(), blank(), blank()  # a cycle of blank nodes
        add(a, iri("next"), b, g)
        add(b, iri("next"), c, g)
        add(c, iri("next"), a, g)
        add(a, iri("label"), '"cycle %d"' % rng.randrange(100), g)
        lonely = blank()  # a blank subject no statement points at
        add(lonely, iri("note"), literal(), g)
        add(lonely, iri("sub"), tree(g, 1), g)
    quads = list(dict.fromkeys(quads))

    def term(t, prefixed):
        if prefixed and t.startswith("<" + EX) and t[len(EX) + 1:-1].isalnum():
            return "ex:" + t[len(EX) + 1:-1]
        return t

    def write(path, rows):
        with open(path, "w", encoding="utf-8") as f:
            f.write("@prefix ex: <%s> .\n@prefix unused: <http://unused.example/> .\n" % EX)
            for s, p, o, g in rows:
                line = "%s %s %s ." % (term(s, True), term(p, True), term(o, True))
                f.write("%s { %s }\n" % (term(g, True), line) if g else line + "\n")

    write(out, quads)
    g, s, p = rng.choice(single)
    edited_rows = [(qs, qp, '"edited value"' if (qg, qs, qp) == (g, s, p) else qo, qg)
                   for qs, qp, qo, qg in quads]
    write(edited, edited_rows)

    relabel = list(range(1, counter[0] + 1))
    rng.shuffle(relabel)

    def rename(t):
        return "_:x%d" % relabel[int(t[3:]) - 1] if t.startswith("_:n") else t

    rows = [(rename(s), p, rename(o), rename(g)) for s, p, o, g in quads]
    rng.shuffle(rows)
    write(shuffled, rows)


if __name__ == "__main__":
    main()
