#include "ieval/extractors/llm/chat_client.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

#include "ieval/extractors/llm/http_client.h"

namespace ieval::llm {
namespace {

using Clock = std::chrono::steady_clock;

// Waits longer than this are cut to it: a server asking for an hour would
// otherwise hold the run.
constexpr double kMaxWaitSeconds = 120;

bool Retryable(const HttpReply& reply) {
  return reply.status == 0 || reply.status == 429 || reply.status >= 500;
}

std::string Describe(const HttpReply& reply) {
  if (reply.status == 0) return reply.transport_error;
  std::string body = reply.body.substr(0, 200);
  for (char& c : body)
    if (c == '\n' || c == '\r') c = ' ';
  return "HTTP " + std::to_string(reply.status) +
         (body.empty() ? "" : ": " + body);
}

}  // namespace

void ChatClient::WaitForRateSlot() const {
  if (options_.rate_limit <= 0) return;
  Clock::time_point slot;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const Clock::time_point now = Clock::now();
    slot = std::max(now, next_request_);
    next_request_ =
        slot + std::chrono::duration_cast<Clock::duration>(
                   std::chrono::duration<double>(1.0 / options_.rate_limit));
  }
  std::this_thread::sleep_until(slot);
}

ChatOutcome ChatClient::Send(const std::string& body,
                             const std::string& key) const {
  ChatOutcome out;
  const Clock::time_point start = Clock::now();
  if (options_.cache && !options_.refresh_cache) {
    if (auto hit = options_.cache->Lookup(key)) {
      out.reply = std::move(*hit);
      out.cached = true;
      return out;
    }
  }
  std::vector<std::string> headers;
  if (!options_.api_key.empty())
    headers.push_back("Authorization: Bearer " + options_.api_key);
  {
    std::unique_lock<std::mutex> lock(mutex_);
    slot_free_.wait(lock, [&] { return in_flight_ < options_.concurrency; });
    ++in_flight_;
  }
  HttpReply reply;
  for (int64_t attempt = 0;; ++attempt) {
    WaitForRateSlot();
    reply = HttpRequest(options_.url, body, headers, options_.timeout_seconds,
                        options_.max_reply_bytes);
    ++out.requests;
    if (reply.status == 200 || !Retryable(reply) || attempt >= options_.retries)
      break;
    ++out.retries;
    double wait = options_.backoff_seconds * std::pow(2.0, attempt);
    if (reply.retry_after) wait = std::max(wait, *reply.retry_after);
    std::this_thread::sleep_for(
        std::chrono::duration<double>(std::min(wait, kMaxWaitSeconds)));
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --in_flight_;
  }
  slot_free_.notify_one();
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (reply.status != 200) {
    out.status = Status::ExtractorFailed(
        Describe(reply) +
        (out.requests > 1
             ? " (after " + std::to_string(out.requests) + " attempts)"
             : ""));
    return out;
  }
  out.reply = std::move(reply.body);
  if (options_.cache) {
    // A cache that cannot be written costs a rerun, not this run.
    (void)options_.cache->Store(key, out.reply);
  }
  return out;
}

}  // namespace ieval::llm
