#include "ieval/run/resources.h"

#include <dlfcn.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>
#include <vector>

#if __has_include(<mimalloc.h>)
#include <mimalloc.h>  // the option names; the functions come from dlsym
#define IEVAL_HAVE_MIMALLOC_H 1
#endif

namespace ieval {
namespace {

double Seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// The VmHWM line of a /proc/PID/status file, in KiB; 0 when absent.
int64_t VmHwmKb(const std::string& status_path) {
  std::ifstream status(status_path);
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0)
      return std::strtoll(line.c_str() + 6, nullptr, 10);
  return 0;
}

}  // namespace

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double ChildrenCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return Seconds(u.ru_utime) + Seconds(u.ru_stime);
}

int64_t PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // KiB on Linux
}

int64_t ChildrenPeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_maxrss;
}

bool ResetPeakRss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return static_cast<bool>(clear_refs);
}

int64_t PeakRssSinceResetKb() {
  const int64_t kb = VmHwmKb("/proc/self/status");
  return kb > 0 ? kb : PeakRssKb();
}

LiveChildren ReadLiveChildren() {
  namespace fs = std::filesystem;
  static const double kTicks = static_cast<double>(sysconf(_SC_CLK_TCK));
  LiveChildren out;
  std::vector<std::string> pending = {"self"};
  while (!pending.empty()) {
    const std::string pid = pending.back();
    pending.pop_back();
    std::error_code ec;
    for (const auto& task :
         fs::directory_iterator("/proc/" + pid + "/task", ec)) {
      std::ifstream children(task.path() / "children");
      for (std::string child; children >> child;) pending.push_back(child);
    }
    if (pid == "self") continue;
    // /proc/PID/stat: "pid (comm) state …", utime stime cutime cstime the
    // 12th to 15th fields after the ")" (comm may hold spaces).
    std::ifstream stat_file("/proc/" + pid + "/stat");
    std::string stat((std::istreambuf_iterator<char>(stat_file)),
                     std::istreambuf_iterator<char>());
    const size_t paren = stat.rfind(')');
    if (paren == std::string::npos) continue;  // it has just exited
    std::istringstream fields(stat.substr(paren + 1));
    std::string field;
    double ticks = 0;
    for (int i = 1; i <= 15 && fields >> field; ++i)
      if (i >= 12) ticks += std::strtod(field.c_str(), nullptr);
    ++out.processes;
    out.cpu_seconds += ticks / kTicks;
    out.peak_rss_kb =
        std::max(out.peak_rss_kb, VmHwmKb("/proc/" + pid + "/status"));
  }
  return out;
}

double AllChildrenCpuSeconds() {
  return ChildrenCpuSeconds() + ReadLiveChildren().cpu_seconds;
}

MachineInfo DescribeMachine() {
  MachineInfo m;
  utsname u{};
  if (uname(&u) == 0)
    m.os = std::string(u.sysname) + " " + u.release + " " + u.machine;
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      const size_t colon = line.find(':');
      if (colon != std::string::npos) m.cpu = line.substr(colon + 2);
      break;
    }
  }
  if (m.cpu.empty()) m.cpu = "unknown CPU";
  m.cores = static_cast<int>(std::thread::hardware_concurrency());
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && page_size > 0)
    m.memory_mb = static_cast<int64_t>(pages) * page_size / (1024 * 1024);
#if defined(__clang__)
  m.compiler = "clang " __clang_version__;
#elif defined(__GNUC__)
  m.compiler = "gcc " __VERSION__;
#endif
  m.allocator = DescribeAllocator();
  return m;
}

std::string DescribeAllocator() {
  using InHeap = bool (*)(const void*);
  using Version = int (*)();
  const auto in_heap =
      reinterpret_cast<InHeap>(dlsym(RTLD_DEFAULT, "mi_is_in_heap_region"));
  const auto version =
      reinterpret_cast<Version>(dlsym(RTLD_DEFAULT, "mi_version"));
  if (in_heap != nullptr && version != nullptr) {
    void* block = std::malloc(64);
    const bool ours = in_heap(block);
    std::free(block);
    const int v = version();  // e.g. 209 for 2.0.9
    const std::string name = "mimalloc " + std::to_string(v / 100) + "." +
                             std::to_string(v / 10 % 10) + "." +
                             std::to_string(v % 10);
    if (!ours) return name + " (loaded, but malloc is not its own)";
#ifdef IEVAL_HAVE_MIMALLOC_H
    using Enabled = bool (*)(mi_option_t);
    const auto enabled =
        reinterpret_cast<Enabled>(dlsym(RTLD_DEFAULT, "mi_option_is_enabled"));
    if (enabled != nullptr && enabled(mi_option_large_os_pages))
      return name + ", large OS pages";
#endif
    return name;
  }
#if defined(__SANITIZE_ADDRESS__)
  return "AddressSanitizer's malloc";
#elif defined(__GLIBC__)
  return "glibc malloc";
#else
  return "system malloc";
#endif
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace ieval
