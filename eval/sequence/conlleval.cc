#include "eval/sequence/conlleval.h"

#include <cstdio>
#include <utility>

namespace ieval {
namespace {

// Splits a tag as conlleval.pl's /^([^-]*)-(.*)$/ does, then reads the type
// "0" as "" ($type ? $type : "").
std::pair<std::string_view, std::string_view> SplitTag(std::string_view tag) {
  const size_t dash = FindByte(tag, '-');
  if (dash == std::string_view::npos) return {tag, {}};
  std::string_view type = tag.substr(dash + 1);
  if (type == "0") type = {};
  return {tag.substr(0, dash), type};
}

std::string_view RawType(std::string_view tag) {
  return tag == "0" ? std::string_view() : tag;
}

// Perl's printf "%6.2f" (Perl hands %f to the C library).
void AppendFixed(std::string* out, const char* format, double value) {
  char buffer[64];
  const int n = std::snprintf(buffer, sizeof buffer, format, value);
  out->append(buffer, static_cast<size_t>(n));
}

// Perl's %17s / %-7s: padded with spaces to `width` BYTES.
void AppendPadded(std::string* out, std::string_view s, size_t width,
                  bool left) {
  const size_t pad = s.size() < width ? width - s.size() : 0;
  if (!left) out->append(pad, ' ');
  out->append(s);
  if (left) out->append(pad, ' ');
}

struct Scores {
  double precision = 0.0;
  double recall = 0.0;
  double fb1 = 0.0;
};

// The per-type figures, with conlleval.pl's arithmetic and operation order.
Scores TypeScores(const ChunkCounts& c) {
  Scores s;
  if (c.predicted != 0) s.precision = 100.0 * c.correct / c.predicted;
  if (c.gold != 0) s.recall = 100.0 * c.correct / c.gold;
  if (s.precision + s.recall != 0.0)
    s.fb1 = 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

Scores OverallScores(const ChunkCounts& c) {
  Scores s;
  if (c.predicted > 0) s.precision = 100.0 * c.correct / c.predicted;
  if (c.gold > 0) s.recall = 100.0 * c.correct / c.gold;
  if (s.precision + s.recall > 0)
    s.fb1 = 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

}  // namespace

namespace {

// A prefix as the chunk rules see it: they only ever compare a prefix with
// one-character constants, so a prefix is its only byte, or 0 when it has
// another length ("", "B1", "O\r" are all "something else").
char Code(std::string_view prefix) {
  return prefix.size() == 1 ? prefix[0] : '\0';
}

// endOfChunk with the prefixes as codes; `type_changed` = prevType ne type.
bool EndOfChunk(char prev, char tag, bool type_changed) {
  if ((prev == 'B' || prev == 'I') && (tag == 'B' || tag == 'O')) return true;
  if (prev == 'E' && (tag == 'E' || tag == 'I' || tag == 'O')) return true;
  if (prev != 'O' && prev != '.' && type_changed) return true;
  return prev == ']' || prev == '[';
}

bool StartOfChunk(char prev, char tag, bool type_changed) {
  if (tag == 'B' && (prev == 'B' || prev == 'I' || prev == 'O')) return true;
  if (prev == 'O' && (tag == 'I' || tag == 'E')) return true;
  if (prev == 'E' && (tag == 'E' || tag == 'I')) return true;
  if (tag != 'O' && tag != '.' && type_changed) return true;
  return tag == '[' || tag == ']';
}

}  // namespace

bool ConllevalEndOfChunk(std::string_view prev_tag, std::string_view tag,
                         std::string_view prev_type, std::string_view type) {
  return EndOfChunk(Code(prev_tag), Code(tag), prev_type != type);
}

bool ConllevalStartOfChunk(std::string_view prev_tag, std::string_view tag,
                           std::string_view prev_type, std::string_view type) {
  return StartOfChunk(Code(prev_tag), Code(tag), prev_type != type);
}

ConllevalScorer::ConllevalScorer(ConllevalOptions options)
    : options_(std::move(options)) {}

void ConllevalScorer::AddToken(std::string_view gold, std::string_view pred) {
  if (!in_sentence_) {
    in_sentence_ = true;
    ++counts_.sentences;
  }
  if (options_.raw) {
    // -r: the outside tag becomes O; any other tag T becomes B-T.
    if (pred == options_.outside) pred = "O";
    if (gold == options_.outside) gold = "O";
    const bool pred_o = pred == "O", gold_o = gold == "O";
    Step(gold_o ? "O" : "B", gold_o ? std::string_view() : RawType(gold),
         pred_o ? "O" : "B", pred_o ? std::string_view() : RawType(pred),
         false);
    return;
  }
  const auto [correct, correct_type] = SplitTag(gold);
  const auto [guessed, guessed_type] = SplitTag(pred);
  Step(correct, correct_type, guessed, guessed_type, false);
}

void ConllevalScorer::AddBoundary() {
  in_sentence_ = false;
  Step("O", {}, "O", {}, true);
}

void ConllevalScorer::Step(std::string_view correct,
                           std::string_view correct_type,
                           std::string_view guessed,
                           std::string_view guessed_type, bool boundary) {
  const char correct_code = Code(correct), guessed_code = Code(guessed);
  const bool correct_type_changed =
      !SameBytes(last_correct_type_, correct_type);
  const bool guessed_type_changed =
      !SameBytes(last_guessed_type_, guessed_type);
  if (in_correct_) {
    const bool end_correct =
        EndOfChunk(last_correct_, correct_code, correct_type_changed);
    const bool end_guessed =
        EndOfChunk(last_guessed_, guessed_code, guessed_type_changed);
    if (end_correct && end_guessed &&
        SameBytes(last_guessed_type_, last_correct_type_)) {
      in_correct_ = false;
      ++types_[last_correct_type_].correct;
    } else if (end_correct != end_guessed ||
               !SameBytes(guessed_type, correct_type)) {
      in_correct_ = false;
    }
  }
  const bool start_correct =
      StartOfChunk(last_correct_, correct_code, correct_type_changed);
  const bool start_guessed =
      StartOfChunk(last_guessed_, guessed_code, guessed_type_changed);
  const bool same_type = SameBytes(guessed_type, correct_type);
  if (start_correct && start_guessed && same_type) in_correct_ = true;
  if (start_correct) ++types_[correct_type].gold;
  if (start_guessed) ++types_[guessed_type].predicted;
  if (!boundary) {
    if (same_type && SameBytes(correct, guessed)) ++counts_.correct_tags;
    ++counts_.tokens;
  }
  last_guessed_ = guessed_code;
  last_correct_ = correct_code;
  if (guessed_type_changed) last_guessed_type_.assign(guessed_type);
  if (correct_type_changed) last_correct_type_.assign(correct_type);
}

SequenceCounts ConllevalScorer::Finish() {
  if (in_correct_) {
    ++types_[last_correct_type_].correct;
    in_correct_ = false;
  }
  return std::move(counts_);
}

std::string FormatConllevalReport(const SequenceCounts& counts, bool latex) {
  std::string out;
  const ChunkCounts total = counts.Total();
  if (!latex) {
    const Scores overall = OverallScores(total);
    out += "processed " + std::to_string(counts.tokens) + " tokens with " +
           std::to_string(total.gold) +
           " phrases; found: " + std::to_string(total.predicted) +
           " phrases; correct: " + std::to_string(total.correct) + ".\n";
    if (counts.tokens > 0) {
      AppendFixed(&out, "accuracy: %6.2f%%; ",
                  100.0 * counts.correct_tags / counts.tokens);
      AppendFixed(&out, "precision: %6.2f%%; ", overall.precision);
      AppendFixed(&out, "recall: %6.2f%%; ", overall.recall);
      AppendFixed(&out, "FB1: %6.2f\n", overall.fb1);
    }
  } else {
    out += "        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline";
  }
  // conlleval.pl lists the sorted keys of its gold and found tables and
  // skips a key equal to the one before unless that one is false in Perl:
  // the type "" then comes once per table that has it.
  for (const auto& [type, c] : counts.per_type) {
    const int copies = type.empty() ? (c.gold > 0) + (c.predicted > 0)
                                    : (c.gold > 0 || c.predicted > 0);
    const Scores s = TypeScores(c);
    for (int copy = 0; copy < copies; ++copy) {
      if (!latex) {
        AppendPadded(&out, type, 17, /*left=*/false);
        out += ": ";
        AppendFixed(&out, "precision: %6.2f%%; ", s.precision);
        AppendFixed(&out, "recall: %6.2f%%; ", s.recall);
        AppendFixed(&out, "FB1: %6.2f  ", s.fb1);
        out += std::to_string(c.predicted) + "\n";
      } else {
        out += "\n";
        AppendPadded(&out, type, 7, /*left=*/true);
        AppendFixed(&out, " &  %6.2f\\%% & ", s.precision);
        AppendFixed(&out, "%6.2f\\%% & ", s.recall);
        AppendFixed(&out, "%6.2f \\\\", s.fb1);
      }
    }
  }
  if (latex) {
    out += "\\hline\n";
    const Scores overall = OverallScores(total);
    AppendFixed(&out, "Overall &  %6.2f\\%% & ", overall.precision);
    AppendFixed(&out, "%6.2f\\%% & ", overall.recall);
    AppendFixed(&out, "%6.2f \\\\\\hline\n", overall.fb1);
  }
  return out;
}

}  // namespace ieval
