#include "code_policy.h"

#include <cstdlib>
#include <iostream>
#include <set>

namespace ieval {
namespace {

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= list.size()) {
    size_t comma = list.find(',', begin);
    if (comma == std::string::npos) comma = list.size();
    std::string item = list.substr(begin, comma - begin);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
    begin = comma + 1;
  }
  return out;
}

void Collect(const VariantSet& set, const std::string& name,
             const std::string& via, std::set<std::string>& seen,
             std::vector<CodeToRun>& out) {
  if (!seen.insert(name).second) return;
  const VariantSpec* spec = set.Find(name);
  if (spec == nullptr) return;
  CodeToRun code;
  if (ExecutesCode(spec->extractor, spec->options, &code.what, &code.library)) {
    code.variant = name;
    code.via = via;
    out.push_back(code);
  }
  const ExtractorInfo* info = set.InfoOf(name);
  if (info == nullptr) return;
  for (const OptionSpec& option : info->options) {
    if (option.type != "variants") continue;
    auto given = spec->options.find(option.name);
    const std::string members =
        given != spec->options.end() ? given->second : option.default_value;
    for (const std::string& member : SplitList(members))
      Collect(set, member, via, seen, out);
  }
}

}  // namespace

bool ExecutesCode(const std::string& extractor, const OptionValues& options,
                  std::string* what, bool* library) {
  const char* key = extractor == "external" ? "command"
                    : extractor == "plugin" ? "path"
                                            : nullptr;
  if (key == nullptr) return false;
  auto it = options.find(key);
  *what = it == options.end() ? "" : it->second;
  *library = extractor == "plugin";
  return true;
}

std::vector<CodeToRun> CodeRunBy(const VariantSet& set,
                                 const std::vector<std::string>& names) {
  std::vector<CodeToRun> out;
  std::set<std::string> seen;
  for (const std::string& name : names) Collect(set, name, name, seen, out);
  return out;
}

std::vector<CodeToRun> CodeRunBy(const ExtractorInfo& info,
                                 const OptionValues& options,
                                 const VariantSet* set) {
  std::vector<CodeToRun> out;
  CodeToRun code;
  code.variant = code.via = "--extractor " + info.name;
  if (ExecutesCode(info.name, options, &code.what, &code.library))
    out.push_back(code);
  if (set == nullptr) return out;
  std::set<std::string> seen;
  for (const OptionSpec& option : info.options) {
    auto given = options.find(option.name);
    if (option.type != "variants" || given == options.end()) continue;
    for (const std::string& member : SplitList(given->second))
      Collect(*set, member, code.via, seen, out);
  }
  return out;
}

std::string Describe(const CodeToRun& code) {
  return code.library ? "loads the library " + code.what
                      : "runs the command `" + code.what + "`";
}

void AddNoExecFlag(CLI::App* cmd, bool& no_exec) {
  cmd->add_flag("--no-exec", no_exec,
                "Refuse (exit 2) any variant that executes code: an "
                "`external` program or a `plugin` library, members of "
                "composites included. Also set by IEVAL_NO_EXEC=1. Without "
                "it, the commands and libraries are named on stderr before "
                "they run");
}

bool NoExec(bool flag) {
  if (flag) return true;
  const char* env = std::getenv("IEVAL_NO_EXEC");
  return env != nullptr && *env != '\0' && std::string(env) != "0";
}

Status RefuseCode(const std::vector<CodeToRun>& code) {
  if (code.empty()) return Status::Ok();
  const CodeToRun& c = code.front();
  std::string message = "variant \"" + c.via + "\"";
  if (c.via != c.variant)
    message += " (through its member \"" + c.variant + "\")";
  message += " " + Describe(c) +
             ", and executing code is forbidden here (--no-exec or "
             "IEVAL_NO_EXEC=1): leave it out with --variants, or drop "
             "--no-exec for a config you trust";
  if (code.size() > 1)
    message += " (" + std::to_string(code.size() - 1) +
               " more variant(s) execute code as well)";
  return Status::Usage(message);
}

Status RefuseOrNameCode(const std::vector<CodeToRun>& code, bool no_exec,
                        bool quiet, const std::string& command) {
  if (NoExec(no_exec)) return RefuseCode(code);
  if (quiet) return Status::Ok();
  for (const CodeToRun& c : code) {
    std::cerr << command << ": variant \"" << c.via << "\" "
              << (c.via == c.variant ? "" : "(member \"" + c.variant + "\") ")
              << Describe(c) << "\n";
  }
  return Status::Ok();
}

}  // namespace ieval
