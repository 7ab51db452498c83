#include "ieval/score/units.h"

#include <algorithm>

namespace ieval {
namespace {

size_t PieceOf(const std::vector<int64_t>& starts, int64_t offset) {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return it == starts.begin() ? 0
                              : static_cast<size_t>(it - starts.begin()) - 1;
}

std::vector<Annotations> Split(const Annotations& a,
                               const std::vector<int64_t>& starts) {
  std::vector<Annotations> out(starts.size());
  for (const Mention& m : a.mentions)
    out[PieceOf(starts, m.start)].mentions.push_back(m);
  return out;
}

}  // namespace

std::vector<int64_t> MentionStarts(const Annotations& gold) {
  std::vector<int64_t> starts = {0};
  for (const Mention& m : gold.mentions) starts.push_back(m.start);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
}

std::vector<DocumentScores> ScorePieces(const Document& document,
                                        const Annotations& gold,
                                        const Annotations& pred,
                                        const std::vector<int64_t>& starts,
                                        const ScoreOptions& options) {
  ScoreOptions quiet = options;
  quiet.max_examples = 0;
  const std::vector<Annotations> g = Split(gold, starts);
  const std::vector<Annotations> p = Split(pred, starts);
  std::vector<DocumentScores> out;
  out.reserve(starts.size());
  for (size_t i = 0; i < starts.size(); ++i)
    out.push_back(ScoreDocument(document, g[i], p[i], quiet));
  return out;
}

std::vector<UnitCounts> PieceUnits(const std::string& doc_id,
                                   const std::vector<int64_t>& starts,
                                   const std::vector<DocumentScores>& pieces) {
  std::vector<UnitCounts> out;
  out.reserve(pieces.size());
  for (size_t i = 0; i < pieces.size() && i < starts.size(); ++i)
    out.push_back({doc_id, starts[i], pieces[i].entities.modes});
  return out;
}

}  // namespace ieval
