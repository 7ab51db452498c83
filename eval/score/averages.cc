#include "ieval/score/averages.h"

namespace ieval {

Prf Micro(const PrfCounts& c) { return {Precision(c), Recall(c), F1(c)}; }

Prf Macro(const ByType<PrfCounts>& per_type) {
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

Prf Weighted(const ByType<PrfCounts>& per_type) {
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

DocumentAverage PerDocument(const DocumentSums& sums) {
  DocumentAverage average;
  average.documents = sums.documents;
  average.empty_documents = sums.empty_documents;
  if (sums.documents > 0) {
    const auto n = static_cast<double>(sums.documents);
    average.mean.precision = sums.precision.ToDouble() / n;
    average.mean.recall = sums.recall.ToDouble() / n;
    average.mean.f1 = sums.f1.ToDouble() / n;
  }
  return average;
}

DocumentAverage PerDocument(
    const std::map<std::string, DocumentScores>& documents, SpanMode mode) {
  DocumentSums sums;
  for (const auto& [id, doc] : documents) sums.Add(doc, mode);
  return PerDocument(sums);
}

DocumentAverage PerDocument(const CorpusScores& scores, SpanMode mode) {
  return PerDocument(scores.document_sums(mode));
}

}  // namespace ieval
