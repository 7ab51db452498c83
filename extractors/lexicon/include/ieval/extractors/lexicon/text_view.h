// A document as the rule-based back ends read it: its ICU words ("pieces")
// with code-point and byte offsets, each with a look-up key, and French
// elisions split off ("l’Institut" -> "l’" + "Institut", which ICU keeps as
// one word) so names after an article match and spans exclude the article.
//
// Building one costs an ICU word segmentation plus one pass over the text;
// the segmenter is thread-local, so TextView::Make is thread-safe.
#ifndef IEVAL_EXTRACTORS_LEXICON_TEXT_VIEW_H_
#define IEVAL_EXTRACTORS_LEXICON_TEXT_VIEW_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/text/segmenter.h"

namespace ieval {

struct Piece {
  int64_t start = 0;  // code points, end exclusive
  int64_t end = 0;
  std::string_view text;   // the UTF-8 text as written (a view of the view)
  std::string key;         // MatchKey(text)
  bool is_word = false;    // letters or digits (ICU), not punctuation
  bool is_number = false;  // ICU's number class: "11", "3,5", "11'000"
  // White space (any Unicode space, NBSP included) separates this piece from
  // the previous one; false for the first piece.
  bool space_before = false;
  // A line break (\n, U+2028, U+2029) is in that white space: headlines
  // and list items end there, so names never run across it.
  bool line_break_before = false;
};

class TextView {
 public:
  // `text` must outlive the view and be valid UTF-8. Fails only when ICU
  // cannot build its break iterator.
  static Result<TextView> Make(std::string_view text);

  const std::vector<Piece>& pieces() const { return pieces_; }
  std::string_view text() const { return text_; }
  int64_t size() const { return static_cast<int64_t>(byte_of_.size()) - 1; }

  // The code point at `cp` (0 past the end).
  char32_t At(int64_t cp) const;
  // UTF-8 of code points [start, end).
  std::string_view Slice(int64_t start, int64_t end) const;
  // The text between two pieces (their gap), as UTF-8.
  std::string_view Gap(size_t left, size_t right) const {
    return Slice(pieces_[left].end, pieces_[right].start);
  }

 private:
  std::string_view text_;
  std::vector<int64_t> byte_of_;  // code point -> byte offset (size n + 1)
  std::vector<Piece> pieces_;
};

// The Extract of a back end that reads documents as TextViews (rules,
// gazetteer): the mentions `find` gives for doc.text's view, numbered T1,
// T2, … in their order. `name` (the back end's) starts the error message
// when the view cannot be made.
Result<Annotations> ExtractFromView(
    std::string_view name, const Document& doc,
    const std::function<std::vector<Mention>(const TextView&)>& find);

// The sentences of `text` (Segmenter::Sentences on this thread's
// segmenter): thread-safe.
Result<std::vector<Sentence>> SplitSentences(std::string_view text);

// Splits a piece key like "l'institut" into its elided article ("l'") and
// the rest; returns the article's length in code points, 0 when `key` does
// not start with one. Exposed for the lists, which split names the same way.
int ElisionLength(std::string_view key);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_LEXICON_TEXT_VIEW_H_
