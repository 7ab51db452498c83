// ComparisonToText and ComparisonToJson (declared in compare.h).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "ieval/report/compare.h"
#include "report_text.h"

namespace ieval {
namespace {

using nlohmann::ordered_json;

ordered_json PrfJson(const PrfCounts& c) {
  return {{"tp", c.tp},          {"fp", c.fp},
          {"fn", c.fn},          {"precision", Precision(c)},
          {"recall", Recall(c)}, {"f1", F1(c)}};
}

// The value of `key` in `totals`, if there.
const double* Find(const UsageTotals& totals, const std::string& key) {
  for (const auto& [k, v] : totals)
    if (k == key) return &v;
  return nullptr;
}

// Every key of either side, A's order first.
std::vector<std::string> UsageKeys(const ComparedPair& p) {
  std::vector<std::string> keys;
  for (const UsageTotals* side : {&p.a_llm, &p.b_llm})
    for (const auto& [k, v] : *side)
      if (std::find(keys.begin(), keys.end(), k) == keys.end())
        keys.push_back(k);
  return keys;
}

std::string Amount(const double* v) {
  if (v == nullptr) return "–";
  return std::floor(*v) == *v && std::fabs(*v) < 9e15
             ? std::to_string(static_cast<int64_t>(*v))
             : Fixed(*v, 4);
}

// "LLM usage" rows of a pair: each total of A and B and B - A.
std::string UsageText(const ComparedPair& p) {
  const std::vector<std::string> keys = UsageKeys(p);
  if (keys.empty()) return "";
  std::string out =
      "LLM usage (report.json's llm block; cost with price_per_mtok):\n";
  char line[256];
  std::snprintf(line, sizeof line, "  %-22s %14s %14s %14s\n", "", "A", "B",
                "B - A");
  out += line;
  for (const std::string& k : keys) {
    const double* a = Find(p.a_llm, k);
    const double* b = Find(p.b_llm, k);
    double diff = 0;
    if (a && b) diff = *b - *a;
    std::snprintf(line, sizeof line, "  %-22s %14s %14s %14s\n", k.c_str(),
                  Amount(a).c_str(), Amount(b).c_str(),
                  a && b ? Amount(&diff).c_str() : "–");
    out += line;
  }
  return out + "\n";
}

ordered_json UsageJson(const UsageTotals& totals) {
  if (totals.empty()) return nullptr;
  ordered_json j = ordered_json::object();
  for (const auto& [k, v] : totals) j[k] = v;
  return j;
}

}  // namespace

std::string ComparisonToText(const Comparison& c) {
  std::string out;
  const std::string level =
      Fixed(c.options.bootstrap.confidence * 100, 0) + "% CI";
  for (const ComparedPair& p : c.pairs) {
    out += "A: " + c.a_path + " (" + p.a_name + ")\nB: " + c.b_path + " (" +
           p.b_name + ")\n" + std::to_string(p.documents) +
           " documents paired by doc_id; difference = B - A; p: paired "
           "bootstrap, AR: approximate randomization, Holm: the larger of "
           "the two adjusted over the rows below\n\n";
    size_t width = 6;
    for (const CompareRow& r : p.rows) width = std::max(width, r.metric.size());
    char line[512];
    std::snprintf(line, sizeof line,
                  "%-*s  %6s %6s %6s  %6s %6s %6s  %7s %-18s %6s %6s %6s  %s\n",
                  static_cast<int>(width), "metric", "A P", "A R", "A F1",
                  "B P", "B R", "B F1", "ΔF1", level.c_str(), "p", "AR", "Holm",
                  "verdict");
    out += line;
    for (const CompareRow& r : p.rows) {
      const Interval& d = r.bootstrap.difference;
      const std::string ci =
          "[" + Signed(d.lower) + ", " + Signed(d.upper) + "]";
      std::snprintf(
          line, sizeof line,
          "%-*s  %6.3f %6.3f %6.3f  %6.3f %6.3f %6.3f  %+7.3f %-18s %6.3f "
          "%6.3f %6.3f  %s\n",
          static_cast<int>(width), r.metric.c_str(), Precision(r.a),
          Recall(r.a), F1(r.a), Precision(r.b), Recall(r.b), F1(r.b),
          d.estimate, ci.c_str(), r.bootstrap.p_value, r.randomization.p_value,
          r.p_holm, r.verdict.c_str());
      out += line;
    }
    out += "\n" + UsageText(p);
  }
  out +=
      "Verdict: B against A, significant when the larger of the two "
      "p-values, Holm-adjusted, is <= " +
      Fixed(c.options.alpha, 2) + " (" +
      std::to_string(c.options.bootstrap.resamples) + " resamples, seed " +
      std::to_string(c.options.bootstrap.seed) + ").\n";
  return out;
}

std::string ComparisonToJson(const Comparison& c) {
  ordered_json root;
  root["a"] = c.a_path;
  root["b"] = c.b_path;
  root["settings"] = {{"resamples", c.options.bootstrap.resamples},
                      {"confidence", c.options.bootstrap.confidence},
                      {"seed", c.options.bootstrap.seed},
                      {"alpha", c.options.alpha},
                      {"unit", "document"},
                      {"correction", "holm"}};
  ordered_json pairs = ordered_json::array();
  for (const ComparedPair& p : c.pairs) {
    ordered_json rows = ordered_json::array();
    for (const CompareRow& r : p.rows) {
      const Interval& d = r.bootstrap.difference;
      rows.push_back({{"metric", r.metric},
                      {"a", PrfJson(r.a)},
                      {"b", PrfJson(r.b)},
                      {"difference",
                       {{"estimate", d.estimate},
                        {"lower", d.lower},
                        {"upper", d.upper},
                        {"std_error", d.std_error}}},
                      {"p_bootstrap", r.bootstrap.p_value},
                      {"p_randomization", r.randomization.p_value},
                      {"p_holm", r.p_holm},
                      {"verdict", r.verdict}});
    }
    ordered_json pair = {{"a_variant", p.a_name},
                         {"b_variant", p.b_name},
                         {"documents", p.documents},
                         {"rows", rows}};
    if (!p.a_llm.empty() || !p.b_llm.empty())
      pair["llm"] = {{"a", UsageJson(p.a_llm)}, {"b", UsageJson(p.b_llm)}};
    pairs.push_back(std::move(pair));
  }
  root["pairs"] = pairs;
  return root.dump(1) + "\n";
}

}  // namespace ieval
