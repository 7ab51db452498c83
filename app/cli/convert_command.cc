// ieval convert --from F --to G IN OUT [--scheme S] [format options]
// Reads annotations in one format and writes them in another (formats.h).
// CoNLL output is tokenised with the ICU word segmenter all extractors
// share (eval/text/segmenter.h), one sentence per block, IOB2 unless
// --scheme says otherwise. What the target format cannot hold is counted
// and said on stderr, never dropped silently.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.h"
#include "exit_codes.h"
#include "format_args.h"
#include "ieval/io/formats.h"
#include "ieval/text/segmenter.h"

namespace ieval {
namespace {

struct ConvertArgs {
  FormatArgs formats;  // gold_format is --from
  std::string to;
  std::string in;
  std::string out;
};

// What `format` leaves out of `corpus`, for the note on stderr.
std::string Lost(const Corpus& corpus, AnnotationFormat format) {
  int64_t relations = 0, entities = 0, values = 0;
  for (const AnnotatedDocument& d : corpus.documents) {
    relations += static_cast<int64_t>(d.annotations.relations.size());
    for (const Mention& m : d.annotations.mentions) {
      entities += m.entity.has_value();
      values += m.value.has_value();
    }
  }
  std::string lost;
  auto add = [&](int64_t n, const char* what) {
    if (n > 0) lost += (lost.empty() ? "" : ", ") + std::to_string(n) + what;
  };
  // As each writer's header says (conll_format.h, label_studio_format.h …).
  switch (format) {
    case AnnotationFormat::kConll:
      add(relations, " relations");
      add(entities, " entity ids");
      break;
    case AnnotationFormat::kLabelStudio:
    case AnnotationFormat::kDoccano:
      add(entities, " entity ids");
      break;
    default:
      break;
  }
  if (format != AnnotationFormat::kIeval && format != AnnotationFormat::kBrat)
    add(values, " values");
  return lost;
}

int RunConvert(const ConvertArgs& args) {
  auto fail = [](const Status& s) {
    std::cerr << "ieval convert: " << s.ToString() << "\n";
    return kExitBadInput;
  };
  const std::optional<AnnotationFormat> to = ParseAnnotationFormat(args.to);
  if (!to || *to == AnnotationFormat::kAuto)
    return fail(Status::Usage("--to: name the format to write (not auto)"));
  auto options = ReadOptions(args.formats);
  if (!options.ok()) return fail(options.status());
  std::vector<Status> problems;
  AnnotationFormat from = AnnotationFormat::kAuto;
  auto corpus = ReadSide("ieval convert", args.in, args.formats.gold_format,
                         "--from", *options, &problems, {}, &from);
  if (!corpus.ok()) return fail(corpus.status());
  if (!problems.empty()) {
    for (const Status& p : problems) std::cerr << p.ToString() << "\n";
    return fail(Status::InvalidInput("the input is invalid (details above)",
                                     Where{args.in, 0, "", ""}));
  }
  for (const AnnotatedDocument& d : corpus->documents)
    if (!d.has_text)
      return fail(Status::InvalidInput(
          "a document without its text cannot be converted",
          Where{d.source_file, d.source_line, d.document.doc_id, ""}));
  std::vector<std::vector<TokenSpan>> tokens;
  std::vector<std::vector<int64_t>> sentences;
  if (*to == AnnotationFormat::kConll) {
    auto segmenter = Segmenter::Create("fr");
    if (!segmenter.ok()) return fail(segmenter.status());
    for (const AnnotatedDocument& d : corpus->documents) {
      std::vector<TokenSpan>& t = tokens.emplace_back();
      for (const Token& w : (*segmenter)->Words(d.document.text))
        t.push_back({w.start, w.end});
      std::vector<int64_t>& s = sentences.emplace_back();
      for (const Sentence& x : (*segmenter)->Sentences(d.document.text))
        s.push_back(x.start);
    }
  }
  if (const std::string lost = Lost(*corpus, *to); !lost.empty())
    std::cerr << "ieval convert: note: " << AnnotationFormatName(*to)
              << " has no place for " << lost << ": not written\n";
  if (Status s = WriteAnnotations(*corpus, args.out, *to, tokens, sentences,
                                  args.formats.scheme);
      !s.ok())
    return fail(s);
  std::cerr << "ieval convert: " << corpus->documents.size()
            << " documents from " << AnnotationFormatName(from) << " to "
            << AnnotationFormatName(*to) << ": " << args.out << "\n";
  return kExitOk;
}

}  // namespace

void AddConvertCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<ConvertArgs>();
  CLI::App* cmd = app.add_subcommand(
      "convert",
      "Convert annotations between formats (ieval, conll, brat, "
      "label-studio, doccano, spacy, webanno-tsv). CoNLL output is "
      "tokenised with ICU's word segmenter, IOB2 unless --scheme.");
  cmd->add_option("in", args->in, "The annotations to read")->required();
  cmd->add_option("out", args->out,
                  "Where to write: a file (conll, label-studio, doccano, "
                  "spacy, webanno-tsv; ieval: a .jsonl file) or a folder "
                  "(brat; ieval: one .json per document)")
      ->required();
  cmd->add_option("--to", args->to, "The format to write")->required();
  AddFormatOptions(cmd, &args->formats, "--from", "");
  cmd->callback([args, &context] { context.exit_code = RunConvert(*args); });
}

}  // namespace ieval
