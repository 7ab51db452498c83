// ieval plugin-host --option path=LIB [--option K=V]…
// A plug-in in a process of its own, speaking the `external` protocol
// (extractors/README.md): a {"doc_id", "text"} request line on stdin, one
// response line on stdout, until stdin ends. `ieval run --isolate` starts
// it for each plug-in variant, so a plug-in that crashes or corrupts memory
// fails its variant instead of taking ieval down.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/run.h"
#include "ieval/io/annotation_json.h"
#include "ieval/io/json_reader.h"

namespace ieval {
namespace {

using json = nlohmann::json;

int HostPlugin(const std::vector<std::string>& pairs,
               const ExtractorRegistry& registry) {
  OptionValues options;
  for (const std::string& kv : pairs) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "ieval plugin-host: --option takes KEY=VALUE, not '" << kv
                << "'\n";
      return kExitBadInput;
    }
    options[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  auto plugin = registry.Create("plugin", options);
  if (!plugin.ok()) {
    std::cerr << "ieval plugin-host: " << plugin.status().ToString() << "\n";
    return ExitCodeFor(plugin.status());
  }
  std::ios::sync_with_stdio(false);
  WriteOptions write;
  write.include_text = false;
  std::string line;
  while (std::getline(std::cin, line)) {
    // A line that is not a request is answered with an error, which fails
    // that document.
    auto request = JsonDocument::Parse(line, "request");
    std::optional<JsonValue> id, text;
    if (request.ok()) {
      id = request->root().Find("doc_id");
      text = request->root().Find("text");
    }
    if (!id || !text || !id->String().ok() || !text->String().ok()) {
      std::cout << json{{"error", "plugin-host: not a request line"}}.dump()
                << std::endl;
      continue;
    }
    Document doc{*id->String(), *text->String()};
    auto found = RunExtractor(**plugin, doc, options["path"]);
    if (!found.ok()) {
      std::cout << json{{"doc_id", doc.doc_id},
                        {"error", found.status().message()}}
                       .dump(-1, ' ', false, json::error_handler_t::replace)
                << std::endl;
      continue;
    }
    AnnotatedDocument out;
    out.document.doc_id = doc.doc_id;
    out.annotations = std::move(*found);
    std::cout << SerializeAnnotatedDocument(out, write) << std::endl;
  }
  return kExitOk;
}

}  // namespace

void AddPluginHostCommand(CLI::App& app, CommandContext& context) {
  auto pairs = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "plugin-host",
      "Load a plug-in (extractor `plugin`) and serve it over the `external` "
      "protocol on stdin/stdout: what `ieval run --isolate` runs for each "
      "plug-in variant, so that a crashing plug-in fails its variant only.");
  cmd->add_option("--option", *pairs,
                  "KEY=VALUE for the plug-in (repeatable); path=LIB is the "
                  "library")
      ->required();
  cmd->callback([pairs, &context] {
    context.exit_code = HostPlugin(*pairs, context.registry());
  });
}

}  // namespace ieval
