#include "engine/entities/ner_model.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

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

TransitionTable TransitionTable::Build(const LabelSet& labels,
                                       const float* transitions,
                                       const float* final_scores) {
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  const int L = labels.size();
  TransitionTable t;
  t.num_labels = L;
  t.start.resize(L);
  t.trans.resize(static_cast<size_t>(L) * L);
  t.finish.resize(L);
  for (int y = 0; y < L; ++y) {
    t.start[y] = labels.Allowed(-1, y) ? transitions[y] : kNeg;
    t.finish[y] = labels.CanEnd(y) ? final_scores[y] : kNeg;
    for (int p = 0; p < L; ++p) {
      t.trans[static_cast<size_t>(p) * L + y] =
          labels.Allowed(p, y) ? transitions[(p + 1) * L + y] : kNeg;
    }
  }
  return t;
}

void Viterbi(const LabelSet& labels, const float* emissions, int32_t count,
             const float* transitions, const float* final_scores,
             std::vector<uint8_t>* out) {
  std::vector<uint8_t> back;
  Viterbi(TransitionTable::Build(labels, transitions, final_scores), emissions,
          count, &back, out);
}

namespace {

// Four lanes: one SSE2 register on x86-64 (wider vectors would be split).
typedef float V4f __attribute__((vector_size(16)));
typedef int32_t V4i __attribute__((vector_size(16)));
// Eight lanes: one AVX register.
typedef float V8f __attribute__((vector_size(32)));
typedef int32_t V8i __attribute__((vector_size(32)));

// Viterbi() over a table for `kL` labels (a compile-time constant for the
// two label schemes; 0 means `table.num_labels`). -infinity marks an
// impossible state or move: adding it keeps -infinity (scores are finite
// otherwise), which never beats the running best, so the result equals the
// explicit checks against LabelSet::Allowed(). The best predecessor of every
// label is found for a vector of labels (`VF`, with `VI` its int32 lanes) at
// a time; predecessors are tried in increasing order and only a strictly
// better score replaces the best, so ties go to the lowest label, as in the
// scalar loop. Every label's score is the same float operations in the same
// order whatever the vector width, so the widths give the same labels.
template <int kL, typename VF = V4f, typename VI = V4i>
void ViterbiRun(const TransitionTable& table, const float* emissions,
                int32_t count, std::vector<uint8_t>* back,
                std::vector<uint8_t>* out) {
  const int L = kL > 0 ? kL : table.num_labels;
  constexpr int kLanes = sizeof(VF) / sizeof(float);
  constexpr int kBlocks = kL / kLanes;
  typedef uint8_t VB __attribute__((vector_size(kLanes)));
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  constexpr int kMaxLabels = 32;
  float score[kMaxLabels], next[kMaxLabels];
  back->resize(static_cast<size_t>(count) * L);
  const float* trans = table.trans.data();
  for (int y = 0; y < L; ++y) score[y] = table.start[y] + emissions[y];
  for (int32_t t = 1; t < count; ++t) {
    const float* e = emissions + static_cast<size_t>(t) * L;
    uint8_t* bp = back->data() + static_cast<size_t>(t) * L;
    for (int b = 0; b < kBlocks; ++b) {
      const int y0 = kLanes * b;
      VF best, row, emission;
      std::memcpy(&best, trans + y0, sizeof(best));
      best += score[0];
      VI arg = {}, pred = {};
      for (int p = 1; p < L; ++p) {
        pred += 1;
        std::memcpy(&row, trans + p * L + y0, sizeof(row));
        const VF v = row + score[p];
        const VI better = v > best;
        best = better ? v : best;
        arg = better ? pred : arg;
      }
      std::memcpy(&emission, e + y0, sizeof(emission));
      best += emission;
      std::memcpy(next + y0, &best, sizeof(best));
      const VB arg_bytes = __builtin_convertvector(arg, VB);
      std::memcpy(bp + y0, &arg_bytes, sizeof(arg_bytes));
    }
    for (int y = kBlocks * kLanes; y < L; ++y) {
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        const float v = score[p] + trans[p * L + y];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      next[y] = best + e[y];
      bp[y] = static_cast<uint8_t>(arg);
    }
    std::memcpy(score, next, sizeof(float) * L);
  }
  float best = kNeg;
  int arg = 0;
  for (int y = 0; y < L; ++y) {
    const float v = score[y] + table.finish[y];
    if (v > best) {
      best = v;
      arg = y;
    }
  }
  for (int32_t t = count - 1; t >= 0; --t) {
    (*out)[t] = static_cast<uint8_t>(arg);
    if (t > 0) arg = (*back)[static_cast<size_t>(t) * L + arg];
  }
}

// Whether this x86-64 CPU has AVX2, for the *Avx2() variants below (false
// elsewhere, where they are never built).
bool HasAvx2() {
#if defined(__x86_64__)
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
#else
  return false;
#endif
}

#if defined(__x86_64__)
// ViterbiRun() on eight labels at a time, for CPUs with AVX2: compiled for
// that target (`flatten` inlines ViterbiRun() here), it also selects with
// one blend instead of SSE2's and/andnot/or.
template <int kL>
__attribute__((target("avx2"), flatten)) void ViterbiRunAvx2(
    const TransitionTable& table, const float* emissions, int32_t count,
    std::vector<uint8_t>* back, std::vector<uint8_t>* out) {
  ViterbiRun<kL, V8f, V8i>(table, emissions, count, back, out);
}
#else
template <int kL>
void ViterbiRunAvx2(const TransitionTable& table, const float* emissions,
                    int32_t count, std::vector<uint8_t>* back,
                    std::vector<uint8_t>* out) {
  ViterbiRun<kL>(table, emissions, count, back, out);
}
#endif

}  // namespace

