#include "ieval/run/run_config.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "ieval/io/atomic_file.h"
#include "ieval/results/metrics.h"

namespace ieval {
namespace {

using nlohmann::json;

// Thrown inside LoadRunConfig only, turned into a Status at its edge.
struct ConfigError {
  std::string key;
  std::string message;
};

void OnlyKeys(const json& object, const std::string& where,
              const std::set<std::string>& allowed) {
  if (!object.is_object()) throw ConfigError{where, "expected an object"};
  for (const auto& [key, value] : object.items()) {
    if (!allowed.count(key)) {
      std::string list;
      for (const std::string& k : allowed)
        list += (list.empty() ? "" : ", ") + k;
      throw ConfigError{where.empty() ? key : where + "." + key,
                        "unknown key (accepted: " + list + ")"};
    }
  }
}

template <typename T>
T Get(const json& object, const std::string& key, const std::string& where,
      T fallback) {
  auto it = object.find(key);
  if (it == object.end()) return fallback;
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    throw ConfigError{where.empty() ? key : where + "." + key,
                      "wrong type (" + std::string(it->type_name()) + ")"};
  }
}

std::string Resolve(const std::filesystem::path& base, const std::string& p) {
  if (p.empty() || std::filesystem::path(p).is_absolute()) return p;
  return (base / p).lexically_normal().string();
}

RunConfig Parse(const json& root, const std::filesystem::path& base) {
  OnlyKeys(root, "",
           {"gold", "labels", "variants_file", "variants", "jobs", "scoring",
            "statistics", "report", "description"});
  RunConfig c;
  c.gold = Resolve(base, Get<std::string>(root, "gold", "", c.gold));
  c.labels = Resolve(base, Get<std::string>(root, "labels", "", ""));
  c.variants_file =
      Resolve(base, Get<std::string>(root, "variants_file", "", ""));
  c.variants = Get<std::vector<std::string>>(root, "variants", "", c.variants);
  c.jobs = Get<int>(root, "jobs", "", c.jobs);
  if (c.jobs < 1) throw ConfigError{"jobs", "must be at least 1"};

  const json scoring = root.value("scoring", json::object());
  OnlyKeys(scoring, "scoring", {"min_overlap", "types", "map", "max_examples"});
  ScoreOptions& s = c.scoring;
  s.min_overlap = Get<double>(scoring, "min_overlap", "scoring", 0.0);
  if (!(s.min_overlap >= 0 && s.min_overlap <= 1))
    throw ConfigError{"scoring.min_overlap", "must be between 0 and 1"};
  s.types = Get<std::vector<std::string>>(scoring, "types", "scoring", {});
  s.type_map =
      Get<std::map<std::string, std::string>>(scoring, "map", "scoring", {});
  s.max_examples = Get<int>(scoring, "max_examples", "scoring", 20);

  const json stats = root.value("statistics", json::object());
  OnlyKeys(stats, "statistics",
           {"unit", "resamples", "confidence", "seed", "alpha", "metrics",
            "unit_counts"});
  StatisticsSettings& st = c.statistics;
  st.unit = Get<std::string>(stats, "unit", "statistics", st.unit);
  if (st.unit != "document" && st.unit != "sentence")
    throw ConfigError{"statistics.unit",
                      "must be \"document\" or \"sentence\""};
  st.bootstrap.resamples = Get<int>(stats, "resamples", "statistics", 1000);
  if (st.bootstrap.resamples < 1)
    throw ConfigError{"statistics.resamples", "must be at least 1"};
  st.bootstrap.confidence =
      Get<double>(stats, "confidence", "statistics", 0.95);
  if (!(st.bootstrap.confidence > 0 && st.bootstrap.confidence < 1))
    throw ConfigError{"statistics.confidence", "must be between 0 and 1"};
  st.bootstrap.seed = Get<uint64_t>(stats, "seed", "statistics", 5489);
  st.alpha = Get<double>(stats, "alpha", "statistics", 0.05);
  if (!(st.alpha > 0 && st.alpha < 1))
    throw ConfigError{"statistics.alpha", "must be between 0 and 1"};
  st.metrics =
      Get<std::vector<std::string>>(stats, "metrics", "statistics", st.metrics);
  for (const std::string& m : st.metrics)
    if (auto parsed = ParseMetric(m); !parsed.ok())
      throw ConfigError{"statistics.metrics", parsed.status().message()};
  if (stats.contains("unit_counts")) {
    st.unit_counts =
        Get<std::vector<std::string>>(stats, "unit_counts", "statistics", {});
    for (const std::string& u : *st.unit_counts)
      if (u != "sentence" && u != "mention")
        throw ConfigError{
            "statistics.unit_counts",
            "holds \"sentence\" and/or \"mention\", not \"" + u + "\""};
  }

  const json report = root.value("report", json::object());
  OnlyKeys(report, "report", {"viewer_documents"});
  c.viewer_documents =
      Get<int>(report, "viewer_documents", "report", c.viewer_documents);
  if (c.viewer_documents < 0)
    throw ConfigError{"report.viewer_documents", "must be 0 or more"};
  return c;
}

}  // namespace

Result<RunConfig> LoadRunConfig(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  json root;
  try {
    root = json::parse(*text);
  } catch (const json::parse_error& e) {
    return Status::InvalidInput(std::string("invalid JSON: ") + e.what(),
                                Where{path, 0, "", ""});
  }
  try {
    RunConfig c = Parse(root, std::filesystem::path(path).parent_path());
    c.path = path;
    return c;
  } catch (const ConfigError& e) {
    return Status::InvalidInput("\"" + e.key + "\": " + e.message,
                                Where{path, 0, "", ""});
  }
}

}  // namespace ieval
