#include "ieval/sequence/conlleval.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
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
constexpr bool EndOfChunk(char prev, char tag, bool type_changed) {
  if ((prev == 'B' || prev == 'I') && (tag == 'B' || tag == 'O')) return true;
  if (prev == 'E' && (tag == 'E' || tag == 'I' || tag == 'O')) return true;
  if (prev != 'O' && prev != '.' && type_changed) return true;
  return prev == ']' || prev == '[';
}

constexpr bool StartOfChunk(char prev, char tag, bool type_changed) {
  if (tag == 'B' && (prev == 'B' || prev == 'I' || prev == 'O')) return true;
  if (prev == 'O' && (tag == 'I' || tag == 'E')) return true;
  if (prev == 'E' && (tag == 'E' || tag == 'I')) return true;
  if (tag != 'O' && tag != '.' && type_changed) return true;
  return tag == '[' || tag == ']';
}

uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
uint32_t Load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// SameBytes for the few bytes of a line's two tags: eight (or four) at a
// time, the last load overlapping the one before, instead of a loop whose
// exit depends on the length.
bool SameShortBytes(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8)
      if (Load8(a.data() + i) != Load8(b.data() + i)) return false;
    return Load8(a.data() + n - 8) == Load8(b.data() + n - 8);
  }
  if (n >= 4)
    return Load4(a.data()) == Load4(b.data()) &&
           Load4(a.data() + n - 4) == Load4(b.data() + n - 4);
  return SameBytes(a, b);
}

// The prefix codes the rules tell apart, by kind ('\0': any other).
constexpr std::array<char, 8> kKindCodes = {'\0', 'B', 'I', 'E',
                                            'O',  '.', '[', ']'};

uint8_t KindOf(char code) {
  for (uint8_t k = 1; k < kKindCodes.size(); ++k)
    if (kKindCodes[k] == code) return k;
  return 0;
}

// Both rules for every pair of kinds, computed at compile time: bit t of
// end[prev][tag] is EndOfChunk(prev, tag, type_changed = t). A token then
// costs two table reads instead of a dozen branches.
struct ChunkTables {
  uint8_t end[8][8];
  uint8_t start[8][8];
};

constexpr ChunkTables MakeChunkTables() {
  ChunkTables t{};
  for (size_t p = 0; p < 8; ++p) {
    for (size_t c = 0; c < 8; ++c) {
      for (int changed = 0; changed < 2; ++changed) {
        const auto bit = static_cast<uint8_t>(1 << changed);
        if (EndOfChunk(kKindCodes[p], kKindCodes[c], changed == 1))
          t.end[p][c] |= bit;
        if (StartOfChunk(kKindCodes[p], kKindCodes[c], changed == 1))
          t.start[p][c] |= bit;
      }
    }
  }
  return t;
}

constexpr ChunkTables kChunkTables = MakeChunkTables();

bool Ends(uint8_t prev, uint8_t tag, bool type_changed) {
  return (kChunkTables.end[prev][tag] >> (type_changed ? 1 : 0)) & 1;
}
bool Starts(uint8_t prev, uint8_t tag, bool type_changed) {
  return (kChunkTables.start[prev][tag] >> (type_changed ? 1 : 0)) & 1;
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
    : options_(std::move(options)) {
  static_assert(kKindCodes[kOutsideKind] == 'O');
  prefixes_.Intern("O");
  types_.Intern("");
}

ConllevalScorer::Tag ConllevalScorer::Split(std::string_view tag) {
  if (options_.raw) {
    // -r: the outside tag becomes O; any other tag T becomes B-T.
    if (tag == options_.outside || tag == "O") return kOutside;
    return {KindOf('B'), prefixes_.Intern("B").first,
            types_.Intern(RawType(tag)).first};
  }
  const auto [prefix, type] = SplitTag(tag);
  return {KindOf(Code(prefix)), prefixes_.Intern(prefix).first,
          types_.Intern(type).first};
}

ChunkCounts& ConllevalScorer::Counts(uint32_t type) {
  if (type >= per_type_.size()) per_type_.resize(types_.size());
  return per_type_[type];
}

void ConllevalScorer::AddTokenSlow(std::string_view gold,
                                   std::string_view pred) {
  if (!in_sentence_) {
    in_sentence_ = true;
    ++counts_.sentences;
  }
  if (IsOutsidePair(gold, pred)) {
    Step(kOutside, kOutside, false);
    return;
  }
  auto split = [this](std::string_view tag) { return Split(tag); };
  if (pred.data() == gold.data() + gold.size() + 1) {
    const std::string_view bytes(gold.data(), gold.size() + 1 + pred.size());
    PairSlot& slot =
        pairs_[(bytes.size() * 131 + static_cast<unsigned char>(bytes[0]) * 31 +
                static_cast<unsigned char>(bytes.back()) * 7 +
                static_cast<unsigned char>(bytes[gold.size() + 1])) &
               (pairs_.size() - 1)];
    if (slot.gold_length != gold.size() || !SameShortBytes(slot.bytes, bytes)) {
      slot.bytes.assign(bytes);
      slot.gold_length = gold.size();
      slot.correct = tags_.Get(gold, split);
      slot.guessed = tags_.Get(pred, split);
    }
    Step(slot.correct, slot.guessed, false);
    return;
  }
  const Tag correct = tags_.Get(gold, split);
  const Tag guessed = tags_.Get(pred, split);
  Step(correct, guessed, false);
}

void ConllevalScorer::AddBoundary() {
  in_sentence_ = false;
  Step(kOutside, kOutside, true);
}

void ConllevalScorer::Step(const Tag& correct, const Tag& guessed,
                           bool boundary) {
  const bool correct_type_changed = last_correct_.type != correct.type;
  const bool guessed_type_changed = last_guessed_.type != guessed.type;
  if (in_correct_) {
    const bool end_correct =
        Ends(last_correct_.kind, correct.kind, correct_type_changed);
    const bool end_guessed =
        Ends(last_guessed_.kind, guessed.kind, guessed_type_changed);
    if (end_correct && end_guessed &&
        last_guessed_.type == last_correct_.type) {
      in_correct_ = false;
      ++Counts(last_correct_.type).correct;
    } else if (end_correct != end_guessed || guessed.type != correct.type) {
      in_correct_ = false;
    }
  }
  const bool start_correct =
      Starts(last_correct_.kind, correct.kind, correct_type_changed);
  const bool start_guessed =
      Starts(last_guessed_.kind, guessed.kind, guessed_type_changed);
  const bool same_type = guessed.type == correct.type;
  if (start_correct && start_guessed && same_type) in_correct_ = true;
  if (start_correct) ++Counts(correct.type).gold;
  if (start_guessed) ++Counts(guessed.type).predicted;
  if (!boundary) {
    if (same_type && correct.prefix == guessed.prefix) ++counts_.correct_tags;
    ++counts_.tokens;
  }
  last_guessed_ = guessed;
  last_correct_ = correct;
  outside_run_ =
      !boundary && !in_correct_ && IsOutside(correct) && IsOutside(guessed);
}

SequenceCounts ConllevalScorer::Finish() {
  if (in_correct_) {
    ++Counts(last_correct_.type).correct;
    in_correct_ = false;
  }
  // A type has an entry once one of its counts was incremented.
  for (uint32_t type = 0; type < per_type_.size(); ++type) {
    const ChunkCounts& c = per_type_[type];
    if (c.gold != 0 || c.predicted != 0 || c.correct != 0)
      counts_.per_type.emplace(std::string(types_.Name(type)), c);
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
