// Where the files ieval ships are: the default run config and variants
// file, the gold, the tagger's model, the npm adapters, the plug-ins. An
// ieval binary finds them relative to itself, never at a path compiled in,
// so a copied checkout or a moved install prefix uses its own files. The
// lookup, first match wins:
//   1. $IEVAL_DATA_DIR, when set (a folder laid out as the source tree);
//   2. the install prefix: <bindir>/../share/ieval (cmake --install puts
//      them there), when it holds reports/run.json;
//   3. the build tree: the source tree this binary was built from, found by
//      the relative path from its build folder, when it holds
//      reports/run.json.
// Plug-ins: $IEVAL_PLUGIN_DIR, else <bindir>/../lib/ieval/plugins
// (installed), else plugins/ beside the binary (the build tree).
// `ieval list` prints what was found and from where.
#ifndef IEVAL_APP_CLI_SHIPPED_FILES_H_
#define IEVAL_APP_CLI_SHIPPED_FILES_H_

#include <string>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

struct ShippedFiles {
  // The folder laid out as the source tree (reports/run.json,
  // extractors/variants.json, gold/, extractors/tagger/model/…); empty
  // when none was found.
  std::string root;
  // How it was found: "IEVAL_DATA_DIR", "install prefix" or "build tree".
  std::string origin;
  // Every folder looked at, in order (for the message when none holds the
  // files).
  std::vector<std::string> looked_in;
  std::string plugin_dir;  // empty when none exists
  std::string plugin_origin;

  bool found() const { return !root.empty(); }
  std::string RunConfig() const { return root + "/reports/run.json"; }
  std::string Variants() const { return root + "/extractors/variants.json"; }
  std::string Gold() const { return root + "/gold/docs"; }
  std::string TaggerModel() const {
    return root + "/extractors/tagger/model/fr-news.ietag";
  }
  // "found none of the files ieval ships (looked … in A, B, C): …", for
  // commands that need a default the user did not give.
  std::string NotFoundMessage() const;
  // `path` when given, else the shipped file (`shipped` one of the
  // accessors above); kUsage with NotFoundMessage() when there is none.
  Result<std::string> Or(const std::string& path,
                         std::string (ShippedFiles::*shipped)() const) const;
};

// Looks for them from the running executable (/proc/self/exe) and the
// environment.
ShippedFiles FindShippedFiles();

}  // namespace ieval

#endif  // IEVAL_APP_CLI_SHIPPED_FILES_H_
