#!/usr/bin/env python3
"""Build passB annotation JSON files from src/<doc_id>.tsv.

TSV format (tab separated, '#' comments):
  <line>\t<left-anchor or ^>\t<surface>\t<TYPE>\t<entity-id | value>\t<label>
  R\t<relation type>\t<head label>\t<tail label>
The left anchor is text immediately preceding the surface on that line;
anchor+surface must occur exactly once on the line with the surface on
word boundaries. Offsets are Python str indices (code points).
"""
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = "/work/shared/seeds"
TYPES = {"PER", "ORG", "LOC", "DATE", "QUANTITY"}
REL_ARGS = {
    "affiliated_with": lambda h, t: h == "PER" and t == "ORG",
    "leader_of": lambda h, t: h == "PER" and t in ("LOC", "ORG"),
    "part_of": lambda h, t: (h, t) in (("ORG", "ORG"), ("LOC", "LOC")),
    "allied_with": lambda h, t: h in ("LOC", "PER", "ORG") and t in ("LOC", "PER", "ORG"),
    "deployed_to": lambda h, t: h == "LOC" and t == "LOC",
}
SLUG = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
TIMEX = re.compile(r"^(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?$|^XXXX-WXX-[1-7]$")
errors = []


def fail(msg):
    errors.append(msg)


def is_word(c):
    return c.isalnum() or c == "_"


def bad_edge(c):
    cat = unicodedata.category(c)
    return c.isspace() or cat.startswith("P") or cat.startswith("Z")


def load_doc(doc_id):
    with open(os.path.join(SEEDS, doc_id + ".txt"), "rb") as f:
        return f.read().decode("utf-8")


def line_starts(text):
    starts, pos = [], 0
    for ln in text.split("\n"):
        starts.append(pos)
        pos += len(ln) + 1
    return starts, text.split("\n")


def process(doc_id):
    text = load_doc(doc_id)
    starts, lines = line_starts(text)
    ents, rels, labels = [], [], {}
    src = os.path.join(HERE, "src", doc_id + ".tsv")
    for n, raw in enumerate(open(src, encoding="utf-8"), 1):
        raw = raw.rstrip("\n")
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        where = f"{doc_id}.tsv:{n}"
        if cols[0] == "R":
            if len(cols) != 4:
                fail(f"{where}: bad relation row {cols}")
                continue
            rels.append((cols[1], cols[2], cols[3], where))
            continue
        if len(cols) != 6:
            fail(f"{where}: expected 6 columns, got {len(cols)}: {cols}")
            continue
        ln, anchor, surf, typ, val, lab = cols
        ln = int(ln)
        anchor = "" if anchor == "^" else anchor
        if typ not in TYPES:
            fail(f"{where}: bad type {typ}")
        if ln < 1 or ln > len(lines):
            fail(f"{where}: line {ln} out of range")
            continue
        line = lines[ln - 1]
        needle = anchor + surf
        hits = []
        i = line.find(needle)
        while i >= 0:
            s = i + len(anchor)
            e = s + len(surf)
            # even with an anchor, the surface must start on a word boundary
            ok_l = s == 0 or not (is_word(line[s - 1]) and is_word(line[s]))
            ok_r = e == len(line) or not (is_word(line[e]) and is_word(line[e - 1]))
            if ok_l and ok_r:
                hits.append(s)
            i = line.find(needle, i + 1)
        if len(hits) != 1:
            fail(f"{where}: anchor {needle!r} found {len(hits)} times on line {ln} "
                 f"({'ambiguous' if hits else 'missing'})")
            continue
        start = starts[ln - 1] + hits[0]
        end = start + len(surf)
        assert text[start:end] == surf
        if bad_edge(surf[0]) or bad_edge(surf[-1]):
            fail(f"{where}: span {surf!r} starts/ends with white space or punctuation")
        if lab in labels:
            fail(f"{where}: duplicate label {lab}")
        e = {"start": start, "end": end, "type": typ, "text": surf,
             "entity": None, "value": None, "_label": lab}
        if typ in ("PER", "ORG", "LOC"):
            if not SLUG.match(val):
                fail(f"{where}: entity id {val!r} is not a lower-case ASCII slug")
            e["entity"] = val
        elif typ == "DATE":
            if not TIMEX.match(val):
                fail(f"{where}: DATE value {val!r} not TIMEX3-like")
            e["value"] = val
        else:
            if not re.match(r"^-?\d+(\.\d+)?$", val):
                fail(f"{where}: QUANTITY value {val!r} not plain decimal")
            digits = re.sub(r"\D", "", surf)
            if digits and digits != val:
                fail(f"{where}: QUANTITY value {val} != digits of {surf!r}")
            e["value"] = val
        labels[lab] = e
        e["_line"] = ln
        ents.append(e)

    ents.sort(key=lambda x: (x["start"], x["end"]))
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            fail(f"{doc_id}: overlapping spans {a['text']!r}@{a['start']} and {b['text']!r}@{b['start']}")
    for k, e in enumerate(ents, 1):
        e["id"] = f"T{k}"
    out_rels, seen = [], set()
    for typ, h, t, where in rels:
        if typ not in REL_ARGS:
            fail(f"{where}: unknown relation type {typ}")
            continue
        if h not in labels or t not in labels:
            fail(f"{where}: unknown label {h if h not in labels else t}")
            continue
        he, te = labels[h], labels[t]
        if not REL_ARGS[typ](he["type"], te["type"]):
            fail(f"{where}: {typ} cannot link {he['type']} -> {te['type']}")
        if he is te:
            fail(f"{where}: relation to itself")
        if he["_line"] != te["_line"]:
            fail(f"{where}: relation arguments on different lines")
        key = (typ, he["id"], te["id"]) if typ != "allied_with" else (typ, frozenset((he["id"], te["id"])))
        if key in seen:
            fail(f"{where}: duplicate relation")
        seen.add(key)
        out_rels.append({"type": typ, "head": he["id"], "tail": te["id"]})
    out_rels.sort(key=lambda r: (int(r["head"][1:]), int(r["tail"][1:]), r["type"]))
    out_ents = [{"id": e["id"], "start": e["start"], "end": e["end"], "type": e["type"],
                 "text": e["text"], "entity": e["entity"], "value": e["value"]} for e in ents]
    for e in out_ents:
        assert text[e["start"]:e["end"]] == e["text"]
    return {"doc_id": doc_id, "text": text, "offset_unit": "codepoint",
            "entities": out_ents, "relations": out_rels}


