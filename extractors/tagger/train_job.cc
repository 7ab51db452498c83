#include "ieval/extractors/tagger/train_job.h"

#include <filesystem>
#include <ostream>
#include <utility>
#include <vector>

#include "ieval/extractors/tagger/model.h"
#include "ieval/extractors/tagger/strict_summary.h"
#include "ieval/extractors/tagger/tagger.h"

namespace ieval::tagger {
namespace {

// Stored in the model: what it was trained on and how. Its wording is part
// of the shipped model bytes.
std::string TrainingId(const TrainJob& job,
                       const std::vector<TrainingSource>& sources,
                       const HeldoutSplit& split) {
  std::string names;
  for (const TrainingSource& s : sources)
    names += (names.empty() ? "" : "+") + s.name;
  const TrainingArgs& t = job.training;
  return "ieval train-tagger " + names + " data " + split.training_fingerprint +
         " scheme " + t.scheme + " hash_bits " + std::to_string(t.hash_bits) +
         " epochs " + std::to_string(t.epochs) + " seed " +
         std::to_string(t.seed) + " dictionary " + t.dictionary +
         " heldout_every " + std::to_string(job.heldout_every);
}

}  // namespace

Result<TrainJobResult> RunTrainJob(const TrainJob& job, std::ostream& log) {
  auto train_options = ToTrainOptions(job.training);
  if (!train_options.ok()) return train_options.status();
  TrainOptions options = std::move(*train_options);
  auto sources = LoadTrainingSources(job.sources, log);
  if (!sources.ok()) return sources.status();

  const HeldoutSplit split = SplitHeldout(*sources, job.heldout_every);
  for (const SourceSplit& s : split.sources) {
    log << s.name << ": " << s.documents << " documents, " << s.mentions
        << " mentions; " << s.held_out << " held out\n";
  }
  options.training_id = TrainingId(job, *sources, split);
  options.on_epoch = [&log](const EpochStats& e) {
    log << "epoch " << e.epoch << ": " << e.token_errors << " token errors of "
        << e.tokens << " (" << static_cast<int>(e.seconds * 1000) << " ms)\n"
        << std::flush;
  };
  TrainJobResult result;
  TrainingStats& stats = result.stats;
  auto model = TrainTagger(split.train, options, &stats);
  if (!model.ok()) return model.status();
  log << "trained on " << stats.documents << " documents, " << stats.sequences
      << " sequences, " << stats.tokens << " tokens, " << stats.mentions
      << " mentions (" << stats.misaligned << " not on token boundaries, "
      << stats.overlapping << " overlapping dropped) in " << stats.seconds
      << " s\n";
  if (Status s = SaveModel(*model, job.out, job.weight_bits); !s.ok()) return s;
  auto tagger = Tagger::Load(job.out);
  if (!tagger.ok()) return tagger.status();
  log << "model " << job.out << ": " << std::filesystem::file_size(job.out)
      << " bytes, version " << (*tagger)->Version() << "\n";

  std::vector<const AnnotatedDocument*> all;
  for (const auto& [name, docs] : split.heldout) {
    auto counts = ScoreHeldout(**tagger, docs, job.training.types);
    if (!counts.ok()) return counts.status();
    log << "held out " << name << " (" << docs.size()
        << (docs.size() == 1 ? " document" : " documents") << "), strict:\n";
    for (const auto& [type, c] : counts->per_type)
      log << "  " << type << "\t" << FormatPrf(c) << "\n";
    log << "  micro\t" << FormatPrf(counts->overall) << "\n";
    result.heldout[name] = std::move(*counts);
    all.insert(all.end(), docs.begin(), docs.end());
  }
  if (!all.empty()) {
    auto speed = MeasureTaggingSpeed(**tagger, all);
    if (!speed.ok()) return speed.status();
    log << "tagging speed (one thread, ICU segmentation included, best of 3 "
           "passes): "
        << speed->tokens << " tokens in " << speed->seconds << " s = "
        << static_cast<int64_t>(static_cast<double>(speed->tokens) /
                                speed->seconds)
        << " tokens/s\n";
    result.speed = *speed;
  }
  return result;
}

}  // namespace ieval::tagger
