#include "ieval/extractors/tagger/model.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>

#include "ieval/io/atomic_file.h"

namespace ieval::tagger {
namespace {

constexpr char kMagic[8] = {'I', 'E', 'V', 'A', 'L', 'T', 'A', 'G'};

class Writer {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Raw(&v, 2); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void F32(float v) { Raw(&v, 4); }
  void Str(const std::string& s) {
    U32(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  void Varint(uint32_t v) {
    while (v >= 0x80) {
      U8(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    U8(static_cast<uint8_t>(v));
  }
  std::string& bytes() { return out_; }

 private:
  // The format is little-endian, as are the machines ieval targets
  // (x86-64, arm64); a big-endian port would swap here.
  void Raw(const void* p, size_t n) {
    out_.append(static_cast<const char*>(p), n);
  }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool U8(uint8_t* v) { return Raw(v, 1); }
  bool U16(uint16_t* v) { return Raw(v, 2); }
  bool U32(uint32_t* v) { return Raw(v, 4); }
  bool U64(uint64_t* v) { return Raw(v, 8); }
  bool F32(float* v) { return Raw(v, 4) && std::isfinite(*v); }
  bool Str(std::string* s) {
    uint32_t n;
    if (!U32(&n) || n > in_.size() - pos_) return false;
    *s = std::string(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool Varint(uint32_t* v) {
    *v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      uint8_t b;
      if (!U8(&b)) return false;
      *v |= static_cast<uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  size_t pos() const { return pos_; }

 private:
  bool Raw(void* p, size_t n) {
    if (n > in_.size() - pos_) return false;
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
};

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

TaggerModel TaggerModel::Empty(std::vector<std::string> types,
                               LabelScheme scheme, int hash_bits) {
  TaggerModel m;
  m.types = std::move(types);
  m.scheme = scheme;
  m.hash_bits = hash_bits;
  const auto n = static_cast<size_t>(m.num_labels());
  m.weights.assign((size_t{1} << hash_bits) * n, 0.0f);
  m.transitions.assign(n * n, 0.0f);
  m.start.assign(n, 0.0f);
  m.end.assign(n, 0.0f);
  return m;
}

void ScoreTokens(const float* weights, int num_labels,
                 const SequenceFeatures& features,
                 std::vector<float>* emissions) {
  const size_t n = features.size();
  emissions->assign(n * static_cast<size_t>(num_labels), 0.0f);
  using Row = Eigen::Matrix<float, 1, Eigen::Dynamic>;
  for (size_t t = 0; t < n; ++t) {
    Eigen::Map<Row> out(emissions->data() + t * num_labels, num_labels);
    for (uint32_t k = features.offsets[t]; k < features.offsets[t + 1]; ++k) {
      out += Eigen::Map<const Row>(
          weights + size_t{features.ids[k]} * num_labels, num_labels);
    }
  }
}

std::string Fingerprint(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t h = Fnv1a(bytes);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4)
    out[static_cast<size_t>(i)] = kHex[h & 15];
  return out;
}

std::string SerializeModel(const TaggerModel& model, int weight_bits) {
  const int n = model.num_labels();
  const auto un = static_cast<size_t>(n);
  const float qmax = weight_bits == 8 ? 127.0f : 32767.0f;
  Writer w;
  w.bytes().append(kMagic, sizeof(kMagic));
  w.U32(kModelFormatVersion);
  w.U32(model.feature_version);
  w.U8(static_cast<uint8_t>(model.scheme));
  w.U8(static_cast<uint8_t>(model.hash_bits));
  w.U8(static_cast<uint8_t>(weight_bits));
  w.U8(0);
  w.U16(static_cast<uint16_t>(model.types.size()));
  for (const std::string& t : model.types) w.Str(t);
  w.Str(model.dictionary_id);
  w.Str(model.training_id);
  for (float v : model.start) w.F32(v);
  for (float v : model.end) w.F32(v);
  for (float v : model.transitions) w.F32(v);
  // One scale per label: its largest weight maps to the largest integer.
  std::vector<float> scale(un, 0.0f);
  const size_t rows = model.weights.size() / un;
  for (size_t r = 0; r < rows; ++r)
    for (size_t l = 0; l < un; ++l)
      scale[l] = std::max(scale[l], std::fabs(model.weights[r * un + l]));
  for (float& s : scale) s = s > 0 ? s / qmax : 1.0f;
  for (float s : scale) w.F32(s);
  std::vector<int32_t> q(un);
  std::string body;
  uint32_t kept = 0, previous = 0;
  Writer rows_out;
  for (size_t r = 0; r < rows; ++r) {
    bool any = false;
    for (size_t l = 0; l < un; ++l) {
      q[l] = static_cast<int32_t>(
          std::lround(model.weights[r * un + l] / scale[l]));
      any = any || q[l] != 0;
    }
    if (!any) continue;
    rows_out.Varint(static_cast<uint32_t>(r) - previous);
    previous = static_cast<uint32_t>(r);
    for (size_t l = 0; l < un; ++l) {
      if (weight_bits == 8) {
        rows_out.U8(static_cast<uint8_t>(static_cast<int8_t>(q[l])));
      } else {
        rows_out.U16(static_cast<uint16_t>(static_cast<int16_t>(q[l])));
      }
    }
    ++kept;
  }
  w.U32(kept);
  w.bytes() += rows_out.bytes();
  w.U64(Fnv1a(w.bytes()));
  return std::move(w.bytes());
}

Result<TaggerModel> ParseModel(std::string_view bytes,
                               const std::string& name) {
  auto bad = [&](const std::string& what) {
    return Status::InvalidInput(
        "not a usable tagger model (" + what +
            "); retrain it with scripts/train-tagger or ieval train-tagger",
        Where{name, 0, "", ""});
  };
  if (bytes.size() < sizeof(kMagic) + 8 ||
      bytes.substr(0, sizeof(kMagic)) != std::string_view(kMagic, 8)) {
    return bad("no IEVALTAG header");
  }
  const std::string_view payload = bytes.substr(0, bytes.size() - 8);
  uint64_t checksum;
  std::memcpy(&checksum, bytes.data() + payload.size(), 8);
  if (checksum != Fnv1a(payload)) return bad("checksum mismatch: truncated?");
  Reader r(payload.substr(sizeof(kMagic)));
  TaggerModel m;
  uint32_t format;
  uint8_t scheme, bits, weight_bits, reserved;
  uint16_t num_types;
  if (!r.U32(&format) || format != kModelFormatVersion) {
    return bad("format version " + std::to_string(format) +
               ", this ieval reads " + std::to_string(kModelFormatVersion));
  }
  if (!r.U32(&m.feature_version) || m.feature_version != kFeatureVersion) {
    return bad("feature version " + std::to_string(m.feature_version) +
               ", this ieval computes " + std::to_string(kFeatureVersion));
  }
  if (!r.U8(&scheme) || !r.U8(&bits) || !r.U8(&weight_bits) ||
      !r.U8(&reserved) || !r.U16(&num_types)) {
    return bad("short header");
  }
  if ((scheme != 1 && scheme != 2) || bits < 1 || bits > 26 ||
      (weight_bits != 8 && weight_bits != 16) || num_types == 0) {
    return bad("bad header fields");
  }
  m.scheme = static_cast<LabelScheme>(scheme);
  m.hash_bits = bits;
  m.types.resize(num_types);
  for (std::string& t : m.types)
    if (!r.Str(&t)) return bad("short type list");
  if (!r.Str(&m.dictionary_id) || !r.Str(&m.training_id))
    return bad("short header");
  const auto n = static_cast<size_t>(m.num_labels());
  m.start.resize(n);
  m.end.resize(n);
  m.transitions.resize(n * n);
  std::vector<float> scale(n);
  for (auto* v : {&m.start, &m.end, &m.transitions, &scale})
    for (float& x : *v)
      if (!r.F32(&x)) return bad("short or non-finite scores");
  uint32_t kept;
  if (!r.U32(&kept)) return bad("short weight table");
  const size_t rows = size_t{1} << m.hash_bits;
  m.weights.assign(rows * n, 0.0f);
  size_t row = 0;
  for (uint32_t i = 0; i < kept; ++i) {
    uint32_t delta;
    if (!r.Varint(&delta) || (i > 0 && delta == 0) || row + delta >= rows)
      return bad("bad weight row index");
    row += delta;
    for (size_t l = 0; l < n; ++l) {
      float v;
      if (weight_bits == 8) {
        uint8_t b;
        if (!r.U8(&b)) return bad("short weight table");
        v = static_cast<float>(static_cast<int8_t>(b));
      } else {
        uint16_t b;
        if (!r.U16(&b)) return bad("short weight table");
        v = static_cast<float>(static_cast<int16_t>(b));
      }
      m.weights[row * n + l] = v * scale[l];
    }
  }
  if (r.pos() + sizeof(kMagic) != payload.size()) return bad("trailing bytes");
  m.fingerprint = Fingerprint(bytes);
  return m;
}

Status SaveModel(const TaggerModel& model, const std::string& path,
                 int weight_bits) {
  return WriteFileAtomically(path, SerializeModel(model, weight_bits));
}

Result<TaggerModel> LoadModel(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return ParseModel(*bytes, path);
}

}  // namespace ieval::tagger
