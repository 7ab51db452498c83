#include "ieval/extractors/llm/llm_extractor.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "ieval/extractors/llm/answer.h"
#include "ieval/extractors/llm/chunks.h"
#include "ieval/extractors/llm/http_client.h"
#include "ieval/extractors/llm/llm_options.h"
#include "ieval/ground/grounding.h"

namespace ieval {
namespace {

using llm::LlmConfig;
using json = nlohmann::json;

// What one document cost and what went wrong with it.
struct DocumentUsage {
  int64_t chunks = 0, requests = 0, retries = 0, cache_hits = 0;
  int64_t tokens_in = 0, tokens_out = 0;
  int64_t answered = 0, exact = 0, normalised = 0, fuzzy = 0, ungrounded = 0;
  int64_t malformed = 0;  // problems: answers or entities not usable
  bool failed = false;    // a chunk without a usable answer
  double seconds = 0;
  std::vector<std::string> problems;
};

// The text of a model's string for a message, cut and on one line.
std::string Quote(const std::string& s) {
  std::string q = s.substr(0, 80);
  for (char& c : q)
    if (c == '\n' || c == '\r') c = ' ';
  return "\"" + q + "\"";
}

class LlmExtractor : public Extractor {
 public:
  explicit LlmExtractor(LlmConfig config)
      : config_(std::move(config)), client_(config_.client) {}

  std::string Name() const override { return "llm"; }
  std::string Version() const override {
    return "llm 1 " + config_.model + " @ " + config_.base_url;
  }

  Result<Annotations> Extract(const Document& doc) const override {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<llm::Chunk> chunks =
        llm::ChunkText(doc.text, config_.chunk_chars);
    std::vector<llm::ChatOutcome> outcomes(chunks.size());
    // Chunks of one document go out side by side, up to `concurrency`
    // (the client caps requests in flight across documents as well).
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next++) < chunks.size();) {
        const std::string body = RequestBody(chunks[i].text);
        outcomes[i] = client_.Send(body, CacheKey(body));
      }
    };
    const size_t threads = std::min<size_t>(
        chunks.size(), static_cast<size_t>(config_.client.concurrency));
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();

