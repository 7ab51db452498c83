// ieval score --conll FILE [--mode conlleval|seqeval|strict] [--scheme S]
//             [-d DELIM] [--json] [--out FILE]
// Token-sequence scoring of a CoNLL file
// (eval/sequence/include/ieval/sequence/sequence_score.h).
#include <cstdio>
#include <iostream>

#include "exit_codes.h"
#include "ieval/io/atomic_file.h"
#include "ieval/sequence/sequence_score.h"
#include "score_command.h"

namespace ieval {

int RunConllScore(const ScoreArgs& args) {
  SequenceOptions options;
  if (args.mode == "conlleval") {
    options.mode = SequenceMode::kConlleval;
  } else if (args.mode == "seqeval") {
    options.mode = SequenceMode::kSeqeval;
  } else if (args.mode == "strict") {
    options.mode = SequenceMode::kStrict;
  } else {
    std::cerr << "ieval score: unknown --mode " << args.mode
              << " (conlleval, seqeval or strict)\n";
    return kExitBadInput;
  }
  if (options.mode == SequenceMode::kStrict) {
    const auto scheme = ParseScheme(args.scheme);
    if (!scheme) {
      std::cerr << "ieval score: --mode strict needs --scheme "
                   "IOB1|IOB2|IOE1|IOE2|IOBES|BILOU\n";
      return kExitBadInput;
    }
    options.scheme = *scheme;
  } else if (!args.scheme.empty()) {
    std::cerr << "ieval score: --scheme applies to --mode strict only ("
              << args.mode << " mode reads IOB1, IOB2 and more mixed)\n";
    return kExitBadInput;
  }

  FieldSplitter splitter;
  if (!args.delimiter.empty()) {
    auto parsed = FieldSplitter::Parse(args.delimiter);
    if (!parsed.ok()) {
      std::cerr << "ieval score: " << parsed.status().ToString() << "\n";
      return kExitBadInput;
    }
    splitter = std::move(parsed).value();
  }
  auto reader = ConllReader::Open(args.conll, std::move(splitter));
  if (!reader.ok()) {
    std::cerr << "ieval score: " << reader.status().ToString() << "\n";
    return kExitBadInput;
  }
  auto result = ScoreConll(**reader, options);
  if (!result.ok()) {
    std::cerr << "ieval score: " << result.status().ToString() << "\n";
    return kExitBadInput;
  }
  const std::string text =
      args.json ? FormatSequenceJson(args.conll, options, *result)
                : FormatSequenceTable(args.conll, options, *result);
  if (!args.out.empty()) {
    if (Status s = WriteFileAtomically(args.out, text); !s.ok()) {
      std::cerr << "ieval score: " << s.ToString() << "\n";
      return kExitBadInput;
    }
    return kExitOk;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitBadInput;
}

}  // namespace ieval
