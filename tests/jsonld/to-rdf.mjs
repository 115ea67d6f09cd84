#!/usr/bin/env node
// Read an aseankg JSON-LD export with the jsonld processor and write its RDF as N-Quads.
//
//   node to-rdf.mjs DOCUMENT CONTEXT_IRI CONTEXT_FILE
//
// The document must reference CONTEXT_IRI as its (first) @context; that IRI is served from
// CONTEXT_FILE and any other remote document is refused, so nothing is fetched from the network.
// Safe mode: a key or value the processor would drop (an undefined term, a relative IRI) is an error.
// Writes N-Quads to standard output; exits 0 on success, 1 if the document does not reference
// CONTEXT_IRI, 2 on a read or processing error.

import { readFile } from 'node:fs/promises'
import jsonld from 'jsonld'

const [documentPath, contextIri, contextPath] = process.argv.slice(2)
if (!contextPath) {
  console.error('usage: node to-rdf.mjs DOCUMENT CONTEXT_IRI CONTEXT_FILE')
  process.exit(2)
}

try {
  const doc = JSON.parse(await readFile(documentPath, 'utf8'))
  const context = JSON.parse(await readFile(contextPath, 'utf8'))
  const referenced = Array.isArray(doc['@context']) ? doc['@context'][0] : doc['@context']
  if (referenced !== contextIri) {
    console.error(`${documentPath}: @context references ${JSON.stringify(referenced)}, not ${contextIri}`)
    process.exit(1)
  }
  let served = 0
  const documentLoader = async url => {
    if (url !== contextIri) {
      throw new Error(`refusing to load ${url}`)
    }
    ++served
    return { contextUrl: null, documentUrl: url, document: context }
  }
  const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader, safe: true })
  if (served !== 1) {
    throw new Error(`the context was loaded ${served} times, not once`)
  }
  process.stdout.write(nquads)
} catch (error) {
  console.error(`${documentPath}: ${error.message}${error.details ? ' ' + JSON.stringify(error.details).slice(0, 400) : ''}`)
  process.exit(2)
}