def completeness(docs):
    """Report unannotated whole-word occurrences of annotated surfaces,
    and unannotated capitalised tokens / digit runs."""
    surfaces = sorted({e["text"] for d in docs for e in d["entities"]}, key=len, reverse=True)
    report = []
    for d in docs:
        text = d["text"]
        spans = [(e["start"], e["end"]) for e in d["entities"]]
        exact = set(spans)

        def covered(s, e):
            return any(a <= s and e <= b for a, b in spans)
        for surf in surfaces:
            for m in re.finditer(re.escape(surf), text):
                s, e = m.span()
                if s > 0 and is_word(text[s - 1]) and is_word(text[s]):
                    continue
                if e < len(text) and is_word(text[e]) and is_word(text[e - 1]):
                    continue
                if (s, e) in exact:
                    continue
                where = "inside " + repr(next(d2["text"] for d2 in d["entities"]
                                              if d2["start"] <= s and e <= d2["end"])) if covered(s, e) else "NOT ANNOTATED"
                report.append(f"{d['doc_id']}\tsurface\t{surf!r}@{s}\t{where}")
        for m in re.finditer(r"\b(?:[^\W\d_][\w'’-]*)", text):
            tok = m.group()
            if not tok[0].isupper() and not any(c.isupper() for c in tok):
                continue
            s, e = m.span()
            if not any(a < e and s < b for a, b in spans):
                ctx = text[max(0, s - 20):e + 20].replace("\n", " ")
                report.append(f"{d['doc_id']}\tcap\t{tok!r}@{s}\t{ctx!r}")
        for m in re.finditer(r"\d+", text):
            s, e = m.span()
            if not any(a <= s and e <= b for a, b in spans):
                ctx = text[max(0, s - 20):e + 20].replace("\n", " ")
                report.append(f"{d['doc_id']}\tdigit\t{m.group()!r}@{s}\t{ctx!r}")
    return report


def main():
    doc_ids = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(SEEDS, "*.txt")))
    docs = [process(d) for d in doc_ids]
    # cross-document consistency: one entity id per (type, surface)
    byid = {}
    for d in docs:
        for e in d["entities"]:
            if e["entity"]:
                byid.setdefault(e["entity"], set()).add(e["type"])
    for k, v in byid.items():
        if len(v) > 1:
            fail(f"entity id {k} used with several types {v}")
    if errors:
        for m in errors:
            print("ERROR:", m, file=sys.stderr)
        sys.exit(2)
    for d in docs:
        with open(os.path.join(HERE, d["doc_id"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=1)
            f.write("\n")
    rep = completeness(docs)
    with open(os.path.join(HERE, "completeness.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(rep) + "\n")
    # counts
    from collections import Counter
    tot = Counter()
    for d in docs:
        c = Counter(e["type"] for e in d["entities"])
        r = Counter(x["type"] for x in d["relations"])
        tot.update(c)
        print(d["doc_id"], dict(sorted(c.items())), "n=", sum(c.values()), "rels", dict(sorted(r.items())))
    print("TOTAL", dict(sorted(tot.items())), "n=", sum(tot.values()))
    print(f"completeness report: {len(rep)} lines -> completeness.txt")


if __name__ == "__main__":
    main()
