// ieval adapter for fr-compromise: people, places and organisations as
// PER, LOC and ORG. Speaks the `external` protocol (jsonl_server.js);
// offsets are UTF-16 units (JavaScript string indices), declared in each
// response.
//
// Label mapping (extractors/README.md, "npm adapters"): .people() -> PER,
// .places() -> LOC, .organizations() -> ORG. A match is cut after any term
// followed (or preceded) by punctuation other than a hyphen or apostrophe (compromise
// glues "Moscou, Russie" or "Paris » (Moscou" into one match), and spans
// are built from term offsets, which leave out the punctuation around them.
// No entity ids or values: compromise has none.
'use strict';
const nlp = require('fr-compromise');
const {serve} = require('./jsonl_server');

const kMethods = [['people', 'PER'], ['places', 'LOC'], ['organizations', 'ORG']];

function extract(text) {
  const doc = nlp(text);
  const entities = [];
  for (const [method, type] of kMethods) {
    for (const match of doc[method]().json({offset: true, terms: {offset: true}})) {
      let run = null;
      for (const term of match.terms) {
        const start = term.offset.start;
        const end = start + term.offset.length;
        if (end <= start) continue;  // compromise's empty terms
        if (run !== null && /[^\s\-'’]/.test(term.pre || '')) {
          entities.push(run);
          run = null;
        }
        if (run === null) run = {start, end, type};
        run.end = end;
        if (/[^\s\-'’]/.test(term.post || '')) {
          entities.push(run);
          run = null;
        }
      }
      if (run !== null) entities.push(run);
    }
  }
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  return {offset_unit: 'utf16', entities};
}

serve(extract);
