// ieval score --gold DIR --pred PATH [--types T,…] [--map M] [--min-overlap X]
//             [--labels FILE] [--max-examples N] [--json] [--out FILE]
//             [--jobs N]
// Reads and validates both sides, scores every gold document (in parallel
// with --jobs; the output does not depend on it) and prints the result.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "eval/cli/exit_codes.h"
#include "eval/cli/score_command.h"
#include "eval/core/offset_index.h"
#include "eval/io/atomic_file.h"
#include "eval/io/corpus_reader.h"
#include "eval/io/labels_io.h"
#include "eval/io/offsets.h"
#include "eval/score/score_report.h"
#include "eval/score/scorer.h"
#include "eval/validate/validator.h"

namespace ieval {
namespace {

// --map: a JSON file {"pred": "gold", …}, or pred=gold[,pred=gold…].
Result<std::map<std::string, std::string>> ParseTypeMap(
    const std::string& spec) {
  std::map<std::string, std::string> map;
  if (spec.empty()) return map;
  std::error_code ec;
  if (std::filesystem::is_regular_file(spec, ec)) {
    auto text = ReadFile(spec);
    if (!text.ok()) return text.status();
    try {
      const auto json = nlohmann::json::parse(*text);
      if (!json.is_object()) throw std::invalid_argument("not an object");
      for (const auto& [from, to] : json.items())
        map[from] = to.get<std::string>();
    } catch (const std::exception& e) {
      return Status::InvalidInput(
          std::string("--map: expected a JSON object of strings "
                      "{\"predicted type\": \"gold type\"}: ") +
              e.what(),
          Where{spec, 0, "", ""});
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

void Print(const std::vector<Status>& problems) {
  for (const auto& p : problems) std::cerr << p.ToString() << "\n";
}

std::optional<LabelSet> LoadLabels(const ScoreArgs& args, Status* status) {
  std::optional<std::string> path =
      args.labels.empty() ? FindLabelsFile(args.gold)
                          : std::optional<std::string>(args.labels);
  if (!path) return std::nullopt;
  auto labels = ReadLabelSet(*path);
  if (!labels.ok()) {
    *status = labels.status();
    return std::nullopt;
  }
  return std::move(*labels);
}

}  // namespace

int RunSpanScore(const ScoreArgs& args) {
  // The gold: complete, valid, with text.
  std::vector<Status> problems;
  auto gold = ReadCorpus(args.gold, &problems);
  if (!gold.ok()) {
    std::cerr << "ieval score: " << gold.status().ToString() << "\n";
    return kExitBadInput;
  }
  Status label_status;
  const std::optional<LabelSet> labels = LoadLabels(args, &label_status);
  if (!label_status.ok()) {
    std::cerr << "ieval score: " << label_status.ToString() << "\n";
    return kExitBadInput;
  }
  std::map<std::string, size_t> gold_index;
  {
    ValidateOptions validate;
    validate.labels = labels ? &*labels : nullptr;
    validate.gold = true;
    for (size_t i = 0; i < gold->documents.size(); ++i) {
      const AnnotatedDocument& doc = gold->documents[i];
      const Where where{doc.source_file, doc.source_line, doc.document.doc_id,
                        ""};
      if (doc.document.doc_id.empty()) continue;  // reported by the reader
      if (!gold_index.emplace(doc.document.doc_id, i).second) {
        problems.push_back(Status::InvalidInput("duplicate doc_id", where));
        continue;
      }
      if (!doc.has_text) {
        problems.push_back(
            Status::InvalidInput("gold document without \"text\"", where));
        continue;
      }
      CheckDocument(doc, doc.document.text, validate, &problems);
    }
  }
  if (!problems.empty()) {
    Print(problems);
    std::cerr << "ieval score: the gold " << args.gold
              << " is invalid (details above; `ieval validate " << args.gold
              << "` lists the same problems)\n";
    return kExitBadInput;
  }

  // The predictions: every doc_id in the gold, offsets resolved against the
  // gold text, structurally valid (types are free: --map and --types apply).
  auto pred = ReadCorpus(args.pred, &problems);
  if (!pred.ok()) {
    std::cerr << "ieval score: " << pred.status().ToString() << "\n";
    return kExitBadInput;
  }
  std::vector<const Annotations*> pred_of(gold->documents.size(), nullptr);
  ValidateOptions pred_validate;
  pred_validate.gold = false;
  for (AnnotatedDocument& doc : pred->documents) {
    const std::string& id = doc.document.doc_id;
    const Where where{doc.source_file, doc.source_line, id, ""};
    if (id.empty()) continue;  // reported by the reader
    auto g = gold_index.find(id);
    if (g == gold_index.end()) {
      problems.push_back(Status::InvalidInput(
          "doc_id is not in the gold " + args.gold +
              " (predictions may only name gold documents)",
          where));
      continue;
    }
    if (pred_of[g->second]) {
      problems.push_back(
          Status::InvalidInput("duplicate doc_id in the predictions", where));
      continue;
    }
    const std::string& text = gold->documents[g->second].document.text;
    if (doc.has_text && doc.document.text != text) {
      problems.push_back(Status::InvalidInput(
          "\"text\" differs from the gold document's text", where));
      continue;
    }
    if (!doc.has_text) ResolveOffsets(doc, OffsetIndex(text), where, &problems);
    CheckDocument(doc, text, pred_validate, &problems);
    pred_of[g->second] = &doc.annotations;
  }
  if (!problems.empty()) {
    Print(problems);
    std::cerr << "ieval score: the predictions " << args.pred
              << " are invalid (details above)\n";
    return kExitBadInput;
  }

  ScoreOptions options;
  options.min_overlap = args.min_overlap;
  options.types = args.types;
  options.max_examples = args.max_examples;
  auto map = ParseTypeMap(args.map);
  if (!map.ok()) {
    std::cerr << "ieval score: " << map.status().ToString() << "\n";
    return kExitBadInput;
  }
  options.type_map = std::move(*map);
  if (labels) {
    for (const auto& type : args.types) {
      if (!labels->HasEntityType(type)) {
        std::cerr << "ieval score: --types: \"" << type
                  << "\" is not an entity type of the label set\n";
        return kExitBadInput;
      }
    }
    for (const auto& r : labels->relation_types)
      if (r.symmetric) options.symmetric_relations.insert(r.name);
  }

  // Score every gold document; a gold document without predictions was
  // predicted nothing.
  const size_t n = gold->documents.size();
  std::vector<DocumentScores> scored(n);
  const Annotations nothing;
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) {
      const AnnotatedDocument& g = gold->documents[i];
      scored[i] = ScoreDocument(g.document, g.annotations,
                                pred_of[i] ? *pred_of[i] : nothing, options);
    }
  };
  const int jobs = std::max(1, std::min<int>(args.jobs, static_cast<int>(n)));
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  CorpusScores corpus(options.max_examples);
  for (auto& d : scored) corpus.Add(std::move(d));

  const std::string output =
      args.json ? ScoresToJson(corpus, options) : ScoresToText(corpus, options);
  if (!args.out.empty()) {
    const Status written = WriteFileAtomically(args.out, output);
    if (!written.ok()) {
      std::cerr << "ieval score: " << written.ToString() << "\n";
      return kExitBadInput;
    }
    return kExitOk;
  }
  std::cout << output;
  return kExitOk;
}

}  // namespace ieval
