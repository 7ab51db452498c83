#include "ieval/extractors/tagger/label_scheme.h"

namespace ieval::tagger {
namespace {

enum Role { kO, kB, kI, kL, kU };

int Stride(LabelScheme scheme) { return scheme == LabelScheme::kBio ? 2 : 4; }

Role RoleOf(LabelScheme scheme, int label) {
  if (label == 0) return kO;
  return static_cast<Role>((label - 1) % Stride(scheme) + 1);
}

int TypeOf(LabelScheme scheme, int label) {
  return (label - 1) / Stride(scheme);
}

int Label(LabelScheme scheme, int type, Role role) {
  return 1 + type * Stride(scheme) + (role - 1);
}

}  // namespace

std::optional<LabelScheme> ParseLabelScheme(const std::string& name) {
  if (name == "bio" || name == "BIO") return LabelScheme::kBio;
  if (name == "bilou" || name == "BILOU") return LabelScheme::kBilou;
  return std::nullopt;
}

const char* LabelSchemeName(LabelScheme scheme) {
  return scheme == LabelScheme::kBio ? "bio" : "bilou";
}

int NumLabels(LabelScheme scheme, int num_types) {
  return 1 + Stride(scheme) * num_types;
}

std::string LabelName(LabelScheme scheme, const std::vector<std::string>& types,
                      int label) {
  if (label == 0) return "O";
  static constexpr const char* kPrefix[] = {"O", "B", "I", "L", "U"};
  return std::string(kPrefix[RoleOf(scheme, label)]) + "-" +
         types[static_cast<size_t>(TypeOf(scheme, label))];
}

std::vector<int> SpansToLabels(LabelScheme scheme, int length,
                               const std::vector<TokenSpan>& spans) {
  std::vector<int> labels(static_cast<size_t>(length), 0);
  for (const TokenSpan& s : spans) {
    for (int t = s.begin; t < s.end; ++t) {
      Role role = t == s.begin ? kB : kI;
      if (scheme == LabelScheme::kBilou) {
        if (s.end - s.begin == 1) {
          role = kU;
        } else if (t == s.end - 1) {
          role = kL;
        }
      }
      labels[static_cast<size_t>(t)] = Label(scheme, s.type, role);
    }
  }
  return labels;
}

std::vector<TokenSpan> LabelsToSpans(LabelScheme scheme,
                                     const std::vector<int>& labels) {
  std::vector<TokenSpan> spans;
  bool open = false;
  for (size_t i = 0; i < labels.size(); ++i) {
    const int t = static_cast<int>(i);
    const Role role = RoleOf(scheme, labels[i]);
    if (role == kO) {
      open = false;
      continue;
    }
    const int type = TypeOf(scheme, labels[i]);
    const bool continues =
        open && spans.back().type == type && (role == kI || role == kL);
    if (continues) {
      spans.back().end = t + 1;
    } else {
      spans.push_back({t, t + 1, type});
    }
    open = role == kB || role == kI;
  }
  return spans;
}

Constraints MakeConstraints(LabelScheme scheme, int num_types) {
  const int n = NumLabels(scheme, num_types);
  Constraints c;
  c.transition.assign(static_cast<size_t>(n * n), 0);
  c.start.assign(static_cast<size_t>(n), 0);
  c.end.assign(static_cast<size_t>(n), 0);
  // "open": the entity must go on (BILOU's B and I); "continues": the
  // label goes on an entity (I; L in BILOU).
  auto open = [&](int label) {
    const Role r = RoleOf(scheme, label);
    return scheme == LabelScheme::kBilou && (r == kB || r == kI);
  };
  auto continues = [&](int label) {
    const Role r = RoleOf(scheme, label);
    return r == kI || r == kL;
  };
  auto same_type = [&](int a, int b) {
    return a != 0 && b != 0 && TypeOf(scheme, a) == TypeOf(scheme, b);
  };
  for (int to = 0; to < n; ++to) {
    c.start[static_cast<size_t>(to)] = !continues(to);
    c.end[static_cast<size_t>(to)] = !open(to);
    for (int from = 0; from < n; ++from) {
      const bool ok =
          open(from) ? continues(to) && same_type(from, to)
                     : !continues(to) ||
                           (scheme == LabelScheme::kBio && same_type(from, to));
      c.transition[static_cast<size_t>(from * n + to)] = ok;
    }
  }
  return c;
}

}  // namespace ieval::tagger
