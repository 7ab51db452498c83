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
#include "ieval/core/string_table.h"
#include "ieval/sequence/sequence_counts.h"
#include "ieval/sequence/tag_cache.h"
#include "ieval/sequence/type_counter.h"

namespace ieval {

// gold == pred == "O".
inline bool IsOutsidePair(std::string_view gold, std::string_view pred) {
  return gold.size() == 1 && pred.size() == 1 && gold[0] == 'O' &&
         pred[0] == 'O';
}

enum class Scheme { kIOB1, kIOE1, kIOB2, kIOE2, kIOBES, kBILOU };

std::string_view SchemeName(Scheme scheme);
std::optional<Scheme> ParseScheme(std::string_view name);  // "IOB2" …

class SeqevalScorer {
 public:
  SeqevalScorer() {
    types_.Intern("");   // 0: before the first token
    types_.Intern("_");  // 1: the type of "O"
  }
  // Not copyable or movable: counts_of_ points into counts_.
  SeqevalScorer(const SeqevalScorer&) = delete;
  SeqevalScorer& operator=(const SeqevalScorer&) = delete;

  // One token; `line` only names it in messages. Most tokens of a file are
  // "O O" outside any chunk, where nothing but the counts changes: that
  // case is inline.
  void AddToken(std::string_view gold, std::string_view pred, int64_t line) {
    if (IsOutsidePair(gold, pred) && gold_.prev_tag == 'O' &&
        pred_.prev_tag == 'O' && gold_.prev_type == kUnderscore &&
        pred_.prev_type == kUnderscore) {
      in_sentence_ = true;
      ++counts_.tokens;
      ++counts_.correct_tags;
      ++position_;
      return;
    }
    AddTokenSlow(gold, pred, line);
  }
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
    char prev_tag = 'O';     // the previous tag's letter (0: not one byte)
    uint32_t prev_type = 0;  // id in types_; "" (0) only before the first
    int64_t begin = 0;
  };
  // What a tag says, computed once per distinct tag.
  struct TagInfo {
    char letter = 0;
    uint32_t type = 0;
    bool ne = true;  // an O/B/I/E/S or B-/I-/E-/S- tag
  };
  struct Parsed {
    char letter = 0;
    uint32_t type = 0;
    bool type_changed = false;
    bool end = false;
    bool start = false;
  };
  static constexpr uint32_t kUnderscore = 1;  // types_'s id of "_"
  void AddTokenSlow(std::string_view gold, std::string_view pred, int64_t line);
  // What `tag` says (an empty tag is seqeval's IndexError, recorded, and
  // then read as "O").
  TagInfo Lookup(std::string_view tag, int64_t line, bool gold);
  TagInfo Info(std::string_view tag);
  Parsed Parse(const Stream& s, const TagInfo& info, std::string_view tag);
  void Step(std::string_view gold, std::string_view pred, int64_t line);
  ChunkCounts& Counts(uint32_t type);

  Stream gold_, pred_;
  int64_t position_ = 0;  // index in the joined sequence
  bool in_sentence_ = false;
  SequenceCounts counts_;
  StringTable types_;                    // "" is id 0
  TagCache<TagInfo> tags_;               // tag text -> what it says
  std::vector<ChunkCounts*> counts_of_;  // by type id, when looked up
  int64_t non_ne_tags_ = 0;
  std::vector<std::string> non_ne_examples_;
  std::optional<Status> gold_error_, pred_error_;
};

class StrictScorer {
 public:
  explicit StrictScorer(Scheme scheme);
  // Not copyable or movable: counts_of_ points into counts_.
  StrictScorer(const StrictScorer&) = delete;
  StrictScorer& operator=(const StrictScorer&) = delete;

