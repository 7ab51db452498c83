#!/usr/bin/env python3
"""Loads report.html in headless Chromium (Debian's /usr/bin/chromium through
/usr/bin/chromedriver, spoken to over the W3C WebDriver protocol with the
standard library only) and checks it as a person would see it.

  browser_check.py --html R.html [--json report.json] [--checks]
                   [--screenshot PNG] [--phone-screenshot PNG]

--checks: no console errors; the summary table holds report.json's numbers,
the LLM usage table each llm variant's counts;
the tables sort; the confusion matrix holds report.json's counts; the
document viewer colours a correct and a missed gold span as the legend
says; the page fits a phone's width without sideways scrolling.
Exits 0 when every check passed, 1 otherwise, 77 (CTest's skip code) when
Chromium is not installed (scripts/setup --with-browser installs it).
"""
import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# What Chromium needs to run as root in a container, with nothing reaching
# the network (the page needs none).
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1800"]


class Driver:
    """A WebDriver session: the few commands the checks need."""

    def __init__(self, profile):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.proc = subprocess.Popen(
            [CHROMEDRIVER, f"--port={self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM,
                                   "args": ARGS + [f"--user-data-dir={profile}"]},
            "goog:loggingPrefs": {"browser": "ALL"}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())["value"]

    def cmd(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def run(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def screenshot(self, path):
        png = base64.b64decode(self.cmd("GET", "/screenshot"))
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as f:
            f.write(png)

    def close(self):
        try:
            self.cmd("DELETE", "")
        finally:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def fix(x, digits):
    return "–" if not isinstance(x, (int, float)) else f"{x:.{digits}f}"


def tried(counts):
    """Whether a variant predicted anything of a kind (else the page shows –)."""
    return counts.get("tp", 0) + counts.get("fp", 0) > 0


def check_page(d, report):
    """Returns the list of failed checks."""
    failures = []

    def expect(ok, what):
        if not ok:
            failures.append(what)

    logs = d.cmd("POST", "/se/log", {"type": "browser"})
    errors = [l["message"] for l in logs if l.get("level") == "SEVERE"]
    expect(not errors, f"console errors: {errors}")

    # The summary table holds report.json's numbers.
    rows = d.run("""return [...document.querySelectorAll('#summary-table tbody tr')]
        .map(tr => Object.fromEntries([...tr.children].map(td =>
            [td.dataset.col, (td.querySelector('.num') || td).textContent])));""")
    expect(len(rows) == len(report["variants"]),
           f"summary rows {len(rows)} != variants {len(report['variants'])}")
    for v, row in zip(report["variants"], rows):
        expect(row.get("variant") == v["name"], f"row {row} is not {v['name']}")
        if v["status"] != "ok":
            expect(row.get("status") == v["status"], f"{v['name']}: status")
            continue
        s = v["scores"]
        strict = s["entities"]["strict"]["overall"]
        want = {"strict_p": fix(strict["precision"], 3),
                "strict_r": fix(strict["recall"], 3),
                "strict_f1": fix(strict["f1"], 3),
                "partial_f1": fix(s["entities"]["partial"]["overall"]["f1"], 3),
                "relations_f1": fix(s["relations"]["strict"]["overall"]["f1"], 3)
                if tried(s["relations"]["strict"]["overall"]) else "–",
                "conll_f1": fix(s["clusters"]["conll_f1"], 3)
                if tried(s["clusters"]["mentions"]) else "–",
                "docs_per_s": fix(v["throughput"]["documents_per_second"], 1)}
        for key, value in want.items():
            expect(row.get(key) == value,
                   f"{v['name']} {key}: page {row.get(key)!r}, report.json {value!r}")

    # Variants timed over several passes have an error bar on the scatter.
    repeated = sum(1 for v in report["variants"] if v["status"] == "ok" and
                   v["throughput"].get("repetitions", {}).get("count", 1) > 1)
    bars = d.run("return document.querySelectorAll('#scatter g.error-bar').length;")
    expect(bars == repeated, f"{bars} error bars on the scatter, {repeated} variants repeated")

    # Sorting by strict F1 (descending first) puts the best variant on top.
    best = report.get("best_variant")
    if best:
        top = d.run("""document.querySelector('th:nth-child(5) button').click();
            return document.querySelector('#summary-table tbody tr td').textContent;""")
        expect(top == best["name"], f"sorted by strict F1, top is {top}, not {best['name']}")

    # The LLM usage table has a row per llm variant with its counts.
    used = [v for v in report["variants"] if "llm" in v]
    llm_rows = d.run("""const s = document.getElementById('llm-section');
        if (!s || s.hidden) return null;
        return [...s.querySelectorAll('tr')].slice(1)
            .map(tr => [...tr.children].map(td => td.textContent));""")
    if used:
        expect(llm_rows is not None and len(llm_rows) == len(used),
               f"LLM usage rows {llm_rows}, {len(used)} llm variants")
        for v, row in zip(used, llm_rows or []):
            u = v["llm"]
            want = [v["name"], str(u["extracted_documents"]), str(u["requests"]),
                    str(u["cache_hits"]), str(u["retries"]), str(u["tokens_in"]),
                    str(u["tokens_out"])]
            expect(row[:7] == want, f"LLM usage row {row[:7]}, report.json {want}")
            expect(row[8] == (fix(u["cost"], 4) if "cost" in u else "–"),
                   f"LLM cost {row[8]}, report.json {u.get('cost')}")
            expect(row[9] == str(u["ungrounded"]),
                   f"LLM ungrounded {row[9]}, report.json {u['ungrounded']}")
    else:
        expect(llm_rows is None, "an LLM usage section without llm variants")

    # The confusion matrix of the first scored variant holds its counts.
    ok = [v for v in report["variants"] if v["status"] == "ok"]
    if ok:
        confusion = ok[0]["scores"]["errors"]["confusion"]
        cells = d.run("""const t = document.getElementById('confusion-table');
            const cols = [...t.rows[0].cells].slice(1).map(c => c.textContent);
            const out = {};
            for (const r of [...t.rows].slice(1))
              cols.forEach((c, i) => out[r.cells[0].textContent + '|' + c] =
                  Number(r.cells[i + 1].textContent));
            return out;""")
        for g, preds in confusion.items():
            for p, n in preds.items():
                expect(cells.get(f"{g}|{p}") == n,
                       f"confusion {g}->{p}: page {cells.get(f'{g}|{p}')}, report.json {n}")
    return failures


def check_viewer(d, doc, variant, spans):
    """spans: (side, start, end, kind, rgb background) the viewer must show."""
    failures = []
    d.run("""const [doc, variant] = arguments;
        const ds = document.getElementById('doc-select');
        ds.value = [...ds.options].find(o => o.textContent === doc).value;
        document.getElementById('variant-select').value = variant;
        ds.dispatchEvent(new Event('change'));""", doc, variant)
    for side, start, end, kind, colour in spans:
        got = d.run("""const [side, s, e] = arguments;
            const m = document.querySelector(`#${side}-text mark[data-start="${s}"][data-end="${e}"]`);
            return m ? [m.dataset.kind, getComputedStyle(m).backgroundColor,
                        m.textContent] : null;""", side, start, end)
        if not got:
            failures.append(f"viewer: no {side} mark [{start}, {end}) in {doc}")
        elif got[0] != kind or got[1] != colour:
            failures.append(f"viewer: {side} [{start}, {end}) {got[2]!r} is {got[0]} "
                            f"{got[1]}, expected {kind} {colour}")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--html", required=True)
    ap.add_argument("--json")
    ap.add_argument("--checks", action="store_true")
    ap.add_argument("--viewer", help="doc_id,variant,side:start:end:kind:rgb;…")
    ap.add_argument("--screenshot")
    ap.add_argument("--full-page", action="store_true",
                    help="make --screenshot the whole page, not the first 1800 px")
    ap.add_argument("--phone-screenshot")
    args = ap.parse_args()
    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        print(f"SKIP: {CHROMIUM} or {CHROMEDRIVER} is not installed; "
              "run scripts/setup --with-browser to test report.html in a browser")
        return 77
    profile = tempfile.mkdtemp(prefix="ieval-chromium-")
    d = Driver(profile)
    failures = []
    try:
        d.cmd("POST", "/url", {"url": "file://" + os.path.abspath(args.html)})
        if args.checks:
            with open(args.json, encoding="utf-8") as f:
                report = json.load(f)
            failures += check_page(d, report)
        if args.viewer:
            doc, variant, spans = args.viewer.split(",", 2)
            parsed = []
            for s in spans.split(";"):
                side, start, end, kind, rgb = s.split(":")
                parsed.append((side, int(start), int(end), kind, rgb))
            failures += check_viewer(d, doc, variant, parsed)
        if args.screenshot:
            if args.full_page:
                height = d.run("return document.documentElement.scrollHeight;")
                d.cmd("POST", "/window/rect", {"width": 1280, "height": min(height + 150, 12000)})
            d.run("window.scrollTo(0, 0);")
            d.screenshot(args.screenshot)
        if args.checks or args.phone_screenshot:
            d.cmd("POST", "/window/rect", {"width": 390, "height": 844})
            overflow = d.run("return document.documentElement.scrollWidth - window.innerWidth;")
            if args.checks and overflow > 1:
                failures.append(f"phone width: the page scrolls sideways by {overflow} px")
            if args.phone_screenshot:
                d.screenshot(args.phone_screenshot)
    finally:
        d.close()
        shutil.rmtree(profile, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("browser checks passed" if (args.checks or args.viewer) else "done")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
