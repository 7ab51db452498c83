// Word and sentence segmentation of French text with ICU's BreakIterator,
// in code-point offsets — the one tokenisation every extractor (and the CoNLL
// export of the gold) shares, so their tokens agree.
#ifndef IEVAL_TEXT_SEGMENTER_H_
#define IEVAL_TEXT_SEGMENTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

struct Token {
  int64_t start = 0;  // code points, inclusive
  int64_t end = 0;    // code points, exclusive
  std::string text;   // UTF-8
  // A word (letters or digits), as opposed to punctuation or symbols.
  // White space is never a token.
  bool is_word = false;
};

struct Sentence {
  int64_t start = 0;  // code points
  int64_t end = 0;
};

// Not thread-safe (ICU break iterators keep state): make one per thread.
// Cheap to reuse across documents.
class Segmenter {
 public:
  // Locale such as "fr". Fails when ICU cannot build the iterators.
  static Result<std::unique_ptr<Segmenter>> Create(
      const std::string& locale = "fr");
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Words and punctuation of `utf8` (valid UTF-8), white space dropped.
  // ICU keeps "aujourd'hui" and "11'000"-like digit groups whole, and splits
  // elided articles (l’, d’) from the word that follows only when ICU's
  // French rules do; callers needing more split tokens themselves.
  std::vector<Token> Words(std::string_view utf8);
  // Sentences of `utf8`, trailing white space excluded; line breaks end
  // sentences too (headlines and list items have no final period).
  std::vector<Sentence> Sentences(std::string_view utf8);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// 0 and the start of every later sentence of `utf8`, ascending: where the
// sentence unit of the statistics cuts a document (ieval/score/units.h).
std::vector<int64_t> SentenceStarts(Segmenter& segmenter,
                                    std::string_view utf8);

}  // namespace ieval

#endif  // IEVAL_TEXT_SEGMENTER_H_
