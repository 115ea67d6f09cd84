#!/usr/bin/env python3
"""Write two N-Triples files for the diff benchmark: OLD, and NEW = OLD with a share of triples
changed, lines shuffled and blank nodes relabelled.

usage: gen_diff_workload.py TRIPLES BLANK_NODES CHANGE_PERCENT OLD NEW [SEED [THEIRS]]

With THEIRS, also write a second edit of OLD (as many triples changed, none of them one that NEW
changed, also shuffled and relabelled): the three versions of a merge, OLD as the base, whose edits
do not overlap, so the merge is clean.
"""
import random
import sys


def main():
    n_triples, n_blanks = int(sys.argv[1]), int(sys.argv[2])
    change = float(sys.argv[3]) / 100.0
    old_path, new_path = sys.argv[4], sys.argv[5]
    rng = random.Random(int(sys.argv[6]) if len(sys.argv) > 6 else 1)

    triples = []
    # Blank nodes: records hanging off IRIs, some nested two deep, each with a few literal fields.
    per_blank = max(1, (n_triples // 2) // max(1, n_blanks))
    for b in range(n_blanks):
        owner = f"<http://example.org/item/{rng.randrange(n_blanks)}>"
        if b % 5 == 4:
            triples.append((f"_:b{b - 1}", "<http://example.org/v#part>", f"_:b{b}"))
        else:
            triples.append((owner, "<http://example.org/v#record>", f"_:b{b}"))
        for f in range(per_blank):
            triples.append((f"_:b{b}", f"<http://example.org/v#f{f}>", f'"{rng.randrange(10**6)}"'))
    # Ground triples fill the rest.
    i = 0
    while len(triples) < n_triples:
        s = f"<http://example.org/item/{i % (n_triples // 8 + 1)}>"
        triples.append((s, f"<http://example.org/v#p{i % 17}>", f'"value {i} 中文 {rng.randrange(1000)}"@zh'))
        i += 1
    triples = triples[:n_triples]

    taken = set()

    def edited(tag):
        new = list(triples)
        free = [k for k in range(len(new)) if k not in taken] if taken else range(len(new))
        chosen = rng.sample(free, int(len(new) * change))
        taken.update(chosen)
        for k in chosen:
            s, p, o = new[k]
            new[k] = (s, p, f'"changed{tag} {k}"')

        relabel = list(range(n_blanks))
        rng.shuffle(relabel)

        def rename(term):
            return f"_:n{relabel[int(term[3:])]}" if term.startswith("_:b") else term

        new = [(rename(s), p, rename(o)) for s, p, o in new]
        rng.shuffle(new)
        return new

    outputs = [(old_path, triples), (new_path, edited(""))]
    if len(sys.argv) > 7:
        outputs.append((sys.argv[7], edited(" by theirs")))
    for path, rows in outputs:
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(f"{s} {p} {o} .\n" for s, p, o in rows)


if __name__ == "__main__":
    main()
