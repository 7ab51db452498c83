// Internal to ieval::io: WebAnno TSV's escaping, shared by its reader and
// writer (webanno_tsv_format.cc, webanno_tsv_writer.cc). Two schemes, as in
// INCEpTION's Escaping class: one for feature values and tokens, one for the
// text of #Text= lines.
#ifndef IEVAL_EVAL_IO_WEBANNO_TSV_ESCAPING_H_
#define IEVAL_EVAL_IO_WEBANNO_TSV_ESCAPING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ieval::webanno {

inline constexpr std::string_view kNamedEntity =
    "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity";
// The relation layer ieval writes between named entities (INCEpTION's
// custom relation layers are webanno.custom.NAME; the reader takes any
// relation layer whose BT_ is the named-entity layer).
inline constexpr std::string_view kRelation = "webanno.custom.Relation";

// A feature value or token: backslash before \\ [ ] | _ -> ; * and tab and
// line feed as \t and \n.
std::string UnescapeValue(std::string_view in);
std::string EscapeValue(std::string_view in);

// A #Text= line's content. 3.2 and later escape tab, line feed, form feed,
// carriage return, backspace and backslash as Java does, and the other C0
// controls with a backslash before them; 3.0 and 3.1 use Java escapes
// throughout (\uXXXX included).
std::string UnescapeText(std::string_view in, int minor_version);
std::string EscapeText(std::string_view in);

// `|`-separated stacked values, a `\|` staying inside its value.
std::vector<std::string_view> SplitStack(std::string_view s);
// A non-negative decimal integer, nothing else.
std::optional<int64_t> ParseInt(std::string_view s);
// The UTF-16 length of valid UTF-8: a unit per code point, two for a code
// point outside the BMP (a 4-byte sequence).
int64_t Utf16Length(std::string_view utf8);

}  // namespace ieval::webanno

#endif  // IEVAL_EVAL_IO_WEBANNO_TSV_ESCAPING_H_
