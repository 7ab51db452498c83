#include "ieval/report/report_markdown.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "ieval/report/report_json.h"
#include "report_model.h"
#include "report_text.h"

namespace ieval {
namespace {

using nlohmann::json;
using report_text::F1Cell;
using report_text::Fixed;
using report_text::Signed;
using report_text::ValueAt;

std::string Row(const std::vector<std::string>& cells) {
  std::string row = "|";
  for (const std::string& c : cells) row += " " + MarkdownCell(c) + " |";
  return row + "\n";
}

std::string Table(const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows,
                  size_t left_columns = 1) {
  std::string out = Row(header) + "|";
  for (size_t i = 0; i < header.size(); ++i)
    out += i < left_columns ? "---|" : "---:|";
  out += "\n";
  for (const auto& r : rows) out += Row(r);
  return out;
}

std::string Summary(const json& report) {
  std::vector<std::vector<std::string>> rows;
  for (const json& v : report["variants"])
    rows.push_back(report_text::SummaryCells(v, /*markdown=*/true));
  return Table(report_text::SummaryHeader(), rows, 2);
}

std::string Differences(const json& report) {
  const json& c = report["comparisons"];
  const json& pairs = c["pairs"];
  if (pairs.empty()) return "";
  std::string out = "## Differences between variants\n\n";
  int significant = 0;
  std::vector<std::vector<std::string>> rows;
  for (const json& p : pairs) {
    const json& d = p["difference"];
    if (p.value("significant", false)) {
      ++significant;
      const bool b_better = d.value("estimate", 0.0) > 0;
      out += "- **" + p["b"].get<std::string>() +
             (b_better ? "** beats **" : "** is worse than **") +
             p["a"].get<std::string>() + "**: F1 " + Fixed(p["f1_b"]) + " vs " +
             Fixed(p["f1_a"]) + " (p = " + Fixed(p["p_holm"]) +
             " after Holm)\n";
    }
    rows.push_back({p["a"], p["b"], Fixed(p["f1_a"]), Fixed(p["f1_b"]),
                    Signed(d["estimate"]) + " [" + Signed(d["lower"]) + ", " +
                        Signed(d["upper"]) + "]",
                    Fixed(p["p_bootstrap"]), Fixed(p["p_randomization"]),
                    Fixed(p["p_holm"]), p["verdict"]});
  }
  if (significant == 0) {
    out += "No significant difference between any of the " +
           std::to_string(pairs.size()) + " pairs (alpha " +
           Fixed(c["alpha"], 2) + ", Holm-Bonferroni).\n";
  }
  out += "\nMetric `" + c.value("metric", std::string()) +
         "`, unit: " + c.value("unit", std::string()) +
         "; difference = F1(b) - F1(a) with its bootstrap interval; "
         "p-values of the paired bootstrap and of approximate "
         "randomization, and the larger of the two after Holm-Bonferroni "
         "over all pairs (significant when <= alpha: both tests must "
         "agree).\n\n";
  out += "<details><summary>All " + std::to_string(pairs.size()) +
         " pairs</summary>\n\n";
  out += Table({"a", "b", "F1 a", "F1 b", "ΔF1 [CI]", "p boot", "p AR",
                "p Holm", "verdict"},
               rows, 2);
  return out + "\n</details>\n\n";
}

std::string PerType(const json& report) {
  std::set<std::string> types;
  std::vector<const json*> ok;
  for (const json& v : report["variants"]) {
    if (v.value("status", "") != "ok") continue;
    ok.push_back(&v);
    for (const auto& [t, c] :
         v["scores"]["entities"]["strict"]["per_type"].items())
      types.insert(t);
  }
  if (ok.empty()) return "";
  std::vector<std::string> header = {"type", "support"};
  for (const json* v : ok) header.push_back((*v)["name"]);
  std::vector<std::vector<std::string>> rows;
  for (const std::string& t : types) {
    std::vector<std::string> row = {t, ""};
    for (const json* v : ok) {
      const json& c =
          ValueAt(*v, {"scores", "entities", "strict", "per_type", t});
      if (row[1].empty() && c.contains("support")) row[1] = c["support"].dump();
      row.push_back(c.is_null() ? "–" : F1Cell(c));
    }
    rows.push_back(row);
  }
  return "## Strict F1 per type\n\nEach cell: F1 (P / R).\n\n" +
         Table(header, rows, 1) + "\n";
}

// Each repeated variant's spread: every repeat's strict F1 and their
// summary, for each metric of the run.
std::string Repeats(const json& report) {
  std::vector<std::vector<std::string>> rows;
  for (const json& v : report["variants"]) {
    const json& r = ValueAt(v, {"repeats"});
    if (v.value("status", "") != "ok" || r.is_null()) continue;
    for (const json& name : report["config"]["statistics"]["metrics"]) {
      const std::string metric = name.get<std::string>();
      if (!r["metrics"].contains(metric)) continue;
      const json& f1 = r["metrics"][metric]["f1"];
      std::string each;
      for (const json& x : f1["values"])
        each += (each.empty() ? "" : ", ") + Fixed(x);
      rows.push_back({"`" + v["name"].get<std::string>() + "`", metric,
                      r["count"].dump(), Fixed(f1["mean"]), Fixed(f1["stddev"]),
                      Fixed(f1["min"]), Fixed(f1["max"]), each});
    }
  }
  if (rows.empty()) return "";
  return "## Repeats\n\nVariants run with `ieval run --repeats K`: the "
         "summary shows the mean over the K repeats ± their standard "
         "deviation (n − 1); intervals, comparisons, per-type scores, errors "
         "and predictions are repeat 0's. F1 of each repeat:\n\n" +
         Table({"variant", "metric", "repeats", "mean F1", "stddev", "min",
                "max", "each repeat"},
               rows, 2) +
         "\n";
}

// What each `llm` variant cost (report.json's "llm" block), then the
// documents whose answers had problems.
std::string LlmUsage(const json& report) {
  std::vector<std::vector<std::string>> rows;
  std::string problems;
  for (const json& v : report["variants"]) {
    const json& u = ValueAt(v, {"llm"});
    if (!u.is_object()) continue;
    const double docs = u.value("extracted_documents", 0.0);
    const double latency = u.value("latency_seconds", 0.0);
    rows.push_back(
        {"`" + v["name"].get<std::string>() + "`",
         u["extracted_documents"].dump(), u["requests"].dump(),
         u["cache_hits"].dump(), u["retries"].dump(), u["tokens_in"].dump(),
         u["tokens_out"].dump(), Fixed(docs > 0 ? latency / docs : 0.0, 3),
         u.contains("cost") ? Fixed(u["cost"], 4) : "–", u["ungrounded"].dump(),
         u["malformed"].dump(), u["failed_documents"].dump()});
    for (const json& d : u["by_document"]) {
      if (d["problems"].empty()) continue;
      problems +=
          "- `" + v["name"].get<std::string>() + "` " +
          d["doc_id"].get<std::string>() + ": " +
          MarkdownCell(d["problems"][0].get<std::string>()) +
          (d["problems"].size() > 1
               ? " (and " + std::to_string(d["problems"].size() - 1) + " more)"
               : "") +
          "\n";
    }
  }
  if (rows.empty()) return "";
  return "## LLM usage\n\nRequests sent (retries included) and tokens "
         "billed in this run; answers from the response cache cost "
         "nothing. Latency is per document. Ungrounded: strings the model "
         "returned that are not in the text; malformed: answers or "
         "entities that could not be used; failed: documents without a "
         "usable answer.\n\n" +
         Table({"variant", "docs", "requests", "cache hits", "retries",
                "tokens in", "tokens out", "s/doc", "cost", "ungrounded",
                "malformed", "failed"},
               rows, 1) +
         (problems.empty() ? ""
                           : "\nProblems, first per document:\n\n" + problems) +
         "\n";
}

// Variants some of whose predictions were given by their text
// (report.json's "grounding", "by_alignment", "strings",
// "policy_sensitivity").
std::string Grounding(const json& report) {
  std::vector<std::vector<std::string>> rows;
  for (const json& v : report["variants"]) {
    if (!v.contains("grounding")) continue;
    const json& g = v["grounding"];
    const json& by = v["by_alignment"];
    const json& ps = v["policy_sensitivity"];
    auto precision = [&](const char* a) {
      const json& row = by[a];
      return row.value("predictions", 0) == 0
                 ? std::string("–")
                 : Fixed(row["strict"]["precision"]) + " (" +
                       std::to_string(row["predictions"].get<int64_t>()) + ")";
    };
    rows.push_back(
        {v["name"].get<std::string>(), Fixed(g["grounding_rate"]),
         precision("exact"), precision("normalised"), precision("fuzzy"),
         precision("ungrounded"), std::to_string(g["ambiguous"].get<int64_t>()),
         Fixed(v["strings"]["f1"]),
         Fixed(ps["order"]["f1"]) + " / " + Fixed(ps["first"]["f1"]) + " / " +
             Fixed(ps["all"]["f1"])});
  }
  if (rows.empty()) return "";
  return "## Grounding\n\nPredictions given by their text alone, placed in "
         "the gold text. Strict precision of the predictions of each "
         "alignment (their number in brackets); ungrounded ones are false "
         "positives. String F1: the (type, normalised text) multiset per "
         "document, as LLM-NER papers report. Last column: strict F1 under "
         "--ground-policy order / first / all.\n\n" +
         Table({"variant", "grounded", "exact", "normalised", "fuzzy",
                "ungrounded", "ambiguous", "string F1", "strict F1 by policy"},
               rows) +
         "\n";
}

std::string ThroughputTable(const json& report) {
  std::vector<std::vector<std::string>> rows;
  for (const json& v : report["variants"]) {
    const json& t = v["throughput"];
    if (v.value("status", "") == "skipped") continue;
    rows.push_back(
        {v["name"], t["documents"].dump(),
         Fixed(t["bytes"].get<double>() / 1e6, 3), Fixed(t["setup_seconds"], 3),
         Fixed(t["wall_seconds"], 3), Fixed(t["cpu_seconds"], 3),
         Fixed(t["documents_per_second"], 1),
         Fixed(t["megabytes_per_second"], 3), Fixed(t["peak_rss_mb"], 1)});
  }
  if (rows.empty()) return "";
  return "## Throughput\n\nExtraction only (scoring apart), " +
         report["config"]["jobs"].dump() +
         " job(s). Peak RSS is the process-wide high-water mark after each "
         "variant, so it includes the variants run before it; CPU counts "
         "ieval's worker threads and reaped child processes.\n\n" +
         Table({"variant", "docs", "MB", "setup s", "wall s", "CPU s", "docs/s",
                "MB/s", "peak RSS MB"},
               rows, 1) +
         "\n";
}

std::string Errors(const json& report) {
  std::string out;
  for (const json& v : report["variants"]) {
    if (v.value("status", "") != "ok") continue;
    const json& e = v["scores"]["errors"];
    std::vector<std::pair<int64_t, std::string>> kinds;
    for (const auto& [k, n] : e["counts"].items())
      if (k != "correct" && n.get<int64_t>() > 0)
        kinds.push_back({n.get<int64_t>(), k});
    std::stable_sort(
        kinds.begin(), kinds.end(),
        [](const auto& a, const auto& b) { return a.first > b.first; });
    out += "<details><summary><b>" + v["name"].get<std::string>() +
           "</b>: " + std::to_string(kinds.size()) +
           " error categories</summary>\n\n";
    if (kinds.empty()) out += "No errors.\n";
    for (const auto& [n, kind] : kinds) {
      out += "- **" + report_text::ErrorLabel(kind) +
             "**: " + std::to_string(n) + "\n";
      int shown = 0;
      for (const json& x : ValueAt(e, {"examples", kind})) {
        if (++shown > 3) break;
        out += "  - " + report_text::ExampleText(x, true) + "\n";
      }
    }
    out += "\n</details>\n\n";
  }
  return out.empty() ? "" : "## Top error categories\n\n" + out;
}

}  // namespace

namespace report_text {

std::string MarkdownOf(const json& report) {
  std::string out = "# ieval run\n\n";
  out += report_text::Headline(report) + "\n\n";
  out += Summary(report) + "\n";
  out += "Strict P/R/F1 with " + report_text::ConfidenceText(report) +
         " bootstrap intervals in brackets. Partial, relations (strict), "
         "DATE value accuracy and cluster CoNLL F1 are point estimates.";
  for (const json& v : report["variants"])
    if (v.contains("repeats")) {
      out +=
          " Variants with repeats: mean ± standard deviation over the "
          "repeats (see Repeats).";
      break;
    }
  out += "\n\n";
  const json& best = report["best_variant"];
  if (!best.is_null()) {
    out += "**Best variant:** `" + best["name"].get<std::string>() + "` (" +
           best["metric"].get<std::string>() + " F1 " + Fixed(best["f1"]) +
           ").\n\n";
  }
  for (const json& v : report["variants"]) {
    const std::string status = v.value("status", "");
    if (status == "ok") continue;
    out += "> **" + std::string(status == "failed" ? "Failed" : "Skipped") +
           ":** `" + v["name"].get<std::string>() +
           "`: " + MarkdownCell(v.value("error", std::string())) + "\n\n";
  }
  for (const json& n : report["notes"])
    out += "> **Note:** " + n.get<std::string>() + "\n\n";
  out += Repeats(report);
  out += Differences(report);
  out += PerType(report);
  out += Grounding(report);
  out += ThroughputTable(report);
  out += LlmUsage(report);
  out += Errors(report);
  out += "---\n" + report_text::Footer(report) + "\n";
  return out;
}

}  // namespace report_text

Result<std::string> RenderMarkdown(std::string_view report_json) {
  auto parsed = report_text::ParseReport(report_json);
  if (!parsed.ok()) return parsed.status();
  return report_text::RenderChecked([&]() -> Result<std::string> {
    return report_text::MarkdownOf(*parsed);
  });
}

Result<std::string> RenderSummaryText(std::string_view report_json) {
  auto parsed = report_text::ParseReport(report_json);
  if (!parsed.ok()) return parsed.status();
  return report_text::RenderChecked([&]() -> Result<std::string> {
    return report_text::SummaryText(*parsed);
  });
}

}  // namespace ieval
