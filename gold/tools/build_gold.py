#!/usr/bin/env python3
"""Builds gold/docs/<doc_id>.json from the adjudicated mention lists in
gold/tools/source/<doc_id>.tsv (standard library only).

Offsets are computed here, never written by hand: each mention names the
1-based line of the seed it is on, a left anchor (text just before it on that
line, `^` for none) and its surface; anchor + surface must occur exactly once
on that line with the surface on word boundaries. Offsets are Python `str`
indices of the seed decoded as UTF-8 — Unicode code points, as
../shared/ANNOTATION_SPEC.md requires.

Source format (tab separated; `#` starts a comment line):
  LINE  ANCHOR  SURFACE  TYPE  ID_OR_VALUE  LABEL
  R     RELATION_TYPE  HEAD_LABEL  TAIL_LABEL  EVIDENCE
ID_OR_VALUE is the canonical entity id for PER/ORG/LOC and the normalised
value for DATE/QUANTITY. EVIDENCE quotes the sentence that states the
relation; pieces separated by " … " must occur in that order inside the one
sentence holding both arguments.

The build fails (exit 1, every problem on stderr) on: a missing or ambiguous
anchor; overlapping spans; a span starting or ending with white space,
punctuation or a symbol; a bad id or value; an id used with two types; a
relation type or argument types that gold/labels.json does not allow;
arguments in different sentences; evidence not found; duplicate relations.

Output: one pretty-printed JSON object per document (indent 1, UTF-8, as
`ieval` writes them), mention ids T1..Tn in text order, `text` on every
mention, `entity` null for DATE/QUANTITY and `value` null for PER/ORG/LOC;
relations sorted by head then tail; a symmetric relation's head is its
earlier argument.

Usage:
  build_gold.py            write gold/docs/
  build_gold.py --check    exit 1 unless gold/docs/ is exactly what would be written
  build_gold.py --stats    print the counts tables of gold/README.md (Markdown)
"""
import argparse
import glob
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.dirname(HERE)
SOURCE = os.path.join(HERE, "source")
DOCS = os.path.join(GOLD, "docs")
LABELS = os.path.join(GOLD, "labels.json")
SEEDS = os.environ.get("IEVAL_SEEDS", os.path.join(GOLD, "..", "..", "shared", "seeds"))

ID_TYPES = ("PER", "ORG", "LOC")
SLUG = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
# TIMEX3-like: YYYY, YYYY-MM, YYYY-MM-DD with X for unknown digits, or a weekday.
TIMEX = re.compile(r"^(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?$|^(\d{4}|XXXX)-W(\d{2}|XX)-[1-7]$")
DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
ELLIPSIS = " … "


class Problems:
    def __init__(self):
        self.items = []

    def add(self, msg):
        self.items.append(msg)


def is_word(c):
    return c.isalnum()


def bad_edge(c):
    """White space, punctuation or symbol: never the first or last character of a span."""
    cat = unicodedata.category(c)
    return c.isspace() or cat[0] in "PZSC"


def sentence_ids(text):
    """A sentence number per code point: a new sentence starts after a newline
    or after . ! ? followed by a space (except the abbreviation "M.")."""
    sid, cur = [0] * (len(text) + 1), 0
    for i, c in enumerate(text):
        sid[i] = cur
        if c == "\n":
            cur += 1
        elif c in ".!?" and i + 1 < len(text) and text[i + 1] in " \u00a0":
            if c == "." and i >= 1 and text[i - 1] == "M" and (i < 2 or not text[i - 2].isalpha()):
                continue
            cur += 1
    sid[len(text)] = cur
    return sid


def load_labels():
    with open(LABELS, encoding="utf-8") as f:
        labels = json.load(f)
    rel = {}
    for name, spec in labels["relation_types"].items():
        pairs = set()
        for a in spec["allowed"]:
            pairs.update((h, t) for h in a["head"] for t in a["tail"])
        if spec.get("symmetric"):
            pairs |= {(t, h) for h, t in pairs}
        rel[name] = (pairs, bool(spec.get("symmetric")))
    return set(labels["entity_types"]), rel


