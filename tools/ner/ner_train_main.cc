// ner_train: trains the named-entity tagger (models/ner.bin) from CoNLL-style
// BIO data with an averaged structured perceptron.
//
// Training sees raw text the way the service does: each document's tokens
// are joined by spaces (one sentence per line), the project's segmenter
// tokenizes it, and gold labels move to the segmenter's tokens by character
// offsets. Deterministic for a given --seed.
//
//   ner_train --out models/ner.bin [--train ...] [--dev ...] [--epochs 12]

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/entities/gazetteer.h"
#include "engine/entities/ner_model.h"
#include "engine/entities/ner_tagger.h"
#include "engine/text/segmenter.h"
#include "engine/text/string_view.h"
#include "tools/ner/conll.h"
#include "tools/ner/gazetteer_lists.h"

ABSL_FLAG(std::string, train, "",
          "training data (default $LEDE_SHARED_DIR/data/conll2003/"
          "train.bio.tsv); comma-separated for several files");
ABSL_FLAG(std::string, dev, "",
          "data scored after each epoch, for information only (never "
          "trained on); empty for none");
ABSL_FLAG(std::string, gazetteers, "models/gazetteers",
          "directory with the gazetteer lists");
ABSL_FLAG(std::string, clusters, "",
          "word clusters: lines of word<TAB>bit path (optional)");
ABSL_FLAG(std::string, out, "models/ner.bin", "model file to write");
ABSL_FLAG(int, epochs, 12, "passes over the training data");
ABSL_FLAG(int, seed, 1, "shuffling seed");
ABSL_FLAG(int, row_bits, 20, "log2 of the weight-table rows");
ABSL_FLAG(std::string, scheme, "bilou", "bio or bilou");
ABSL_FLAG(std::string, id, "", "model id (default: describes the data)");

namespace lede {
namespace ner {
namespace {

absl::StatusOr<WordClusters> LoadClusters(const std::string& path) {
  WordClusters c;
  if (path.empty()) return c;
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() < 2 || f[1].empty() || f[1].size() > 30) continue;
    uint32_t bits = 1;
    for (char ch : f[1]) bits = (bits << 1) | (ch == '1');
    // Words are keyed like FeatureExtractor's lowercase hash.
    std::string lower = f[0];
    for (char& ch : lower) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
    }
    c[Hash64(lower)] = bits;
  }
  return c;
}

// One decoding run (a sentence, or a piece of a long one) with its features
// as weight-table rows and its gold labels.
struct Run {
  uint32_t token_begin = 0;  // into Corpus::feat_begin
  int32_t count = 0;
  std::vector<uint8_t> gold;
};

struct Corpus {
  std::vector<Run> runs;
  std::vector<std::pair<uint32_t, uint32_t>> docs;  // [first, last) runs
  std::vector<uint64_t> lower;                      // per token
  std::vector<uint8_t> history_flags;               // per token
  std::vector<uint64_t> feat_begin;  // per token, into rows; plus end
  std::vector<uint32_t> rows;
  int64_t entities = 0, misaligned = 0;
};

