#include "testing/fake_chat_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>

namespace ieval::testing {
namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const char* Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

void WriteAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n =
        ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

}  // namespace

std::string ChatCompletion(const std::string& content, int tokens_in,
                           int tokens_out) {
  return nlohmann::json{
      {"id", "chatcmpl-test"},
      {"object", "chat.completion"},
      {"choices",
       {{{"index", 0},
         {"message", {{"role", "assistant"}, {"content", content}}},
         {"finish_reason", "stop"}}}},
      {"usage",
       {{"prompt_tokens", tokens_in},
        {"completion_tokens", tokens_out},
        {"total_tokens", tokens_in + tokens_out}}}}
      .dump();
}

FakeChatServer::FakeChatServer(Handler handler) : handler_(std::move(handler)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;  // any free port
  ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::listen(listen_fd_, 64);
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

FakeChatServer::~FakeChatServer() {
  stop_ = true;
  thread_.join();
  ::close(listen_fd_);
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::thread& t : workers_) t.join();
}

std::string FakeChatServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/v1";
}

std::vector<FakeRequest> FakeChatServer::chat_requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

int FakeChatServer::chat_request_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(requests_.size());
}

void FakeChatServer::Serve() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mutex_);
    workers_.emplace_back([this, fd] { Handle(fd); });
  }
}

void FakeChatServer::Handle(int fd) {
  std::string data;
  char buffer[65536];
  size_t header_end = std::string::npos;
  size_t length = 0;
  while (true) {
    if (header_end == std::string::npos) {
      header_end = data.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        const std::string head = Lower(data.substr(0, header_end));
        const size_t at = head.find("content-length:");
        if (at != std::string::npos) length = std::stoul(head.substr(at + 15));
      }
    }
    if (header_end != std::string::npos &&
        data.size() >= header_end + 4 + length)
      break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      ::close(fd);
      return;
    }
    data.append(buffer, static_cast<size_t>(n));
  }
  FakeRequest request;
  const std::string head = data.substr(0, header_end);
  const size_t line_end = head.find("\r\n");
  const std::string first = head.substr(0, line_end);
  const size_t sp1 = first.find(' '), sp2 = first.find(' ', sp1 + 1);
  request.method = first.substr(0, sp1);
  request.path = first.substr(sp1 + 1, sp2 - sp1 - 1);
  for (size_t pos = line_end + 2; pos < head.size();) {
    size_t end = head.find("\r\n", pos);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(pos, end - pos);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      request.headers[Lower(line.substr(0, colon))] = value;
    }
    pos = end + 2;
  }
  request.body = data.substr(header_end + 4, length);
  FakeReply reply;
  if (request.method == "GET" && request.path == "/v1/models") {
    reply.body = R"({"object":"list","data":[{"id":"test-model"}]})";
  } else {
    const auto parsed = nlohmann::json::parse(request.body, nullptr, false);
    if (parsed.is_object() && parsed.contains("messages") &&
        parsed["messages"].is_array() && !parsed["messages"].empty())
      request.prompt = parsed["messages"].back().value("content", "");
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back(request);
    }
    reply = handler_(request);
  }
  if (reply.delay_ms > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(reply.delay_ms));
  std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " " +
                    Reason(reply.status) +
                    "\r\nContent-Type: application/json" +
                    "\r\nContent-Length: " + std::to_string(reply.body.size()) +
                    "\r\nConnection: close\r\n";
  for (const std::string& h : reply.headers) out += h + "\r\n";
  out += "\r\n" + reply.body;
  WriteAll(fd, out);
  ::close(fd);
}

}  // namespace ieval::testing
