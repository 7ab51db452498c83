// Counts of token-sequence scoring (conlleval.pl, seqeval): what every
// sequence scorer produces and all that is kept while a file streams by.
// Counts merge with +, so the counts of documents or shards add up to the
// counts of the whole (see eval/README.md for the one conlleval.pl corner
// where a shard boundary inside an unclosed chunk changes the result).
// Metrics (precision, recall, F1, averages) are derived at the end by
// classification_report.h.
#ifndef IEVAL_SEQUENCE_SEQUENCE_COUNTS_H_
#define IEVAL_SEQUENCE_SEQUENCE_COUNTS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace ieval {

// Chunk (entity) counts of one type.
struct ChunkCounts {
  int64_t gold = 0;       // chunks in the gold ("phrases", seqeval's support)
  int64_t predicted = 0;  // chunks in the prediction ("found")
  int64_t correct = 0;    // predicted chunks equal to a gold chunk

  ChunkCounts& operator+=(const ChunkCounts& o) {
    gold += o.gold;
    predicted += o.predicted;
    correct += o.correct;
    return *this;
  }
  friend ChunkCounts operator+(ChunkCounts a, const ChunkCounts& b) {
    return a += b;
  }
  friend bool operator==(const ChunkCounts&, const ChunkCounts&) = default;
};

// Types are ordered by their bytes, as conlleval.pl's `sort` and Python's
// `sorted` (code point order = UTF-8 byte order) order them.
using TypeCountMap = std::map<std::string, ChunkCounts, std::less<>>;

struct SequenceCounts {
  int64_t tokens = 0;        // tokens scored
  int64_t correct_tags = 0;  // tokens whose gold and predicted tags are equal
  int64_t sentences = 0;     // non-empty sentences
  // Every type that has a gold or predicted chunk. conlleval.pl may also
  // credit a correct chunk to a type that has neither (a chunk left open
  // across a sentence break by an unknown tag): such an entry has only
  // `correct`, counts in the totals and is not listed in reports.
  TypeCountMap per_type;

  // Adds one to a type's counts without allocating when the type is known.
  ChunkCounts& Type(std::string_view type) {
    auto it = per_type.find(type);
    if (it == per_type.end()) it = per_type.emplace(type, ChunkCounts{}).first;
    return it->second;
  }
  ChunkCounts Total() const {
    ChunkCounts total;
    for (const auto& [type, counts] : per_type) total += counts;
    return total;
  }

  SequenceCounts& operator+=(const SequenceCounts& o) {
    tokens += o.tokens;
    correct_tags += o.correct_tags;
    sentences += o.sentences;
    for (const auto& [type, counts] : o.per_type) Type(type) += counts;
    return *this;
  }
  friend SequenceCounts operator+(SequenceCounts a, const SequenceCounts& b) {
    return a += b;
  }
  friend bool operator==(const SequenceCounts&,
                         const SequenceCounts&) = default;
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_SEQUENCE_COUNTS_H_