// Segments each document, aligns gold entities to tokens and extracts
// features.
Corpus Prepare(const std::vector<ConllDocument>& docs, const Segmenter& seg,
               const FeatureExtractor& fx, const LabelSet& labels,
               uint32_t row_bits) {
  Corpus c;
  const uint64_t mask = (uint64_t{1} << row_bits) - 1;
  SpanFeatures f;
  DocumentContext ctx;
  for (const ConllDocument& doc : docs) {
    const Segmentation s = seg.Segment(doc.text);
    // Entity index at every byte, -1 outside entities.
    std::vector<int32_t> at(doc.text.size(), -1);
    for (size_t e = 0; e < doc.entities.size(); ++e) {
      for (int32_t b = doc.entities[e].span.begin; b < doc.entities[e].span.end;
           ++b) {
        at[b] = static_cast<int32_t>(e);
      }
    }
    // Entities whose edges fall inside a token cannot be found exactly.
    std::vector<bool> starts(doc.text.size() + 1, false),
        ends(doc.text.size() + 1, false);
    for (const Token& t : s.tokens) {
      starts[t.span.begin] = true;
      ends[t.span.end] = true;
    }
    for (const GoldEntity& e : doc.entities) {
      ++c.entities;
      if (!starts[e.span.begin] || !ends[e.span.end]) ++c.misaligned;
    }
    fx.Prepare(doc.text, s, &ctx);
    const uint32_t first_run = static_cast<uint32_t>(c.runs.size());
    for (int32_t si = 0; si < static_cast<int32_t>(s.sentences.size()); ++si) {
      const SentenceInfo& sent = s.sentences[si];
      for (int32_t off = 0; off < sent.token_count; off += kMaxDecodeTokens) {
        const int32_t first = sent.first_token + off;
        const int32_t count =
            std::min(kMaxDecodeTokens, sent.token_count - off);
        fx.Extract(doc.text, s, ctx, si, first, count, &f);
        Run run;
        run.token_begin = static_cast<uint32_t>(c.feat_begin.size());
        run.count = count;
        for (int32_t t = 0; t < count; ++t) {
          c.lower.push_back(f.lower[t]);
          c.history_flags.push_back(f.history_flags[t]);
          c.feat_begin.push_back(c.rows.size());
          for (uint32_t k = f.begin[t]; k < f.begin[t + 1]; ++k) {
            c.rows.push_back(static_cast<uint32_t>(f.hashes[k] & mask));
          }
        }
        std::vector<LabelSet::Chunk> chunks;
        int32_t prev = -1;
        for (int32_t t = 0; t < count; ++t) {
          const int32_t e = at[s.tokens[first + t].span.begin];
          if (e >= 0 && e == prev) {
            chunks.back().last = t;
          } else if (e >= 0) {
            chunks.push_back({t, t, doc.entities[e].type});
          }
          prev = e;
        }
        run.gold = labels.Encode(count, chunks);
        c.runs.push_back(std::move(run));
      }
    }
    c.docs.push_back({first_run, static_cast<uint32_t>(c.runs.size())});
  }
  c.feat_begin.push_back(c.rows.size());
  return c;
}

// Averaged perceptron state: weights `w` and the running sums `u` of
// step-weighted updates, so the average is `w - u / step`.
struct Perceptron {
  int L;
  std::vector<float> w, u;    // rows * L
  std::vector<float> tw, tu;  // (L + 1) * L transitions
  std::vector<float> fw, fu;  // L final scores
  double step = 1;

  Perceptron(int labels, uint32_t row_bits)
      : L(labels),
        w((size_t{1} << row_bits) * labels),
        u(w.size()),
        tw((labels + 1) * labels),
        tu(tw.size()),
        fw(labels),
        fu(labels) {}

  // `extra[t]` holds more rows of token `t` (the prediction history).
  using Extra = std::vector<std::vector<uint32_t>>;

  void Emissions(const Corpus& c, const Run& r, const Extra& extra,
                 std::vector<float>* e) const {
    e->assign(static_cast<size_t>(r.count) * L, 0.0f);
    for (int32_t t = 0; t < r.count; ++t) {
      float* o = e->data() + static_cast<size_t>(t) * L;
      for (uint32_t row_index : extra[t]) {
        const float* row = w.data() + static_cast<size_t>(row_index) * L;
        for (int y = 0; y < L; ++y) o[y] += row[y];
      }
      for (uint64_t k = c.feat_begin[r.token_begin + t];
           k < c.feat_begin[r.token_begin + t + 1]; ++k) {
        const float* row = w.data() + static_cast<size_t>(c.rows[k]) * L;
        for (int y = 0; y < L; ++y) o[y] += row[y];
      }
    }
  }

  void Bump(std::vector<float>& weights, std::vector<float>& sums, size_t i,
            float d) {
    weights[i] += d;
    sums[i] += static_cast<float>(step * d);
  }

  // One training step on one run; returns whether it made a mistake.
  bool Train(const Corpus& c, const Run& r, const Extra& extra,
             const LabelSet& labels, std::vector<float>* e,
             std::vector<uint8_t>* pred) {
    Emissions(c, r, extra, e);
    Viterbi(labels, e->data(), r.count, tw.data(), fw.data(), pred);
    bool wrong = false;
    for (int32_t t = 0; t < r.count; ++t) {
      const int g = r.gold[t], p = (*pred)[t];
      const int gp = t == 0 ? -1 : r.gold[t - 1];
      const int pp = t == 0 ? -1 : (*pred)[t - 1];
      if (g != p) {
        wrong = true;
        for (uint32_t row_index : extra[t]) {
          const size_t row = static_cast<size_t>(row_index) * L;
          Bump(w, u, row + g, 1.0f);
          Bump(w, u, row + p, -1.0f);
        }
        for (uint64_t k = c.feat_begin[r.token_begin + t];
             k < c.feat_begin[r.token_begin + t + 1]; ++k) {
          const size_t row = static_cast<size_t>(c.rows[k]) * L;
          Bump(w, u, row + g, 1.0f);
          Bump(w, u, row + p, -1.0f);
        }
      }
      if (g != p || gp != pp) {
        Bump(tw, tu, static_cast<size_t>(gp + 1) * L + g, 1.0f);
        Bump(tw, tu, static_cast<size_t>(pp + 1) * L + p, -1.0f);
      }
    }
    if (r.count > 0) {
      const int g = r.gold[r.count - 1], p = (*pred)[r.count - 1];
      if (g != p) {
        Bump(fw, fu, g, 1.0f);
        Bump(fw, fu, p, -1.0f);
      }
    }
    step += 1;
    return wrong;
  }

