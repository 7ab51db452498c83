// The options of the `llm` back end, declared for the registry (`ieval
// list`) and read into one checked configuration.
#ifndef IEVAL_EXTRACTORS_LLM_LLM_OPTIONS_H_
#define IEVAL_EXTRACTORS_LLM_LLM_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/extractors/extractor.h"
#include "ieval/extractors/llm/chat_client.h"
#include "ieval/extractors/llm/prompt.h"

namespace ieval::llm {

std::vector<OptionSpec> LlmOptionSpecs();

struct LlmConfig {
  std::string base_url;  // without the trailing '/'
  std::string model;
  std::vector<std::string> types;
  std::optional<Prompt> prompt;
  std::string system;  // the system message; empty: none
  // The request's "response_format" as JSON text; empty: not sent.
  std::string response_format;
  double temperature = 0;
  int64_t seed = 0;
  int64_t max_tokens = 0;
  int64_t chunk_chars = 0;
  double price_in = 0, price_out = 0;  // per million tokens
  bool priced = false;
  double max_failure_rate = 0;
  double fuzzy_threshold = 0.8;
  int repeat = 0;  // IEVAL_REPEAT when the extractor was created
  ChatClientOptions client;
};

// kUsage naming the option for bad values (never quoting what might be a
// key); kInvalidInput/kIoError for the prompt and examples files.
Result<LlmConfig> ReadLlmConfig(const OptionValues& options);

// The folder the cache goes to when the `cache` option is empty:
// $XDG_CACHE_HOME/ieval/llm, else ~/.cache/ieval/llm.
std::string DefaultCacheFolder();

}  // namespace ieval::llm

#endif  // IEVAL_EXTRACTORS_LLM_LLM_OPTIONS_H_
