// What a variants file makes ieval execute, and the opt-out: the
// `external` extractor runs a program (its `command`, a shell command line
// or an argv), the `plugin` extractor loads a shared library (its `path`)
// into ieval, and a composite (the ensemble) runs what its members run.
// `ieval run` names them before running them; --no-exec (or
// IEVAL_NO_EXEC=1 in the environment) refuses every variant that would
// execute code, for CI jobs that score configs from strangers; `ieval list`
// never starts or loads them.
#ifndef IEVAL_APP_CLI_CODE_POLICY_H_
#define IEVAL_APP_CLI_CODE_POLICY_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/extractors/variants.h"

namespace ieval {

struct CodeToRun {
  std::string variant;   // the variant that executes it
  std::string via;       // the variant asked for (a composite), or `variant`
  bool library = false;  // a library loaded, not a program run
  std::string what;      // the command or the library's path
};

// The code the variants `names` execute, members of composites included
// (each once, in the order met).
std::vector<CodeToRun> CodeRunBy(const VariantSet& set,
                                 const std::vector<std::string>& names);

// The same for an extractor given on the command line (`--extractor NAME
// --option …`), its members looked up in `set` when it has one.
std::vector<CodeToRun> CodeRunBy(const ExtractorInfo& info,
                                 const OptionValues& options,
                                 const VariantSet* set);

// Whether the extractor `extractor` executes code of its own (external,
// plugin); `what` gets the option that says which.
bool ExecutesCode(const std::string& extractor, const OptionValues& options,
                  std::string* what, bool* library);

// "runs the command `python3 ner.py`" / "loads the library lib.so".
std::string Describe(const CodeToRun& code);

// --no-exec, as `ieval run` and `ieval bench` document it.
void AddNoExecFlag(CLI::App* cmd, bool& no_exec);

// True when --no-exec was given or IEVAL_NO_EXEC is set (to anything but
// "" or "0").
bool NoExec(bool flag);

// kUsage naming the first variant that executes code, or Ok when none does.
Status RefuseCode(const std::vector<CodeToRun>& code);

// What a command does before it runs variants: under --no-exec (`no_exec`
// or IEVAL_NO_EXEC) RefuseCode, else each piece of code named on stderr as
// "<command>: variant "v" runs the command `…`" unless `quiet`.
Status RefuseOrNameCode(const std::vector<CodeToRun>& code, bool no_exec,
                        bool quiet, const std::string& command);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_CODE_POLICY_H_
