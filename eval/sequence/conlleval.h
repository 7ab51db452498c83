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
#ifndef IEVAL_EVAL_SEQUENCE_CONLLEVAL_H_
#define IEVAL_EVAL_SEQUENCE_CONLLEVAL_H_

#include <string>
#include <string_view>

#include "eval/sequence/sequence_counts.h"
#include "eval/sequence/type_counter.h"

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
  // Not copyable or movable: types_ points into counts_.
  ConllevalScorer(const ConllevalScorer&) = delete;
  ConllevalScorer& operator=(const ConllevalScorer&) = delete;

  // A token line: its gold and predicted tag (the last two columns).
  // `-DOCSTART-` lines are tokens too, as in conlleval.pl.
  void AddToken(std::string_view gold, std::string_view pred);
  // A sentence boundary (blank line or `-X-` line): conlleval.pl runs it
  // through the same rules as an O/O line that is not counted as a token.
  void AddBoundary();
  // Closes a chunk still open at the end of the input and returns the
  // counts. REQUIRES: called once, last.
  SequenceCounts Finish();

 private:
  void Step(std::string_view correct, std::string_view correct_type,
            std::string_view guessed, std::string_view guessed_type,
            bool boundary);

  ConllevalOptions options_;
  SequenceCounts counts_;
  TypeCounter types_{&counts_};
  bool in_correct_ = false;  // the current chunk is correct so far
  bool in_sentence_ = false;
  // The previous tags: prefixes as one-byte codes (see conlleval.cc),
  // types in full.
  char last_correct_ = 'O';
  std::string last_correct_type_;
  char last_guessed_ = 'O';
  std::string last_guessed_type_;
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

#endif  // IEVAL_EVAL_SEQUENCE_CONLLEVAL_H_
