// Draws report.html from the two JSON blocks of the page: R, the run's
// report.json (per-document counts left out), and V, the document viewer's
// texts and spans with each mention's error kind (computed by ieval from the
// scorer's alignment, so the colours agree with the counts). No network, no
// libraries; works from file://.
"use strict";
const R = JSON.parse(document.getElementById("ieval-report").textContent);
const V = JSON.parse(document.getElementById("ieval-viewer").textContent);
const SVGNS = "http://www.w3.org/2000/svg";
// Okabe-Ito, then Paul Tol's muted set: twelve colours told apart with the
// common colour-vision deficiencies.
const PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9",
                 "#d55e00", "#f0e442", "#332288", "#117733", "#882255",
                 "#999933", "#555555"];
const KINDS = {
  correct: "correct", missed: "missed (gold not found)",
  spurious: "spurious (not in gold)", wrong_type: "wrong type",
  wrong_boundary: "wrong boundary",
  wrong_type_and_boundary: "wrong type and boundary"};

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined)
    e.append(c instanceof Node ? c : String(c));
  return e;
}
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : String(c));
  return e;
}
function get(o, ...path) {
  for (const k of path) { if (o === null || o === undefined) return undefined; o = o[k]; }
  return o;
}
// x with d decimals, ties to even like C's printf (and so report.md):
// toFixed rounds an exact tie such as 0.0625 up.
function fix(x, d = 3) {
  if (typeof x !== "number" || !isFinite(x)) return "–";
  const scaled = x * 10 ** d, floor = Math.floor(scaled);
  if (scaled - floor === 0.5) return ((floor % 2 === 0 ? floor : floor + 1) / 10 ** d).toFixed(d);
  return x.toFixed(d);
}
const okVariants = R.variants.filter(v => v.status === "ok");
const colourOf = name => PALETTE[R.variants.findIndex(v => v.name === name) % PALETTE.length];

// Header, notes, best variant, failed variants.
function drawHeader() {
  const g = R.gold;
  const counts = {ok: 0, failed: 0, skipped: 0};
  for (const v of R.variants) counts[v.status] = (counts[v.status] || 0) + 1;
  document.getElementById("headline").textContent =
    `${g.documents} gold documents (${g.mentions} mentions, ${g.relations} relations); ` +
    `${R.variants.length} variants: ${counts.ok} ok` +
    (counts.failed ? `, ${counts.failed} failed` : "") +
    (counts.skipped ? `, ${counts.skipped} skipped` : "") + ".";
  const notes = document.getElementById("notes");
  for (const v of R.variants) if (v.status !== "ok")
    notes.append(el("div", {class: "failed", role: "alert"},
      el("strong", {}, v.status === "failed" ? "Failed: " : "Skipped: "),
      el("code", {}, v.name), ": " + (v.error || "")));
  for (const n of R.notes) notes.append(el("div", {class: "note", role: "note"},
    el("strong", {}, "Note: "), n));
  const best = R.best_variant;
  document.getElementById("best").replaceChildren(best ?
    el("span", {}, "Best variant: ", el("strong", {}, best.name),
       ` (${best.metric} F1 ${fix(best.f1)})`) : "No variant produced scores.");
  document.getElementById("footer").textContent =
    `${R.ieval_version} · ${R.started_at} · ${R.machine.cpu}, ${R.machine.cores} cores, ` +
    `${R.machine.os} · gold ${R.config.gold} · bootstrap ${R.config.statistics.resamples} ` +
    `resamples of ${R.config.statistics.unit}s, seed ${R.config.statistics.seed} · ` +
    `total ${fix(R.total_seconds, 1)} s`;
}

// A table whose numeric columns sort on click (keyboard: the header buttons).
function sortableTable(table, columns, rows) {
  const head = el("tr");
  columns.forEach((c, i) => {
    const th = el("th", {scope: "col", "aria-sort": "none"});
    const b = el("button", {type: "button"}, c.label);
    b.addEventListener("click", () => sortBy(i, th));
    th.append(b);
    head.append(th);
  });
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr", {class: r.cls || ""});
    r.cells.forEach((cell, i) => {
      const td = el("td", {"data-col": columns[i].key,
                           "data-sort": cell.sort === undefined ? "" : cell.sort},
                    cell.node || cell.text);
      if (columns[i].text) td.classList.add("text");
      tr.append(td);
    });
    body.append(tr);
  }
  table.replaceChildren(el("thead", {}, head), body);
  function sortBy(i, th) {
    const asc = th.getAttribute("aria-sort") !== "descending" &&
                th.getAttribute("aria-sort") !== "none" ? false :
                th.getAttribute("aria-sort") === "descending";
    for (const other of head.children) other.setAttribute("aria-sort", "none");
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    const key = tr => {
      const s = tr.children[i].dataset.sort;
      return s === "" ? (columns[i].text ? tr.children[i].textContent : -Infinity)
                      : (columns[i].text ? s : Number(s));
    };
    const sorted = [...body.children].sort((a, b) => {
      const x = key(a), y = key(b);
      const c = x < y ? -1 : x > y ? 1 : 0;
      return asc ? c : -c;
    });
    body.replaceChildren(...sorted);
  }
}

