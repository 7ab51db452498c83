#include "ieval/sequence/field_splitter.h"

#include <cstring>

namespace ieval {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::bitset<256> Range(unsigned char lo, unsigned char hi) {
  std::bitset<256> set;
  for (unsigned c = lo; c <= hi; ++c) set.set(c);
  return set;
}

// Perl's \s, \d, \w on a byte string (no locale, no Unicode rules).
std::bitset<256> SpaceClass() {
  std::bitset<256> set;
  for (unsigned char c : {'\t', '\n', '\v', '\f', '\r', ' '}) set.set(c);
  return set;
}
std::bitset<256> WordClass() {
  return Range('a', 'z') | Range('A', 'Z') | Range('0', '9') | Range('_', '_');
}

Status Unsupported(std::string_view pattern, std::string_view what) {
  return Status::Usage("-d '" + std::string(pattern) +
                       "': " + std::string(what) +
                       " is not supported (give a literal delimiter such as "
                       "'\\t', or a simple pattern such as '\\s+')");
}

// Parses one escape at pattern[*i] == '\\'; on success sets *set to the
// bytes it matches and advances *i past it.
Status ParseEscape(std::string_view pattern, size_t* i, std::bitset<256>* set) {
  if (*i + 1 >= pattern.size())
    return Status::Usage("-d '" + std::string(pattern) +
                         "': trailing backslash");
  const char e = pattern[*i + 1];
  *i += 2;
  set->reset();
  switch (e) {
    case 't':
      set->set('\t');
      return Status::Ok();
    case 'n':
      set->set('\n');
      return Status::Ok();
    case 'r':
      set->set('\r');
      return Status::Ok();
    case 'f':
      set->set('\f');
      return Status::Ok();
    case 'e':
      set->set(0x1b);
      return Status::Ok();
    case 'a':
      set->set(0x07);
      return Status::Ok();
    case 's':
      *set = SpaceClass();
      return Status::Ok();
    case 'S':
      *set = ~SpaceClass();
      return Status::Ok();
    case 'd':
      *set = Range('0', '9');
      return Status::Ok();
    case 'D':
      *set = ~Range('0', '9');
      return Status::Ok();
    case 'w':
      *set = WordClass();
      return Status::Ok();
    case 'W':
      *set = ~WordClass();
      return Status::Ok();
    case 'x': {
      int value = 0, digits = 0;
      while (digits < 2 && *i < pattern.size() && HexValue(pattern[*i]) >= 0) {
        value = value * 16 + HexValue(pattern[*i]);
        ++*i;
        ++digits;
      }
      if (digits == 0) return Unsupported(pattern, "\\x without hex digits");
      set->set(static_cast<unsigned char>(value));
      return Status::Ok();
    }
    default:
      break;
  }
  if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') ||
      (e >= '0' && e <= '9')) {
    return Unsupported(pattern, std::string("the escape \\") + e);
  }
  set->set(static_cast<unsigned char>(e));  // escaped punctuation: literal
  return Status::Ok();
}