void Viterbi(const TransitionTable& table, const float* emissions,
             int32_t count, std::vector<uint8_t>* back,
             std::vector<uint8_t>* out) {
  out->resize(count);
  if (count <= 0) return;
  const bool avx2 = HasAvx2();
  if (table.num_labels == LabelSet(TagScheme::kBio).size()) {
    (avx2 ? ViterbiRunAvx2<1 + kNumTypes * 2>
          : ViterbiRun<1 + kNumTypes * 2>)(table, emissions, count, back, out);
  } else if (table.num_labels == LabelSet(TagScheme::kBilou).size()) {
    (avx2 ? ViterbiRunAvx2<1 + kNumTypes * 4>
          : ViterbiRun<1 + kNumTypes * 4>)(table, emissions, count, back, out);
  } else {
    ViterbiRun<0>(table, emissions, count, back, out);
  }
}

namespace {

typedef int16_t V8i16 __attribute__((vector_size(16)));
typedef int32_t V8i32 __attribute__((vector_size(32)));

// Adds eight int16 weights to eight int32 sums, with the instruction set
// every x86-64 has (SSE2 widens by unpacking and shifting).
struct WidenAdd {
  static void Add(const int16_t* row, V8i32* acc) {
    V8i16 v;
    std::memcpy(&v, row, sizeof(v));
    *acc += __builtin_convertvector(v, V8i32);
  }
};

#if defined(__x86_64__)
// The same in two AVX2 instructions (one widening load, one add); GCC does
// not find that form for the code above.
struct WidenAddAvx2 {
  __attribute__((target("avx2"))) static void Add(const int16_t* row,
                                                  V8i32* acc) {
    *acc += reinterpret_cast<V8i32>(_mm256_cvtepi16_epi32(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(row))));
  }
};
#endif

