// The gazetteer's entries and the text format of its written lists
// (data/*.tsv): one entity per line,
//   id <TAB> type <TAB> name|name|…
// with `#` comments and blank lines allowed. `id` is the canonical entity id
// (a lower-case ASCII slug of the English name, or the usual English
// acronym: "nato", "un"), `type` one of LOC, ORG, PER.
//
// cldr_stoplist.tsv is different: one name per line (then optionally a TAB
// and why), names that the CLDR-derived sources must not match because
// they are also common given names or words ("Maurice", "Easter").
#ifndef IEVAL_EXTRACTORS_GAZETTEER_NAME_LISTS_H_
#define IEVAL_EXTRACTORS_GAZETTEER_NAME_LISTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

struct NameEntry {
  std::string name;    // as written in the source ("Corée du Nord")
  std::string type;    // LOC, ORG or PER
  std::string id;      // canonical entity id ("north_korea")
  std::string source;  // the list it came from ("cldr-countries", "media")
};

// Parses one list file; `file` names it in error messages and its stem
// ("media.tsv" -> "media") becomes each entry's source.
Result<std::vector<NameEntry>> ParseNameList(const std::string& file,
                                             std::string_view content);

// Parses cldr_stoplist.tsv: the names, in order.
std::vector<std::string> ParseStopList(std::string_view content);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_GAZETTEER_NAME_LISTS_H_
