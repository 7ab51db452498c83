#include "ieval/extractors/relations/patterns.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace ieval {
namespace {

// Word classes, as regular-expression alternatives.
const std::string kLeader =
    "(?:dirigeante?|présidente?|cheffe|chef|leader|premier ministre|"
    "première ministre|secrétaire générale?|directeur|directrice|roi|reine|"
    "chancelière?|gouverneure?|maire|commandant en chef|guide suprême|"
    "patronne?|pdg|fondateur|fondatrice|numéro un|dictateur|monarque|émir|"
    "premier secrétaire)";
const std::string kRole =
    "(?:analyste|chercheuse|chercheur|experte?|spécialiste|professeure?|"
    "porte-parole|membre|ambassadrice|ambassadeur|diplomate|conseillère|"
    "conseiller|journaliste|correspondante?|représentante?|responsable|"
    "haut responsable|haut fonctionnaire|fonctionnaire|officier|général|"
    "colonel|commandant|employée?|économiste|politologue|historienne?|"
    "négociatrice|négociateur|envoyée?|déléguée?|députée?|sénatrice|"
    "sénateur|militante?|ministre|vice-présidente?|secrétaire|directeur "
    "adjoint|directrice adjointe|enseignante?|consultante?|avocate?|"
    "chroniqueuse|chroniqueur|rédactrice|rédacteur|éditorialiste|reporter)";
const std::string kTroops =
    "(?:troupes?|soldats?|militaires|forces(?: armées)?|combattants|"
    "contingents?|armée|hommes|unités|bataillons?|brigades?|mercenaires|"
    "conscrits|déploiement|envoi|présence militaire)";
const std::string kAlly =
    "(?:traités?|accords?|alliances?|pactes?|partenariats?|axes?|"
    "coalitions?|ententes?)";
// Up to two describing words ("suprême", "nord-coréen"), no preposition.
const std::string kWords2 =
    "(?: (?!(?:de|du|des|la|le|les|et|à|au|aux|en|dans|sur|pour|avec|qui|"
    "que|entre)\\b)[\\p{L}-]+){0,2}";
const std::string kArticle = "(?:(?:le|la|les|un|une) |l')?";
// "de la ", "de l'", "du ", "des ", "de ", "d'" ending right before B.
const std::string kOf = "(?: de la | de l'| du | des | de | d')$";
// What may stand between a preposition and B: an article or nothing.
const std::string kEndArticle = "(?: la | le | les | l'| )$";
const std::string kWith =
    "(?: à la | à l'| au | aux | à | chez | auprès de la | auprès de l'| "
    "auprès du | auprès des | auprès de | pour la | pour l'| pour le | pour | "
    "de la | de l'| du | des | de | d')$";
const std::string kPlaceIn =
    "(?:en|au|aux|à|dans|vers|sur le sol de|sur le territoire de|"
    "sur le front de)";
const std::string kSide =
    "(?:nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|sud-ouest|"
    "extrême-orient|frontière)";

struct Pattern {
  const char* relation;
  const char* a_types;  // '|'-separated
  const char* b_types;
  bool a_is_head;
  std::string left;  // empty: any
  std::string gap;
  std::string right;
};

// In priority order: the first that matches a pair decides it.
std::vector<Pattern> Patterns() {
  return {
      // "Kim Jong Un, dirigeant suprême de la Corée du Nord"
      {"leader_of", "PER", "LOC|ORG", true, "",
       "^ ?, " + kArticle +
           "(?:(?:actuel|actuelle|ancien|ancienne|nouveau|nouvelle) )?" +
           kLeader + kWords2 + kOf,
       ""},
      {"leader_of", "PER", "LOC|ORG", true, "",
       "^ ?, (?:qui (?:dirige|gouverne|préside|commande)|(?:qui est )?à la "
       "tête (?:de la|de l'|du|des|de|d'))" +
           kEndArticle,
       ""},
      // "le dirigeant suprême de la Corée du Nord, Kim Jong Un"
      {"leader_of", "LOC|ORG", "PER", false, "\\b" + kLeader + kWords2 + kOf,
       "^ ?,? ?$", ""},
      // "Hong Min, analyste à l'Institut …"; "Hong Min de l'Institut …"
      {"affiliated_with", "PER", "ORG", true, "",
       "^ ?, " + kArticle + kRole + kWords2 + kWith, ""},
      {"affiliated_with", "PER", "ORG", true, "", "^ (?:de la |de l'|du |d')$",
       ""},
      // "le porte-parole du Kremlin, Dmitri Peskov"
      {"affiliated_with", "ORG", "PER", false, "\\b" + kRole + kWords2 + kWith,
       "^ ?,? ?$", ""},
      // "La Commission … du parti au pouvoir, le Parti des Travailleurs"
      {"part_of", "ORG", "ORG", true, "",
       "^ (?:de la|de l'|du|des|de|d') ?(?:[\\p{L}'-]+ ?){1,5}, " +
           kArticle.substr(0, kArticle.size() - 1) + "$",
       ""},
      {"part_of", "ORG", "ORG", true, "", "^" + kOf, ""},
      {"part_of", "ORG", "ORG", true, "",
       "^ ?, " + kArticle +
           "(?:branche|filiale|organe|agence|division|unité|composante|aile|"
           "bras armé|service|département|commission|comité|section|"
           "antenne)" +
           kWords2 + kOf,
       ""},
      // "des troupes de Corée du Nord (déployées) en Russie"
      {"deployed_to", "LOC", "LOC", true, "\\b" + kTroops + kWords2 + kOf,
       "^(?: [\\p{L}-]+){0,3}? " + kPlaceIn + kEndArticle, ""},
      // "Pyongyang a envoyé 11 000 soldats en Russie"
      {"deployed_to", "LOC", "LOC", true, "",
       "^ (?:(?:a|ont|aurait|auraient|avait|avaient|va|vont|doit|devrait|"
       "pourrait|prévoit d'|s'apprête à|continue d'|continue à) )?(?:déjà |"
       "aussi |également |officiellement |secrètement )?(?:envoyé|envoie|"
       "envoyer|déployé|déploie|déployer|dépêché|dépêche|dépêcher|expédié|"
       "transféré)[^.;:!?]{0,60}?\\b" +
           kTroops + "\\b[^.;:!?]{0,40}? " + kPlaceIn + kEndArticle,
       ""},
      // "Koursk, en Russie"; "Paris (France)"; "Koursk, dans l'ouest de la
      // Russie"; "Moscou, capitale de la Russie"
      {"part_of", "LOC", "LOC", true, "",
       "^ ?, (?:en|au|aux|dans)" + kEndArticle, ""},
      {"part_of", "LOC", "LOC", true, "", "^ ?\\( ?$", ""},
      {"part_of", "LOC", "LOC", true, "",
       "^ ?, (?:(?:dans|à) )?(?:le |la |l')?" + kSide + kOf, ""},
      {"part_of", "LOC", "LOC", true, "",
       "^ ?, " + kArticle +
           "(?:ville|région|province|capitale|oblast|district|territoire|"
           "république|port|localité|village)" +
           kWords2 + kOf,
       ""},
      {"part_of", "LOC", "LOC", true, "", "^ (?:en|au|aux)" + kEndArticle, ""},
      // "un traité entre la Russie et la Corée du Nord"
      {"allied_with", "LOC|PER|ORG", "LOC|PER|ORG", true,
       "\\b" + kAlly + kWords2 + "(?: [\\p{L}-]+){0,2}? entre" + kEndArticle,
       "^ et" + kEndArticle, ""},
      // "l'axe Moscou-Pyongyang", "le partenariat Chine-Russie"
      {"allied_with", "LOC|PER|ORG", "LOC|PER|ORG", true,
       "\\b" + kAlly + kWords2 + "(?: entre)?" + kEndArticle, "^ ?[-–] ?$", ""},
      // "l'alliance de la Russie et de la Corée du Nord"
      {"allied_with", "LOC|PER|ORG", "LOC|PER|ORG", true,
       "\\b" + kAlly + kWords2 + kOf, "^ et" + kOf, ""},
      // "Kim Jong Un … une alliance avec Moscou"
      {"allied_with", "LOC|PER|ORG", "LOC|PER|ORG", true, "",
       "\\b" + kAlly + "\\b[^.;:!?]{0,60}? avec" + kEndArticle, ""},
      {"allied_with", "LOC|PER|ORG", "LOC|PER|ORG", true, "",
       "\\b(?:s'allie|s'allier|s'est allié|s'est alliée|se sont alliée?s|"
       "alliée?s?|s'associe) (?:avec|à|de)" +
           kEndArticle,
       ""},
      // "Kim Jong Un et Vladimir Poutine ont signé un traité"
      {"allied_with", "LOC|PER|ORG", "LOC|PER|ORG", true, "",
       "^ et" + kEndArticle,
       "^[^.;:!?]{0,60}?\\b(?:signé|signent|signeront|signer|conclu|"
       "concluent|ratifié|ratifient|scellé|scellent|paraphé)\\b[^.;:!?]{0,30}?"
       "\\b" +
           kAlly},
  };
}

struct Compiled {
  Pattern spec;
  std::unique_ptr<icu::RegexPattern> left, gap, right;
};

struct Library {
  std::vector<Compiled> patterns;
  std::vector<std::string> errors;
};

std::unique_ptr<icu::RegexPattern> Compile(const std::string& source,
                                           std::vector<std::string>& errors) {
  if (source.empty()) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(source), 0, parse_error, status));
  if (U_FAILURE(status)) {
    errors.push_back(std::string(u_errorName(status)) + " at offset " +
                     std::to_string(parse_error.offset) + " in " + source);
    return nullptr;
  }
  return pattern;
}

