// The plug-in point: an Extractor reads one document's text and returns the
// mentions (with optional canonical `entity` id and normalised `value`) and
// relations it finds. It never sees gold annotations: a Document is only an
// id and a text.
//
// Extractors are created by the ExtractorRegistry (registry.h) from a name and
// option values, so a "variant" (extractors/variants.json) is just
// (extractor name, options).
#ifndef IEVAL_EXTRACTORS_EXTRACTOR_H_
#define IEVAL_EXTRACTORS_EXTRACTOR_H_

#include <map>
#include <string>
#include <vector>

#include "eval/core/status.h"
#include "eval/core/types.h"

namespace ieval {

// One option an extractor accepts: `--option name=value` on the command
// line, `"options": {"name": value}` in variants.json.
struct OptionSpec {
  std::string name;
  std::string type;  // "string", "int", "double", "bool" or "path"
  std::string default_value;
  std::string help;
};

// Option values by name, as strings; the registry fills in defaults and
// rejects unknown names before an extractor sees them.
using OptionValues = std::map<std::string, std::string>;

// What an extractor produces besides typed spans. Reports use it to tell
// "0 % because it never tries" from "0 % because it is wrong".
struct Capabilities {
  std::vector<std::string> entity_types;  // the types it can emit
  bool entity_ids = false;                // sets Mention::entity
  bool values = false;                    // sets Mention::value
  bool relations = false;                 // returns relations
};

class Extractor {
 public:
  virtual ~Extractor() = default;

  // Stable name, as registered ("gazetteer", "external", …).
  virtual std::string Name() const = 0;
  // Changes whenever the output for some input changes (a data file, a
  // rule, a model): reports record it so scores can be traced.
  virtual std::string Version() const = 0;

  // Offsets in the result are code points of doc.text, end exclusive.
  // Must be thread-safe: ieval may call it for several documents at once.
  // An error Status (kExtractorFailed) names the extractor and document.
  virtual Result<Annotations> Extract(const Document& doc) const = 0;
};

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_EXTRACTOR_H_