    DocumentUsage usage;
    usage.chunks = static_cast<int64_t>(chunks.size());
    Annotations out;
    for (size_t i = 0; i < chunks.size(); ++i)
      AddChunk(chunks[i], outcomes[i], usage, out);
    usage.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    Record(doc.doc_id, std::move(usage));
    return out;
  }

  Status Finish() override {
    std::lock_guard<std::mutex> lock(mutex_);
    int64_t failed = 0;
    const std::string* first = nullptr;
    for (const auto& [id, u] : usage_) {
      if (!u.failed) continue;
      ++failed;
      if (first == nullptr) first = &id;
    }
    const auto n = static_cast<int64_t>(usage_.size());
    if (n == 0 || static_cast<double>(failed) <=
                      config_.max_failure_rate * static_cast<double>(n))
      return Status::Ok();
    const DocumentUsage& u = usage_.at(*first);
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.1f %% > max_failure_rate %g",
                  100.0 * static_cast<double>(failed) / static_cast<double>(n),
                  config_.max_failure_rate);
    Where where;
    where.doc_id = *first;
    return Status::ExtractorFailed(
        std::to_string(failed) + " of " + std::to_string(n) +
            " documents got no usable answer from " + client_.options().url +
            " (" + rate + "); the first, " + *first + ": " +
            (u.problems.empty() ? "no answer" : u.problems.front()),
        where);
  }

  ExtractorStats Stats() const override;

 private:
  std::string RequestBody(const std::string& chunk) const {
    json messages = json::array();
    if (!config_.system.empty())
      messages.push_back({{"role", "system"}, {"content", config_.system}});
    messages.push_back(
        {{"role", "user"}, {"content", config_.prompt->Render(chunk)}});
    json body = {{"model", config_.model},
                 {"messages", messages},
                 {"temperature", config_.temperature},
                 {"seed", config_.seed},
                 {"max_tokens", config_.max_tokens}};
    if (!config_.response_format.empty())
      body["response_format"] = json::parse(config_.response_format);
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
  }

  // The request as sent decides the answer; the repeat index too, so that
  // each repeat of a sampled run keeps its own answers.
  std::string CacheKey(const std::string& body) const {
    return "repeat " + std::to_string(config_.repeat) + "\n" + body;
  }

  void AddChunk(const llm::Chunk& chunk, const llm::ChatOutcome& outcome,
                DocumentUsage& usage, Annotations& out) const {
    const std::string where = "chunk at " + std::to_string(chunk.start) + ": ";
    usage.requests += outcome.requests;
    usage.retries += outcome.retries;
    usage.cache_hits += outcome.cached ? 1 : 0;
    if (!outcome.status.ok()) {
      usage.failed = true;
      ++usage.malformed;
      usage.problems.push_back(where +
                               "request failed: " + outcome.status.message());
      return;
    }
    auto reply = llm::ReadChatReply(outcome.reply);
    if (!reply.ok()) {
      usage.failed = true;
      ++usage.malformed;
      usage.problems.push_back(where + reply.status().message());
      return;
    }
    if (!outcome.cached) {
      usage.tokens_in += reply->tokens_in;
      usage.tokens_out += reply->tokens_out;
    }
    llm::ModelAnswer answer =
        llm::ReadModelAnswer(reply->content, config_.types);
    usage.malformed += static_cast<int64_t>(answer.problems.size());
    for (const std::string& p : answer.problems)
      usage.problems.push_back(where + p);
    if (!answer.usable) {
      usage.failed = true;
      return;
    }
    const std::vector<Mention> asked = llm::MentionsToGround(answer);
    usage.answered += static_cast<int64_t>(asked.size());
    GroundOptions options;
    options.fuzzy_threshold = config_.fuzzy_threshold;
    const GroundResult grounded = Ground(chunk.text, asked, options);
    usage.exact += grounded.counts.exact;
    usage.normalised += grounded.counts.normalised;
    usage.fuzzy += grounded.counts.fuzzy;
    usage.ungrounded += grounded.counts.ungrounded;
    // Entity index of the answer -> id of its mention in `out`.
    std::map<size_t, std::string> id_of;
    for (const GroundedMention& g : grounded.mentions) {
      Mention m = g.mention;
      m.alignment = ToMentionAlignment(g.alignment);
      if (g.alignment == GroundAlignment::kUngrounded) {
        // Kept, without a span: scored as a false positive of its type
        // (what the model said is part of its score, never dropped).
        ++usage.malformed;
        usage.problems.push_back(
            where + "not in the text: " + Quote(*asked[g.source].text));
        m.start = m.end = 0;
        m.text = asked[g.source].text;
      } else {
        m.start += chunk.start;
        m.end += chunk.start;
        m.text.reset();  // set from the span by the caller's checks
      }
      m.id = "L" + std::to_string(out.mentions.size() + 1);
      id_of.emplace(g.source, m.id);
      out.mentions.push_back(std::move(m));
    }
    for (const llm::AnsweredRelation& r : answer.relations) {
      auto head = id_of.find(r.head), tail = id_of.find(r.tail);
      if (head == id_of.end() || tail == id_of.end()) continue;
      out.relations.push_back({r.type, head->second, tail->second});
    }
  }

  void Record(const std::string& doc_id, DocumentUsage usage) const {
    std::lock_guard<std::mutex> lock(mutex_);
    usage_[doc_id] = std::move(usage);
  }

  const LlmConfig config_;
  const llm::ChatClient client_;
  mutable std::mutex mutex_;
  // By doc_id; a document extracted again (bench repetitions) keeps its
  // latest pass.
  mutable std::map<std::string, DocumentUsage> usage_;
};

