#!/usr/bin/env python3
"""A scripted extractor for the tests of the `external` protocol.

Usage: fake_extractor.py MODE [UNIT [unstated]], or fake_extractor.py slow
MS. It reads request lines and, in mode
  good       answers every "Kim", "OTAN" and "Paris" of the text (PER, ORG,
             LOC), offsets in UNIT (codepoint, byte or utf16), stating the
             unit in the response unless "unstated" follows it
  crash      exits with status 7 before answering (after a line on stderr)
  segfault   kills itself with SIGSEGV
  hang       never answers
  garbage    answers a line that is not JSON
  outside    answers a span past the end of the text
  midchar    answers a utf16 span ending inside the first « (byte units)
  wrong_id   answers for another document
  error      answers {"doc_id", "error": "model not loaded"}
  second     answers the first request well, then crashes
  slow       answers as good (code points) after sleeping MS milliseconds
             per document: a speed set from outside, for the speed gate
  huge       prints "x" without end and never a newline
  exit3      answers as good, then exits with status 3 when its input ends
             (after a line on stderr)
  background answers as good after starting, once, a grandchild that sleeps
             five minutes holding stdout open, with MARKER-child in its
             command line (fake_extractor.py background MARKER)
"""
import json
import os
import signal
import subprocess
import sys
import time

MODE = sys.argv[1]
SLEEP = float(sys.argv[2]) / 1000 if MODE == "slow" else 0
UNIT = (sys.argv[2] if len(sys.argv) > 2 and MODE not in ("slow", "background")
        else None)
STATED = len(sys.argv) <= 3
TYPES = {"Kim": "PER", "OTAN": "ORG", "Paris": "LOC"}


def offset(text, cp, unit):
    if unit == "byte":
        return len(text[:cp].encode("utf-8"))
    if unit == "utf16":
        return len(text[:cp].encode("utf-16-le")) // 2
    return cp


def answer(request):
    text = request["text"]
    entities = []
    for word, type_ in TYPES.items():
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            entities.append({"start": offset(text, start, UNIT),
                             "end": offset(text, end, UNIT), "type": type_,
                             "text": word})
            start = text.find(word, end)
    response = {"doc_id": request["doc_id"], "entities": entities}
    if UNIT and STATED:
        response["offset_unit"] = UNIT
    return response


count = 0
for line in sys.stdin:
    request = json.loads(line)
    count += 1
    if MODE == "crash" or (MODE == "second" and count == 2):
        sys.stderr.write("fake: model file missing\n")
        sys.exit(7)
    if MODE == "slow":
        time.sleep(SLEEP)
    if MODE == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    if MODE == "hang":
        signal.pause()
    if MODE == "huge":
        chunk = "x" * (1 << 20)
        while True:
            sys.stdout.write(chunk)
    if MODE == "background" and count == 1:
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)",
                          sys.argv[2] + "-child"])
    if MODE == "garbage":
        print("Loading model... done", flush=True)
        continue
    if MODE == "outside":
        n = len(request["text"])
        response = {"doc_id": request["doc_id"],
                    "entities": [{"start": n - 2, "end": n + 5, "type": "PER"}]}
    elif MODE == "midchar":
        response = {"doc_id": request["doc_id"], "offset_unit": "byte",
                    "entities": [{"start": 0, "end": 1, "type": "PER"}]}
    elif MODE == "wrong_id":
        response = {"doc_id": "someone_else", "entities": []}
    elif MODE == "error":
        response = {"doc_id": request["doc_id"], "error": "model not loaded"}
    else:
        response = answer(request)
    print(json.dumps(response, ensure_ascii=False), flush=True)

if MODE == "exit3":
    sys.stderr.write("fake: could not save the cache\n")
    sys.exit(3)
