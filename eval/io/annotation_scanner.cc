#include "ieval/io/annotation_scanner.h"

#include <cstring>
#include <utility>
#include <vector>

#include "ieval/io/offsets.h"

namespace ieval {
namespace {

constexpr int kMaxDepth = 64;
// Objects with more keys it does not know are left to nlohmann (the check
// for a repeated key is a linear search).
constexpr size_t kMaxUnknownKeys = 64;
// Longer numbers are left to nlohmann (which could round or overflow them).
constexpr ptrdiff_t kMaxNumberLength = 100;
constexpr int kMaxIntegerDigits = 18;  // always fits int64_t

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// key == word, comparing a length known at compile time (inlined: every
// key of every mention is compared, so a generic string comparison, a call
// and a loop per key, would weigh on the scanner).
template <size_t N>
bool Is(const std::string& key, const char (&word)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), word, N - 1) == 0;
}

// Every method returns false to give up (see the header); the position is
// then meaningless.
class Scanner {
 public:
  Scanner(std::string_view json, int64_t line, bool ignore_unknown_keys)
      : ignore_unknown_keys_(ignore_unknown_keys),
        p_(json.data()),
        end_(json.data() + json.size()),
        line_(line),
        // Mention lines are searched for in multi-line (.json) files only,
        // as the general parser does.
        lines_(json.find('\n') == std::string_view::npos ? std::string_view()
                                                         : json) {}

  bool Document(AnnotatedDocument* doc) {
    bool seen[5] = {};  // doc_id, text, offset_unit, entities, relations
    auto first = [&](int k) { return !std::exchange(seen[k], true); };
    std::vector<std::string> unknown;
    const bool ok = Object([&](const std::string& key) {
      if (Is(key, "doc_id"))
        return first(0) && String(&doc->document.doc_id) &&
               !doc->document.doc_id.empty();
      if (Is(key, "text")) {
        if (!first(1)) return false;
        if (Null()) return true;
        doc->has_text = true;
        return String(&doc->document.text);
      }
      if (Is(key, "offset_unit")) {
        std::string unit;
        if (!first(2) || !String(&unit)) return false;
        const auto parsed = ParseOffsetUnit(unit);
        if (!parsed) return false;
        doc->offset_unit = *parsed;
        return true;
      }
      if (Is(key, "entities")) return first(3) && Mentions(doc);
      if (Is(key, "relations")) {
        if (!first(4)) return false;
        if (Null()) return true;
        return Array([&](size_t) {
          doc->annotations.relations.emplace_back();
          return ReadRelation(&doc->annotations.relations.back());
        });
      }
      return Unknown(&unknown, key) && SkipValue(1);
    });
    SkipSpace();
    return ok && p_ == end_ && seen[0];
  }

