// ieval validate PATH… [--gold DIR] [--labels FILE]
// Checks gold files (or, with --gold, prediction files against that gold) and
// reports every problem, one per line on stderr, then a summary on stdout.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "commands.h"
#include "exit_codes.h"
#include "format_args.h"
#include "ieval/core/offset_index.h"
#include "ieval/io/brat_format.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/labels_io.h"
#include "ieval/io/offsets.h"
#include "ieval/validate/validator.h"
#include "score_checks.h"

namespace ieval {
namespace {

struct ValidateArgs {
  std::vector<std::string> paths;
  std::string gold;
  std::string labels;
  bool no_labels = false;
  FormatArgs formats;  // --format (of PATHs) and what the formats need
  bool allow_nested = false;
};

int RunValidate(const ValidateArgs& args) {
  std::vector<Status> problems;
  auto read_options = ReadOptions(args.formats);
  if (!read_options.ok()) {
    std::cerr << "ieval validate: " << read_options.status().ToString() << "\n";
    return kExitBadInput;
  }

  // The gold the predictions refer to (text and doc ids).
  std::map<std::string, std::string> gold_text;
  if (!args.gold.empty()) {
    std::vector<Status> gold_problems;
    auto gold = ReadSide("ieval validate", args.gold, "auto", "--gold",
                         *read_options, &gold_problems);
    if (!gold.ok()) {
      std::cerr << "ieval validate: " << gold.status().ToString() << "\n";
      return kExitBadInput;
    }
    if (!gold_problems.empty()) {
      for (const auto& p : gold_problems) std::cerr << p.ToString() << "\n";
      std::cerr << "ieval validate: the gold " << args.gold
                << " itself is invalid; validate it first\n";
      return kExitBadInput;
    }
    for (auto& doc : gold->documents)
      gold_text.emplace(doc.document.doc_id, std::move(doc.document.text));
  }

  std::optional<LabelSet> labels;
  if (!args.no_labels) {
    std::optional<std::string> labels_path;
    if (!args.labels.empty()) {
      labels_path = args.labels;
    } else {
      labels_path =
          FindLabelsFile(args.gold.empty() ? args.paths.front() : args.gold);
    }
    if (labels_path) {
      auto read = ReadLabelSet(*labels_path);
      if (!read.ok()) {
        std::cerr << "ieval validate: " << read.status().ToString() << "\n";
        return kExitBadInput;
      }
      labels = std::move(*read);
    } else if (auto conf = ReadBratLabelSet(
                   args.gold.empty() ? args.paths.front() : args.gold)) {
      // A BRAT project's annotation.conf is its label set.
      if (!conf->ok()) {
        std::cerr << "ieval validate: " << conf->status().ToString() << "\n";
        return kExitBadInput;
      }
      labels = std::move(**conf);
    } else {
      std::cerr << "ieval validate: note: no labels.json found beside "
                << (args.gold.empty() ? args.paths.front() : args.gold)
                << "; entity and relation types are not checked (pass "
                   "--labels FILE)\n";
    }
  }
  ValidateOptions options;
  options.labels = labels ? &*labels : nullptr;
  options.gold = args.gold.empty();
  options.allow_nested = args.allow_nested;

  int64_t documents = 0, mentions = 0, relations = 0;
  std::map<std::string, std::string> seen;  // doc_id -> where first seen
  for (const auto& path : args.paths) {
    FormatContext context;
    DocumentTexts texts;  // CoNLL predictions are aligned to the gold's text
    if (!gold_text.empty() && read_options->text_dir.empty()) {
      for (const auto& [id, text] : gold_text) texts.emplace(id, text);
      context.texts = &texts;
    }
    auto opened = OpenSide("ieval validate", path, args.formats.gold_format,
                           "--format", *read_options, context);
    if (!opened.ok()) {
      problems.push_back(opened.status());
      continue;
    }
    AnnotatedDocument doc;
    while (opened->reader->Next(&doc, &problems)) {
      ++documents;
      mentions += static_cast<int64_t>(doc.annotations.mentions.size());
      relations += static_cast<int64_t>(doc.annotations.relations.size());
      const std::string& id = doc.document.doc_id;
      const Where where{doc.source_file, doc.source_line, id, ""};
      if (id.empty()) continue;  // reported by the reader
      const std::string here =
          doc.source_file + ":" + std::to_string(doc.source_line);
      if (auto [it, fresh] = seen.emplace(id, here); !fresh) {
        problems.push_back(Status::InvalidInput(
            "duplicate doc_id (first seen at " + it->second + ")", where));
        continue;
      }
      std::string_view text = doc.document.text;
      if (!args.gold.empty()) {
        auto g = gold_text.find(id);
        if (g == gold_text.end()) {
          problems.push_back(Status::InvalidInput(
              "doc_id is not in the gold " + args.gold, where));
          continue;
        }
        if (doc.has_text && doc.document.text != g->second) {
          problems.push_back(Status::InvalidInput(
              "\"text\" differs from the gold document's text", where));
          continue;
        }
        text = g->second;
        if (!doc.has_text)
          ResolveOffsets(doc, OffsetIndex(text), where, &problems);
      } else if (!doc.has_text) {
        problems.push_back(Status::InvalidInput(
            "no \"text\": gold documents carry their text (to validate "
            "predictions, name their gold with --gold DIR)",
            where));
        continue;
      }
      CheckDocument(doc, text, options, &problems);
    }
  }

  // Unknown types are listed once each, then summed up with the --map that
  // would rename them, not printed once per mention.
  constexpr std::string_view kUnknownType = "unknown entity type \"";
  std::map<std::string, int64_t> unknown_types;
  for (const auto& p : problems) {
    const std::string& m = p.message();
    if (m.starts_with(kUnknownType) && m.back() == '"') {
      const std::string type =
          m.substr(kUnknownType.size(), m.size() - kUnknownType.size() - 1);
      if (unknown_types[type]++ > 0) continue;
    }
    std::cerr << p.ToString() << "\n";
  }
  if (!unknown_types.empty()) {
    std::cerr << "ieval validate: entity types outside the label set (each "
                 "shown once above): "
              << TypeSummary(unknown_types, labels ? labels->entity_types
                                                   : std::vector<std::string>())
              << " (ieval score --map renames predicted types)\n";
  }
  // Nothing read is no success: a folder of another format, an empty file.
  const bool nothing = documents == 0 && problems.empty();
  if (nothing) {
    std::cerr << "ieval validate: no document was read (empty files? "
                 "another format?)\n";
  } else if (documents > 0 && mentions == 0) {
    std::cerr << "ieval validate: warning: no mention in any of the "
              << documents << " documents (are they under \"entities\"?)\n";
  }
  std::cout << "validated " << documents << " documents, " << mentions
            << " mentions, " << relations << " relations: " << problems.size()
            << (problems.size() == 1 ? " error" : " errors") << "\n";
  return problems.empty() && !nothing ? kExitOk : kExitBadInput;
}

}  // namespace

void AddValidateCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check annotation files (gold, or predictions with --gold) and report "
      "every problem as file:line: doc_id: annotation: what is wrong. Exit 0 "
      "when clean, 2 otherwise.");
  cmd->add_option("paths", args->paths,
                  "Annotations in any format (--format): folders, .jsonl, "
                  ".json, .conll files, BRAT folders …")
      ->required();
  cmd->add_option("--gold", args->gold,
                  "Validate PATHs as predictions of this gold corpus: doc_ids "
                  "must be in it, offsets are checked against its text, and "
                  "spans may overlap");
  cmd->add_option("--labels", args->labels,
                  "The label set (default: labels.json found in the corpus "
                  "folder or up to two folders above it)");
  cmd->add_flag("--no-labels", args->no_labels,
                "Do not check entity and relation types");
  AddFormatOptions(cmd, &args->formats, "--format", "");
  cmd->add_flag("--ignore-unknown-keys", args->formats.ignore_unknown_keys,
                "Allow keys the annotation format does not define (default: an "
                "error naming the key, so a typo such as \"entites\" is not "
                "read as a document without mentions)");
  cmd->add_flag("--allow-nested", args->allow_nested,
                "Gold spans may nest and overlap (as \"nested\": true in "
                "labels.json); without it gold must be flat");
  cmd->callback([args, &context] { context.exit_code = RunValidate(*args); });
}

}  // namespace ieval
