#include "line_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "ieval/core/interrupt.h"

extern char** environ;

namespace ieval {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kTailBytes = 1000;

std::string Seconds(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", s);
  return std::string(buffer) + " s";
}

void CloseAll(std::initializer_list<int> fds) {
  for (int fd : fds) {
    if (fd >= 0) close(fd);
  }
}

}  // namespace

namespace {

// What a child needs, prepared before the fork.
struct SpawnRequest {
  std::string program;
  std::vector<char*> argv;
  const char* cwd = nullptr;
  int in = -1, out = -1, err = -1;  // become its stdin, stdout, stderr
};

// Forks and execs `r`; the child's exec errno when it could not start.
// In the child: its own process group (killed as a whole), SIGKILL when
// ieval dies (PR_SET_PDEATHSIG: even a SIGKILL of ieval ends it), no signal
// blocked and SIGPIPE at its default.
Result<pid_t> ForkExec(const SpawnRequest& r) {
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0)
    return Status::Internal(std::string("cannot create a pipe: ") +
                            std::strerror(errno));
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    const int e = errno;
    CloseAll({report[0], report[1]});
    return Status::Internal(std::string("fork failed: ") + std::strerror(e));
  }
  if (pid == 0) {
    int e = 0;
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // ieval died before the prctl
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGPIPE, SIG_DFL);
    if (dup2(r.in, 0) < 0 || dup2(r.out, 1) < 0 || dup2(r.err, 2) < 0 ||
        (r.cwd != nullptr && chdir(r.cwd) != 0)) {
      e = errno;
    } else {
      execve(r.program.c_str(), r.argv.data(), environ);
      e = errno;
    }
    (void)!write(report[1], &e, sizeof e);
    _exit(127);
  }
  close(report[1]);
  int e = 0;
  ssize_t n;
  while ((n = read(report[0], &e, sizeof e)) < 0 && errno == EINTR) {
  }
  close(report[0]);
  if (n == static_cast<ssize_t>(sizeof e)) {
    while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    return Status::Unavailable(std::to_string(e));
  }
  return pid;
}

// Every child is started from this one thread, which lives as long as
// ieval: PR_SET_PDEATHSIG fires when the thread that forked a child ends,
// not only the process, and the threads that ask for children come and go.
class Spawner {
 public:
  static Spawner& Get() {
    static Spawner* spawner = new Spawner;  // never destroyed: see above
    return *spawner;
  }

  Result<pid_t> Spawn(const SpawnRequest& r) {
    std::packaged_task<Result<pid_t>()> task([&r] { return ForkExec(r); });
    auto result = task.get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
    return result.get();
  }

 private:
  Spawner() {
    std::thread([this] { Serve(); }).detach();
  }

  void Serve() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return !tasks_.empty(); });
      auto task = std::move(tasks_.front());
      tasks_.pop_front();
      lock.unlock();
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<Result<pid_t>()>> tasks_;
};

}  // namespace

// Looked up before the fork so that the child calls only async-signal-safe
// functions.
Result<std::string> FindProgram(const std::string& program) {
  if (program.find('/') != std::string::npos) return program;
  const char* path = std::getenv("PATH");
  const std::string dirs = path ? path : "/usr/bin:/bin";
  size_t pos = 0;
  while (pos <= dirs.size()) {
    size_t colon = dirs.find(':', pos);
    if (colon == std::string::npos) colon = dirs.size();
    const std::string dir = colon == pos ? "." : dirs.substr(pos, colon - pos);
    const std::string candidate = dir + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    pos = colon + 1;
  }
  return Status::Unavailable(program);
}

