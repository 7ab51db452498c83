#include "ieval/extractors/gazetteer/gazetteer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_set>

#include "cldr_names.h"
#include "embedded_data.h"
#include "ieval/extractors/gazetteer/name_lists.h"
#include "ieval/extractors/lexicon/normalize.h"

namespace ieval {
namespace {

constexpr char kStopList[] = "cldr_stoplist.tsv";
constexpr const char* kCldrSources[] = {"cldr-countries", "cldr-regions",
                                        "cldr-cities"};

struct DataFile {
  std::string name;
  std::string content;
};

Result<std::vector<DataFile>> LoadDataFiles(const std::string& data_dir) {
  std::vector<DataFile> files;
  if (data_dir.empty()) {
    for (const EmbeddedFile& f : EmbeddedGazetteerFiles()) {
      files.push_back({std::string(f.name), std::string(f.content)});
    }
    return files;
  }
  std::error_code error;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(data_dir, error)) {
    if (entry.path().extension() == ".tsv") paths.push_back(entry.path());
  }
  if (error) {
    return Status::IoError("gazetteer: cannot read data_dir '" + data_dir +
                           "': " + error.message());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      return Status::IoError("gazetteer: cannot read " + path.string());
    }
    files.push_back({path.filename().string(), content.str()});
  }
  return files;
}

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, ',')) {
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

std::string Fnv1aHex(const std::vector<DataFile>& files) {
  uint64_t hash = 1469598103934665603ULL;
  for (const DataFile& f : files) {
    for (const std::string* s : {&f.name, &f.content}) {
      for (unsigned char c : *s) {
        hash = (hash ^ c) * 1099511628211ULL;
      }
    }
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%08llx",
                static_cast<unsigned long long>(hash >> 32));
  return buffer;
}

std::string JoinExact(const std::vector<Piece>& pieces, size_t begin,
                      size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out.push_back('\x1f');
    out += ApostropheKey(pieces[i].text);
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Create(
    const GazetteerOptions& options) {
  auto files = LoadDataFiles(options.data_dir);
  if (!files.ok()) return files.status();

  // Every source, in priority order: the written lists first (curated),
  // then CLDR by language.
  std::vector<std::string> available(std::begin(kCldrSources),
                                     std::end(kCldrSources));
  std::vector<NameEntry> entries;
  std::unordered_set<std::string> stop_keys;
  for (const DataFile& file : *files) {
    if (file.name == kStopList) {
      for (const auto& name : ParseStopList(file.content)) {
        stop_keys.insert(MatchKey(name));
      }
      continue;
    }
    auto parsed = ParseNameList(options.data_dir.empty()
                                    ? "extractors/gazetteer/data/" + file.name
                                    : options.data_dir + "/" + file.name,
                                file.content);
    if (!parsed.ok()) return parsed.status();
    available.push_back(file.name.substr(0, file.name.size() - 4));
    entries.insert(entries.end(), parsed->begin(), parsed->end());
  }
  std::set<std::string> wanted;
  if (options.lists == "all") {
    wanted.insert(available.begin(), available.end());
  } else {
    for (const std::string& list : SplitCommas(options.lists)) {
      if (std::find(available.begin(), available.end(), list) ==
          available.end()) {
        std::string known;
        for (const auto& a : available)
          known += (known.empty() ? "" : ", ") + a;
        return Status::Usage("gazetteer: unknown list '" + list +
                             "' in option lists (known: all, " + known + ")");
      }
      wanted.insert(list);
    }
  }
  const std::vector<std::string> languages = SplitCommas(options.languages);
  for (const std::string& language : languages) {
    if (language != "fr" && language != "en") {
      return Status::Usage("gazetteer: language '" + language +
                           "' in option languages is not supported (fr, en)");
    }
    for (auto* source : {&CldrCountries, &CldrRegions, &CldrCities}) {
      for (NameEntry& entry : source(language)) {
        if (stop_keys.count(MatchKey(entry.name)) == 0) {
          entries.push_back(std::move(entry));
        }
      }
    }
  }

  auto gazetteer = std::unique_ptr<Gazetteer>(new Gazetteer());
  gazetteer->options_ = options;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const NameEntry& entry : entries) {
    if (wanted.count(entry.source) == 0) continue;
    auto view = TextView::Make(entry.name);
    if (!view.ok()) return view.status();
    const auto& pieces = view->pieces();
    if (pieces.empty()) continue;
    Candidate candidate;
    candidate.type = entry.type;
    candidate.id = entry.id;
    candidate.exact = JoinExact(pieces, 0, pieces.size());
    candidate.any_case_start = !StartsUpper(entry.name);
    candidate.acronym = pieces.size() == 1 && IsAllCaps(entry.name);
    for (const Piece& piece : pieces) {
      candidate.upper.push_back(StartsUpper(piece.text));
    }
    if (!seen.insert({candidate.exact, candidate.type, candidate.id}).second) {
      continue;
    }
    std::vector<std::string> keys;
    for (const Piece& piece : pieces) keys.push_back(piece.key);
    gazetteer->index_.Add(keys,
                          static_cast<int32_t>(gazetteer->candidates_.size()));
    gazetteer->candidates_.push_back(std::move(candidate));
  }
  gazetteer->version_ = "gazetteer/1 " + CldrVersion() + " data-" +
                        Fnv1aHex(*files) +
                        (options.case_sensitive ? " case-sensitive" : "");
  return gazetteer;
}

bool Gazetteer::Accepts(const Candidate& candidate, const TextView& view,
                        size_t begin, size_t end) const {
  const auto& pieces = view.pieces();
  if (options_.case_sensitive) {
    return JoinExact(pieces, begin, end) == candidate.exact;
  }
  if (candidate.acronym) return IsAllCaps(pieces[begin].text);
  if (!candidate.any_case_start && !StartsUpper(pieces[begin].text)) {
    return false;
  }
  bool all_caps = true;
  bool later_capitals_kept = true;
  for (size_t i = begin; i < end; ++i) {
    if (!pieces[i].is_word) continue;
    all_caps = all_caps && !HasLower(pieces[i].text);
    if (i > begin && candidate.upper[i - begin] &&
        !StartsUpper(pieces[i].text)) {
      later_capitals_kept = false;
    }
  }
  return later_capitals_kept || all_caps;
}

std::vector<Mention> Gazetteer::Find(const TextView& view) const {
  std::vector<Mention> mentions;
  const auto& pieces = view.pieces();
  for (size_t i = 0; i < pieces.size();) {
    const Candidate* chosen = nullptr;
    size_t chosen_end = i + 1;
    if (pieces[i].is_word) {
      for (const auto& match : index_.MatchesAt(pieces, i)) {
        for (int32_t payload : *match.payloads) {
          const Candidate& c = candidates_[static_cast<size_t>(payload)];
          if (Accepts(c, view, i, match.end)) {
            chosen = &c;
            break;
          }
        }
        if (chosen != nullptr) {
          chosen_end = match.end;
          break;
        }
      }
    }
    if (chosen == nullptr) {
      ++i;
      continue;
    }
    Mention m;
    m.start = pieces[i].start;
    m.end = pieces[chosen_end - 1].end;
    m.type = chosen->type;
    m.text = std::string(view.Slice(m.start, m.end));
    m.entity = chosen->id;
    mentions.push_back(std::move(m));
    i = chosen_end;
  }
  return mentions;
}

Result<Annotations> Gazetteer::Extract(const Document& doc) const {
  return ExtractFromView("gazetteer", doc,
                         [this](const TextView& view) { return Find(view); });
}

ExtractorInfo GazetteerExtractorInfo() {
  ExtractorInfo info;
  info.name = "gazetteer";
  info.description =
      "Longest-match look-up of place and organisation names: CLDR "
      "countries, regions and time-zone cities (from ICU, French and "
      "English) plus the written lists of extractors/gazetteer/data/; "
      "canonical ids are English-name slugs (Moscou -> moscow).";
  info.options = {
      {"lists", "string", "all",
       "comma-separated sources to use: all, or any of cldr-countries, "
       "cldr-regions, cldr-cities, and the data list names (organisations, "
       "places, capitals, state_bodies, media)"},
      {"case_sensitive", "bool", "false",
       "match names exactly as listed (apostrophe style aside) instead of "
       "ignoring case and diacritics"},
      {"languages", "string", "fr,en",
       "CLDR name languages to match, in priority order (fr, en)"},
      {"data_dir", "path", "",
       "read the *.tsv lists from this folder instead of the copy embedded "
       "at build time"},
  };
  info.capabilities.entity_types = {"LOC", "ORG"};
  info.capabilities.entity_ids = true;
  info.create =
      [](const OptionValues& values) -> Result<std::unique_ptr<Extractor>> {
    GazetteerOptions options;
    options.lists = values.at("lists");
    options.case_sensitive = values.at("case_sensitive") == "true";
    options.languages = values.at("languages");
    options.data_dir = values.at("data_dir");
    auto created = Gazetteer::Create(options);
    if (!created.ok()) return created.status();
    return std::unique_ptr<Extractor>(std::move(created).value());
  };
  return info;
}

}  // namespace ieval
