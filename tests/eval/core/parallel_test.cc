// ParallelFor and ParallelForOrdered: every index exactly once, commits in
// order after their work, whatever the number of threads.
#include "ieval/core/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace ieval {
namespace {

// Some indices take longer, so threads finish out of order.
void Work(size_t i) {
  if (i % 7 == 3) std::this_thread::sleep_for(std::chrono::microseconds(200));
}

TEST(ParallelFor, CallsEveryIndexOnceWhateverTheJobs) {
  for (int jobs : {0, 1, 2, 5}) {
    std::vector<std::atomic<int>> calls(300);
    ParallelFor(calls.size(), jobs, [&](size_t i) {
      Work(i);
      ++calls[i];
    });
    for (size_t i = 0; i < calls.size(); ++i)
      EXPECT_EQ(calls[i].load(), 1) << "index " << i << ", jobs " << jobs;
  }
}

TEST(ParallelFor, NothingToDoCallsNothing) {
  ParallelFor(0, 4, [](size_t) { ADD_FAILURE() << "called"; });
}

TEST(ParallelForOrdered, CommitsEveryIndexInOrderAfterItsWork) {
  for (int jobs : {1, 2, 4}) {
    const size_t n = 500;
    std::vector<int> worked(n, 0);  // written by work, read by commit
    std::vector<size_t> committed;  // commits never overlap
    std::atomic<int> committing{0};
    ParallelForOrdered(
        n, jobs,
        [&](size_t i) {
          Work(i);
          worked[i] = static_cast<int>(i) + 1;
        },
        [&](size_t i) {
          EXPECT_EQ(++committing, 1) << "two commits at once";
          EXPECT_EQ(worked[i], static_cast<int>(i) + 1);
          committed.push_back(i);
          --committing;
        });
    ASSERT_EQ(committed.size(), n) << "jobs " << jobs;
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(committed[i], i);
  }
}

TEST(ParallelForOrdered, OtherThreadsWorkWhileOneCommits) {
  // A slow first commit: with two threads, the other one goes on working
  // meanwhile, so every index is worked before that commit returns.
  std::atomic<size_t> worked{0};
  size_t worked_when_first_commit_ended = 0;
  ParallelForOrdered(
      50, 2, [&](size_t) { ++worked; },
      [&](size_t i) {
        if (i != 0) return;
        for (int k = 0; k < 2000 && worked.load() < 50; ++k)
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        worked_when_first_commit_ended = worked.load();
      });
  EXPECT_EQ(worked_when_first_commit_ended, 50u);
}

TEST(RunOnThreads, RunsTheFunctionOncePerThread) {
  std::atomic<int> calls{0};
  RunOnThreads(3, [&] { ++calls; });
  EXPECT_EQ(calls.load(), 3);
  RunOnThreads(0, [&] { ++calls; });
  EXPECT_EQ(calls.load(), 4);
}

// The ids of the threads one RunOnThreads call ran `threads` calls on.
std::set<std::thread::id> ThreadsOfOneCall(int threads) {
  std::mutex mu;
  std::set<std::thread::id> ids;
  std::atomic<int> arrived{0};
  RunOnThreads(threads, [&] {
    ++arrived;
    // Every call waits for the others, so none can run two of them.
    while (arrived.load() < threads) std::this_thread::yield();
    std::lock_guard<std::mutex> lock(mu);
    ids.insert(std::this_thread::get_id());
  });
  return ids;
}

TEST(RunOnThreads, EachCallIsOnItsOwnThreadAndTheCallerIsOne) {
  const std::set<std::thread::id> ids = ThreadsOfOneCall(3);
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 1u);
}

TEST(RunOnThreads, LaterCallsReuseTheHelperThreads) {
  const std::set<std::thread::id> first = ThreadsOfOneCall(3);
  const std::set<std::thread::id> second = ThreadsOfOneCall(3);
  EXPECT_EQ(first, second);
}

TEST(RunOnThreads, TwoCallsAtOnceEachGetTheirThreads) {
  // The report's page is rendered (a ParallelFor) while the predictions
  // are written (another): neither may wait for the other's helpers.
  std::set<std::thread::id> a, b;
  std::thread other([&] { a = ThreadsOfOneCall(2); });
  b = ThreadsOfOneCall(2);
  other.join();
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(b.size(), 2u);
  for (const std::thread::id& id : a) EXPECT_EQ(b.count(id), 0u);
}

}  // namespace
}  // namespace ieval
