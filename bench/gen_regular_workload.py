#!/usr/bin/env python3
"""Write two N-Triples files of regular blank-node graphs for the diff benchmark: OLD, and NEW = the
same graph with its blank nodes relabelled and its lines shuffled (so `diff` must report no change).

The graph is made of components where colour refinement gives every node one colour: cycles of
3 to 12 nodes, Petersen graphs, the 4x4 rook's graph and the Shrikhande graph (both strongly regular
with parameters (16, 6, 2, 2)). Each undirected edge is two triples.

usage: gen_regular_workload.py TRIPLES OLD NEW [SEED]
"""
import random
import sys


def petersen():
    edges = []
    for i in range(5):
        edges += [(i, (i + 1) % 5), (5 + i, 5 + (i + 2) % 5), (i, 5 + i)]
    return 10, edges


def torus(steps):
    edges = set()
    for a in range(4):
        for b in range(4):
            for x, y in steps:
                u, v = a * 4 + b, ((a + x) % 4) * 4 + (b + y) % 4
                edges.add((min(u, v), max(u, v)))
    return 16, sorted(edges)


def main():
    n_triples = int(sys.argv[1])
    old_path, new_path = sys.argv[2], sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    shapes = [petersen(), torus([(0, 1), (0, 2), (0, 3), (1, 0), (2, 0), (3, 0)]),
              torus([(0, 1), (1, 0), (1, 1)])]
    triples = []
    nodes = 0
    while len(triples) < n_triples:
        kind = rng.randrange(4)
        if kind == 3:
            length = rng.randrange(3, 13)
            count, edges = length, [(i, (i + 1) % length) for i in range(length)]
        else:
            count, edges = shapes[kind]
        for u, v in edges:
            triples.append((nodes + u, nodes + v))
            triples.append((nodes + v, nodes + u))
        nodes += count
    relabel = list(range(nodes))
    rng.shuffle(relabel)
    new = [(relabel[u], relabel[v]) for u, v in triples]
    rng.shuffle(new)
    for path, rows, prefix in ((old_path, triples, "b"), (new_path, new, "n")):
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(f"_:{prefix}{u} <http://example.org/v#adj> _:{prefix}{v} .\n" for u, v in rows)


if __name__ == "__main__":
    main()
