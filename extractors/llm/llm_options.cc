#include "ieval/extractors/llm/llm_options.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ieval/extractors/registry.h"
#include "ieval/io/json_reader.h"

namespace ieval::llm {
namespace {

// The default response_format: OpenAI's json_schema form, which llama.cpp's
// server, vLLM and Ollama accept too (they constrain decoding to it).
const char kDefaultSchema[] = R"({
  "type": "object",
  "properties": {
    "entities": {"type": "array", "items": {
      "type": "object",
      "properties": {"text": {"type": "string"}, "type": {"type": "string"}},
      "required": ["text", "type"], "additionalProperties": false}},
    "relations": {"type": "array", "items": {
      "type": "object",
      "properties": {"type": {"type": "string"},
                     "head": {"type": "integer"}, "tail": {"type": "integer"}},
      "required": ["type", "head", "tail"], "additionalProperties": false}}
  },
  "required": ["entities", "relations"], "additionalProperties": false
})";

Status Bad(const std::string& option, const std::string& what) {
  return Status::Usage("option '" + option + "' of extractor 'llm' " + what);
}

bool IsVariableName(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])))
    return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

Result<std::string> ResponseFormat(const std::string& value) {
  if (value == "none") return std::string();
  if (value == "json_object") return std::string(R"({"type":"json_object"})");
  std::string schema = kDefaultSchema;
  if (value != "schema") {
    auto doc = JsonDocument::Read(value);
    if (!doc.ok()) return doc.status();
    schema = doc->root().Dump();
  }
  return nlohmann::json{{"type", "json_schema"},
                        {"json_schema",
                         {{"name", "entities"},
                          {"strict", true},
                          {"schema", nlohmann::json::parse(schema)}}}}
      .dump();
}

// "IN,OUT", "[IN, OUT]" or one number for both.
bool ReadPrices(std::string value, double* in, double* out) {
  for (char& c : value)
    if (c == '[' || c == ']' || c == '/') c = c == '/' ? ',' : ' ';
  std::istringstream s(value);
  char comma = 0;
  if (!(s >> *in)) return false;
  *out = *in;
  if (s >> comma) {
    if (comma != ',' || !(s >> *out)) return false;
  }
  std::string rest;
  return !(s >> rest) && *in >= 0 && *out >= 0;
}

}  // namespace

std::string DefaultCacheFolder() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return std::string(xdg) + "/ieval/llm";
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr && *home != '\0' ? home : ".") +
         "/.cache/ieval/llm";
}

std::vector<OptionSpec> LlmOptionSpecs() {
  return {
      {"base_url", "string", "http://127.0.0.1:8080/v1",
       "the server's OpenAI-compatible API root; requests go to "
       "{base_url}/chat/completions (llama.cpp: http://127.0.0.1:8080/v1, "
       "Ollama: http://127.0.0.1:11434/v1, vLLM: http://127.0.0.1:8000/v1, "
       "OpenAI: https://api.openai.com/v1)"},
      {"model", "string", "", "the model name sent with each request"},
      {"api_key_env", "string", "",
       "the NAME of the environment variable holding the API key, sent as "
       "Authorization: Bearer (never the key itself: configs and reports "
       "are shared); empty: no key"},
      {"types", "string", "PER,ORG,LOC,DATE,QUANTITY",
       "entity types asked for ({{types}}); answers of other types are "
       "counted as malformed and left out"},
      {"prompt", "path", "",
       "prompt template file with {{text}}, {{types}}, {{examples}} "
       "(default: a built-in English instruction)"},
      {"examples", "path", "",
       "few-shot examples file {\"examples\": [{\"text\", \"entities\": "
       "[{\"text\", \"type\"}]}]}, rendered into {{examples}}"},
      {"system", "string", "", "a system message sent before the prompt"},
      {"response_format", "string", "schema",
       "schema (the JSON schema of {entities, relations}, as OpenAI's "
       "json_schema), json_object, none (not sent), or a JSON schema file"},
      {"temperature", "double", "0", "sampling temperature", 0},
      {"seed", "int", "0",
       "sampling seed sent with each request (ieval run --repeats adds the "
       "repeat index)"},
      {"max_tokens", "int", "2048", "longest answer, in tokens", 1},
      {"chunk_chars", "int", "4000",
       "longest piece of a document sent at once, in code points, cut on "
       "sentence boundaries; 0: whole documents",
       0},
      {"concurrency", "int", "4", "requests in flight at once", 1},
      {"timeout", "double", "120", "seconds per request", 0, true},
      {"retries", "int", "4",
       "retries after a 429, a 5xx or a transport error (timeout, refused)", 0},
      {"retry_backoff", "double", "1",
       "seconds before the first retry, doubled each time (a longer "
       "Retry-After wins)",
       0},
      {"rate_limit", "double", "0",
       "at most this many requests per second; 0: no limit", 0},
      {"price_per_mtok", "string", "",
       "price per million tokens, \"IN,OUT\" (or one number for both): the "
       "report shows the cost"},
      {"max_failure_rate", "double", "0.1",
       "share of documents allowed to get no usable answer (the request "
       "failed, not JSON, wrong schema) before the variant fails",
       0},
      {"ground_threshold", "double", "0.8",
       "the fuzzy grounding threshold (eval/README.md, Grounding)", 0, true},
      {"cache", "string", "",
       "response cache folder (default $XDG_CACHE_HOME/ieval/llm or "
       "~/.cache/ieval/llm); off: no cache. ieval run/extract --cache DIR, "
       "--no-cache set it"},
      {"refresh_cache", "bool", "false",
       "ask the server even when the cache has the answer, and replace it "
       "(--refresh-cache)"},
  };
}

