// ieval merge FILE… --out DIR
// Adds up the counts files of the shards of one sharded job (`ieval score
// --shard I/N --counts-out FILE`) into the output of the unsharded command:
// DIR/score.json, the same bytes as `ieval score --json` on every document.
// Every shard must be there once, of the same gold, options and ieval
// version, and no document in two of them; otherwise exit 2 and nothing is
// written. The result does not depend on the order of the files: documents
// are kept by doc_id and every count adds exactly (ieval/score/scorer.h).
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/io/atomic_file.h"
#include "ieval/pipeline/shard.h"
#include "ieval/report/score_report.h"
#include "score_checks.h"
#include "score_command.h"
#include "shard_counts.h"

namespace ieval {
namespace {

struct MergeArgs {
  std::vector<std::string> files;
  std::string out;
  std::string per_document;  // --per-document FILE
};

int Fail(const std::string& message) {
  std::cerr << "ieval merge: " << message << "\n";
  return kExitBadInput;
}

// "3/7, 5/7".
std::string ShardList(const std::vector<int64_t>& indices, int64_t count) {
  std::string out;
  for (int64_t i : indices) {
    if (!out.empty()) out += ", ";
    out += std::to_string(i) + "/" + std::to_string(count);
  }
  return out;
}

int RunMerge(const MergeArgs& args) {
  std::vector<ScoreCountsFile> shards;
  std::map<int64_t, std::string> file_of_shard;
  for (const std::string& path : args.files) {
    auto identity = ReadCountsIdentity(path);
    if (!identity.ok()) return Fail(identity.status().ToString());
    if (!shards.empty()) {
      const std::string differs = IdentityDifference(
          shards.front().identity, *identity, /*shard=*/false);
      if (!differs.empty())
        return Fail(args.files.front() + " and " + path +
                    " are not shards of one job: " + differs +
                    "; merge the counts files of one sharded command");
    }
    auto [at, fresh] = file_of_shard.emplace(identity->shard_index, path);
    if (!fresh)
      return Fail("shard " + std::to_string(identity->shard_index) + "/" +
                  std::to_string(identity->shard_count) + " is given twice (" +
                  at->second + " and " + path + "): give each shard once");
    if (identity->kind != "score")
      return Fail(path +
                  " holds `ieval run` counts, which this ieval does not merge "
                  "yet: merge `ieval score --counts-out` files");
    auto file = ReadScoreCounts(path);
    if (!file.ok()) return Fail(file.status().ToString());
    shards.push_back(std::move(*file));
  }
  const int64_t count = shards.front().identity.shard_count;
  std::vector<int64_t> missing;
  for (int64_t i = 1; i <= count; ++i)
    if (!file_of_shard.count(i)) missing.push_back(i);
  if (!missing.empty())
    return Fail(std::string(missing.size() == 1 ? "shard " : "shards ") +
                ShardList(missing, count) +
                (missing.size() == 1 ? " is" : " are") +
                " missing: give the counts files of all " +
                std::to_string(count) + " shards (rerun the missing ones)");

  // Every document once, in the shard its doc_id hashes to.
  std::map<std::string, std::string> file_of_document;
  for (const ScoreCountsFile& shard : shards) {
    const std::string& path = file_of_shard[shard.identity.shard_index];
    for (const auto& [doc_id, doc] : shard.scores.documents()) {
      auto [at, fresh] = file_of_document.emplace(doc_id, path);
      if (!fresh)
        return Fail("document \"" + doc_id + "\" is in " + at->second +
                    " and in " + path +
                    ": a document is counted in one shard only");
    }
  }
  for (const ScoreCountsFile& shard : shards) {
    const ShardSpec spec{shard.identity.shard_index,
                         shard.identity.shard_count};
    const std::string& path = file_of_shard[spec.index];
    for (const auto& [doc_id, doc] : shard.scores.documents())
      if (!spec.Contains(doc_id))
        return Fail(path + ": document \"" + doc_id + "\" is not in shard " +
                    spec.ToString() +
                    " (its doc_id hashes to another): the file was not "
                    "written by `--shard " +
                    spec.ToString() + "`");
  }

  const ScoreOptions options = shards.front().options;
  CorpusScores corpus(options.max_examples, true);
  GroundingSummary grounding = shards.front().grounding;
  for (size_t i = 1; i < shards.size(); ++i) grounding += shards[i].grounding;
  for (ScoreCountsFile& shard : shards) corpus += std::move(shard.scores);
  const ScoreVerdict verdict =
      CheckScores(corpus, nullptr, "the merged gold", "the merged predictions");
  if (!verdict.error.empty()) return Fail(verdict.error);
  for (const std::string& warning : verdict.warnings)
    std::cerr << "ieval merge: warning: " << warning << "\n";
  const std::string path = args.out + "/score.json";
  if (!args.per_document.empty()) {
    // As `ieval score --json --per-document FILE` writes it: the documents
    // in FILE, one a line, and score.json naming it.
    auto writer = AtomicFileWriter::Open(args.per_document);
    Status s = writer.ok() ? Status::Ok() : writer.status();
    for (const auto& [doc_id, doc] : corpus.documents()) {
      if (!s.ok()) break;
      s = (*writer)->Append(PerDocumentLine(doc));
    }
    if (s.ok()) s = (*writer)->Commit();
    if (!s.ok()) return Fail("--per-document: " + s.ToString());
  }
  if (Status s = WriteFileAtomically(
          path, ScoresToJson(corpus, options, true, args.per_document.empty(),
                             nullptr, PerDocumentLink(args.per_document, path),
                             &grounding));
      !s.ok())
    return Fail(s.ToString());
  std::cerr << "ieval merge: " << shards.size() << " shards, "
            << corpus.document_count() << " documents -> " << path << "\n";
  return kExitOk;
}

}  // namespace

void AddMergeCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "merge",
      "Add up the counts files of every shard of one sharded `ieval score` "
      "(--shard I/N --counts-out FILE) into DIR/score.json, the output of "
      "`ieval score --json` on all documents. Exit 2, writing nothing, when "
      "a shard is missing or given twice, the shards are of other gold, "
      "options or ieval versions, or a document is in two of them.");
  cmd->add_option("files", args->files, "The shards' counts files, any order")
      ->required();
  cmd->add_option("--out", args->out,
                  "The folder to write score.json into (created if missing)")
      ->required();
  cmd->add_option("--per-document", args->per_document,
                  "Write every document's counts to FILE, one JSON line "
                  "each, and name it in score.json instead of listing them "
                  "there: the two files `ieval score --json --per-document "
                  "FILE` writes");
  cmd->callback([args, &context] { context.exit_code = RunMerge(*args); });
}

}  // namespace ieval
