#include "tools/synthetic.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <utility>

namespace ieval {
namespace {

// splitmix64: tiny, fast, identical everywhere.
struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(double p) {
    return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p;
  }
};

struct NamedEntity {
  std::string type;
  std::vector<std::string> tokens;
};

struct Vocabulary {
  std::vector<std::string> words;
  std::vector<NamedEntity> entities;
};

bool IsPlainWord(const std::string& w) {
  if (w.empty() || w.size() > 20) return false;
  for (unsigned char c : w) {
    if (c < 0x80 && !std::isalpha(c) && c != '-' && c != '\'') return false;
  }
  return true;
}

Vocabulary LoadVocabulary(const std::string& shared) {
  Vocabulary v;
  std::ifstream bio(shared + "/corpora/europeana_newspapers_fr/enp_FR.bnf.bio");
  std::string line;
  NamedEntity current;
  auto flush = [&] {
    if (!current.tokens.empty()) v.entities.push_back(current);
    current = {};
  };
  while (std::getline(bio, line)) {
    const size_t space = line.rfind(' ');
    if (space == std::string::npos) continue;
    const std::string token = line.substr(0, space);
    const std::string tag = line.substr(space + 1);
    if (tag.size() > 2 && tag[1] == '-') {
      const std::string type = tag.substr(2);
      if (!current.tokens.empty() && current.type != type) flush();
      current.type = type;
      if (IsPlainWord(token)) current.tokens.push_back(token);
    } else {
      flush();
      if (IsPlainWord(token)) v.words.push_back(token);
    }
  }
  flush();
  for (const char* name :
       {"000_d2d8004998f84c7a", "001_924fe81faf4bc684", "002_7221bea12fc5974c",
        "003_64a0d5c815d278ad", "004_a96f9847ea4aa28e"}) {
    std::ifstream seed(shared + "/seeds/" + name + ".txt");
    std::string word;
    while (seed >> word) {
      if (IsPlainWord(word) &&
          std::islower(static_cast<unsigned char>(word[0])))
        v.words.push_back(word);
    }
  }
  return v;
}

constexpr const char* kMonths[] = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr const char* kTypes[] = {"PER", "ORG", "LOC", "DATE", "QUANTITY"};

bool IsNamed(const std::string& type) {
  return type == "PER" || type == "ORG" || type == "LOC";
}

// A relation type labels.json allows from `head` to `tail` (both named).
const char* RelationType(const std::string& head, const std::string& tail,
                         Rng& rng) {
  if (head == "PER" && tail == "ORG")
    return rng.Chance(0.5) ? "affiliated_with" : "leader_of";
  if (head == "PER" && tail == "LOC") return "leader_of";
  if (head == "ORG" && tail == "ORG") return "part_of";
  if (head == "LOC" && tail == "LOC")
    return rng.Chance(0.5) ? "part_of" : "deployed_to";
  return "allied_with";
}

// Appends to the document text, tracking its length in code points.
struct TextBuilder {
  std::string text;
  int64_t codepoints = 0;
  void Add(const std::string& s) {
    text += s;
    for (unsigned char c : s) codepoints += (c & 0xC0) != 0x80;
  }
};

}  // namespace

struct SyntheticCorpus::Impl {
  Vocabulary vocab;
  Rng rng;
  int64_t next_doc = 0;
};

