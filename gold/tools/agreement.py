#!/usr/bin/env python3
"""Inter-annotator agreement between two annotation folders (standard library only).

Used for the gold's agreement study (gold/README.md): pass A against pass B
before adjudication, and each pass against the adjudicated gold. `ieval score`
does not exist yet, so the measures are computed here:

  * strict entity P/R/F1 per type and micro: a mention matches when doc_id,
    start, end and type are all equal (B is scored against A; F1 is symmetric);
  * value agreement: among strictly matched DATE / QUANTITY mentions, the
    share whose `value` strings are equal;
  * canonical-id agreement: B³ F1 (Bagga & Baldwin 1998) over the clusters
    the `entity` ids induce on the strictly matched PER/ORG/LOC mentions of
    all five documents (ids are corpus-wide), per type and over all three.
    B³ compares the partitions, so two passes naming one entity differently
    (`un` vs `united_nations`) still agree;
  * relation P/R/F1 per type and micro: a relation matches when doc_id, type
    and both argument spans (start, end, type) are equal; the symmetric
    `allied_with` matches in either direction.

Usage:
  agreement.py [A_DIR] [B_DIR] [--names A B] [--markdown FILE] [--diff]
Defaults: gold/passes/a and gold/passes/b. --markdown writes the tables as
Markdown (for gold/README.md); --diff lists every disagreement.
"""
import argparse
import glob
import json
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.dirname(HERE)
ENTITY_TYPES = ["PER", "ORG", "LOC", "DATE", "QUANTITY"]
ID_TYPES = ["PER", "ORG", "LOC"]
VALUE_TYPES = ["DATE", "QUANTITY"]
RELATION_TYPES = ["affiliated_with", "leader_of", "part_of", "allied_with", "deployed_to"]
SYMMETRIC = {"allied_with"}


def load(folder):
    """doc_id -> document object, from every *.json of the folder."""
    docs = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        if doc.get("offset_unit", "codepoint") != "codepoint":
            sys.exit(f"{path}: only codepoint offsets are supported here")
        docs[doc["doc_id"]] = doc
    if not docs:
        sys.exit(f"{folder}: no *.json annotation files")
    return docs


def mention_key(doc_id, m):
    return (doc_id, m["start"], m["end"], m["type"])


def mentions(docs):
    """strict key -> mention, over all documents."""
    out = {}
    for doc_id, doc in docs.items():
        for m in doc["entities"]:
            out[mention_key(doc_id, m)] = m
    return out


def relations(docs):
    """Set of relation keys: (doc_id, type, head span, tail span); symmetric
    types get their two arguments in sorted order."""
    out = set()
    for doc_id, doc in docs.items():
        by_id = {m["id"]: (m["start"], m["end"], m["type"]) for m in doc["entities"]}
        for r in doc.get("relations", []):
            h, t = by_id[r["head"]], by_id[r["tail"]]
            if r["type"] in SYMMETRIC and t < h:
                h, t = t, h
            out.add((doc_id, r["type"], h, t))
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if tp + fp + fn == 0:  # nothing on either side: full agreement
        p = r = f = 1.0
    return p, r, f


def b_cubed(keys, id_a, id_b):
    """B³ precision, recall, F1 of B's clustering against A's over `keys`."""
    if not keys:
        return None
    cluster_a, cluster_b = defaultdict(set), defaultdict(set)
    for k in keys:
        cluster_a[id_a[k]].add(k)
        cluster_b[id_b[k]].add(k)
    p = r = 0.0
    for k in keys:
        ca, cb = cluster_a[id_a[k]], cluster_b[id_b[k]]
        overlap = len(ca & cb)
        p += overlap / len(cb)
        r += overlap / len(ca)
    p, r = p / len(keys), r / len(keys)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def compare(docs_a, docs_b):
    if set(docs_a) != set(docs_b):
        sys.exit(f"the two folders hold different documents: {sorted(set(docs_a) ^ set(docs_b))}")
    ma, mb = mentions(docs_a), mentions(docs_b)
    matched = set(ma) & set(mb)
    rows = {}
    for t in ENTITY_TYPES:
        ka = {k for k in ma if k[3] == t}
        kb = {k for k in mb if k[3] == t}
        tp = len(ka & kb)
        row = {"n_a": len(ka), "n_b": len(kb), "tp": tp,
               "prf": prf(tp, len(kb) - tp, len(ka) - tp)}
        both = ka & kb
        if t in VALUE_TYPES:
            same = sum(1 for k in both if ma[k]["value"] == mb[k]["value"])
            row["value"] = (same, len(both))
        if t in ID_TYPES:
            row["b3"] = b_cubed(both, {k: ma[k]["entity"] for k in both},
                                {k: mb[k]["entity"] for k in both})
        rows[t] = row
    tp = len(matched)
    micro = {"n_a": len(ma), "n_b": len(mb), "tp": tp,
             "prf": prf(tp, len(mb) - tp, len(ma) - tp)}
    id_keys = {k for k in matched if k[3] in ID_TYPES}
    micro["b3"] = b_cubed(id_keys, {k: ma[k]["entity"] for k in id_keys},
                          {k: mb[k]["entity"] for k in id_keys})
    val_keys = [k for k in matched if k[3] in VALUE_TYPES]
    micro["value"] = (sum(1 for k in val_keys if ma[k]["value"] == mb[k]["value"]), len(val_keys))

    ra, rb = relations(docs_a), relations(docs_b)
    rel_rows = {}
    for t in RELATION_TYPES:
        ka = {k for k in ra if k[1] == t}
        kb = {k for k in rb if k[1] == t}
        tp_r = len(ka & kb)
        rel_rows[t] = {"n_a": len(ka), "n_b": len(kb), "tp": tp_r,
                       "prf": prf(tp_r, len(kb) - tp_r, len(ka) - tp_r)}
    tp_r = len(ra & rb)
    rel_micro = {"n_a": len(ra), "n_b": len(rb), "tp": tp_r,
                 "prf": prf(tp_r, len(rb) - tp_r, len(ra) - tp_r)}
    return {"entities": rows, "micro": micro, "relations": rel_rows, "rel_micro": rel_micro,
            "ma": ma, "mb": mb, "ra": ra, "rb": rb}


