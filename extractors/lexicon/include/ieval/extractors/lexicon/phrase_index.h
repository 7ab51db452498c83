// A trie over piece keys: the names of a list, each a sequence of keys
// ("corée", "du", "nord"), mapped to payloads (indexes into the caller's
// entries). Matching at a piece costs one hash look-up per piece walked, so
// a document is scanned in about one look-up per piece — the gazetteer's
// and the rules' way to stay within a small factor of segmentation itself.
#ifndef IEVAL_EXTRACTORS_LEXICON_PHRASE_INDEX_H_
#define IEVAL_EXTRACTORS_LEXICON_PHRASE_INDEX_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ieval/extractors/lexicon/text_view.h"

namespace ieval {

class PhraseIndex {
 public:
  struct Match {
    size_t end = 0;  // one past the last piece of the phrase
    const std::vector<int32_t>* payloads = nullptr;  // in insertion order
  };

  // Adds `keys` (non-empty) with `payload`; a phrase may carry several.
  void Add(const std::vector<std::string>& keys, int32_t payload);

  // Phrases that start at pieces[begin], longest first.
  std::vector<Match> MatchesAt(const std::vector<Piece>& pieces,
                               size_t begin) const;

  size_t phrase_count() const { return phrase_count_; }
  // The longest phrase, in pieces.
  size_t max_length() const { return max_length_; }

 private:
  struct Node {
    std::unordered_map<std::string, int32_t> children;
    std::vector<int32_t> payloads;
  };
  std::vector<Node> nodes_{1};  // nodes_[0] is the root
  size_t phrase_count_ = 0;
  size_t max_length_ = 0;
};

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_LEXICON_PHRASE_INDEX_H_
