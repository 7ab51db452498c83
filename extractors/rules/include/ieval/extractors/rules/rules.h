// The `rules` back end: DATE and QUANTITY with normalised values (dates.h,
// numbers.h) and PER/ORG from general cues (names.h), over the ICU word
// pieces of lexicon/text_view.h. No name lists, no model: every rule is a
// general pattern of French news text.
//
// Finders run in a fixed order and an earlier one keeps its pieces, so the
// output is flat: dates, quantities (never inside a date), organisations,
// titled persons, acronyms, then further mentions of the persons found.
#ifndef IEVAL_EXTRACTORS_RULES_RULES_H_
#define IEVAL_EXTRACTORS_RULES_RULES_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "ieval/extractors/extractor.h"
#include "ieval/extractors/lexicon/text_view.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/rules/dates.h"
#include "ieval/extractors/rules/names.h"
#include "ieval/extractors/rules/numbers.h"

namespace ieval {

struct RulesOptions {
  // Types to emit, a subset of DATE, QUANTITY, PER, ORG.
  std::set<std::string> types = {"DATE", "QUANTITY", "PER", "ORG"};
  // Tag later mentions of titled persons ("Kim" after "M. Kim Jong-un").
  bool propagate_names = true;
};

class RulesExtractor : public Extractor {
 public:
  static Result<std::unique_ptr<RulesExtractor>> Create(
      const RulesOptions& options);

  std::string Name() const override { return "rules"; }
  std::string Version() const override;
  Result<Annotations> Extract(const Document& doc) const override;

  // The mentions in `view` (ids unset), in text order, not overlapping.
  std::vector<Mention> Find(const TextView& view) const;

 private:
  RulesExtractor(RulesOptions options, NameCues cues)
      : options_(std::move(options)),
        dates_(DateLexicon::FromIcu()),
        numbers_(NumberLexicon::FromIcu()),
        cues_(std::move(cues)) {}
  bool Wants(const char* type) const { return options_.types.count(type) > 0; }

  RulesOptions options_;
  DateLexicon dates_;
  NumberLexicon numbers_;
  NameCues cues_;
};

// Parses the `types` option ("DATE,QUANTITY"); kUsage on an unknown type.
Result<std::set<std::string>> ParseRuleTypes(const std::string& types);

ExtractorInfo RulesExtractorInfo();

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RULES_RULES_H_