def fmt(x):
    return f"{x:.3f}"


def tables(res, name_a, name_b):
    """The agreement tables as Markdown lines."""
    lines = [f"Entities ({name_b} scored against {name_a}; strict = same document, start, end and type)",
             "",
             f"| type | {name_a} | {name_b} | both | P | R | strict F1 | value agreement | id B³ F1 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def row(label, r):
        p, rc, f = r["prf"]
        value = ""
        if "value" in r and r["value"][1]:
            s, n = r["value"]
            value = f"{s}/{n} = {fmt(s / n)}"
        b3 = ""
        if r.get("b3"):
            b3 = fmt(r["b3"][2])
        return f"| {label} | {r['n_a']} | {r['n_b']} | {r['tp']} | {fmt(p)} | {fmt(rc)} | {fmt(f)} | {value} | {b3} |"

    for t in ENTITY_TYPES:
        lines.append(row(t, res["entities"][t]))
    lines.append(row("**micro**", res["micro"]))
    lines += ["",
              f"Relations (same document, type and argument spans; `allied_with` in either direction)",
              "",
              f"| type | {name_a} | {name_b} | both | P | R | F1 |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for t in RELATION_TYPES:
        r = res["relations"][t]
        p, rc, f = r["prf"]
        lines.append(f"| {t} | {r['n_a']} | {r['n_b']} | {r['tp']} | {fmt(p)} | {fmt(rc)} | {fmt(f)} |")
    r = res["rel_micro"]
    p, rc, f = r["prf"]
    lines.append(f"| **micro** | {r['n_a']} | {r['n_b']} | {r['tp']} | {fmt(p)} | {fmt(rc)} | {fmt(f)} |")
    return lines


def id_disagreements(res):
    """Pairs of matched mentions one pass puts in one cluster and the other
    does not (reported once per pair of clusters)."""
    ma, mb = res["ma"], res["mb"]
    both = sorted(k for k in set(ma) & set(mb) if k[3] in ID_TYPES)
    seen, out = set(), []
    for i, k in enumerate(both):
        for k2 in both[i + 1:]:
            same_a = ma[k]["entity"] == ma[k2]["entity"]
            same_b = mb[k]["entity"] == mb[k2]["entity"]
            if same_a != same_b:
                pair = (ma[k]["entity"], mb[k]["entity"], ma[k2]["entity"], mb[k2]["entity"])
                if pair in seen:
                    continue
                seen.add(pair)
                out.append(f"  {k[0]} {ma[k]['text']!r} (A {ma[k]['entity']}, B {mb[k]['entity']}) vs "
                           f"{k2[0]} {ma[k2]['text']!r} (A {ma[k2]['entity']}, B {mb[k2]['entity']})")
    return out


def diff(res, name_a, name_b):
    ma, mb, ra, rb = res["ma"], res["mb"], res["ra"], res["rb"]
    out = ["Mentions only in " + name_a + ":"]
    out += [f"  {k[0]} [{k[1]},{k[2]}) {k[3]} {ma[k]['text']!r}" for k in sorted(set(ma) - set(mb))]
    out += ["Mentions only in " + name_b + ":"]
    out += [f"  {k[0]} [{k[1]},{k[2]}) {k[3]} {mb[k]['text']!r}" for k in sorted(set(mb) - set(ma))]
    out += ["Value differences:"]
    out += [f"  {k[0]} {ma[k]['text']!r}: {ma[k]['value']} vs {mb[k]['value']}"
            for k in sorted(set(ma) & set(mb)) if k[3] in VALUE_TYPES and ma[k]["value"] != mb[k]["value"]]
    out += ["Entity-id clustering differences:"] + id_disagreements(res)
    # Slugs that differ but cluster the same way are not disagreements; list them for information.
    names = sorted({(ma[k]["entity"], mb[k]["entity"]) for k in set(ma) & set(mb)
                    if k[3] in ID_TYPES and ma[k]["entity"] != mb[k]["entity"]})
    out += ["Entity ids spelled differently (information only): " +
            (", ".join(f"{a}/{b}" for a, b in names) or "none")]

    def rel(k):
        return f"  {k[0]} {k[1]} [{k[2][0]},{k[2][1]}) -> [{k[3][0]},{k[3][1]})"
    out += ["Relations only in " + name_a + ":"] + [rel(k) for k in sorted(ra - rb)]
    out += ["Relations only in " + name_b + ":"] + [rel(k) for k in sorted(rb - ra)]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a", nargs="?", default=os.path.join(GOLD, "passes", "a"))
    ap.add_argument("b", nargs="?", default=os.path.join(GOLD, "passes", "b"))
    ap.add_argument("--names", nargs=2, default=["pass A", "pass B"], metavar=("A", "B"))
    ap.add_argument("--markdown", metavar="FILE", help="also write the tables as Markdown")
    ap.add_argument("--diff", action="store_true", help="list every disagreement")
    args = ap.parse_args()
    res = compare(load(args.a), load(args.b))
    lines = tables(res, *args.names)
    print("\n".join(lines))
    if args.diff:
        print()
        print("\n".join(diff(res, *args.names)))
    if args.markdown:
        tmp = args.markdown + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, args.markdown)


if __name__ == "__main__":
    main()
