#include "extractors/rules/names.h"

#include <algorithm>
#include <map>

#include "extractors/lexicon/normalize.h"
#include "extractors/rules/word_classes.h"

namespace ieval {
namespace {

// Titles and functions that precede a person's name. Those marked with *
// may be followed by a portfolio ("ministre des Affaires étrangères").
constexpr const char* kTitles[] = {"M.",
                                   "MM.",
                                   "Mme",
                                   "Mmes",
                                   "Mlle",
                                   "Dr",
                                   "Dr.",
                                   "Pr",
                                   "Mr",
                                   "Mr.",
                                   "Mrs",
                                   "Ms",
                                   "Sir",
                                   "président",
                                   "présidente",
                                   "vice-président",
                                   "vice-présidente",
                                   "chancelier",
                                   "chancelière",
                                   "dirigeant",
                                   "dirigeante",
                                   "leader",
                                   "chef",
                                   "cheffe",
                                   "chef de l'État",
                                   "chef d'État",
                                   "chef de la diplomatie",
                                   "général",
                                   "générale",
                                   "maréchal",
                                   "amiral",
                                   "colonel",
                                   "capitaine",
                                   "lieutenant",
                                   "commandant",
                                   "sergent",
                                   "roi",
                                   "reine",
                                   "prince",
                                   "princesse",
                                   "pape",
                                   "cheikh",
                                   "émir",
                                   "ayatollah",
                                   "imam",
                                   "sénateur",
                                   "sénatrice",
                                   "député",
                                   "députée",
                                   "maire",
                                   "gouverneur",
                                   "juge",
                                   "ambassadeur",
                                   "ambassadrice",
                                   "porte-parole",
                                   "analyste",
                                   "chercheur",
                                   "chercheuse",
                                   "expert",
                                   "experte",
                                   "professeur",
                                   "professeure",
                                   "journaliste",
                                   "correspondant",
                                   "correspondante",
                                   "directeur",
                                   "directrice",
                                   "conseiller",
                                   "conseillère",
                                   "candidat",
                                   "candidate",
                                   "homologue",
                                   "opposant",
                                   "opposante",
                                   "secrétaire général",
                                   "secrétaire générale",
                                   "premier ministre",
                                   "première ministre",
                                   "*ministre",
                                   "*secrétaire d'État",
                                   "President",
                                   "Prime Minister",
                                   "*Minister",
                                   "Chancellor",
                                   "Secretary-General"};

// Head words of organisation names.
constexpr const char* kOrgHeads[] = {
    "institut",     "conseil",       "parti",
    "commission",   "comite",        "agence",
    "ministere",    "assemblee",     "cour",
    "tribunal",     "banque",        "fondation",
    "organisation", "union",         "front",
    "mouvement",    "universite",    "academie",
    "armee",        "forces",        "garde",
    "service",      "services",      "bureau",
    "office",       "centre",        "ligue",
    "association",  "societe",       "compagnie",
    "groupe",       "corps",         "direction",
    "departement",  "senat",         "congres",
    "chambre",      "parlement",     "marine",
    "ecole",        "observatoire",  "fonds",
    "programme",    "commissariat",  "secretariat",
    "syndicat",     "confederation", "coalition",
    "brigade",      "division",      "regiment",
    "flotte",       "police",        "gendarmerie",
    "presidence",   "gouvernement",  "administration",
    "autorite",     "conference",    "alliance",
    "cabinet",      "tribunal",      "haut-commissariat"};

// All-caps words that are not organisations: countries, units, currencies,
// common abbreviations, function words in capitals.
constexpr const char* kNotAcronyms[] = {
    "us",   "usa", "uk",   "urss", "rdc",  "rpdc",  "rpc",  "rca",  "eau",
    "rfa",  "rda", "tv",   "ok",   "pdf",  "url",   "html", "http", "https",
    "sms",  "gps", "pib",  "pnb",  "tva",  "sida",  "adn",  "arn",  "covid",
    "sras", "ogm", "ong",  "pme",  "pdg",  "ceo",   "vip",  "am",   "pm",
    "gmt",  "utc", "cet",  "cest", "ht",   "ttc",   "ko",   "qg",   "faq",
    "nb",   "sa",  "sarl", "sas",  "cv",   "bd",    "dj",   "tgv",  "rer",
    "suv",  "ia",  "ai",   "it",   "lgbt", "lgbtq", "id",   "usd",  "eur",
    "rub",  "cny", "gbp",  "jpy",  "chf",  "krw",   "kpw",  "km",   "kg",
    "mw",   "gw",  "kw",   "le",   "la",   "les",   "de",   "du",   "des",
    "et",   "en",  "un",   "une",  "au",   "aux",   "il",   "on",   "ne",
    "se",   "ce",  "etc",  "the",  "and",  "of",    "in",   "ps",   "fr",
    "en",   "ii",  "iii",  "iv",   "vi",   "vii",   "viii", "ix",   "xi",
    "xii",  "xx",  "xxi",  "xix",  "xviii"};

constexpr const char* kNameParticles[] = {"van",   "von", "bin", "ben", "ibn",
                                          "al",    "el",  "da",  "di",  "del",
                                          "della", "dos", "das", "abu", "abou"};

bool IsParticle(const std::string& key) {
  for (const char* p : kNameParticles) {
    if (key == p) return true;
  }
  return false;
}

bool IsLowerWord(const Piece& piece) {
  return piece.is_word && !piece.is_number && IsAllLower(piece.text) &&
         !IsFunctionWord(piece.key);
}

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

Result<NameCues> NameCues::Build() {
  NameCues cues;
  for (const char* title : kTitles) {
    const bool portfolio = title[0] == '*';
    auto view = TextView::Make(portfolio ? title + 1 : title);
    if (!view.ok()) return view.status();
    std::vector<std::string> keys;
    for (const Piece& piece : view->pieces()) keys.push_back(piece.key);
    cues.titles_.Add(keys, portfolio ? 1 : 0);
  }
  for (const char* head : kOrgHeads) cues.org_heads_.insert(head);
  for (const char* word : kNotAcronyms) cues.not_acronyms_.insert(word);
  return cues;
}

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
  for (RuleMatch& m : persons) {
    if (m.end - m.begin != 1) continue;
    auto found = short_names.find(p[m.begin].key);
    if (found != short_names.end() && !found->second.empty()) {
      m.entity = found->second;
    }
  }
  std::vector<RuleMatch> out;
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
