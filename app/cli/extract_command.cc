// ieval extract (--extractor NAME [--option K=V]… | --variant NAME)
//               (--gold PATH [--gold-format F] | --docs DIR) --out PATH
//               [--jobs N]
// Runs one extractor over documents and writes its predictions in the
// annotation format, without the document text. Nothing is written unless
// every document succeeded.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "code_policy.h"
#include "commands.h"
#include "exit_codes.h"
#include "format_args.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/run.h"
#include "ieval/extractors/variants.h"
#include "ieval/io/corpus_reader.h"

namespace ieval {
namespace {

struct ExtractArgs {
  std::string extractor;
  std::string variant;
  std::vector<std::string> options;
  std::string config;
  std::string gold;
  FormatArgs formats;  // --gold-format and what the formats need
  std::string docs;
  std::string out;
  int jobs = 1;
  bool no_exec = false;
};

int Fail(const Status& status) {
  std::cerr << "ieval extract: " << status.ToString() << "\n";
  return ExitCodeFor(status);
}

int RunExtract(const ExtractArgs& args, const ExtractorRegistry& registry,
               const ShippedFiles& shipped) {
  OptionValues options;
  for (const std::string& kv : args.options) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Fail(Status::Usage("--option takes KEY=VALUE, not '" + kv + "'"));
    }
    options[kv.substr(0, eq)] = kv.substr(eq + 1);
  }

  // The variants file: for --variant, and for extractors made of variants.
  const ExtractorInfo* info =
      args.extractor.empty() ? nullptr : registry.Find(args.extractor);
  std::optional<VariantSet> variants;
  if (!args.variant.empty() || (info != nullptr && info->create_composite)) {
    auto path = shipped.Or(args.config, &ShippedFiles::Variants);
    if (!path.ok()) return Fail(path.status());
    auto loaded = VariantSet::Load(*path, registry);
    if (!loaded.ok()) return Fail(loaded.status());
    variants = std::move(*loaded);
  }

  Result<std::unique_ptr<Extractor>> extractor = Status::Internal("unset");
  std::string label = args.extractor;
  if (!args.variant.empty()) {
    label = args.variant;
    if (!options.empty()) {  // --option overrides the variant's options
      std::vector<VariantSpec> specs = variants->variants();
      for (VariantSpec& spec : specs) {
        if (spec.name != args.variant) continue;
        for (const auto& [k, v] : options) spec.options[k] = v;
      }
      auto changed =
          VariantSet::FromSpecs(std::move(specs), registry, variants->source());
      if (!changed.ok()) return Fail(changed.status());
      variants = std::move(*changed);
    }
    if (NoExec(args.no_exec)) {
      if (Status s = RefuseCode(CodeRunBy(*variants, {args.variant})); !s.ok())
        return Fail(s);
    }
    extractor = variants->Create(args.variant);
  } else {
    if (NoExec(args.no_exec) && info != nullptr) {
      if (Status s = RefuseCode(
              CodeRunBy(*info, options, variants ? &*variants : nullptr));
          !s.ok())
        return Fail(s);
    }
    extractor = registry.Create(args.extractor, options,
                                variants ? &*variants : nullptr);
  }
  if (!extractor.ok()) return Fail(extractor.status());

  auto docs = args.docs.empty()
                  ? ReadGoldTexts("ieval extract", args.gold, args.formats)
                  : ReadTextDocuments(args.docs);
  if (!docs.ok()) return Fail(docs.status());

  ThreadPool pool(args.jobs);
  auto predictions = ExtractAll(**extractor, *docs, label, pool);
  if (!predictions.ok()) return Fail(predictions.status());

  Corpus corpus;
  int64_t mentions = 0, relations = 0;
  for (size_t i = 0; i < docs->size(); ++i) {
    AnnotatedDocument doc;
    doc.document.doc_id = (*docs)[i].doc_id;
    doc.annotations = std::move((*predictions)[i]);
    mentions += static_cast<int64_t>(doc.annotations.mentions.size());
    relations += static_cast<int64_t>(doc.annotations.relations.size());
    corpus.documents.push_back(std::move(doc));
  }
  if (Status s = WriteCorpus(corpus, args.out, /*include_text=*/false); !s.ok())
    return Fail(s);
  std::cout << "extracted " << docs->size() << " documents with " << label
            << " (" << (*extractor)->Name() << " " << (*extractor)->Version()
            << "): " << mentions << " mentions, " << relations
            << " relations -> " << args.out << "\n";
  return kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Run one extractor (or variant) over documents and write its "
      "predictions in the annotation format (document text omitted). Exit 2 "
      "on bad usage or input, 3 when the extractor fails.");
  auto* extractor =
      cmd->add_option("--extractor", args->extractor,
                      "A registered extractor (see `ieval list`)");
  auto* variant = cmd->add_option(
      "--variant", args->variant,
      "A variant of the variants file (--config) instead of --extractor");
  extractor->excludes(variant);
  cmd->add_option("--option", args->options,
                  "KEY=VALUE for the extractor (repeatable); with --variant, "
                  "overrides the variant's own");
  cmd->add_option("--config", args->config,
                  "The variants file (default: the shipped "
                  "extractors/variants.json; `ieval list` shows where); used "
                  "by --variant and by ensemble members");
  auto* gold = cmd->add_option(
      "--gold", args->gold,
      "An annotation corpus in any format (--gold-format) whose texts are "
      "used");
  auto* docs = cmd->add_option(
      "--docs", args->docs,
      "A folder of UTF-8 .txt files (doc_id = file name without .txt)");
  gold->excludes(docs);
  AddFormatOptions(cmd, &args->formats, "--gold-format", "");
  cmd->add_option("--out", args->out,
                  "Where to write: a .jsonl file, or else a folder of "
                  "<doc_id>.json files (written atomically)")
      ->required();
  cmd->add_option("--jobs", args->jobs, "Documents extracted at once")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--no-exec", args->no_exec,
                "Refuse (exit 2) an extractor or variant that executes code "
                "(`external`, `plugin`, or a composite of them); also set "
                "by IEVAL_NO_EXEC=1");
  cmd->callback([args, &context] {
    if (args->extractor.empty() == args->variant.empty()) {
      context.exit_code =
          Fail(Status::Usage("give --extractor NAME or --variant NAME (see "
                             "`ieval list`)"));
      return;
    }
    if (args->gold.empty() == args->docs.empty()) {
      context.exit_code = Fail(Status::Usage("give --gold DIR or --docs DIR"));
      return;
    }
    context.exit_code = RunExtract(*args, context.registry(), context.shipped);
  });
}

}  // namespace ieval
