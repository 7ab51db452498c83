// The `gazetteer` back end: finds names of places and organisations from
// lists — CLDR place names from ICU (cldr_names.h) and the written lists of
// data/ (name_lists.h) — by longest match over ICU word pieces, and gives
// each mention its list's canonical entity id.
//
// Matching ignores case, diacritics and apostrophe style (’ vs '), but a
// match must start with a capital letter unless the listed name does not
// ("mer Noire"), its other capitalised words must be capitalised too
// (unless the text is in capitals: "CORÉE DU NORD"), and an acronym in a list
// ("ONU") matches only in capitals, so "russe", "nord-coréen" or the word
// "nice" never fire. French elided articles are split off first: "l’OTAN" gives
// "OTAN".
#ifndef IEVAL_EXTRACTORS_GAZETTEER_GAZETTEER_H_
#define IEVAL_EXTRACTORS_GAZETTEER_GAZETTEER_H_

#include <memory>
#include <string>
#include <vector>

#include "ieval/extractors/extractor.h"
#include "ieval/extractors/lexicon/phrase_index.h"
#include "ieval/extractors/lexicon/text_view.h"
#include "ieval/extractors/registry.h"

namespace ieval {

struct GazetteerOptions {
  // "all", or a comma-separated subset of the sources: cldr-countries,
  // cldr-regions, cldr-cities and the data list names (file stems).
  std::string lists = "all";
  // Match names exactly as listed (apostrophe style aside).
  bool case_sensitive = false;
  // CLDR languages whose names are matched, in priority order.
  std::string languages = "fr,en";
  // A folder of *.tsv lists read instead of the embedded data/.
  std::string data_dir;
};

class Gazetteer : public Extractor {
 public:
  // Fails (kUsage) on an unknown list or language, (kInvalidInput/kIoError)
  // on a bad or unreadable data_dir file.
  static Result<std::unique_ptr<Gazetteer>> Create(
      const GazetteerOptions& options);

  std::string Name() const override { return "gazetteer"; }
  std::string Version() const override { return version_; }
  Result<Annotations> Extract(const Document& doc) const override;

  // The mentions in `view` (ids unset), in text order, not overlapping.
  std::vector<Mention> Find(const TextView& view) const;

  // Distinct listed names (for tests and `ieval list`).
  size_t phrase_count() const { return index_.phrase_count(); }

 private:
  struct Candidate {
    std::string type;
    std::string id;
    std::string exact;            // ApostropheKey of each piece, '\x1f'-joined
    bool any_case_start = false;  // listed with a lower-case initial
    bool acronym = false;         // listed in capitals: match only so
    // Pieces after the first listed with a capital: the text must have one
    // there too ("Le Monde" is not "Le monde"), unless all in capitals.
    std::vector<bool> upper;
  };
  bool Accepts(const Candidate& candidate, const TextView& view, size_t begin,
               size_t end) const;

  GazetteerOptions options_;
  std::string version_;
  PhraseIndex index_;
  std::vector<Candidate> candidates_;
};

// Name, description, options and factory for the registry.
ExtractorInfo GazetteerExtractorInfo();

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_GAZETTEER_GAZETTEER_H_
