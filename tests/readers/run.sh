#!/usr/bin/env bash
# The readers' promises, through the real program: no request to a local server, no other file read,
# bounded entity expansion and nesting, values valid after escapes, errors as FILE:LINE:COL.
#   run.sh ASEANKG WORKDIR
set -uo pipefail
aseankg=$1
work=$2/readers
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A server that logs every request and stops by itself after 280 s; we stop it earlier by its pid.
python3 "$here/server.py" port requests.log 280 &
server=$!
trap 'kill "$server" 2>/dev/null' EXIT
for _ in $(seq 300); do [ -s port ] && break; sleep 0.1; done
port=$(cat port) || { echo "server did not start"; exit 2; }
: > requests.log

# A secret next to the input that no reader may open: a DTD, and a FIFO (opening it would block).
printf '<!ENTITY leak "LEAKED-FROM-FILE">\n' > secret.dtd
mkfifo secret.fifo

rdf_head='<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
rdf_body='<rdf:Description rdf:about="http://example.org/s"><ex:p>&leak;</ex:p></rdf:Description></rdf:RDF>'
doc() { # NAME DOCTYPE
  printf '<?xml version="1.0"?>\n%s\n%s\n%s\n' "$2" "$rdf_head" "$rdf_body" > "$1"
}
doc pe-http.rdf "<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM \"http://127.0.0.1:$port/param.dtd\"> %p; ]>"
doc pe-file.rdf "<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM \"file://$work/secret.dtd\"> %p; ]>"
doc pe-fifo.rdf "<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM \"secret.fifo\"> %p; ]>"
doc ge-http.rdf "<!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM \"http://127.0.0.1:$port/general.xml\"> ]>"
doc ge-file.rdf "<!DOCTYPE rdf:RDF [ <!ENTITY leak SYSTEM \"secret.fifo\"> ]>"
doc subset-http.rdf "<!DOCTYPE rdf:RDF SYSTEM \"http://127.0.0.1:$port/subset.dtd\">"
doc subset-file.rdf "<!DOCTYPE rdf:RDF PUBLIC \"-//x//y\" \"secret.fifo\">"
doc hidden.rdf "<!DOCTYPE rdf:RDF [ <!ENTITY x \"&#37;\"> <!ENTITY leak \"&#38;x;\"> ]>"

# expect NAME EXIT PATTERN COMMAND...: exit code, message pattern, bounded by a timeout, no leak in the output.
expect() {
  local name=$1 code=$2 pattern=$3
  shift 3
  timeout "${ASEANKG_TEST_TIMEOUT:-120}" "$@" > "$name.out" 2> "$name.err"
  local rc=$?
  [ "$rc" -eq "$code" ] || fail "$name: exit $rc, expected $code ($(head -c 300 "$name.err"))"
  if [ -z "$pattern" ]; then
    [ ! -s "$name.err" ] || fail "$name: unexpected message '$(head -c 300 "$name.err")'"
  else
    grep -Eq -- "$pattern" "$name.err" || fail "$name: message '$(head -c 300 "$name.err")' does not match '$pattern'"
  fi
  ! grep -q LEAKED "$name.out" "$name.err" || fail "$name: an external entity was read"
}

for f in pe-http pe-file pe-fifo; do
  expect "canon-$f" 1 "^aseankg: $f.rdf:2:[0-9]+: a parameter entity is declared" "$aseankg" canon "$f.rdf"
done
for f in ge-http ge-file; do
  expect "canon-$f" 1 "^aseankg: $f.rdf:2:[0-9]+: an external entity is declared" "$aseankg" canon "$f.rdf"
done
for f in subset-http subset-file; do # the external DTD subset is not read, so &leak; is undefined
  expect "canon-$f" 1 "^aseankg: $f.rdf:[0-9]+:[0-9]+: .*leak" "$aseankg" canon "$f.rdf"
done
expect canon-hidden 1 "^aseankg: hidden.rdf:[0-9]+:[0-9]+: entity 'x' hides markup" "$aseankg" canon hidden.rdf
# Every command that reads RDF goes through the same reader.
expect diff-pe 2 "^aseankg: pe-http.rdf:2:[0-9]+: a parameter entity" "$aseankg" diff pe-http.rdf pe-http.rdf
expect patch-pe 1 "^aseankg: pe-http.rdf:2:[0-9]+: a parameter entity" "$aseankg" patch pe-http.rdf /dev/null
expect load-pe 1 "^aseankg: pe-http.rdf:2:[0-9]+: a parameter entity" "$aseankg" load --store "$work/store" pe-http.rdf
# SPARQL XML results whose DTD points back at the server (remote.c's rasqal reader).
expect query-pe 1 "a parameter entity is declared|a DOCTYPE or entity declaration" \
  "$aseankg" query --endpoint "http://127.0.0.1:$port/sparql" 'SELECT * WHERE { ?s ?p ?o }'
grep -v '^GET /sparql\|^POST /sparql' requests.log > unexpected.log
[ ! -s unexpected.log ] || fail "the readers sent requests: $(cat unexpected.log)"
grep -q '/sparql' requests.log || fail "the query never reached the test server (the test proves nothing)"

