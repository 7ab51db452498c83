#include "ieval/sequence/sequence_score.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "ieval/core/offset_index.h"
#include "ieval/core/text_format.h"
#include "ieval/sequence/conll_scan.h"

namespace ieval {
namespace {

// Adds the file name to a scorer's error (scorers know lines, not files).
Status InFile(const Status& status, const std::string& file) {
  Where where = status.where();
  where.file = file;
  return Status::InvalidInput(status.message(), where);
}

// conlleval.pl reads every line: -DOCSTART- is a token (counted for the
// warning), a blank or -X- line a boundary.
struct ConllevalVisitor {
  ConllevalScorer& scorer;
  int64_t docstarts = 0;
  void Boundary() { scorer.AddBoundary(); }
  void Token(std::string_view gold, std::string_view pred, int64_t,
             bool docstart) {
    docstarts += docstart;
    scorer.AddToken(gold, pred);
  }
};

Result<SequenceResult> ScoreConlleval(ConllReader& reader,
                                      const ConllevalOptions& options) {
  ConllevalScorer scorer(options);
  ConllevalVisitor visitor{scorer};
  if (!reader.Scan(visitor)) return reader.status();
  SequenceResult result;
  result.counts = scorer.Finish();
  if (visitor.docstarts > 0) {
    result.warnings.push_back(
        std::to_string(visitor.docstarts) +
        " -DOCSTART- lines counted as tokens tagged as in their columns, as "
        "conlleval.pl does (--mode seqeval and strict drop them)");
  }
  return result;
}

// Feeds the lines to a seqeval scorer as the reference loader does:
// -DOCSTART- ends a sentence and is no token.
template <typename Scorer>
struct SentenceVisitor {
  Scorer& scorer;
  void Boundary() { scorer.EndSentence(); }
  void Token(std::string_view gold, std::string_view pred, int64_t number,
             bool docstart) {
    if (docstart) {
      scorer.EndSentence();
    } else {
      scorer.AddToken(gold, pred, number);
    }
  }
};

template <typename Scorer>
Status FeedSentences(ConllReader& reader, Scorer& scorer) {
  SentenceVisitor<Scorer> visitor{scorer};
  reader.Scan(visitor);
  return reader.status();
}

// The table's numbers, as seqeval's report prints them: "0.8125",
// "95.31%"; "n/a" where there is nothing to divide.
std::string Percent(double fraction) {
  return ::ieval::Fixed(100 * fraction, 2) + "%";
}

std::string Fixed4(double value) {
  return std::isnan(value) ? "n/a" : ::ieval::Fixed(value, 4);
}

// Display width of a UTF-8 name (code points), for aligning columns.
size_t Width(std::string_view s) {
  return static_cast<size_t>(CountCodepoints(s));
}

std::string PadRight(std::string_view s, size_t width) {
  std::string out(s);
  const size_t w = Width(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string PadLeft(const std::string& s, size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

nlohmann::json RowJson(const ReportRow& row) {
  auto number = [](double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
  };
  return {{"precision", number(row.precision)},
          {"recall", number(row.recall)},
          {"f1", number(row.f1)},
          {"support", row.support},
          {"predicted", row.predicted},
          {"correct", row.correct}};
}

// A type name as a JSON key, losslessly: valid UTF-8 without a backslash
// stays as it is; otherwise each undecodable byte reads \xB0 (backslash,
// x, two hex digits) and each backslash is doubled, so two different byte
// strings never become one key (U+FFFD for bad bytes would merge them).
std::string JsonName(std::string_view name) {
  if (!FindInvalidUtf8(name) && name.find('\\') == std::string_view::npos)
    return std::string(name);
  std::string out;
  while (!name.empty()) {
    const std::optional<int64_t> bad = FindInvalidUtf8(name);
    const size_t good = bad ? static_cast<size_t>(*bad) : name.size();
    for (char c : name.substr(0, good)) {
      if (c == '\\') out += '\\';
      out += c;
    }
    if (!bad) break;
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\x%02X",
                  static_cast<unsigned char>(name[good]));
    out += hex;
    name.remove_prefix(good + 1);
  }
  return out;
}

// What the table and the JSON both report, derived once from the counts.
struct Summary {
  RunDescription run;
  ClassificationReport report;
  ChunkCounts total;
  double accuracy;  // of the tags; NaN without tokens
};

Summary Summarize(const SequenceOptions& options,
                  const SequenceCounts& counts) {
  return {Describe(options), MakeClassificationReport(counts), counts.Total(),
          counts.tokens > 0 ? static_cast<double>(counts.correct_tags) /
                                  static_cast<double>(counts.tokens)
                            : std::nan("")};
}

}  // namespace

std::string_view SequenceModeName(SequenceMode mode) {
  switch (mode) {
    case SequenceMode::kConlleval:
      return "conlleval";
    case SequenceMode::kSeqeval:
      return "seqeval";
    case SequenceMode::kStrict:
      return "strict";
  }
  return "conlleval";
}

// ScoreConll before its notes on the result.
static Result<SequenceResult> ScoreLines(ConllReader& reader,
                                         const SequenceOptions& options) {
  if (options.mode == SequenceMode::kConlleval)
    return ScoreConlleval(reader, options.conlleval);

  SequenceResult result;
  if (options.mode == SequenceMode::kSeqeval) {
    SeqevalScorer scorer;
    if (Status s = FeedSentences(reader, scorer); !s.ok()) return s;
    auto counts = scorer.Finish();
    if (!counts.ok()) return InFile(counts.status(), reader.name());
    result.counts = std::move(counts).value();
    if (scorer.non_ne_tags() > 0) {
      std::string examples;
      for (const auto& tag : scorer.non_ne_examples())
        examples += (examples.empty() ? "" : ", ") + tag;
      result.warnings.push_back(
          std::to_string(scorer.non_ne_tags()) +
          " tags are not O/B/I/E/S or B-/I-/E-/S- tags (seqeval warns \"… "
          "seems not to be NE tag.\"), read by their first letter: " +
          examples);
    }
    return result;
  }
  StrictScorer scorer(options.scheme);
  if (Status s = FeedSentences(reader, scorer); !s.ok()) return s;
  auto counts = scorer.Finish();
  if (!counts.ok()) return InFile(counts.status(), reader.name());
  result.counts = std::move(counts).value();
  return result;
}

RunDescription Describe(const SequenceOptions& options) {
  RunDescription d;
  d.mode = std::string(SequenceModeName(options.mode));
  switch (options.mode) {
    case SequenceMode::kConlleval:
      d.reference = "conlleval.pl, version 2004-01-26";
      if (options.conlleval.raw) {
        d.scheme = "raw tags (-r): every tag other than '" +
                   options.conlleval.outside + "' is a one-token chunk";
        d.repair = "none needed: no prefixes";
      } else {
        d.scheme =
            "IOB1/IOB2 mixed, as conlleval.pl (prefix = text before the "
            "first '-'; E- ends a chunk only before E-, I- or O)";
        d.repair =
            "I- after O starts a chunk; a type change ends a chunk and "
            "starts another";
      }
      break;
    case SequenceMode::kSeqeval:
      d.reference = "seqeval 1.2.2, default mode";
      d.scheme = "IOB1/IOB2/IOBES mixed, as seqeval's default mode";
      d.repair =
          "I- after O starts a chunk; a type change ends a chunk and starts "
          "another; E-/S- end a chunk";
      break;
    case SequenceMode::kStrict:
      d.reference = "seqeval 1.2.2, mode=\"strict\"";
      d.scheme = std::string(SchemeName(options.scheme));
      d.repair = "none: sequences invalid in " + d.scheme +
                 " are dropped (invalid sequences yield no entity";
      if (options.scheme == Scheme::kIOB2) d.repair += ", e.g. I- after O";
      d.repair += ")";
      break;
  }
  return d;
}

std::string FormatSequenceTable(std::string_view source,
                                const SequenceOptions& options,
                                const SequenceResult& result) {
  const Summary s = Summarize(options, result.counts);
  std::string out;
  out += "file:    " + std::string(source) + "\n";
  out += "mode:    " + s.run.mode + " (" + s.run.reference + ")\n";
  out += "scheme:  " + s.run.scheme + "\n";
  out += "repair:  " + s.run.repair + "\n";
  out += "tokens:  " + std::to_string(result.counts.tokens) + " in " +
         std::to_string(result.counts.sentences) +
         " sentences; token accuracy " +
         (std::isnan(s.accuracy) ? std::string("n/a") : Percent(s.accuracy)) +
         "\n";
  out += "chunks:  " + std::to_string(s.total.gold) + " gold, " +
         std::to_string(s.total.predicted) + " predicted, " +
         std::to_string(s.total.correct) + " correct\n\n";

  size_t width = 12;  // "weighted avg"
  for (const auto& [type, row] : s.report.per_type)
    width = std::max(width, Width(type));
  auto line = [&](std::string_view name, const ReportRow& row) {
    out += PadRight(name, width) + PadLeft(Fixed4(row.precision), 11) +
           PadLeft(Fixed4(row.recall), 9) + PadLeft(Fixed4(row.f1), 9) +
           PadLeft(std::to_string(row.support), 9) +
           PadLeft(std::to_string(row.predicted), 11) +
           PadLeft(std::to_string(row.correct), 9) + "\n";
  };
  out += PadRight("type", width) + "  precision   recall       f1  support" +
         "  predicted  correct\n";
  for (const auto& [type, row] : s.report.per_type) line(type, row);
  out += "\n";
  line("micro avg", s.report.micro);
  line("macro avg", s.report.macro);
  line("weighted avg", s.report.weighted);
  for (const auto& warning : result.warnings) out += "note: " + warning + "\n";
  return out;
}

std::string FormatSequenceJson(std::string_view source,
                               const SequenceOptions& options,
                               const SequenceResult& result) {
  const Summary s = Summarize(options, result.counts);
  nlohmann::json per_type = nlohmann::json::object();
  for (const auto& [type, row] : s.report.per_type)
    per_type[JsonName(type)] = RowJson(row);
  nlohmann::json json = {
      {"file", std::string(source)},
      {"mode", s.run.mode},
      {"reference", s.run.reference},
      {"scheme", s.run.scheme},
      {"repair", s.run.repair},
      {"tokens", result.counts.tokens},
      {"sentences", result.counts.sentences},
      {"accuracy", std::isnan(s.accuracy) ? nlohmann::json(nullptr)
                                          : nlohmann::json(s.accuracy)},
      {"phrases",
       {{"gold", s.total.gold},
        {"predicted", s.total.predicted},
        {"correct", s.total.correct}}},
      {"per_type", per_type},
      {"micro", RowJson(s.report.micro)},
      {"macro", RowJson(s.report.macro)},
      {"weighted", RowJson(s.report.weighted)},
      {"warnings", result.warnings}};
  // Type names are escaped (JsonName); invalid UTF-8 elsewhere (the file
  // name, a warning quoting a tag) is replaced rather than failing the dump.
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

// With Windows line endings and no blank line the reader sees no column
// count change, and the '\r' stays in every last tag (conlleval.pl keeps it
// too): "B-PER\r" is then a type of its own, and nothing else says why the
// scores are wrong.
static void NoteCarriageReturns(SequenceResult& result) {
  std::string types;
  int64_t count = 0;
  for (const auto& [type, counts] : result.counts.per_type) {
    if (type.empty() || type.back() != '\r') continue;
    if (++count <= 3)
      types += (types.empty() ? "\"" : ", \"") +
               type.substr(0, type.size() - 1) + "\\r\"";
  }
  if (count == 0) return;
  result.warnings.push_back(
      std::to_string(count) + " types end in \\r (" + types +
      (count > 3 ? ", …" : "") +
      "): the file has Windows line endings and the \\r stays in the last "
      "tag, as conlleval.pl keeps it; convert the file with dos2unix or "
      "tr -d '\\r'");
}

Result<SequenceResult> ScoreConll(ConllReader& reader,
                                  const SequenceOptions& options) {
  auto result = ScoreLines(reader, options);
  if (result.ok()) NoteCarriageReturns(*result);
  return result;
}

}  // namespace ieval
