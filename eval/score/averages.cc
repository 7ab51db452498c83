#include "eval/score/averages.h"

namespace ieval {

Prf Micro(const PrfCounts& c) { return {Precision(c), Recall(c), F1(c)}; }

Prf Macro(const std::map<std::string, PrfCounts>& per_type) {
  Prf sum;
  if (per_type.empty()) return sum;
  for (const auto& [type, c] : per_type) {
    sum.precision += Precision(c);
    sum.recall += Recall(c);
    sum.f1 += F1(c);
  }
  const auto n = static_cast<double>(per_type.size());
  return {sum.precision / n, sum.recall / n, sum.f1 / n};
}

Prf Weighted(const std::map<std::string, PrfCounts>& per_type) {
  Prf sum;
  double support = 0;
  for (const auto& [type, c] : per_type) {
    const double w = c.gold();
    support += w;
    sum.precision += w * Precision(c);
    sum.recall += w * Recall(c);
    sum.f1 += w * F1(c);
  }
  if (support <= 0) return Prf{};
  return {sum.precision / support, sum.recall / support, sum.f1 / support};
}

DocumentAverage PerDocument(
    const std::map<std::string, DocumentScores>& documents, SpanMode mode) {
  DocumentAverage average;
  for (const auto& [id, doc] : documents) {
    if (doc.empty()) {
      ++average.empty_documents;
      continue;
    }
    const PrfCounts& c = doc.entities.mode(mode).overall;
    average.mean.precision += Precision(c);
    average.mean.recall += Recall(c);
    average.mean.f1 += F1(c);
    ++average.documents;
  }
  if (average.documents > 0) {
    const auto n = static_cast<double>(average.documents);
    average.mean.precision /= n;
    average.mean.recall /= n;
    average.mean.f1 /= n;
  }
  return average;
}

}  // namespace ieval
