// ieval adapter for @microsoft/recognizers-text-suite (French): dates as
// DATE with a TIMEX3-style value, numbers as QUANTITY with a plain decimal
// value. Speaks the `external` protocol (jsonl_server.js); offsets are
// UTF-16 units (JavaScript string indices), declared in each response.
//
// Conversions (extractors/README.md, "npm adapters"):
// - Recognizers' `end` is inclusive: end + 1 is ieval's exclusive end.
// - DATE: typeName datetimeV2.date or datetimeV2.daterange only (times,
//   durations, sets and datetimes are not calendar expressions); value = its
//   first TIMEX (`2024-11-09`, `XXXX-11-11`, `XXXX-06`, `XXXX-WXX-5`,
//   `2024`); a range `(a,b,P…)` gives its start `a`. A TIMEX whose year does
//   not appear in the text was resolved against the reference date (deictic:
//   `hier`, `l'an dernier`): dropped, as the annotation guidelines do.
// - QUANTITY: typeName `number` written in digits, or spelled out with a
//   value of 10 or more, that does not overlap a DATE; value = the
//   library's resolution (`10 000` -> `10000`).
'use strict';
const R = require('@microsoft/recognizers-text-suite');
const {DateTimeRecognizer} = require('@microsoft/recognizers-text-date-time');
const {NumberRecognizer} = require('@microsoft/recognizers-text-number');
const {serve, forEachLine} = require('./jsonl_server');

// Relative expressions resolve against this date; fixed so that output
// never depends on the day ieval runs.
const kReference = new Date(Date.UTC(2000, 0, 1));
// Built once: the recognize*() shortcuts rebuild every regex on each call.
const kDates = new DateTimeRecognizer(R.Culture.French).getDateTimeModel();
const kNumbers = new NumberRecognizer(R.Culture.French).getNumberModel();

function dateValue(timex, text) {
  if (!timex) return null;
  const range = /^\(([^,]+),([^,]+),[^)]*\)$/.exec(timex);
  const value = range ? range[1] : timex;
  if (!/^(\d{4}|XXXX)(-(\d{2}|W\d{2}|WXX))?(-\d{1,2})?$/.test(value)) return null;
  const year = value.slice(0, 4);
  if (year !== 'XXXX' && !text.includes(year)) return null;  // deictic
  return value;
}

function extract(text) {
  const dates = [];
  const numbers = [];
  forEachLine(text, (line, offset) => {
    for (const r of kDates.parse(line, kReference)) {
      if (r.typeName !== 'datetimeV2.date' && r.typeName !== 'datetimeV2.daterange') continue;
      const values = (r.resolution && r.resolution.values) || [];
      const value = dateValue(values.length ? values[0].timex : null, r.text);
      if (value === null) continue;
      dates.push({start: offset + r.start, end: offset + r.end + 1, type: 'DATE', value});
    }
    for (const r of kNumbers.parse(line)) {
      if (r.typeName !== 'number' || !r.resolution) continue;
      const value = String(r.resolution.value);
      const spelled = !/\d/.test(r.text);
      if (spelled && !(Number(value) >= 10)) continue;
      numbers.push({start: offset + r.start, end: offset + r.end + 1, type: 'QUANTITY', value});
    }
  });
  const overlapsDate = (n) => dates.some((d) => n.start < d.end && d.start < n.end);
  const entities = dates.concat(numbers.filter((n) => !overlapsDate(n)));
  entities.sort((a, b) => a.start - b.start);
  return {offset_unit: 'utf16', entities};
}

serve(extract);
