#!/usr/bin/env bash
# The installed ieval, as a user outside the tree gets it (CTest label
# `install`):
#   1. `cmake --install` into a fresh prefix, then the prefix is moved
#      elsewhere (relocation: nothing installed may name where it was);
#   2. an out-of-tree program finds the package (find_package(ieval)) and
#      scores two documents through the C++ API;
#   3. an out-of-tree plug-in is built against the installed ieval_plugin.h
#      and run by the installed binary;
#   4. the installed binary, run from an unrelated folder with a clean
#      environment, lists its shipped files (all under the moved prefix) and
#      runs `ieval run` on the installed gold and variants.
# Usage: install_test.sh BUILD_DIR   (works in a fresh temporary folder,
#        outside the tree, removed at the end unless the test fails)
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ieval-install.XXXXXX")
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
fail() { echo "FAIL: $* (files kept in $work)" >&2; exit 1; }

mkdir -p "$work/elsewhere"
cmake --install "$build" --prefix "$work/first" >/dev/null
mv "$work/first" "$work/prefix"
prefix=$work/prefix
ieval=$prefix/bin/ieval
[ -x "$ieval" ] || fail "no $ieval"
[ -f "$prefix/lib/cmake/ieval/ievalConfig.cmake" ] || fail "no package config"
[ -f "$prefix/lib/cmake/ieval/ievalConfigVersion.cmake" ] || fail "no version file"
[ -f "$prefix/include/ieval_plugin.h" ] || fail "no ieval_plugin.h"
if grep -rlI --exclude-dir=node_modules -e "$source_dir" -e "$build" -e "$work/first" \
     "$prefix/lib/cmake" "$prefix/share/ieval"; then
  fail "installed files name the source, build or first install folder"
fi

# 2. The C++ API, from a program of its own.
cmake -S "$here/consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/consumer" >/dev/null
got=$("$work/consumer/score_two_documents")
want="strict: tp 4 fp 2 fn 2 P 0.667 R 0.667 F1 0.667
partial: tp 4.5 fp 1.5 fn 1.5 P 0.750 R 0.750 F1 0.750"
[ "$got" = "$want" ] || fail "consumer printed:
$got
expected:
$want"

# 3. A plug-in of its own, run by the installed ieval.
cmake -S "$here/plugin" -B "$work/plugin" -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/plugin" >/dev/null
plugin=$work/plugin/word_plugin.so
[ -f "$plugin" ] || plugin=$work/plugin/libword_plugin.so
cd "$work/elsewhere"
env -i PATH=/usr/bin:/bin HOME="$work" "$ieval" extract --extractor plugin \
  --option "path=$plugin" --option word=Corée \
  --gold "$prefix/share/ieval/gold/docs" --out "$work/corée.jsonl" \
  || fail "ieval extract with the plug-in failed"
found=$(grep -o '"type":"LOC"' "$work/corée.jsonl" | wc -l)
[ "$found" -gt 0 ] || fail "the plug-in found no Corée in the gold"
# Its byte offsets, converted: every mention's text is the word.
if grep -o '"text":"[^"]*"' "$work/corée.jsonl" | grep -v '"text":"Corée"'; then
  fail "a plug-in mention's text is not Corée (offsets off)"
fi

# 4. Relocated and out of the tree's reach: the shipped files of the prefix.
listing=$(env -i PATH=/usr/bin:/bin HOME="$work" "$ieval" list)
echo "$listing" | grep -q "^shipped files (install prefix: $prefix/share/ieval)$" \
  || fail "ieval list does not name the moved prefix's files:
$(echo "$listing" | tail -7)"
echo "$listing" | grep -q "  plug-ins: $prefix/lib/ieval/plugins (install prefix)" \
  || fail "ieval list does not name the prefix's plug-ins"
if echo "$listing" | grep -q -e "$source_dir" -e "(missing)"; then
  fail "ieval list names the source tree or a missing file"
fi
env -i PATH=/usr/bin:/bin HOME="$work" "$ieval" run --quiet \
  --variants gazetteer,rules,tagger,acronyms --out "$work/run" >/dev/null \
  || fail "ieval run of the installed files failed"
for f in report.json report.md report.html predictions/tagger.jsonl; do
  [ -s "$work/run/$f" ] || fail "ieval run wrote no $f"
done
if grep -q -e "$source_dir" "$work/run/report.json"; then
  fail "the relocated run read files of the source tree"
fi
grep -q '"status": "ok"' "$work/run/report.json" || fail "no variant ran"
cd /
rm -rf "$work"
echo "install, find_package, plug-in and relocation: ok"
