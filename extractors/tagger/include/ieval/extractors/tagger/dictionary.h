// Gazetteer hits as tagger features, behind a small interface so any word
// list can feed the tagger: a TokenDictionary marks, for each token, which
// of up to 8 kinds of dictionary entry it lies in. The tagger turns the marks
// into features; a model records the Id() of the dictionary it was trained
// with and insists on the same one at run time (its weights mean nothing
// otherwise).
//
// Shipped: CldrPlaceDictionary, the French names of countries and of the
// cities that name time zones, from ICU's own CLDR data — no word list to
// maintain, and exactly the news places (Corée du Nord, Moscou, Pyongyang,
// Séoul) that 1906–1939 training text lacks. Any TokenDictionary plugs in
// the same way (the gazetteer's lists would be one).
#ifndef IEVAL_EXTRACTORS_TAGGER_DICTIONARY_H_
#define IEVAL_EXTRACTORS_TAGGER_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/text/segmenter.h"

namespace ieval::tagger {

// Bit 2k: the token is inside an entry of kind k; bit 2k+1: it is the
// entry's first token. Kinds are the dictionary's own (k < 4).
using TokenFlags = uint8_t;

class TokenDictionary {
 public:
  virtual ~TokenDictionary() = default;
  // Stable name, stored in models trained with it.
  virtual std::string Id() const = 0;
  // Changes when the entries change (reported in the extractor Version()).
  virtual std::string Version() const = 0;
  // One TokenFlags per token of `tokens` (a sequence, in text order).
  // Thread-safe.
  virtual void Mark(const std::vector<Token>& tokens, size_t begin, size_t end,
                    std::vector<TokenFlags>* flags) const = 0;
};

// Longest-match lookup of multi-token entries, case-sensitive on the token
// texts: a reusable base for word-list dictionaries.
class PhraseDictionary : public TokenDictionary {
 public:
  void Mark(const std::vector<Token>& tokens, size_t begin, size_t end,
            std::vector<TokenFlags>* flags) const override;
  size_t size() const { return entries_; }

 protected:
  PhraseDictionary();
  ~PhraseDictionary() override;
  // `tokens`: the entry as tagger tokens; `kind` < 4.
  void Add(const std::vector<std::string>& tokens, int kind);

 private:
  struct Trie;
  std::unique_ptr<Trie> trie_;
  size_t entries_ = 0;
};

// Kind 0: country and territory names (CLDR region display names in
// French, "Corée du Nord"); kind 1: cities (CLDR time-zone exemplar cities
// in French, "Moscou", "Pyongyang"), bracketed qualifiers removed.
class CldrPlaceDictionary : public PhraseDictionary {
 public:
  static constexpr const char* kId = "cldr-places-fr";
  static Result<std::shared_ptr<const CldrPlaceDictionary>> Create();
  std::string Id() const override { return kId; }
  // "icu-<ICU version>-<entries>".
  std::string Version() const override { return version_; }

 private:
  CldrPlaceDictionary() = default;
  std::string version_;
};

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_DICTIONARY_H_