def build_doc(doc_id, entity_types, relation_types, problems):
    with open(os.path.join(SEEDS, doc_id + ".txt"), "rb") as f:
        text = f.read().decode("utf-8")
    lines, starts, pos = text.split("\n"), [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    mentions, by_label, rel_rows = [], {}, []
    src = os.path.join(SOURCE, doc_id + ".tsv")
    with open(src, encoding="utf-8") as f:
        rows = f.read().split("\n")
    for n, raw in enumerate(rows, 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        where = f"{os.path.relpath(src, GOLD)}:{n}"
        cols = raw.split("\t")
        if cols[0] == "R":
            if len(cols) != 5:
                problems.add(f"{where}: a relation row has 5 columns (R, type, head, tail, evidence)")
            else:
                rel_rows.append((where, cols[1], cols[2], cols[3], cols[4]))
            continue
        if len(cols) != 6:
            problems.add(f"{where}: a mention row has 6 columns, not {len(cols)}")
            continue
        line_no, anchor, surface, typ, norm, label = cols
        anchor = "" if anchor == "^" else anchor
        if not line_no.isdigit() or not 1 <= int(line_no) <= len(lines):
            problems.add(f"{where}: line {line_no!r} is not a line of the seed")
            continue
        line = lines[int(line_no) - 1]
        hits, i = [], line.find(anchor + surface)
        while i >= 0:
            s, e = i + len(anchor), i + len(anchor) + len(surface)
            if (s == 0 or not (is_word(line[s - 1]) and is_word(line[s]))) and \
               (e == len(line) or not (is_word(line[e]) and is_word(line[e - 1]))):
                hits.append(s)
            i = line.find(anchor + surface, i + 1)
        if len(hits) != 1:
            problems.add(f"{where}: {anchor + surface!r} occurs {len(hits)} times as a whole word on "
                         f"line {line_no}; give a left anchor that makes it unique")
            continue
        start = starts[int(line_no) - 1] + hits[0]
        m = {"start": start, "end": start + len(surface), "type": typ, "text": surface,
             "entity": None, "value": None, "where": where}
        if typ not in entity_types:
            problems.add(f"{where}: entity type {typ!r} is not in gold/labels.json")
        if bad_edge(surface[0]) or bad_edge(surface[-1]):
            problems.add(f"{where}: span {surface!r} starts or ends with white space or punctuation")
        if typ in ID_TYPES:
            if not SLUG.match(norm):
                problems.add(f"{where}: entity id {norm!r} is not a lower-case ASCII slug")
            m["entity"] = norm
        elif typ == "DATE":
            if not TIMEX.match(norm):
                problems.add(f"{where}: DATE value {norm!r} is not TIMEX3-like")
            m["value"] = norm
        else:
            digits = re.sub(r"\D", "", surface)
            if not DECIMAL.match(norm) or (digits and digits != norm):
                problems.add(f"{where}: QUANTITY value {norm!r} is not the plain decimal of {surface!r}")
            m["value"] = norm
        if label in by_label:
            problems.add(f"{where}: label {label} is used twice")
        by_label[label] = m
        mentions.append(m)

    mentions.sort(key=lambda m: (m["start"], m["end"]))
    for a, b in zip(mentions, mentions[1:]):
        if b["start"] < a["end"]:
            problems.add(f"{b['where']}: {b['text']!r} overlaps {a['text']!r} ({a['where']})")
    for k, m in enumerate(mentions, 1):
        m["id"] = f"T{k}"

    sid = sentence_ids(text)
    relations, seen = [], set()
    for where, typ, h, t, evidence in rel_rows:
        if h not in by_label or t not in by_label:
            problems.add(f"{where}: unknown label {h if h not in by_label else t}")
            continue
        head, tail = by_label[h], by_label[t]
        if typ not in relation_types:
            problems.add(f"{where}: relation type {typ!r} is not in gold/labels.json")
            continue
        pairs, symmetric = relation_types[typ]
        if (head["type"], tail["type"]) not in pairs:
            problems.add(f"{where}: {typ} does not allow {head['type']} -> {tail['type']}")
        if head is tail:
            problems.add(f"{where}: a relation needs two mentions")
        if sid[head["start"]] != sid[tail["start"]]:
            problems.add(f"{where}: {head['text']!r} and {tail['text']!r} are in different sentences")
        else:
            s = sid[head["start"]]
            lo = sid.index(s)
            hi = len(sid) - 1 - sid[::-1].index(s)
            sentence, at = text[lo:hi + 1], 0
            for piece in evidence.split(ELLIPSIS):
                at = sentence.find(piece, at)
                if at < 0:
                    problems.add(f"{where}: evidence piece {piece!r} is not in the sentence "
                                 f"{sentence.strip()[:80]!r}…")
                    break
                at += len(piece)
        if symmetric and tail["start"] < head["start"]:
            head, tail = tail, head
        key = (typ, head["id"], tail["id"])
        if key in seen:
            problems.add(f"{where}: duplicate relation")
        seen.add(key)
        relations.append({"type": typ, "head": head["id"], "tail": tail["id"]})
    relations.sort(key=lambda r: (int(r["head"][1:]), int(r["tail"][1:]), r["type"]))

    return {"doc_id": doc_id, "text": text, "offset_unit": "codepoint",
            "entities": [{"id": m["id"], "start": m["start"], "end": m["end"], "type": m["type"],
                          "text": m["text"], "entity": m["entity"], "value": m["value"]}
                         for m in mentions],
            "relations": relations}


def build_all():
    problems = Problems()
    entity_types, relation_types = load_labels()
    seeds = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(SEEDS, "*.txt")))
    sources = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(SOURCE, "*.tsv")))
    if not seeds:
        problems.add(f"no seeds in {SEEDS} (set IEVAL_SEEDS)")
    if seeds != sources:
        problems.add(f"seeds and sources differ: {sorted(set(seeds) ^ set(sources))}")
    docs = [build_doc(d, entity_types, relation_types, problems) for d in seeds if d in sources]
    id_type = {}
    for doc in docs:
        for m in doc["entities"]:
            if m["entity"] and id_type.setdefault(m["entity"], m["type"]) != m["type"]:
                problems.add(f"{doc['doc_id']} {m['id']}: entity id {m['entity']} is used with "
                             f"types {id_type[m['entity']]} and {m['type']}")
    if problems.items:
        for p in problems.items:
            print(f"build_gold: {p}", file=sys.stderr)
        sys.exit(1)
    return docs


