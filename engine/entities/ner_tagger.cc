#include "engine/entities/ner_tagger.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "engine/text/cancel.h"
#include "engine/text/string_view.h"

namespace lede {
namespace ner {

std::string SerializeClusters(const WordClusters& clusters) {
  std::vector<std::pair<uint64_t, uint32_t>> entries(clusters.begin(),
                                                     clusters.end());
  std::sort(entries.begin(), entries.end());
  ByteWriter w;
  w.VarU(entries.size());
  for (const auto& [k, v] : entries) {
    w.U64(k);
    w.U32(v);
  }
  return std::move(w.data());
}

absl::StatusOr<WordClusters> ParseClusters(std::string_view bytes) {
  ByteReader r(bytes);
  const uint64_t n = r.VarU();
  if (!r.ok() || n > r.remaining() / 12) {
    return absl::DataLossError("clusters: bad entry count");
  }
  WordClusters c;
  c.reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t k = r.U64();
    c[k] = r.U32();
  }
  if (!r.ok() || !r.done()) {
    return absl::DataLossError("clusters: truncated or trailing bytes");
  }
  return c;
}

LinearTagger::LinearTagger(LinearModel model, Gazetteer gazetteer,
                           WordClusters clusters, std::string model_id)
    : model_(std::move(model)),
      labels_(model_.scheme),
      transitions_(TransitionTable::Build(labels_, model_.transitions.data(),
                                          model_.final_scores.data())),
      gazetteer_(std::move(gazetteer)),
      clusters_(std::move(clusters)),
      extractor_(&gazetteer_, &clusters_),
      model_id_(std::move(model_id)) {}

namespace {

// DecodeScratch
//
// The per-document buffers of LinearTagger::Decode(). Building them afresh
// for every document cost a few percent of the pipeline in malloc and in
// regrowing vectors, so each thread keeps one set and reuses it (a tagger is
// shared by threads; the scratch is per thread, never in the tagger). Every
// buffer is cleared or overwritten before use, so results do not depend on
// earlier documents.
struct DecodeScratch {
  DocumentContext context;
  PredictionHistory history;
  SpanFeatures features, extra;
  std::vector<float> emissions;
  std::vector<uint8_t> path, back;
  bool busy = false;  // in use by a Decode() further up this thread's stack
};

// Documents longer than this leave their thread's scratch freed afterwards,
// so one huge input does not pin its memory for the thread's lifetime.
constexpr size_t kMaxRetainedTokens = 1 << 15;

}  // namespace

template <typename Sink>
void LinearTagger::Decode(std::string_view text, const Segmentation& seg,
                          Sink&& sink) const {
  thread_local DecodeScratch thread_scratch;
  // A sink that decodes again (none does today) gets buffers of its own.
  std::unique_ptr<DecodeScratch> own;
  DecodeScratch* scratch = &thread_scratch;
  if (scratch->busy) {
    own = std::make_unique<DecodeScratch>();
    scratch = own.get();
  }
  // Marks the scratch in use until Decode() returns or throws.
  struct Lease {
    DecodeScratch* scratch;
    size_t tokens;
    ~Lease() {
      scratch->busy = false;
      if (tokens > kMaxRetainedTokens) *scratch = DecodeScratch();
    }
  } lease{scratch, seg.tokens.size()};
  scratch->busy = true;
  DocumentContext& context = scratch->context;
  extractor_.Prepare(text, seg, &context);
  PredictionHistory& history = scratch->history;
  history.Clear();
  SpanFeatures& features = scratch->features;
  SpanFeatures& extra = scratch->extra;
  std::vector<float>& emissions = scratch->emissions;
  std::vector<uint8_t>& path = scratch->path;
  std::vector<uint8_t>& back = scratch->back;
  const int32_t sentences = static_cast<int32_t>(seg.sentences.size());
  for (int32_t s = 0; s < sentences; ++s) {
    if (StopRequested()) break;  // the caller's deadline passed
    const SentenceInfo& si = seg.sentences[s];
    for (int32_t off = 0; off < si.token_count; off += kMaxDecodeTokens) {
      const int32_t first = si.first_token + off;
      const int32_t count = std::min(kMaxDecodeTokens, si.token_count - off);
      extractor_.Extract(text, seg, context, s, first, count, &features);
      extra.begin.clear();
      extra.hashes.clear();
      for (int32_t t = 0; t < count; ++t) {
        extra.begin.push_back(static_cast<uint32_t>(extra.hashes.size()));
        history.AddFeatures(features.lower[t], features.history_flags[t],
                            &extra.hashes);
      }
      extra.begin.push_back(static_cast<uint32_t>(extra.hashes.size()));
      model_.Score(features, &extra, count, &emissions);
      Viterbi(transitions_, emissions.data(), count, &back, &path);
      for (int32_t t = 0; t < count; ++t) {
        history.Record(features.lower[t], features.history_flags[t],
                       labels_.TypeOf(path[t]));
      }
      sink(first, path.data(), count, emissions.data());
    }
  }
}

std::vector<TaggedMention> LinearTagger::Tag(std::string_view text,
                                             const Segmentation& seg) const {
  std::vector<TaggedMention> out;
  const int L = model_.num_labels;
  Decode(text, seg,
         [&](int32_t first, const uint8_t* path, int32_t count,
             const float* emissions) {
           for (const LabelSet::Chunk& c : labels_.Decode(path, count)) {
             // Confidence: how far each token's best label of the chunk's
             // type beats its best label of another type or O. (Labels of
             // the same type are not rivals: a one-word name often scores
             // I-LOC above B-LOC, and B-LOC is the only way to start it.)
             float margin = 0;
             for (int32_t t = c.first; t <= c.last; ++t) {
               const float* e = emissions + static_cast<size_t>(t) * L;
               float own = -1e30f, rival = -1e30f;
               for (int y = 0; y < L; ++y) {
                 if (labels_.TypeOf(y) == c.type) {
                   own = std::max(own, e[y]);
                 } else {
                   rival = std::max(rival, e[y]);
                 }
               }
               margin += own - rival;
             }
             margin /= static_cast<float>(c.last - c.first + 1);
             TaggedMention m;
             m.span = {seg.tokens[first + c.first].span.begin,
                       seg.tokens[first + c.last].span.end};
             m.type = EntityTypeOf(c.type);
             m.confidence = 1.0f / (1.0f + std::exp(-margin));
             out.push_back(m);
           }
         });
  return out;
}

std::vector<uint8_t> LinearTagger::Labels(std::string_view text,
                                          const Segmentation& seg) const {
  std::vector<uint8_t> out(seg.tokens.size(), 0);
  Decode(text, seg,
         [&](int32_t first, const uint8_t* path, int32_t count, const float*) {
           std::copy(path, path + count, out.begin() + first);
         });
  return out;
}

void LinearTagger::AddSections(std::string_view selftest_text,
                               const Segmentation& selftest_seg,
                               ModelWriter* w) const {
  {
    ByteWriter b;
    b.Str(model_id_);
    b.U8(kFeatureSetVersion);
    w->AddSection("meta", std::move(b.data()));
  }
  w->AddSection("weights", model_.Serialize());
  w->AddSection("gazetteer", gazetteer_.Serialize());
  w->AddSection("clusters", SerializeClusters(clusters_));
  ByteWriter b;
  b.Str(selftest_text);
  b.VarU(selftest_seg.tokens.size());
  for (const Token& t : selftest_seg.tokens) {
    b.VarU(t.span.begin);
    b.VarU(t.span.end);
  }
  b.VarU(selftest_seg.sentences.size());
  for (const SentenceInfo& s : selftest_seg.sentences) {
    b.VarU(s.first_token);
    b.VarU(s.token_count);
  }
  const std::vector<TaggedMention> expected = Tag(selftest_text, selftest_seg);
  b.VarU(expected.size());
  for (const TaggedMention& m : expected) {
    b.VarU(m.span.begin);
    b.VarU(m.span.end);
    b.U8(static_cast<uint8_t>(m.type));
  }
  w->AddSection("selftest", std::move(b.data()));
}

absl::StatusOr<std::unique_ptr<LinearTagger>> LinearTagger::FromModelFile(
    const ModelFile& file, std::string_view name) {
  auto fail = [&](const absl::Status& s) {
    return absl::Status(s.code(),
                        absl::StrCat(AsAbsl(name), ": ", s.message()));
  };
  std::string model_id;
  {
    auto meta = file.Section("meta");
    if (!meta.ok()) return fail(meta.status());
    ByteReader r(*meta);
    model_id = std::string(r.Str());
    const uint8_t fs = r.U8();
    if (!r.ok()) return fail(absl::DataLossError("meta: truncated"));
    if (fs != kFeatureSetVersion) {
      return fail(absl::FailedPreconditionError(
          absl::StrCat("feature set version ", fs, ", this build computes ",
                       kFeatureSetVersion, "; retrain the model")));
    }
  }
  auto weights = file.Section("weights");
  if (!weights.ok()) return fail(weights.status());
  auto model = LinearModel::Parse(*weights);
  if (!model.ok()) return fail(model.status());
  auto gaz_bytes = file.Section("gazetteer");
  if (!gaz_bytes.ok()) return fail(gaz_bytes.status());
  auto gazetteer = Gazetteer::Parse(*gaz_bytes);
  if (!gazetteer.ok()) return fail(gazetteer.status());
  WordClusters clusters;
  if (file.HasSection("clusters")) {
    auto c = ParseClusters(*file.Section("clusters"));
    if (!c.ok()) return fail(c.status());
    clusters = *std::move(c);
  }
  auto tagger =
      std::make_unique<LinearTagger>(*std::move(model), *std::move(gazetteer),
                                     std::move(clusters), std::move(model_id));

  // Self-test: the model must reproduce what the trainer saw it find.
  auto st = file.Section("selftest");
  if (!st.ok()) return fail(st.status());
  ByteReader r(*st);
  const std::string_view text = r.Str();
  Segmentation seg;
  const uint64_t tokens = r.VarU();
  if (!r.ok() || tokens > r.remaining()) {
    return fail(absl::DataLossError("selftest: bad token count"));
  }
  for (uint64_t i = 0; i < tokens; ++i) {
    Token t;
    t.span.begin = static_cast<int32_t>(r.VarU());
    t.span.end = static_cast<int32_t>(r.VarU());
    if (t.span.begin < 0 || t.span.end < t.span.begin ||
        static_cast<size_t>(t.span.end) > text.size()) {
      return fail(absl::DataLossError("selftest: bad token span"));
    }
    seg.tokens.push_back(t);
  }
  const uint64_t sentences = r.VarU();
  if (!r.ok() || sentences > r.remaining()) {
    return fail(absl::DataLossError("selftest: bad sentence count"));
  }
  int64_t next = 0;
  for (uint64_t i = 0; i < sentences; ++i) {
    SentenceInfo s;
    s.first_token = static_cast<int32_t>(r.VarU());
    s.token_count = static_cast<int32_t>(r.VarU());
    if (s.first_token != next || s.token_count < 0 ||
        next + s.token_count > static_cast<int64_t>(seg.tokens.size())) {
      return fail(absl::DataLossError("selftest: bad sentence"));
    }
    next += s.token_count;
    seg.sentences.push_back(s);
  }
  if (next != static_cast<int64_t>(seg.tokens.size())) {
    return fail(absl::DataLossError("selftest: tokens outside sentences"));
  }
  std::vector<TaggedMention> expected;
  const uint64_t mentions = r.VarU();
  if (!r.ok() || mentions > r.remaining()) {
    return fail(absl::DataLossError("selftest: bad mention count"));
  }
  for (uint64_t i = 0; i < mentions; ++i) {
    TaggedMention m;
    m.span.begin = static_cast<int32_t>(r.VarU());
    m.span.end = static_cast<int32_t>(r.VarU());
    m.type = static_cast<EntityType>(r.U8());
    expected.push_back(m);
  }
  if (!r.ok() || !r.done()) {
    return fail(absl::DataLossError("selftest: truncated or trailing bytes"));
  }
  const std::vector<TaggedMention> got = tagger->Tag(text, seg);
  auto show = [&](const std::vector<TaggedMention>& v) {
    std::string s;
    for (const TaggedMention& m : v) {
      absl::StrAppend(&s, s.empty() ? "" : ", ", AsAbsl(m.span.Of(text)), "/",
                      static_cast<int>(m.type));
    }
    return s;
  };
  bool same = got.size() == expected.size();
  for (size_t i = 0; same && i < got.size(); ++i) {
    same = got[i].span == expected[i].span && got[i].type == expected[i].type;
  }
  if (!same) {
    return fail(absl::DataLossError(absl::StrCat(
        "self-test failed: expected [", show(expected), "], found [", show(got),
        "]; the file is damaged or was written by an incompatible build")));
  }
  return tagger;
}

}  // namespace ner
}  // namespace lede
