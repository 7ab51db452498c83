#include "ieval/ground/occurrence_index.h"

#include <deque>

namespace ieval {
namespace {

uint64_t Key(int32_t node, uint8_t byte) {
  return (static_cast<uint64_t>(node) << 8) | byte;
}

}  // namespace

OccurrenceIndex::OccurrenceIndex(const std::vector<std::string>& patterns)
    : next_same_(patterns.size(), -1), pattern_count_(patterns.size()) {
  size_t total = 0;
  for (const std::string& p : patterns) total += p.size();
  nodes_.reserve(total + 1);
  children_.reserve(total);
  nodes_.emplace_back();
  for (size_t k = 0; k < patterns.size(); ++k) {
    if (patterns[k].empty()) continue;
    int32_t node = 0;
    for (char ch : patterns[k]) {
      const uint64_t key = Key(node, static_cast<uint8_t>(ch));
      auto it = children_.find(key);
      if (it == children_.end()) {
        const auto child = static_cast<int32_t>(nodes_.size());
        Node next;
        next.depth = nodes_[static_cast<size_t>(node)].depth + 1;
        nodes_.push_back(next);
        it = children_.emplace(key, child).first;
      }
      node = it->second;
    }
    Node& end = nodes_[static_cast<size_t>(node)];
    next_same_[k] = end.pattern;
    end.pattern = static_cast<int32_t>(k);
  }
  // Fail links breadth first: a node's fail target is shallower, so it is
  // final before the node is reached.
  std::vector<std::vector<std::pair<uint8_t, int32_t>>> edges(nodes_.size());
  for (const auto& [key, child] : children_) {
    edges[static_cast<size_t>(key >> 8)].emplace_back(
        static_cast<uint8_t>(key & 0xFF), child);
  }
  std::deque<int32_t> queue;
  for (const auto& [byte, child] : edges[0]) queue.push_back(child);
  while (!queue.empty()) {
    const int32_t node = queue.front();
    queue.pop_front();
    Node& n = nodes_[static_cast<size_t>(node)];
    n.output =
        n.pattern >= 0 ? node : nodes_[static_cast<size_t>(n.fail)].output;
    for (const auto& [byte, child] : edges[static_cast<size_t>(node)]) {
      int32_t f = n.fail;
      while (true) {
        auto it = children_.find(Key(f, byte));
        if (it != children_.end()) {
          nodes_[static_cast<size_t>(child)].fail = it->second;
          break;
        }
        if (f == 0) break;
        f = nodes_[static_cast<size_t>(f)].fail;
      }
      queue.push_back(child);
    }
  }
}

int32_t OccurrenceIndex::Next(int32_t node, uint8_t byte) const {
  while (true) {
    auto it = children_.find(Key(node, byte));
    if (it != children_.end()) return it->second;
    if (node == 0) return 0;
    node = nodes_[static_cast<size_t>(node)].fail;
  }
}

std::vector<std::vector<int64_t>> OccurrenceIndex::FindAll(
    std::string_view text) const {
  std::vector<std::vector<int64_t>> occurrences(pattern_count_);
  int32_t node = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    node = Next(node, static_cast<uint8_t>(text[i]));
    for (int32_t out = nodes_[static_cast<size_t>(node)].output; out >= 0;) {
      const Node& hit = nodes_[static_cast<size_t>(out)];
      const auto start = static_cast<int64_t>(i + 1) - hit.depth;
      for (int32_t k = hit.pattern; k >= 0;
           k = next_same_[static_cast<size_t>(k)]) {
        occurrences[static_cast<size_t>(k)].push_back(start);
      }
      out = nodes_[static_cast<size_t>(hit.fail)].output;
    }
  }
  return occurrences;
}

}  // namespace ieval
