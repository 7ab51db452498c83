// A synthetic, French-like annotated corpus of any size, for benchmarks and
// scale tests: make_corpus writes it to files (scripts/make-corpus), the
// benchmarks generate it in memory. Deterministic for a given seed (its own
// PRNG; no std distributions, whose results differ between standard
// libraries).
//
// Text is built from real vocabulary — the tokens of the Europeana
// Newspapers French corpus (CC0) and the words of the seed articles — so
// token lengths, accents and punctuation look like French news. Each
// document has a cast of named entities (real PER/LOC/ORG chunks of that
// corpus) that recur, so mentions share canonical `entity` ids (clusters);
// DATE and QUANTITY expressions are generated with their normalised values
// (U+00A0/U+202F thousands separators, « » and ’ appear too). Relations
// link neighbouring names of a sentence with a type labels.json allows for
// their argument types.
//
// The predictions are the gold perturbed as a real extractor errs: missed
// mentions, shifted end, wrong type, a wrong entity id, spurious spans;
// relations dropped or retyped. The CoNLL view has one token per line,
// "token gold-tag pred-tag" (IOB2), a blank line after each sentence.
#ifndef IEVAL_BENCH_TOOLS_SYNTHETIC_H_
#define IEVAL_BENCH_TOOLS_SYNTHETIC_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"

namespace ieval {

// What one call to SyntheticCorpus::Next adds up to; used by benchmarks to
// check that a scorer saw everything (counts known by construction).
struct SyntheticTally {
  int64_t documents = 0;
  int64_t gold_mentions = 0;
  int64_t pred_mentions = 0;
  int64_t gold_relations = 0;
  int64_t tokens = 0;     // CoNLL token lines
  int64_t sentences = 0;  // CoNLL sentences
  int64_t gold_chunks = 0;
};

class SyntheticCorpus {
 public:
  // Reads the vocabulary under `shared_dir` (../shared). Fails when the
  // corpora are missing.
  static Result<std::unique_ptr<SyntheticCorpus>> Create(
      const std::string& shared_dir, uint64_t seed = 1);
  ~SyntheticCorpus();
  SyntheticCorpus(const SyntheticCorpus&) = delete;
  SyntheticCorpus& operator=(const SyntheticCorpus&) = delete;

  // The next document: `gold` with its text and annotations (code points),
  // `pred` its predicted annotations (no text, same doc_id). When `conll` is
  // not null the document's CoNLL lines are appended to it.
  void Next(AnnotatedDocument* gold, AnnotatedDocument* pred,
            std::string* conll);

  const SyntheticTally& tally() const { return tally_; }

 private:
  struct Impl;
  explicit SyntheticCorpus(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  SyntheticTally tally_;
};

// One document as a compact JSONL line (no trailing newline): doc_id, text
// when the document has it, entities (id, start, end, type, entity and
// value when set), relations when there are any.
std::string SyntheticJsonLine(const AnnotatedDocument& doc);

// Convenience for benchmarks: `documents` documents of a fresh corpus.
struct SyntheticBatch {
  std::vector<AnnotatedDocument> gold;
  std::vector<AnnotatedDocument> pred;
  std::string conll;  // empty unless asked for
  SyntheticTally tally;
};
Result<SyntheticBatch> MakeSyntheticBatch(const std::string& shared_dir,
                                          int64_t documents, bool with_conll,
                                          uint64_t seed = 1);

}  // namespace ieval

#endif  // IEVAL_BENCH_TOOLS_SYNTHETIC_H_