  // The averaged weights, quantized.
  LinearModel Average(TagScheme scheme, uint32_t row_bits) const {
    LinearModel m;
    m.scheme = scheme;
    m.num_labels = L;
    m.row_bits = row_bits;
    const double inv = 1.0 / step;
    float max_abs = 1e-6f;
    std::vector<float> avg(w.size());
    for (size_t i = 0; i < w.size(); ++i) {
      avg[i] = static_cast<float>(w[i] - u[i] * inv);
      max_abs = std::max(max_abs, std::fabs(avg[i]));
    }
    m.scale = max_abs / 32767.0f;
    m.weights.resize(w.size());
    for (size_t i = 0; i < w.size(); ++i) {
      m.weights[i] = static_cast<int16_t>(std::lround(avg[i] / m.scale));
    }
    m.transitions.resize(tw.size());
    for (size_t i = 0; i < tw.size(); ++i) {
      m.transitions[i] = static_cast<float>(tw[i] - tu[i] * inv);
    }
    m.final_scores.resize(fw.size());
    for (size_t i = 0; i < fw.size(); ++i) {
      m.final_scores[i] = static_cast<float>(fw[i] - fu[i] * inv);
    }
    return m;
  }
};

EntityScore Score(const LinearTagger& tagger, const Segmenter& seg,
                  const std::vector<ConllDocument>& docs) {
  EntityScore score;
  for (const ConllDocument& doc : docs) {
    const Segmentation s = seg.Segment(doc.text);
    std::vector<GoldEntity> pred;
    for (const TaggedMention& m : tagger.Tag(doc.text, s)) {
      int type = 3;
      if (m.type == EntityType::kPerson) type = 0;
      if (m.type == EntityType::kOrganization) type = 1;
      if (m.type == EntityType::kLocation) type = 2;
      pred.push_back({m.span, type});
    }
    score.Add(doc.entities, pred);
  }
  return score;
}

// A text written for the load-time self-test.
constexpr char kSelfTest[] =
    "Maria Lindqvist, the chief executive of Nordhavn Shipping Ltd., said in "
    "Rotterdam on Tuesday that the company would open an office in Brazil.\n"
    "GENEVA 2026-03-01\n"
    "Talks between the European Union and the United Nations resumed after "
    "the World Cup, according to officials in Washington and New York.";

