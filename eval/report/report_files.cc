#include "eval/report/report_files.h"

#include <filesystem>
#include <memory>
#include <set>

#include "eval/io/annotation_json.h"
#include "eval/io/atomic_file.h"
#include "eval/report/report_html.h"
#include "eval/report/report_json.h"
#include "eval/report/report_markdown.h"
#include "eval/report/viewer_data.h"

namespace ieval {
namespace fs = std::filesystem;

namespace {

// One output in progress: its temporary file holds the content already.
struct Pending {
  std::string path;
  std::unique_ptr<AtomicFileWriter> writer;
};

Status Stage(const std::string& path, std::string_view content,
             std::vector<Pending>& pending) {
  auto writer = AtomicFileWriter::Open(path);
  if (!writer.ok()) return writer.status();
  if (Status s = (*writer)->Append(content); !s.ok()) return s;
  pending.push_back({path, std::move(*writer)});
  return Status::Ok();
}

std::string PredictionsJsonl(const RunResult& run, const VariantResult& v) {
  std::string out;
  WriteOptions options;
  options.include_text = false;
  for (size_t i = 0; i < run.gold.size() && i < v.predictions.size(); ++i) {
    AnnotatedDocument doc;
    doc.document.doc_id = run.gold[i].document.doc_id;
    doc.annotations = v.predictions[i];
    out += SerializeAnnotatedDocument(doc, options);
    out += "\n";
  }
  return out;
}

}  // namespace

Result<WrittenReports> WriteRunReports(const RunResult& run,
                                       const std::string& folder,
                                       const WriteReportOptions& options) {
  WrittenReports written;
  written.report_json = RunReportToJson(run);
  auto markdown = RenderMarkdown(written.report_json);
  if (!markdown.ok()) return markdown.status();
  auto html = RenderHtml(written.report_json,
                         ViewerDataJson(run, options.viewer_documents));
  if (!html.ok()) return html.status();

  const fs::path dir(folder);
  std::vector<Pending> pending;
  if (Status s =
          Stage((dir / "report.json").string(), written.report_json, pending);
      !s.ok())
    return s;
  if (Status s = Stage((dir / "report.md").string(), *markdown, pending);
      !s.ok())
    return s;
  if (Status s = Stage((dir / "report.html").string(), *html, pending); !s.ok())
    return s;
  std::set<std::string> predictions;
  for (const VariantResult& v : run.variants) {
    if (v.status != VariantStatus::kOk) continue;
    const std::string path = (dir / PredictionsPath(v.name)).string();
    predictions.insert(fs::path(path).filename().string());
    if (Status s = Stage(path, PredictionsJsonl(run, v), pending); !s.ok())
      return s;
  }

  if (options.interrupted != nullptr && options.interrupted->load())
    return Status::Internal("interrupted");  // ~Pending removes the temps
  for (Pending& p : pending) {
    if (Status s = p.writer->Commit(); !s.ok()) return s;
    written.paths.push_back(p.path);
  }
  // Predictions of variants no longer in the run would pass for this run's.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "predictions", ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".jsonl" && !predictions.count(name))
      fs::remove(entry.path(), ec);
  }
  return written;
}

}  // namespace ieval
