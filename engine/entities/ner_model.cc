#include "engine/entities/ner_model.h"

#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"
#include "engine/model/model_file.h"

namespace lede {
namespace ner {

EntityType EntityTypeOf(int type) {
  switch (type) {
    case 0:
      return EntityType::kPerson;
    case 1:
      return EntityType::kOrganization;
    case 2:
      return EntityType::kLocation;
    default:
      return EntityType::kOther;
  }
}

std::string LabelSet::Name(int label) const {
  if (label == 0) return "O";
  static constexpr char kParts[] = "BILU";
  return absl::StrCat(std::string(1, kParts[PartOf(label)]), "-",
                      std::string(kTypeNames[TypeOf(label)]));
}

bool LabelSet::Allowed(int prev, int cur) const {
  const int pt = prev <= 0 ? -1 : TypeOf(prev);
  const int pp = prev <= 0 ? -1 : PartOf(prev);
  const int ct = TypeOf(cur);
  const int cp = PartOf(cur);
  // Is the previous label inside an open chunk?
  const bool open = pt >= 0 && (pp == 0 || pp == 1);
  if (scheme_ == TagScheme::kBio) {
    if (cp == 1) return open && pt == ct;  // I continues B or I of its type
    return true;
  }
  if (open) return ct == pt && (cp == 1 || cp == 2);  // I or L of same type
  return cur == 0 || cp == 0 || cp == 3;              // O, B or U
}

bool LabelSet::CanEnd(int label) const {
  if (scheme_ == TagScheme::kBio || label == 0) return true;
  const int p = PartOf(label);
  return p == 2 || p == 3;
}

std::vector<uint8_t> LabelSet::Encode(int32_t count,
                                      const std::vector<Chunk>& chunks) const {
  std::vector<uint8_t> out(count, 0);
  for (const Chunk& c : chunks) {
    if (c.first < 0 || c.last >= count || c.last < c.first) continue;
    for (int32_t t = c.first; t <= c.last; ++t) {
      int part = t == c.first ? 0 : 1;
      if (scheme_ == TagScheme::kBilou) {
        if (c.first == c.last) {
          part = 3;
        } else if (t == c.last) {
          part = 2;
        }
      }
      out[t] = static_cast<uint8_t>(Label(c.type, part));
    }
  }
  return out;
}

std::vector<LabelSet::Chunk> LabelSet::Decode(const uint8_t* labels,
                                              int32_t count) const {
  std::vector<Chunk> out;
  bool open = false;
  for (int32_t t = 0; t < count; ++t) {
    const int y = labels[t];
    const int type = TypeOf(y);
    const int part = PartOf(y);
    if (y == 0) {
      open = false;
      continue;
    }
    const bool starts =
        part == 0 || part == 3 || !open || out.back().type != type;
    if (starts) {
      out.push_back({t, t, type});
    } else {
      out.back().last = t;
    }
    open = part == 0 || part == 1;
    if (scheme_ == TagScheme::kBio) open = true;
  }
  return out;
}

void Viterbi(const LabelSet& labels, const float* emissions, int32_t count,
             const float* transitions, const float* final_scores,
             std::vector<uint8_t>* out) {
  out->assign(count, 0);
  if (count <= 0) return;
  const int L = labels.size();
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  constexpr int kMaxLabels = 32;
  float score[kMaxLabels], next[kMaxLabels];
  bool allowed[kMaxLabels][kMaxLabels];
  for (int p = 0; p < L; ++p) {
    for (int y = 0; y < L; ++y) allowed[p][y] = labels.Allowed(p, y);
  }
  std::vector<uint8_t> back(static_cast<size_t>(count) * L, 0);
  for (int y = 0; y < L; ++y) {
    score[y] = labels.Allowed(-1, y) ? transitions[y] + emissions[y] : kNeg;
  }
  for (int32_t t = 1; t < count; ++t) {
    const float* e = emissions + static_cast<size_t>(t) * L;
    uint8_t* bp = back.data() + static_cast<size_t>(t) * L;
    for (int y = 0; y < L; ++y) {
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        if (score[p] == kNeg || !allowed[p][y]) continue;
        const float v = score[p] + transitions[(p + 1) * L + y];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      next[y] = best == kNeg ? kNeg : best + e[y];
      bp[y] = static_cast<uint8_t>(arg);
    }
    std::memcpy(score, next, sizeof(float) * L);
  }
  float best = kNeg;
  int arg = 0;
  for (int y = 0; y < L; ++y) {
    if (!labels.CanEnd(y) || score[y] == kNeg) continue;
    const float v = score[y] + final_scores[y];
    if (v > best) {
      best = v;
      arg = y;
    }
  }
  for (int32_t t = count - 1; t >= 0; --t) {
    (*out)[t] = static_cast<uint8_t>(arg);
    if (t > 0) arg = back[static_cast<size_t>(t) * L + arg];
  }
}

void LinearModel::Score(const SpanFeatures& features, const SpanFeatures* extra,
                        int32_t count, std::vector<float>* out) const {
  const int L = num_labels;
  out->assign(static_cast<size_t>(count) * L, 0.0f);
  const uint64_t mask = (uint64_t{1} << row_bits) - 1;
  const int16_t* w = weights.data();
  auto prefetch = [&](const SpanFeatures& f, int32_t t) {
    for (uint32_t k = f.begin[t]; k < f.begin[t + 1]; ++k) {
      __builtin_prefetch(w + (f.hashes[k] & mask) * L);
    }
  };
  if (count > 0) prefetch(features, 0);
  int32_t acc[32];
  for (int32_t t = 0; t < count; ++t) {
    // Rows are scattered over a table larger than the caches: ask for the
    // next token's rows while summing this one's.
    if (t + 1 < count) prefetch(features, t + 1);
    for (int y = 0; y < L; ++y) acc[y] = 0;
    for (uint32_t k = features.begin[t]; k < features.begin[t + 1]; ++k) {
      const int16_t* row = w + (features.hashes[k] & mask) * L;
      for (int y = 0; y < L; ++y) acc[y] += row[y];
    }
    if (extra != nullptr) {
      for (uint32_t k = extra->begin[t]; k < extra->begin[t + 1]; ++k) {
        const int16_t* row = w + (extra->hashes[k] & mask) * L;
        for (int y = 0; y < L; ++y) acc[y] += row[y];
      }
    }
    float* o = out->data() + static_cast<size_t>(t) * L;
    for (int y = 0; y < L; ++y) o[y] = acc[y] * scale;
  }
}

std::string LinearModel::Serialize() const {
  ByteWriter w;
  w.U8(static_cast<uint8_t>(scheme));
  w.U32(static_cast<uint32_t>(num_labels));
  w.U32(row_bits);
  w.F32(scale);
  for (float v : transitions) w.F32(v);
  for (float v : final_scores) w.F32(v);
  std::string& d = w.data();
  d.reserve(d.size() + weights.size() * 2);
  for (int16_t v : weights) {
    const uint16_t u = static_cast<uint16_t>(v);
    d.push_back(static_cast<char>(u & 0xFF));
    d.push_back(static_cast<char>(u >> 8));
  }
  return std::move(w.data());
}

absl::StatusOr<LinearModel> LinearModel::Parse(std::string_view bytes) {
  ByteReader r(bytes);
  LinearModel m;
  const uint8_t scheme = r.U8();
  m.num_labels = static_cast<int>(r.U32());
  m.row_bits = r.U32();
  m.scale = r.F32();
  if (!r.ok() || scheme > 1) {
    return absl::DataLossError("weights: bad header");
  }
  m.scheme = static_cast<TagScheme>(scheme);
  if (m.num_labels != LabelSet(m.scheme).size() || m.row_bits < 4 ||
      m.row_bits > 24) {
    return absl::DataLossError(absl::StrCat("weights: ", m.num_labels,
                                            " labels, ", m.row_bits,
                                            " row bits: not a valid model"));
  }
  const int L = m.num_labels;
  m.transitions.resize(static_cast<size_t>(L + 1) * L);
  for (float& v : m.transitions) v = r.F32();
  m.final_scores.resize(L);
  for (float& v : m.final_scores) v = r.F32();
  const size_t n = (size_t{1} << m.row_bits) * L;
  std::string_view raw = r.Raw(n * 2);
  if (!r.ok() || !r.done()) {
    return absl::DataLossError("weights: truncated or trailing bytes");
  }
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
                "model files are little-endian; add byte swapping");
  m.weights.resize(n);
  std::memcpy(m.weights.data(), raw.data(), n * 2);
  return m;
}

}  // namespace ner
}  // namespace lede