ExtractorStats LlmExtractor::Stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  ExtractorStats stats;
  stats.kind = "llm";
  DocumentUsage total;
  int64_t failed = 0;
  double max_seconds = 0;
  for (const auto& [id, u] : usage_) {
    ExtractorStats::Document d;
    d.doc_id = id;
    d.counters = {{"chunks", u.chunks},
                  {"requests", u.requests},
                  {"cache_hits", u.cache_hits},
                  {"retries", u.retries},
                  {"tokens_in", u.tokens_in},
                  {"tokens_out", u.tokens_out},
                  {"latency_seconds", u.seconds},
                  {"answered", u.answered},
                  {"exact", u.exact},
                  {"normalised", u.normalised},
                  {"fuzzy", u.fuzzy},
                  {"ungrounded", u.ungrounded},
                  {"malformed", u.malformed},
                  {"failed", u.failed ? 1 : 0}};
    d.problems = u.problems;
    stats.documents.push_back(std::move(d));
    for (auto [sum, part] : {std::pair{&total.chunks, u.chunks},
                             {&total.requests, u.requests},
                             {&total.cache_hits, u.cache_hits},
                             {&total.retries, u.retries},
                             {&total.tokens_in, u.tokens_in},
                             {&total.tokens_out, u.tokens_out},
                             {&total.answered, u.answered},
                             {&total.exact, u.exact},
                             {&total.normalised, u.normalised},
                             {&total.fuzzy, u.fuzzy},
                             {&total.ungrounded, u.ungrounded},
                             {&total.malformed, u.malformed}})
      *sum += part;
    total.seconds += u.seconds;
    max_seconds = std::max(max_seconds, u.seconds);
    failed += u.failed ? 1 : 0;
  }
  stats.totals = {{"extracted_documents", static_cast<double>(usage_.size())},
                  {"chunks", total.chunks},
                  {"requests", total.requests},
                  {"cache_hits", total.cache_hits},
                  {"retries", total.retries},
                  {"tokens_in", total.tokens_in},
                  {"tokens_out", total.tokens_out},
                  {"latency_seconds", total.seconds},
                  {"max_latency_seconds", max_seconds},
                  {"answered", total.answered},
                  {"exact", total.exact},
                  {"normalised", total.normalised},
                  {"fuzzy", total.fuzzy},
                  {"ungrounded", total.ungrounded},
                  {"malformed", total.malformed},
                  {"failed_documents", failed}};
  if (config_.priced)
    stats.totals.push_back(
        {"cost", (static_cast<double>(total.tokens_in) * config_.price_in +
                  static_cast<double>(total.tokens_out) * config_.price_out) /
                     1e6});
  return stats;
}

// Whether anything answers at base_url: GET {base_url}/models, which every
// server named in the README serves. Only a refused connection or an
// unknown host counts as absent; any HTTP answer, even an error, is a
// server.
bool Reachable(const LlmConfig& c) {
  const llm::HttpReply reply =
      llm::HttpRequest(c.base_url + "/models", std::nullopt,
                       c.client.api_key.empty()
                           ? std::vector<std::string>{}
                           : std::vector<std::string>{"Authorization: Bearer " +
                                                      c.client.api_key},
                       std::min(5.0, c.client.timeout_seconds), 1 << 20);
  return !reply.unreachable;
}

bool HasEntries(const std::optional<llm::ResponseCache>& cache) {
  std::error_code ec;
  return cache && std::filesystem::is_directory(cache->folder(), ec) &&
         !std::filesystem::is_empty(cache->folder(), ec);
}

Result<std::unique_ptr<Extractor>> Create(const OptionValues& o) {
  auto config = llm::ReadLlmConfig(o);
  if (!config.ok()) return config.status();
  // An unreachable server makes the variant unavailable unless the cache
  // has entries to answer from (a rerun offline).
  if (!Reachable(*config) && !HasEntries(config->client.cache))
    return Status::Unavailable(
        "no server answers at " + config->base_url +
        " (GET /models was refused); start one (llama.cpp: `llama-server "
        "-m MODEL.gguf --port 8080`; Ollama: `ollama serve`; vLLM: `vllm "
        "serve MODEL`) or set base_url; see extractors/llm/README.md");
  return std::unique_ptr<Extractor>(new LlmExtractor(std::move(*config)));
}

}  // namespace

ExtractorInfo LlmExtractorInfo() {
  ExtractorInfo info;
  info.name = "llm";
  info.description =
      "A model behind any OpenAI-compatible chat-completions server "
      "(llama.cpp, vLLM, Ollama, OpenAI, Azure): entities asked for as "
      "strings, grounded in the text; answers cached, tokens and cost "
      "counted; see extractors/llm/README.md.";
  info.options = llm::LlmOptionSpecs();
  info.capabilities.entity_types = {"PER", "ORG", "LOC", "DATE", "QUANTITY"};
  info.capabilities.relations = true;
  info.create = Create;
  return info;
}

}  // namespace ieval
