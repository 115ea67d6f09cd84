#!/usr/bin/env node
// Validate an RDF file against SHACL shapes with shacl-engine.
//
//   node validate.mjs DATA SHAPES
//
// DATA is Turtle (.ttl), N-Triples (.nt) or N-Quads (.nq), chosen by extension; SHAPES is Turtle.
// Prints one line per validation result (severity, focus node, path, message, value; for a failed
// nested shape such as sh:node, up to three indented "because:" lines) and exits
// 0 if DATA conforms, 1 if it does not, 2 on a usage, read or parse error.
// SHACL-SPARQL (sh:sparql, sh:select targets) is enabled only when SHAPES uses it.

import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import rdfDataModel from '@rdfjs/data-model'
import rdfDataset from '@rdfjs/dataset'
import { Parser } from 'n3'
import { Validator } from 'shacl-engine'

const SH = 'http://www.w3.org/ns/shacl#'
const FORMATS = { '.ttl': 'text/turtle', '.nt': 'application/n-triples', '.nq': 'application/n-quads' }

const factory = {
  ...Object.fromEntries(['namedNode', 'blankNode', 'literal', 'variable', 'defaultGraph', 'quad', 'triple', 'fromTerm', 'fromQuad']
    .filter(name => typeof rdfDataModel[name] === 'function')
    .map(name => [name, rdfDataModel[name].bind(rdfDataModel)])),
  dataset: quads => rdfDataset.dataset(quads)
}

class UsageError extends Error {}

function usage (message) {
  if (message) process.stderr.write(`validate.mjs: ${message}\n`)
  process.stderr.write('Usage: node validate.mjs DATA SHAPES\n' +
    '  DATA   data graph: .ttl (Turtle), .nt (N-Triples) or .nq (N-Quads)\n' +
    '  SHAPES shapes graph in Turtle\n' +
    'Exit status: 0 conforms, 1 does not conform, 2 usage or parse error.\n')
  process.exit(2)
}

async function load (file, format) {
  let text
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${err.message}`)
  }
  const prefixes = {}
  let quads
  try {
    const parser = new Parser({ format, factory: rdfDataModel, baseIRI: 'file://' + file })
    quads = parser.parse(text, null, (prefix, iri) => { prefixes[prefix] = iri.value })
  } catch (err) {
    throw new UsageError(`${file}: parse error: ${err.message}`)
  }
  return { dataset: rdfDataset.dataset(quads), prefixes, size: quads.length }
}

// Shorten IRIs with the prefixes of the data and the shapes; blank nodes and literals in N-Triples style.
function termFormatter (prefixes) {
  const entries = Object.entries(prefixes)
    .filter(([, iri]) => iri)
    .sort((a, b) => b[1].length - a[1].length)
  const localName = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
  const fmt = term => {
    if (!term) return '-'
    switch (term.termType) {
      case 'NamedNode':
        for (const [prefix, iri] of entries) {
          if (term.value.startsWith(iri)) {
            const local = term.value.slice(iri.length)
            if (local === '' || (localName.test(local) && !local.endsWith('.'))) return `${prefix}:${local}`
          }
        }
        return `<${term.value}>`
      case 'BlankNode':
        return `_:${term.value}`
      case 'Literal': {
        const text = JSON.stringify(term.value.length > 60 ? term.value.slice(0, 57) + '...' : term.value)
        if (term.language) return `${text}@${term.language}`
        if (term.datatype && term.datatype.value !== 'http://www.w3.org/2001/XMLSchema#string') {
          return `${text}^^${fmt(term.datatype)}`
        }
        return text
      }
      default:
        return term.value
    }
  }
  return fmt
}

// shacl-engine paths are lists of steps { start, end, predicates, quantifier }.
function formatPath (path, fmt) {
  if (!path || path.length === 0) return '-'
  return path.map(step => {
    let text = step.predicates.map(fmt).join('|')
    if (step.predicates.length > 1) text = `(${text})`
    if (step.start === 'object' && step.end === 'subject') text = '^' + text
    if (step.quantifier === 'oneOrMore') text += '+'
    else if (step.quantifier === 'zeroOrMore') text += '*'
    else if (step.quantifier === 'zeroOrOne') text += '?'
    return text
  }).join('/')
}

async function main () {
  const args = process.argv.slice(2)
  if (args.includes('-h') || args.includes('--help')) usage()
  if (args.length !== 2) usage('expected exactly two arguments: DATA SHAPES')
  const [dataFile, shapesFile] = args

  const dataFormat = FORMATS[extname(dataFile).toLowerCase()]
  if (!dataFormat) usage(`cannot tell the format of ${dataFile}: use .ttl, .nt or .nq`)

  const started = Date.now()
  const data = await load(dataFile, dataFormat)
  const shapes = await load(shapesFile, 'text/turtle')

  const options = { factory }
  const usesSparql = shapes.dataset.match(null, rdfDataModel.namedNode(SH + 'sparql')).size > 0 ||
    shapes.dataset.match(null, rdfDataModel.namedNode(SH + 'select')).size > 0
  if (usesSparql) {
    const { targetResolvers, validations } = await import('shacl-engine/sparql.js')
    Object.assign(options, { targetResolvers, validations })
  }

  const validator = new Validator(shapes.dataset, options)
  const report = await validator.validate({ dataset: data.dataset })

  const fmt = termFormatter({
    sh: SH,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    ...shapes.prefixes,
    ...data.prefixes
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(2)
  const describe = result => {
    const focus = result.focusNode ? fmt(result.focusNode.term) : '-'
    const message = (result.message || []).map(m => m.value).join(' / ') ||
      (result.constraintComponent ? result.constraintComponent.value.replace(SH, '') : '')
    const value = result.value && result.value.term && result.focusNode &&
      !result.value.term.equals(result.focusNode.term)
      ? `  value=${fmt(result.value.term)}`
      : ''
    return `focus=${focus}  path=${formatPath(result.path, fmt)}  ${message}${value}`
  }
  const results = report.results
  for (const result of results) {
    const severity = result.severity ? result.severity.value.replace(SH, '') : 'Violation'
    console.log(`${severity}: ${describe(result)}`)
    // sh:node, sh:or, sh:qualifiedValueShape ...: show why the nested shape failed (one level)
    const nested = (result.results || []).filter(r => r.severity && r.severity.value === SH + 'Violation')
    for (const cause of nested.slice(0, 3)) console.log(`    because: ${describe(cause)}`)
    if (nested.length > 3) console.log(`    because: ... ${nested.length - 3} more`)
  }

  const what = `${basename(dataFile)} (${data.size} triples) against ${basename(shapesFile)}` +
    `${usesSparql ? ' with SHACL-SPARQL' : ''} in ${seconds}s`
  if (report.conforms) {
    console.log(`conforms: ${what}`)
    return 0
  }
  console.log(`does not conform: ${results.length} result(s) for ${what}`)
  return 1
}

main().then(code => { process.exitCode = code }, err => {
  if (err instanceof UsageError) {
    process.stderr.write(`validate.mjs: ${err.message}\n`)
  } else {
    process.stderr.write(`validate.mjs: ${err && err.stack ? err.stack : err}\n`)
  }
  process.exitCode = 2
})