Result<std::unique_ptr<LineProcess>> LineProcess::Start(
    const std::vector<std::string>& argv, const std::string& cwd) {
  if (argv.empty()) return Status::Usage("empty command");
  auto cannot_start = [&](int e) {
    return Status::Unavailable(
        "cannot start '" + argv[0] + "'" + (cwd.empty() ? "" : " in " + cwd) +
        ": " + std::strerror(e) +
        (e == ENOENT && argv[0].find('/') == std::string::npos
             ? " (not on PATH)"
             : ""));
  };
  auto program = FindProgram(argv[0]);
  if (!program.ok()) return cannot_start(ENOENT);
  // stdin is a socket so that writing to a dead child fails with EPIPE
  // (send + MSG_NOSIGNAL) instead of raising SIGPIPE in ieval.
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0 ||
      pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    const std::string why = std::strerror(errno);
    CloseAll({in[0], in[1], out[0], out[1], err[0], err[1]});
    return Status::Internal("cannot create pipes: " + why);
  }
  SpawnRequest request;
  request.program = *program;
  for (const auto& a : argv)
    request.argv.push_back(const_cast<char*>(a.c_str()));
  request.argv.push_back(nullptr);
  request.cwd = cwd.empty() ? nullptr : cwd.c_str();
  request.in = in[1];
  request.out = out[1];
  request.err = err[1];
  auto pid = Spawner::Get().Spawn(request);
  CloseAll({in[1], out[1], err[1]});
  if (!pid.ok()) {
    CloseAll({in[0], out[0], err[0]});
    if (pid.status().code() != Status::Code::kUnavailable) return pid.status();
    return cannot_start(std::atoi(pid.status().message().c_str()));
  }
  for (int fd : {in[0], out[0], err[0]})
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return std::unique_ptr<LineProcess>(
      new LineProcess(*pid, in[0], out[0], err[0]));
}

LineProcess::~LineProcess() {
  if (pid_ > 0) {
    // EOF on stdin asks a well-behaved child to finish; wait a little.
    shutdown(in_, SHUT_WR);
    for (int i = 0; i < 50; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        // What it started in the background goes with it.
        kill(-pid_, SIGKILL);
        pid_ = -1;
        break;
      }
      usleep(20000);
    }
    if (pid_ > 0) Reap(true);
  }
  CloseAll({in_, out_, err_});
}

void LineProcess::DrainStderr() {
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(err_, buffer, sizeof buffer);
    if (n <= 0) break;
    stderr_tail_.append(buffer, static_cast<size_t>(n));
  }
  if (stderr_tail_.size() > 4 * kTailBytes)
    stderr_tail_.erase(0, stderr_tail_.size() - kTailBytes);
}

std::string LineProcess::StderrTail() const {
  std::string tail = stderr_tail_;
  if (tail.size() > kTailBytes) {
    tail.erase(0, tail.size() - kTailBytes);
    // Start on a line (and character) boundary.
    if (auto nl = tail.find('\n');
        nl != std::string::npos && nl + 1 < tail.size())
      tail.erase(0, nl + 1);
  }
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' '))
    tail.pop_back();
  return tail;
}

std::string LineProcess::Reap(bool kill_it) {
  if (pid_ <= 0) return "is not running";
  int status = 0;
  pid_t r = 0;
  // Not asked to kill: it closed a pipe, so it is likely exiting; give it
  // 2 s to report how.
  for (int i = 0; i < 100 && r == 0 && !kill_it; ++i) {
    r = waitpid(pid_, &status, WNOHANG);
    if (r == 0) usleep(20000);
  }
  kill(-pid_, SIGKILL);  // its whole group, leftovers included
  while (r == 0 || (r < 0 && errno == EINTR)) r = waitpid(pid_, &status, 0);
  pid_ = -1;
  DrainStderr();
  if (r < 0) return "ended";
  return HowItEnded(status);
}

std::string LineProcess::HowItEnded(int status) {
  if (WIFEXITED(status)) {
    const int code = WEXITSTATUS(status);
    return "exited with status " + std::to_string(code) +
           (code == 127 ? " (command not found?)" : "");
  }
  if (WIFSIGNALED(status)) {
    return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" +
           strsignal(WTERMSIG(status)) + ")";
  }
  return "ended";
}

