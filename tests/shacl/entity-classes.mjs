#!/usr/bin/env node
// Drift check: the entity classes listed in the shapes must be exactly the ak:Entity subclasses
// (transitively, ak:Entity included) that the ontology declares as owl:Class.
//
//   node entity-classes.mjs ONTOLOGY SHAPES
//
// The shapes list them twice, because the export carries no rdfs:subClassOf triples for SHACL to
// follow: as sh:targetClass of aksh:EntityShape and in the sh:in of aksh:EntityTypeShape.
// Exits 0 if both lists match the ontology, 1 if not, 2 on a usage or parse error.

import { readFileSync } from 'node:fs'
import { Parser } from 'n3'

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#'
const OWL = 'http://www.w3.org/2002/07/owl#'
const SH = 'http://www.w3.org/ns/shacl#'
const AK = 'https://example.org/aseankg/ontology#'
const AKSH = 'https://example.org/aseankg/shapes#'
// Types an entity may carry besides entity classes: SKOS for concepts, and those of a corpus document
// that is also a register entity.
const ALSO_ALLOWED = new Set(['http://www.w3.org/2004/02/skos/core#Concept',
  'http://data.europa.eu/eli/ontology#LegalResource', AK + 'JointStatement'])

function parse (file) {
  try {
    return new Parser({ format: 'text/turtle' }).parse(readFileSync(file, 'utf8'))
  } catch (err) {
    process.stderr.write(`entity-classes.mjs: ${file}: ${err.message}\n`)
    process.exit(2)
  }
}

function objects (quads, subject, predicate) {
  return quads.filter(q => q.subject.equals(subject) && q.predicate.value === predicate).map(q => q.object)
}

function list (quads, head) {
  const items = []
  for (let node = head; node && node.value !== RDF + 'nil';) {
    const [first] = objects(quads, node, RDF + 'first')
    if (!first) break
    items.push(first.value)
    ;[node] = objects(quads, node, RDF + 'rest')
  }
  return items
}

const [ontologyFile, shapesFile] = process.argv.slice(2)
if (!ontologyFile || !shapesFile || process.argv.length !== 4) {
  process.stderr.write('Usage: node entity-classes.mjs ONTOLOGY SHAPES\n')
  process.exit(2)
}

const ontology = parse(ontologyFile)
const supers = new Map()
for (const q of ontology) {
  if (q.predicate.value !== RDFS + 'subClassOf') continue
  if (!supers.has(q.subject.value)) supers.set(q.subject.value, [])
  supers.get(q.subject.value).push(q.object.value)
}
const isEntity = (cls, seen = new Set()) => {
  if (cls === AK + 'Entity') return true
  if (seen.has(cls)) return false
  seen.add(cls)
  return (supers.get(cls) || []).some(s => isEntity(s, seen))
}
const expected = new Set(ontology
  .filter(q => q.predicate.value === RDF + 'type' && q.object.value === OWL + 'Class' && isEntity(q.subject.value))
  .map(q => q.subject.value))

const shapes = parse(shapesFile)
const entityShape = shapes.find(q => q.subject.value === AKSH + 'EntityShape')?.subject
const typeShape = shapes.find(q => q.subject.value === AKSH + 'EntityTypeShape')?.subject
if (!entityShape || !typeShape) {
  console.log('shapes lack aksh:EntityShape or aksh:EntityTypeShape')
  process.exit(1)
}
const targets = new Set(objects(shapes, entityShape, SH + 'targetClass').map(t => t.value))
const inList = new Set(objects(shapes, typeShape, SH + 'property')
  .filter(p => objects(shapes, p, SH + 'path').some(t => t.value === RDF + 'type'))
  .flatMap(p => objects(shapes, p, SH + 'in').flatMap(head => list(shapes, head)))
  .filter(c => !ALSO_ALLOWED.has(c)))

const short = iri => iri.startsWith(AK) ? 'ak:' + iri.slice(AK.length) : `<${iri}>`
let ok = expected.size > 0
for (const [name, got] of [['aksh:EntityShape sh:targetClass', targets], ['aksh:EntityTypeShape sh:in', inList]]) {
  const missing = [...expected].filter(c => !got.has(c)).map(short)
  const extra = [...got].filter(c => !expected.has(c)).map(short)
  if (missing.length) console.log(`${name} misses ${missing.join(' ')}`)
  if (extra.length) console.log(`${name} has classes that are not ak:Entity subclasses: ${extra.join(' ')}`)
  if (missing.length || extra.length) ok = false
}
console.log(`${expected.size} entity classes in the ontology; shapes ${ok ? 'match' : 'differ'}`)
process.exit(ok ? 0 : 1)