// Whether a variant predicted anything of a kind (relations, entity ids):
// "–" rather than 0 when it never tried.
const tried = c => !!c && (c.tp || 0) + (c.fp || 0) > 0;

function drawSummary() {
  const cols = [
    {key: "variant", label: "variant", text: true}, {key: "status", label: "status", text: true},
    {key: "strict_p", label: "strict P"}, {key: "strict_r", label: "strict R"},
    {key: "strict_f1", label: "strict F1"}, {key: "partial_f1", label: "partial F1"},
    {key: "relations_f1", label: "relations F1"}, {key: "date_accuracy", label: "DATE value acc."},
    {key: "conll_f1", label: "CoNLL F1"}, {key: "docs_per_s", label: "docs/s"},
    {key: "mb_per_s", label: "MB/s"}];
  const rows = R.variants.map(v => {
    const s = v.scores || {};
    const strict = get(s, "entities", "strict", "overall") || {};
    // A variant run with repeats shows the mean over them ± their
    // standard deviation, each repeat's value in the tooltip.
    const spread = (metric, m) => get(v, "repeats", "metrics", metric, m);
    const ci = (m, metric = "entities.strict") => {
      const r = spread(metric, m);
      if (r) return el("span", {class: "ci", title: `${v.repeats.count} repeats: ` +
                                r.values.map(x => fix(x)).join(", ")},
                       ` ± ${fix(r.stddev)} (${v.repeats.count} repeats)`);
      if (metric !== "entities.strict") return null;
      const i = get(v, "intervals", "entities.strict", m);
      return i ? el("span", {class: "ci"}, ` [${fix(i.lower, 2)}, ${fix(i.upper, 2)}]`) : null;
    };
    const mean = (metric, m, x) => spread(metric, m) ? spread(metric, m).mean : x;
    const num = (x, d = 3, extra = null) => ({sort: typeof x === "number" ? x : "",
      node: el("span", {}, el("span", {class: "num"}, fix(x, d)), extra)});
    const date = get(s, "values", "DATE");
    const t = v.throughput || {};
    return {cls: "status-" + v.status, cells: [
      {text: v.name, sort: v.name}, {text: v.status, sort: v.status},
      num(mean("entities.strict", "precision", strict.precision), 3, ci("precision")),
      num(mean("entities.strict", "recall", strict.recall), 3, ci("recall")),
      num(mean("entities.strict", "f1", strict.f1), 3, ci("f1")),
      num(mean("entities.partial", "f1", get(s, "entities", "partial", "overall", "f1")), 3,
          ci("f1", "entities.partial")),
      num(tried(get(s, "relations", "strict", "overall")) ?
          mean("relations.strict", "f1", get(s, "relations", "strict", "overall", "f1")) :
          undefined),
      num(date && date.matched > 0 ? date.accuracy : undefined),
      num(tried(get(s, "clusters", "mentions")) ? get(s, "clusters", "conll_f1") : undefined),
      num(v.status === "skipped" ? undefined : t.documents_per_second, 1),
      num(v.status === "skipped" ? undefined : t.megabytes_per_second, 3)]};
  });
  sortableTable(document.getElementById("summary-table"), cols, rows);
  const st = R.config.statistics;
  document.getElementById("summary-caption").textContent =
    `Brackets: ${Math.round(st.confidence * 100)} % bootstrap intervals ` +
    `(${st.resamples} resamples of ${st.unit}s)` +
    (R.variants.some(v => v.repeats) ?
      "; ±: a variant run with repeats, the mean over them ± their standard " +
      "deviation (hover for each repeat); its intervals and the rest of the " +
      "report are repeat 0's" : "") + ". Click a column to sort.";
}