  // "O O" outside any chunk changes nothing but the counts (inline).
  void AddToken(std::string_view gold, std::string_view pred, int64_t line) {
    if (IsOutsidePair(gold, pred) && Outside(gold_) && Outside(pred_)) {
      in_sentence_ = true;
      ++counts_.tokens;
      ++counts_.correct_tags;
      ++position_;
      return;
    }
    AddTokenSlow(gold, pred, line);
  }
  void EndSentence();
  // The counts, or the first error seqeval would raise: all gold sentences
  // are checked before the predictions, and within a sentence a tag whose
  // first letter is no prefix at all (KeyError) before a prefix the scheme
  // does not allow (ValueError).
  Result<SequenceCounts> Finish();

 private:
  struct Token {
    uint8_t prefix = 0;  // one bit of kPrefix*, 0 when not a prefix letter
    uint32_t tag = 0;    // the entity type's id in tags_
  };
  // The start/inside/end patterns of the scheme as tables: by the previous
  // and current prefix (PrefixIndex) the patterns that match when the two
  // types are the same (bit 0) and when they differ (bit 1).
  struct Table {
    uint8_t cell[8][8] = {};
    bool Matches(uint8_t prev, uint8_t cur, bool same) const {
      return (cell[PrefixIndex(prev)][PrefixIndex(cur)] & (same ? 1 : 2)) != 0;
    }
  };
  // 0 for no prefix, else 1 + the position of its bit.
  static size_t PrefixIndex(uint8_t prefix) {
    return prefix == 0 ? 0 : static_cast<size_t>(__builtin_ctz(prefix)) + 1;
  }
  struct Stream {
    uint8_t prev_prefix;
    uint32_t prev_tag = 0;
    bool in_chunk = false;
    int64_t chunk_start = 0;
    uint32_t chunk_tag = 0;
    // The first error, as seqeval would report it.
    std::optional<Status> error;
    int64_t error_sentence = -1;
    bool error_on_construction = false;
  };
  // The token of a tag, computed once per distinct tag.
  Token Lookup(std::string_view text);
  // seqeval's Token(text): its prefix (0: none) and type.
  static std::pair<uint8_t, std::string_view> SplitTag(std::string_view text);
  // The construction errors of a tag that is no token (empty, or no prefix
  // letter): recorded at each sight, as which one seqeval raises depends
  // on the sentence.
  void RecordTagError(std::string_view text, Stream* s, int64_t line,
                      bool gold);
  // The chunk of `s` (if any) ends before `t`: returns whether it ended as
  // a valid entity; sets *inside when `t` continues it instead.
  bool Close(Stream& s, const Token& t, bool* inside) const;
  void Visit(Stream& s, const Token& t, std::string_view text, int64_t line,
             bool gold);
  void Step(const Token& g, std::string_view gold_text, const Token& p,
            std::string_view pred_text, int64_t line);
  void Reset(Stream& s) const;

  ChunkCounts& Counts(uint32_t tag);
  void AddTokenSlow(std::string_view gold, std::string_view pred, int64_t line);
  // After an O outside a chunk (type "_", id 0): an "O" starts no chunk in
  // any scheme, so an "O O" token leaves both streams as they are.
  static bool Outside(const Stream& s) {
    return !s.in_chunk && s.prev_prefix == kOutsidePrefix && s.prev_tag == 0;
  }
  static constexpr uint8_t kOutsidePrefix = 2;  // seqeval.cc's kO

  Scheme scheme_;
  uint8_t allowed_ = 0;  // the prefixes the scheme allows
  Table start_, inside_, end_;
  StringTable tags_;                     // entity types; "_" is id 0
  TagCache<Token> tokens_;               // tag text -> token
  TagPairCache<Token> token_pairs_;      // a line's two tags at once
  std::vector<ChunkCounts*> counts_of_;  // by type id, when looked up
  Stream gold_, pred_;
  int64_t position_ = 0;
  int64_t sentence_ = 0;
  bool in_sentence_ = false;
  SequenceCounts counts_;
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_SEQEVAL_H_
