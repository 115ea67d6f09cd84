#!/usr/bin/env python3
"""A broken SPARQL endpoint for the probe suite: fixed bad replies on 127.0.0.1, for a bounded time.

Usage: server.py PORT_FILE LOG_FILE [LIFETIME_SECONDS]
Writes the port it listens on to PORT_FILE and one line per request (method and path) to LOG_FILE.
"""
import http.server
import socketserver
import sys
import threading
import time

PORT_FILE, LOG_FILE = sys.argv[1], sys.argv[2]
LIFETIME = float(sys.argv[3]) if len(sys.argv) > 3 else 300.0
MIB = 1024 * 1024

XML_HEAD = b'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
GOOD_XML = XML_HEAD + (b'<head><variable name="x"/></head><results><result><binding name="x">'
                       b'<literal>ok</literal></binding></result></results></sparql>\n')


def laughs():
    lines = [b'<?xml version="1.0"?>', b'<!DOCTYPE sparql [', b'<!ENTITY a0 "lollollollollollollollollollol">']
    for i in range(1, 12):
        lines.append(b'<!ENTITY a%d "%s">' % (i, b''.join(b'&a%d;' % (i - 1) for _ in range(10))))
    lines.append(b']>')
    lines.append(b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/></head>'
                 b'<results><result><binding name="x"><literal>&a11;</literal></binding></result></results></sparql>')
    return b'\n'.join(lines)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self):
        with open(LOG_FILE, "a") as log:
            log.write("%s %s auth=%s\n" % (self.command, self.path, "yes" if self.headers.get("Authorization") else "no"))

    def reply(self, status, ctype, body, extra=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def stream(self, ctype, head, chunk, limit):
        """Send an answer with no length that would go on for `limit` bytes (a bound, not a promise)."""
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Connection", "close")
        self.end_headers()
        sent = 0
        try:
            self.wfile.write(head)
            while sent < limit:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def handle_any(self):
        self.record()
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 16 * MIB))
        path = self.path.split("?")[0]
        port = self.server.server_address[1]
        xml = "application/sparql-results+xml"
        if path == "/good":
            self.reply(200, xml, GOOD_XML)
        elif path == "/html":
            self.reply(200, "text/html", b"<!DOCTYPE html>\n<html><body><h1>Welcome</h1></body></html>\n")
        elif path == "/notype":
            self.reply(200, None, b"ok\n")
        elif path == "/garbage-xml":
            self.reply(200, xml, XML_HEAD + b"<head><variable name='x'/></head><results><result><binding name='x'><lit")
        elif path == "/not-sparql-xml":
            self.reply(200, xml, b'<?xml version="1.0"?><rss><channel><title>news</title></channel></rss>')
        elif path == "/bad-boolean":
            self.reply(200, xml, XML_HEAD + b"<head/><boolean>maybe</boolean></sparql>")
        elif path == "/nul":
            self.reply(200, xml, GOOD_XML[:60] + b"\0" + GOOD_XML[60:])
        elif path == "/endless-xml":
            self.stream(xml, XML_HEAD + b"<head><variable name='x'/></head><results>",
                        b"<result><binding name='x'><literal>" + b"x" * 4000 + b"</literal></binding></result>", 200 * MIB)
        elif path == "/endless-csv":
            self.stream("text/csv", b"x\r\n", b"y" * 65536 + b"\r\n", 200 * MIB)
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", xml)
            self.send_header("Content-Length", str(100 * MIB))
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
        elif path == "/echo-auth":
            auth = self.headers.get("Authorization") or "none"
            if auth == "none":
                self.reply(401, "text/plain", b"unauthorized", [("WWW-Authenticate", 'Basic realm="probe"')])
            else:
                self.reply(401, "text/html", ("<p>Denied: Authorization: %s</p>\n" % auth).encode(),
                           [("WWW-Authenticate", 'Basic realm="probe"')])
        elif path == "/echo-secret":
            self.reply(500, "text/plain", b"server trouble near p@ss:w0rd@x\n")
        elif path == "/escape":
            self.reply(500, "text/plain", b"\x1b]0;pwned\x07\x1b[2J\x08error\rspoof\nsecond line\n")
        elif path == "/bad-utf8":
            self.reply(500, "text/plain", b"bad \xff\xfe \xc2\x9b2J end\n")
        elif path == "/xxe":
            self.reply(200, xml, (b'<?xml version="1.0"?>\n<!DOCTYPE sparql [<!ENTITY % p SYSTEM "http://127.0.0.1:'
                                  + str(port).encode() + b'/leak-param"> %p; <!ENTITY e SYSTEM "http://127.0.0.1:'
                                  + str(port).encode() + b'/leak">]>\n'
                                  + GOOD_XML[len(b'<?xml version="1.0"?>\n'):].replace(b"ok", b"&e;")))
        elif path == "/laughs":
            self.reply(200, xml, laughs())
        elif path == "/redirect-file":
            self.reply(302, "text/plain", b"", [("Location", "file:///etc/passwd")])
        elif path == "/slow":
            time.sleep(4)
            self.reply(200, xml, GOOD_XML)
        elif path in ("/leak", "/leak-param"):
            self.reply(200, "application/xml-dtd", b'<!ENTITY leaked "LEAKED">')
        elif path == "/good-json":
            self.reply(200, "application/sparql-results+json",
                       b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "ok"}}]}}\n')
        elif path == "/garbage-json":
            self.reply(200, "application/sparql-results+json", b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": ')
        elif path == "/json-array":
            self.reply(200, "application/sparql-results+json", b'[1, 2, 3]\n')
        elif path == "/json-trailing":
            self.reply(200, "application/sparql-results+json", b'{"head": {}, "boolean": true} <html>\n')
        elif path == "/deep-json":
            self.reply(200, "application/sparql-results+json", b'{"a": ' + b'[' * 100000 + b']' * 100000 + b'}')
        elif path == "/endless-json-string":
            self.stream("application/sparql-results+json",
                        b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "',
                        b"x" * 65536, 200 * MIB)
        elif path == "/endless-xml-tag":
            self.stream(xml, XML_HEAD + b"<head><variable name='", b"x" * 65536, 200 * MIB)
        elif path == "/ok-update":
            self.reply(200, "text/plain", b"done\n")
        else:
            self.reply(404, "text/plain", b"no such probe\n")

    do_GET = do_POST = do_PUT = do_HEAD = handle_any


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(PORT_FILE + ".tmp", PORT_FILE)
threading.Timer(LIFETIME, server.shutdown).start()
server.serve_forever()
