#include "ieval/extractors/rules/rules.h"

#include <unicode/uversion.h>

#include <algorithm>
#include <sstream>

namespace ieval {

Result<std::set<std::string>> ParseRuleTypes(const std::string& types) {
  std::set<std::string> out;
  std::stringstream in(types);
  std::string type;
  while (std::getline(in, type, ',')) {
    type.erase(0, type.find_first_not_of(' '));
    type.erase(type.find_last_not_of(' ') + 1);
    if (type.empty()) continue;
    if (type != "DATE" && type != "QUANTITY" && type != "PER" &&
        type != "ORG") {
      return Status::Usage("rules: unknown type '" + type +
                           "' in option types (known: DATE, QUANTITY, PER, "
                           "ORG)");
    }
    out.insert(type);
  }
  if (out.empty()) {
    return Status::Usage(
        "rules: option types names no type (use DATE, QUANTITY, PER, ORG)");
  }
  return out;
}

Result<std::unique_ptr<RulesExtractor>> RulesExtractor::Create(
    const RulesOptions& options) {
  auto cues = NameCues::Build();
  if (!cues.ok()) return cues.status();
  return std::unique_ptr<RulesExtractor>(
      new RulesExtractor(options, std::move(cues).value()));
}

std::string RulesExtractor::Version() const {
  std::string types;
  for (const auto& t : options_.types) types += (types.empty() ? "" : ",") + t;
  return std::string("rules/1 icu-") + U_ICU_VERSION + " types-" + types +
         (options_.propagate_names ? "" : " no-propagation");
}

std::vector<Mention> RulesExtractor::Find(const TextView& view) const {
  const auto& p = view.pieces();
  Coverage coverage(p.size());
  std::vector<RuleMatch> kept;
  auto keep = [&](std::vector<RuleMatch> matches, bool emit) {
    for (RuleMatch& m : matches) {
      if (!coverage.Free(m.begin, m.end)) continue;
      coverage.Take(m.begin, m.end);
      if (emit) kept.push_back(std::move(m));
    }
  };
  // Dates always claim their pieces, so their numbers are never quantities.
  keep(FindDates(view, dates_), Wants("DATE"));
  if (Wants("QUANTITY")) keep(FindQuantities(view, numbers_, coverage), true);
  if (Wants("ORG")) keep(cues_.FindOrganisations(view, coverage), true);
  std::vector<RuleMatch> persons;
  if (Wants("PER")) {
    persons = cues_.FindPersons(view, coverage);
    for (const RuleMatch& m : persons) coverage.Take(m.begin, m.end);
  }
  if (Wants("ORG")) keep(cues_.FindAcronyms(view, coverage), true);
  if (Wants("PER")) {
    std::vector<RuleMatch> more;
    if (options_.propagate_names) {
      more = cues_.PropagatePersons(view, coverage, persons);
    }
    kept.insert(kept.end(), persons.begin(), persons.end());
    keep(std::move(more), true);
  }
  std::sort(
      kept.begin(), kept.end(),
      [](const RuleMatch& a, const RuleMatch& b) { return a.begin < b.begin; });
  std::vector<Mention> mentions;
  mentions.reserve(kept.size());
  for (const RuleMatch& m : kept) {
    Mention mention;
    mention.start = p[m.begin].start;
    mention.end = p[m.end - 1].end;
    mention.type = m.type;
    mention.text = std::string(view.Slice(mention.start, mention.end));
    mention.entity = m.entity;
    mention.value = m.value;
    mentions.push_back(std::move(mention));
  }
  return mentions;
}

Result<Annotations> RulesExtractor::Extract(const Document& doc) const {
  return ExtractFromView("rules", doc,
                         [this](const TextView& view) { return Find(view); });
}

ExtractorInfo RulesExtractorInfo() {
  ExtractorInfo info;
  info.name = "rules";
  info.description =
      "Hand-written French rules: DATE (TIMEX3-like values, month and "
      "weekday names from ICU) and QUANTITY (plain decimal values, spelled-"
      "out numbers read by ICU's RuleBasedNumberFormat), PER after titles "
      "(M., président, ministre de …), ORG from head words (Institut, "
      "Conseil, Parti…) and acronyms.";
  info.options = {
      {"types", "string", "DATE,QUANTITY,PER,ORG",
       "comma-separated entity types to emit (DATE, QUANTITY, PER, ORG)"},
      {"propagate_names", "bool", "true",
       "also tag later mentions of a titled person's full name or of its "
       "first or last word, with the same id"},
  };
  info.capabilities.entity_types = {"DATE", "QUANTITY", "PER", "ORG"};
  info.capabilities.entity_ids = true;
  info.capabilities.values = true;
  info.create =
      [](const OptionValues& values) -> Result<std::unique_ptr<Extractor>> {
    auto types = ParseRuleTypes(values.at("types"));
    if (!types.ok()) return types.status();
    RulesOptions options;
    options.types = *types;
    options.propagate_names = values.at("propagate_names") == "true";
    auto created = RulesExtractor::Create(options);
    if (!created.ok()) return created.status();
    return std::unique_ptr<Extractor>(std::move(created).value());
  };
  return info;
}

}  // namespace ieval
