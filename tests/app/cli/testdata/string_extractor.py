#!/usr/bin/env python3
"""An external extractor that answers as LLM extractors do: strings, no
offsets. For each request it returns the mentions of a prediction file
(gold/strings/exact.jsonl or perturbed.jsonl) for that doc_id: text, type,
entity and value, without start/end.

Usage: string_extractor.py PREDICTIONS.jsonl
"""
import json
import sys

by_id = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        doc = json.loads(line)
        by_id[doc["doc_id"]] = doc

for line in sys.stdin:
    request = json.loads(line)
    doc = by_id.get(request["doc_id"], {"entities": [], "relations": []})
    print(json.dumps({"doc_id": request["doc_id"],
                      "entities": doc["entities"],
                      "relations": doc.get("relations", [])},
                     ensure_ascii=False), flush=True)
