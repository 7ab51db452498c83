#!/usr/bin/env python3
"""Completeness review for pass A: unannotated whole-word occurrences of every annotated
surface, and capitalised words / digits not covered by any annotation."""
import glob, json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
docs = {}
for p in sorted(glob.glob(os.path.join(HERE, "*.json"))):
    d = json.load(open(p, encoding="utf-8"))
    docs[d["doc_id"]] = d
surfaces = sorted({e["text"] for d in docs.values() for e in d["entities"]}, key=lambda s: (-len(s), s))

def covered(d, i, j):
    for e in d["entities"]:
        if e["start"] <= i and j <= e["end"]:
            return e
    return None

print("== Unannotated whole-word occurrences of annotated surfaces")
for s in surfaces:
    for doc_id, d in docs.items():
        t = d["text"]
        for m in re.finditer(re.escape(s), t):
            i, j = m.span()
            if (i > 0 and t[i-1].isalnum()) or (j < len(t) and t[j].isalnum()):
                continue
            e = covered(d, i, j)
            if e and e["start"] == i and e["end"] == j:
                continue
            where = f"inside {e['id']} {e['text']!r}" if e else "UNCOVERED"
            print(f"  {doc_id} [{i},{j}) {s!r}: {where} | …{t[max(0,i-30):j+30]!r}")

print("== Capitalised words and digit runs not covered by any annotation")
for doc_id, d in docs.items():
    t = d["text"]
    for m in re.finditer(r"[A-ZÀ-ÖØ-Þ][\w’'-]*|\d[\d' \u00a0]*\d|\d", t):
        i, j = m.span()
        if covered(d, i, j):
            continue
        print(f"  {doc_id} [{i},{j}) {m.group()!r} | …{t[max(0,i-25):j+25]!r}")
