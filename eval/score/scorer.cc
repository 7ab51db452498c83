#include "eval/score/scorer.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "eval/score/alignment.h"

namespace ieval {

void DocumentScores::Merge(const DocumentScores& other, int max_examples) {
  entities.Merge(other.entities, max_examples);
  relations += other.relations;
  for (const auto& [type, c] : other.values) values[type] += c;
  clusters += other.clusters;
}

Annotations PrepareAnnotations(const Annotations& annotations, bool predicted,
                               const ScoreOptions& options) {
  Annotations out;
  out.mentions.reserve(annotations.mentions.size());
  std::unordered_set<std::string> kept_ids;
  for (const Mention& m : annotations.mentions) {
    // Mentions marked unusable by the reader (start = end = -1) and empty
    // spans take no part; validation reports them.
    if (m.start < 0 || m.start >= m.end) continue;
    Mention copy = m;
    if (predicted) {
      if (auto it = options.type_map.find(m.type);
          it != options.type_map.end())
        copy.type = it->second;
    }
    if (!options.types.empty() &&
        std::find(options.types.begin(), options.types.end(), copy.type) ==
            options.types.end())
      continue;
    kept_ids.insert(copy.id);
    out.mentions.push_back(std::move(copy));
  }
  for (const Relation& r : annotations.relations)
    if (kept_ids.count(r.head) && kept_ids.count(r.tail))
      out.relations.push_back(r);
  return out;
}

DocumentScores ScoreDocument(const Document& document, const Annotations& gold,
                             const Annotations& pred,
                             const ScoreOptions& options) {
  const Annotations g = PrepareAnnotations(gold, /*predicted=*/false, options);
  const Annotations p = PrepareAnnotations(pred, /*predicted=*/true, options);
  const DocumentAlignment alignment =
      AlignMentions(g.mentions, p.mentions, options.min_overlap);
  DocumentScores scores;
  scores.doc_id = document.doc_id;
  scores.entities = ScoreEntities(document, g.mentions, p.mentions, alignment,
                                  options.max_examples);
  scores.relations = ScoreRelations(g, p, options.symmetric_relations);
  scores.values = ScoreValues(g.mentions, p.mentions,
                              alignment.boundary_first, options.value_types);
  scores.clusters = ScoreClusters(g.mentions, p.mentions);
  return scores;
}

DocumentScores ScoreDocument(const Annotations& gold, const Annotations& pred,
                             const ScoreOptions& options) {
  return ScoreDocument(Document{}, gold, pred, options);
}

void CorpusScores::Add(DocumentScores document) {
  total_.Merge(document, max_examples_);
  for (auto& examples : document.entities.errors.examples) examples.clear();
  auto [it, fresh] = documents_.try_emplace(document.doc_id);
  if (fresh) {
    it->second = std::move(document);
  } else {
    it->second.Merge(document, 0);
  }
}

CorpusScores& CorpusScores::operator+=(const CorpusScores& other) {
  total_.Merge(other.total_, max_examples_);
  for (const auto& [id, doc] : other.documents_) {
    auto [it, fresh] = documents_.try_emplace(id, doc);
    if (!fresh) it->second.Merge(doc, 0);
  }
  return *this;
}

}  // namespace ieval
