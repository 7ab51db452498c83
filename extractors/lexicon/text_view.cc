#include "ieval/extractors/lexicon/text_view.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>

#include "ieval/extractors/lexicon/normalize.h"
#include "ieval/text/segmenter.h"

namespace ieval {
namespace {

// ICU break iterators keep state, so each thread gets its own segmenter.
Result<Segmenter*> ThreadSegmenter() {
  thread_local std::unique_ptr<Segmenter> segmenter;
  if (segmenter == nullptr) {
    auto created = Segmenter::Create("fr");
    if (!created.ok()) return created.status();
    segmenter = std::move(created).value();
  }
  return segmenter.get();
}

// French elided words: an article, pronoun or conjunction that drops its
// vowel before another word ("l'", "d'", "qu'", "jusqu'").
constexpr std::array<std::string_view, 14> kElided = {
    "l", "d",  "j",     "m",      "n",      "s",      "t",
    "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"};

}  // namespace

int ElisionLength(std::string_view key) {
  const size_t quote = key.find('\'');
  if (quote == std::string_view::npos || quote + 1 >= key.size()) return 0;
  const std::string_view head = key.substr(0, quote);
  for (std::string_view e : kElided) {
    if (head == e) return static_cast<int>(quote) + 1;  // ASCII: bytes = cps
  }
  return 0;
}

Result<std::vector<Sentence>> SplitSentences(std::string_view text) {
  auto segmenter = ThreadSegmenter();
  if (!segmenter.ok()) return segmenter.status();
  return (*segmenter)->Sentences(text);
}

Result<TextView> TextView::Make(std::string_view text) {
  TextView view;
  view.text_ = text;
  // Code point -> byte map.
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t n = static_cast<int64_t>(text.size());
  view.byte_of_.reserve(text.size() + 1);
  for (int64_t i = 0; i < n;) {
    view.byte_of_.push_back(i);
    U8_FWD_1(p, i, n);
  }
  view.byte_of_.push_back(n);

  auto segmenter = ThreadSegmenter();
  if (!segmenter.ok()) return segmenter.status();
  const std::vector<Token> tokens = (*segmenter)->Words(text);
  view.pieces_.reserve(tokens.size() + tokens.size() / 8);
  int64_t previous_end = 0;
  for (const Token& token : tokens) {
    Piece piece;
    piece.start = token.start;
    piece.end = token.end;
    piece.text = view.Slice(token.start, token.end);
    piece.key = MatchKey(piece.text);
    piece.is_word = token.is_word;
    piece.is_number = token.is_word && !piece.key.empty() &&
                      piece.key[0] >= '0' && piece.key[0] <= '9';
    piece.space_before = !view.pieces_.empty() && token.start > previous_end;
    for (int64_t cp = previous_end; cp < token.start; ++cp) {
      const char32_t c = view.At(cp);
      if (c == U'\n' || c == 0x2028 || c == 0x2029) {
        piece.line_break_before = true;
        break;
      }
    }
    previous_end = token.end;
    const int elision = piece.is_word ? ElisionLength(piece.key) : 0;
    if (elision > 0) {
      Piece article = piece;
      article.end = piece.start + elision;
      article.text = view.Slice(article.start, article.end);
      article.key = piece.key.substr(0, static_cast<size_t>(elision));
      piece.start = article.end;
      piece.text = view.Slice(piece.start, piece.end);
      piece.key = piece.key.substr(static_cast<size_t>(elision));
      piece.space_before = false;
      piece.line_break_before = false;
      view.pieces_.push_back(std::move(article));
    }
    view.pieces_.push_back(std::move(piece));
  }
  return view;
}

char32_t TextView::At(int64_t cp) const {
  if (cp < 0 || cp >= size()) return 0;
  const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
  int64_t i = byte_of_[static_cast<size_t>(cp)];
  UChar32 c;
  U8_NEXT(p, i, static_cast<int64_t>(text_.size()), c);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

std::string_view TextView::Slice(int64_t start, int64_t end) const {
  const int64_t last = size();
  start = start < 0 ? 0 : (start > last ? last : start);
  end = end < start ? start : (end > last ? last : end);
  const int64_t b = byte_of_[static_cast<size_t>(start)];
  const int64_t e = byte_of_[static_cast<size_t>(end)];
  return text_.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
}

Result<Annotations> ExtractFromView(
    std::string_view name, const Document& doc,
    const std::function<std::vector<Mention>(const TextView&)>& find) {
  auto view = TextView::Make(doc.text);
  if (!view.ok()) {
    return Status::ExtractorFailed(
        std::string(name) + ": " + view.status().message(),
        Where{"", 0, doc.doc_id, ""});
  }
  Annotations out;
  out.mentions = find(*view);
  for (size_t i = 0; i < out.mentions.size(); ++i) {
    out.mentions[i].id = "T" + std::to_string(i + 1);
  }
  return out;
}

}  // namespace ieval
