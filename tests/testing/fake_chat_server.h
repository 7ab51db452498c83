// A small OpenAI-compatible chat-completions server on 127.0.0.1 for the
// `llm` back end's tests: no network, answers decided by the test. It
// accepts connections on a thread of its own, reads one request per
// connection (headers and Content-Length body), asks the handler for the
// reply and closes the connection. Every request is recorded.
#ifndef IEVAL_TESTS_TESTING_FAKE_CHAT_SERVER_H_
#define IEVAL_TESTS_TESTING_FAKE_CHAT_SERVER_H_

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ieval::testing {

struct FakeRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  // The text of the last user message of a chat request ("" otherwise).
  std::string prompt;
};

struct FakeReply {
  int status = 200;
  std::string body;
  std::vector<std::string> headers;  // "Retry-After: 0"
  int delay_ms = 0;                  // sleeps before answering (timeouts)
};

// The body of a 200 chat-completions reply whose message content is
// `content`, with the given token usage.
std::string ChatCompletion(const std::string& content, int tokens_in = 10,
                           int tokens_out = 5);

class FakeChatServer {
 public:
  using Handler = std::function<FakeReply(const FakeRequest&)>;
  // GET /models is answered 200 by the server itself; everything else by
  // `handler`.
  explicit FakeChatServer(Handler handler);
  ~FakeChatServer();
  FakeChatServer(const FakeChatServer&) = delete;
  FakeChatServer& operator=(const FakeChatServer&) = delete;

  // "http://127.0.0.1:PORT/v1".
  std::string base_url() const;
  // POST /v1/chat/completions requests received so far.
  std::vector<FakeRequest> chat_requests() const;
  int chat_request_count() const;

 private:
  void Serve();
  void Handle(int fd);

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<FakeRequest> requests_;
  std::vector<std::thread> workers_;
};

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_FAKE_CHAT_SERVER_H_
