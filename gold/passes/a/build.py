#!/usr/bin/env python3
"""Build annotation JSON files for pass A from src/<doc_id>.py.

Offsets are Python str indices (code points) on the seed text decoded as UTF-8.
Fails loudly (non-zero exit, message on stderr) on any inconsistency.
"""
import glob, json, os, re, sys, unicodedata, runpy

SEEDS = "/work/shared/seeds"
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = HERE

TYPES = {"PER", "ORG", "LOC", "DATE", "QUANTITY"}
REL_ARGS = {
    "affiliated_with": lambda h, t: h == "PER" and t == "ORG",
    "leader_of": lambda h, t: h == "PER" and t in ("LOC", "ORG"),
    "part_of": lambda h, t: (h, t) in (("ORG", "ORG"), ("LOC", "LOC")),
    "allied_with": lambda h, t: h in ("LOC", "PER", "ORG") and t in ("LOC", "PER", "ORG"),
    "deployed_to": lambda h, t: h == "LOC" and t == "LOC",
}
SLUG = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


class BuildError(Exception):
    pass


def is_word_char(c):
    return c.isalnum()


def whole_word_at(text, i, s):
    j = i + len(s)
    if i > 0 and is_word_char(text[i - 1]):
        return False
    if j < len(text) and is_word_char(text[j]):
        return False
    return True


def find_whole(text, s, start):
    i = text.find(s, start)
    while i != -1:
        if whole_word_at(text, i, s):
            return i
        i = text.find(s, i + 1)
    return -1


def bad_edge(c):
    cat = unicodedata.category(c)
    return c.isspace() or cat.startswith("P") or cat.startswith("Z") or cat.startswith("S")


def sentence_id_map(text):
    """Rough sentence segmentation: boundary at newline or at . ! ? followed by space.
    ("M." before a capitalised name is treated as an abbreviation.)"""
    sid = [0] * (len(text) + 1)
    cur = 0
    for i, c in enumerate(text):
        sid[i] = cur
        if c == "\n":
            cur += 1
        elif c in ".!?" and i + 1 < len(text) and text[i + 1] in " \xa0":
            if c == "." and i >= 1 and text[i - 1] == "M" and (i < 2 or not text[i - 2].isalpha()):
                continue
            cur += 1
    sid[len(text)] = cur
    return sid


