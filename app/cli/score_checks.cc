#include "score_checks.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <utility>

#include "ieval/io/json_reader.h"

namespace ieval {
namespace {

std::string Upper(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The gold type a predicted type most likely means: the usual names of
// other label sets (OntoNotes, spaCy, long forms), else a known type that
// is a prefix of it or the same up to case; empty when none is.
std::string LikelyTarget(const std::string& type,
                         const std::vector<std::string>& known) {
  static const std::pair<const char*, const char*> kAliases[] = {
      {"PERSON", "PER"},
      {"PERS", "PER"},
      {"GPE", "LOC"},
      {"LOCATION", "LOC"},
      {"FAC", "LOC"},
      {"ORGANIZATION", "ORG"},
      {"ORGANISATION", "ORG"},
      {"NORP", "MISC"},
      {"MISCELLANEOUS", "MISC"},
      {"TIME", "DATE"},
      {"CARDINAL", "QUANTITY"},
      {"QUANTITY", "CARDINAL"},
  };
  const std::string upper = Upper(type);
  auto known_as = [&](const std::string& name) -> std::string {
    for (const std::string& k : known)
      if (Upper(k) == name) return k;
    return "";
  };
  for (const auto& [from, to] : kAliases)
    if (upper == from)
      if (std::string k = known_as(to); !k.empty()) return k;
  if (std::string k = known_as(upper); !k.empty()) return k;
  for (const std::string& k : known)
    if (k.size() >= 3 && upper.rfind(Upper(k), 0) == 0) return k;
  return "";
}

}  // namespace

Result<std::map<std::string, std::string>> ParseTypeMap(
    const std::string& spec) {
  std::map<std::string, std::string> map;
  if (spec.empty()) return map;
  std::error_code ec;
  if (std::filesystem::is_regular_file(spec, ec)) {
    auto doc = JsonDocument::Read(spec);
    if (!doc.ok()) return doc.status();
    const JsonValue root = doc->root();
    if (!root.is_object())
      return root.Expected(
          "a JSON object of strings {\"predicted type\": \"gold type\"} "
          "(--map)");
    for (const auto& [from, to] : root.Members()) {
      auto gold = to.NonEmptyString();
      if (!gold.ok()) return gold.status();
      map[from] = std::move(*gold);
    }
    return map;
  }
  size_t begin = 0;
  while (begin <= spec.size()) {
    const size_t comma = std::min(spec.find(',', begin), spec.size());
    const std::string item = spec.substr(begin, comma - begin);
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      return Status::Usage(
          "--map: expected pred=gold[,pred=gold…] or an "
          "existing JSON file, got \"" +
          item + "\"");
    map[item.substr(0, eq)] = item.substr(eq + 1);
    begin = comma + 1;
  }
  return map;
}

std::string TypeSummary(const std::map<std::string, int64_t>& outside,
                        const std::vector<std::string>& known) {
  std::vector<std::pair<std::string, int64_t>> by_count(outside.begin(),
                                                        outside.end());
  std::stable_sort(
      by_count.begin(), by_count.end(),
      [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string list, map;
  for (const auto& [type, n] : by_count) {
    list += (list.empty() ? "" : ", ") + type + " x" + std::to_string(n);
    if (std::string target = LikelyTarget(type, known); !target.empty())
      map += (map.empty() ? "" : ",") + type + "=" + target;
  }
  return map.empty() ? list : list + ": try --map " + map;
}

ScoreVerdict CheckScores(const CorpusScores& corpus, const LabelSet* labels,
                         const std::string& gold_name,
                         const std::string& pred_name) {
  ScoreVerdict verdict;
  const EntityScores& e = corpus.total().entities;
  if (e.gold_mentions == 0) {
    verdict.error = "the gold " + gold_name +
                    " has no mention: every score would be 0 (is it the "
                    "gold? its mentions belong under \"entities\")";
    return verdict;
  }
  if (e.predicted_mentions == 0) {
    verdict.warnings.push_back(
        "the predictions " + pred_name +
        " have no mention at all: every score below is 0 (are they the "
        "right file, with their mentions under \"entities\"?)");
    return verdict;
  }
  // Strict counts: a predicted mention is a tp or a fp of its own type,
  // a gold mention a tp or a fn of its own.
  std::vector<std::string> gold_types;
  std::map<std::string, int64_t> predicted;
  for (const auto& [type, c] : e.mode(SpanMode::kStrict).per_type) {
    if (c.tp + c.fn > 0) gold_types.push_back(type);
    if (c.tp + c.fp > 0) predicted[type] = static_cast<int64_t>(c.tp + c.fp);
  }
  const std::vector<std::string>& known =
      labels != nullptr && !labels->entity_types.empty() ? labels->entity_types
                                                         : gold_types;
  std::map<std::string, int64_t> outside;
  for (const auto& [type, n] : predicted)
    if (std::find(known.begin(), known.end(), type) == known.end())
      outside[type] = n;
  bool any_gold_type = false;
  for (const auto& [type, n] : predicted)
    any_gold_type = any_gold_type ||
                    std::find(gold_types.begin(), gold_types.end(), type) !=
                        gold_types.end();
  if (!any_gold_type) {
    std::string gold_list;
    for (const std::string& t : gold_types)
      gold_list += (gold_list.empty() ? "" : ", ") + t;
    std::map<std::string, int64_t> all = predicted;
    verdict.error = "no predicted type is a type of the gold (" + gold_list +
                    "), so every score would be 0; predicted: " +
                    TypeSummary(all, gold_types);
    return verdict;
  }
  if (!outside.empty()) {
    verdict.warnings.push_back(
        std::string("predicted types outside the ") +
        (labels != nullptr ? "label set" : "gold's types") +
        " (scored as false positives): " + TypeSummary(outside, known));
  }
  return verdict;
}

std::vector<std::string> CheckVariantScores(const std::string& variant,
                                            const CorpusScores& scores,
                                            const LabelSet* labels,
                                            const std::string& gold_name) {
  const ScoreVerdict verdict =
      CheckScores(scores, labels, gold_name, "of variant " + variant);
  std::vector<std::string> lines;
  if (!verdict.error.empty())
    lines.push_back("variant " + variant + ": " + verdict.error);
  for (const std::string& w : verdict.warnings)
    lines.push_back("variant " + variant + ": " + w);
  return lines;
}

}  // namespace ieval
