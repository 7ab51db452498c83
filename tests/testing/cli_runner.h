// Runs the real `ieval` binary (IEVAL_BINARY) in tests and captures its exit
// code, stdout and stderr, so exit codes and messages are tested as users
// see them.
#ifndef IEVAL_TESTS_TESTING_CLI_RUNNER_H_
#define IEVAL_TESTS_TESTING_CLI_RUNNER_H_

#include <string>
#include <vector>

namespace ieval::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `ieval args…` with `input` on stdin. Safe to call from several
// threads at once (processes that should share the machine's load).
CommandResult RunIeval(const std::vector<std::string>& args,
                       const std::string& input = "");

// A fresh, empty temporary folder for one test.
std::string MakeTempDir(const std::string& name);

// The bytes of the file at `path` (empty when it cannot be read).
std::string ReadText(const std::string& path);

// Writes `content` to `path` (creating parent folders).
void WriteText(const std::string& path, const std::string& content);

// How many running processes have `marker` in their command line (read
// from /proc; zombies have none). End a marker with "-end" so that pid 12's
// is not found in pid 123's.
int ProcessesWith(const std::string& marker);

// Polls every 50 ms, for at most `seconds`, until ProcessesWith(marker) is
// `count`; true when it is. Generous bounds: a loaded machine is slow to
// deliver a SIGKILL and to reap.
bool WaitForProcesses(const std::string& marker, int count, double seconds);

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_CLI_RUNNER_H_