// Compiled once; RegexPattern is immutable, so threads share it and each
// match makes its own RegexMatcher.
const Library& Patterns_() {
  static const Library* library = [] {
    auto* lib = new Library();
    for (Pattern& spec : Patterns()) {
      Compiled c;
      c.left = Compile(spec.left, lib->errors);
      c.gap = Compile(spec.gap, lib->errors);
      c.right = Compile(spec.right, lib->errors);
      c.spec = std::move(spec);
      lib->patterns.push_back(std::move(c));
    }
    return lib;
  }();
  return *library;
}

bool Finds(const icu::RegexPattern* pattern, const std::string& text) {
  if (pattern == nullptr) return true;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(u, status));
  return U_SUCCESS(status) && matcher->find(status) && U_SUCCESS(status);
}

bool TypeIn(const std::string& type, std::string_view types) {
  size_t from = 0;
  while (from <= types.size()) {
    const size_t bar = types.find('|', from);
    const auto item = types.substr(from, bar == std::string_view::npos
                                             ? std::string_view::npos
                                             : bar - from);
    if (item == type) return true;
    if (bar == std::string_view::npos) break;
    from = bar + 1;
  }
  return false;
}

}  // namespace

std::optional<PatternMatch> MatchPatterns(const PairContext& context) {
  for (const Compiled& c : Patterns_().patterns) {
    if (!TypeIn(context.a_type, c.spec.a_types) ||
        !TypeIn(context.b_type, c.spec.b_types)) {
      continue;
    }
    if (c.gap == nullptr && !c.spec.gap.empty()) continue;  // did not compile
    if (Finds(c.gap.get(), context.gap) && Finds(c.left.get(), context.left) &&
        Finds(c.right.get(), context.right)) {
      return PatternMatch{c.spec.relation, c.spec.a_is_head};
    }
  }
  return std::nullopt;
}

std::vector<std::string> PatternErrors() { return Patterns_().errors; }

std::string NormalizeContext(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.foldCase();
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.isEmpty()) out.append(static_cast<UChar>(' '));
    if (space && out.isEmpty()) out.append(static_cast<UChar>(' '));
    space = false;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) c = '\'';
    if (c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D) c = '"';
    out.append(c);
  }
  if (space) out.append(static_cast<UChar>(' '));
  std::string result;
  out.toUTF8String(result);
  return result;
}

}  // namespace ieval
