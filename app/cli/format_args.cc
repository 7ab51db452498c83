#include "format_args.h"

#include <CLI/CLI.hpp>
#include <iostream>

namespace ieval {
namespace {

std::string FormatList() {
  std::string names;
  for (const std::string& n : AnnotationFormatNames())
    names += (names.empty() ? "" : ", ") + n;
  return names;
}

Result<AnnotationFormat> Resolve(const std::string& path,
                                 const std::string& name,
                                 const std::string& option) {
  const std::optional<AnnotationFormat> format = ParseAnnotationFormat(name);
  if (!format)
    return Status::Usage(option + ": unknown format \"" + name +
                         "\" (known: " + FormatList() + ")");
  return ResolveFormat(path, *format, option);
}

void PrintRepairs(const std::string& command, const std::string& path,
                  AnnotationFormat format,
                  const std::vector<FormatRepair>& repairs) {
  const std::string text = DescribeRepairs(path, format, repairs);
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t end = text.find('\n', begin);
    std::cerr << command << ": note: " << text.substr(begin, end - begin)
              << "\n";
    begin = end + 1;
  }
}

}  // namespace

void AddFormatOptions(CLI::App* cmd, FormatArgs* args,
                      const std::string& gold_option,
                      const std::string& pred_option, bool with_scheme) {
  const std::string formats = " (" + FormatList() +
                              "; auto: by extension and content, README "
                              "\"Your data\")";
  cmd->add_option(gold_option, args->gold_format,
                  (pred_option.empty() ? "Format of the annotations"
                                       : "Format of the gold") +
                      formats);
  if (!pred_option.empty())
    cmd->add_option(pred_option, args->pred_format,
                    "Format of the predictions" + formats);
  cmd->add_option("--id-field", args->id_field,
                  "label-studio, doccano, spacy: the record field holding the "
                  "document id (Label Studio: a key of `data`; doccano and "
                  "spaCy: a top-level key or meta.KEY); default: the task id "
                  "or the line number");
  cmd->add_option(
      "--annotator", args->annotator,
      "label-studio: whose annotation to read when a task has "
      "several (completed_by id or e-mail, or predictions[:MODEL])");
  cmd->add_option("--text", args->text_dir,
                  "conll: a folder of <doc_id>.txt texts the tokens are "
                  "aligned to (default: the gold's text, else the tokens "
                  "joined by single spaces)");
  cmd->add_option("--tag-column", args->tag_column,
                  "conll: the 1-based column holding the tag (default: the "
                  "last)")
      ->check(CLI::Range(2, 1000));
  if (with_scheme)
    cmd->add_option("--scheme", args->scheme,
                    "conll: the tagging scheme, IOB1, IOB2 (default), IOE1, "
                    "IOE2, IOBES or BILOU; departures are read leniently and "
                    "counted");
  cmd->add_option("--discontinuous", args->discontinuous,
                  "brat: a span of several fragments becomes one mention "
                  "over them (hull) or is left out (skip); default: an error")
      ->check(CLI::IsMember({"hull", "skip"}));
}

Result<FormatReadOptions> ReadOptions(const FormatArgs& args) {
  FormatReadOptions options;
  options.id_field = args.id_field;
  options.annotator = args.annotator;
  options.ignore_unknown_keys = args.ignore_unknown_keys;
  options.text_dir = args.text_dir;
  options.tag_column = args.tag_column;
  options.scheme = args.scheme;
  if (args.discontinuous == "hull") {
    options.discontinuous = DiscontinuousMode::kHull;
  } else if (args.discontinuous == "skip") {
    options.discontinuous = DiscontinuousMode::kSkip;
  }
  return options;
}

Result<OpenedSide> OpenSide(const std::string& command, const std::string& path,
                            const std::string& format_name,
                            const std::string& option,
                            const FormatReadOptions& options,
                            const FormatContext& context) {
  auto format = Resolve(path, format_name, option);
  if (!format.ok()) return format.status();
  std::vector<FormatRepair> repairs;
  auto reader = OpenAnnotations(path, *format, options, context, &repairs);
  if (!reader.ok()) return reader.status();
  PrintRepairs(command, path, *format, repairs);
  return OpenedSide{*format, std::move(*reader)};
}

Result<Corpus> ReadSide(const std::string& command, const std::string& path,
                        const std::string& format_name,
                        const std::string& option,
                        const FormatReadOptions& options,
                        std::vector<Status>* problems,
                        const FormatContext& context,
                        AnnotationFormat* format_out) {
  auto format = Resolve(path, format_name, option);
  if (!format.ok()) return format.status();
  if (format_out) *format_out = *format;
  std::vector<FormatRepair> repairs;
  auto corpus =
      ReadAnnotations(path, *format, options, context, &repairs, problems);
  if (!corpus.ok()) return corpus.status();
  PrintRepairs(command, path, *format, repairs);
  return corpus;
}

