#include "ieval/extractors/tagger/crossval.h"

#include <ostream>
#include <utility>

#include "ieval/extractors/tagger/strict_summary.h"
#include "ieval/extractors/tagger/tagger.h"

namespace ieval::tagger {

Result<CrossvalResult> Crossval(const std::vector<AnnotatedDocument>& docs,
                                int folds, const TrainOptions& options,
                                std::ostream& log) {
  for (const AnnotatedDocument& d : docs) {
    if (!d.has_text) {
      return Status::InvalidInput(
          "gold documents must carry their text",
          Where{d.source_file, d.source_line, d.document.doc_id, ""});
    }
  }
  const int n = static_cast<int>(docs.size());
  if (folds == 0) folds = n;
  if (n < 2 || folds < 2 || folds > n) {
    return Status::Usage(
        "cross-validation needs at least 2 documents and 2 <= folds <= "
        "documents (the gold has " +
        std::to_string(n) + ", --folds " + std::to_string(folds) + ")");
  }

  CrossvalResult result;
  result.predictions.documents.resize(docs.size());
  log << (folds == n ? "leave-one-document-out" : "cross-validation") << ": "
      << folds << " folds over " << n << " documents; strict span match:\n";
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<AnnotatedDocument> train;
    std::vector<size_t> test;
    for (size_t i = 0; i < docs.size(); ++i) {
      if (static_cast<int>(i % static_cast<size_t>(folds)) == fold) {
        test.push_back(i);
      } else {
        train.push_back(docs[i]);
      }
    }
    TrainingStats stats;
    auto model = TrainTagger(train, options, &stats);
    if (!model.ok()) return model.status();
    auto tagger = Tagger::Create(std::move(*model), options.dictionary);
    if (!tagger.ok()) return tagger.status();
    FoldResult f;
    f.train_documents = static_cast<int64_t>(train.size());
    f.train_mentions = stats.mentions;
    for (size_t i : test) {
      auto pred = (*tagger)->Extract(docs[i].document);
      if (!pred.ok()) return pred.status();
      f.counts += StrictSpanCounts(docs[i], *pred, options.types);
      AnnotatedDocument& p = result.predictions.documents[i];
      p.document.doc_id = docs[i].document.doc_id;
      p.annotations = std::move(*pred);
      f.test_ids.push_back(docs[i].document.doc_id);
    }
    std::string held;
    for (const std::string& id : f.test_ids)
      held += (held.empty() ? "" : ",") + id;
    log << "fold " << fold + 1 << "/" << folds << " (test " << held
        << "; trained on " << f.train_documents << " documents, "
        << f.train_mentions << " mentions): " << FormatPrf(f.counts.overall)
        << "\n";
    result.total += f.counts;
    result.folds.push_back(std::move(f));
  }
  for (const auto& [type, c] : result.total.per_type)
    log << "all folds " << type << "\t" << FormatPrf(c) << "\n";
  log << "all folds micro\t" << FormatPrf(result.total.overall) << "\n";
  return result;
}

}  // namespace ieval::tagger
