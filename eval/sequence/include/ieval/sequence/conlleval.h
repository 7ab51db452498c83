// conlleval.pl's chunk scoring (CoNLL-2000 shared task script, version
// 2004-01-26), as a streaming state machine fed one line at a time. This is
// a line-for-line port of its main loop and of its startOfChunk /
// endOfChunk rules, quirks included, so that `ieval conlleval` prints what
// conlleval.pl prints:
//   - a tag is split at its FIRST '-': prefix before, type after; a tag
//     without '-' is a prefix with type ""; type "0" is read as "" (Perl
//     false);
//   - IOB1 and IOB2 mix freely: I- after O (or after another type) starts a
//     chunk, B- always does, a type change ends one chunk and starts another;
//   - E- ends a chunk only before E-, I- or O (E-X B-X stays ONE chunk);
//     S- is no prefix it knows (a type change still starts a chunk);
//     [ and ] are one-token chunks, '.' is like O for type changes;
//   - a chunk is correct when gold and prediction start it together with
//     the same type and end it together;
//   - accuracy counts tokens whose prefix and type are both equal.
// See eval/README.md ("Token-sequence scoring") for how this differs from
// seqeval.
#ifndef IEVAL_SEQUENCE_CONLLEVAL_H_
#define IEVAL_SEQUENCE_CONLLEVAL_H_

#include <string>
#include <string_view>

#include "ieval/core/string_table.h"
#include "ieval/sequence/sequence_counts.h"
#include "ieval/sequence/tag_cache.h"

namespace ieval {

struct ConllevalOptions {
  // conlleval.pl -r: tags carry no prefix; every tag other than `outside`
  // (and other than "O") is a one-token chunk of that type.
  bool raw = false;
  // conlleval.pl -o: the outside tag of raw mode. Default: "O".
  std::string outside = "O";
};

class ConllevalScorer {
 public:
  explicit ConllevalScorer(ConllevalOptions options = {});

  // A token line: its gold and predicted tag (the last two columns).
  // `-DOCSTART-` lines are tokens too, as in conlleval.pl.
  void AddToken(std::string_view gold, std::string_view pred) {
    // "O O", most tokens of most files, is the outside tag in every mode;
    // inside a sentence, after another "O O" outside any chunk, it only
    // counts a correct token (no rule fires). Inline: the call cost more.
    if (IsOutsidePair(gold, pred) && outside_run_) {
      ++counts_.correct_tags;
      ++counts_.tokens;
      return;
    }
    AddTokenSlow(gold, pred);
  }
  // A sentence boundary (blank line or `-X-` line): conlleval.pl runs it
  // through the same rules as an O/O line that is not counted as a token.
  void AddBoundary();
  // Closes a chunk still open at the end of the input and returns the
  // counts. REQUIRES: called once, last.
  SequenceCounts Finish();

 private:
  // A tag as the rules read it: the prefix as a kind (the rules only
  // compare prefixes with the one-character constants B I E O . [ ], so a
  // prefix is one of those or "something else": kinds 1…7 and 0), the
  // prefix and type as ids (types: 0 is "").
  struct Tag {
    uint8_t kind;
    uint32_t prefix;
    uint32_t type;
  };
  static constexpr uint8_t kOutsideKind = 4;  // "O"
  static constexpr Tag kOutside{kOutsideKind, 0, 0};
  static bool IsOutsidePair(std::string_view gold, std::string_view pred) {
    return gold.size() == 1 && pred.size() == 1 && gold[0] == 'O' &&
           pred[0] == 'O';
  }
  void AddTokenSlow(std::string_view gold, std::string_view pred);
  Tag Split(std::string_view tag);
  void Step(const Tag& correct, const Tag& guessed, bool boundary);
  ChunkCounts& Counts(uint32_t type);

  // The last two columns of a line are usually adjacent in the line buffer
  // ("B-PER I-PER"): a line's pair of tags is then looked up at once, by
  // those bytes and the gold tag's length (a direct-mapped table).
  struct PairSlot {
    std::string bytes;
    size_t gold_length = 0;
    Tag correct = kOutside;
    Tag guessed = kOutside;
  };

  ConllevalOptions options_;
  TagCache<Tag> tags_;
  std::array<PairSlot, 512> pairs_;
  StringTable prefixes_;               // "O" first
  StringTable types_;                  // "" first
  std::vector<ChunkCounts> per_type_;  // by type id
  SequenceCounts counts_;              // per_type is filled by Finish()
  bool in_correct_ = false;            // the current chunk is correct so far
  bool in_sentence_ = false;
  Tag last_correct_ = kOutside;
  Tag last_guessed_ = kOutside;
  // In a sentence, both last tags kOutside, no chunk open: an "O O" token
  // then only counts (AddToken's inline case).
  bool outside_run_ = false;
  // Prefix id 0 is "O" (so the kind is O) and type id 0 is "".
  static bool IsOutside(const Tag& t) { return t.prefix == 0 && t.type == 0; }
};

// conlleval.pl's endOfChunk / startOfChunk: did a chunk end (start) between
// the previous and the current tag? Exposed for tests.
bool ConllevalEndOfChunk(std::string_view prev_tag, std::string_view tag,
                         std::string_view prev_type, std::string_view type);
bool ConllevalStartOfChunk(std::string_view prev_tag, std::string_view tag,
                           std::string_view prev_type, std::string_view type);

// What conlleval.pl prints on standard output for these counts, byte for
// byte: the "processed … tokens" header, the accuracy line (only when a
// token was processed) and one line per type (types ordered by bytes, names
// right-aligned on 17 bytes; the type "" is printed twice when both gold and
// prediction have it, as conlleval.pl does). With `latex`, the -l table.
std::string FormatConllevalReport(const SequenceCounts& counts, bool latex);

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_CONLLEVAL_H_
