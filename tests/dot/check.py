#!/usr/bin/env python3
"""Checks of the whole-graph DOT picture (used by tests/dot/run.sh).

  python3 tests/dot/check.py relations DOT RELATIONS_YAML [ENTITY]
      Every relation of RELATIONS_YAML is drawn exactly once in DOT: as an arrow labelled with its
      predicate, or as membership of a box (a cluster) labelled with the predicate (a box labelled
      "p, q" draws both) and reached by one arrow (lhead) from the subject. Nothing else is drawn.
      With ENTITY (a picture drawn --around it): its relations only. Prints what is missing or extra.
  python3 tests/dot/check.py size PNG
      Prints the PNG's width and height in pixels (from its IHDR chunk).

The YAML is read line by line (the data format keeps one key per line, docs/data-format.md), so the
check does not share code with the program it checks.
"""
import collections
import re
import struct
import sys


def unescape(label):
    """A DOT quoted label's text: line breaks dropped (the writer wraps long values), escapes undone."""
    return re.sub(r'\\(.)', lambda m: '' if m.group(1) in 'nlr' else m.group(1), label)


def yaml_scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in '"\'':
        return text[1:-1].replace('\\"', '"') if text[0] == '"' else text[1:-1].replace("''", "'")
    return text


def expected_relations(path):
    """Distinct (subject, predicate, object) with object ('entity', id) or ('value', text)."""
    entries = []
    for line in open(path, encoding='utf-8'):
        m = re.match(r'^  - subject: (.*)$', line)
        if m:
            entries.append({'subject': yaml_scalar(m.group(1))})
            continue
        m = re.match(r'^    (predicate|object|value): (.*)$', line)
        if m and entries:
            entries[-1][m.group(1)] = yaml_scalar(m.group(2))
    return {(e['subject'], e['predicate'], ('entity', e['object']) if 'object' in e else ('value', e['value']))
            for e in entries}


def drawn_relations(path, problems):
    """Every relation the DOT draws, with how many times (a Counter), and the boxes' sizes."""
    values, boxes, box_label, box = {}, collections.defaultdict(list), {}, None
    arrows, lheads = [], []
    for line in open(path, encoding='utf-8'):
        m = re.match(r'^  subgraph (cluster_\w+) \{$', line)
        if m:
            box = m.group(1)
            continue
        if box and line == '  }\n':
            box = None
            continue
        m = re.match(r'^    label="((?:[^"\\]|\\.)*)";', line)
        if box and m:
            box_label[box] = unescape(m.group(1))
            continue
        m = re.match(r'^ +"((?:[^"\\]|\\.)*)" \[label="((?:[^"\\]|\\.)*)"', line)
        if m:
            node, label = m.group(1), unescape(m.group(2))
            if node.startswith('value:'):
                values[node] = label
            elif box and box != 'cluster_legend':
                boxes[box].append(node)
            continue
        m = re.match(r'^ +"((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)" \[(.*)\];$', line)
        if not m:
            continue
        subject, head, attributes = m.groups()
        if attributes == 'style=invis':
            if not box:
                problems.append('an invisible arrow outside a box: ' + line.strip())
            continue
        label = re.match(r'label="((?:[^"\\]|\\.)*)"', attributes)
        lhead = re.match(r'lhead=(cluster_\w+)', attributes)
        if label:
            arrows.append((subject, unescape(label.group(1)), head))
        elif lhead:
            lheads.append((subject, lhead.group(1), head))
        else:
            problems.append('an arrow with neither label nor box: ' + line.strip())
    drawn = collections.Counter()
    for subject, predicate, head in arrows:
        drawn[(subject, predicate, ('value', values[head]) if head in values else ('entity', head))] += 1
    reached = collections.Counter()
    for subject, name, head in lheads:
        reached[name] += 1
        if head not in boxes.get(name, []):
            problems.append('arrow to %s ends at %s, not in that box' % (name, head))
        for member in boxes.get(name, []):
            for predicate in box_label[name].split(', '):
                drawn[(subject, predicate, ('entity', member))] += 1
    for name in boxes:
        if name != 'cluster_unrelated' and reached[name] != 1:
            problems.append('box %s (%s) is reached by %d arrows' % (name, box_label.get(name), reached[name]))
    return drawn, boxes


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'size':
        with open(sys.argv[2], 'rb') as png:
            head = png.read(24)
        if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
            sys.exit('not a PNG: ' + sys.argv[2])
        print('%d %d' % struct.unpack('>II', head[16:24]))
        return
    if len(sys.argv) not in (4, 5) or sys.argv[1] != 'relations':
        sys.exit(__doc__)
    problems = []
    drawn, boxes = drawn_relations(sys.argv[2], problems)
    expected = expected_relations(sys.argv[3])
    if len(sys.argv) == 5:  # the picture drawn --around ENTITY: its relations only
        expected = {r for r in expected if sys.argv[4] in (r[0], r[2][1])}
    for relation in sorted(expected):
        if drawn[relation] != 1:
            problems.append('drawn %d times: %s %s %s' % (drawn[relation], relation[0], relation[1], relation[2][1]))
    for relation in sorted(set(drawn) - expected):
        problems.append('drawn but not in the data: %s %s %s' % (relation[0], relation[1], relation[2][1]))
    for problem in problems:
        print(problem)
    grouped = sum(len(members) for name, members in boxes.items() if name != 'cluster_unrelated')
    print('%d relations, %d drawn in %d boxes' % (len(expected), grouped, len(boxes)))
    sys.exit(1 if problems else 0)


main()