Result<LlmConfig> ReadLlmConfig(const OptionValues& o) {
  LlmConfig c;
  c.base_url = o.at("base_url");
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  if (c.base_url.rfind("http://", 0) != 0 &&
      c.base_url.rfind("https://", 0) != 0)
    return Bad("base_url", "must start with http:// or https://");
  c.model = o.at("model");
  if (c.model.empty())
    return Bad("model",
               "is needed: the model name the server serves "
               "(`curl BASE_URL/models` lists them)");
  const std::string& key_env = o.at("api_key_env");
  if (!key_env.empty()) {
    if (!IsVariableName(key_env))
      return Bad("api_key_env",
                 "must be the NAME of an environment variable (letters, "
                 "digits, _), and this is not one; if it is the key itself, "
                 "take it out of the config, put it in the environment "
                 "(export LLM_API_KEY=…) and write api_key_env=LLM_API_KEY");
    const char* key = std::getenv(key_env.c_str());
    if (key == nullptr || *key == '\0')
      return Status::Unavailable(
          "needs an API key in the environment "
          "variable " +
          key_env + ", which is not set");
    c.client.api_key = key;
  }
  c.types = ListOption(o, "types");
  auto prompt = Prompt::Load(o.at("prompt"), o.at("examples"), c.types);
  if (!prompt.ok()) return prompt.status();
  c.prompt = std::move(*prompt);
  c.system = o.at("system");
  auto format = ResponseFormat(o.at("response_format"));
  if (!format.ok()) return format.status();
  c.response_format = std::move(*format);
  c.temperature = DoubleOption(o, "temperature");
  c.seed = IntOption(o, "seed");
  c.max_tokens = IntOption(o, "max_tokens");
  c.chunk_chars = IntOption(o, "chunk_chars");
  if (!o.at("price_per_mtok").empty()) {
    if (!ReadPrices(o.at("price_per_mtok"), &c.price_in, &c.price_out))
      return Bad("price_per_mtok",
                 "must be \"IN,OUT\" (prices per million tokens, ≥ 0) or "
                 "one price for both, not '" +
                     o.at("price_per_mtok") + "'");
    c.priced = true;
  }
  c.max_failure_rate = DoubleOption(o, "max_failure_rate");
  if (c.max_failure_rate > 1) return Bad("max_failure_rate", "must be ≤ 1");
  c.fuzzy_threshold = DoubleOption(o, "ground_threshold");
  const char* repeat = std::getenv("IEVAL_REPEAT");
  c.repeat = repeat != nullptr ? std::atoi(repeat) : 0;
  ChatClientOptions& client = c.client;
  client.url = c.base_url + "/chat/completions";
  client.concurrency = IntOption(o, "concurrency");
  client.timeout_seconds = DoubleOption(o, "timeout");
  client.retries = IntOption(o, "retries");
  client.backoff_seconds = DoubleOption(o, "retry_backoff");
  client.rate_limit = DoubleOption(o, "rate_limit");
  const std::string& cache = o.at("cache");
  if (cache != "off")
    client.cache.emplace(cache.empty() ? DefaultCacheFolder() : cache);
  client.refresh_cache = BoolOption(o, "refresh_cache");
  return c;
}

}  // namespace ieval::llm