int Main() {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string scheme_name = absl::GetFlag(FLAGS_scheme);
  if (scheme_name != "bio" && scheme_name != "bilou") {
    std::fprintf(stderr, "--scheme must be bio or bilou\n");
    return 2;
  }
  const TagScheme scheme =
      scheme_name == "bio" ? TagScheme::kBio : TagScheme::kBilou;
  const LabelSet labels(scheme);
  const uint32_t row_bits =
      static_cast<uint32_t>(absl::GetFlag(FLAGS_row_bits));
  if (row_bits < 10 || row_bits > 24) {
    std::fprintf(stderr, "--row_bits must be in [10, 24]\n");
    return 2;
  }

  auto lists = LoadGazetteerLists(absl::GetFlag(FLAGS_gazetteers));
  if (!lists.ok()) {
    std::fprintf(stderr, "%s\n", lists.status().ToString().c_str());
    return 1;
  }
  // Train on the gazetteer exactly as the runtime loads it (table form).
  auto gazetteer = Gazetteer::Parse(lists->Serialize());
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "%s\n", gazetteer.status().ToString().c_str());
    return 1;
  }
  auto clusters = LoadClusters(absl::GetFlag(FLAGS_clusters));
  if (!clusters.ok()) {
    std::fprintf(stderr, "%s\n", clusters.status().ToString().c_str());
    return 1;
  }
  std::string train_paths = absl::GetFlag(FLAGS_train);
  if (train_paths.empty())
    train_paths = SharedDataPath("conll2003/train.bio.tsv");
  std::vector<ConllDocument> train;
  for (absl::string_view p : absl::StrSplit(train_paths, ',')) {
    auto docs = ReadConll(std::string(p));
    if (!docs.ok()) {
      std::fprintf(stderr, "%s\n", docs.status().ToString().c_str());
      return 1;
    }
    for (auto& d : *docs) train.push_back(std::move(d));
  }
  std::vector<ConllDocument> dev;
  if (!absl::GetFlag(FLAGS_dev).empty()) {
    auto docs = ReadConll(absl::GetFlag(FLAGS_dev));
    if (!docs.ok()) {
      std::fprintf(stderr, "%s\n", docs.status().ToString().c_str());
      return 1;
    }
    dev = *std::move(docs);
  }

  auto segmenter = Segmenter::Create(SegmenterSpec{});
  if (!segmenter.ok()) return 1;
  const FeatureExtractor fx(&*gazetteer, &*clusters);
  const Corpus corpus = Prepare(train, **segmenter, fx, labels, row_bits);
  std::fprintf(stderr,
               "train: %zu documents, %zu runs, %zu tokens, %zu feature "
               "occurrences; %lld of %lld entities not on token boundaries\n",
               train.size(), corpus.runs.size(), corpus.feat_begin.size() - 1,
               corpus.rows.size(), static_cast<long long>(corpus.misaligned),
               static_cast<long long>(corpus.entities));

  Perceptron pc(labels.size(), row_bits);
  std::vector<uint32_t> order(corpus.docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::mt19937_64 rng(static_cast<uint64_t>(absl::GetFlag(FLAGS_seed)));
  std::vector<float> e;
  std::vector<uint8_t> pred;
  const int epochs = absl::GetFlag(FLAGS_epochs);
  std::string id = absl::GetFlag(FLAGS_id);
  if (id.empty()) {
    id = absl::StrCat("ner v", kNerModelVersion, " (averaged perceptron, ",
                      scheme_name, ", 2^", row_bits, " rows, ", epochs,
                      " epochs, conll2003 train)");
  }
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    // Fisher-Yates with our own draws, so the order is the same everywhere.
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[rng() % i]);
    }
    int64_t wrong = 0;
    const uint64_t mask = (uint64_t{1} << row_bits) - 1;
    PredictionHistory history;
    Perceptron::Extra extra;
    std::vector<uint64_t> hashes;
    for (uint32_t d : order) {
      // Documents in random order, each read front to back with the
      // prediction history the tagger keeps at run time.
      history.Clear();
      for (uint32_t i = corpus.docs[d].first; i < corpus.docs[d].second; ++i) {
        const Run& run = corpus.runs[i];
        extra.resize(run.count);
        for (int32_t t = 0; t < run.count; ++t) {
          hashes.clear();
          history.AddFeatures(corpus.lower[run.token_begin + t],
                              corpus.history_flags[run.token_begin + t],
                              &hashes);
          extra[t].clear();
          for (uint64_t h : hashes) {
            extra[t].push_back(static_cast<uint32_t>(h & mask));
          }
        }
        wrong += pc.Train(corpus, run, extra, labels, &e, &pred);
        for (int32_t t = 0; t < run.count; ++t) {
          history.Record(corpus.lower[run.token_begin + t],
                         corpus.history_flags[run.token_begin + t],
                         labels.TypeOf(pred[t]));
        }
      }
    }
    std::fprintf(stderr, "epoch %d: %lld of %zu runs wrong", epoch,
                 static_cast<long long>(wrong), corpus.runs.size());
    if (!dev.empty() && (epoch % 3 == 0 || epoch == epochs)) {
      LinearTagger t(pc.Average(scheme, row_bits), *gazetteer, *clusters, id);
      const EntityScore s = Score(t, **segmenter, dev);
      std::fprintf(stderr,
                   "; dev F1 %.4f (PER %.4f ORG %.4f LOC %.4f MISC %.4f)",
                   s.F1(-1), s.F1(0), s.F1(1), s.F1(2), s.F1(3));
    }
    std::fprintf(stderr, "\n");
  }

  LinearTagger tagger(pc.Average(scheme, row_bits), *std::move(gazetteer),
                      *std::move(clusters), id);
  ModelWriter w(std::string(kNerModelKind), kNerModelVersion);
  const Segmentation st = (*segmenter)->Segment(kSelfTest);
  tagger.AddSections(kSelfTest, st, &w);
  if (absl::Status s = w.WriteToFile(absl::GetFlag(FLAGS_out)); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  std::fprintf(stderr, "wrote %s (%s) in %.1f s\n",
               absl::GetFlag(FLAGS_out).c_str(), id.c_str(), secs);
  return 0;
}

}  // namespace
}  // namespace ner
}  // namespace lede

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::ner::Main();
}