def serialise(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def stats(docs):
    types = ["PER", "ORG", "LOC", "DATE", "QUANTITY"]
    rel_types = ["affiliated_with", "leader_of", "part_of", "allied_with", "deployed_to"]
    out = ["Mentions per document and type (distinct canonical ids for PER/ORG/LOC, distinct "
           "values for DATE/QUANTITY, in brackets)", "",
           "| document | " + " | ".join(types) + " | all |",
           "|---|" + "---:|" * (len(types) + 1)]
    tot_m, tot_d = Counter(), {t: set() for t in types}

    def norm(m):
        return m["entity"] if m["type"] in ID_TYPES else m["value"]
    for doc in docs:
        c = Counter(m["type"] for m in doc["entities"])
        d = {t: {norm(m) for m in doc["entities"] if m["type"] == t} for t in types}
        tot_m.update(c)
        for t in types:
            tot_d[t] |= d[t]
        distinct = sum(len(d[t]) for t in types)
        out.append(f"| {doc['doc_id']} | " + " | ".join(f"{c[t]} ({len(d[t])})" for t in types) +
                   f" | {sum(c.values())} ({distinct}) |")
    out.append("| **all five** | " + " | ".join(f"{tot_m[t]} ({len(tot_d[t])})" for t in types) +
               f" | {sum(tot_m.values())} ({sum(len(v) for v in tot_d.values())}) |")
    out += ["", "Relations per document and type", "",
            "| document | " + " | ".join(rel_types) + " | all |",
            "|---|" + "---:|" * (len(rel_types) + 1)]
    tot_r = Counter()
    for doc in docs:
        c = Counter(r["type"] for r in doc["relations"])
        tot_r.update(c)
        out.append(f"| {doc['doc_id']} | " + " | ".join(str(c[t]) for t in rel_types) +
                   f" | {sum(c.values())} |")
    out.append("| **all five** | " + " | ".join(str(tot_r[t]) for t in rel_types) +
               f" | {sum(tot_r.values())} |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="compare gold/docs/ with a fresh build; exit 1 on any difference")
    mode.add_argument("--stats", action="store_true", help="print the counts tables (Markdown)")
    args = ap.parse_args()
    docs = build_all()
    if args.stats:
        print(stats(docs))
        return
    expected = {doc["doc_id"] + ".json": serialise(doc).encode("utf-8") for doc in docs}
    if args.check:
        present = {os.path.basename(p) for p in glob.glob(os.path.join(DOCS, "*.json"))}
        bad = sorted(present ^ set(expected))
        for name, data in sorted(expected.items()):
            path = os.path.join(DOCS, name)
            if name in present:
                with open(path, "rb") as f:
                    if f.read() != data:
                        bad.append(name)
        if bad:
            print(f"build_gold: gold/docs differs from gold/tools/source for {', '.join(bad)}; "
                  "run gold/tools/build_gold.py", file=sys.stderr)
            sys.exit(1)
        print(f"build_gold: gold/docs matches the sources ({len(expected)} documents)")
        return
    os.makedirs(DOCS, exist_ok=True)
    for name, data in expected.items():
        tmp = os.path.join(DOCS, name + ".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(DOCS, name))
    print(f"build_gold: wrote {len(expected)} documents to {os.path.relpath(DOCS)}")


if __name__ == "__main__":
    main()
