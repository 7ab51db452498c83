#include "ieval/extractors/tagger/dictionary.h"

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uversion.h>

#include <unordered_map>

#include "ieval/extractors/tagger/tokens.h"

namespace ieval::tagger {

struct PhraseDictionary::Trie {
  struct Node {
    std::unordered_map<std::string, int> next;
    unsigned kinds = 0;  // the kinds of the entries ending here
  };
  std::vector<Node> nodes{1};
};

PhraseDictionary::PhraseDictionary() : trie_(std::make_unique<Trie>()) {}
PhraseDictionary::~PhraseDictionary() = default;

void PhraseDictionary::Add(const std::vector<std::string>& tokens, int kind) {
  if (tokens.empty()) return;
  int node = 0;
  for (const std::string& t : tokens) {
    auto it = trie_->nodes[static_cast<size_t>(node)].next.find(t);
    if (it == trie_->nodes[static_cast<size_t>(node)].next.end()) {
      trie_->nodes.emplace_back();
      const int created = static_cast<int>(trie_->nodes.size()) - 1;
      trie_->nodes[static_cast<size_t>(node)].next.emplace(t, created);
      node = created;
    } else {
      node = it->second;
    }
  }
  unsigned& kinds = trie_->nodes[static_cast<size_t>(node)].kinds;
  if (kinds == 0) ++entries_;
  kinds |= 1u << kind;
}

void PhraseDictionary::Mark(const std::vector<Token>& tokens, size_t begin,
                            size_t end, std::vector<TokenFlags>* flags) const {
  flags->assign(end - begin, 0);
  for (size_t i = begin; i < end;) {
    // Longest entry starting at token i.
    int node = 0;
    unsigned kinds = 0;
    size_t match_end = i;
    for (size_t j = i; j < end; ++j) {
      const auto& next = trie_->nodes[static_cast<size_t>(node)].next;
      auto it = next.find(tokens[j].text);
      if (it == next.end()) break;
      node = it->second;
      if (trie_->nodes[static_cast<size_t>(node)].kinds != 0) {
        kinds = trie_->nodes[static_cast<size_t>(node)].kinds;
        match_end = j + 1;
      }
    }
    if (kinds == 0) {
      ++i;
      continue;
    }
    for (unsigned kind = 0; kind < 4; ++kind) {
      if (!(kinds & (1u << kind))) continue;
      for (size_t j = i; j < match_end; ++j)
        (*flags)[j - begin] |= static_cast<TokenFlags>(1u << (2 * kind));
      (*flags)[i - begin] |= static_cast<TokenFlags>(1u << (2 * kind + 1));
    }
    i = match_end;
  }
}

namespace {

// "Tripoli (Libye)" -> "Tripoli"; "Knox [Indiana]" -> "Knox".
std::string DropQualifier(std::string name) {
  const size_t cut = name.find_first_of("([");
  if (cut != std::string::npos) name.erase(cut);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

std::vector<std::string> TokenTexts(Segmenter& segmenter,
                                    const std::string& name) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(segmenter, name).tokens) out.push_back(t.text);
  return out;
}

}  // namespace

Result<std::shared_ptr<const CldrPlaceDictionary>>
CldrPlaceDictionary::Create() {
  auto segmenter = Segmenter::Create("fr");
  if (!segmenter.ok()) return segmenter.status();
  std::shared_ptr<CldrPlaceDictionary> dict(new CldrPlaceDictionary());
  const icu::Locale fr("fr");
  for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
    icu::UnicodeString name;
    icu::Locale("", *c).getDisplayCountry(fr, name);
    std::string utf8;
    name.toUTF8String(utf8);
    if (utf8 != *c)  // ICU echoes the code when it has no name
      dict->Add(TokenTexts(**segmenter, DropQualifier(utf8)), 0);
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names(
      icu::TimeZoneNames::createInstance(fr, status));
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createTimeZoneIDEnumeration(
          UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU time-zone names: ") +
                            u_errorName(status));
  }
  while (const icu::UnicodeString* id = zones->snext(status)) {
    icu::UnicodeString city;
    names->getExemplarLocationName(*id, city);
    std::string utf8;
    city.toUTF8String(utf8);
    if (!utf8.empty())
      dict->Add(TokenTexts(**segmenter, DropQualifier(utf8)), 1);
  }
  dict->version_ =
      std::string("icu-") + U_ICU_VERSION + "-" + std::to_string(dict->size());
  return std::shared_ptr<const CldrPlaceDictionary>(std::move(dict));
}

}  // namespace ieval::tagger
