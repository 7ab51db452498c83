#include "ieval/core/thread_pool.h"

#include <algorithm>
#include <utility>

namespace ieval {
namespace {

uint64_t Pack(uint64_t front, uint64_t back) { return front | (back << 32); }

}  // namespace

ThreadPool::ThreadPool(int threads)
    : threads_(std::max(1, threads)),
      shares_(new Share[static_cast<size_t>(threads_)]) {
  for (int w = 1; w < threads_; ++w)
    helpers_.emplace_back([this, w] { Help(w); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  start_.notify_all();
  for (std::thread& t : helpers_) t.join();
}

bool ThreadPool::Dispatch(std::function<void(int)> body) {
  if (busy_.exchange(true, std::memory_order_acquire)) return false;
  if (helpers_.empty()) return true;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    body_ = std::move(body);
    running_ = static_cast<int>(helpers_.size());
    ++generation_;
  }
  start_.notify_all();
  return true;
}

void ThreadPool::Wait() {
  if (!helpers_.empty()) {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return running_ == 0; });
    body_ = nullptr;
  }
  busy_.store(false, std::memory_order_release);
}

void ThreadPool::Help(int worker) {
  unsigned seen = 0;
  for (;;) {
    std::function<void(int)> body;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      start_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      body = body_;
    }
    body(worker);
    bool last;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      last = --running_ == 0;
    }
    if (last) done_.notify_one();
  }
}

void ThreadPool::Run(const std::function<void(int)>& body) {
  if (!Dispatch([&body](int worker) { body(worker); })) {
    body(0);
    return;
  }
  body(0);
  Wait();
}

void ThreadPool::Start(size_t n, std::function<void(size_t, int)> task) {
  task_ = std::move(task);
  const size_t t = static_cast<size_t>(threads_);
  for (size_t w = 0; w < t; ++w)
    shares_[w].bounds.store(Pack(n * w / t, n * (w + 1) / t),
                            std::memory_order_relaxed);
  // Not dispatched (a busy pool breaks the REQUIRES): Finish() then takes
  // every share on the caller.
  if (!Dispatch([this](int worker) { RunTasks(worker); })) return;
}

void ThreadPool::Finish() {
  RunTasks(0);
  Wait();
}

bool ThreadPool::TakeFront(Share& share, size_t* task) {
  uint64_t bounds = share.bounds.load();
  for (;;) {
    const uint64_t front = bounds & 0xFFFFFFFF, back = bounds >> 32;
    if (front >= back) return false;
    if (share.bounds.compare_exchange_weak(bounds, Pack(front + 1, back))) {
      *task = front;
      return true;
    }
  }
}

bool ThreadPool::TakeBack(Share& share, size_t* task) {
  uint64_t bounds = share.bounds.load();
  for (;;) {
    const uint64_t front = bounds & 0xFFFFFFFF, back = bounds >> 32;
    if (front >= back) return false;
    if (share.bounds.compare_exchange_weak(bounds, Pack(front, back - 1))) {
      *task = back - 1;
      return true;
    }
  }
}

void ThreadPool::RunTasks(int worker) {
  const size_t t = static_cast<size_t>(threads_);
  const size_t own = static_cast<size_t>(worker);
  size_t i;
  while (TakeFront(shares_[own], &i)) task_(i, worker);
  for (size_t k = 1; k < t; ++k) {
    Share& other = shares_[(own + k) % t];
    while (TakeBack(other, &i)) task_(i, worker);
  }
}

void ParallelFor(ThreadPool& pool, size_t n,
                 const std::function<void(size_t)>& fn) {
  if (pool.threads() <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  pool.Run([&](int) {
    for (size_t i = next++; i < n; i = next++) fn(i);
  });
}

void ParallelForOrdered(ThreadPool& pool, size_t n,
                        const std::function<void(size_t)>& work,
                        const std::function<void(size_t)>& commit) {
  if (pool.threads() <= 1 || n <= 1) {
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
  pool.Run([&](int) {
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
