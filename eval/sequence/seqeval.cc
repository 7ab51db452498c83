#include "ieval/sequence/seqeval.h"

#include <array>
#include <cstdio>
#include <span>
#include <tuple>

namespace ieval {
namespace {

// seqeval.scheme.Prefix: the values are Python's enum.auto() bits, so the
// "Allowed prefixes are: I|O|B" texts list them in this order.
constexpr uint8_t kI = 1, kO = 2, kB = 4, kE = 8, kS = 16, kU = 32, kL = 64;
constexpr uint8_t kAny = kI | kO | kB | kE | kS | kU | kL;

enum Cond : uint8_t { kSame = 1, kDiff = 2, kAnyTag = 3 };

struct Pattern {
  uint8_t prev;
  uint8_t cur;
  Cond cond;
};

struct Rules {
  uint8_t allowed;
  std::string_view allowed_text;
  std::span<const Pattern> start, inside, end;
};

// The start/inside/end patterns of seqeval.scheme's Token classes.
constexpr Pattern kIob1Start[] = {{kO, kI, kAnyTag},
                                  {kI, kI, kDiff},
                                  {kB, kI, kAnyTag},
                                  {kI, kB, kSame},
                                  {kB, kB, kSame}};
constexpr Pattern kIob1Inside[] = {{kB, kI, kSame}, {kI, kI, kSame}};
constexpr Pattern kIob1End[] = {{kI, kI, kDiff},   {kI, kO, kAnyTag},
                                {kI, kB, kAnyTag}, {kB, kO, kAnyTag},
                                {kB, kI, kDiff},   {kB, kB, kSame}};
constexpr Pattern kIoe1Start[] = {
    {kO, kI, kAnyTag}, {kI, kI, kDiff}, {kE, kI, kAnyTag}, {kE, kE, kSame}};
constexpr Pattern kIoe1Inside[] = {{kI, kI, kSame}, {kI, kE, kSame}};
constexpr Pattern kIoe1End[] = {{kI, kI, kDiff},
                                {kI, kO, kAnyTag},
                                {kI, kE, kDiff},
                                {kE, kI, kSame},
                                {kE, kE, kSame}};
constexpr Pattern kIob2Start[] = {{kAny, kB, kAnyTag}};
constexpr Pattern kIob2Inside[] = {{kB, kI, kSame}, {kI, kI, kSame}};
constexpr Pattern kIob2End[] = {{kI, kO, kAnyTag}, {kI, kI, kDiff},
                                {kI, kB, kAnyTag}, {kB, kO, kAnyTag},
                                {kB, kI, kDiff},   {kB, kB, kAnyTag}};
constexpr Pattern kIoe2Start[] = {{kO, kI, kAnyTag}, {kO, kE, kAnyTag},
                                  {kE, kI, kAnyTag}, {kE, kE, kAnyTag},
                                  {kI, kI, kDiff},   {kI, kE, kDiff}};
constexpr Pattern kIoe2Inside[] = {{kI, kE, kSame}, {kI, kI, kSame}};
constexpr Pattern kIoe2End[] = {{kE, kAny, kAnyTag}};
constexpr Pattern kIobesStart[] = {{kAny, kB, kAnyTag}, {kAny, kS, kAnyTag}};
constexpr Pattern kIobesInside[] = {
    {kB, kI, kSame}, {kB, kE, kSame}, {kI, kI, kSame}, {kI, kE, kSame}};
constexpr Pattern kIobesEnd[] = {{kS, kAny, kAnyTag}, {kE, kAny, kAnyTag}};
constexpr Pattern kBilouStart[] = {{kAny, kB, kAnyTag}, {kAny, kU, kAnyTag}};
constexpr Pattern kBilouInside[] = {
    {kB, kI, kSame}, {kB, kL, kSame}, {kI, kI, kSame}, {kI, kL, kSame}};
constexpr Pattern kBilouEnd[] = {{kU, kAny, kAnyTag}, {kL, kAny, kAnyTag}};

const Rules& RulesFor(Scheme scheme) {
  static const Rules kIob1{kI | kO | kB, "I|O|B", kIob1Start, kIob1Inside,
                           kIob1End};
  static const Rules kIoe1{kI | kO | kE, "I|O|E", kIoe1Start, kIoe1Inside,
                           kIoe1End};
  static const Rules kIob2{kI | kO | kB, "I|O|B", kIob2Start, kIob2Inside,
                           kIob2End};
  static const Rules kIoe2{kI | kO | kE, "I|O|E", kIoe2Start, kIoe2Inside,
                           kIoe2End};
  static const Rules kIobes{kI | kO | kB | kE | kS, "I|O|B|E|S", kIobesStart,
                            kIobesInside, kIobesEnd};
  static const Rules kBilou{kB | kI | kL | kO | kU, "I|O|B|U|L", kBilouStart,
                            kBilouInside, kBilouEnd};
  switch (scheme) {
    case Scheme::kIOB1:
      return kIob1;
    case Scheme::kIOE1:
      return kIoe1;
    case Scheme::kIOB2:
      return kIob2;
    case Scheme::kIOE2:
      return kIoe2;
    case Scheme::kIOBES:
      return kIobes;
    case Scheme::kBILOU:
      return kBilou;
  }
  return kIob2;
}

// Token.check_patterns.
bool Matches(std::span<const Pattern> patterns, uint8_t prev_prefix,
             std::string_view prev_tag, uint8_t prefix, std::string_view tag) {
  int same = -1;  // prev_tag == tag, compared only when a pattern needs it
  for (const Pattern& p : patterns) {
    if ((prev_prefix & p.prev) == 0 || (prefix & p.cur) == 0) continue;
    if (p.cond == kAnyTag) return true;
    if (same < 0) same = SameBytes(prev_tag, tag);
    if ((same && p.cond == kSame) || (!same && p.cond == kDiff)) return true;
  }
  return false;
}

// The bytes of a string's first character (Python indexes code points).
size_t FirstCharLength(std::string_view s) {
  const auto lead = static_cast<unsigned char>(s[0]);
  size_t n = 1;
  if (lead >= 0xF0 && lead < 0xF8) {
    n = 4;
  } else if (lead >= 0xE0) {
    n = lead < 0xF0 ? 3 : 1;
  } else if (lead >= 0xC0) {
    n = 2;
  }
  return n <= s.size() ? n : 1;
}

// Python's repr() of a one-character string, as in "KeyError: 'X'".
std::string PyRepr(std::string_view ch) {
  char buffer[16];
  if (ch.size() == 1) {
    const auto c = static_cast<unsigned char>(ch[0]);
    if (c == '\'') return "\"'\"";
    if (c == '\\') return "'\\\\'";
    if (c == '\t') return "'\\t'";
    if (c == '\n') return "'\\n'";
    if (c == '\r') return "'\\r'";
    if (c < 0x20 || c >= 0x7f) {
      std::snprintf(buffer, sizeof buffer, "'\\x%02x'", c);
      return buffer;
    }
    return "'" + std::string(ch) + "'";
  }
  // Non-printable code points (C1 controls, no-break and other special
  // spaces, soft hyphen, format characters) are escaped by Python.
  uint32_t cp = 0;
  const auto lead = static_cast<unsigned char>(ch[0]);
  if (ch.size() == 2) cp = lead & 0x1F;
  if (ch.size() == 3) cp = lead & 0x0F;
  if (ch.size() == 4) cp = lead & 0x07;
  for (size_t i = 1; i < ch.size(); ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(ch[i]) & 0x3F);
  if (cp <= 0xA0 || cp == 0xAD) {
    std::snprintf(buffer, sizeof buffer, "'\\x%02x'", cp);
    return buffer;
  }
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
      (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) {
    std::snprintf(buffer, sizeof buffer, "'\\u%04x'", cp);
    return buffer;
  }
  return "'" + std::string(ch) + "'";
}

std::string Quoted(std::string_view tag) {
  return "'" + std::string(tag) + "'";
}

const char* Side(bool gold) { return gold ? "gold" : "predicted"; }

Status InputError(std::string message, int64_t line) {
  return Status::InvalidInput(std::move(message), Where{"", line, "", ""});
}

// seqeval's end_of_chunk and start_of_chunk (default mode), with a tag's
// letter as a one-byte code (0 for a letter of several bytes, which no rule
// names) and `type_changed` = prev_type != type_.
bool SeqevalEnd(char prev, char tag, bool type_changed) {
  if (prev == 'E' || prev == 'S') return true;
  if ((prev == 'B' || prev == 'I') && (tag == 'B' || tag == 'S' || tag == 'O'))
    return true;
  return prev != 'O' && prev != '.' && type_changed;
}

bool SeqevalStart(char prev, char tag, bool type_changed) {
  if (tag == 'B' || tag == 'S') return true;
  if ((prev == 'E' || prev == 'S' || prev == 'O') && (tag == 'E' || tag == 'I'))
    return true;
  return tag != 'O' && tag != '.' && type_changed;
}

bool IsNeTag(std::string_view tag) {
  if (tag == "O" || tag == "B" || tag == "I" || tag == "E" || tag == "S")
    return true;
  return tag.size() >= 2 && tag[1] == '-' &&
         (tag[0] == 'B' || tag[0] == 'I' || tag[0] == 'E' || tag[0] == 'S');
}

constexpr size_t kMaxExamples = 5;

}  // namespace

std::string_view SchemeName(Scheme scheme) {
  switch (scheme) {
    case Scheme::kIOB1:
      return "IOB1";
    case Scheme::kIOE1:
      return "IOE1";
    case Scheme::kIOB2:
      return "IOB2";
    case Scheme::kIOE2:
      return "IOE2";
    case Scheme::kIOBES:
      return "IOBES";
    case Scheme::kBILOU:
      return "BILOU";
  }
  return "IOB2";
}

std::optional<Scheme> ParseScheme(std::string_view name) {
  for (Scheme s : {Scheme::kIOB1, Scheme::kIOE1, Scheme::kIOB2, Scheme::kIOE2,
                   Scheme::kIOBES, Scheme::kBILOU}) {
    if (SchemeName(s) == name) return s;
  }
  return std::nullopt;
}

// ---- seqeval default mode --------------------------------------------------

ChunkCounts& SeqevalScorer::Counts(uint32_t type) {
  if (type >= counts_of_.size()) counts_of_.resize(type + 1, nullptr);
  ChunkCounts*& counts = counts_of_[type];
  // Map nodes do not move: the pointer stays valid.
  if (counts == nullptr) counts = &counts_.Type(types_.Name(type));
  return *counts;
}

SeqevalScorer::TagInfo SeqevalScorer::Info(std::string_view tag) {
  return tags_.Get(tag, [&](std::string_view t) {
    TagInfo i;
    i.ne = IsNeTag(t);
    const size_t n = FirstCharLength(t);
    i.letter = n == 1 ? t[0] : '\0';
    std::string_view rest = t.substr(n);
    const size_t dash = FindByte(rest, '-');
    std::string_view type =
        dash == std::string_view::npos ? rest : rest.substr(dash + 1);
    if (type.empty()) type = "_";
    i.type = types_.Intern(type).first;
    return i;
  });
}

SeqevalScorer::TagInfo SeqevalScorer::Lookup(std::string_view tag, int64_t line,
                                             bool gold) {
  if (tag.empty()) {
    std::optional<Status>& error = gold ? gold_error_ : pred_error_;
    if (!error) {
      error = InputError(std::string("empty ") + Side(gold) +
                             " tag; seqeval raises IndexError: string index "
                             "out of range",
                         line);
    }
    tag = "O";
  }
  return Info(tag);
}

SeqevalScorer::Parsed SeqevalScorer::Parse(const Stream& s, const TagInfo& info,
                                           std::string_view tag) {
  Parsed p;
  if (!info.ne) {
    ++non_ne_tags_;
    if (non_ne_examples_.size() < kMaxExamples) {
      bool seen = false;
      for (const auto& e : non_ne_examples_) seen = seen || e == tag;
      if (!seen) non_ne_examples_.emplace_back(tag);
    }
  }
  p.letter = info.letter;
  p.type = info.type;
  p.type_changed = s.prev_type != p.type;
  p.end = SeqevalEnd(s.prev_tag, p.letter, p.type_changed);
  p.start = SeqevalStart(s.prev_tag, p.letter, p.type_changed);
  return p;
}

void SeqevalScorer::Step(std::string_view gold, std::string_view pred,
                         int64_t line) {
  // Two single look-ups: a pair cache (as strict mode has) costs more here
  // than it saves.
  const TagInfo gi = Lookup(gold, line, true);
  const TagInfo pi = Lookup(pred, line, false);
  const Parsed g = Parse(gold_, gi, gold);
  const Parsed p = Parse(pred_, pi, pred);
  if (g.end) ++Counts(gold_.prev_type).gold;
  if (p.end) ++Counts(pred_.prev_type).predicted;
  if (g.end && p.end && gold_.begin == pred_.begin &&
      gold_.prev_type == pred_.prev_type) {
    ++Counts(gold_.prev_type).correct;
  }
  if (g.start) gold_.begin = position_;
  if (p.start) pred_.begin = position_;
  gold_.prev_tag = g.letter;
  gold_.prev_type = g.type;
  pred_.prev_tag = p.letter;
  pred_.prev_type = p.type;
  ++position_;
}

void SeqevalScorer::AddTokenSlow(std::string_view gold, std::string_view pred,
                                 int64_t line) {
  in_sentence_ = true;
  ++counts_.tokens;
  if (SameBytes(gold, pred)) ++counts_.correct_tags;
  Step(gold, pred, line);
}

void SeqevalScorer::EndSentence() {
  if (!in_sentence_) return;
  in_sentence_ = false;
  ++counts_.sentences;
  Step("O", "O", 0);  // get_entities joins sentences with an "O"
}

Result<SequenceCounts> SeqevalScorer::Finish() {
  EndSentence();
  Step("O", "O", 0);  // get_entities appends one more "O"
  if (gold_error_) return *gold_error_;
  if (pred_error_) return *pred_error_;
  return std::move(counts_);
}

// ---- seqeval strict mode ---------------------------------------------------

static_assert(kO == 2, "StrictScorer::kOutsidePrefix");

StrictScorer::StrictScorer(Scheme scheme) : scheme_(scheme) {
  const Rules& rules = RulesFor(scheme_);
  allowed_ = rules.allowed;
  auto fill = [](std::span<const Pattern> patterns, Table* table) {
    for (size_t a = 0; a < 8; ++a)
      for (size_t b = 0; b < 8; ++b) {
        const auto prev = static_cast<uint8_t>(a == 0 ? 0 : 1 << (a - 1));
        const auto cur = static_cast<uint8_t>(b == 0 ? 0 : 1 << (b - 1));
        table->cell[a][b] = static_cast<uint8_t>(
            (::ieval::Matches(patterns, prev, "x", cur, "x") ? 1 : 0) |
            (::ieval::Matches(patterns, prev, "x", cur, "y") ? 2 : 0));
      }
  };
  fill(rules.start, &start_);
  fill(rules.inside, &inside_);
  fill(rules.end, &end_);
  tags_.Intern("_");
  Reset(gold_);
  Reset(pred_);
}

void StrictScorer::Reset(Stream& s) const {
  s.prev_prefix = kO;  // Tokens starts from an outside token 'O' (tag '_')
  s.prev_tag = 0;      // "_"
  s.in_chunk = false;
}

ChunkCounts& StrictScorer::Counts(uint32_t tag) {
  if (tag >= counts_of_.size()) counts_of_.resize(tag + 1, nullptr);
  ChunkCounts*& counts = counts_of_[tag];
  // Map nodes do not move: the pointer stays valid.
  if (counts == nullptr) counts = &counts_.Type(tags_.Name(tag));
  return *counts;
}

std::pair<uint8_t, std::string_view> StrictScorer::SplitTag(
    std::string_view text) {
  if (text.empty()) return {0, "_"};
  uint8_t prefix = 0;
  const size_t n = FirstCharLength(text);
  if (n == 1) {
    switch (text[0]) {
      case 'I':
        prefix = kI;
        break;
      case 'O':
        prefix = kO;
        break;
      case 'B':
        prefix = kB;
        break;
      case 'E':
        prefix = kE;
        break;
      case 'S':
        prefix = kS;
        break;
      case 'U':
        prefix = kU;
        break;
      case 'L':
        prefix = kL;
        break;
      default:
        break;
    }
  }
  std::string_view tag = text.substr(n);
  while (!tag.empty() && tag.front() == '-') tag.remove_prefix(1);
  while (!tag.empty() && tag.back() == '-') tag.remove_suffix(1);
  return {prefix, tag.empty() ? std::string_view("_") : tag};
}

void StrictScorer::RecordTagError(std::string_view text, Stream* s,
                                  int64_t line, bool gold) {
  // Token objects of a whole sentence are built before any is validated.
  if (s->error && (s->error_sentence != sentence_ || s->error_on_construction))
    return;
  std::string message;
  if (text.empty()) {
    message = std::string("empty ") + Side(gold) +
              " tag; seqeval raises IndexError: string index out of range";
  } else {
    const std::string_view letter = text.substr(0, FirstCharLength(text));
    message = std::string(SchemeName(scheme_)) + ": " + Side(gold) + " tag " +
              Quoted(text) + " starts with " + PyRepr(letter) +
              ", which is no tag prefix (I O B E S U L); seqeval raises "
              "KeyError: " +
              PyRepr(letter);
  }
  s->error = InputError(std::move(message), line);
  s->error_sentence = sentence_;
  s->error_on_construction = true;
}

StrictScorer::Token StrictScorer::Lookup(std::string_view text) {
  return tokens_.Get(text, [&](std::string_view tag) {
    const auto [prefix, type] = SplitTag(tag);
    return Token{prefix, tags_.Intern(type).first};
  });
}

bool StrictScorer::Close(Stream& s, const Token& t, bool* inside) const {
  *inside = false;
  if (!s.in_chunk) return false;
  const bool same = s.prev_tag == t.tag;
  if (inside_.Matches(s.prev_prefix, t.prefix, same)) {
    *inside = true;
    return false;
  }
  s.in_chunk = false;
  return end_.Matches(s.prev_prefix, t.prefix, same);
}

void StrictScorer::Visit(Stream& s, const Token& t, std::string_view text,
                         int64_t line, bool gold) {
  if (t.prefix != 0 && (t.prefix & allowed_) == 0 && !s.error) {
    const Rules& rules = RulesFor(scheme_);
    s.error = InputError(
        std::string(SchemeName(scheme_)) + ": " + Side(gold) + " tag " +
            Quoted(text) + " has a prefix " + std::string(SchemeName(scheme_)) +
            " does not allow (give the --scheme the file is tagged in); "
            "seqeval raises ValueError: Invalid token is found: " +
            std::string(text) +
            ". Allowed prefixes are: " + std::string(rules.allowed_text) + ".",
        line);
    s.error_sentence = sentence_;
    s.error_on_construction = false;
  }
  if (start_.Matches(s.prev_prefix, t.prefix, s.prev_tag == t.tag)) {
    s.in_chunk = true;
    s.chunk_start = position_;
    s.chunk_tag = t.tag;
  }
  s.prev_prefix = t.prefix;
  s.prev_tag = t.tag;
}

void StrictScorer::Step(const Token& g, std::string_view gold_text,
                        const Token& p, std::string_view pred_text,
                        int64_t line) {
  bool gold_inside = false, pred_inside = false;
  const bool gold_ended = Close(gold_, g, &gold_inside);
  const bool pred_ended = Close(pred_, p, &pred_inside);
  if (gold_ended) ++Counts(gold_.chunk_tag).gold;
  if (pred_ended) ++Counts(pred_.chunk_tag).predicted;
  if (gold_ended && pred_ended && gold_.chunk_start == pred_.chunk_start &&
      gold_.chunk_tag == pred_.chunk_tag) {
    ++Counts(gold_.chunk_tag).correct;
  }
  if (gold_inside) {
    gold_.prev_prefix = g.prefix;
    gold_.prev_tag = g.tag;
  } else {
    Visit(gold_, g, gold_text, line, true);
  }
  if (pred_inside) {
    pred_.prev_prefix = p.prefix;
    pred_.prev_tag = p.tag;
  } else {
    Visit(pred_, p, pred_text, line, false);
  }
  ++position_;
}

void StrictScorer::AddTokenSlow(std::string_view gold, std::string_view pred,
                                int64_t line) {
  in_sentence_ = true;
  ++counts_.tokens;
  if (SameBytes(gold, pred)) ++counts_.correct_tags;
  const auto [g, p] = token_pairs_.Get(
      gold, pred, [this](std::string_view t) { return Lookup(t); });
  // A tag that is no token is an error at each sight.
  if (g.prefix == 0) RecordTagError(gold, &gold_, line, true);
  if (p.prefix == 0) RecordTagError(pred, &pred_, line, false);
  Step(g, gold, p, pred, line);
}

void StrictScorer::EndSentence() {
  if (!in_sentence_) return;
  in_sentence_ = false;
  ++counts_.sentences;
  // Tokens appends an outside token 'O' to every sentence.
  const Token outside{kO, 0};
  Step(outside, "O", outside, "O", 0);
  Reset(gold_);
  Reset(pred_);
  ++sentence_;
}

Result<SequenceCounts> StrictScorer::Finish() {
  EndSentence();
  if (gold_.error) return *gold_.error;
  if (pred_.error) return *pred_.error;
  return std::move(counts_);
}

}  // namespace ieval
