#include "webanno_tsv_escaping.h"

#include <charconv>
#include <utility>

namespace ieval::webanno {

namespace {

// WebAnno TSV's escapes of a feature value or token (Escaping.escapeValue).
constexpr std::pair<std::string_view, std::string_view> kValueEscapes[] = {
    {"\\\\", "\\"}, {"\\[", "["}, {"\\]", "]"},  {"\\|", "|"},  {"\\_", "_"},
    {"\\->", "->"}, {"\\;", ";"}, {"\\t", "\t"}, {"\\n", "\n"}, {"\\*", "*"}};

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string UnescapeValue(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size();) {
    bool replaced = false;
    for (const auto& [escaped, plain] : kValueEscapes) {
      if (in.substr(i).starts_with(escaped)) {
        out += plain;
        i += escaped.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += in[i++];
  }
  return out;
}

std::string EscapeValue(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    bool replaced = false;
    for (const auto& [escaped, plain] : kValueEscapes) {
      if (in.substr(i).starts_with(plain)) {
        out += escaped;
        i += plain.size() - 1;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += in[i];
  }
  return out;
}

std::string UnescapeText(std::string_view in, int minor_version) {
  std::string out;
  uint32_t high_surrogate = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\' || i + 1 == in.size()) {
      out += in[i];
      continue;
    }
    const char c = in[++i];
    switch (c) {
      case 't':
        out += '\t';
        continue;
      case 'n':
        out += '\n';
        continue;
      case 'f':
        out += '\f';
        continue;
      case 'r':
        out += '\r';
        continue;
      case 'b':
        out += '\b';
        continue;
      case '\\':
        out += '\\';
        continue;
      default:
        break;
    }
    if (minor_version >= 2 && static_cast<unsigned char>(c) < 32) {
      out += c;
    } else if (minor_version < 2 && c == 'u' && i + 4 < in.size()) {
      uint32_t unit = 0;
      const auto [end, error] =
          std::from_chars(in.data() + i + 1, in.data() + i + 5, unit, 16);
      if (error != std::errc() || end != in.data() + i + 5) {
        out += '\\';
        out += c;
        continue;
      }
      i += 4;
      if (unit >= 0xD800 && unit < 0xDC00) {
        high_surrogate = unit;
      } else if (unit >= 0xDC00 && unit < 0xE000 && high_surrogate) {
        AppendUtf8(
            0x10000 + ((high_surrogate - 0xD800) << 10) + (unit - 0xDC00),
            &out);
        high_surrogate = 0;
      } else {
        AppendUtf8(unit, &out);
      }
    } else if (minor_version < 2 && (c == '"' || c == '\'')) {
      out += c;
    } else {
      out += '\\';
      out += c;
    }
  }
  return out;
}

std::string EscapeText(std::string_view in) {
  std::string out;
  for (const char c : in) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (static_cast<unsigned char>(c) < 32) out += '\\';
        out += c;
    }
  }
  return out;
}

std::vector<std::string_view> SplitStack(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (s[i] == '|' && (i == 0 || s[i - 1] != '\\'))) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

int64_t Utf16Length(std::string_view utf8) {
  int64_t units = 0;
  for (const char c : utf8) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) != 0x80) ++units;
    if (byte >= 0xF0) ++units;
  }
  return units;
}

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (error != std::errc() || end != s.data() + s.size() || v < 0) {
    return std::nullopt;
  }
  return v;
}

}  // namespace ieval::webanno
