#!/usr/bin/env python3
"""A merge case with a known answer: BASE, two sides with random edits (blank nodes relabelled and
lines shuffled on each side), and EXPECTED = BASE - removed by either side + added by either side.
Side 2 never adds a value for a subject and predicate side 1 adds to, so there is no conflict.

usage: gen_merge.py SEED BASE OURS THEIRS EXPECTED    (all N-Triples)
"""
import random
import sys

EX = "http://example.org/"


def main():
    seed = int(sys.argv[1])
    rng = random.Random(seed)
    counter = [0]

    def blank(side="b"):
        counter[0] += 1
        return "_:%s%d" % (side, counter[0])

    def iri(name):
        return "<%s%s>" % (EX, name)

    base = []
    entities = [iri("e%d" % i) for i in range(30)]
    for e in entities:
        base.append((e, iri("label"), '"label of %s"' % e[len(EX) + 1:-1]))
        for _ in range(rng.randrange(3)):
            base.append((e, iri("p%d" % rng.randrange(4)), '"v%d"' % rng.randrange(1000)))
        if rng.random() < 0.6:  # a record: a blank node with a few fields, some nested
            r = blank()
            base.append((e, iri("record"), r))
            for f in range(rng.randrange(2, 5)):
                base.append((r, iri("f%d" % f), '"%s field %d %d"' % (e[len(EX) + 1:-1], f, rng.randrange(99))))
            if rng.random() < 0.4:
                n = blank()
                base.append((r, iri("part"), n))
                base.append((n, iri("g"), '"nested of %s"' % e[len(EX) + 1:-1]))
        if rng.random() < 0.3:
            base.append((e, iri("knows"), rng.choice(entities)))
    base = list(dict.fromkeys(base))

    def edits(side, parity):
        removed, added = set(), []
        for t in rng.sample(base, len(base) // 12):
            if not t[0].startswith("_:") and t[1] == iri("record"):
                continue  # removing a record's link leaves its fields dangling: not an edit people make
            removed.add(t)
        for e in entities:
            k = int(e[len(EX) + 1 + 1:-1])
            if k % 2 != parity or rng.random() > 0.3:
                continue
            choice = rng.randrange(3)
            if choice == 0:
                added.append((e, iri("note"), '"note %s %d"' % (side, rng.randrange(1000))))
            elif choice == 1:
                r = blank(side)
                added.append((e, iri("extra"), r))
                added.append((r, iri("x"), '"extra %s %d"' % (side, rng.randrange(1000))))
            else:  # change a record's field in place
                fields = [t for t in base if t[0].startswith("_:") and any(
                    b == (e, iri("record"), t[0]) for b in base) and t[1] == iri("f0")]
                for t in fields[:1]:
                    removed.add(t)
                    added.append((t[0], t[1], '"edited %s %d"' % (side, rng.randrange(1000))))
        added.append((iri("common"), iri("label"), '"added on both sides"'))
        return removed, added

    r1, a1 = edits("o", 0)
    r2, a2 = edits("t", 1)
    ours = [t for t in base if t not in r1] + a1
    theirs = [t for t in base if t not in r2] + a2
    expected = list(dict.fromkeys([t for t in base if t not in r1 and t not in r2] + a1 + a2))

    def write(path, rows, relabel):
        names = {}
        rows = list(rows)
        if relabel:
            rng.shuffle(rows)

        def name(term):
            if not term.startswith("_:") or not relabel:
                return term
            return names.setdefault(term, "_:r%d" % rng.randrange(10 ** 9))

        with open(path, "w", encoding="utf-8") as f:
            f.writelines("%s %s %s .\n" % (name(s), p, name(o)) for s, p, o in rows)

    write(sys.argv[2], base, False)
    write(sys.argv[3], ours, True)
    write(sys.argv[4], theirs, True)
    write(sys.argv[5], expected, False)


if __name__ == "__main__":
    main()