 private:
  void SkipSpace() {
    while (p_ < end_ &&
           (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
      ++p_;
  }
  // Skips white space, then consumes `c` if it comes next.
  bool Take(char c) {
    SkipSpace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool Word(std::string_view word) {
    if (end_ - p_ < static_cast<ptrdiff_t>(word.size()) ||
        std::memcmp(p_, word.data(), word.size()) != 0)
      return false;
    p_ += word.size();
    return true;
  }
  bool Null() {
    SkipSpace();
    return Word("null");
  }

  bool String(std::string* out) {
    if (!Take('"')) return false;
    out->clear();
    for (;;) {
      const char* run = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' &&
             static_cast<unsigned char>(*p_) >= 0x20)
        ++p_;
      out->append(run, static_cast<size_t>(p_ - run));
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
      if (*p_++ == '"') return true;
      if (!Escape(out)) return false;
    }
  }

  // After a backslash.
  bool Escape(std::string* out) {
    if (p_ == end_) return false;
    switch (*p_++) {
      case '"':
        out->push_back('"');
        return true;
      case '\\':
        out->push_back('\\');
        return true;
      case '/':
        out->push_back('/');
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    uint32_t cp;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low;
      if (!Word("\\u") || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF)
        return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(cp, out);
    return true;
  }

  bool Hex4(uint32_t* cp) {
    if (end_ - p_ < 4) return false;
    *cp = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = HexDigit(*p_++);
      if (d < 0) return false;
      *cp = *cp * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }

  bool Digit() const { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; }

  // A JSON integer (no fraction, no exponent) of at most kMaxIntegerDigits
  // digits.
  bool Integer(int64_t* out) {
    SkipSpace();
    const bool negative = p_ < end_ && *p_ == '-';
    if (negative) ++p_;
    if (!Digit()) return false;
    int64_t value = 0;
    if (*p_ == '0') {
      ++p_;
      if (Digit()) return false;  // a leading zero: not JSON
    } else {
      for (int digits = 0; Digit(); ++digits) {
        if (digits == kMaxIntegerDigits) return false;
        value = value * 10 + (*p_++ - '0');
      }
    }
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    *out = negative ? -value : value;
    return true;
  }

  // Any JSON number without an exponent (nlohmann would refuse one that
  // overflows a double; a fraction cannot).
  bool SkipNumber() {
    const char* start = p_;
    if (*p_ == '-') ++p_;
    if (!Digit()) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (Digit()) ++p_;
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (!Digit()) return false;
      while (Digit()) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
    return p_ - start <= kMaxNumberLength;
  }

  // A key of an annotation object the format does not define: false (the
  // general parser names it) unless they are ignored; else as Fresh.
  bool Unknown(std::vector<std::string>* keys, const std::string& key) const {
    return ignore_unknown_keys_ && Fresh(keys, key);
  }

  // False when `key` is in `keys` (a repeated key, which the general parser
  // words) or there are too many to search; else adds it.
  static bool Fresh(std::vector<std::string>* keys, const std::string& key) {
    if (keys->size() == kMaxUnknownKeys) return false;
    for (const std::string& k : *keys)
      if (k == key) return false;
    keys->push_back(key);
    return true;
  }

  bool SkipValue(int depth) {
    if (depth > kMaxDepth) return false;
    SkipSpace();
    if (p_ == end_) return false;
    switch (*p_) {
      case '"':
        return String(&scratch_);
      case '{': {
        std::vector<std::string> keys;
        return Object([&](const std::string& key) {
          return Fresh(&keys, key) && SkipValue(depth + 1);
        });
      }
      case '[':
        return Array([&](size_t) { return SkipValue(depth + 1); });
      case 't':
        return Word("true");
      case 'f':
        return Word("false");
      case 'n':
        return Word("null");
      default:
        return SkipNumber();
    }
  }

  // Calls member(key) for each member, positioned on its value.
  template <typename F>
  bool Object(F&& member) {
    if (!Take('{')) return false;
    if (Take('}')) return true;
    std::string key;
    for (;;) {
      if (!String(&key) || !Take(':') || !member(key)) return false;
      if (Take(',')) continue;
      return Take('}');
    }
  }

  // Calls element(index) for each element, positioned on it.
  template <typename F>
  bool Array(F&& element) {
    if (!Take('[')) return false;
    if (Take(']')) return true;
    for (size_t i = 0;; ++i) {
      if (!element(i)) return false;
      if (Take(',')) continue;
      return Take(']');
    }
  }

  // A string, null, or an integer (kept as its decimal text).
  bool OptionalString(std::optional<std::string>* out) {
    if (Null()) return true;
    if (p_ < end_ && *p_ == '"') return String(&out->emplace());
    int64_t n;
    if (!Integer(&n)) return false;
    *out = std::to_string(n);
    return true;
  }

  // The entities, read into a buffer this thread reuses, then moved into
  // a vector of the right size: growing the document's vector mention by
  // mention cost more allocations and moves than reading them.
  bool Mentions(AnnotatedDocument* doc) {
    thread_local std::vector<Mention> mentions;
    thread_local std::vector<int64_t> lines;
    mentions.clear();
    lines.clear();
    if (!Array([&](size_t i) { return AddMention(i, &mentions, &lines); }))
      return false;
    doc->annotations.mentions.reserve(mentions.size());
    for (Mention& m : mentions)
      doc->annotations.mentions.push_back(std::move(m));
    doc->mention_lines.assign(lines.begin(), lines.end());
    return true;
  }

  bool AddMention(size_t index, std::vector<Mention>* mentions,
                  std::vector<int64_t>* lines) {
    Mention& m = mentions->emplace_back();
    bool seen[7] = {};  // id, start, end, type, text, entity, value
    auto first = [&](int k) { return !std::exchange(seen[k], true); };
    std::vector<std::string> unknown;
    const bool ok = Object([&](const std::string& key) {
      if (Is(key, "id")) return first(0) && String(&m.id);
      if (Is(key, "start")) return first(1) && Integer(&m.start);
      if (Is(key, "end")) return first(2) && Integer(&m.end);
      if (Is(key, "type"))
        return first(3) && String(&m.type) && !m.type.empty();
      if (Is(key, "text")) return first(4) && OptionalString(&m.text);
      if (Is(key, "entity")) return first(5) && OptionalString(&m.entity);
      if (Is(key, "value")) return first(6) && OptionalString(&m.value);
      // Grounded or to be grounded: the general parser reads it.
      if (Is(key, "alignment")) return false;
      return Unknown(&unknown, key) && SkipValue(2);
    });
    if (!ok || !seen[1] || !seen[2] || !seen[3]) return false;
    if (seen[0]) {
      lines->push_back(lines_.empty() ? line_
                                      : FindMentionLine(lines_, m.id, line_));
    } else {
      m.id = "#" + std::to_string(index + 1);
      lines->push_back(line_);
    }
    return true;
  }

  bool ReadRelation(Relation* r) {
    bool seen[3] = {};  // type, head, tail
    auto first = [&](int k) { return !std::exchange(seen[k], true); };
    std::vector<std::string> unknown;
    const bool ok = Object([&](const std::string& key) {
      if (Is(key, "type")) return first(0) && String(&r->type);
      if (Is(key, "head")) return first(1) && String(&r->head);
      if (Is(key, "tail")) return first(2) && String(&r->tail);
      return Unknown(&unknown, key) && SkipValue(2);
    });
    return ok && seen[0] && seen[1] && seen[2];
  }

  const bool ignore_unknown_keys_;
  const char* p_;
  const char* end_;
  int64_t line_;
  std::string_view lines_;
  std::string scratch_;  // skipped strings
};

}  // namespace

bool ScanWellFormedDocument(std::string_view json, int64_t line,
                            AnnotatedDocument* doc, bool ignore_unknown_keys) {
  return Scanner(json, line, ignore_unknown_keys).Document(doc);
}

}  // namespace ieval