// Parses a bracket class at pattern[*i] == '['.
Status ParseClass(std::string_view pattern, size_t* i, std::bitset<256>* set) {
  size_t j = *i + 1;
  bool negate = false;
  if (j < pattern.size() && pattern[j] == '^') {
    negate = true;
    ++j;
  }
  set->reset();
  bool first = true;
  while (true) {
    if (j >= pattern.size()) return Unsupported(pattern, "an unclosed [");
    if (pattern[j] == ']' && !first) break;
    first = false;
    std::bitset<256> item;
    int lo = -1;  // the byte, when the item is one byte (may start a range)
    if (pattern[j] == '\\') {
      if (Status s = ParseEscape(pattern, &j, &item); !s.ok()) return s;
      if (item.count() == 1) {
        for (int c = 0; c < 256; ++c)
          if (item.test(c)) lo = c;
      }
    } else {
      lo = static_cast<unsigned char>(pattern[j]);
      item.set(lo);
      ++j;
    }
    if (lo >= 0 && j + 1 < pattern.size() && pattern[j] == '-' &&
        pattern[j + 1] != ']') {
      ++j;
      int hi;
      if (pattern[j] == '\\') {
        std::bitset<256> end;
        if (Status s = ParseEscape(pattern, &j, &end); !s.ok()) return s;
        if (end.count() != 1) return Unsupported(pattern, "a class range end");
        hi = 0;
        for (int c = 0; c < 256; ++c)
          if (end.test(c)) hi = c;
      } else {
        hi = static_cast<unsigned char>(pattern[j]);
        ++j;
      }
      if (hi < lo) return Unsupported(pattern, "a reversed class range");
      item =
          Range(static_cast<unsigned char>(lo), static_cast<unsigned char>(hi));
    }
    *set |= item;
  }
  *i = j + 1;
  if (negate) set->flip();
  return Status::Ok();
}

// Parses an optional quantifier at pattern[*i]; defaults to {1,1}.
Status ParseQuantifier(std::string_view pattern, size_t* i, size_t* min,
                       size_t* max, size_t unbounded) {
  *min = *max = 1;
  if (*i >= pattern.size()) return Status::Ok();
  const char q = pattern[*i];
  if (q == '*' || q == '+' || q == '?') {
    *min = q == '+' ? 1 : 0;
    *max = q == '?' ? 1 : unbounded;
    ++*i;
  } else if (q == '{') {
    size_t j = *i + 1;
    auto number = [&](size_t* out) {
      const size_t begin = j;
      size_t value = 0;
      while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9') {
        value = value * 10 + static_cast<size_t>(pattern[j] - '0');
        if (value > 1000000) return false;
        ++j;
      }
      *out = value;
      return j > begin;
    };
    if (!number(min)) return Unsupported(pattern, "a '{' that is no {n,m}");
    *max = *min;
    if (j < pattern.size() && pattern[j] == ',') {
      ++j;
      if (!number(max)) *max = unbounded;
    }
    if (j >= pattern.size() || pattern[j] != '}' || *max < *min)
      return Unsupported(pattern, "a '{' that is no {n,m}");
    *i = j + 1;
  } else {
    return Status::Ok();
  }
  if (*i < pattern.size() && (pattern[*i] == '?' || pattern[*i] == '+'))
    return Unsupported(pattern, "a lazy or possessive quantifier");
  return Status::Ok();
}

}  // namespace

FieldSplitter::FieldSplitter() : pattern_(" "), atoms_(1), literal_(" ") {
  atoms_[0].bytes.set(' ');
}

Result<FieldSplitter> FieldSplitter::Parse(std::string_view pattern) {
  if (pattern.empty()) {
    return Status::Usage(
        "-d: the delimiter is empty (conlleval.pl would split every "
        "character apart); give e.g. '\\t'");
  }
  FieldSplitter splitter;
  splitter.pattern_ = std::string(pattern);
  splitter.atoms_.clear();
  size_t i = 0;
  size_t min_length = 0;
  while (i < pattern.size()) {
    Atom atom;
    const char c = pattern[i];
    if (c == '\\') {
      if (Status s = ParseEscape(pattern, &i, &atom.bytes); !s.ok()) return s;
    } else if (c == '[') {
      if (Status s = ParseClass(pattern, &i, &atom.bytes); !s.ok()) return s;
    } else if (c == '.') {
      atom.bytes.set();
      atom.bytes.reset('\n');
      ++i;
    } else if (std::strchr("()|^$", c) != nullptr) {
      return Unsupported(pattern, std::string("'") + c + "'");
    } else if (std::strchr("*+?{", c) != nullptr) {
      return Unsupported(pattern, "a quantifier with nothing before it");
    } else {
      atom.bytes.set(static_cast<unsigned char>(c));
      ++i;
    }
    if (Status s =
            ParseQuantifier(pattern, &i, &atom.min, &atom.max, kUnbounded);
        !s.ok()) {
      return s;
    }
    min_length += atom.min;
    splitter.atoms_.push_back(atom);
  }
  if (min_length == 0) {
    return Unsupported(pattern, "a delimiter that can match the empty string");
  }
  std::string literal;
  for (const Atom& atom : splitter.atoms_) {
    if (atom.min != 1 || atom.max != 1 || atom.bytes.count() != 1) {
      literal.clear();
      break;
    }
    for (int b = 0; b < 256; ++b)
      if (atom.bytes.test(b)) literal += static_cast<char>(b);
  }
  splitter.literal_ = literal;
  return splitter;
}

