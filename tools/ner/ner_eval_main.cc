// ner_eval: scores named entities on CoNLL-style data through the real
// engine.
//
// Each document's raw text is rebuilt from its tokens (joined by spaces, one
// sentence per line), segmented by the project's segmenter and run through
// lede::EntityRecognizer (tagger plus resolver); its PROPER mentions are
// mapped to CoNLL types (PERSON→PER, ORGANIZATION→ORG, LOCATION→LOC,
// NATIONALITY/EVENT/WORK_OF_ART/PRODUCT/OTHER→MISC; MONEY and PERCENT are
// ignored) and scored by exact character span and type (conlleval
// semantics). --tagger_only scores the tagger's own output instead.
//
//   ner_eval [--data dev.bio.tsv] [--model_dir models] [--tagger_only]
//            [--errors] [--compare] [--min_f1 0.0] [--min_type_f1 0.0]
//
// --compare (whole stage) also runs the tagger alone and lists the gold
// entities the post-tagger steps lose or gain and the false ones they add or
// remove: the error analysis of the resolver.
//
// Exits 1 when overall F1 is below --min_f1 or any type's F1 below
// --min_type_f1 (for the eval test).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "engine/entities/entity_recognizer.h"
#include "engine/entities/ner_model.h"
#include "engine/entities/tagger.h"
#include "engine/pipeline.h"
#include "engine/text/segmenter.h"
#include "tools/ner/conll.h"

ABSL_FLAG(std::string, data, "",
          "CoNLL-style BIO file (default $LEDE_SHARED_DIR/data/conll2003/"
          "dev.bio.tsv)");
ABSL_FLAG(std::string, model_dir, "", "model directory (default: lede's)");
ABSL_FLAG(bool, tagger_only, false,
          "score the tagger's mentions, without the resolver");
ABSL_FLAG(int, sentences_per_doc, 0,
          "for files without -DOCSTART-: sentences per document (0: one "
          "document)");
ABSL_FLAG(bool, errors, false, "print every missed and spurious entity");
ABSL_FLAG(bool, compare, false,
          "whole stage only: also run the tagger alone and print where the "
          "resolver's output differs from it in correctness (error analysis "
          "of the post-tagger steps)");
ABSL_FLAG(double, min_f1, 0.0, "fail below this overall F1");
ABSL_FLAG(double, min_type_f1, 0.0, "fail when any type's F1 is below this");

namespace lede {
namespace ner {
namespace {

int ConllType(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return 0;
    case EntityType::kOrganization:
      return 1;
    case EntityType::kLocation:
      return 2;
    case EntityType::kNationality:
    case EntityType::kEvent:
    case EntityType::kWorkOfArt:
    case EntityType::kProduct:
    case EntityType::kOther:
      return 3;
    default:
      return -1;
  }
}

std::string Describe(const std::string& text, const GoldEntity& e) {
  std::string s = text.substr(e.span.begin, e.span.end - e.span.begin);
  const int32_t b = std::max(0, e.span.begin - 30);
  std::string ctx =
      text.substr(b, std::min<size_t>(text.size(), e.span.end + 30) - b);
  for (char& c : ctx) {
    if (c == '\n') c = '|';
  }
  return std::string(kTypeNames[e.type]) + " [" + s + "]  ..." + ctx + "...";
}

bool Contains(const std::vector<GoldEntity>& v, const GoldEntity& e) {
  for (const GoldEntity& x : v) {
    if (x.span == e.span && x.type == e.type) return true;
  }
  return false;
}

// Prints what the whole stage (`stage`) gets right or wrong that the tagger
// alone (`tagger`) did not: LOST a gold entity the tagger found and the stage
// misses, GAINED the reverse, SPURIOUS+ a false entity only the stage gives,
// SPURIOUS- a false entity of the tagger the stage removed. Adds to `counts`
// (same order).
void PrintComparison(const ConllDocument& doc,
                     const std::vector<GoldEntity>& tagger,
                     const std::vector<GoldEntity>& stage, int counts[4]) {
  for (const GoldEntity& g : doc.entities) {
    const bool t = Contains(tagger, g), r = Contains(stage, g);
    if (t && !r) {
      ++counts[0];
      std::printf("LOST %s\n", Describe(doc.text, g).c_str());
    } else if (r && !t) {
      ++counts[1];
      std::printf("GAINED %s\n", Describe(doc.text, g).c_str());
    }
  }
  for (const GoldEntity& p : stage) {
    if (!Contains(doc.entities, p) && !Contains(tagger, p)) {
      ++counts[2];
      std::printf("SPURIOUS+ %s\n", Describe(doc.text, p).c_str());
    }
  }
  for (const GoldEntity& p : tagger) {
    if (!Contains(doc.entities, p) && !Contains(stage, p)) {
      ++counts[3];
      std::printf("SPURIOUS- %s\n", Describe(doc.text, p).c_str());
    }
  }
}

void PrintErrors(const ConllDocument& doc,
                 const std::vector<GoldEntity>& pred) {
  auto same = [](const GoldEntity& a, const GoldEntity& b) {
    return a.span == b.span && a.type == b.type;
  };
  for (const GoldEntity& g : doc.entities) {
    bool found = false;
    for (const GoldEntity& p : pred) found = found || same(g, p);
    if (!found) std::printf("MISS %s\n", Describe(doc.text, g).c_str());
  }
  for (const GoldEntity& p : pred) {
    bool found = false;
    for (const GoldEntity& g : doc.entities) found = found || same(g, p);
    if (!found) std::printf("FALSE %s\n", Describe(doc.text, p).c_str());
  }
}

int Main() {
  std::string data = absl::GetFlag(FLAGS_data);
  if (data.empty()) data = SharedDataPath("conll2003/dev.bio.tsv");
  auto docs = ReadConll(data, absl::GetFlag(FLAGS_sentences_per_doc));
  if (!docs.ok()) {
    std::fprintf(stderr, "%s\n", docs.status().ToString().c_str());
    return 2;
  }
  std::string dir = absl::GetFlag(FLAGS_model_dir);
  if (dir.empty()) dir = DefaultModelDir();
  auto segmenter = Segmenter::Create(SegmenterSpec{});
  if (!segmenter.ok()) return 2;

  const bool tagger_only = absl::GetFlag(FLAGS_tagger_only);
  std::unique_ptr<Tagger> tagger;
  std::unique_ptr<EntityRecognizer> recognizer;
  const auto l0 = std::chrono::steady_clock::now();
  const std::clock_t lc0 = std::clock();
  if (tagger_only) {
    auto t = Tagger::Load(dir + "/ner.bin");
    if (!t.ok()) {
      std::fprintf(stderr, "%s\n", t.status().ToString().c_str());
      return 2;
    }
    tagger = *std::move(t);
  } else {
    auto r = EntityRecognizer::Create(EntitySpec{dir});
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      return 2;
    }
    recognizer = *std::move(r);
    if (absl::GetFlag(FLAGS_compare)) {
      auto t = Tagger::Load(dir + "/ner.bin");
      if (!t.ok()) {
        std::fprintf(stderr, "%s\n", t.status().ToString().c_str());
        return 2;
      }
      tagger = *std::move(t);
    }
  }
  const double load_ms = std::chrono::duration<double, std::milli>(
                             std::chrono::steady_clock::now() - l0)
                             .count();
  const double load_cpu_ms = 1000.0 * (std::clock() - lc0) / CLOCKS_PER_SEC;

