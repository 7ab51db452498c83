#include "ieval/pipeline/task_pool.h"

#include <algorithm>
#include <utility>

namespace ieval {

namespace {

uint64_t Pack(uint64_t front, uint64_t back) { return front | (back << 32); }

}  // namespace

TaskPool::TaskPool(int threads)
    : threads_(std::max(1, threads)),
      shares_(new Share[static_cast<size_t>(threads_)]) {
  for (int w = 1; w < threads_; ++w)
    helpers_.emplace_back([this, w] { Help(w); });
}

TaskPool::~TaskPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  start_.notify_all();
  for (std::thread& t : helpers_) t.join();
}

void TaskPool::Start(size_t n, std::function<void(size_t, int)> task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    task_ = std::move(task);
    const size_t t = static_cast<size_t>(threads());
    for (size_t w = 0; w < t; ++w)
      shares_[w].bounds.store(Pack(n * w / t, n * (w + 1) / t),
                              std::memory_order_relaxed);
    busy_ = static_cast<int>(helpers_.size());
    ++generation_;
  }
  if (!helpers_.empty()) start_.notify_all();
}

void TaskPool::Finish() {
  RunTasks(0);
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [this] { return busy_ == 0; });
}

bool TaskPool::TakeFront(Share& share, size_t* task) {
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

bool TaskPool::TakeBack(Share& share, size_t* task) {
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

void TaskPool::RunTasks(int worker) {
  const size_t t = static_cast<size_t>(threads());
  const size_t own = static_cast<size_t>(worker);
  size_t i;
  while (TakeFront(shares_[own], &i)) task_(i, worker);
  for (size_t k = 1; k < t; ++k) {
    Share& other = shares_[(own + k) % t];
    while (TakeBack(other, &i)) task_(i, worker);
  }
}

void TaskPool::Help(int worker) {
  unsigned seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      start_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    RunTasks(worker);
    bool last;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      last = --busy_ == 0;
    }
    if (last) done_.notify_one();
  }
}

}  // namespace ieval
