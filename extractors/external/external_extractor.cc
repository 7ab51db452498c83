#include "ieval/extractors/external/external_extractor.h"

#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>

#include "line_process.h"

namespace ieval {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

// `command` is a JSON array of strings, or a shell command line.
Result<std::vector<std::string>> ParseCommand(const std::string& command) {
  if (command.find_first_not_of(" \t") == std::string::npos)
    return Status::Usage("extractor 'external' needs --option command=…");
  if (command.front() != '[')
    return std::vector<std::string>{"/bin/sh", "-c", command};
  std::vector<std::string> argv;
  try {
    for (const json& item : json::parse(command))
      argv.push_back(item.get<std::string>());
  } catch (const json::exception&) {
    argv.clear();
  }
  if (argv.empty()) {
    return Status::Usage(
        "option 'command' of extractor 'external' must be a "
        "JSON array of strings or a shell command, not " +
        command);
  }
  return argv;
}

// How long a program whose input is closed may take to exit before it is
// killed (an exit status is only known when it exits by itself).
constexpr double kExitGraceSeconds = 5;

class ExternalExtractor : public Extractor {
 public:
  ExternalExtractor(std::vector<std::string> argv, const OptionValues& o)
      : argv_(std::move(argv)),
        command_(o.at("command")),
        cwd_(o.at("cwd")),
        timeout_(DoubleOption(o, "timeout")),
        unit_(*ParseOffsetUnit(o.at("offset_unit"))),
        max_processes_(std::max<int64_t>(1, IntOption(o, "processes"))),
        max_response_bytes_(
            static_cast<size_t>(IntOption(o, "max_response_bytes"))),
        version_(o.at("version").empty() ? command_ : o.at("version")) {}

  std::string Name() const override { return "external"; }
  std::string Version() const override { return version_; }

  Result<Annotations> Extract(const Document& doc) const override {
    auto process = Acquire();
    if (!process.ok()) return Fail(doc, process.status().message());
    const std::string request =
        json{{"doc_id", doc.doc_id}, {"text", doc.text}}.dump(
            -1, ' ', false, json::error_handler_t::replace);
    auto line = (*process)->Exchange(request, timeout_, max_response_bytes_);
    if (!line.ok()) {
      Release(nullptr);  // dead: a later call starts a fresh one
      return Fail(doc, line.status().message());
    }
    auto parsed = ParseExternalResponse(doc, *line, unit_);
    // After a bad answer the child's state is unknown: start afresh.
    Release(parsed.ok() ? std::move(*process) : nullptr);
    if (!parsed.ok()) return Fail(doc, parsed.status().message());
    return parsed;
  }

  // Every program still running has answered all its documents: each is
  // asked to exit (stdin closed) and must exit with status 0.
  Status Finish() override {
    std::vector<std::unique_ptr<LineProcess>> idle;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      idle.swap(idle_);
      running_ -= static_cast<int64_t>(idle.size());
    }
    Status first;
    for (auto& process : idle) {
      Status s = process->Finish(kExitGraceSeconds);
      if (!s.ok() && first.ok()) first = s;
    }
    if (first.ok()) return first;
    return Status::ExtractorFailed("`" + command_ + "` " + first.message());
  }

 private:
  Status Fail(const Document& doc, const std::string& what) const {
    Where where;
    where.doc_id = doc.doc_id;
    return Status::ExtractorFailed("`" + command_ + "` " + what, where);
  }

  Result<std::unique_ptr<LineProcess>> Acquire() const {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return !idle_.empty() || running_ < max_processes_; });
    if (!idle_.empty()) {
      auto p = std::move(idle_.back());
      idle_.pop_back();
      return p;
    }
    ++running_;
    lock.unlock();
    auto started = LineProcess::Start(argv_, cwd_);
    if (!started.ok()) Release(nullptr);
    return started;
  }

  void Release(std::unique_ptr<LineProcess> process) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (process && process->alive()) {
      idle_.push_back(std::move(process));
    } else {
      --running_;
    }
    cv_.notify_one();
  }

  const std::vector<std::string> argv_;
  const std::string command_, cwd_;
  const double timeout_;
  const OffsetUnit unit_;
  const int64_t max_processes_;
  const size_t max_response_bytes_;
  const std::string version_;

  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  mutable std::vector<std::unique_ptr<LineProcess>> idle_;
  mutable int64_t running_ = 0;
};

Result<std::unique_ptr<Extractor>> Create(const OptionValues& o) {
  auto argv = ParseCommand(o.at("command"));
  if (!argv.ok()) return argv.status();
  if (!ParseOffsetUnit(o.at("offset_unit"))) {
    return Status::Usage(
        "option 'offset_unit' of extractor 'external' must be "
        "codepoint, byte or utf16, not '" +
        o.at("offset_unit") + "'");
  }
  if (DoubleOption(o, "timeout") <= 0)
    return Status::Usage(
        "option 'timeout' of extractor 'external' must be > 0");
  const std::string& cwd = o.at("cwd");
  if (!cwd.empty() && !fs::is_directory(cwd)) {
    return Status::Usage("option 'cwd' of extractor 'external': " + cwd +
                         " is not a folder");
  }
  const std::string hint = o.at("hint").empty() ? "" : "; " + o.at("hint");
  for (const std::string& need : ListOption(o, "requires")) {
    if (need.find('/') == std::string::npos) {
      if (!FindProgram(need).ok())
        return Status::Unavailable("needs the program '" + need +
                                   "', which is not on PATH" + hint);
    } else if (!fs::exists(cwd.empty() ? fs::path(need)
                                       : fs::path(cwd) / need)) {
      return Status::Unavailable("needs " + need + ", which does not exist" +
                                 (cwd.empty() ? "" : " in " + cwd) + hint);
    }
  }
  return std::unique_ptr<Extractor>(new ExternalExtractor(std::move(*argv), o));
}

}  // namespace

ExtractorInfo ExternalExtractorInfo() {
  ExtractorInfo info;
  info.name = "external";
  info.description =
      "Any program speaking ieval's JSON Lines protocol on stdin/stdout (one "
      "{\"doc_id\",\"text\"} request line, one response line per document); "
      "see extractors/README.md.";
  info.options = {
      {"command", "string", "",
       "the program: a JSON array [\"python3\", \"ner.py\"] (run directly) or "
       "a shell command line (run by /bin/sh -c)"},
      {"cwd", "path", "",
       "folder the program runs in (default: the current one)"},
      {"timeout", "double", "30",
       "seconds the program may take per document (the first includes its "
       "start-up); past it, it is killed and extraction fails",
       0, /*min_exclusive=*/true},
      {"offset_unit", "string", "codepoint",
       "unit of the response offsets when a response does not state "
       "\"offset_unit\": codepoint, byte or utf16"},
      {"max_response_bytes", "int", "268435456",
       "longest response line accepted (bytes, default 256 MiB); a longer "
       "one fails the document and the program is killed, so that one "
       "printing without end cannot exhaust memory",
       1},
      {"processes", "int", "1",
       "at most this many copies of the program run at once (with --jobs)", 1},
      {"requires", "string", "",
       "comma-separated programs (looked up on PATH) and files (with a '/', "
       "relative to cwd) the program needs; when one is missing the variant "
       "is unavailable: `ieval run` skips it, `ieval extract` exits 2"},
      {"hint", "string", "",
       "what to tell the user when a requirement is missing"},
      {"version", "string", "",
       "the extractor's version, recorded in reports (default: the command)"},
  };
  info.create = Create;
  return info;
}

}  // namespace ieval
