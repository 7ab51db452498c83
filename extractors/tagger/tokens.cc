#include "ieval/extractors/tagger/tokens.h"

#include <array>
#include <cctype>
#include <string>

namespace ieval::tagger {
namespace {

constexpr std::array<std::string_view, 15> kElided = {
    "l",  "d",     "j",      "m",      "n",      "s",      "t",     "c",
    "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"};

bool IsElidedPrefix(std::string_view letters) {
  if (letters.empty() || letters.size() > 6) return false;
  std::string lower;
  for (char c : letters) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view e : kElided)
    if (lower == e) return true;
  return false;
}

}  // namespace

void SplitElision(const Token& token, std::vector<Token>* out) {
  const std::string& t = token.text;
  if (token.is_word) {
    size_t apos = std::string::npos, width = 0;
    for (size_t i = 1; i < t.size() && i <= 6; ++i) {
      if (t[i] == '\'') {
        apos = i, width = 1;
        break;
      }
      if (t.compare(i, 3, "\xE2\x80\x99") == 0) {
        apos = i, width = 3;
        break;
      }
    }
    if (apos != std::string::npos && apos + width < t.size() &&
        IsElidedPrefix(std::string_view(t).substr(0, apos))) {
      // The prefix is ASCII, so its code points are its bytes.
      const auto cut = static_cast<int64_t>(apos + 1);
      out->push_back(
          {token.start, token.start + cut, t.substr(0, apos + width), true});
      out->push_back(
          {token.start + cut, token.end, t.substr(apos + width), true});
      return;
    }
  }
  out->push_back(token);
}

TokenizedText Tokenize(Segmenter& segmenter, std::string_view utf8) {
  TokenizedText out;
  // Code points at which a line break sits.
  std::vector<int64_t> breaks;
  int64_t cp = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
    if (c == '\n') breaks.push_back(cp);
    ++cp;
  }
  const std::vector<Token> words = segmenter.Words(utf8);
  out.tokens.reserve(words.size() + words.size() / 8);
  for (const Token& w : words) SplitElision(w, &out.tokens);
  size_t next_break = 0;
  for (size_t i = 0; i < out.tokens.size(); ++i) {
    bool new_line = i == 0;
    while (next_break < breaks.size() &&
           breaks[next_break] < out.tokens[i].start) {
      ++next_break;
      new_line = true;
    }
    if (new_line) out.sequence_starts.push_back(i);
  }
  out.sequence_starts.push_back(out.tokens.size());
  if (out.tokens.empty()) out.sequence_starts.clear();
  return out;
}

}  // namespace ieval::tagger
