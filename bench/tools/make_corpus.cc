// make_corpus: writes a synthetic, French-like annotated corpus of any size
// for benchmarks and scale tests (scripts/make-corpus wraps it).
//
// Text is built from real vocabulary — the tokens of the Europeana
// Newspapers French corpus (CC0) and the words of the seed articles — so
// token lengths, accents and punctuation look like French news; entities are
// real PER/LOC/ORG chunks of that corpus plus generated DATE and QUANTITY
// expressions (with U+00A0/U+202F thousands separators, « » and ’). Output,
// all deterministic for a given --seed (own PRNG; no std distributions,
// whose results differ between standard libraries):
//   gold.jsonl   documents with text and gold mentions (code points)
//   pred.jsonl   the same mentions perturbed: missed, shifted boundary,
//                wrong type, spurious — a realistic prediction file
//   tokens.conll token gold-tag pred-tag (IOB2), blank line between sentences
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

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
  bool Chance(double p) { return (Next() >> 11) * 0x1.0p-53 < p; }
};

struct Entity {
  std::string type;
  std::vector<std::string> tokens;
};

struct Vocabulary {
  std::vector<std::string> words;
  std::vector<Entity> entities;
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
  Entity current;
  while (std::getline(bio, line)) {
    const size_t space = line.rfind(' ');
    if (space == std::string::npos) continue;
    const std::string token = line.substr(0, space);
    const std::string tag = line.substr(space + 1);
    if (tag.size() > 2 && tag[1] == '-') {
      const std::string type = tag.substr(2);
      if (!current.tokens.empty() && current.type != type) {
        v.entities.push_back(current);
        current = {};
      }
      current.type = type;
      if (IsPlainWord(token)) current.tokens.push_back(token);
    } else {
      if (!current.tokens.empty()) v.entities.push_back(current);
      current = {};
      if (IsPlainWord(token)) v.words.push_back(token);
    }
  }
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

const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                         "mai",       "juin",    "juillet",  "août",
                         "septembre", "octobre", "novembre", "décembre"};

struct Span {
  int64_t start, end;
  std::string type, value;
};

// Appends `s` to the document, tracking its length in code points.
struct TextBuilder {
  std::string text;
  int64_t codepoints = 0;
  void Add(const std::string& s) {
    text += s;
    for (unsigned char c : s) codepoints += (c & 0xC0) != 0x80;
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir = ".", shared = "../shared";
  uint64_t seed = 1;
  int64_t docs = 1000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--out")
      out_dir = argv[i + 1];
    else if (flag == "--shared")
      shared = argv[i + 1];
    else if (flag == "--seed")
      seed = std::stoull(argv[i + 1]);
    else if (flag == "--docs")
      docs = std::stoll(argv[i + 1]);
    else {
      std::cerr << "make_corpus: unknown option " << flag
                << " (use --out DIR --docs N --seed N --shared DIR)\n";
      return 2;
    }
  }
  const Vocabulary vocab = LoadVocabulary(shared);
  if (vocab.words.empty() || vocab.entities.empty()) {
    std::cerr << "make_corpus: no vocabulary found under " << shared
              << "/corpora (pass --shared DIR)\n";
    return 2;
  }
  Rng rng{seed};
  std::ofstream gold(out_dir + "/gold.jsonl"), pred(out_dir + "/pred.jsonl"),
      conll(out_dir + "/tokens.conll");
  if (!gold || !pred || !conll) {
    std::cerr << "make_corpus: cannot write into " << out_dir << "\n";
    return 2;
  }
  const std::string types[] = {"PER", "ORG", "LOC", "DATE", "QUANTITY"};
  for (int64_t d = 0; d < docs; ++d) {
    TextBuilder doc;
    std::vector<Span> spans;
    const size_t sentences = 3 + rng.Below(12);
    for (size_t s = 0; s < sentences; ++s) {
      const size_t length = 8 + rng.Below(22);
      std::vector<std::pair<std::string, std::string>> tokens;  // text, tag
      for (size_t t = 0; t < length; ++t) {
        if (t > 0 || s > 0) doc.Add(" ");
        if (rng.Chance(0.1)) {
          Span span;
          span.start = doc.codepoints;
          std::vector<std::string> words;
          const size_t kind = rng.Below(10);
          if (kind < 7) {
            const Entity& e = vocab.entities[rng.Below(vocab.entities.size())];
            span.type = e.type;
            words = e.tokens;
          } else if (kind < 9) {
            span.type = "DATE";
            const size_t month = rng.Below(12), day = 1 + rng.Below(28),
                         year = 1990 + rng.Below(40);
            words = {std::to_string(day), kMonths[month], std::to_string(year)};
            char value[16];
            std::snprintf(value, sizeof value, "%zu-%02zu-%02zu", year,
                          month + 1, day);
            span.value = value;
          } else {
            span.type = "QUANTITY";
            const size_t n = 1000 + rng.Below(99000);
            const std::string sep =
                rng.Chance(0.5) ? "\xC2\xA0" : "\xE2\x80\xAF";
            words = {std::to_string(n / 1000) + sep +
                     std::to_string(1000 + n % 1000).substr(1)};
            span.value = std::to_string(n);
          }
          if (words.empty()) words = {"Paris"};
          for (size_t w = 0; w < words.size(); ++w) {
            if (w > 0) doc.Add(" ");
            doc.Add(words[w]);
            tokens.emplace_back(words[w], (w == 0 ? "B-" : "I-") + span.type);
          }
          span.end = doc.codepoints;
          spans.push_back(span);
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
      // CoNLL: the prediction flips an entity's type now and then.
      for (auto& [token, tag] : tokens) {
        std::string predicted = tag;
        if (tag != "O" && rng.Chance(0.1))
          predicted = tag.substr(0, 2) + types[rng.Below(5)];
        if (tag == "O" && rng.Chance(0.01))
          predicted = "B-" + types[rng.Below(3)];
        conll << token << ' ' << tag << ' ' << predicted << '\n';
      }
      conll << '\n';
    }
    const std::string id = "syn" + std::to_string(d);
    nlohmann::json g = {{"doc_id", id}, {"text", doc.text}},
                   p = {{"doc_id", id}};
    nlohmann::json ge = nlohmann::json::array(), pe = nlohmann::json::array();
    int n = 0;
    for (const Span& span : spans) {
      nlohmann::json m = {{"id", "T" + std::to_string(++n)},
                          {"start", span.start},
                          {"end", span.end},
                          {"type", span.type}};
      if (!span.value.empty()) m["value"] = span.value;
      ge.push_back(m);
      if (rng.Chance(0.1)) continue;  // missed
      if (rng.Chance(0.05) && span.end - span.start > 2)
        m["end"] = span.end - 1;
      if (rng.Chance(0.05)) m["type"] = types[rng.Below(5)];
      pe.push_back(m);
    }
    if (rng.Chance(0.3) && doc.codepoints > 10) {  // a spurious prediction
      const int64_t start = static_cast<int64_t>(
          rng.Below(static_cast<size_t>(doc.codepoints - 5)));
      pe.push_back({{"id", "S1"},
                    {"start", start},
                    {"end", start + 3},
                    {"type", types[rng.Below(3)]}});
    }
    g["entities"] = ge;
    p["entities"] = pe;
    gold << g.dump() << '\n';
    pred << p.dump() << '\n';
  }
  return 0;
}
