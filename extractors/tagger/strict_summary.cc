#include "ieval/extractors/tagger/strict_summary.h"

#include <cstdio>

#include "ieval/score/scorer.h"

namespace ieval::tagger {

TypedCounts StrictSpanCounts(const AnnotatedDocument& gold,
                             const Annotations& predicted,
                             const std::vector<std::string>& types) {
  ScoreOptions options;
  options.types = types;
  options.max_examples = 0;  // counts only: no example text is cut out
  const DocumentScores scores =
      ScoreDocument(gold.document, gold.annotations, predicted, options);
  TypedCounts out = scores.entities.mode(SpanMode::kStrict);
  for (const std::string& type : types) out.per_type[type];
  return out;
}

std::string FormatPrf(const PrfCounts& c) {
  char buf[160];
  std::snprintf(buf, sizeof(buf),
                "P %5.1f  R %5.1f  F1 %5.1f  (tp %.0f, fp %.0f, fn %.0f)",
                100 * Precision(c), 100 * Recall(c), 100 * F1(c), c.tp, c.fp,
                c.fn);
  return buf;
}

}  // namespace ieval::tagger
