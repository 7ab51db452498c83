// ORG rules of NameCues (names.h): organisation head words with their
// tails, and acronyms.
#include <string_view>

#include "ieval/extractors/lexicon/normalize.h"
#include "ieval/extractors/rules/names.h"
#include "word_classes.h"

namespace ieval {
namespace {

bool IsRomanNumeral(std::string_view text) {
  for (char c : text) {
    if (std::string_view("IVXLCDM").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool OnlyLetters(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x80 && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<RuleMatch> NameCues::FindOrganisations(
    const TextView& view, const Coverage& coverage) const {
  const auto& p = view.pieces();
  std::vector<RuleMatch> out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (org_heads_.count(p[i].key) == 0 || !coverage.Free(i, i + 1)) continue;
    if (!StartsUpper(p[i].text) && p[i].key != "universite") continue;
    size_t e = i + 1;
    int parts = 0;
    bool lower_complement = false;
    auto next_ok = [&](size_t k) {
      return k < p.size() && !p[k].line_break_before && coverage.Free(k, k + 1);
    };
    while (next_ok(e)) {
      if (LooksLikeAdjective(p[e]) && p[e].space_before) {
        ++e;
      } else if (p[e].text == "-" && !p[e].space_before && next_ok(e + 1) &&
                 !p[e + 1].space_before && p[e + 1].is_word) {
        e += 2;
      } else if (IsNameWord(p[e]) && p[e].space_before) {
        ++e;
      } else {
        // A complement: de/du/des/pour/à … + a name or one lower-case noun.
        const std::string& key = p[e].key;
        // The key of "à" is "a", as is the verb's: only the text tells.
        const bool a_grave = key == "a" && p[e].text != "a";
        const bool preposition = key == "de" || key == "du" || key == "des" ||
                                 key == "d'" || key == "pour" || a_grave ||
                                 key == "au" || key == "aux" || key == "sur" ||
                                 key == "contre";
        if (!preposition) break;
        size_t q = e + 1;
        if ((key == "de" || key == "pour" || key == "a" || key == "sur" ||
             key == "contre") &&
            next_ok(q) &&
            (p[q].key == "la" || p[q].key == "l'" ||
             (key != "de" && (p[q].key == "le" || p[q].key == "les")))) {
          ++q;
        }
        if (!next_ok(q)) break;
        if (IsNameWord(p[q])) {
          e = q + 1;
        } else if (!lower_complement && IsLowerWord(p[q]) &&
                   p[q].key.size() >= 3 && org_heads_.count(p[q].key) == 0) {
          e = q + 1;
          lower_complement = true;
        } else {
          break;
        }
      }
      ++parts;
    }
    if (parts == 0) continue;
    out.push_back({i, e, "ORG", Slug(view.Slice(p[i].start, p[e - 1].end)),
                   std::nullopt});
    i = e - 1;
  }
  return out;
}

std::vector<RuleMatch> NameCues::FindAcronyms(const TextView& view,
                                              const Coverage& coverage) const {
  const auto& p = view.pieces();
  auto caps_word = [&](size_t k) {
    return p[k].is_word && !p[k].is_number && IsAllCaps(p[k].text);
  };
  std::vector<RuleMatch> out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!caps_word(i) || !coverage.Free(i, i + 1)) continue;
    const std::string_view t = p[i].text;
    if (t.size() > 7 || !OnlyLetters(t) || IsRomanNumeral(t) ||
        not_acronyms_.count(p[i].key) > 0) {
      continue;
    }
    // In an all-caps headline every word is in capitals: not a cue.
    int caps_neighbours = 0;
    int seen = 0;
    for (size_t k = i; k-- > 0 && seen < 2;) {
      if (!p[k].is_word) continue;
      ++seen;
      if (caps_word(k)) ++caps_neighbours;
    }
    seen = 0;
    for (size_t k = i + 1; k < p.size() && seen < 2; ++k) {
      if (!p[k].is_word) continue;
      ++seen;
      if (caps_word(k)) ++caps_neighbours;
    }
    if (caps_neighbours >= 2) continue;
    out.push_back({i, i + 1, "ORG", Slug(t), std::nullopt});
  }
  return out;
}

}  // namespace ieval
