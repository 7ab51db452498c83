// A tiny synthetic training corpus for the tagger's tests: short sentences
// with PER and LOC mentions that a few epochs learn.
#ifndef IEVAL_TESTS_EXTRACTORS_TAGGER_SYNTHETIC_CORPUS_H_
#define IEVAL_TESTS_EXTRACTORS_TAGGER_SYNTHETIC_CORPUS_H_

#include <string>
#include <utility>
#include <vector>

#include "ieval/core/types.h"

namespace ieval::testing {

// "Hier, <first> <last> a visite <city>." and "<city> accueille <first>
// <last> demain." with names from small lists. ASCII only, so byte offsets
// are code points.
inline std::vector<AnnotatedDocument> SyntheticCorpus(int documents = 12) {
  const std::vector<std::string> firsts = {"Anne", "Paul", "Lucie",
                                           "Marc", "Ines", "Hugo"};
  const std::vector<std::string> lasts = {"Martin", "Bernard", "Durand",
                                          "Lefevre", "Moreau"};
  const std::vector<std::string> cities = {"Rennes", "Lille", "Nantes",
                                           "Brest",  "Dijon", "Metz"};
  std::vector<AnnotatedDocument> docs;
  size_t k = 0;
  for (int d = 0; d < documents; ++d) {
    AnnotatedDocument doc;
    doc.document.doc_id = "d" + std::to_string(d);
    doc.has_text = true;
    std::string& text = doc.document.text;
    auto add = [&](const std::string& s, const char* type) {
      const auto start = static_cast<int64_t>(text.size());
      text += s;
      Mention m;
      m.start = start;
      m.end = start + static_cast<int64_t>(s.size());
      m.type = type;
      doc.annotations.mentions.push_back(m);
    };
    for (int s = 0; s < 4; ++s, ++k) {
      const std::string person =
          firsts[k % firsts.size()] + " " + lasts[(k * 7) % lasts.size()];
      const std::string city = cities[(k * 5) % cities.size()];
      if (k % 2 == 0) {
        text += "Hier, ";
        add(person, "PER");
        text += " a visite ";
        add(city, "LOC");
        text += ".\n";
      } else {
        add(city, "LOC");
        text += " accueille ";
        add(person, "PER");
        text += " demain.\n";
      }
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_EXTRACTORS_TAGGER_SYNTHETIC_CORPUS_H_
