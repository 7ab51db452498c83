#include "ieval/extractors/lexicon/phrase_index.h"

#include <algorithm>

namespace ieval {

void PhraseIndex::Add(const std::vector<std::string>& keys, int32_t payload) {
  if (keys.empty()) return;
  int32_t node = 0;
  for (const std::string& key : keys) {
    auto found = nodes_[static_cast<size_t>(node)].children.find(key);
    if (found == nodes_[static_cast<size_t>(node)].children.end()) {
      const auto child = static_cast<int32_t>(nodes_.size());
      nodes_[static_cast<size_t>(node)].children.emplace(key, child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = found->second;
    }
  }
  auto& payloads = nodes_[static_cast<size_t>(node)].payloads;
  if (std::find(payloads.begin(), payloads.end(), payload) == payloads.end()) {
    if (payloads.empty()) ++phrase_count_;
    payloads.push_back(payload);
  }
  max_length_ = std::max(max_length_, keys.size());
}

std::vector<PhraseIndex::Match> PhraseIndex::MatchesAt(
    const std::vector<Piece>& pieces, size_t begin) const {
  std::vector<Match> matches;
  int32_t node = 0;
  for (size_t i = begin; i < pieces.size(); ++i) {
    const auto& children = nodes_[static_cast<size_t>(node)].children;
    auto found = children.find(pieces[i].key);
    if (found == children.end()) break;
    node = found->second;
    const auto& payloads = nodes_[static_cast<size_t>(node)].payloads;
    if (!payloads.empty()) matches.push_back({i + 1, &payloads});
  }
  std::reverse(matches.begin(), matches.end());
  return matches;
}

}  // namespace ieval
