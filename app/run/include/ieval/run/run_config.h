// The run config: what `ieval run` runs and how it scores and tests it. A
// JSON file (reports/run.json ships the default); every key is optional:
//
//   {"gold": "../gold/docs",                  // corpus: folder or .jsonl
//    "labels": "../gold/labels.json",         // default: found beside gold
//    "variants_file": "../extractors/variants.json",
//    "variants": ["gazetteer", "rules"],      // default: every variant
//    "jobs": 2,                               // documents at once
//    "repeats": 1,                            // extractions of each variant
//    "scoring": {"min_overlap": 0, "types": [], "map": {},
//                "max_examples": 20, "ground_policy": "order",
//                "ground_threshold": 0.8},
//    "statistics": {"unit": "document", "resamples": 1000,
//                   "confidence": 0.95, "seed": 5489, "alpha": 0.05,
//                   "metrics": ["entities.strict", "entities.partial",
//                               "relations.strict"]},
//    "report": {"viewer_documents": 100}}
//
// Relative paths are taken relative to the config file's folder, so a
// config works from any working directory. Command-line options of `ieval
// run` override the file.
#ifndef IEVAL_RUN_RUN_CONFIG_H_
#define IEVAL_RUN_RUN_CONFIG_H_

#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/ground/grounding.h"
#include "ieval/results/run_result.h"
#include "ieval/score/scorer.h"

namespace ieval {

struct RunConfig {
  std::string path;  // the file read; empty for defaults
  std::string gold = "gold/docs";
  std::string labels;         // empty: labels.json found beside the gold
  std::string variants_file;  // empty: the shipped extractors/variants.json
  std::vector<std::string> variants;  // empty: all of the file
  int jobs = 1;
  int repeats = 1;       // `ieval run --repeats K`
  ScoreOptions scoring;  // symmetric_relations come from the labels
  // scoring.ground_policy / ground_threshold: predictions given by their
  // text (`ieval run --ground-policy/--ground-threshold` override them).
  GroundOptions grounding;
  StatisticsSettings statistics;
  int viewer_documents = 100;
};

// Reads and checks a config. Errors are kInvalidInput naming the file and
// the key: invalid JSON, unknown keys (a typo would silently do nothing),
// values of the wrong type or out of range, unknown metric names, and a
// relative path (gold, labels, variants_file) that leads out of
// `boundary` (default: the config's folder; `ieval run` gives the shipped
// files' folder for a config inside it, whose paths reach ../gold).
Result<RunConfig> LoadRunConfig(const std::string& path,
                                const std::string& boundary = "");

}  // namespace ieval

#endif  // IEVAL_RUN_RUN_CONFIG_H_
