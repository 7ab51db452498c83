#include "sentence_scores.h"

#include <algorithm>

#include "ieval/text/segmenter.h"

namespace ieval {
namespace {

size_t SentenceOf(const std::vector<int64_t>& starts, int64_t offset) {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return it == starts.begin() ? 0
                              : static_cast<size_t>(it - starts.begin()) - 1;
}

std::vector<Annotations> Split(const Annotations& a,
                               const std::vector<int64_t>& starts) {
  std::vector<Annotations> out(starts.size());
  for (const Mention& m : a.mentions)
    out[SentenceOf(starts, m.start)].mentions.push_back(m);
  return out;
}

}  // namespace

std::vector<std::vector<int64_t>> SentenceStarts(
    const std::vector<AnnotatedDocument>& documents) {
  std::vector<std::vector<int64_t>> out(documents.size(), {0});
  auto segmenter = Segmenter::Create("fr");
  if (!segmenter.ok()) return out;  // one sentence per document
  for (size_t i = 0; i < documents.size(); ++i)
    for (const Sentence& s :
         (*segmenter)->Sentences(documents[i].document.text))
      if (s.start > out[i].back()) out[i].push_back(s.start);
  return out;
}

std::vector<DocumentScores> ScoreSentences(const Document& document,
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

}  // namespace ieval
