#include "ieval/text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <vector>

namespace ieval {

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;

Result<std::unique_ptr<Segmenter>> Segmenter::Create(
    const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto impl = std::make_unique<Impl>();
  const icu::Locale loc(locale.c_str());
  impl->words.reset(icu::BreakIterator::createWordInstance(loc, status));
  impl->sentences.reset(
      icu::BreakIterator::createSentenceInstance(loc, status));
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU break iterators: ") +
                            u_errorName(status));
  }
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

namespace {

// ICU iterates UTF-16; this maps UTF-16 offsets of `u` to code points.
std::vector<int32_t> CodepointOfUtf16(const icu::UnicodeString& u) {
  std::vector<int32_t> cp(static_cast<size_t>(u.length()) + 1, 0);
  int32_t count = 0;
  for (int32_t i = 0; i < u.length(); ++i) {
    cp[static_cast<size_t>(i)] = count;
    if (!U16_IS_TRAIL(u.charAt(i))) ++count;
    // A trail surrogate belongs to the code point its lead started.
    if (U16_IS_TRAIL(u.charAt(i))) cp[static_cast<size_t>(i)] = count - 1;
  }
  cp[static_cast<size_t>(u.length())] = count;
  return cp;
}

}  // namespace

std::vector<Token> Segmenter::Words(std::string_view utf8) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const std::vector<int32_t> cp = CodepointOfUtf16(u);
  std::vector<Token> tokens;
  icu::BreakIterator& it = *impl_->words;
  it.setText(u);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE;
       start = end, end = it.next()) {
    const int32_t rule = it.getRuleStatus();
    if (rule == UBRK_WORD_NONE) {
      // Punctuation, symbols or white space: keep all but white space.
      UChar32 c = u.char32At(start);
      if (u_isUWhiteSpace(c)) continue;
    }
    Token t;
    t.start = cp[static_cast<size_t>(start)];
    t.end = cp[static_cast<size_t>(end)];
    u.tempSubStringBetween(start, end).toUTF8String(t.text);
    t.is_word = rule != UBRK_WORD_NONE;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::vector<Sentence> Segmenter::Sentences(std::string_view utf8) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const std::vector<int32_t> cp = CodepointOfUtf16(u);
  std::vector<Sentence> out;
  icu::BreakIterator& it = *impl_->sentences;
  it.setText(u);
  auto emit = [&](int32_t from, int32_t to) {
    // Split at line breaks, trim white space at both ends.
    int32_t s = from;
    while (s < to) {
      int32_t e = s;
      while (e < to && u.charAt(e) != u'\n') ++e;
      int32_t a = s, b = e;
      while (a < b && u_isUWhiteSpace(u.charAt(a))) ++a;
      while (b > a && u_isUWhiteSpace(u.charAt(b - 1))) --b;
      if (a < b)
        out.push_back({cp[static_cast<size_t>(a)], cp[static_cast<size_t>(b)]});
      s = e + 1;
    }
  };
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE;
       start = end, end = it.next()) {
    emit(start, end);
  }
  return out;
}

std::vector<int64_t> SentenceStarts(Segmenter& segmenter,
                                    std::string_view utf8) {
  std::vector<int64_t> starts = {0};  // the first sentence, from 0
  const std::vector<Sentence> sentences = segmenter.Sentences(utf8);
  for (size_t i = 1; i < sentences.size(); ++i)
    if (sentences[i].start > starts.back())
      starts.push_back(sentences[i].start);
  return starts;
}

}  // namespace ieval
