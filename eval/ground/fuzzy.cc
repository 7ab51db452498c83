#include "fuzzy.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace ieval {

std::vector<std::pair<size_t, size_t>> WordSpans(std::string_view utf8) {
  std::vector<std::pair<size_t, size_t>> spans;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  int32_t begin = -1;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const bool word =
        c >= 0 && (c < 0x80 ? std::isalnum(c) != 0 : u_isalnum(c) != 0);
    if (word && begin < 0) begin = at;
    if (!word && begin >= 0) {
      spans.emplace_back(static_cast<size_t>(begin), static_cast<size_t>(at));
      begin = -1;
    }
  }
  if (begin >= 0) {
    spans.emplace_back(static_cast<size_t>(begin), static_cast<size_t>(n));
  }
  return spans;
}

FuzzyMatcher::FuzzyMatcher(const NormalisedText& normalised)
    : normalised_(normalised) {
  const std::string_view text = normalised.text;
  for (const auto& [begin, end] : WordSpans(text)) {
    const std::string_view word = text.substr(begin, end - begin);
    auto [it, added] =
        ids_.emplace(word, static_cast<int32_t>(postings_.size()));
    if (added) postings_.emplace_back();
    postings_[static_cast<size_t>(it->second)].push_back(
        static_cast<int32_t>(tokens_.size()));
    tokens_.push_back({begin, end, it->second});
  }
}

std::optional<FuzzyHit> FuzzyMatcher::Find(
    std::string_view key, double threshold,
    const std::vector<uint8_t>& taken) const {
  // The string's words as (id, count); -1 for words the text lacks.
  std::vector<int32_t> words;
  for (const auto& [begin, end] : WordSpans(key)) {
    auto it = ids_.find(key.substr(begin, end - begin));
    words.push_back(it == ids_.end() ? -1 : it->second);
  }
  const auto m = static_cast<int64_t>(words.size());
  if (m == 0 || tokens_.empty()) return std::nullopt;
  std::vector<std::pair<int32_t, int32_t>> bag;
  for (int32_t id : words) {
    auto it = std::find_if(bag.begin(), bag.end(),
                           [&](const auto& e) { return e.first == id; });
    if (it == bag.end()) {
      bag.emplace_back(id, 1);
    } else {
      ++it->second;
    }
  }
  // Dice 2c/(m+L) >= t bounds the window length L. The window must also
  // hold the string's first and last words (a name's edges tell it from
  // its neighbours: "Corée du Sud" is not "Corée du"), so windows are only
  // tried around the occurrences of the rarer of the two.
  const int32_t first = words.front();
  const int32_t last = words.back();
  if (first < 0 || last < 0) return std::nullopt;
  const auto min_len = std::max<int64_t>(
      1, static_cast<int64_t>(std::ceil(
             threshold * static_cast<double>(m) / (2.0 - threshold) - 1e-9)));
  const auto max_len = static_cast<int64_t>(std::floor(
      static_cast<double>(m) * (2.0 - threshold) / threshold + 1e-9));
  const int32_t anchor = postings_[static_cast<size_t>(first)].size() <=
                                 postings_[static_cast<size_t>(last)].size()
                             ? first
                             : last;

  const auto n = static_cast<int64_t>(tokens_.size());
  std::optional<FuzzyHit> best;
  bool best_free = false;
  std::unordered_set<int64_t> tried;
  std::vector<std::pair<int32_t, int32_t>> left;
  {
    for (int32_t q : postings_[static_cast<size_t>(anchor)]) {
      for (int64_t len = min_len; len <= max_len; ++len) {
        for (int64_t s = std::max<int64_t>(0, q - len + 1);
             s <= q && s + len <= n; ++s) {
          if (!tried.insert(s * (max_len + 1) + len).second) continue;
          left = bag;
          int64_t common = 0;
          bool has_first = false;
          bool has_last = false;
          for (int64_t t = s; t < s + len; ++t) {
            const int32_t id = tokens_[static_cast<size_t>(t)].id;
            has_first = has_first || id == first;
            has_last = has_last || id == last;
            for (auto& [word, count] : left) {
              if (word == id && count > 0) {
                --count;
                ++common;
                break;
              }
            }
          }
          const double score =
              2.0 * static_cast<double>(common) / static_cast<double>(m + len);
          if (score + 1e-12 < threshold || !has_first || !has_last) continue;
          const auto [start, end] = normalised_.OriginalSpan(
              tokens_[static_cast<size_t>(s)].begin,
              tokens_[static_cast<size_t>(s + len - 1)].end);
          bool free = true;
          for (int64_t cp = start; cp < end && free; ++cp) {
            free = taken[static_cast<size_t>(cp)] == 0;
          }
          const bool better = !best || score > best->score + 1e-12 ||
                              (score > best->score - 1e-12 &&
                               (free > best_free ||
                                (free == best_free && start < best->start)));
          if (better) {
            best = FuzzyHit{start, end, score};
            best_free = free;
          }
        }
      }
    }
  }
  return best;
}

}  // namespace ieval