SyntheticCorpus::SyntheticCorpus(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
SyntheticCorpus::~SyntheticCorpus() = default;

Result<std::unique_ptr<SyntheticCorpus>> SyntheticCorpus::Create(
    const std::string& shared_dir, uint64_t seed) {
  auto impl = std::make_unique<Impl>();
  impl->vocab = LoadVocabulary(shared_dir);
  impl->rng = Rng{seed};
  if (impl->vocab.words.empty() || impl->vocab.entities.empty()) {
    return Status::IoError(
        "no vocabulary found under " + shared_dir +
        "/corpora/europeana_newspapers_fr (pass the shared folder)");
  }
  return std::unique_ptr<SyntheticCorpus>(new SyntheticCorpus(std::move(impl)));
}

void SyntheticCorpus::Next(AnnotatedDocument* gold_doc,
                           AnnotatedDocument* pred_doc, std::string* conll) {
  const Vocabulary& vocab = impl_->vocab;
  Rng& rng = impl_->rng;
  const std::string doc_id = "syn" + std::to_string(impl_->next_doc++);
  *gold_doc = AnnotatedDocument{};
  *pred_doc = AnnotatedDocument{};
  gold_doc->document.doc_id = pred_doc->document.doc_id = doc_id;
  gold_doc->has_text = true;
  std::vector<Mention>& gold = gold_doc->annotations.mentions;

  // The document's cast: names that recur (coreference clusters).
  std::vector<size_t> cast(3 + rng.Below(6));
  for (size_t& c : cast) c = rng.Below(vocab.entities.size());

  TextBuilder doc;
  const size_t sentences = 3 + rng.Below(12);
  for (size_t s = 0; s < sentences; ++s) {
    const size_t length = 8 + rng.Below(22);
    std::vector<std::pair<std::string, std::string>> tokens;  // text, tag
    std::vector<size_t> named;  // gold indices of this sentence's names
    for (size_t t = 0; t < length; ++t) {
      if (t > 0 || s > 0) doc.Add(" ");
      if (rng.Chance(0.1)) {
        Mention m;
        m.start = doc.codepoints;
        std::vector<std::string> words;
        const size_t kind = rng.Below(10);
        if (kind < 7) {
          const size_t e = rng.Chance(0.7) ? cast[rng.Below(cast.size())]
                                           : rng.Below(vocab.entities.size());
          m.type = vocab.entities[e].type;
          m.entity = "E" + std::to_string(e);
          words = vocab.entities[e].tokens;
        } else if (kind < 9) {
          m.type = "DATE";
          const size_t month = rng.Below(12), day = 1 + rng.Below(28),
                       year = 1990 + rng.Below(40);
          words = {std::to_string(day), kMonths[month], std::to_string(year)};
          char value[16];
          std::snprintf(value, sizeof value, "%zu-%02zu-%02zu", year, month + 1,
                        day);
          m.value = value;
        } else {
          m.type = "QUANTITY";
          const size_t n = 1000 + rng.Below(99000);
          const std::string sep = rng.Chance(0.5) ? "\xC2\xA0" : "\xE2\x80\xAF";
          words = {std::to_string(n / 1000) + sep +
                   std::to_string(1000 + n % 1000).substr(1)};
          m.value = std::to_string(n);
        }
        for (size_t w = 0; w < words.size(); ++w) {
          if (w > 0) doc.Add(" ");
          doc.Add(words[w]);
          tokens.emplace_back(words[w], (w == 0 ? "B-" : "I-") + m.type);
        }
        m.end = doc.codepoints;
        m.id = "T" + std::to_string(gold.size() + 1);
        if (IsNamed(m.type)) named.push_back(gold.size());
        gold.push_back(std::move(m));
        continue;
      }
      std::string word = vocab.words[rng.Below(vocab.words.size())];
      if (rng.Chance(0.02))
        word = "\xC2\xAB\xC2\xA0" + word + "\xC2\xA0\xC2\xBB";
      doc.Add(word);
      tokens.emplace_back(word, "O");
    }
    doc.Add(".");
    tokens.emplace_back(".", "O");
    for (size_t i = 0; i + 1 < named.size(); ++i) {
      if (!rng.Chance(0.35)) continue;
      const Mention& head = gold[named[i]];
      const Mention& tail = gold[named[i + 1]];
      gold_doc->annotations.relations.push_back(
          {RelationType(head.type, tail.type, rng), head.id, tail.id});
    }
    // CoNLL: the prediction flips an entity's type now and then.
    for (auto& [token, tag] : tokens) {
      std::string predicted = tag;
      if (tag != "O" && rng.Chance(0.1))
        predicted = tag.substr(0, 2) + kTypes[rng.Below(5)];
      if (tag == "O" && rng.Chance(0.01))
        predicted = std::string("B-") + kTypes[rng.Below(3)];
      if (conll) {
        *conll += token;
        *conll += ' ';
        *conll += tag;
        *conll += ' ';
        *conll += predicted;
        *conll += '\n';
      }
    }
    if (conll) *conll += '\n';
    tally_.tokens += static_cast<int64_t>(tokens.size());
    ++tally_.sentences;
  }
  gold_doc->document.text = std::move(doc.text);

  // Predictions: the gold, perturbed.
  std::vector<bool> kept(gold.size(), false);
  for (size_t i = 0; i < gold.size(); ++i) {
    if (rng.Chance(0.1)) continue;  // missed
    Mention m = gold[i];
    if (rng.Chance(0.05) && m.end - m.start > 2) m.end -= 1;
    if (rng.Chance(0.05)) m.type = kTypes[rng.Below(5)];
    if (m.entity && rng.Chance(0.1))
      m.entity = "E" + std::to_string(cast[rng.Below(cast.size())]);
    kept[i] = true;
    pred_doc->annotations.mentions.push_back(std::move(m));
  }
  if (rng.Chance(0.3) && doc.codepoints > 10) {  // a spurious prediction
    Mention m;
    m.id = "S1";
    m.start = static_cast<int64_t>(
        rng.Below(static_cast<size_t>(doc.codepoints - 5)));
    m.end = m.start + 3;
    m.type = kTypes[rng.Below(3)];
    pred_doc->annotations.mentions.push_back(std::move(m));
  }
  for (const Relation& r : gold_doc->annotations.relations) {
    const size_t head = std::stoul(r.head.substr(1)) - 1;
    const size_t tail = std::stoul(r.tail.substr(1)) - 1;
    if (!kept[head] || !kept[tail] || rng.Chance(0.15)) continue;
    Relation p = r;
    if (rng.Chance(0.1)) p.type = "allied_with";
    pred_doc->annotations.relations.push_back(std::move(p));
  }

  ++tally_.documents;
  tally_.gold_mentions += static_cast<int64_t>(gold.size());
  tally_.gold_chunks += static_cast<int64_t>(gold.size());
  tally_.pred_mentions +=
      static_cast<int64_t>(pred_doc->annotations.mentions.size());
  tally_.gold_relations +=
      static_cast<int64_t>(gold_doc->annotations.relations.size());
}

std::string SyntheticJsonLine(const AnnotatedDocument& doc) {
  using ojson = nlohmann::ordered_json;
  ojson object = ojson::object();
  object["doc_id"] = doc.document.doc_id;
  if (doc.has_text) object["text"] = doc.document.text;
  ojson entities = ojson::array();
  for (const Mention& m : doc.annotations.mentions) {
    ojson e = {
        {"id", m.id}, {"start", m.start}, {"end", m.end}, {"type", m.type}};
    if (m.entity) e["entity"] = *m.entity;
    if (m.value) e["value"] = *m.value;
    entities.push_back(std::move(e));
  }
  object["entities"] = std::move(entities);
  if (!doc.annotations.relations.empty()) {
    ojson relations = ojson::array();
    for (const Relation& r : doc.annotations.relations)
      relations.push_back(
          {{"type", r.type}, {"head", r.head}, {"tail", r.tail}});
    object["relations"] = std::move(relations);
  }
  return object.dump();
}

Result<SyntheticBatch> MakeSyntheticBatch(const std::string& shared_dir,
                                          int64_t documents, bool with_conll,
                                          uint64_t seed) {
  auto corpus = SyntheticCorpus::Create(shared_dir, seed);
  if (!corpus.ok()) return corpus.status();
  SyntheticBatch batch;
  batch.gold.resize(static_cast<size_t>(documents));
  batch.pred.resize(static_cast<size_t>(documents));
  for (size_t d = 0; d < batch.gold.size(); ++d) {
    (*corpus)->Next(&batch.gold[d], &batch.pred[d],
                    with_conll ? &batch.conll : nullptr);
  }
  batch.tally = (*corpus)->tally();
  return batch;
}

}  // namespace ieval