bool FieldSplitter::MatchFrom(std::string_view line, size_t atom, size_t pos,
                              size_t* end) const {
  if (atom == atoms_.size()) {
    *end = pos;
    return true;
  }
  const Atom& a = atoms_[atom];
  size_t n = 0;
  while (n < a.max && pos + n < line.size() &&
         a.bytes.test(static_cast<unsigned char>(line[pos + n]))) {
    ++n;
  }
  if (n < a.min) return false;
  for (size_t k = n + 1; k-- > a.min;) {
    if (MatchFrom(line, atom + 1, pos + k, end)) return true;
  }
  return false;
}

bool FieldSplitter::Find(std::string_view line, size_t from, size_t* start,
                         size_t* end) const {
  if (literal_.size() == 1) {
    const void* hit =
        std::memchr(line.data() + from, literal_[0], line.size() - from);
    if (hit == nullptr) return false;
    *start = static_cast<size_t>(static_cast<const char*>(hit) - line.data());
    *end = *start + 1;
    return true;
  }
  if (!literal_.empty()) {
    const size_t hit = line.find(literal_, from);
    if (hit == std::string_view::npos) return false;
    *start = hit;
    *end = hit + literal_.size();
    return true;
  }
  for (size_t m = from; m < line.size(); ++m) {
    if (MatchFrom(line, 0, m, end)) {
      *start = m;
      return true;
    }
  }
  return false;
}

size_t FieldSplitter::SplitInto(std::string_view line,
                                std::vector<std::string_view>* storage) const {
  // A line of L bytes has at most L + 1 fields (every delimiter is at least
  // one byte long).
  if (storage->size() < line.size() + 1) storage->resize(line.size() + 1);
  std::string_view* out = storage->data();
  size_t n = 0;
  const char* const data = line.data();
  const char* const end = data + line.size();
  const char* p = data;  // start of the current field
  if (literal_.size() == 1) {
    // The common case (one space, one tab).
    const char delimiter = literal_[0];
    while (p < end) {
      const void* hit = std::memchr(p, delimiter, static_cast<size_t>(end - p));
      if (hit == nullptr) break;
      const char* q = static_cast<const char*>(hit);
      out[n++] = std::string_view(p, static_cast<size_t>(q - p));
      p = q + 1;
    }
  } else {
    size_t m = 0, e = 0;
    while (p < end && Find(line, static_cast<size_t>(p - data), &m, &e)) {
      out[n++] = std::string_view(p, static_cast<size_t>(data + m - p));
      p = data + e;
    }
  }
  if (p < end) {
    out[n++] = std::string_view(p, static_cast<size_t>(end - p));
  } else {
    // The last match reached the end: Perl drops trailing empty fields.
    while (n > 0 && out[n - 1].empty()) --n;
  }
  return n;
}

void FieldSplitter::Split(std::string_view line,
                          std::vector<std::string_view>* fields) const {
  std::vector<std::string_view> storage;
  storage.resize(line.size() + 1);
  const size_t n = SplitInto(line, &storage);
  fields->assign(storage.begin(), storage.begin() + static_cast<long>(n));
}

}  // namespace ieval
