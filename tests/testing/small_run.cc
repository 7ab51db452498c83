#include "testing/small_run.h"

#include "ieval/results/run_statistics.h"
#include "testing/mentions.h"

namespace ieval::testing {
namespace {

AnnotatedDocument Doc(const std::string& id, const std::string& text,
                      std::vector<Mention> mentions,
                      std::vector<Relation> relations = {}) {
  AnnotatedDocument d;
  d.document = {id, text};
  d.has_text = true;
  d.annotations.mentions = std::move(mentions);
  d.annotations.relations = std::move(relations);
  return d;
}

}  // namespace

std::vector<AnnotatedDocument> SmallGold() {
  // Offsets are code points: "Élysée" is [5, 11) in doc a.
  return {
      Doc("a", "Hier Élysée : Macron a reçu l’OTAN à Paris.",
          {MakeMention("T1", 5, 11, "ORG"), MakeMention("T2", 14, 20, "PER"),
           MakeMention("T3", 30, 34, "ORG"), MakeMention("T4", 37, 42, "LOC")},
          {{"affiliated_with", "T2", "T3"}}),
      Doc("b", "« Berlin » et Rome, le 3\u00a0mars.",
          {MakeMention("T1", 2, 8, "LOC"), MakeMention("T2", 14, 18, "LOC"),
           MakeMention("T3", 23, 29, "DATE")}),
      Doc("c", "Kim Jong-un visite Moscou.",
          {MakeMention("T1", 0, 11, "PER"), MakeMention("T2", 19, 25, "LOC")}),
  };
}

VariantResult ScoredVariant(const std::vector<AnnotatedDocument>& gold,
                            const std::string& name,
                            std::vector<Annotations> predictions,
                            const ScoreOptions& options) {
  VariantResult v;
  v.name = name;
  v.extractor = "fake";
  v.extractor_version = "1";
  v.scores = CorpusScores(options.max_examples);
  for (size_t i = 0; i < gold.size(); ++i)
    v.scores.Add(ScoreDocument(gold[i].document, gold[i].annotations,
                               predictions[i], options));
  v.predictions = std::move(predictions);
  v.throughput.documents = static_cast<int64_t>(gold.size());
  v.throughput.wall_seconds = 0.5;
  v.throughput.bytes = 150;
  return v;
}

namespace {

// SmallRun over `gold` (copies of SmallGold()), with an ok variant without
// documents when `with_empty`.
RunResult RunOver(std::vector<AnnotatedDocument> gold, bool with_empty) {
  RunResult run;
  run.ieval_version = "ieval test";
  run.started_at = "2025-01-01T00:00:00Z";
  run.gold_path = "gold";
  run.gold = std::move(gold);
  run.machine.cpu = "test CPU";
  run.statistics.bootstrap.resamples = 200;
  std::vector<Annotations> perfect, lossy;
  for (const AnnotatedDocument& d : run.gold) perfect.push_back(d.annotations);
  lossy = perfect;
  for (size_t i = 0; i + 2 < lossy.size(); i += 3) {
    lossy[i].mentions.erase(lossy[i].mentions.begin());  // Élysée missed
    lossy[i].relations.clear();
    lossy[i + 1].mentions[0].start = 0;     // « Berlin: boundary
    lossy[i + 1].mentions[1].type = "PER";  // Rome: wrong type
    Mention spurious;
    spurious.id = "X1";
    spurious.start = 12;
    spurious.end = 18;
    spurious.type = "ORG";  // visite: spurious
    lossy[i + 2].mentions.push_back(spurious);
  }
  run.variants.push_back(
      ScoredVariant(run.gold, "perfect", perfect, run.score_options));
  if (with_empty) {
    VariantResult empty;
    empty.name = "empty";
    empty.extractor = "fake";
    run.variants.push_back(empty);
  }
  run.variants.push_back(
      ScoredVariant(run.gold, "lossy", lossy, run.score_options));
  VariantResult broken;
  broken.name = "broken";
  broken.extractor = "external";
  broken.status = VariantStatus::kFailed;
  broken.error = "b: broken: `fake` exited with status 7 | model missing";
  run.variants.push_back(broken);
  ThreadPool pool(1);
  (void)ComputeRunStatistics(run, pool);
  return run;
}

}  // namespace

RunResult SmallRun() { return RunOver(SmallGold(), false); }

RunResult ManyDocumentRun(int copies) {
  std::vector<AnnotatedDocument> gold;
  for (int k = 0; k < copies; ++k) {
    for (AnnotatedDocument d : SmallGold()) {
      d.document.doc_id += "-" + std::to_string(k);
      gold.push_back(std::move(d));
    }
  }
  return RunOver(std::move(gold), true);
}

}  // namespace ieval::testing
