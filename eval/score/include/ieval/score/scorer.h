// The document-level entry point of span scoring, and the corpus sum.
//
//   DocumentScores d = ScoreDocument(document, gold, pred, options);
//   CorpusScores corpus(options.max_examples);
//   corpus.Add(std::move(d));             // any order, any sharding
//
// ScoreDocument is pure and thread-safe: types are mapped and filtered, the
// mentions aligned once (eval/score/include/ieval/score/alignment.h), and every
// metric read off that alignment: entities (span_scorer.h), relations, values,
// clusters. Every count adds up, so a corpus is the sum of its documents, in
// any order, with bit-identical results; CorpusScores also keeps each
// document's counts (statistics, reports and the gate need them).
#ifndef IEVAL_SCORE_SCORER_H_
#define IEVAL_SCORE_SCORER_H_

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/score/cluster_scorer.h"
#include "ieval/score/relation_scorer.h"
#include "ieval/score/span_scorer.h"
#include "ieval/score/value_scorer.h"

namespace ieval {

struct ScoreOptions {
  // Overlap modes: the least share of the gold span's code points a
  // prediction must cover to be paired with it. Default 0: any shared code
  // point. REQUIRES: 0 <= min_overlap <= 1.
  double min_overlap = 0.0;
  // Only mentions of these types are scored (after type_map), on both
  // sides; relations whose argument is left out are left out too. Empty:
  // every type.
  std::vector<std::string> types;
  // Predicted type -> gold type, applied to predictions before anything
  // else (extractors with other label sets). Unlisted types stay.
  std::map<std::string, std::string> type_map;
  // Relation types that match in either direction (labels.json).
  std::set<std::string> symmetric_relations;
  // Types whose `value` is scored.
  std::vector<std::string> value_types = {"DATE", "QUANTITY"};
  // Examples of each error kind kept per document and in the corpus; < 0:
  // all of them.
  int max_examples = 20;
};

struct DocumentScores {
  std::string doc_id;
  EntityScores entities;
  RelationCounts relations;
  std::map<std::string, ValueCounts> values;  // by type
  ClusterCounts clusters;

  // Adds `other`'s counts (doc_id is left as it is).
  void Merge(const DocumentScores& other, int max_examples);
  // No gold and no predicted mention.
  bool empty() const {
    return entities.gold_mentions == 0 && entities.predicted_mentions == 0;
  }
  friend bool operator==(const DocumentScores&,
                         const DocumentScores&) = default;
};

// `document` gives the doc_id and the text of examples (see ScoreEntities;
// `text_index`, when given, is the OffsetIndex of document.text).
DocumentScores ScoreDocument(const Document& document, const Annotations& gold,
                             const Annotations& pred,
                             const ScoreOptions& options,
                             const OffsetIndex* text_index = nullptr);
DocumentScores ScoreDocument(const Annotations& gold, const Annotations& pred,
                             const ScoreOptions& options);

// Mentions and relations after ScoreOptions' type map and filter (exposed
// for tests and for callers that score with other tools).
Annotations PrepareAnnotations(const Annotations& annotations, bool predicted,
                               const ScoreOptions& options);
// `mentions` after the type map (when `predicted`) and filter, every
// mention kept, with or without a place (ungrounded predictions too).
std::vector<Mention> MappedMentions(const std::vector<Mention>& mentions,
                                    bool predicted,
                                    const ScoreOptions& options);

// Sums of each document's precision, recall and F1 in one mode, for the
// per-document average (averages.h). Exact sums (counts.h), so documents
// add up to the same average in any order.
struct DocumentSums {
  ExactSum precision;
  ExactSum recall;
  ExactSum f1;
  int64_t documents = 0;        // with a gold or predicted mention
  int64_t empty_documents = 0;  // without
  void Add(const DocumentScores& document, SpanMode mode);
  DocumentSums& operator+=(const DocumentSums& o);
  friend bool operator==(const DocumentSums&, const DocumentSums&) = default;
};

class CorpusScores {
 public:
  // `keep_documents` false keeps only the total and the per-document sums
  // (memory independent of the corpus size; `ieval score` without --json);
  // each doc_id must then be added once.
  explicit CorpusScores(int max_examples = 20, bool keep_documents = true)
      : max_examples_(max_examples), keep_documents_(keep_documents) {}

  // Adds one document (its examples go to the total only). Adding a
  // doc_id twice adds the counts to that document's (when documents are
  // kept).
  void Add(DocumentScores document);
  // Adds another shard (with the same keep_documents; shards hold
  // different documents when documents are not kept).
  CorpusScores& operator+=(const CorpusScores& other);
  // The same, moving `other`'s documents instead of copying them (`other`
  // is left without documents).
  CorpusScores& operator+=(CorpusScores&& other);

  // The sum over all documents (doc_id empty).
  const DocumentScores& total() const { return total_; }
  // Every document's counts by doc_id (without examples); empty when
  // documents are not kept.
  const std::map<std::string, DocumentScores>& documents() const {
    return documents_;
  }
  // Hands every document's counts over, leaving none (document_count()
  // and document_sums() then count none): for a caller that frees them on
  // threads of its own.
  std::map<std::string, DocumentScores> TakeDocuments() {
    return std::exchange(documents_, {});
  }
  bool keeps_documents() const { return keep_documents_; }
  int64_t document_count() const {
    return keep_documents_ ? static_cast<int64_t>(documents_.size()) : added_;
  }
  // The per-document sums of one mode (from documents() when kept).
  DocumentSums document_sums(SpanMode mode) const;
  int max_examples() const { return max_examples_; }

 private:
  int max_examples_;
  bool keep_documents_;
  DocumentScores total_;
  std::map<std::string, DocumentScores> documents_;
  // When documents are not kept.
  int64_t added_ = 0;
  std::array<DocumentSums, 4> sums_;  // by SpanMode
};

}  // namespace ieval

#endif  // IEVAL_SCORE_SCORER_H_
