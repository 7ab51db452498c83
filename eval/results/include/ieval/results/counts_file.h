// Counts files: what `ieval score --counts-out FILE` writes for one shard of
// the gold (ieval/pipeline/shard.h) and `ieval merge` adds up into the
// output of the unsharded command. A counts file holds every count that
// output needs — each document's counts (the per-document list, averages
// and statistics) and the shard's first examples of each error kind — and
// what decides whether shards may be added: the gold's content hash, the
// options that change scores, the shard's identity and the ieval version.
// The format (JSON Lines, one line per document) is in eval/README.md,
// "Counts files".
#ifndef IEVAL_RESULTS_COUNTS_FILE_H_
#define IEVAL_RESULTS_COUNTS_FILE_H_

#include <cstdint>
#include <string>

#include "ieval/core/status.h"
#include "ieval/score/grounding_summary.h"
#include "ieval/score/scorer.h"

namespace ieval {

inline constexpr int kCountsFormatVersion = 2;

// What a counts file is the counts of. Two shards add up when all but the
// shard index are equal.
struct CountsIdentity {
  std::string kind = "score";  // the command that wrote it
  std::string ieval_version;   // VersionString()
  std::string gold_hash;       // HashPathContent of the gold
  // The options that change scores, as compact JSON with sorted keys
  // (ScoreOptionsJson), compared as text.
  std::string options;
  int64_t shard_index = 1;  // 1-based
  int64_t shard_count = 1;
  int64_t documents = 0;  // scored in this shard
};

// `options`, `allow_nested` and the grounding's policy and threshold as
// one JSON object on one line, keys sorted.
std::string ScoreOptionsJson(const ScoreOptions& options, bool allow_nested,
                             const GroundOptions& ground);

struct ScoreCountsFile {
  CountsIdentity identity;
  ScoreOptions options;  // read back from identity.options
  CorpusScores scores;   // every document's counts, the shard's examples
  // The shard's grounding summary (its options from identity.options).
  GroundingSummary grounding;
};

// Writes `scores` (which keeps its documents) and `grounding` atomically
// to `path`.
Status WriteScoreCounts(const std::string& path, const CountsIdentity& identity,
                        const CorpusScores& scores,
                        const GroundingSummary& grounding);

// Reads a counts file whole. kInvalidInput naming the file, line and JSON
// path at anything ieval could not have written (a count that is negative
// or fractional, a type index out of range, a document out of doc_id
// order, a missing end line: a file cut short), kIoError when it cannot
// be read.
Result<ScoreCountsFile> ReadScoreCounts(const std::string& path);

// Only the first line, checked as ReadScoreCounts checks it.
Result<CountsIdentity> ReadCountsIdentity(const std::string& path);

}  // namespace ieval

#endif  // IEVAL_RESULTS_COUNTS_FILE_H_
