// Scoring a prediction corpus against a gold corpus as two streams, the
// engine of `ieval score --gold --pred`: documents are read in batches,
// parsed, paired by doc_id, validated and scored on `jobs` threads, and
// dropped; only the counts stay (and each document's counts when asked,
// for --json's per-document list). Memory does not grow with the corpus
// when both sides list their documents in the same order — the usual case,
// an extractor's output follows its input. Out of order, a document waits
// until its partner comes (at worst the whole corpus is held); a gold
// document never predicted waits until the end, where it is scored as
// predicted nothing. What is kept per document in any case is its doc_id
// (a StringTable), to report duplicates.
//
// The output does not depend on `jobs`: batches are made the same way
// whatever the number of threads, problems are listed in reading order, and
// the per-thread sums merge exactly (CorpusScores adds in any order to
// bit-identical totals).
#ifndef IEVAL_PIPELINE_SCORE_STREAM_H_
#define IEVAL_PIPELINE_SCORE_STREAM_H_

#include <functional>
#include <string>
#include <vector>

#include "ieval/core/labels.h"
#include "ieval/core/status.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/score/scorer.h"

namespace ieval {

struct StreamScoreOptions {
  ScoreOptions score;
  // Gold types and relations are checked against it when set.
  const LabelSet* labels = nullptr;
  // Gold spans may nest and overlap (ValidateOptions::allow_nested).
  bool allow_nested = false;
  // How documents are parsed (ignore_unknown_keys), on both sides.
  FormatReadOptions read;
  int jobs = 1;
  // Documents read per side and step: enough to keep every thread busy
  // between two steps (tens of milliseconds of work), few enough to keep
  // memory small (about a megabyte of documents in flight). Tests make it
  // small to cross batch boundaries. The scores do not depend on it; the
  // order of problems does (a batch's reading and JSON problems are listed
  // before its documents' validation problems).
  size_t batch = 256;
  // Keep each document's counts (CorpusScores::documents()).
  bool keep_documents = false;
  // Named in "doc_id is not in the gold <gold_name>".
  std::string gold_name;
  // Called for every document scored, on the worker thread that scored it
  // (0 <= worker < jobs; one call at a time per worker), with the validated
  // gold and predictions: for counts beyond CorpusScores, such as the finer
  // units of ieval/score/units.h.
  std::function<void(int worker, const AnnotatedDocument& gold,
                     const Annotations& predicted)>
      on_scored;
  // Called with every document's counts (without examples), on the calling
  // thread, one document at a time, in the order documents were paired —
  // the gold's reading order for corpora in the same order, gold documents
  // never predicted last — whatever `jobs` is: for writing them out as they
  // come (`ieval score --per-document`) instead of keeping them. Not called
  // once a problem is found (the scores are not used then).
  std::function<void(const DocumentScores&)> on_document;
};

struct StreamScoreResult {
  CorpusScores scores;
  // Problems of the gold (unreadable, invalid, duplicate or textless
  // documents) and of the predictions (unreadable, invalid, duplicates,
  // documents not in the gold, offsets off the gold text), each in reading
  // order. Scores are meaningless unless both are empty.
  std::vector<Status> gold_problems;
  std::vector<Status> pred_problems;
  // Documents found on both sides, and the first few doc_ids of each side:
  // when no prediction names a gold document, the ids are shown side by
  // side instead of one "not in the gold" per document.
  int64_t paired = 0;
  std::vector<std::string> gold_ids;
  std::vector<std::string> pred_ids;
};

StreamScoreResult ScoreStreams(CorpusReader& gold, CorpusReader& pred,
                               const StreamScoreOptions& options);

}  // namespace ieval

#endif  // IEVAL_PIPELINE_SCORE_STREAM_H_
