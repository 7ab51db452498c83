// Units finer than a document, for paired tests and intervals that need
// more units than a small gold has documents: a document is cut at given
// code-point offsets into pieces, each piece holds the gold and predicted
// mentions whose start falls in it, and each piece is scored on its own.
//  - Sentences: cut at every sentence start (the caller segments the text;
//    ieval/text's segmenter is the shared one).
//  - Mentions: cut at every gold mention's start (MentionStarts), so a
//    piece holds one gold mention (or the several starting at one offset)
//    and the predictions that start after it and before the next; the
//    piece before the first gold mention holds only predictions.
// Strict and exact counts of the pieces add up to the document's (equal
// spans share their start); the overlap modes may differ a little where a
// prediction starts in one piece and overlaps a gold mention of the next.
// Relations, values and clusters are not split: a relation may cross
// pieces, so those metrics stay by document.
#ifndef IEVAL_SCORE_UNITS_H_
#define IEVAL_SCORE_UNITS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/score/scorer.h"

namespace ieval {

// One piece's entity counts.
struct UnitCounts {
  std::string doc_id;
  int64_t start = 0;                    // code point where the piece begins
  std::array<TypedCounts, 4> entities;  // indexed by SpanMode
  friend bool operator==(const UnitCounts&, const UnitCounts&) = default;
};

// The finer units of a corpus, in document order then start order; nullopt
// when that unit was not counted (an empty vector: counted, none found).
struct CorpusUnits {
  std::optional<std::vector<UnitCounts>> sentences;
  std::optional<std::vector<UnitCounts>> mentions;
  bool empty() const { return !sentences && !mentions; }
};

// 0 and the start of every gold mention, ascending and distinct.
std::vector<int64_t> MentionStarts(const Annotations& gold);

// One DocumentScores per piece of `starts` (ascending, the first 0), in
// order, without examples; a mention before starts[0] belongs to the first.
std::vector<DocumentScores> ScorePieces(const Document& document,
                                        const Annotations& gold,
                                        const Annotations& pred,
                                        const std::vector<int64_t>& starts,
                                        const ScoreOptions& options);

// The entity counts of ScorePieces' result, each piece named by the
// document and its start.
std::vector<UnitCounts> PieceUnits(const std::string& doc_id,
                                   const std::vector<int64_t>& starts,
                                   const std::vector<DocumentScores>& pieces);

}  // namespace ieval

#endif  // IEVAL_SCORE_UNITS_H_
