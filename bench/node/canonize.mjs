// Canonicalize an N-Quads file with rdf-canonize (RDFC-1.0), the JavaScript peer in bench/diff.sh.
import { readFileSync } from 'node:fs';
import canonize from 'rdf-canonize';

const input = readFileSync(process.argv[2], 'utf8');
const output = await canonize.canonize(input, {
  algorithm: 'RDFC-1.0',
  inputFormat: 'application/n-quads',
  format: 'application/n-quads',
  maxWorkFactor: 3,
});
process.stdout.write(output);
