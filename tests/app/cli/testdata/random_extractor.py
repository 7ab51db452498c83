#!/usr/bin/env python3
"""A non-deterministic extractor for the tests of `ieval run --repeats`.

Usage: random_extractor.py GOLD_DIR DROP SEED

It speaks the `external` protocol and answers each document with its gold
mentions (read from GOLD_DIR/<doc_id>.json), each dropped with probability
DROP. The draws come from SEED, the repeat index `ieval run` puts in
IEVAL_REPEAT, and the document, so a repeat gives the same answer each
time it runs, and repeats differ from each other as a sampling extractor's
runs do. Dropping mentions with probability DROP leaves a recall of about
1 - DROP at a precision of 1.
"""
import json
import os
import random
import sys

GOLD = sys.argv[1]
DROP = float(sys.argv[2])
SEED = int(sys.argv[3])
REPEAT = int(os.environ.get("IEVAL_REPEAT", "0"))

for line in sys.stdin:
    request = json.loads(line)
    doc_id = request["doc_id"]
    with open(os.path.join(GOLD, doc_id + ".json"), encoding="utf-8") as f:
        gold = json.load(f)
    draw = random.Random(f"{SEED}/{REPEAT}/{doc_id}")
    entities = [{"start": e["start"], "end": e["end"], "type": e["type"]}
                for e in gold["entities"] if draw.random() >= DROP]
    response = {"doc_id": doc_id, "entities": entities,
                "offset_unit": gold.get("offset_unit", "codepoint")}
    print(json.dumps(response), flush=True)
