#include "testing/cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace ieval::testing {
namespace fs = std::filesystem;
namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string MakeTempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("ieval_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void WriteText(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

CommandResult RunIeval(const std::vector<std::string>& args,
                       const std::string& input) {
  static std::atomic<int> counter{0};
  const std::string base = MakeTempDir("run" + std::to_string(counter++));
  const std::string in = base + "/stdin", out = base + "/stdout",
                    err = base + "/stderr";
  WriteText(in, input);
  std::string command = ShellQuote(IEVAL_BINARY);
  for (const auto& arg : args) command += " " + ShellQuote(arg);
  command += " < " + in + " > " + out + " 2> " + err;
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadText(out);
  result.err = ReadText(err);
  fs::remove_all(base);
  return result;
}

int ProcessesWith(const std::string& marker) {
  int n = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/proc", ec)) {
    // A process may end while it is read: then it is not counted.
    std::ifstream in(e.path() / "cmdline", std::ios::binary);
    const std::string cmdline((std::istreambuf_iterator<char>(in)), {});
    if (cmdline.find(marker) != std::string::npos) ++n;
  }
  return n;
}

bool WaitForProcesses(const std::string& marker, int count, double seconds) {
  for (double waited = 0; waited < seconds; waited += 0.05) {
    if (ProcessesWith(marker) == count) return true;
    usleep(50000);
  }
  return ProcessesWith(marker) == count;
}

}  // namespace ieval::testing
