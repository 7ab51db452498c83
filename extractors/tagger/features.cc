#include "ieval/extractors/tagger/features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

namespace ieval::tagger {
namespace {

// FNV-1a over the template id and value, then a final avalanche
// (splitmix64's), so nearby strings land on unrelated rows. Stable across
// platforms and compilers: stored models depend on it.
class Hasher {
 public:
  explicit Hasher(char template_id) { Add(template_id); }
  Hasher& Add(char c) {
    h_ ^= static_cast<unsigned char>(c);
    h_ *= 0x100000001b3ULL;
    return *this;
  }
  Hasher& Add(std::string_view s) {
    for (char c : s) Add(c);
    return Add('\x1f');  // separates concatenated values
  }
  uint32_t Row(int bits) const {
    uint64_t z = h_ + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return static_cast<uint32_t>(z >> (64 - bits));
  }

 private:
  uint64_t h_ = 0xcbf29ce484222325ULL;
};

// What the features need of each token, computed once.
struct TokenView {
  std::string lower;  // lower-cased code point by code point, ’ read as '
  std::string shape;  // WordShape
  std::string cls;    // coarse class: "Aa" capitalised, "AA" all caps,
                      // "a" lower, "0" digits, "p" punctuation, "m" mixed
  std::vector<size_t> cp_bytes;  // byte offset of each code point of lower
  bool sentence_start = false;
};

void AppendUtf8(UChar32 c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out->append(buf, static_cast<size_t>(len));
}

TokenView View(const Token& token) {
  TokenView v;
  const std::string& t = token.text;
  int upper = 0, lower = 0, digit = 0, other = 0, i = 0;
  bool first_upper = false;
  const auto len = static_cast<int32_t>(t.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT_UNSAFE(t.data(), i, c);
    if (u_isupper(c) || u_istitle(c)) {
      if (upper + lower + digit + other == 0) first_upper = true;
      ++upper;
    } else if (u_islower(c)) {
      ++lower;
    } else if (u_isdigit(c)) {
      ++digit;
    } else {
      ++other;
    }
    v.cp_bytes.push_back(v.lower.size());
    // ’ (U+2019) reads as ': OCR corpora have only the ASCII apostrophe,
    // modern text mostly the typographic one; "l’" and "l'" are one clue.
    AppendUtf8(c == 0x2019 ? '\'' : u_tolower(c), &v.lower);
  }
  v.cp_bytes.push_back(v.lower.size());
  v.shape = WordShape(t);
  if (!token.is_word) {
    v.cls = "p";
  } else if (digit > 0 && upper + lower == 0) {
    v.cls = "0";
  } else if (upper > 0 && lower == 0) {
    v.cls = upper == 1 ? "A" : "AA";
  } else if (first_upper && upper == 1) {
    v.cls = "Aa";
  } else if (upper == 0) {
    v.cls = "a";
  } else {
    v.cls = "m";
  }
  return v;
}

bool EndsSentence(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == ":" || t == "\xC2\xAB" ||
         t == "\"" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" ||
         t == "\xE2\x80\xA6" || t == "\xE2\x80\x9C";  // « — – … “
}

}  // namespace

std::string WordShape(std::string_view utf8) {
  std::string shape;
  char last = 0;
  int run = 0;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(utf8.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT_UNSAFE(utf8.data(), i, c);
    char k = u_isupper(c) || u_istitle(c) ? 'X'
             : u_islower(c)               ? 'x'
             : u_isdigit(c)               ? 'd'
             : c < 0x80                   ? static_cast<char>(c)
                                          : '#';
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 3) shape += k;
  }
  return shape;
}

DocumentContext MakeDocumentContext(const std::vector<Token>& tokens) {
  DocumentContext context;
  for (const Token& t : tokens) {
    if (!t.is_word || t.text.empty()) continue;
    UChar32 c;
    int32_t i = 0;
    U8_NEXT_UNSAFE(t.text.data(), i, c);
    if (u_islower(c)) context.lower_forms.insert(t.text);
  }
  return context;
}

