#include "ieval/score/scorer.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "ieval/score/alignment.h"

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
    // spans take no part; validation reports them. An ungrounded
    // prediction is no span either (ScoreDocument adds it as a false
    // positive), but a relation to it stays, to be scored as spurious.
    const bool unplaced = predicted && HasNoSpan(m.alignment);
    if (!unplaced && (m.start < 0 || m.start >= m.end)) continue;
    Mention copy = m;
    if (predicted) {
      if (auto it = options.type_map.find(m.type); it != options.type_map.end())
        copy.type = it->second;
    }
    if (!options.types.empty() &&
        std::find(options.types.begin(), options.types.end(), copy.type) ==
            options.types.end())
      continue;
    if (!annotations.relations.empty()) kept_ids.insert(copy.id);
    if (!unplaced) out.mentions.push_back(std::move(copy));
  }
  for (const Relation& r : annotations.relations)
    if (kept_ids.count(r.head) && kept_ids.count(r.tail))
      out.relations.push_back(r);
  return out;
}

std::vector<Mention> MappedMentions(const std::vector<Mention>& mentions,
                                    bool predicted,
                                    const ScoreOptions& options) {
  std::vector<Mention> out;
  out.reserve(mentions.size());
  for (const Mention& m : mentions) {
    Mention copy = m;
    if (predicted) {
      if (auto it = options.type_map.find(m.type); it != options.type_map.end())
        copy.type = it->second;
    }
    if (options.types.empty() ||
        std::find(options.types.begin(), options.types.end(), copy.type) !=
            options.types.end())
      out.push_back(std::move(copy));
  }
  return out;
}

namespace {

// False when PrepareAnnotations would return a copy of `annotations`.
bool NeedsPreparation(const Annotations& annotations, bool predicted,
                      const ScoreOptions& options) {
  if (!options.types.empty() || (predicted && !options.type_map.empty()))
    return true;
  for (const Mention& m : annotations.mentions)
    if (m.start < 0 || m.start >= m.end) return true;
  return false;
}

}  // namespace

DocumentScores ScoreDocument(const Document& document, const Annotations& gold,
                             const Annotations& pred,
                             const ScoreOptions& options,
                             const OffsetIndex* text_index) {
  // Copies only when the options change something (a large document's
  // mentions are not copied for nothing).
  Annotations gold_copy, pred_copy;
  const bool prepare_gold = NeedsPreparation(gold, false, options);
  const bool prepare_pred = NeedsPreparation(pred, true, options);
  if (prepare_gold) gold_copy = PrepareAnnotations(gold, false, options);
  if (prepare_pred) pred_copy = PrepareAnnotations(pred, true, options);
  const Annotations& g = prepare_gold ? gold_copy : gold;
  const Annotations& p = prepare_pred ? pred_copy : pred;
  // Predictions without a place (PrepareAnnotations leaves them out of the
  // alignment) are added as false positives.
  std::vector<Mention> ungrounded;
  if (prepare_pred)
    for (Mention& m : MappedMentions(pred.mentions, true, options))
      if (HasNoSpan(m.alignment)) ungrounded.push_back(std::move(m));
  const DocumentAlignment alignment =
      AlignMentions(g.mentions, p.mentions, options.min_overlap);
  DocumentScores scores;
  scores.doc_id = document.doc_id;
  scores.entities = ScoreEntities(document, g.mentions, p.mentions, alignment,
                                  options.max_examples, text_index);
  AddUngrounded(document.doc_id, ungrounded, options.max_examples,
                scores.entities);
  scores.relations = ScoreRelations(g, p, options.symmetric_relations);
  scores.values = ScoreValues(g.mentions, p.mentions, alignment.boundary_first,
                              options.value_types);
  scores.clusters = ScoreClusters(g.mentions, p.mentions, alignment.gold_order,
                                  alignment.pred_order);
  return scores;
}

DocumentScores ScoreDocument(const Annotations& gold, const Annotations& pred,
                             const ScoreOptions& options) {
  return ScoreDocument(Document{}, gold, pred, options);
}

void DocumentSums::Add(const DocumentScores& document, SpanMode mode) {
  if (document.empty()) {
    ++empty_documents;
    return;
  }
  const PrfCounts& c = document.entities.mode(mode).overall;
  precision += ExactSum::FromDouble(Precision(c));
  recall += ExactSum::FromDouble(Recall(c));
  f1 += ExactSum::FromDouble(F1(c));
  ++documents;
}

DocumentSums& DocumentSums::operator+=(const DocumentSums& o) {
  precision += o.precision;
  recall += o.recall;
  f1 += o.f1;
  documents += o.documents;
  empty_documents += o.empty_documents;
  return *this;
}

void CorpusScores::Add(DocumentScores document) {
  total_.Merge(document, max_examples_);
  if (!keep_documents_) {
    ++added_;
    for (SpanMode m : kSpanModes)
      sums_[static_cast<size_t>(m)].Add(document, m);
    return;
  }
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
  added_ += other.added_;
  for (size_t m = 0; m < sums_.size(); ++m) sums_[m] += other.sums_[m];
  for (const auto& [id, doc] : other.documents_) {
    auto [it, fresh] = documents_.try_emplace(id, doc);
    if (!fresh) it->second.Merge(doc, 0);
  }
  return *this;
}

CorpusScores& CorpusScores::operator+=(CorpusScores&& other) {
  total_.Merge(other.total_, max_examples_);
  added_ += other.added_;
  for (size_t m = 0; m < sums_.size(); ++m) sums_[m] += other.sums_[m];
  documents_.merge(other.documents_);  // moves the ids not here yet
  for (const auto& [id, doc] : other.documents_) documents_[id].Merge(doc, 0);
  other.documents_.clear();
  return *this;
}

DocumentSums CorpusScores::document_sums(SpanMode mode) const {
  if (!keep_documents_) return sums_[static_cast<size_t>(mode)];
  DocumentSums sums;
  for (const auto& [id, doc] : documents_) sums.Add(doc, mode);
  return sums;
}

}  // namespace ieval
