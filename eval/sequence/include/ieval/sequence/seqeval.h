// seqeval's two ways of finding entities in tag sequences (seqeval 1.2.2),
// as streaming scorers fed one token at a time, sentence by sentence:
//
//  - SeqevalScorer: seqeval's default mode (`classification_report(y_true,
//    y_pred)`, `get_entities`): sentences are joined with an "O" between
//    them, a tag's letter is its first character and its type what follows
//    the first '-' after that letter ("_" when empty); chunks start and end
//    by seqeval's start_of_chunk / end_of_chunk, which accept IOB1, IOB2 and
//    IOBES mixed (I- after O starts a chunk). Tags that are not O/B/I/E/S or
//    B-/I-/E-/S- only warn ("X seems not to be NE tag.").
//  - StrictScorer: seqeval's strict mode (`mode="strict", scheme=…`): the
//    scheme's Token class decides where entities start, continue and end,
//    per sentence; a sequence that is not valid for the scheme (IOB2: I-
//    after O) yields no entity. A tag whose first letter is not a prefix of
//    the scheme is an error, reported as seqeval raises it.
//
// Both count a predicted entity correct when the gold has the same type
// with the same start and end (in the same sentence), and count tokens whose
// gold and predicted tags are equal (seqeval's accuracy_score).
#ifndef IEVAL_SEQUENCE_SEQEVAL_H_
#define IEVAL_SEQUENCE_SEQEVAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/sequence/sequence_counts.h"
#include "ieval/sequence/type_counter.h"

namespace ieval {

enum class Scheme { kIOB1, kIOE1, kIOB2, kIOE2, kIOBES, kBILOU };

std::string_view SchemeName(Scheme scheme);
std::optional<Scheme> ParseScheme(std::string_view name);  // "IOB2" …

class SeqevalScorer {
 public:
  SeqevalScorer() = default;
  // Not copyable or movable: types_ points into counts_.
  SeqevalScorer(const SeqevalScorer&) = delete;
  SeqevalScorer& operator=(const SeqevalScorer&) = delete;

  // One token; `line` only names it in messages.
  void AddToken(std::string_view gold, std::string_view pred, int64_t line);
  // Ends the current sentence (no-op when it is empty).
  void EndSentence();
  // The counts, or the error seqeval raises (an empty tag: IndexError).
  // REQUIRES: called once, last.
  Result<SequenceCounts> Finish();

  // Tokens whose tag seqeval warns about, and the first few such tags.
  int64_t non_ne_tags() const { return non_ne_tags_; }
  const std::vector<std::string>& non_ne_examples() const {
    return non_ne_examples_;
  }

 private:
  struct Stream {
    char prev_tag = 'O';    // the previous tag's letter (0: not one byte)
    std::string prev_type;  // "" only before the first token
    int64_t begin = 0;
  };
  struct Parsed {
    char letter = 0;
    std::string_view type;
    bool type_changed = false;
    bool end = false;
    bool start = false;
  };
  Parsed Parse(const Stream& s, std::string_view tag, int64_t line, bool gold);
  void Step(std::string_view gold, std::string_view pred, int64_t line);

  Stream gold_, pred_;
  int64_t position_ = 0;  // index in the joined sequence
  bool in_sentence_ = false;
  SequenceCounts counts_;
  TypeCounter types_{&counts_};
  int64_t non_ne_tags_ = 0;
  std::vector<std::string> non_ne_examples_;
  std::optional<Status> gold_error_, pred_error_;
};

class StrictScorer {
 public:
  explicit StrictScorer(Scheme scheme);
  // Not copyable or movable: types_ points into counts_.
  StrictScorer(const StrictScorer&) = delete;
  StrictScorer& operator=(const StrictScorer&) = delete;

  void AddToken(std::string_view gold, std::string_view pred, int64_t line);
  void EndSentence();
  // The counts, or the first error seqeval would raise: all gold sentences
  // are checked before the predictions, and within a sentence a tag whose
  // first letter is no prefix at all (KeyError) before a prefix the scheme
  // does not allow (ValueError).
  Result<SequenceCounts> Finish();

 private:
  struct Token {
    uint8_t prefix = 0;  // one bit of kPrefix*, 0 when not a prefix letter
    std::string_view tag;
  };
  struct Stream {
    uint8_t prev_prefix;
    std::string prev_tag;
    bool in_chunk = false;
    int64_t chunk_start = 0;
    std::string chunk_tag;
    // The first error, as seqeval would report it.
    std::optional<Status> error;
    int64_t error_sentence = -1;
    bool error_on_construction = false;
  };
  Token Parse(std::string_view text, Stream* s, int64_t line, bool gold);
  // The chunk of `s` (if any) ends before `t`: returns whether it ended as
  // a valid entity; sets *inside when `t` continues it instead.
  bool Close(Stream& s, const Token& t, bool* inside) const;
  void Visit(Stream& s, const Token& t, std::string_view text, int64_t line,
             bool gold);
  void Step(const Token& g, std::string_view gold_text, const Token& p,
            std::string_view pred_text, int64_t line);
  void Reset(Stream& s) const;

  Scheme scheme_;
  Stream gold_, pred_;
  int64_t position_ = 0;
  int64_t sentence_ = 0;
  bool in_sentence_ = false;
  SequenceCounts counts_;
  TypeCounter types_{&counts_};
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_SEQEVAL_H_
