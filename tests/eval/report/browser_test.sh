#!/usr/bin/env bash
# The browser test of report.html (CTest label `browser`): runs `ieval run`
# over the shipped gold with two scripted variants (one answers, one
# crashes) and an llm variant against a local fake server
# (fake_chat_server.py), with three timed passes (error bars on the
# scatter), then loads
# the report in headless Chromium and checks it (browser_check.py): no
# console errors, the tables hold report.json's numbers (the LLM usage
# table's included), the viewer colours known spans right, the page fits a
# phone.
# Screenshots go to OUTDIR. Skipped (exit 77) when Chromium is absent.
# Usage: browser_test.sh IEVAL_BINARY OUTDIR
set -euo pipefail
ieval=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
fake="$root/tests/extractors/external/testdata/fake_extractor.py"
rm -rf "$out"
mkdir -p "$out"
python3 "$here/fake_chat_server.py" "$out/port" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$out/port" ] && break; sleep 0.1; done
cat >"$out/variants.json" <<JSON
{"variants": [
  {"name": "good", "extractor": "external",
   "options": {"command": ["python3", "$fake", "good"], "timeout": 30},
   "description": "Kim, OTAN and Paris wherever they occur"},
  {"name": "crash", "extractor": "external",
   "options": {"command": ["python3", "$fake", "crash"], "timeout": 30},
   "description": "exits before answering"},
  {"name": "llm", "extractor": "llm",
   "options": {"base_url": "http://127.0.0.1:$(cat "$out/port")/v1",
               "model": "fake", "cache": "$out/llm-cache",
               "price_per_mtok": "0.5,2"},
   "description": "a fake model: Kim and Atlantide in every chunk"}]}
JSON
cat >"$out/run.json" <<JSON
{"gold": "$root/gold/docs", "variants_file": "variants.json",
 "statistics": {"resamples": 200}}
JSON
status=0
"$ieval" run --config "$out/run.json" --out "$out/report" --quiet \
  --bench-repetitions 3 >/dev/null || status=$?
if [ "$status" -ne 3 ]; then
  echo "FAIL: ieval run exited $status, expected 3 (the crash variant fails)"
  exit 1
fi
# Document 000: Kim [14, 17) PER is found (correct, green), Russie [42, 48)
# LOC is not (missed, orange); the colours are those of the stylesheet.
python3 "$here/browser_check.py" --html "$out/report/report.html" \
  --json "$out/report/report.json" --checks \
  --viewer "000_d2d8004998f84c7a,good,gold:14:17:correct:rgb(214, 240, 231);gold:42:48:missed:rgb(252, 235, 200);pred:14:17:correct:rgb(214, 240, 231)" \
  --screenshot "$out/report.png" --phone-screenshot "$out/phone.png"
