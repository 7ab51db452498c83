#!/usr/bin/env python3
"""A stand-in for an OpenAI-compatible server, for the browser test's llm
variant: GET /models lists one model; POST /chat/completions answers every
chunk with Kim (PER) and Atlantide (LOC, in no text: an ungrounded false
positive), 120 tokens in and 30 out. Listens on 127.0.0.1 at a free port,
written to PORTFILE once it accepts connections.

  fake_chat_server.py PORTFILE
"""
import http.server
import json
import os
import sys

ANSWER = json.dumps({"entities": [{"text": "Kim", "type": "PER"},
                                  {"text": "Atlantide", "type": "LOC"}],
                     "relations": []})


class Handler(http.server.BaseHTTPRequestHandler):
    def reply(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.reply({"object": "list", "data": [{"id": "fake", "object": "model"}]})

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.reply({"id": "chatcmpl-fake", "object": "chat.completion",
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": ANSWER}}],
                    "usage": {"prompt_tokens": 120, "completion_tokens": 30,
                              "total_tokens": 150}})

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.replace(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
