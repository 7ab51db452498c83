// ieval score --gold DIR --pred PATH [--types T,…] [--map M] [--min-overlap X]
//             [--labels FILE] [--max-examples N] [--json]
//             [--unit-counts sentence,mention] [--per-document FILE]
//             [--out FILE] [--jobs N] [--shard I/N] [--counts-out FILE]
//             [--force]
// Streams both sides (score_stream.h): reads, validates and scores every
// gold document (in parallel with --jobs; the output does not depend on it)
// keeping only counts, and prints the result. With --per-document, each
// document's counts go to their file as they come instead of being kept.
// With --shard, only the shard's documents are scored (shard.h);
// --counts-out writes their counts for `ieval merge` (counts_file.h), or
// reuses them when a run before completed the file (shard_counts.h).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

#include "exit_codes.h"
#include "format_args.h"
#include "ieval/io/atomic_file.h"
#include "ieval/io/brat_format.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/json_reader.h"
#include "ieval/io/labels_io.h"
#include "ieval/pipeline/score_stream.h"
#include "ieval/report/score_report.h"
#include "ieval/score/scorer.h"
#include "ieval/score/units.h"
#include "ieval/text/segmenter.h"
#include "score_checks.h"
#include "score_command.h"
#include "shard_counts.h"

namespace ieval {
namespace {

void Print(const std::vector<Status>& problems) {
  for (const auto& p : problems) std::cerr << p.ToString() << "\n";
}

// --unit-counts: each worker's finer units, gathered as the stream scores
// (ScoreStreams' on_scored) and put in document order at the end.
class UnitCounter {
 public:
  UnitCounter(const std::vector<std::string>& kinds, int workers,
              const ScoreOptions& options)
      : sentences_(Has(kinds, "sentence")),
        mentions_(Has(kinds, "mention")),
        options_(options),
        workers_(static_cast<size_t>(workers)) {}

  bool enabled() const { return sentences_ || mentions_; }

  // kUnavailable when ICU cannot segment sentences.
  Status Prepare() {
    if (!sentences_) return Status::Ok();
    for (Worker& w : workers_) {
      auto segmenter = Segmenter::Create("fr");
      if (!segmenter.ok()) return segmenter.status();
      w.segmenter = std::move(*segmenter);
    }
    return Status::Ok();
  }

  void Count(int worker, const AnnotatedDocument& gold,
             const Annotations& predicted) {
    Worker& w = workers_[static_cast<size_t>(worker)];
    const Document& doc = gold.document;
    auto add = [&](const std::vector<int64_t>& starts,
                   std::vector<UnitCounts>& into) {
      for (UnitCounts& u : PieceUnits(
               doc.doc_id, starts,
               ScorePieces(doc, gold.annotations, predicted, starts, options_)))
        into.push_back(std::move(u));
    };
    if (sentences_) add(SentenceStarts(*w.segmenter, doc.text), w.sentences);
    if (mentions_) add(MentionStarts(gold.annotations), w.mentions);
  }

  CorpusUnits Take() {
    CorpusUnits units;
    auto gather = [&](std::vector<UnitCounts> Worker::*list) {
      std::vector<UnitCounts> all;
      for (Worker& w : workers_)
        for (UnitCounts& u : w.*list) all.push_back(std::move(u));
      std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return std::tie(a.doc_id, a.start) < std::tie(b.doc_id, b.start);
      });
      return all;
    };
    if (sentences_) units.sentences = gather(&Worker::sentences);
    if (mentions_) units.mentions = gather(&Worker::mentions);
    return units;
  }

 private:
  static bool Has(const std::vector<std::string>& kinds, const char* kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  }

  struct Worker {
    std::unique_ptr<Segmenter> segmenter;
    std::vector<UnitCounts> sentences;
    std::vector<UnitCounts> mentions;
  };
  bool sentences_;
  bool mentions_;
  const ScoreOptions& options_;
  std::vector<Worker> workers_;
};

std::optional<LabelSet> LoadLabels(const ScoreArgs& args,
                                   AnnotationFormat gold_format,
                                   Status* status) {
  std::optional<std::string> path =
      args.labels.empty() ? FindLabelsFile(args.gold)
                          : std::optional<std::string>(args.labels);
  if (!path && gold_format == AnnotationFormat::kBrat) {
    // A BRAT project's annotation.conf is its label set.
    auto conf = ReadBratLabelSet(args.gold);
    if (!conf) return std::nullopt;
    if (!conf->ok()) {
      *status = conf->status();
      return std::nullopt;
    }
    return std::move(**conf);
  }
  if (!path) return std::nullopt;
  auto labels = ReadLabelSet(*path);
  if (!labels.ok()) {
    *status = labels.status();
    return std::nullopt;
  }
  return std::move(*labels);
}

// Prints the scores, or writes them to --out.
int Output(const ScoreArgs& args, const CorpusScores& corpus,
           const ScoreOptions& options, const CorpusUnits* units,
           const GroundingSummary* grounding = nullptr) {
  const std::string output =
      args.json ? ScoresToJson(corpus, options, true, true, units,
                               PerDocumentLink(args.per_document, args.out),
                               grounding)
                : ScoresToText(corpus, options, grounding);
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

}  // namespace

std::string PerDocumentLink(const std::string& file, const std::string& out) {
  if (file.empty() || out.empty()) return file;
  std::error_code ec;
  const auto folder =
      std::filesystem::absolute(out, ec).lexically_normal().parent_path();
  const auto target = std::filesystem::absolute(file, ec).lexically_normal();
  if (ec) return file;
  const auto relative = target.lexically_relative(folder);
  return relative.empty() ? target.string() : relative.string();
}