def build_doc(doc_id):
    path = os.path.join(SEEDS, doc_id + ".txt")
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    srcfile = os.path.join(SRC, doc_id + ".py")
    data = runpy.run_path(srcfile)
    M, R = data["M"], data["R"]
    cursor = 0
    ents = []
    seen_mid = set()
    for mid, surface, typ, norm, ctx in M:
        where = f"{doc_id} mention {mid} {surface!r}"
        if mid in seen_mid:
            raise BuildError(f"{where}: duplicate mention id")
        seen_mid.add(mid)
        if typ not in TYPES:
            raise BuildError(f"{where}: bad type {typ}")
        if ctx is not None:
            c = text.find(ctx, cursor)
            if c == -1:
                raise BuildError(f"{where}: context {ctx!r} not found after {cursor}")
            k = ctx.find(surface)
            if k == -1:
                raise BuildError(f"{where}: surface not inside context")
            i = c + k
            if not whole_word_at(text, i, surface):
                raise BuildError(f"{where}: not a whole word at {i}")
        else:
            i = find_whole(text, surface, cursor)
            if i == -1:
                raise BuildError(f"{where}: not found after offset {cursor}")
        # occurrence index among raw substring matches (for the record)
        occ = 0
        j = text.find(surface)
        while j != -1 and j < i:
            occ += 1
            j = text.find(surface, j + 1)
        start, end = i, i + len(surface)
        cursor = end
        e = {"mid": mid, "start": start, "end": end, "type": typ, "text": text[start:end],
             "occurrence": occ}
        if typ in ("PER", "ORG", "LOC"):
            if not isinstance(norm, str) or not SLUG.match(norm) or not norm.isascii():
                raise BuildError(f"{where}: bad entity id {norm!r}")
            e["entity"], e["value"] = norm, None
        else:
            if not isinstance(norm, str) or not norm:
                raise BuildError(f"{where}: missing value")
            if typ == "DATE" and not re.match(r"^(\d{4}|XXXX)(-(\d{2}|XX)(-\d{2})?|-WXX-[1-7])?$", norm):
                raise BuildError(f"{where}: bad DATE value {norm!r}")
            if typ == "QUANTITY":
                if not re.match(r"^\d+(\.\d+)?$", norm):
                    raise BuildError(f"{where}: bad QUANTITY value {norm!r}")
                if re.sub(r"\D", "", surface) != norm:
                    raise BuildError(f"{where}: QUANTITY value {norm} != digits of surface")
            e["entity"], e["value"] = None, norm
        ents.append(e)

    ents.sort(key=lambda e: (e["start"], e["end"]))
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            raise BuildError(f"{doc_id}: overlapping spans {a['mid']} {a['text']!r} [{a['start']},{a['end']}) and {b['mid']} {b['text']!r} [{b['start']},{b['end']})")
    for e in ents:
        s = text[e["start"]:e["end"]]
        if s != e["text"]:
            raise BuildError(f"{doc_id} {e['mid']}: text mismatch")
        if not s or bad_edge(s[0]) or bad_edge(s[-1]):
            raise BuildError(f"{doc_id} {e['mid']}: span {s!r} starts/ends with white space or punctuation")

    mid2id = {}
    out_ents = []
    for n, e in enumerate(ents, 1):
        tid = f"T{n}"
        mid2id[e["mid"]] = tid
        out_ents.append({"id": tid, "start": e["start"], "end": e["end"], "type": e["type"],
                         "text": e["text"], "entity": e["entity"], "value": e["value"]})
    bymid = {e["mid"]: e for e in ents}

    sid = sentence_id_map(text)
    rels = []
    seen_rel = set()
    for rtype, h, t in R:
        where = f"{doc_id} relation {rtype}({h},{t})"
        if rtype not in REL_ARGS:
            raise BuildError(f"{where}: unknown relation type")
        if h not in bymid or t not in bymid:
            raise BuildError(f"{where}: unknown mention id")
        if h == t:
            raise BuildError(f"{where}: head == tail")
        he, te = bymid[h], bymid[t]
        if not REL_ARGS[rtype](he["type"], te["type"]):
            raise BuildError(f"{where}: argument types {he['type']}->{te['type']} not allowed")
        if sid[he["start"]] != sid[te["start"]]:
            raise BuildError(f"{where}: arguments in different sentences ({he['text']!r}, {te['text']!r})")
        key = (rtype, h, t) if rtype != "allied_with" else (rtype,) + tuple(sorted((h, t)))
        if key in seen_rel:
            raise BuildError(f"{where}: duplicate relation")
        seen_rel.add(key)
        rels.append({"type": rtype, "head": mid2id[h], "tail": mid2id[t]})
    rels.sort(key=lambda r: (int(r["head"][1:]), int(r["tail"][1:]), r["type"]))

    doc = {"doc_id": doc_id, "text": text, "offset_unit": "codepoint",
           "entities": out_ents, "relations": rels}
    return doc, ents


def main():
    docs = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(SEEDS, "*.txt")))
    if len(docs) != 5:
        raise BuildError(f"expected 5 seed documents, found {len(docs)}")
    built = {}
    for d in docs:
        if not os.path.exists(os.path.join(SRC, d + ".py")):
            raise BuildError(f"{d}: missing src file")
        built[d] = build_doc(d)
    # entity id consistency: one type per entity id across the corpus
    etype = {}
    for d, (doc, _) in built.items():
        for e in doc["entities"]:
            if e["entity"]:
                if etype.setdefault(e["entity"], e["type"]) != e["type"]:
                    raise BuildError(f"{d} {e['id']}: entity id {e['entity']} used with two types")
    for d, (doc, _) in built.items():
        tmp = os.path.join(OUT, d + ".json.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        os.replace(tmp, os.path.join(OUT, d + ".json"))
        counts = {}
        for e in doc["entities"]:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
        rc = {}
        for r in doc["relations"]:
            rc[r["type"]] = rc.get(r["type"], 0) + 1
        print(d, len(doc["entities"]), dict(sorted(counts.items())), "relations", len(doc["relations"]), dict(sorted(rc.items())))


if __name__ == "__main__":
    try:
        main()
    except BuildError as ex:
        print("BUILD FAILED:", ex, file=sys.stderr)
        sys.exit(1)