void ExtractFeatures(const std::vector<Token>& tokens, size_t begin, size_t end,
                     const std::vector<TokenFlags>& flags,
                     const DocumentContext& context, int hash_bits,
                     SequenceFeatures* out) {
  const size_t n = end - begin;
  std::vector<TokenView> views;
  views.reserve(n);
  for (size_t i = begin; i < end; ++i) {
    views.push_back(View(tokens[i]));
    views.back().sentence_start =
        i == begin || EndsSentence(tokens[i - 1].text);
  }
  static const std::string kStart = "<s>", kEnd = "</s>";
  auto word = [&](size_t i, int d) -> const std::string& {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0) return kStart;
    if (j >= static_cast<int64_t>(n)) return kEnd;
    return views[static_cast<size_t>(j)].lower;
  };
  auto cls = [&](size_t i, int d) -> const std::string& {
    const auto j = static_cast<int64_t>(i) + d;
    if (j < 0) return kStart;
    if (j >= static_cast<int64_t>(n)) return kEnd;
    return views[static_cast<size_t>(j)].cls;
  };
  auto flag = [&](size_t i, int d) -> char {
    const auto j = static_cast<int64_t>(i) + d;
    if (flags.empty() || j < 0 || j >= static_cast<int64_t>(n)) return 0;
    return static_cast<char>(flags[static_cast<size_t>(j)]);
  };
  out->ids.clear();
  out->offsets.assign(1, 0);
  for (size_t i = 0; i < n; ++i) {
    const TokenView& v = views[i];
    auto emit = [&](const Hasher& h) { out->ids.push_back(h.Row(hash_bits)); };
    emit(Hasher('b'));
    emit(Hasher('w').Add(v.lower));
    emit(Hasher('s').Add(v.shape));
    emit(Hasher('c').Add(v.cls).Add(v.sentence_start ? '1' : '0'));
    const size_t cps = v.cp_bytes.size() - 1;
    for (size_t k = 1; k <= 4 && k < cps; ++k) {
      const std::string_view lower(v.lower);
      if (k <= 3) emit(Hasher('p').Add(lower.substr(0, v.cp_bytes[k])));
      emit(Hasher('x').Add(lower.substr(v.cp_bytes[cps - k])));
    }
    emit(Hasher('<').Add(word(i, -1)));
    emit(Hasher('>').Add(word(i, +1)));
    emit(Hasher('{').Add(word(i, -2)));
    emit(Hasher('}').Add(word(i, +2)));
    emit(Hasher('[').Add(cls(i, -1)));
    emit(Hasher(']').Add(cls(i, +1)));
    emit(Hasher('C').Add(cls(i, -1)).Add(v.cls).Add(cls(i, +1)));
    emit(Hasher('W').Add(word(i, -1)).Add(v.cls));
    emit(Hasher('V').Add(v.cls).Add(word(i, +1)));
    emit(Hasher('B').Add(word(i, -1)).Add(v.lower));
    if (v.cls == "Aa" || v.cls == "AA" || v.cls == "A") {
      // Capitalised: is the word also written in lower case in this text?
      const char seen = context.lower_forms.count(v.lower) ? '1' : '0';
      emit(Hasher('L').Add(seen).Add(v.sentence_start ? '1' : '0'));
    }
    if (!flags.empty()) {
      emit(Hasher('d').Add(flag(i, 0)));
      emit(Hasher('D').Add(flag(i, -1)).Add(flag(i, 0)).Add(flag(i, +1)));
      emit(Hasher('e').Add(flag(i, 0)).Add(v.cls));
    }
    out->offsets.push_back(static_cast<uint32_t>(out->ids.size()));
  }
}

FeaturizedText Featurize(Segmenter& segmenter,
                         const TokenDictionary* dictionary, int hash_bits,
                         std::string_view utf8) {
  FeaturizedText out;
  out.tokenized = Tokenize(segmenter, utf8);
  const TokenizedText& tt = out.tokenized;
  out.sequences.resize(tt.sequences());
  std::vector<TokenFlags> flags;
  const DocumentContext context = MakeDocumentContext(tt.tokens);
  for (size_t k = 0; k < tt.sequences(); ++k) {
    const size_t begin = tt.sequence_starts[k], end = tt.sequence_starts[k + 1];
    if (dictionary != nullptr) dictionary->Mark(tt.tokens, begin, end, &flags);
    ExtractFeatures(tt.tokens, begin, end, flags, context, hash_bits,
                    &out.sequences[k]);
  }
  return out;
}

}  // namespace ieval::tagger
