#include "ieval/report/report_files.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>
#include <thread>

#include "ieval/core/thread_pool.h"
#include "ieval/io/annotation_json.h"
#include "ieval/io/atomic_file.h"
#include "ieval/report/report_json.h"
#include "ieval/report/viewer_data.h"
#include "report_model.h"
#include "report_text.h"

namespace ieval {
namespace fs = std::filesystem;

namespace {

// One output in progress: its temporary file holds the content already.
struct Pending {
  std::string path;
  std::unique_ptr<AtomicFileWriter> writer;
};

// Opens the temporary file of `path` and has `write` fill it through a
// sink; the first failed append is the result (later pieces are dropped).
Status Stage(const std::string& path,
             const std::function<void(const report_text::TextSink&)>& write,
             std::vector<Pending>& pending) {
  auto writer = AtomicFileWriter::Open(path);
  if (!writer.ok()) return writer.status();
  Status status;
  AtomicFileWriter& file = **writer;
  write([&](std::string_view piece) {
    if (status.ok()) status = file.Append(piece);
  });
  if (!status.ok()) return status;
  pending.push_back({path, std::move(*writer)});
  return Status::Ok();
}

Status Stage(const std::string& path, std::string_view content,
             std::vector<Pending>& pending) {
  return Stage(
      path, [content](const report_text::TextSink& sink) { sink(content); },
      pending);
}

// predictions/<variant>.jsonl, one line per document, serialised on the
// pool's threads and written in order.
void WritePredictions(const RunResult& run, const VariantResult& v,
                      ThreadPool& pool, const report_text::TextSink& sink) {
  WriteOptions options;
  options.include_text = false;
  std::vector<std::string> lines(
      std::min(run.gold.size(), v.predictions.size()));
  ParallelForOrdered(
      pool, lines.size(),
      [&](size_t i) {
        AnnotatedDocument doc;
        doc.document.doc_id = run.gold[i].document.doc_id;
        doc.annotations = v.predictions[i];
        lines[i] = SerializeAnnotatedDocument(doc, options);
        lines[i] += "\n";
      },
      [&](size_t i) {
        sink(lines[i]);
        std::string().swap(lines[i]);
      });
}

// A thread joined when it goes out of scope, so an early error return
// never leaves one running.
class Helper {
 public:
  explicit Helper(std::function<void()> fn) : thread_(std::move(fn)) {}
  ~Helper() { Join(); }
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

}  // namespace

Result<WrittenReports> WriteRunReports(const RunResult& run,
                                       const std::string& folder,
                                       ThreadPool& pool,
                                       const WriteReportOptions& options) {
  WrittenReports written;
  const fs::path dir(folder);
  std::vector<Pending> pending;
  nlohmann::json report;
  if (Status s = Stage((dir / "report.json").string(),
                       [&](const report_text::TextSink& sink) {
                         report = report_text::BuildRunReport(run, pool, sink);
                       },
                       pending);
      !s.ok())
    return s;
  // Two helpers while the rest is made: report.json, the largest file, goes
  // to disk (fsync), so that committing the files does not wait for it, and
  // report.html (the viewer's documents, the page) is rendered while the
  // predictions are written on the pool's threads (whichever of the two
  // finds the pool busy runs on its own thread).
  Status synced;
  std::string html;
  const std::string markdown = report_text::MarkdownOf(report);
  written.summary_text = report_text::SummaryText(report);
  Helper sync(
      [&synced, &file = *pending.back().writer] { synced = file.Sync(); });
  Helper render([&] {
    html = report_text::HtmlOf(
        std::move(report), ViewerDataJson(run, options.viewer_documents, pool));
  });
  if (Status s = Stage((dir / "report.md").string(), markdown, pending);
      !s.ok())
    return s;
  for (const VariantResult& v : run.variants) {
    if (v.status != VariantStatus::kOk) continue;
    const std::string path = (dir / PredictionsPath(v.name)).string();
    if (Status s = Stage(
            path,
            [&](const report_text::TextSink& sink) {
              WritePredictions(run, v, pool, sink);
            },
            pending);
        !s.ok())
      return s;
  }
  render.Join();
  if (Status s = Stage((dir / "report.html").string(), html, pending); !s.ok())
    return s;
  // Committed (and listed) in the usual order: report.html after report.md.
  std::rotate(pending.begin() + 2, pending.end() - 1, pending.end());

  sync.Join();
  if (!synced.ok()) return synced;
  if (options.interrupted != nullptr && options.interrupted->load())
    return Status::Internal("interrupted");  // ~Pending removes the temps
  for (Pending& p : pending) {
    if (Status s = p.writer->Commit(); !s.ok()) return s;
    written.paths.push_back(p.path);
  }
  return written;
}

}  // namespace ieval
