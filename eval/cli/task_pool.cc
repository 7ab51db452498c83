#include "eval/cli/task_pool.h"

#include <utility>

namespace ieval {

TaskPool::TaskPool(int threads) {
  for (int w = 1; w < threads; ++w)
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
    n_ = n;
    next_.store(0, std::memory_order_relaxed);
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

void TaskPool::RunTasks(int worker) {
  for (size_t i = next_++; i < n_; i = next_++) task_(i, worker);
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