// LinearModel::Score() for `L` labels (a compile-time constant for the two
// label schemes, so the per-row sums unroll; 0 means `num_labels`).
template <int kL, typename Widen = WidenAdd>
void ScoreRun(const int16_t* w, uint64_t mask, int num_labels, float scale,
              const SpanFeatures& features, const SpanFeatures* extra,
              int32_t count, float* out) {
  const int L = kL > 0 ? kL : num_labels;
  auto prefetch = [&](const SpanFeatures& f, int32_t t) {
    for (uint32_t k = f.begin[t]; k < f.begin[t + 1]; ++k) {
      __builtin_prefetch(w + (f.hashes[k] & mask) * L);
    }
  };
  // Eight labels at a time in vector registers (exact int32 sums, as the
  // scalar loop), the rest one by one.
  constexpr int kBlocks = kL / 8;
  auto sum = [&](const SpanFeatures& f, int32_t t, int32_t* acc) {
    const uint64_t* h = f.hashes.data();
    V8i32 vacc[kBlocks > 0 ? kBlocks : 1] = {};
    for (uint32_t k = f.begin[t]; k < f.begin[t + 1]; ++k) {
      const int16_t* row = w + (h[k] & mask) * L;
      for (int b = 0; b < kBlocks; ++b) Widen::Add(row + 8 * b, &vacc[b]);
      for (int y = kBlocks * 8; y < L; ++y) acc[y] += row[y];
    }
    for (int b = 0; b < kBlocks; ++b) {
      for (int y = 0; y < 8; ++y) acc[8 * b + y] += vacc[b][y];
    }
  };
  if (count > 0) prefetch(features, 0);
  int32_t acc[32];
  for (int32_t t = 0; t < count; ++t) {
    // Rows are scattered over a table larger than the caches: ask for the
    // next token's rows while summing this one's.
    if (t + 1 < count) prefetch(features, t + 1);
    for (int y = 0; y < L; ++y) acc[y] = 0;
    sum(features, t, acc);
    if (extra != nullptr) sum(*extra, t, acc);
    float* o = out + static_cast<size_t>(t) * L;
    for (int y = 0; y < L; ++y) o[y] = acc[y] * scale;
  }
}

#if defined(__x86_64__)
// ScoreRun() compiled for AVX2, for CPUs that have it: `flatten` inlines
// ScoreRun() here so all of it is compiled for this target. The int32 sums
// are exact and the float conversion and scaling are the same IEEE
// operations, so the scores equal ScoreRun()'s.
template <int kL>
__attribute__((target("avx2"), flatten)) void ScoreRunAvx2(
    const int16_t* w, uint64_t mask, int num_labels, float scale,
    const SpanFeatures& features, const SpanFeatures* extra, int32_t count,
    float* out) {
  ScoreRun<kL, WidenAddAvx2>(w, mask, num_labels, scale, features, extra, count,
                             out);
}
#else
template <int kL>
void ScoreRunAvx2(const int16_t* w, uint64_t mask, int num_labels, float scale,
                  const SpanFeatures& features, const SpanFeatures* extra,
                  int32_t count, float* out) {
  ScoreRun<kL>(w, mask, num_labels, scale, features, extra, count, out);
}
#endif

}  // namespace

void LinearModel::Score(const SpanFeatures& features, const SpanFeatures* extra,
                        int32_t count, std::vector<float>* out) const {
  const int L = num_labels;
  out->resize(static_cast<size_t>(count) * L);
  const uint64_t mask = (uint64_t{1} << row_bits) - 1;
  const bool avx2 = HasAvx2();
  if (L == LabelSet(TagScheme::kBio).size()) {
    (avx2 ? ScoreRunAvx2<1 + kNumTypes * 2>
          : ScoreRun<1 + kNumTypes * 2>)(weights.data(), mask, L, scale,
                                         features, extra, count, out->data());
  } else if (L == LabelSet(TagScheme::kBilou).size()) {
    (avx2 ? ScoreRunAvx2<1 + kNumTypes * 4>
          : ScoreRun<1 + kNumTypes * 4>)(weights.data(), mask, L, scale,
                                         features, extra, count, out->data());
  } else {
    ScoreRun<0>(weights.data(), mask, L, scale, features, extra, count,
                out->data());
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
  m.weights = ReadLittleEndianArray<int16_t>(raw);
  return m;
}

}  // namespace ner
}  // namespace lede
