#include "ieval/extractors/rules/names.h"

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

}  // namespace ieval