Result<std::vector<Document>> ReadGoldTexts(const std::string& command,
                                            const std::string& path,
                                            const FormatArgs& args) {
  auto options = ReadOptions(args);
  if (!options.ok()) return options.status();
  std::vector<Status> problems;
  auto corpus = ReadSide(command, path, args.gold_format, "--gold-format",
                         *options, &problems);
  if (!corpus.ok()) return corpus.status();
  if (!problems.empty()) {
    const Status& first = problems.front();
    return Status::InvalidInput(
        first.message() + " (" + std::to_string(problems.size()) +
            " problem(s); run `ieval validate " + path + "`)",
        first.where());
  }
  std::vector<Document> docs;
  docs.reserve(corpus->documents.size());
  for (AnnotatedDocument& d : corpus->documents) {
    if (!d.has_text)
      return Status::InvalidInput(
          "no \"text\": gold documents carry their text",
          Where{d.source_file, d.source_line, d.document.doc_id, ""});
    docs.push_back(std::move(d.document));
  }
  if (docs.empty())
    return Status::InvalidInput("the gold holds no document",
                                Where{path, 0, "", ""});
  return docs;
}

Result<OpenedPair> OpenGoldAndPred(const std::string& command,
                                   const std::string& gold_path,
                                   const std::string& pred_path,
                                   const FormatArgs& args) {
  auto options = ReadOptions(args);
  if (!options.ok()) return options.status();
  OpenedPair out;
  auto gold_format = Resolve(gold_path, args.gold_format, "--gold-format");
  if (!gold_format.ok()) return gold_format.status();
  auto pred_format = Resolve(pred_path, args.pred_format, "--pred-format");
  if (!pred_format.ok()) return pred_format.status();
  out.gold_format = *gold_format;
  out.pred_format = *pred_format;
  if (*pred_format != AnnotationFormat::kConll) {
    auto gold = OpenSide(command, gold_path, args.gold_format, "--gold-format",
                         *options);
    if (!gold.ok()) return gold.status();
    auto pred = OpenSide(command, pred_path, args.pred_format, "--pred-format",
                         *options);
    if (!pred.ok()) return pred.status();
    out.gold = std::move(gold->reader);
    out.pred = std::move(pred->reader);
    return out;
  }
  const bool both_conll = *gold_format == AnnotationFormat::kConll;
  std::vector<ConllTokens> gold_tokens, pred_tokens;
  std::vector<Status> problems;
  FormatContext gold_context;
  if (both_conll) gold_context.conll_tokens = &gold_tokens;
  auto gold = ReadSide(command, gold_path, args.gold_format, "--gold-format",
                       *options, &problems, gold_context);
  if (!gold.ok()) return gold.status();
  if (!problems.empty()) {
    for (const Status& p : problems) std::cerr << p.ToString() << "\n";
    return Status::InvalidInput("the gold is invalid (details above)",
                                Where{gold_path, 0, "", ""});
  }
  DocumentTexts texts;
  FormatContext pred_context;
  if (both_conll) {
    pred_context.conll_tokens = &pred_tokens;
  } else if (options->text_dir.empty()) {
    for (const AnnotatedDocument& d : gold->documents)
      texts.emplace(d.document.doc_id, d.document.text);
    pred_context.texts = &texts;
  }
  auto pred = ReadSide(command, pred_path, args.pred_format, "--pred-format",
                       *options, &problems, pred_context);
  if (!pred.ok()) return pred.status();
  if (both_conll) {
    if (Status s =
            CheckSameTokens(gold_tokens, gold_path, pred_tokens, pred_path);
        !s.ok())
      return s;
    for (size_t i = 0; i < pred->documents.size(); ++i)
      pred->documents[i].document.doc_id = gold_tokens[i].doc_id;
  }
  out.gold = CorpusReader::FromCorpus(std::move(*gold));
  out.pred = CorpusReader::FromCorpus(std::move(*pred));
  return out;
}

Status NoIdInCommon(const std::string& gold_path, const std::string& pred_path,
                    const std::vector<std::string>& gold_ids,
                    const std::vector<std::string>& pred_ids) {
  auto list = [](const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids)
      out += (out.empty() ? "\"" : ", \"") + id + "\"";
    return out + "…";
  };
  return Status::InvalidInput(
      "no prediction of " + pred_path +
      " names a gold document (their doc_ids are not in the gold " + gold_path +
      "): the gold has " + list(gold_ids) + ", the predictions " +
      list(pred_ids) +
      " (formats without ids of ours take them from --id-field KEY; CoNLL "
      "from -DOCSTART- ID lines or the file name)");
}

}  // namespace ieval