// Grouped horizontal bars: one group per type, one bar per ok variant.
function drawTypeBars() {
  const box = document.getElementById("type-bars");
  const types = [...new Set(okVariants.flatMap(v =>
    Object.keys(get(v, "scores", "entities", "strict", "per_type") || {})))].sort();
  if (!types.length) { box.textContent = "No scored variant."; return; }
  const bar = okVariants.length > 4 ? 11 : 16, gap = 12, left = 90, width = 640, right = 60;
  const group = okVariants.length * bar + gap;
  const height = types.length * group + 30;
  const s = svg("svg", {viewBox: `0 0 ${left + width + right} ${height}`, role: "img",
                        "aria-label": "Strict F1 per type and variant"});
  for (let x = 0; x <= 1.0001; x += 0.25) {
    s.append(svg("line", {x1: left + x * width, x2: left + x * width, y1: 0,
                          y2: height - 20, stroke: "#d0d4da"}));
    s.append(svg("text", {x: left + x * width, y: height - 5, "text-anchor": "middle"}, x.toFixed(2)));
  }
  types.forEach((type, ti) => {
    const y0 = ti * group + 4;
    s.append(svg("text", {x: left - 8, y: y0 + okVariants.length * bar / 2 + 4,
                          "text-anchor": "end"}, type));
    okVariants.forEach((v, vi) => {
      const c = get(v, "scores", "entities", "strict", "per_type", type) || {};
      const f1 = c.f1 || 0;
      const y = y0 + vi * bar;
      s.append(svg("rect", {x: left, y, width: Math.max(f1 * width, 1), height: bar - 3,
                            fill: colourOf(v.name)},
                   svg("title", {}, `${v.name}, ${type}: F1 ${fix(c.f1)} (P ${fix(c.precision)}, R ${fix(c.recall)}, support ${c.support})`)));
      s.append(svg("text", {x: left + f1 * width + 4, y: y + bar - 5}, fix(c.f1)));
    });
  });
  box.replaceChildren(legendOf(okVariants.map(v => [v.name, colourOf(v.name)])), s);
}
function legendOf(items) {
  return el("div", {class: "legend"}, ...items.map(([name, colour]) =>
    el("span", {}, el("span", {class: "swatch", style: `background:${colour}`}), name)));
}

// A variant's documents/s: with several timed passes (ieval run
// --bench-repetitions), their median, and their slowest and fastest for
// the error bar; else the scored pass's.
function speedOf(v) {
  const r = get(v, "throughput", "repetitions");
  const floor = x => Math.max(x || 0, 1e-3);
  if (!r || !(r.count > 1))
    return {speed: floor(get(v, "throughput", "documents_per_second")), passes: 1};
  const d = r.documents_per_second;
  return {speed: floor(d.median), lo: floor(d.min), hi: floor(d.max), passes: r.count};
}