# Entity amplification: "billion laughs" in 1 KB stops with a position, in bounded memory and time.
{
  printf '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY l0 "lol">\n'
  for i in 1 2 3 4 5 6 7 8 9; do printf '<!ENTITY l%d "%s">\n' $i "$(printf "&l$((i - 1));%.0s" 1 2 3 4 5 6 7 8 9 10)"; done
  printf ']>\n%s\n<rdf:Description rdf:about="http://example.org/s"><ex:p>&l9;</ex:p></rdf:Description></rdf:RDF>\n' "$rdf_head"
} > laughs.rdf
expect laughs 1 "^aseankg: laughs.rdf:15:[0-9]+: entity references expand past" "$aseankg" canon laughs.rdf
# Many references to one moderate entity: linear in the input, but past the ratio.
{
  printf '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY big "%s"> ]>\n%s\n<rdf:Description rdf:about="http://example.org/s"><ex:p>' \
    "$(head -c 60000 /dev/zero | tr '\0' x)" "$rdf_head"
  for _ in $(seq 2000); do printf '&big;'; done
  printf '</ex:p></rdf:Description></rdf:RDF>\n'
} > wide.rdf
expect wide 1 "^aseankg: wide.rdf:4:[0-9]+: entity references expand past" "$aseankg" canon wide.rdf
# Entities used as namespace abbreviations, as OWL files do, still read.
printf '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY ex "http://example.org/"> ]>\n%s\n<rdf:Description rdf:about="&ex;s"><ex:p rdf:resource="&ex;o"/></rdf:Description></rdf:RDF>\n' "$rdf_head" > abbrev.rdf
expect abbrev 0 '' "$aseankg" canon abbrev.rdf
grep -qx '<http://example.org/s> <http://example.org/p> <http://example.org/o> .' abbrev.out || fail "abbrev: $(cat abbrev.out)"
printf '\xff\xfe<\0r\0' > utf16.rdf
expect utf16 1 "^aseankg: utf16.rdf:1:1: XML in UTF-16" "$aseankg" canon utf16.rdf

# Turtle nesting: a clear message at the bracket past the bound, not "memory exhausted" or a crash.
python3 -c 'print("<http://example.org/s> <http://example.org/p> " + "[ <http://example.org/p> " * 100000)' > brackets.ttl
expect brackets 1 "^aseankg: brackets.ttl:1:[0-9]+: brackets nested deeper than 1024 levels" "$aseankg" canon brackets.ttl
python3 -c 'print("<http://example.org/s> <http://example.org/p> " + "(" * 10000 + ")" * 10000 + " .")' > lists.ttl
expect lists 1 "^aseankg: lists.ttl:1:[0-9]+: brackets nested deeper than 1024 levels" "$aseankg" canon lists.ttl
python3 -c 'print("<http://example.org/s> <http://example.org/p> " + "(" * 1000 + ")" * 1000 + " .")' > lists-ok.ttl
expect lists-ok 0 '' "$aseankg" canon --max-work 100000000 lists-ok.ttl
grep -q 'http://www.w3.org/1999/02/22-rdf-syntax-ns#first' lists-ok.out || fail "lists-ok: no list read"
# Brackets in strings, IRIs and comments do not count.
python3 -c 'print("<http://example.org/s> <http://example.org/p> \"" + "[" * 5000 + "\", \"\"\"" + "(" * 5000 + "\"\"\" . # " + "[" * 5000)' > quoted.ttl
expect quoted 0 '' "$aseankg" canon quoted.ttl

# Values valid after their escapes are decoded (inputs from other tools' bug reports).
printf '<http://example.org/s> <http://example.org/p> "a\\u0000b" .\n' > nul.ttl
expect nul 0 '' "$aseankg" canon nul.ttl
grep -qF '"a\u0000b"' nul.out || fail "nul: NUL not kept: $(cat nul.out)"
printf '<http://example.org/s> <http://example.org/p> "\\uD800" .\n' > surrogate.ttl
expect surrogate 1 "^aseankg: surrogate.ttl:1:[0-9]+: " "$aseankg" canon surrogate.ttl
printf '@base <http://a.example> .\n<s> <p> <g> .\n' > base.ttl
expect base 0 '' "$aseankg" canon base.ttl
grep -qF '<http://a.example/s> <http://a.example/p> <http://a.example/g> .' base.out || fail "base: $(cat base.out)"
printf 'GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 1 }\n_:g1 { <http://example.org/s> <http://example.org/p> 2 }\n' > graphs.trig
expect graphs 0 '' "$aseankg" canon graphs.trig
[ "$(wc -l < graphs.out)" -eq 2 ] && grep -q '<http://example.org/g> .$' graphs.out || fail "graphs: $(cat graphs.out)"
printf '@prefix ex: <http://example.org/> .\nex:s ex:p "x"@en-Latn-a-ok ;\n  ex:q nope:o .\n' > prefix.ttl
expect prefix 1 "^aseankg: prefix.ttl:3:[0-9]+: undeclared prefix in 'nope:o'" "$aseankg" canon prefix.ttl

[ "$failures" -eq 0 ] && echo "readers: all passed" || echo "readers: $failures failed"
[ "$failures" -eq 0 ]
