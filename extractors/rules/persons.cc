// PER rules of NameCues (names.h): titled names, appositions and the
// propagation of found names through the document.
#include <algorithm>
#include <map>

#include "ieval/extractors/lexicon/normalize.h"
#include "ieval/extractors/rules/names.h"
#include "word_classes.h"

namespace ieval {
namespace {

constexpr const char* kNameParticles[] = {"van",   "von", "bin", "ben", "ibn",
                                          "al",    "el",  "da",  "di",  "del",
                                          "della", "dos", "das", "abu", "abou"};

bool IsParticle(const std::string& key) {
  for (const char* p : kNameParticles) {
    if (key == p) return true;
  }
  return false;
}

// Words of a name without its hyphens: "Kim Jong-un" -> kim jong un.
std::vector<std::string> NameWords(const std::vector<Piece>& p, size_t begin,
                                   size_t end) {
  std::vector<std::string> words;
  for (size_t k = begin; k < end; ++k) {
    if (p[k].is_word) words.push_back(p[k].key);
  }
  return words;
}

}  // namespace

size_t NameCues::NameEnd(const std::vector<Piece>& p, size_t k) const {
  size_t e = k;
  int words = 0;
  while (e < p.size() && words < 4) {
    const bool joined =
        words == 0 || (p[e].space_before && !p[e].line_break_before);
    // Inside a name a capitalised "Un" is a name word, not an article
    // ("Kim Jong Un").
    const bool name_word =
        IsNameWord(p[e]) || (words > 0 && p[e].is_word && !p[e].is_number &&
                             StartsUpper(p[e].text));
    if (joined && name_word && !IsAllCaps(p[e].text) &&
        org_heads_.count(p[e].key) == 0) {
      ++e;
      ++words;
      // "Jong-un", "Jean-Pierre".
      while (e + 1 < p.size() && p[e].text == "-" && !p[e].space_before &&
             !p[e + 1].space_before && p[e + 1].is_word) {
        e += 2;
      }
      // An initial inside the name: "George W. Bush".
      if (p[e - 1].text.size() == 1 && e + 1 < p.size() && p[e].text == "." &&
          !p[e].space_before && IsNameWord(p[e + 1])) {
        ++e;
      }
    } else if (words > 0 && joined && IsParticle(p[e].key) &&
               e + 1 < p.size() && IsNameWord(p[e + 1])) {
      ++e;
    } else {
      break;
    }
  }
  return words > 0 ? e : k;
}

std::vector<RuleMatch> NameCues::FindPersons(const TextView& view,
                                             const Coverage& coverage) const {
  const auto& p = view.pieces();
  std::vector<RuleMatch> out;
  for (size_t i = 0; i < p.size(); ++i) {
    const auto matches = titles_.MatchesAt(p, i);
    if (matches.empty()) continue;
    size_t k = matches.front().end;
    const bool portfolio = matches.front().payloads->front() == 1;
    // Up to two modifiers: "russe", "nord-coréen", "adjoint".
    for (int modifiers = 0; modifiers < 2 && k < p.size() &&
                            IsLowerWord(p[k]) && !p[k].line_break_before;
         ++modifiers) {
      ++k;
      while (k + 1 < p.size() && p[k].text == "-" && !p[k].space_before &&
             IsLowerWord(p[k + 1]) && !p[k + 1].space_before) {
        k += 2;
      }
    }
    // A complement naming what the title is of: a portfolio ("ministre des
    // Affaires étrangères Sergueï Lavrov") or, before a comma, a body or
    // place ("le porte-parole du Kremlin, Dmitri Peskov").
    if (k + 1 < p.size() && (p[k].key == "de" || p[k].key == "des" ||
                             p[k].key == "du" || p[k].key == "d'")) {
      size_t q = k + 1;
      if (p[k].key == "de" && (p[q].key == "la" || p[q].key == "l'")) ++q;
      if (q < p.size() && IsNameWord(p[q])) {
        size_t r = q + 1;
        // More of that name: "Corée du Nord", "Nations unies".
        while (r < p.size() && !p[r].line_break_before) {
          if (IsNameWord(p[r]) && p[r].space_before) {
            ++r;
          } else if (r + 1 < p.size() &&
                     (p[r].key == "du" || p[r].key == "de" ||
                      p[r].key == "d'") &&
                     IsNameWord(p[r + 1])) {
            r += 2;
          } else if (r + 1 < p.size() && p[r].text == "-" &&
                     !p[r].space_before && p[r + 1].is_word) {
            r += 2;
          } else {
            break;
          }
        }
        for (int extra = 0; extra < 2 && r < p.size() && IsLowerWord(p[r]);
             ++extra) {
          ++r;
        }
        if (portfolio || (r < p.size() && p[r].text == ",")) k = r;
      }
    }
    if (k < p.size() && p[k].text == ",") ++k;  // "le dirigeant, Kim Jong Un"
    if (k >= p.size() || p[k].line_break_before) continue;
    // "le maire, M. Foureau": the second title introduces the name.
    if (const auto again = titles_.MatchesAt(p, k); !again.empty()) {
      k = again.front().end;
      if (k >= p.size()) continue;
    }
    const size_t end = NameEnd(p, k);
    if (end == k || !coverage.Free(k, end)) continue;
    out.push_back({k, end, "PER", Slug(view.Slice(p[k].start, p[end - 1].end)),
                   std::nullopt});
    i = end - 1;
  }
  // A title after the name, in apposition: "Hong Min, analyste à …",
  // "Kim Jong Un, dirigeant suprême de …".
  std::vector<RuleMatch> appositions;
  for (size_t comma = 1; comma + 1 < p.size(); ++comma) {
    if (p[comma].text != ",") continue;
    size_t t = comma + 1;
    if (p[t].key == "le" || p[t].key == "la" || p[t].key == "l'" ||
        p[t].key == "un" || p[t].key == "une") {
      ++t;
    }
    const auto titles = titles_.MatchesAt(p, t);
    if (titles.empty() || !IsAllLower(p[t].text)) continue;
    const size_t title_end = titles.front().end;
    if (title_end < p.size() && p[title_end].text == "-" &&
        !p[title_end].space_before) {
      continue;  // "chef-lieu"
    }
    // The earliest start of a name of at most three words ending here.
    size_t start = comma;
    for (size_t s = comma; s-- > 0 && comma - s <= 8;) {
      if (IsNameWord(p[s]) && NameEnd(p, s) == comma) {
        int words = 1;
        for (size_t k = s + 1; k < comma; ++k) words += p[k].space_before;
        if (words <= 3) start = s;
      }
      if (p[s].line_break_before) break;
    }
    if (start == comma || !coverage.Free(start, comma)) continue;
    // A lone capitalised word opening a sentence ("Enfin, un chef …") is
    // more often an adverb than a name.
    const bool opens_sentence =
        start == 0 || p[start].line_break_before || p[start - 1].text == "." ||
        p[start - 1].text == "!" || p[start - 1].text == "?" ||
        p[start - 1].text == ":";
    if (opens_sentence && comma == start + 1) continue;
    bool overlaps = false;
    for (const RuleMatch& m : out) {
      overlaps |= m.begin < comma && start < m.end;
    }
    if (overlaps) continue;
    appositions.push_back({start, comma, "PER",
                           Slug(view.Slice(p[start].start, p[comma - 1].end)),
                           std::nullopt});
  }
  out.insert(out.end(), appositions.begin(), appositions.end());
  std::sort(out.begin(), out.end(), [](const RuleMatch& a, const RuleMatch& b) {
    return a.begin < b.begin;
  });
  return out;
}

std::vector<RuleMatch> NameCues::PropagatePersons(
    const TextView& view, const Coverage& coverage,
    std::vector<RuleMatch>& persons) const {
  const auto& p = view.pieces();
  // Full names (two words or more) and the first/last words that stand for
  // them; a word shared by two different names stands for neither.
  std::map<std::vector<std::string>, std::string> full_names;
  std::map<std::string, std::string> short_names;
  for (const RuleMatch& m : persons) {
    const auto words = NameWords(p, m.begin, m.end);
    if (words.size() < 2) continue;
    full_names.emplace(words, *m.entity);
    for (const std::string& word : {words.front(), words.back()}) {
      if (word.size() < 3) continue;
      auto [it, inserted] = short_names.emplace(word, *m.entity);
      if (!inserted && it->second != *m.entity) it->second.clear();
    }
  }
  std::vector<RuleMatch> out;
  // No name of two words or more: nothing to propagate (most documents).
  if (full_names.empty()) return out;
  for (RuleMatch& m : persons) {
    if (m.end - m.begin != 1) continue;
    auto found = short_names.find(p[m.begin].key);
    if (found != short_names.end() && !found->second.empty()) {
      m.entity = found->second;
    }
  }
  for (size_t i = 0; i < p.size(); ++i) {
    if (!IsNameWord(p[i]) || !coverage.Free(i, i + 1)) continue;
    const size_t end = NameEnd(p, i);
    if (end == i || !coverage.Free(i, end)) continue;
    auto full = full_names.find(NameWords(p, i, end));
    if (full != full_names.end()) {
      out.push_back({i, end, "PER", full->second, std::nullopt});
      i = end - 1;
      continue;
    }
    // A lone first or last word ("Kim", "Lavrov"), not part of a longer
    // capitalised run ("Kim Yo-jong" is someone else).
    if (end != i + 1) continue;
    auto found = short_names.find(p[i].key);
    if (found == short_names.end() || found->second.empty()) continue;
    out.push_back({i, i + 1, "PER", found->second, std::nullopt});
  }
  return out;
}

}  // namespace ieval
