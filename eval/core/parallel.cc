#include "eval/core/parallel.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace ieval {
namespace {

int Threads(size_t n, int jobs) {
  return static_cast<int>(std::min(n, static_cast<size_t>(std::max(1, jobs))));
}

}  // namespace

void RunOnThreads(int threads, const std::function<void()>& fn) {
  std::vector<std::thread> helpers;
  for (int k = 1; k < threads; ++k) helpers.emplace_back(fn);
  fn();
  for (std::thread& t : helpers) t.join();
}

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  if (Threads(n, jobs) <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  RunOnThreads(Threads(n, jobs), [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  });
}

void ParallelForOrdered(size_t n, int jobs,
                        const std::function<void(size_t)>& work,
                        const std::function<void(size_t)>& commit) {
  if (Threads(n, jobs) <= 1) {
    for (size_t i = 0; i < n; ++i) {
      work(i);
      commit(i);
    }
    return;
  }
  std::atomic<size_t> next{0};
  std::mutex mu;  // guards the three below
  std::vector<char> done(n, 0);
  size_t next_commit = 0;
  bool committing = false;
  RunOnThreads(Threads(n, jobs), [&] {
    for (size_t i = next++; i < n; i = next++) {
      work(i);
      {
        std::lock_guard<std::mutex> lock(mu);
        done[i] = 1;
        if (committing) continue;  // that thread will commit i in turn
        committing = true;
      }
      // This thread commits every finished index in order, outside the
      // lock, so the others keep working meanwhile.
      for (;;) {
        size_t k;
        {
          std::lock_guard<std::mutex> lock(mu);
          if (next_commit == n || !done[next_commit]) {
            committing = false;
            break;
          }
          k = next_commit++;
        }
        commit(k);
      }
    }
  });
}

}  // namespace ieval
