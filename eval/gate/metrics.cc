#include "metrics.h"

#include <unordered_map>

#include "ieval/core/text_format.h"
#include "ieval/gate/rules.h"
#include "ieval/results/metrics.h"

namespace ieval::gate_internal {
namespace {

// Columns of `docs` named `names`, aligned to `doc_ids`; nullopt when
// none of them exists (a missing one among existing ones is all zeros).
std::optional<std::vector<std::vector<double>>> AlignedColumns(
    const DocumentColumns& docs, const std::vector<std::string>& names,
    const std::vector<std::string>& doc_ids) {
  std::unordered_map<std::string, size_t> row;
  for (size_t i = 0; i < docs.doc_ids.size(); ++i) row[docs.doc_ids[i]] = i;
  std::vector<std::vector<double>> out;
  bool any = false;
  for (const std::string& name : names) {
    const std::vector<double>* column = docs.Find(name);
    any = any || column != nullptr;
    std::vector<double> aligned(doc_ids.size(), 0.0);
    if (column != nullptr)
      for (size_t i = 0; i < doc_ids.size(); ++i) {
        auto it = row.find(doc_ids[i]);
        if (it != row.end()) aligned[i] = (*column)[it->second];
      }
    out.push_back(std::move(aligned));
  }
  if (!any) return std::nullopt;
  return out;
}

}  // namespace

bool IsGlob(const std::string& pattern) {
  return pattern.find_first_of("*?") != std::string::npos;
}

std::vector<std::string> MatchMetricKeys(
    const std::string& pattern, const std::map<std::string, double>& metrics) {
  const std::vector<std::string> want = SplitMetricPath(pattern);
  std::vector<std::string> keys;
  for (const auto& [key, value] : metrics) {
    const std::vector<std::string> have = SplitMetricPath(key);
    if (have.size() != want.size()) continue;
    bool match = true;
    for (size_t i = 0; i < have.size() && match; ++i)
      match = GlobMatch(want[i], have[i]);
    if (match) keys.push_back(key);
  }
  return keys;
}

std::optional<PerDocumentCounts> DecomposeMetric(
    const DocumentColumns& variant, const std::string& key,
    const std::vector<std::string>& doc_ids) {
  const std::vector<std::string> parts = SplitMetricPath(key);
  if (parts.size() < 2) return std::nullopt;
  const std::string stat = parts.back();
  const std::string prefix = CountsPathOf(key);
  PerDocumentCounts out;
  auto push = [&](double tp, double fp, double fn, std::string text) {
    out.units.push_back(PrfCounts{tp, fp, fn});
    out.counts.push_back(std::move(text));
  };
  if (stat == "precision" || stat == "recall" || stat == "f1") {
    if (auto c = AlignedColumns(
            variant, {prefix + ".tp", prefix + ".fp", prefix + ".fn"},
            doc_ids)) {
      for (size_t i = 0; i < doc_ids.size(); ++i) {
        const double tp = (*c)[0][i], fp = (*c)[1][i], fn = (*c)[2][i];
        std::string text =
            "tp " + Count(tp) + ", fp " + Count(fp) + ", fn " + Count(fn);
        if (stat == "f1") push(tp, fp, fn, std::move(text));
        if (stat == "precision") push(tp, fp, fp, std::move(text));
        if (stat == "recall") push(tp, fn, fn, std::move(text));
      }
      return out;
    }
  }
  if (stat == "precision" || stat == "recall") {
    if (auto c = AlignedColumns(
            variant,
            {prefix + "." + stat + "_num", prefix + "." + stat + "_den"},
            doc_ids)) {
      for (size_t i = 0; i < doc_ids.size(); ++i) {
        const double num = (*c)[0][i], den = (*c)[1][i];
        push(num, den - num, den - num, Count(num) + " / " + Count(den));
      }
      return out;
    }
  }
  if (stat == "accuracy") {
    if (auto c = AlignedColumns(
            variant, {prefix + ".correct", prefix + ".matched"}, doc_ids)) {
      for (size_t i = 0; i < doc_ids.size(); ++i) {
        const double correct = (*c)[0][i], matched = (*c)[1][i];
        push(correct, matched - correct, matched - correct,
             Count(correct) + " of " + Count(matched) + " correct");
      }
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace ieval::gate_internal
