// Sending chat-completions requests the way the `llm` back end does: at
// most `concurrency` at once, at most `rate_limit` per second, retried with
// exponential back-off on 429, 5xx and transport errors (a Retry-After
// header is honoured), answered from the response cache when it holds the
// request. Thread-safe.
#ifndef IEVAL_EXTRACTORS_LLM_CHAT_CLIENT_H_
#define IEVAL_EXTRACTORS_LLM_CHAT_CLIENT_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "ieval/core/status.h"
#include "ieval/extractors/llm/response_cache.h"

namespace ieval::llm {

struct ChatClientOptions {
  std::string url;      // {base_url}/chat/completions
  std::string api_key;  // sent as "Authorization: Bearer …"; empty: none
  int64_t concurrency = 4;
  double timeout_seconds = 120;
  int64_t retries = 4;
  double backoff_seconds = 1;  // the first wait; doubled each retry
  double rate_limit = 0;       // requests per second; 0: no limit
  size_t max_reply_bytes = 64 << 20;
  std::optional<ResponseCache> cache;
  bool refresh_cache = false;  // ask the server, then overwrite the entry
};

struct ChatOutcome {
  Status status;  // Ok: `reply` holds the server's 200 body
  std::string reply;
  bool cached = false;   // answered from the cache, no request sent
  int64_t requests = 0;  // HTTP requests sent (retries included)
  int64_t retries = 0;
  double seconds = 0;  // waiting included
};

class ChatClient {
 public:
  explicit ChatClient(ChatClientOptions options)
      : options_(std::move(options)) {}

  // `body` is the request JSON, `key` its cache key.
  ChatOutcome Send(const std::string& body, const std::string& key) const;

  const ChatClientOptions& options() const { return options_; }

 private:
  void WaitForRateSlot() const;

  const ChatClientOptions options_;
  mutable std::mutex mutex_;
  mutable std::condition_variable slot_free_;
  mutable int64_t in_flight_ = 0;
  mutable std::chrono::steady_clock::time_point next_request_{};
};

}  // namespace ieval::llm

#endif  // IEVAL_EXTRACTORS_LLM_CHAT_CLIENT_H_
