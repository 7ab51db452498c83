// PER and ORG rules from general cues, no name lists:
// - PER: a title or function ("M.", "Mme", "président", "le dirigeant
//   nord-coréen", "ministre des Affaires étrangères") followed by
//   capitalised words — the name alone is the span; then, within the
//   document, later mentions of a found full name or of its first or last
//   word ("Kim Jong-un" … "Kim") get the same id.
// - ORG: an organisation head word (Institut, Conseil, Parti, Commission,
//   université…) with a tail of adjectives, capitalised words or one
//   "de/pour …" complement ("Commission militaire centrale", "Parti des
//   Travailleurs", "Institut coréen pour la réunification nationale");
//   and all-caps acronyms outside all-caps headlines ("KCNA", "OTAN").
// Ids are slugs of the name as written ("Kim Jong Un" -> kim_jong_un).
#ifndef IEVAL_EXTRACTORS_RULES_NAMES_H_
#define IEVAL_EXTRACTORS_RULES_NAMES_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/extractors/lexicon/phrase_index.h"
#include "ieval/extractors/lexicon/text_view.h"
#include "ieval/extractors/rules/rule_match.h"

namespace ieval {

class NameCues {
 public:
  static Result<NameCues> Build();

  std::vector<RuleMatch> FindOrganisations(const TextView& view,
                                           const Coverage& coverage) const;
  std::vector<RuleMatch> FindPersons(const TextView& view,
                                     const Coverage& coverage) const;
  std::vector<RuleMatch> FindAcronyms(const TextView& view,
                                      const Coverage& coverage) const;
  // Gives single-word `persons` the id of the full name they abbreviate and
  // returns further mentions of the names in `persons` among free pieces.
  std::vector<RuleMatch> PropagatePersons(
      const TextView& view, const Coverage& coverage,
      std::vector<RuleMatch>& persons) const;

 private:
  // One past the capitalised name starting at piece k (k when none).
  size_t NameEnd(const std::vector<Piece>& p, size_t k) const;

  PhraseIndex titles_;  // payload 1: the title takes a portfolio (ministre)
  std::unordered_set<std::string> org_heads_;
  std::unordered_set<std::string> not_acronyms_;
};

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RULES_NAMES_H_
