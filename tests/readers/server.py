#!/usr/bin/env python3
"""A bounded HTTP server on 127.0.0.1 that logs every request; readers must send it none.

Usage: server.py PORT_FILE LOG_FILE SECONDS. /sparql answers SPARQL XML results whose DTD points back at
this server; every other path answers a DTD defining an entity. Exits after SECONDS."""
import http.server
import sys
import time

PORT_FILE, LOG_FILE, SECONDS = sys.argv[1], sys.argv[2], float(sys.argv[3])


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self, body, content_type):
        with open(LOG_FILE, "a") as log:
            log.write(self.command + " " + self.path + "\n")
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        port = self.server.server_address[1]
        if self.path.startswith("/sparql"):
            body = ('<?xml version="1.0"?>\n<!DOCTYPE sparql [ <!ENTITY %% p SYSTEM '
                    '"http://127.0.0.1:%d/results.dtd"> %%p; ]>\n'
                    '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/></head>'
                    '<results><result><binding name="x"><literal>&leak;</literal></binding></result></results>'
                    '</sparql>\n' % port).encode()
            self.answer(body, "application/sparql-results+xml")
        else:
            self.answer(b'<!ENTITY leak "LEAKED-FROM-NETWORK">\n', "application/xml-dtd")

    do_POST = do_GET

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
server.timeout = 0.2
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(PORT_FILE + ".tmp", PORT_FILE)
end = time.time() + SECONDS
while time.time() < end:
    server.handle_request()