  EntityScore score;
  int compare_counts[4] = {0, 0, 0, 0};
  const std::clock_t c0 = std::clock();
  int64_t tokens = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (const ConllDocument& doc : *docs) {
    const Segmentation seg = (*segmenter)->Segment(doc.text);
    tokens += static_cast<int64_t>(seg.tokens.size());
    std::vector<GoldEntity> pred;
    if (tagger_only) {
      for (const TaggedMention& m : tagger->Tag(doc.text, seg)) {
        const int type = ConllType(m.type);
        if (type >= 0) pred.push_back({m.span, type});
      }
    } else {
      for (const Entity& e : recognizer->Recognize(doc.text, seg)) {
        const int type = ConllType(e.type);
        if (type < 0) continue;
        for (const EntityMention& m : e.mentions) {
          if (m.type == MentionType::kProper) pred.push_back({m.span, type});
        }
      }
    }
    score.Add(doc.entities, pred);
    if (absl::GetFlag(FLAGS_errors)) PrintErrors(doc, pred);
    if (!tagger_only && tagger != nullptr) {
      std::vector<GoldEntity> alone;
      for (const TaggedMention& m : tagger->Tag(doc.text, seg)) {
        const int type = ConllType(m.type);
        if (type >= 0) alone.push_back({m.span, type});
      }
      PrintComparison(doc, alone, pred, compare_counts);
    }
  }
  if (!tagger_only && tagger != nullptr) {
    std::printf(
        "compared with the tagger alone: %d lost, %d gained, %d spurious "
        "added, %d spurious removed\n",
        compare_counts[0], compare_counts[1], compare_counts[2],
        compare_counts[3]);
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  const double cpu_secs =
      static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  // CPU time too: on a shared machine wall time includes waiting for a core.
  std::printf(
      "%s: %zu documents, %lld tokens; %s; load %.0f ms (%.0f ms CPU), %.0f "
      "tokens/s (%.0f tokens/s CPU; segmenter + %s)\n",
      data.c_str(), docs->size(), static_cast<long long>(tokens),
      tagger_only ? "tagger only" : "EntityRecognizer", load_ms, load_cpu_ms,
      tokens / secs, tokens / cpu_secs, tagger_only ? "tagger" : "recognizer");
  std::printf("%s", score.Table().c_str());

  bool pass = score.F1(-1) >= absl::GetFlag(FLAGS_min_f1);
  for (int t = 0; t < kNumTypes; ++t) {
    if (score.gold[t] > 0 && score.F1(t) < absl::GetFlag(FLAGS_min_type_f1)) {
      pass = false;
    }
  }
  if (!pass) {
    std::printf("FAIL: below the floor (overall %.4f, types %.4f)\n",
                absl::GetFlag(FLAGS_min_f1), absl::GetFlag(FLAGS_min_type_f1));
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace ner
}  // namespace lede

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::ner::Main();
}