// Strict F1 against documents/s (log scale), the Pareto front drawn.
function drawScatter() {
  const box = document.getElementById("scatter");
  const pts = okVariants.map(v => ({name: v.name,
    f1: get(v, "scores", "entities", "strict", "overall", "f1") || 0, ...speedOf(v)}));
  if (!pts.length) { box.textContent = "No scored variant."; return; }
  const front = pts.filter(p => !pts.some(q => q !== p && q.f1 >= p.f1 &&
    q.speed >= p.speed && (q.f1 > p.f1 || q.speed > p.speed)));
  front.sort((a, b) => a.speed - b.speed);
  const W = 720, H = 380, L = 60, B = 50, T = 20, Rm = 150;
  const lo = Math.floor(Math.log10(Math.min(...pts.map(p => p.lo || p.speed))));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...pts.map(p => p.hi || p.speed)))));
  const X = s => L + (Math.log10(s) - lo) / (hi - lo) * (W - L - Rm);
  const Y = f => T + (1 - f) * (H - T - B);
  const s = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img",
                        "aria-label": "Strict F1 against documents per second"});
  for (let e = lo; e <= hi; e++) {
    s.append(svg("line", {x1: X(10 ** e), x2: X(10 ** e), y1: T, y2: H - B, stroke: "#e2e5e9"}));
    s.append(svg("text", {x: X(10 ** e), y: H - B + 16, "text-anchor": "middle"},
                 10 ** e >= 1 ? String(10 ** e) : (10 ** e).toPrecision(1)));
  }
  for (let f = 0; f <= 1.0001; f += 0.2) {
    s.append(svg("line", {x1: L, x2: W - Rm, y1: Y(f), y2: Y(f), stroke: "#e2e5e9"}));
    s.append(svg("text", {x: L - 6, y: Y(f) + 4, "text-anchor": "end"}, f.toFixed(1)));
  }
  s.append(svg("text", {x: (L + W - Rm) / 2, y: H - 10, "text-anchor": "middle"},
               "documents per second (log scale)"));
  s.append(svg("text", {x: 14, y: (T + H - B) / 2, transform: `rotate(-90 14 ${(T + H - B) / 2})`,
                        "text-anchor": "middle"}, "strict F1"));
  if (front.length > 1) s.append(svg("polyline", {fill: "none", stroke: "#555",
    "stroke-dasharray": "5 4", points: front.map(p => `${X(p.speed)},${Y(p.f1)}`).join(" ")}));
  // Labels move down past any label already placed close by.
  const placed = [];
  for (const p of [...pts].sort((a, b) => b.f1 - a.f1)) {
    let y = Y(p.f1) + 4;
    while (placed.some(q => Math.abs(q.y - y) < 14 && Math.abs(q.x - X(p.speed)) < 110)) y += 14;
    placed.push({x: X(p.speed), y});
    p.labelY = y;
  }
  const spread = p => p.lo ? ` (median of ${p.passes} timed passes, ${fix(p.lo, 1)} to ${fix(p.hi, 1)})` : "";
  for (const p of pts.filter(q => q.lo)) {
    const y = Y(p.f1), c = colourOf(p.name);
    s.append(svg("g", {class: "error-bar", stroke: c, "stroke-width": 2},
      svg("line", {x1: X(p.lo), x2: X(p.hi), y1: y, y2: y}),
      svg("line", {x1: X(p.lo), x2: X(p.lo), y1: y - 5, y2: y + 5}),
      svg("line", {x1: X(p.hi), x2: X(p.hi), y1: y - 5, y2: y + 5}),
      svg("title", {}, `${p.name}: ${fix(p.speed, 1)} docs/s${spread(p)}`)));
  }
  for (const p of pts) {
    const onFront = front.includes(p);
    s.append(svg("circle", {cx: X(p.speed), cy: Y(p.f1), r: 7, stroke: colourOf(p.name),
      "stroke-width": 3, fill: onFront ? colourOf(p.name) : "#fff"},
      svg("title", {}, `${p.name}: F1 ${fix(p.f1)}, ${fix(p.speed, 1)} docs/s${spread(p)}` +
        (onFront ? " (Pareto front)" : ""))));
    s.append(svg("text", {x: X(p.speed) + 10, y: p.labelY}, p.name));
  }
  const bars = pts.some(p => p.lo) ? " Bars: the slowest and the fastest of each variant's timed " +
    "passes, the point at their median (ieval run --bench-repetitions)." : "";
  box.replaceChildren(s, el("p", {class: "ci"},
    "Filled points and the dashed line: the Pareto front (no other variant is both more accurate and faster)." + bars));
}

function drawComparisons() {
  const box = document.getElementById("comparisons");
  const c = R.comparisons;
  if (!c.pairs.length) { box.textContent = "Fewer than two scored variants: nothing to compare."; return; }
  const t = el("table", {id: "comparison-table"});
  t.append(el("tr", {}, ...["a", "b", "F1 a", "F1 b", "ΔF1 (b − a) [CI]", "p bootstrap",
    "p randomization", "p Holm", "verdict"].map(h => el("th", {scope: "col"}, h))));
  for (const p of c.pairs) t.append(el("tr", {}, el("td", {}, p.a), el("td", {class: "text"}, p.b),
    el("td", {}, fix(p.f1_a)), el("td", {}, fix(p.f1_b)),
    el("td", {}, `${p.difference.estimate >= 0 ? "+" : ""}${fix(p.difference.estimate)} ` +
      `[${fix(p.difference.lower)}, ${fix(p.difference.upper)}]`),
    el("td", {}, fix(p.p_bootstrap)), el("td", {}, fix(p.p_randomization)),
    el("td", {}, fix(p.p_holm)), el("td", {class: "text"}, p.significant ? el("strong", {}, p.verdict) : p.verdict)));
  box.replaceChildren(el("p", {}, `Metric ${c.metric}, resampling ${c.unit}s; significant when the ` +
    `larger of the two p-values, Holm-adjusted over the pairs, is ≤ ${c.alpha} (both tests must agree).`), el("div", {class: "scroll"}, t));
}

