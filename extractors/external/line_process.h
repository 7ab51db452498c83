// A child process spoken to one line at a time: a request line to its
// standard input, one response line from its standard output, within a
// deadline. What the `external` extractor is built on; kept apart so the
// process handling (poll, kill, reap) can be read and tested on its own.
//
// Never hangs and never lets the child take ieval down: the child runs in
// its own process group (killed as a whole on timeout), its stdin is a
// socket written with MSG_NOSIGNAL (a dead child is an error, not SIGPIPE),
// its stderr is collected (the tail is quoted in error messages) so it can
// neither block on a full pipe nor clutter ieval's output.
#ifndef IEVAL_EXTRACTORS_EXTERNAL_LINE_PROCESS_H_
#define IEVAL_EXTRACTORS_EXTERNAL_LINE_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

// The program a command names: itself when it holds a '/', otherwise the
// first executable of that name on PATH, as execvp looks; kUnavailable
// naming it when there is none.
Result<std::string> FindProgram(const std::string& program);

class LineProcess {
 public:
  // Starts argv[0] (looked up on PATH when it has no '/') in `cwd` (the
  // current folder when empty). kUnavailable when the program cannot be
  // started (not found, not executable), naming it.
  static Result<std::unique_ptr<LineProcess>> Start(
      const std::vector<std::string>& argv, const std::string& cwd);

  // Closes the child's stdin, gives it a moment to exit, then kills its
  // process group (what it left running in the background included; a
  // process that left the group with setsid() is out of reach). When ieval
  // itself dies, even by SIGKILL, the child is killed (PR_SET_PDEATHSIG);
  // what it started in the background then sees its stdin close.
  ~LineProcess();
  // Not copyable or movable: it owns a process and three descriptors.
  LineProcess(const LineProcess&) = delete;
  LineProcess& operator=(const LineProcess&) = delete;

  // Writes `line` and a newline, then reads up to the next newline (returned
  // without it). Fails (kExtractorFailed, message without a subject, e.g.
  // "did not answer within 2 s") when the child does not answer within
  // `timeout_seconds`, exits, or is killed, when its line grows past
  // `max_response_bytes` without a newline, or when ieval is interrupted
  // (core/interrupt.h); the child is then dead for good (alive() is false).
  Result<std::string> Exchange(std::string_view line, double timeout_seconds,
                               size_t max_response_bytes);

  // Closes the child's stdin and gives it `grace_seconds` to exit, then
  // kills its process group (as the destructor does). kExtractorFailed
  // ("exited with status 3 after its input was closed") when it exited
  // with a non-zero status or was killed by a signal not ieval's; Ok when
  // it exited with 0 or had to be killed at the end of the grace.
  Status Finish(double grace_seconds);

  bool alive() const { return pid_ > 0; }
  // The last lines the child wrote to stderr (at most ~1000 bytes).
  std::string StderrTail() const;

 private:
  LineProcess(pid_t pid, int in, int out, int err)
      : pid_(pid), in_(in), out_(out), err_(err) {}
  // Reads what is available on stderr into the tail buffer.
  void DrainStderr();
  // Kills (when `kill`) and reaps the child; describes how it ended.
  std::string Reap(bool kill);
  // "exited with status 3", "was killed by signal 11 (…)" of a wait status.
  static std::string HowItEnded(int status);
  Status Died(const std::string& what);

  pid_t pid_;
  int in_, out_, err_;
  std::string pending_;  // stdout bytes after the last newline returned
  size_t scanned_ = 0;   // bytes of pending_ known to hold no newline
  std::string stderr_tail_;
};

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_EXTERNAL_LINE_PROCESS_H_
