// The options every command that reads annotations shares: which format
// each side is in (default auto, formats.h) and what the formats need
// (--id-field, --annotator, --text, --tag-column, --scheme,
// --discontinuous), and the reading of a side with its repairs reported.
#ifndef IEVAL_APP_CLI_FORMAT_ARGS_H_
#define IEVAL_APP_CLI_FORMAT_ARGS_H_

#include <memory>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/io/formats.h"

namespace CLI {
class App;
}

namespace ieval {

struct FormatArgs {
  std::string gold_format = "auto";
  std::string pred_format = "auto";
  std::string id_field;
  std::string annotator;
  std::string text_dir;
  int tag_column = 0;
  std::string scheme;
  std::string discontinuous;
  bool ignore_unknown_keys = false;
};

// Declares the options on `cmd`. `gold_option` and `pred_option` are the
// names of the format options ("--gold-format", "--pred-format"; run and
// validate: "--format" and none). With `with_scheme` false the command
// declares --scheme itself (score) and copies it into `args`.
void AddFormatOptions(CLI::App* cmd, FormatArgs* args,
                      const std::string& gold_option,
                      const std::string& pred_option, bool with_scheme = true);

// The options as the readers take them (kUsage when a value is wrong).
Result<FormatReadOptions> ReadOptions(const FormatArgs& args);

// One side of a command's input, opened in its format; the repairs made
// are printed on stderr as notes prefixed by `command` ("ieval score").
struct OpenedSide {
  AnnotationFormat format = AnnotationFormat::kIeval;
  std::unique_ptr<CorpusReader> reader;
};
Result<OpenedSide> OpenSide(const std::string& command, const std::string& path,
                            const std::string& format_name,
                            const std::string& option,
                            const FormatReadOptions& options,
                            const FormatContext& context = {});

// The same, read whole (problems of single ieval JSON documents appended).
Result<Corpus> ReadSide(const std::string& command, const std::string& path,
                        const std::string& format_name,
                        const std::string& option,
                        const FormatReadOptions& options,
                        std::vector<Status>* problems,
                        const FormatContext& context = {},
                        AnnotationFormat* format = nullptr);

// The documents of a gold in `args.gold_format` whose texts a command runs
// on (extract, bench): every document carries its text (CoNLL without
// --text: the tokens joined by single spaces), doc_ids as the format gives
// them. The first problem of a single document fails the whole read.
Result<std::vector<Document>> ReadGoldTexts(const std::string& command,
                                            const std::string& path,
                                            const FormatArgs& args);

// Gold and predictions, opened for ScoreStreams. CoNLL predictions are
// aligned to the gold's texts (unless --text); CoNLL on both sides must
// list the same tokens (CheckSameTokens). Problems of the gold's single
// JSON documents, when it has to be read whole, are printed and fail.
struct OpenedPair {
  AnnotationFormat gold_format = AnnotationFormat::kIeval;
  AnnotationFormat pred_format = AnnotationFormat::kIeval;
  std::unique_ptr<CorpusReader> gold;
  std::unique_ptr<CorpusReader> pred;
};
Result<OpenedPair> OpenGoldAndPred(const std::string& command,
                                   const std::string& gold_path,
                                   const std::string& pred_path,
                                   const FormatArgs& args);

// The error for predictions none of whose doc_ids is in the gold, showing
// a few of each side's.
Status NoIdInCommon(const std::string& gold_path, const std::string& pred_path,
                    const std::vector<std::string>& gold_ids,
                    const std::vector<std::string>& pred_ids);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_FORMAT_ARGS_H_
