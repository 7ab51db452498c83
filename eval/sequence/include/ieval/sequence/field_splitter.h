// Splitting a CoNLL line into columns exactly as conlleval.pl does with
// `split(/$delimiter/, $line)`: the delimiter is a Perl regular expression
// (default: one ASCII space, so two spaces make an empty column and U+00A0
// stays inside a token), an empty line has no fields, a match at the very
// start makes an empty first field, and trailing empty fields are dropped.
//
// Supported delimiter syntax (a subset of Perl's, enough for every
// delimiter seen in practice; anything else is refused, never guessed):
//   literal bytes; escapes \t \n \r \f \e \a \xHH \\ \. \| (any escaped
//   punctuation); classes \s \S \d \D \w \W (ASCII, as Perl on bytes);
//   `.`; bracket classes [abc] [^ \t] [a-z]; quantifiers * + ? {n} {n,}
//   {n,m} after any atom. Groups, alternation and anchors are refused, and
//   so is a delimiter that can match the empty string.
#ifndef IEVAL_SEQUENCE_FIELD_SPLITTER_H_
#define IEVAL_SEQUENCE_FIELD_SPLITTER_H_

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

class FieldSplitter {
 public:
  // One ASCII space, conlleval.pl's default.
  FieldSplitter();

  // Parses a conlleval.pl `-d` argument (e.g. "\\t" — the two characters
  // backslash and t — or a literal tab). Usage error on unsupported syntax.
  static Result<FieldSplitter> Parse(std::string_view perl_regex);

  // Replaces *fields by the fields of `line` (views into it).
  void Split(std::string_view line,
             std::vector<std::string_view>* fields) const;

  // The hot path of the same: writes the fields to storage[0…n) and returns
  // n. `storage` only grows (to the longest line's length + 1), so after the
  // first lines no call allocates.
  size_t SplitInto(std::string_view line,
                   std::vector<std::string_view>* storage) const;

  // The delimiter as given (for messages).
  const std::string& pattern() const { return pattern_; }
  // The delimiter byte when the delimiter is one fixed byte (one space, a
  // tab: readers can then find lines and columns in one pass), else -1.
  int single_byte() const {
    return literal_.size() == 1 ? static_cast<unsigned char>(literal_[0]) : -1;
  }

 private:
  struct Atom {
    std::bitset<256> bytes;
    size_t min = 1;
    size_t max = 1;  // kUnbounded for * + {n,}
  };
  static constexpr size_t kUnbounded = static_cast<size_t>(-1);

  // Backtracking match of atoms_[atom…] at `pos`, each quantifier trying
  // its longest repetition first (Perl's order, so the same match wins).
  bool MatchFrom(std::string_view line, size_t atom, size_t pos,
                 size_t* end) const;
  // Leftmost match starting at or after `from`; false when none. Matches
  // are never empty (Parse refuses such delimiters), which keeps Perl's
  // rules for empty matches in split out of the picture.
  bool Find(std::string_view line, size_t from, size_t* start,
            size_t* end) const;

  std::string pattern_;
  std::vector<Atom> atoms_;
  std::string literal_;  // set when every atom is one fixed byte
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_FIELD_SPLITTER_H_
