#!/usr/bin/env python3
"""Curation checks on the real export (N-Triples written by aseankg):

1. every relation's subject and object are mentioned in the segment that states it (the parties,
   the 我们 of preamble-1 that governs every clause, only where the segment names them);
2. the evidence of every relation contains a mention of its object (a literal: the value's words);
3. the counts in docs/curation.md are the export's (the first number of each row; the others are earlier
   counts, kept for the record).

usage: check.py EXPORT.nt CHECK_OUTPUT CURATION_MD    exits 0 when all hold, 1 otherwise
"""
import collections
import re
import sys

AK = 'https://example.org/aseankg/ontology#'
RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
NIF = 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#'
ITS = 'http://www.w3.org/2005/11/its/rdf#'
RDFS = 'http://www.w3.org/2000/01/rdf-schema#'
SKOS = 'http://www.w3.org/2004/02/skos/core#'
PARTIES = 'china-and-asean-member-states'

LINE = re.compile(r'^<([^>]*)> <([^>]*)> (<[^>]*>|"(?:[^"\\]|\\.)*"(?:@[a-zA-Z-]+|\^\^<[^>]*>)?) \.$')


def literal(term):
    m = re.match(r'^"((?:[^"\\]|\\.)*)"(?:@([a-zA-Z-]+)|\^\^<([^>]*)>)?$', term)
    text = m.group(1).encode('utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8') \
        if '\\' in m.group(1) else m.group(1)
    return text, m.group(2), m.group(3)


def load(path):
    triples = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = LINE.match(line.rstrip('\n'))
            if not m:
                sys.exit(f'check.py: {path}: not canonical N-Triples: {line!r}')
            triples.append(m.groups())
    return triples


def main():
    nt, check_out, doc = sys.argv[1:4]
    triples = load(nt)
    by_subject = collections.defaultdict(lambda: collections.defaultdict(list))
    for s, p, o in triples:
        by_subject[s][p].append(o)

    def one(s, p):
        values = by_subject[s][p]
        return values[0] if values else None

    # mentions: (segment IRI, entity IRI) -> [(begin, end)]
    mentions = collections.defaultdict(list)
    spans = {}
    for s, props in by_subject.items():
        if NIF + 'beginIndex' in props and '#char=' in s:
            span = (int(literal(props[NIF + 'beginIndex'][0])[0]), int(literal(props[NIF + 'endIndex'][0])[0]))
            spans[s] = (props[NIF + 'referenceContext'][0][1:-1], span)
            for entity in props.get(ITS + 'taIdentRef', []):
                mentions[(spans[s][0], entity[1:-1])].append(span)
    names = collections.defaultdict(list)
    for s, props in by_subject.items():
        for p in (RDFS + 'label', SKOS + 'altLabel'):
            for o in props.get(p, []):
                text, lang, _ = literal(o)
                if lang == 'zh':
                    names[s].append(text)
    segment_text = {s: literal(props[NIF + 'isString'][0])[0] for s, props in by_subject.items()
                    if NIF + 'isString' in props and '#char=' not in s}

    failures = []
    n_assertions = 0
    for a, props in sorted(by_subject.items()):
        if '<' + AK + 'Assertion>' not in props.get(RDF + 'type', []):
            continue
        n_assertions += 1
        segment = one(a, AK + 'statedIn')[1:-1]
        evidence_segment, (eb, ee) = spans[one(a, AK + 'evidence')[1:-1]]
        assert evidence_segment == segment
        name = a.rsplit('/', 1)[1]
        ends = [('subject', one(a, RDF + 'subject'))]
        obj = one(a, RDF + 'object')
        if obj.startswith('<'):
            ends.append(('object', obj))
        for role, term in ends:
            entity = term[1:-1]
            named = any(n in segment_text[segment] for n in names['<' + entity + '>'])
            if entity.endswith('/' + PARTIES) and not named:
                continue
            if not mentions[(segment, entity)]:
                failures.append(f'{name}: the {role} {entity.rsplit("/", 1)[1]} is not mentioned in {segment.rsplit("/", 1)[1]}')
        if obj.startswith('<'):
            if not any(eb <= b and e <= ee for b, e in mentions[(segment, obj[1:-1])]):
                failures.append(f'{name}: the evidence does not contain a mention of the object')
        else:
            value, _, datatype = literal(obj)
            quote = segment_text[segment][eb:ee]
            if datatype != 'http://www.w3.org/2001/XMLSchema#date' and value not in quote:
                failures.append(f'{name}: the evidence "{quote}" does not contain the value "{value}"')

    # counts: the export's against the curation record's
    actual = {}
    for line in open(check_out, encoding='utf-8'):
        key, value = line.split()
        actual[key] = int(value)
    types = collections.Counter()
    for s, props in by_subject.items():
        if AK + 'englishLabelStatus' in props:  # an entity of the register
            for t in props.get(RDF + 'type', []):
                if t.startswith('<' + AK):
                    types['type ' + t[len(AK) + 1:-1]] += 1
    predicates = collections.Counter('predicate ' + one(a, RDF + 'predicate')[len(AK) + 1:-1]
                                     for a, props in by_subject.items()
                                     if '<' + AK + 'Assertion>' in props.get(RDF + 'type', []))
    nested = 0
    all_mentions = collections.defaultdict(list)
    for (segment, entity), found in mentions.items():
        all_mentions[segment].extend(found)
    for segment, found in all_mentions.items():
        for b, e in found:
            nested += any(b2 <= b and e <= e2 and (b2, e2) != (b, e) for b2, e2 in found)
    actual.update(types)
    actual.update(predicates)
    actual['nested-mentions'] = nested

    recorded = {}
    in_counts = False
    for line in open(doc, encoding='utf-8'):
        if line.startswith('## '):
            in_counts = line.strip() == '## Counts'
        m = re.match(r'^\| (type|predicate)? ?`?([A-Za-z-]+)`? \| (\d+)(?: \| \d+)+ \|$', line.strip()) if in_counts else None
        if m:
            recorded[(m.group(1) + ' ' if m.group(1) else '') + m.group(2)] = int(m.group(3))
    if not recorded:
        failures.append(f'{doc}: no "## Counts" table')
    for key in sorted(set(recorded) | {k for k in actual if k.startswith(('type ', 'predicate '))}
                      | {'entities', 'relations', 'mentions', 'nested-mentions', 'spans', 'triples'}):
        if recorded.get(key, 0) != actual.get(key, 0):
            failures.append(f'{doc}: {key} is {recorded.get(key)} there, {actual.get(key)} in the export')

    for f in failures:
        print('FAIL', f)
    print(f'{n_assertions} relations checked, {len(recorded)} recorded counts compared, {len(failures)} failures')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
