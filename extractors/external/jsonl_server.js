// The ieval `external` protocol, Node side (see ../README.md): read one
// request {"doc_id", "text"} per line on stdin, answer each with one line
// {"doc_id", "offset_unit", "entities": [...]} on stdout, in order. A
// handler that throws answers {"doc_id", "error"} so ieval reports the
// message (exit 3) instead of waiting for a line that never comes.
'use strict';
const readline = require('readline');

function serve(handler) {
  const lines = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let request;
    try {
      request = JSON.parse(line);
    } catch (e) {
      process.stdout.write(JSON.stringify({doc_id: null, error: 'bad request: ' + e.message}) + '\n');
      return;
    }
    let response;
    try {
      response = Object.assign({doc_id: request.doc_id}, handler(request.text, request.doc_id));
    } catch (e) {
      response = {doc_id: request.doc_id, error: String((e && e.stack) || e)};
    }
    process.stdout.write(JSON.stringify(response) + '\n');
  });
}

// Splits `text` into lines and calls fn(line, offset) for each, `offset`
// being the line's start in UTF-16 units (JavaScript string indices), so
// libraries that are slow on long inputs see one paragraph at a time.
function forEachLine(text, fn) {
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) fn(line, offset);
    offset += line.length + 1;
  }
}

module.exports = {serve, forEachLine};