function fillVariantSelect(select, onChange) {
  select.replaceChildren(...okVariants.map(v => el("option", {value: v.name}, v.name)));
  select.addEventListener("change", onChange);
}

// Gold type x predicted type, cells shaded by their share of the largest.
function drawConfusion() {
  const name = document.getElementById("confusion-variant").value;
  const v = okVariants.find(x => x.name === name);
  const box = document.getElementById("confusion-matrix");
  const m = get(v, "scores", "errors", "confusion") || {};
  const rows = Object.keys(m).sort(), cols = [...new Set(rows.flatMap(r => Object.keys(m[r])))].sort();
  const max = Math.max(1, ...rows.flatMap(r => Object.values(m[r])));
  const t = el("table", {id: "confusion-table"}, el("tr", {}, el("th", {scope: "col"}, "gold ↓ / predicted →"),
    ...cols.map(c => el("th", {scope: "col"}, c))));
  for (const r of rows) t.append(el("tr", {}, el("th", {scope: "row"}, r), ...cols.map(c => {
    const n = get(m, r, c) || 0, a = n / max;
    const hue = r === c ? "0,158,115" : "213,94,0";
    return el("td", {style: `background: rgba(${hue},${(0.08 + 0.8 * a).toFixed(2)});` +
      (a > 0.55 ? "color:#fff" : ""), title: `gold ${r}, predicted ${c}: ${n}`}, n);
  })));
  box.replaceChildren(t, el("p", {class: "ci"},
    "Rows: gold type, columns: predicted type (\"none\": no counterpart); green diagonal agrees, orange cells are errors."));
}

function drawErrors() {
  const box = document.getElementById("error-list");
  box.replaceChildren(...okVariants.map(v => {
    const e = v.scores.errors;
    const kinds = Object.entries(e.counts).filter(([k, n]) => k !== "correct" && n > 0)
      .sort((a, b) => b[1] - a[1]);
    const d = el("details", {}, el("summary", {}, el("strong", {}, v.name),
      `: ${kinds.map(([k, n]) => `${KINDS[k] || k} ${n}`).join(", ") || "no errors"}`));
    for (const [k, n] of kinds) {
      const list = el("ul");
      for (const x of (e.examples[k] || []).slice(0, 5)) {
        const side = m => m ? `${m.type} “${m.text}” [${m.start}, ${m.end})` : "nothing";
        list.append(el("li", {}, `${x.doc_id}: gold ${side(x.gold)} → predicted ${side(x.pred)}`));
      }
      d.append(el("h3", {}, `${KINDS[k] || k}: ${n}`), list);
    }
    return d;
  }));
}

function drawThroughput() {
  const t = el("table", {id: "throughput-table-el"}, el("tr", {}, ...["variant", "docs", "MB", "setup s",
    "wall s", "CPU s", "docs/s", "MB/s", "tokens/s", "p50 / p95 ms", "timed passes: docs/s",
    "peak RSS MB"].map(h => el("th", {scope: "col"}, h))));
  for (const v of R.variants) {
    if (v.status === "skipped") continue;
    const x = v.throughput, r = x.repetitions, l = x.latency_ms;
    const passes = r && r.count > 1 ? `${r.count}: ${fix(r.documents_per_second.median, 1)} ` +
      `(${fix(r.documents_per_second.min, 1)} to ${fix(r.documents_per_second.max, 1)})` : "1";
    t.append(el("tr", {}, el("td", {}, v.name), el("td", {}, x.documents), el("td", {}, fix(x.bytes / 1e6)),
      el("td", {}, fix(x.setup_seconds)), el("td", {}, fix(x.wall_seconds)), el("td", {}, fix(x.cpu_seconds)),
      el("td", {}, fix(x.documents_per_second, 1)), el("td", {}, fix(x.megabytes_per_second)),
      el("td", {}, fix(x.tokens_per_second, 0)),
      el("td", {}, l ? `${fix(l.p50, 2)} / ${fix(l.p95, 2)}` : "–"), el("td", {}, passes),
      el("td", {}, fix(x.peak_rss_mb, 1))));
  }
  document.getElementById("throughput-table").replaceChildren(t);
  document.getElementById("throughput-caption").textContent =
    `Extraction only, ${R.config.jobs} job(s). Peak RSS is the process-wide high-water mark after ` +
    "each variant (it includes earlier variants); CPU counts ieval's worker threads and child processes. " +
    "Latency: per document. Timed passes: the median documents/s of the passes after the scored one, " +
    "slowest to fastest (ieval run --bench-repetitions N).";
}
