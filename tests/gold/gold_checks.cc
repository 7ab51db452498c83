#include "gold_checks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <regex>
#include <set>

namespace ieval::gold {
namespace {

bool IsWordCodepoint(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::u32string ToCodepoints(std::string_view utf8) {
  std::u32string out;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string ToUtf8(std::u32string_view codepoints) {
  std::string out;
  for (char32_t c : codepoints) {
    uint8_t buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, static_cast<UChar32>(c), error);
    if (error) continue;  // not a code point: nothing to append
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return out;
}

std::vector<CompletenessException> ParseExceptions(
    std::string_view guidelines, std::vector<std::string>* malformed) {
  // exception: "<surface>" — <reason>
  static const std::regex kLine(
      R"re(^exception:\s*"([^"]+)"\s*(?:—|–|--)\s*(\S.*)$)re");
  std::vector<CompletenessException> out;
  size_t pos = 0;
  while (pos <= guidelines.size()) {
    size_t end = guidelines.find('\n', pos);
    if (end == std::string_view::npos) end = guidelines.size();
    const std::string_view line = Trim(guidelines.substr(pos, end - pos));
    pos = end + 1;
    if (line.rfind("exception:", 0) != 0) continue;
    std::smatch m;
    const std::string s(line);
    if (std::regex_match(s, m, kLine)) {
      out.push_back({m[1].str(), m[2].str()});
    } else {
      malformed->push_back(s);
    }
  }
  return out;
}

std::string MissedOccurrence::ToString() const {
  return doc_id + ": \"" + surface + "\" at code point " +
         std::to_string(start) + " is not annotated";
}

std::vector<MissedOccurrence> FindUnannotatedOccurrences(const Corpus& corpus) {
  struct Doc {
    const AnnotatedDocument* doc;
    std::u32string text;
  };
  std::vector<Doc> docs;
  std::set<std::u32string> surfaces;
  for (const AnnotatedDocument& d : corpus.documents) {
    docs.push_back({&d, ToCodepoints(d.document.text)});
    const std::u32string& text = docs.back().text;
    for (const Mention& m : d.annotations.mentions) {
      if (m.start < 0 || m.end > static_cast<int64_t>(text.size()) ||
          m.start >= m.end) {
        continue;  // a broken span: ieval validate reports it
      }
      surfaces.insert(text.substr(static_cast<size_t>(m.start),
                                  static_cast<size_t>(m.end - m.start)));
    }
  }

  std::vector<MissedOccurrence> missed;
  for (const Doc& d : docs) {
    const std::u32string& text = d.text;
    const auto& mentions = d.doc->annotations.mentions;
    for (const std::u32string& surface : surfaces) {
      for (size_t i = text.find(surface); i != std::u32string::npos;
           i = text.find(surface, i + 1)) {
        const size_t j = i + surface.size();
        if ((i > 0 && IsWordCodepoint(text[i - 1])) ||
            (j < text.size() && IsWordCodepoint(text[j]))) {
          continue;  // part of a longer word ("Kim" in "Kimchi")
        }
        const auto start = static_cast<int64_t>(i);
        const auto end = static_cast<int64_t>(j);
        bool covered = false;
        for (const Mention& m : mentions) {
          if (m.start <= start && end <= m.end) {
            covered = true;  // annotated, or inside a longer mention
            break;
          }
        }
        if (!covered) {
          missed.push_back({d.doc->document.doc_id, ToUtf8(surface), start});
        }
      }
    }
  }
  return missed;
}

bool IsExcludedSpanEdge(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  if (u_isUWhiteSpace(cp)) return true;
  const uint32_t mask = U_GET_GC_MASK(cp);
  return (mask & (U_GC_Z_MASK | U_GC_P_MASK | U_GC_S_MASK | U_GC_C_MASK)) != 0;
}

bool IsEntitySlug(const std::string& id) {
  static const std::regex kSlug("^[a-z0-9]+(_[a-z0-9]+)*$");
  return std::regex_match(id, kSlug);
}

bool IsTimexDate(const std::string& value) {
  static const std::regex kDate(
      "^(\\d{4}|XXXX)(-(\\d{2}|XX)(-(\\d{2}|XX))?)?$|"
      "^(\\d{4}|XXXX)-W(\\d{2}|XX)-[1-7]$");
  return std::regex_match(value, kDate);
}

bool IsPlainDecimal(const std::string& value) {
  static const std::regex kDecimal("^-?\\d+(\\.\\d+)?$");
  return std::regex_match(value, kDecimal);
}

}  // namespace ieval::gold
