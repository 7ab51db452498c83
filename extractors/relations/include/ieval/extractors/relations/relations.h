// The `relations` back end: relations between the mentions of one sentence
// from general French patterns (patterns.h): appositions ("X, dirigeant de
// Y", "X, analyste à Y"), treaties and alliances between two parties,
// troops of one country in another, places within places, bodies within
// organisations — the relation types of gold/labels.json.
//
// FindRelations is pure and works over any mentions (an ensemble passes the
// union of several back ends). The extractor itself gets its mentions from
// built-in back ends it creates (option `upstream`, default the gazetteer
// and the rules), merges them flat, and returns them with the relations;
// inside an ensemble it relates the ensemble's mentions instead
// (ExtractWithUpstream, Capabilities::uses_upstream).
#ifndef IEVAL_EXTRACTORS_RELATIONS_RELATIONS_H_
#define IEVAL_EXTRACTORS_RELATIONS_RELATIONS_H_

#include <memory>
#include <string>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/extractors/extractor.h"
#include "ieval/extractors/registry.h"
#include "ieval/text/segmenter.h"

namespace ieval {

// Relations stated between LOC/PER/ORG mentions of `mentions` that lie in
// the same sentence; only neighbouring mentions (the closest pair) are
// related. Overlapping mentions are allowed: the longest of each overlap
// group takes part (earliest first on ties). Relations name mention ids,
// which must therefore be set and unique.
std::vector<Relation> FindRelations(const Document& doc,
                                    const Annotations& mentions,
                                    const std::vector<Sentence>& sentences);

// Mentions of several back ends merged flat: longer spans win, and on equal
// length the earlier list wins. Ids are reassigned T1, T2… in text order.
std::vector<Mention> MergeFlat(const std::vector<std::vector<Mention>>& lists);

class RelationsExtractor : public Extractor {
 public:
  // `upstream`: built-in back ends to take mentions from, in priority
  // order: any of "gazetteer", "rules" (created with default options).
  static Result<std::unique_ptr<RelationsExtractor>> Create(
      const std::vector<std::string>& upstream);

  std::string Name() const override { return "relations"; }
  std::string Version() const override;
  Result<Annotations> Extract(const Document& doc) const override;
  // In an ensemble: relations over the mentions the other members found
  // (`upstream`, unique ids); adds no mention (extractor.h's contract).
  Result<Annotations> ExtractWithUpstream(
      const Document& doc, const Annotations& upstream) const override;

 private:
  std::vector<std::unique_ptr<Extractor>> upstream_;
};

ExtractorInfo RelationsExtractorInfo();

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RELATIONS_RELATIONS_H_
