// The document viewer of report.html (loaded after report.js, whose helpers
// it uses): a document's text with the gold spans on one side and a
// variant's predicted spans on the other, each coloured by its error kind,
// filterable by document, variant and type; relations listed below.
// Offsets are code points, so texts are sliced as arrays of code points.

// Marks of `mentions` ({s, e, t, k, id}) over `chars`; overlapping spans are
// cut into segments, each shown with its shortest covering mention.
function markedText(chars, mentions, side) {
  const cuts = new Set([0, chars.length]);
  for (const m of mentions) { cuts.add(m.s); cuts.add(m.e); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const text = chars.slice(a, b).join("");
    const covering = mentions.filter(m => m.s <= a && m.e >= b);
    if (!covering.length) { out.append(text); continue; }
    covering.sort((x, y) => (x.e - x.s) - (y.e - y.s));
    const m = covering[0];
    const mark = el("mark", {class: "k-" + m.k, "data-kind": m.k, "data-side": side,
      "data-start": m.s, "data-end": m.e, "data-type": m.t,
      title: covering.map(c => `${c.t} [${c.s}, ${c.e}) ${KINDS[c.k] || c.k}`).join("\n")}, text);
    if (m.e === b) mark.append(el("sup", {}, m.t));
    mark.setAttribute("aria-label", `${text}: ${m.t}, ${KINDS[m.k] || m.k}`);
    out.append(mark);
  }
  return out;
}

function relationItems(list, mentions, chars, statusOf) {
  const items = list.map(r => {
    const h = mentions[r.h], t = mentions[r.tl];
    const name = m => m ? `${chars.slice(m.s, m.e).join("")} (${m.t})` : "?";
    const status = statusOf(r);
    return el("li", {class: status}, `${name(h)} —${r.t}→ ${name(t)}`,
              el("span", {class: "tag " + status}, status));
  });
  return items.length ? items : [el("li", {}, "none")];
}

function drawViewer() {
  const docSel = document.getElementById("doc-select");
  const varSel = document.getElementById("variant-select");
  const typeSel = document.getElementById("type-select");
  const d = V.documents[Number(docSel.value)];
  const v = V.variants.find(x => x.name === varSel.value);
  if (!d) return;
  const type = typeSel.value;
  const chars = Array.from(d.text);
  const pd = v ? v.docs[Number(docSel.value)] : null;
  const keep = m => !type || m.t === type;
  const gold = d.gold.map((m, i) => ({...m, k: pd ? pd.gold_kind[i] : "gold"})).filter(keep);
  const pred = pd ? pd.pred.filter(keep) : [];
  document.getElementById("gold-text").replaceChildren(markedText(chars, gold, "gold"));
  document.getElementById("pred-text").replaceChildren(
    pd ? markedText(chars, pred, "pred") : el("em", {}, "No scored variant."));
  const sym = new Set(V.symmetric);
  const key = (ms, r, swap) => {
    const h = ms[swap ? r.tl : r.h], t = ms[swap ? r.h : r.tl];
    return h && t ? `${r.t}|${h.s},${h.e},${h.t}|${t.s},${t.e},${t.t}` : "";
  };
  const predKeys = new Set(), goldKeys = new Set();
  if (pd) for (const r of pd.relations) {
    predKeys.add(key(pd.pred, r, false));
    if (sym.has(r.t)) predKeys.add(key(pd.pred, r, true));
  }
  for (const r of d.relations) {
    goldKeys.add(key(d.gold, r, false));
    if (sym.has(r.t)) goldKeys.add(key(d.gold, r, true));
  }
  const relKeep = (ms, r) => !type || (ms[r.h] && ms[r.h].t === type) || (ms[r.tl] && ms[r.tl].t === type);
  document.getElementById("gold-relations").replaceChildren(...relationItems(
    d.relations.filter(r => relKeep(d.gold, r)), d.gold, chars,
    r => !pd ? "gold" : predKeys.has(key(d.gold, r, false)) ? "found" : "missed"));
  document.getElementById("pred-relations").replaceChildren(...relationItems(
    pd ? pd.relations.filter(r => relKeep(pd.pred, r)) : [], pd ? pd.pred : [], chars,
    r => goldKeys.has(key(pd.pred, r, false)) ? "found" : "spurious"));
  const counts = {};
  for (const m of pred) counts[m.k] = (counts[m.k] || 0) + 1;
  for (const m of gold) if (m.k === "missed") counts.missed = (counts.missed || 0) + 1;
  document.getElementById("viewer-caption").textContent = `${d.doc_id}: ${gold.length} gold and ` +
    `${pred.length} predicted mentions shown` + (Object.keys(counts).length ? " — " +
    Object.entries(counts).map(([k, n]) => `${KINDS[k] || k} ${n}`).join(", ") : "") + ".";
}

function setUpViewer() {
  const docSel = document.getElementById("doc-select");
  docSel.replaceChildren(...V.documents.map((d, i) => el("option", {value: i}, d.doc_id)));
  const varSel = document.getElementById("variant-select");
  varSel.replaceChildren(...V.variants.map(v => el("option", {value: v.name}, v.name)));
  const typeSel = document.getElementById("type-select");
  typeSel.replaceChildren(el("option", {value: ""}, "all types"),
    ...V.types.map(t => el("option", {value: t}, t)));
  for (const s of [docSel, varSel, typeSel]) s.addEventListener("change", drawViewer);
  // The two texts scroll together (same text, so the same share of it).
  const panes = [document.getElementById("gold-text"), document.getElementById("pred-text")];
  let syncing = false;
  panes.forEach((pane, i) => pane.addEventListener("scroll", () => {
    if (syncing) { syncing = false; return; }
    const other = panes[1 - i];
    const share = pane.scrollTop / Math.max(1, pane.scrollHeight - pane.clientHeight);
    const target = Math.round(share * (other.scrollHeight - other.clientHeight));
    if (Math.abs(other.scrollTop - target) < 1) return;
    syncing = true;  // the scroll event this sets off is ours
    other.scrollTop = target;
  }));
  document.getElementById("legend").replaceChildren(...Object.entries(KINDS).map(([k, label]) =>
    el("span", {}, el("mark", {class: "k-" + k}, "abc"), label)));
  if (V.truncated)
    document.getElementById("viewer-caption").before(el("p", {class: "note"},
      `The viewer holds the first ${V.documents.length} of ${V.total_documents} documents.`));
  drawViewer();
}

drawHeader();
drawSummary();
drawTypeBars();
drawScatter();
drawComparisons();
fillVariantSelect(document.getElementById("confusion-variant"), drawConfusion);
if (okVariants.length) drawConfusion();
drawErrors();
setUpViewer();
drawGrounding();
drawLlmUsage();
drawThroughput();