Status LineProcess::Finish(double grace_seconds) {
  if (pid_ <= 0) return Status::Ok();
  shutdown(in_, SHUT_WR);
  const auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(grace_seconds));
  int status = 0;
  pid_t r = 0;
  while (r == 0 && !Interrupted() && Clock::now() < deadline) {
    r = waitpid(pid_, &status, WNOHANG);
    if (r == 0) usleep(20000);
  }
  kill(-pid_, SIGKILL);  // what it left in the background goes with it
  if (r != pid_) {
    // Still running at the end of the grace (or ieval was interrupted):
    // killed, as the destructor would; that is not the program's failure.
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return Status::Ok();
  }
  pid_ = -1;
  DrainStderr();
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::Ok();
  return Died(HowItEnded(status) + " after its input was closed");
}

Status LineProcess::Died(const std::string& what) {
  std::string message = what;
  const std::string tail = StderrTail();
  if (!tail.empty()) message += "; its stderr ends with:\n" + tail;
  return Status::ExtractorFailed(message);
}

Result<std::string> LineProcess::Exchange(std::string_view line,
                                          double timeout_seconds,
                                          size_t max_response_bytes) {
  if (pid_ <= 0) return Status::ExtractorFailed("the process is not running");
  const auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(timeout_seconds));
  std::string request(line);
  request += '\n';
  size_t written = 0;
  for (;;) {
    // Only the bytes not searched yet: a long line read in many pieces is
    // searched once, not once per piece.
    const size_t nl = pending_.find('\n', scanned_);
    if ((nl == std::string::npos ? pending_.size() : nl) > max_response_bytes) {
      Reap(true);
      pending_.clear();
      scanned_ = 0;
      return Died("answered a line longer than max_response_bytes = " +
                  std::to_string(max_response_bytes) +
                  " bytes (killed); raise the option max_response_bytes "
                  "when its responses are that large");
    }
    scanned_ = nl == std::string::npos ? pending_.size() : 0;
    if (nl != std::string::npos) {
      if (written < request.size()) {
        return Died("answered before reading the whole request (" +
                    std::to_string(written) + " of " +
                    std::to_string(request.size()) + " bytes)");
      }
      std::string response = pending_.substr(0, nl);
      pending_.erase(0, nl + 1);
      return response;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - Clock::now());
    if (Interrupted()) {
      Reap(true);
      return Died("was stopped: ieval was interrupted (killed)");
    }
    if (left.count() <= 0) {
      Reap(true);
      return Died("did not answer within " + Seconds(timeout_seconds) +
                  " (killed)");
    }
    pollfd fds[3] = {{out_, POLLIN, 0}, {err_, POLLIN, 0}, {in_, 0, 0}};
    if (written < request.size()) fds[2].events = POLLOUT;
    const int n = poll(
        fds, written < request.size() ? 3 : 2,
        // A tenth of a second at most, so that an interruption is seen soon.
        static_cast<int>(std::min<int64_t>(left.count(), 100)));
    if (n < 0 && errno != EINTR)
      return Died(std::string("poll failed: ") + std::strerror(errno));
    if (n <= 0) continue;
    if (fds[1].revents) DrainStderr();
    if (written < request.size() &&
        (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t w =
          send(in_, request.data() + written, request.size() - written,
               MSG_NOSIGNAL | MSG_DONTWAIT);
      if (w > 0) {
        written += static_cast<size_t>(w);
      } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
        return Died(Reap(false) + " before reading the request");
      }
    }
    if (fds[0].revents) {
      char buffer[65536];
      const ssize_t r = read(out_, buffer, sizeof buffer);
      if (r > 0) {
        pending_.append(buffer, static_cast<size_t>(r));
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        return Died(Reap(false) + " without answering");
      }
    }
  }
}

}  // namespace ieval