int RunSpanScore(const ScoreArgs& args) {
  ShardSpec shard;
  if (!args.shard.empty()) {
    auto parsed = ParseShard(args.shard);
    if (!parsed.ok()) {
      std::cerr << "ieval score: " << parsed.status().ToString() << "\n";
      return kExitBadInput;
    }
    shard = *parsed;
  }
  auto opened =
      OpenGoldAndPred("ieval score", args.gold, args.pred, args.formats);
  if (!opened.ok()) {
    std::cerr << "ieval score: " << opened.status().ToString() << "\n";
    return kExitBadInput;
  }
  Status label_status;
  const std::optional<LabelSet> labels =
      LoadLabels(args, opened->gold_format, &label_status);
  if (!label_status.ok()) {
    std::cerr << "ieval score: " << label_status.ToString() << "\n";
    return kExitBadInput;
  }

  StreamScoreOptions stream;
  ScoreOptions& options = stream.score;
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

  // Both corpora stream through once: read, paired by doc_id, validated
  // (the gold complete and valid with text; predictions naming gold
  // documents, offsets resolved against the gold text, structurally valid —
  // types are free: --map and --types apply) and scored; a gold document
  // without predictions was predicted nothing.
  stream.labels = labels ? &*labels : nullptr;
  stream.allow_nested = args.allow_nested;
  stream.read.ignore_unknown_keys = args.formats.ignore_unknown_keys;
  stream.jobs = std::max(1, args.jobs);
  // The shard's identity, and its counts when a run before completed them.
  std::optional<CountsIdentity> identity;
  if (!args.counts_out.empty()) {
    auto id = ShardIdentity(
        "score", args.gold, shard,
        ScoreOptionsJson(options, args.allow_nested, args.ground.ToOptions()));
    if (!id.ok()) {
      std::cerr << "ieval score: " << id.status().ToString() << "\n";
      return kExitBadInput;
    }
    identity = std::move(*id);
    if (!args.force)
      if (auto done =
              CompleteScoreCounts("ieval score", args.counts_out, *identity))
        return Output(args, done->scores, options, nullptr, &done->grounding);
  }
  if (!shard.whole())
    stream.keep = [shard](std::string_view id) { return shard.Contains(id); };
  // The per-document list: kept for the JSON (or streamed to its file),
  // and for the counts file.
  stream.keep_documents =
      (args.json && args.per_document.empty()) || identity.has_value();
  std::unique_ptr<AtomicFileWriter> per_document;
  Status per_document_status;
  if (!args.per_document.empty()) {
    auto opened_file = AtomicFileWriter::Open(args.per_document);
    if (!opened_file.ok()) {
      std::cerr << "ieval score: --per-document: "
                << opened_file.status().ToString() << "\n";
      return kExitBadInput;
    }
    per_document = std::move(*opened_file);
    stream.on_document = [&](const DocumentScores& d) {
      if (per_document_status.ok())
        per_document_status = per_document->Append(PerDocumentLine(d));
    };
  }
  stream.gold_name = args.gold;
  stream.ground = args.ground.ToOptions();
  UnitCounter units(args.unit_counts, stream.jobs, options);
  if (units.enabled()) {
    if (Status s = units.Prepare(); !s.ok()) {
      std::cerr << "ieval score: --unit-counts: " << s.ToString() << "\n";
      return kExitBadInput;
    }
    stream.on_scored = [&units](int worker, const AnnotatedDocument& g,
                                const Annotations& p) {
      units.Count(worker, g, p);
    };
  }
  StreamScoreResult result = ScoreStreams(*opened->gold, *opened->pred, stream);
  if (result.paired == 0 && !result.pred_ids.empty() &&
      !result.gold_ids.empty()) {
    std::cerr << "ieval score: "
              << NoIdInCommon(args.gold, args.pred, result.gold_ids,
                              result.pred_ids)
                     .ToString()
              << "\n";
    return kExitBadInput;
  }
  if (!result.gold_problems.empty()) {
    Print(result.gold_problems);
    std::cerr << "ieval score: the gold " << args.gold
              << " is invalid (details above; `ieval validate " << args.gold
              << "` lists the same problems)\n";
    return kExitBadInput;
  }
  if (!result.pred_problems.empty()) {
    Print(result.pred_problems);
    std::cerr << "ieval score: the predictions " << args.pred
              << " are invalid (details above)\n";
    return kExitBadInput;
  }
  const CorpusScores& corpus = result.scores;
  // A shard may lack mentions or types the corpus has: `ieval merge` checks
  // the whole.
  const ScoreVerdict verdict =
      shard.whole() ? CheckScores(corpus, stream.labels, args.gold, args.pred)
                    : ScoreVerdict();
  if (!verdict.error.empty()) {
    std::cerr << "ieval score: " << verdict.error << "\n";
    return kExitBadInput;
  }
  for (const std::string& warning : verdict.warnings)
    std::cerr << "ieval score: warning: " << warning << "\n";

  if (per_document) {
    if (per_document_status.ok()) per_document_status = per_document->Commit();
    if (!per_document_status.ok()) {
      std::cerr << "ieval score: --per-document: "
                << per_document_status.ToString() << "\n";
      return kExitBadInput;
    }
  }
  if (identity) {
    const Status written =
        WriteScoreCounts(args.counts_out, *identity, corpus, result.grounding);
    if (!written.ok()) {
      std::cerr << "ieval score: " << written.ToString() << "\n";
      return kExitBadInput;
    }
  }
  const CorpusUnits counted = units.Take();
  return Output(args, corpus, options, &counted, &result.grounding);
}

}  // namespace ieval
