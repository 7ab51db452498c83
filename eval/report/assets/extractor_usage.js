// What the extractors' output needed or cost besides its scores: the
// grounding of predictions given by their text, and the llm back end's
// requests, tokens, latency and cost (report.json's grounding and llm
// blocks, as report.md's "Grounding" and "LLM usage" sections show them).
// Uses report.js's el, fix and R.

// Variants some of whose predictions were given by their text
// (report.json's grounding, by_alignment, strings, policy_sensitivity).
function drawGrounding() {
  const grounded = R.variants.filter(v => v.grounding);
  if (grounded.length === 0) return;
  const t = el("table", {}, el("tr", {}, ...["variant", "grounded", "exact", "normalised", "fuzzy",
    "ungrounded", "ambiguous", "string F1", "strict F1 by policy"].map(h => el("th", {scope: "col"}, h))));
  const cell = (v, a) => {
    const row = v.by_alignment[a];
    return el("td", {}, row.predictions ? `${fix(row.strict.precision)} (${row.predictions})` : "–");
  };
  for (const v of grounded) {
    const p = v.policy_sensitivity;
    t.append(el("tr", {}, el("td", {}, v.name), el("td", {}, fix(v.grounding.grounding_rate)),
      cell(v, "exact"), cell(v, "normalised"), cell(v, "fuzzy"), cell(v, "ungrounded"),
      el("td", {}, v.grounding.ambiguous), el("td", {}, fix(v.strings.f1)),
      el("td", {}, `${fix(p.order.f1)} / ${fix(p.first.f1)} / ${fix(p.all.f1)}`)));
  }
  document.getElementById("grounding-table").replaceChildren(t);
  document.getElementById("grounding-section").hidden = false;
}

// Each llm variant's usage, then the first problem of each document that
// had one.
function drawLlmUsage() {
  const used = R.variants.filter(v => v.llm);
  if (used.length === 0) return;
  const t = el("table", {}, el("tr", {}, ...["variant", "docs", "requests", "cache hits", "retries",
    "tokens in", "tokens out", "s/doc", "cost", "ungrounded", "malformed", "failed"]
    .map(h => el("th", {scope: "col"}, h))));
  const problems = el("ul", {});
  for (const v of used) {
    const u = v.llm, docs = u.extracted_documents || 0;
    t.append(el("tr", {}, el("td", {}, v.name), el("td", {}, docs), el("td", {}, u.requests),
      el("td", {}, u.cache_hits), el("td", {}, u.retries), el("td", {}, u.tokens_in),
      el("td", {}, u.tokens_out), el("td", {}, fix(docs > 0 ? u.latency_seconds / docs : 0)),
      el("td", {}, "cost" in u ? fix(u.cost, 4) : "–"), el("td", {}, u.ungrounded),
      el("td", {}, u.malformed), el("td", {}, u.failed_documents)));
    for (const d of u.by_document || []) {
      if (!d.problems || d.problems.length === 0) continue;
      const more = d.problems.length > 1 ? ` (and ${d.problems.length - 1} more)` : "";
      problems.append(el("li", {}, `${v.name} ${d.doc_id}: ${d.problems[0]}${more}`));
    }
  }
  document.getElementById("llm-table").replaceChildren(t);
  if (problems.children.length)
    document.getElementById("llm-problems").replaceChildren(
      el("p", {}, "Problems, first per document:"), problems);
  document.getElementById("llm-section").hidden = false;
}
