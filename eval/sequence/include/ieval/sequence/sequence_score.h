// Token-sequence scoring of a CoNLL file, the back end of
// `ieval score --conll`: streams the file once through one of three
// scorers and describes the result as a table or as JSON.
//
//   kConlleval  conlleval.pl's chunking and counting (conlleval.h); every
//               line as conlleval.pl reads it (`-DOCSTART-` is a token).
//   kSeqeval    seqeval's default mode (seqeval.h, SeqevalScorer).
//   kStrict     seqeval's strict mode for one scheme (StrictScorer).
// kSeqeval and kStrict read the file as the shared reference loader does:
// blank, `-X-` and `-DOCSTART-` lines end a sentence and are not tokens.
#ifndef IEVAL_SEQUENCE_SEQUENCE_SCORE_H_
#define IEVAL_SEQUENCE_SEQUENCE_SCORE_H_

#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/sequence/classification_report.h"
#include "ieval/sequence/conll_reader.h"
#include "ieval/sequence/conlleval.h"
#include "ieval/sequence/seqeval.h"
#include "ieval/sequence/sequence_counts.h"

namespace ieval {

enum class SequenceMode { kConlleval, kSeqeval, kStrict };

std::string_view SequenceModeName(SequenceMode mode);

struct SequenceOptions {
  SequenceMode mode = SequenceMode::kConlleval;
  Scheme scheme = Scheme::kIOB2;  // kStrict only
  ConllevalOptions conlleval;     // kConlleval only
};

struct SequenceResult {
  SequenceCounts counts;
  std::vector<std::string> warnings;  // for people; not part of the scores
};

// Reads every line of `reader` and scores it. Errors name the file and line:
// the reader's (unreadable file, column counts) and, for kSeqeval/kStrict,
// the tags seqeval would reject.
Result<SequenceResult> ScoreConll(ConllReader& reader,
                                  const SequenceOptions& options);

// What the header of a report says about the run.
struct RunDescription {
  std::string mode;       // "conlleval", "seqeval", "strict"
  std::string reference;  // the tool whose results these are
  std::string scheme;
  std::string repair;  // what happens to sequences invalid for the scheme
};
RunDescription Describe(const SequenceOptions& options);

// A table for people: the header (file, mode, scheme, repair policy), token
// counts and accuracy, one row per type, then micro/macro/weighted averages.
std::string FormatSequenceTable(std::string_view source,
                                const SequenceOptions& options,
                                const SequenceResult& result);

// One JSON object: "per_type", "micro", "macro", "weighted" (precision,
// recall, f1, support — seqeval's classification report — plus predicted
// and correct), and "mode", "scheme", "repair", "reference", "file",
// "tokens", "sentences", "accuracy", "phrases", "warnings". Floats are
// written in shortest round-trip form; NaN (macro over no type) as null.
std::string FormatSequenceJson(std::string_view source,
                               const SequenceOptions& options,
                               const SequenceResult& result);

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_SEQUENCE_SCORE_H_
