// The plug-in point: an Extractor reads one document's text and returns the
// mentions (with optional canonical `entity` id and normalised `value`) and
// relations it finds. It never sees gold annotations: a Document is only an
// id and a text.
//
// Extractors are created by the ExtractorRegistry (registry.h) from a name and
// option values, so a "variant" (extractors/variants.json, variants.h) is just
// (extractor name, options). Three ways in: a C++ class registered in
// builtin.cc; `external`, a program speaking JSON Lines; `plugin`, a shared
// library behind the C ABI of include/ieval_plugin.h. See README.md.
#ifndef IEVAL_EXTRACTORS_EXTRACTOR_H_
#define IEVAL_EXTRACTORS_EXTRACTOR_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ieval/core/extractor_stats.h"
#include "ieval/core/status.h"
#include "ieval/core/types.h"

namespace ieval {

// One option an extractor accepts: `--option name=value` on the command
// line, `"options": {"name": value}` in variants.json.
struct OptionSpec {
  std::string name;
  // "string", "int", "double", "bool", "path" (in a variants file, relative
  // to that file's folder) or "variants" (comma-separated variant names of
  // the same file: checked to exist, without cycles).
  std::string type;
  std::string default_value;
  std::string help;
  // For "int" and "double": the least value accepted, checked with the type
  // (`--option processes=0` is refused, not run as 1), and whether that
  // value itself is refused (a timeout must be > 0).
  std::optional<double> min = std::nullopt;
  bool min_exclusive = false;
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
  // Overrides ExtractWithUpstream to build on mentions found by others (a
  // relation extractor). An ensemble runs such members after combining the
  // others' output, over that output.
  bool uses_upstream = false;
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
  // Mention ids may be left empty (ieval numbers them T1, T2, …); when set
  // they must be unique, and relations name mentions by them.
  // Must be thread-safe: ieval may call it for several documents at once.
  // An error Status (kExtractorFailed) names the extractor and document.
  virtual Result<Annotations> Extract(const Document& doc) const = 0;

  // The second entry point, for extractors that build on the mentions other
  // extractors found — the relation extractor run over an ensemble's union
  // ("union, then relation patterns over the union"). `upstream` holds those
  // annotations: code points, every mention with a unique non-empty id.
  //
  // Return only what you ADD: new mentions (never upstream's again) and
  // relations. A relation's head/tail names one of the mentions you return
  // or, when none of yours has that id, a mention of `upstream`. The caller
  // (extractors/api/include/ieval/extractors/run.h) merges and renumbers.
  // Declare Capabilities::uses_upstream when you override this.
  //
  // Default: ignore `upstream` and call Extract(doc).
  virtual Result<Annotations> ExtractWithUpstream(
      const Document& doc, const Annotations& upstream) const {
    (void)upstream;
    return Extract(doc);
  }

  // Called once after the last pass, before the extractor is destroyed:
  // what it runs ends here, and how it ended decides whether the variant
  // failed. An external program whose input is closed must exit with
  // status 0 (kExtractorFailed naming its status otherwise); an extractor
  // that tolerates some failed documents (the `llm` back end's
  // max_failure_rate) fails here when too many did. Default: Ok.
  virtual Status Finish() { return Status::Ok(); }

  // Counters of the extractor's own work so far (requests, tokens, cost),
  // written to reports per variant; empty by default (ExtractorStats).
  virtual ExtractorStats Stats() const { return {}; }
};

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_EXTRACTOR_H_
