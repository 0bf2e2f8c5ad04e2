#include "engine/entities/tagger.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/entities/features.h"
#include "engine/entities/gazetteer.h"
#include "engine/entities/ner_model.h"
#include "engine/entities/ner_tagger.h"
#include "engine/model/model_file.h"
#include "engine/text/segmenter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace ner {
namespace {

using ::testing::HasSubstr;

// A segmentation with one sentence per line and tokens at spaces.
Segmentation SpaceSegment(std::string_view text) {
  Segmentation seg;
  int32_t line_start = 0;
  for (int32_t i = 0; i <= static_cast<int32_t>(text.size()); ++i) {
    if (i < static_cast<int32_t>(text.size()) && text[i] != '\n') continue;
    SentenceInfo s;
    s.first_token = static_cast<int32_t>(seg.tokens.size());
    int32_t b = line_start;
    for (int32_t j = line_start; j <= i; ++j) {
      if (j == i || text[j] == ' ') {
        if (j > b) seg.tokens.push_back(Token{{b, j}});
        b = j + 1;
      }
    }
    s.token_count = static_cast<int32_t>(seg.tokens.size()) - s.first_token;
    if (s.token_count > 0) seg.sentences.push_back(s);
    line_start = i + 1;
  }
  return seg;
}

TEST(WordShapeTest, MapsCharacterClasses) {
  struct Case {
    const char* word;
    const char* full;
    const char* collapsed;
  } cases[] = {
      {"Smith", "Xxxxx", "Xx"},
      {"NATO", "XXXX", "X"},
      {"1996-08-22", "dddd-dd-dd", "d-d-d"},
      {"U.S.", "X.X.", "X.X."},
      {"McDonald's", "XxXxxxxx'x", "XxXx'x"},
      {"Zürich", "Xuxxxx", "Xux"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(WordShape(c.word, false), c.full) << c.word;
    EXPECT_EQ(WordShape(c.word, true), c.collapsed) << c.word;
  }
}

TEST(WordShapeTest, BoundsLongWords) {
  EXPECT_LE(WordShape(std::string(1 << 20, 'a'), false).size(), 12u);
  EXPECT_EQ(WordShape(std::string(1 << 20, 'a'), true), "x");
}

TEST(WordShapeTest, HashIsHashOfShape) {
  for (const char* w :
       {"Smith", "NATO", "1996-08-22", "U.S.", "McDonald's", "Zürich", "",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Xx-Yy-Zz-Ww-Vv-Uu-Tt"}) {
    uint64_t shape = 0, short_shape = 0;
    WordShapeHashes(w, &shape, &short_shape);
    EXPECT_EQ(shape, Hash64(WordShape(w, false))) << w;
    EXPECT_EQ(short_shape, Hash64(WordShape(w, true))) << w;
  }
}

TEST(GazetteerTest, KeysIgnoreCaseSpacesAndTokenBoundaries) {
  EXPECT_EQ(GazetteerKey("Guinea-Bissau"), GazetteerKey("guinea - bissau"));
  EXPECT_EQ(GazetteerKey("New York"), GazetteerKey("NEWYORK"));
  EXPECT_EQ(AppendGazetteerKey(GazetteerKey("New"), "York"),
            GazetteerKey("New York"));
  EXPECT_NE(GazetteerKey("York"), GazetteerKey("New York"));
}

TEST(GazetteerTest, SerializedTableAnswersLikeTheBuilder) {
  Gazetteer g;
  g.Add(0, "country", "New York");
  g.Add(1, "city", "Paris");
  g.Add(1, "city", "New York");
  for (int i = 0; i < 1000; ++i) g.Add(2, "filler", "word" + std::to_string(i));
  auto parsed = Gazetteer::Parse(g.Serialize());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  for (const char* s : {"New York", "paris", "word17", "word999", "absent"}) {
    EXPECT_EQ(parsed->Lookup(GazetteerKey(s)), g.Lookup(GazetteerKey(s))) << s;
  }
  EXPECT_EQ(parsed->Lookup(GazetteerKey("new york")), 3u);
  EXPECT_EQ(parsed->Serialize(), g.Serialize());
}

TEST(ReadLittleEndianArrayTest, ReadsUnalignedValues) {
  // One byte of padding puts the values off their natural alignment.
  const std::string bytes("\x00\x01\x02\xff\xff\x34\x12\x99", 8);
  EXPECT_THAT(ReadLittleEndianArray<int16_t>(std::string_view(bytes).substr(1)),
              ::testing::ElementsAre(0x0201, -1, 0x1234));
  EXPECT_THAT(
      ReadLittleEndianArray<uint32_t>(std::string_view(bytes).substr(1)),
      ::testing::ElementsAre(0xffff0201u));
  EXPECT_TRUE(ReadLittleEndianArray<uint64_t>("short").empty());
}

TEST(GazetteerTest, RejectsTruncatedBytes) {
  Gazetteer g;
  g.Add(0, "city", "Paris");
  const std::string bytes = g.Serialize();
  // Without its last byte the form is an older one (no flags), still valid;
  // one byte less is cut inside the table.
  EXPECT_TRUE(Gazetteer::Parse(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(Gazetteer::Parse(bytes.substr(0, bytes.size() - 2)).ok());
  // Unknown flags are refused rather than misread.
  std::string flags = bytes;
  flags.back() = '\x02';
  EXPECT_FALSE(Gazetteer::Parse(flags).ok());
}

TEST(GazetteerTest, MatchMarksLongestPhrase) {
  Gazetteer g;
  g.Add(0, "city", "New York");
  g.Add(0, "city", "York");
  const std::string text = "in New York City";
  const Segmentation seg = SpaceSegment(text);
  std::vector<uint8_t> out;
  g.Match(text, seg.tokens, 0, 4, &out);
  EXPECT_THAT(out,
              ::testing::ElementsAre(Gazetteer::kNone, Gazetteer::kBegin,
                                     Gazetteer::kInside, Gazetteer::kNone));
}

// The same table read as an older form (no flags field, so no prefix
// marks): matched without stopping early.
Gazetteer WithoutMarks(const Gazetteer& g) {
  std::string bytes = g.Serialize();
  bytes.pop_back();  // the flags field, one byte
  auto parsed = Gazetteer::Parse(bytes);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_FALSE(parsed->has_prefix_marks());
  return *std::move(parsed);
}

TEST(GazetteerTest, PrefixMarksStopEarlyButMatchTheSamePhrases) {
  Gazetteer g;
  int list = 0;
  for (const char* phrase :
       {"New York", "New York City", "Guinea-Bissau", "AT&T", "St. Louis",
        "don't stop", "Côte d'Ivoire", "U.S. Steel", "York"}) {
    g.Add(list++ % 3, "list", phrase);
  }
  ASSERT_TRUE(g.has_prefix_marks());
  auto parsed = Gazetteer::Parse(g.Serialize());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_TRUE(parsed->has_prefix_marks());
  const Gazetteer plain = WithoutMarks(g);
  auto segmenter = Segmenter::Create(SegmenterSpec{});
  ASSERT_TRUE(segmenter.ok());
  for (const char* text :
       {"He flew from New York City to Guinea-Bissau and Guinea - Bissau .",
        "AT&T and AT & T met U.S. Steel in St. Louis and St . Louis .",
        "They said don't stop in Côte d'Ivoire , new york ."}) {
    const Segmentation seg = (*segmenter)->Segment(text);
    const auto n = static_cast<int32_t>(seg.tokens.size());
    std::vector<uint8_t> marked, unmarked;
    parsed->Match(text, seg.tokens, 0, n, &marked);
    plain.Match(text, seg.tokens, 0, n, &unmarked);
    EXPECT_EQ(marked, unmarked) << text;
    EXPECT_NE(std::count(marked.begin(), marked.end(), Gazetteer::kBegin), 0)
        << text;
  }
  // Prefixes are marked, whole phrases and non-prefixes are not.
  EXPECT_TRUE(parsed->MayExtend(GazetteerKey("New")));
  EXPECT_TRUE(parsed->MayExtend(GazetteerKey("New York")));
  EXPECT_TRUE(parsed->MayExtend(GazetteerKey("Guinea")));
  EXPECT_TRUE(parsed->MayExtend(GazetteerKey("do")));  // do n't
  EXPECT_FALSE(parsed->MayExtend(GazetteerKey("New York City")));
  EXPECT_FALSE(parsed->MayExtend(GazetteerKey("Ne")));
  EXPECT_FALSE(parsed->MayExtend(GazetteerKey("Paris")));
  EXPECT_TRUE(plain.MayExtend(GazetteerKey("Paris")));
  // Marks are not phrases.
  EXPECT_EQ(parsed->Lookup(GazetteerKey("New")), 0u);
  EXPECT_EQ(parsed->Entries(), plain.Entries());
}

TEST(GazetteerTest, PrefixMarksDoNotJoinWordsTheListWritesAsOne) {
  Gazetteer g;
  g.Add(0, "common_word", "takeover");
  const std::string text = "a takeover and a take over";
  const Segmentation seg = SpaceSegment(text);
  std::vector<uint8_t> marked, unmarked;
  g.Match(text, seg.tokens, 0, 6, &marked);
  WithoutMarks(g).Match(text, seg.tokens, 0, 6, &unmarked);
  EXPECT_THAT(marked,
              ::testing::ElementsAre(Gazetteer::kNone, Gazetteer::kUnit,
                                     Gazetteer::kNone, Gazetteer::kNone,
                                     Gazetteer::kNone, Gazetteer::kNone));
  // The older form joined "take" "over" into "takeover".
  EXPECT_EQ(unmarked[4], Gazetteer::kBegin);
  EXPECT_EQ(unmarked[5], Gazetteer::kInside);
}

TEST(FeatureExtractorTest, GivesEveryTokenFeaturesAndIsDeterministic) {
  Gazetteer g;
  g.Add(0, "city", "Paris");
  WordClusters clusters;
  const FeatureExtractor fx(&g, &clusters);
  const std::string text = "PARIS 1996-08-22\nMr. Smith flew to Paris .";
  const Segmentation seg = SpaceSegment(text);
  DocumentContext ctx;
  fx.Prepare(text, seg, &ctx);
  ASSERT_EQ(ctx.line_kind.size(), 2u);
  EXPECT_EQ(ctx.line_kind[0], 1);  // all caps
  EXPECT_EQ(ctx.line_kind[1], 0);
  SpanFeatures a, b;
  fx.Extract(text, seg, ctx, 1, 2, 6, &a);
  fx.Extract(text, seg, ctx, 1, 2, 6, &b);
  ASSERT_EQ(a.begin.size(), 7u);
  for (int t = 0; t < 6; ++t) EXPECT_GT(a.count(t), 20) << t;
  EXPECT_EQ(a.hashes, b.hashes);
  // "Paris" (token 6) and "PARIS" (token 0) share the lowercase form.
  SpanFeatures head;
  fx.Extract(text, seg, ctx, 0, 0, 1, &head);
  EXPECT_EQ(head.lower[0], a.lower[4]);
  EXPECT_NE(head.hashes, std::vector<uint64_t>(a.of(4), a.of(4) + a.count(4)));
}

TEST(FeatureExtractorTest, ReusedBuffersGiveTheSameFeatures) {
  Gazetteer g;
  g.Add(0, "city", "Paris");
  g.Add(1, "name", "John Smith");
  WordClusters clusters = {{Hash64("paris"), 0b10110}};
  const FeatureExtractor fx(&g, &clusters);
  const std::string text =
      "PARIS 1996-08-22\nMr. John Smith flew to Paris on Tuesday .\nHe left";
  const Segmentation seg = SpaceSegment(text);
  DocumentContext ctx;
  fx.Prepare(text, seg, &ctx);
  ASSERT_EQ(ctx.lower.size(), seg.tokens.size());
  SpanFeatures fresh, reused;
  fx.Extract(text, seg, ctx, 0, 0, 2, &reused);
  fx.Extract(text, seg, ctx, 2, 11, 2, &reused);
  fx.Extract(text, seg, ctx, 1, 2, 9, &reused);
  fx.Extract(text, seg, ctx, 1, 2, 9, &fresh);
  EXPECT_EQ(reused.begin, fresh.begin);
  EXPECT_EQ(reused.hashes, fresh.hashes);
  EXPECT_EQ(reused.lower, fresh.lower);
  EXPECT_EQ(reused.history_flags, fresh.history_flags);
  // A context prepared for another document is not used for this one.
  DocumentContext other;
  const std::string short_text = "Paris";
  fx.Prepare(short_text, SpaceSegment(short_text), &other);
  SpanFeatures unprepared;
  other.line_kind = ctx.line_kind;
  other.forms = ctx.forms;
  fx.Extract(text, seg, other, 1, 2, 9, &unprepared);
  EXPECT_EQ(unprepared.hashes, fresh.hashes);
}

TEST(LabelSetTest, EncodesAndDecodesChunks) {
  for (TagScheme scheme : {TagScheme::kBio, TagScheme::kBilou}) {
    const LabelSet labels(scheme);
    const std::vector<LabelSet::Chunk> chunks = {
        {0, 1, 0}, {2, 2, 2}, {4, 6, 3}};
    const std::vector<uint8_t> y = labels.Encode(7, chunks);
    const auto back = labels.Decode(y.data(), 7);
    ASSERT_EQ(back.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(back[i].first, chunks[i].first);
      EXPECT_EQ(back[i].last, chunks[i].last);
      EXPECT_EQ(back[i].type, chunks[i].type);
    }
    for (int t = 1; t < 7; ++t) EXPECT_TRUE(labels.Allowed(y[t - 1], y[t]));
  }
  const LabelSet bio(TagScheme::kBio);
  EXPECT_EQ(bio.Name(bio.Label(2, 0)), "B-LOC");
  EXPECT_FALSE(bio.Allowed(-1, bio.Label(0, 1)));               // I at start
  EXPECT_FALSE(bio.Allowed(bio.Label(1, 0), bio.Label(0, 1)));  // B-ORG I-PER
}

TEST(ViterbiTest, FindsBestAllowedPathOnHandMadeScores) {
  const LabelSet labels(TagScheme::kBio);
  const int L = labels.size();
  const int b_per = labels.Label(0, 0), i_per = labels.Label(0, 1);
  // Three tokens. Token 1 alone prefers I-PER, which may not follow O, so the
  // best allowed path is B-PER I-PER O.
  std::vector<float> e(3 * L, 0.0f);
  e[0 * L + b_per] = 2.0f;
  e[1 * L + i_per] = 3.0f;
  e[2 * L + 0] = 1.0f;
  std::vector<float> trans((L + 1) * L, 0.0f), fin(L, 0.0f);
  std::vector<uint8_t> path;
  Viterbi(labels, e.data(), 3, trans.data(), fin.data(), &path);
  EXPECT_THAT(path, ::testing::ElementsAre(b_per, i_per, 0));
  // When token 0 is clearly O, I-PER cannot follow it.
  e[0 * L + b_per] = 0.0f;
  e[0 * L + 0] = 5.0f;
  Viterbi(labels, e.data(), 3, trans.data(), fin.data(), &path);
  EXPECT_NE(path[1], i_per);
}

// The plain Viterbi recursion with explicit constraint checks, to compare
// the table-driven decoder with.
std::vector<uint8_t> ReferenceViterbi(const LabelSet& labels, const float* e,
                                      int32_t count, const float* trans,
                                      const float* fin) {
  const int L = labels.size();
  const float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<float> score(L), next(L);
  std::vector<int> back(static_cast<size_t>(count) * L, 0);
  for (int y = 0; y < L; ++y) {
    score[y] = labels.Allowed(-1, y) ? trans[y] + e[y] : kNeg;
  }
  for (int32_t t = 1; t < count; ++t) {
    for (int y = 0; y < L; ++y) {
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        if (score[p] == kNeg || !labels.Allowed(p, y)) continue;
        const float v = score[p] + trans[(p + 1) * L + y];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      next[y] = best == kNeg ? kNeg : best + e[t * L + y];
      back[t * L + y] = arg;
    }
    score = next;
  }
  float best = kNeg;
  int arg = 0;
  for (int y = 0; y < L; ++y) {
    if (!labels.CanEnd(y) || score[y] == kNeg) continue;
    if (score[y] + fin[y] > best) {
      best = score[y] + fin[y];
      arg = y;
    }
  }
  std::vector<uint8_t> out(count);
  for (int32_t t = count - 1; t >= 0; --t) {
    out[t] = static_cast<uint8_t>(arg);
    if (t > 0) arg = back[t * L + arg];
  }
  return out;
}

TEST(ViterbiTest, TableDecoderMatchesReferenceIncludingTies) {
  std::mt19937 rng(7);
  for (TagScheme scheme : {TagScheme::kBio, TagScheme::kBilou}) {
    const LabelSet labels(scheme);
    const int L = labels.size();
    for (int round = 0; round < 300; ++round) {
      // Small integer scores make ties common; ties must break the same way.
      const bool coarse = round % 2 == 0;
      auto draw = [&]() {
        return coarse ? static_cast<float>(static_cast<int>(rng() % 5) - 2)
                      : std::uniform_real_distribution<float>(-3, 3)(rng);
      };
      const int32_t count = 1 + static_cast<int32_t>(rng() % 24);
      std::vector<float> e(static_cast<size_t>(count) * L), trans((L + 1) * L),
          fin(L);
      for (float& v : e) v = draw();
      for (float& v : trans) v = draw();
      for (float& v : fin) v = draw();
      const TransitionTable table =
          TransitionTable::Build(labels, trans.data(), fin.data());
      std::vector<uint8_t> back, path;
      Viterbi(table, e.data(), count, &back, &path);
      EXPECT_EQ(path, ReferenceViterbi(labels, e.data(), count, trans.data(),
                                       fin.data()))
          << "scheme " << static_cast<int>(scheme) << " round " << round;
    }
  }
}

// A tiny model whose every feature row adds `b` to B-PER and `i` to I-PER.
LinearModel PersonEverywhereModel(float b, float i) {
  LinearModel m;
  m.scheme = TagScheme::kBio;
  m.num_labels = LabelSet(m.scheme).size();
  m.row_bits = 8;
  m.scale = 1.0f / 256;
  m.weights.assign((size_t{1} << m.row_bits) * m.num_labels, 0);
  for (size_t r = 0; r < (size_t{1} << m.row_bits); ++r) {
    m.weights[r * m.num_labels + 1] = static_cast<int16_t>(b * 256);
    m.weights[r * m.num_labels + 2] = static_cast<int16_t>(i * 256);
  }
  m.transitions.assign((m.num_labels + 1) * m.num_labels, 0.0f);
  m.final_scores.assign(m.num_labels, 0.0f);
  return m;
}

TEST(LinearTaggerTest, TagsWholeSentencesWithHandMadeModel) {
  LinearTagger tagger(PersonEverywhereModel(1, 2), Gazetteer(), {}, "tiny");
  const std::string text = "a b c\nd";
  const auto m = tagger.Tag(text, SpaceSegment(text));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].span, (ByteSpan{0, 5}));
  EXPECT_EQ(m[0].type, EntityType::kPerson);
  EXPECT_EQ(m[1].span, (ByteSpan{6, 7}));
  EXPECT_GT(m[0].confidence, 0.5f);
  EXPECT_LE(m[0].confidence, 1.0f);
  // "d" alone scores I-PER above B-PER, but I-PER cannot start a name: the
  // confidence compares PER with the other types and O, not B with I.
  EXPECT_GT(m[1].confidence, 0.5f);
}

TEST(LinearTaggerTest, SplitsHugeSentencesIntoBoundedRuns) {
  LinearTagger tagger(PersonEverywhereModel(1, 2), Gazetteer(), {}, "tiny");
  std::string text;
  for (int i = 0; i < 3 * kMaxDecodeTokens; ++i) text += ". ";
  const auto m = tagger.Tag(text, SpaceSegment(text));
  EXPECT_EQ(m.size(), 3u);
}

class TaggerFileTest : public ::testing::Test {
 protected:
  std::string Path(const char* name) {
    return ::testing::TempDir() + "/tagger_test_" + name;
  }
  std::string Write(const char* name, const std::string& bytes) {
    const std::string p = Path(name);
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::string Good(const LinearTagger& t) {
    ModelWriter w(std::string(kNerModelKind), kNerModelVersion);
    const std::string text = "Alice met Bob in Paris .";
    t.AddSections(text, SpaceSegment(text), &w);
    return w.Serialize();
  }
};

TEST_F(TaggerFileTest, LoadsWhatTheTrainerWrites) {
  LinearTagger t(PersonEverywhereModel(1, 2), Gazetteer(), {}, "tiny v1");
  auto loaded = Tagger::Load(Write("good", Good(t)));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ((*loaded)->ModelId(), "tiny v1");
  const std::string text = "x y";
  EXPECT_EQ((*loaded)->Tag(text, SpaceSegment(text)).size(), 1u);
}

TEST_F(TaggerFileTest, MissingFileIsNotFound) {
  auto loaded = Tagger::Load(Path("does_not_exist"));
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(TaggerFileTest, CorruptFileIsDataLoss) {
  LinearTagger t(PersonEverywhereModel(1, 2), Gazetteer(), {}, "tiny");
  std::string bytes = Good(t);
  bytes[bytes.size() / 2] ^= 0x40;
  auto loaded = Tagger::Load(Write("corrupt", bytes));
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(loaded.status().message(), HasSubstr("corrupt"));
}

TEST_F(TaggerFileTest, WrongVersionNamesBothVersions) {
  LinearTagger t(PersonEverywhereModel(1, 2), Gazetteer(), {}, "tiny");
  ModelWriter w(std::string(kNerModelKind), kNerModelVersion + 1);
  const std::string text = "a";
  t.AddSections(text, SpaceSegment(text), &w);
  auto loaded = Tagger::Load(Write("version", w.Serialize()));
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(loaded.status().message(), HasSubstr("model version"));
}

TEST_F(TaggerFileTest, FailedSelfTestIsDataLoss) {
  // Weights that find no entity, with the self-test of weights that do.
  LinearTagger finds(PersonEverywhereModel(1, 2), Gazetteer(), {}, "a");
  LinearTagger blind(PersonEverywhereModel(-1, -1), Gazetteer(), {}, "b");
  auto a = ModelFile::Parse(Good(finds), "a", kNerModelKind, kNerModelVersion);
  ASSERT_TRUE(a.ok());
  ModelWriter w(std::string(kNerModelKind), kNerModelVersion);
  for (const char* s : {"meta", "gazetteer", "clusters"}) {
    w.AddSection(s, std::string(*a->Section(s)));
  }
  w.AddSection("weights", blind.model().Serialize());
  w.AddSection("selftest", std::string(*a->Section("selftest")));
  auto loaded = Tagger::Load(Write("selftest", w.Serialize()));
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(loaded.status().message(), HasSubstr("self-test"));
}

// The trained model, when present in the source tree.
class TrainedTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* src = std::getenv("LEDE_SOURCE_DIR");
    const std::string path = std::string(src ? src : ".") + "/models/ner.bin";
    auto t = Tagger::Load(path);
    if (t.ok()) tagger_ = t->release();
  }
  static void TearDownTestSuite() {
    delete tagger_;
    tagger_ = nullptr;
  }
  std::vector<std::string> Find(const std::string& text, EntityType type) {
    auto seg = (*Segmenter::Create(SegmenterSpec{}))->Segment(text);
    std::vector<std::string> out;
    for (const auto& m : tagger_->Tag(text, seg)) {
      if (m.type == type) out.emplace_back(m.span.Of(text));
    }
    return out;
  }
  static Tagger* tagger_;
};
Tagger* TrainedTaggerTest::tagger_ = nullptr;

TEST_F(TrainedTaggerTest, FindsHyphenatedAndMultiWordNames) {
  if (tagger_ == nullptr) GTEST_SKIP() << "no models/ner.bin";
  const std::string text =
      "European Commission President Jean-Claude Juncker met Prime Minister "
      "Theresa May in London on Monday, officials in New York said.";
  EXPECT_THAT(Find(text, EntityType::kPerson),
              ::testing::IsSupersetOf({"Jean-Claude Juncker", "Theresa May"}));
  EXPECT_THAT(Find(text, EntityType::kLocation),
              ::testing::IsSupersetOf({"London", "New York"}));
  EXPECT_THAT(Find(text, EntityType::kOrganization),
              ::testing::Contains("European Commission"));
}

TEST_F(TrainedTaggerTest, SurvivesHostileInput) {
  if (tagger_ == nullptr) GTEST_SKIP() << "no models/ner.bin";
  for (const std::string& text :
       {std::string(1 << 20, 'x'), std::string(200000, '.'),
        std::string("\xF0\x9F\x98\x80 ") + std::string(1000, '!')}) {
    auto seg = (*Segmenter::Create(SegmenterSpec{}))->Segment(text);
    for (const auto& m : tagger_->Tag(text, seg)) {
      EXPECT_LE(m.span.end, static_cast<int32_t>(text.size()));
      EXPECT_LT(m.span.begin, m.span.end);
    }
  }
}

}  // namespace
}  // namespace ner
}  // namespace lede

namespace lede {
namespace ner {
namespace {

// Regression: the table form must answer exactly like the builder for the
// committed lists (every phrase, and phrases' prefixes).
TEST(GazetteerTest, CommittedListsRoundTripExactly) {
  const char* src = std::getenv("LEDE_SOURCE_DIR");
  const std::string dir = std::string(src ? src : ".") + "/models/gazetteers";
  Gazetteer g;
  std::vector<std::string> phrases;
  int list = 0;
  for (const char* name :
       {"country", "subdivision", "city", "person", "given_name", "surname",
        "location", "organization", "misc", "nationality", "org_word",
        "proper_word", "common_word"}) {
    std::ifstream in(dir + "/" + name + ".txt");
    if (!in) GTEST_SKIP() << "no " << dir;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      g.Add(list, name, line);
      phrases.push_back(line);
    }
    ++list;
  }
  auto parsed = Gazetteer::Parse(g.Serialize());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  int bad = 0;
  for (const std::string& p : phrases) {
    const uint64_t k = GazetteerKey(p);
    if (parsed->Lookup(k) != g.Lookup(k) && ++bad < 10) {
      ADD_FAILURE() << p << ": " << parsed->Lookup(k) << " vs " << g.Lookup(k);
    }
  }
  EXPECT_EQ(bad, 0);
  const std::string text =
      "officials in Washington and New York said the European Union and "
      "Nordhavn Shipping Ltd. met";
  const Segmentation seg = SpaceSegment(text);
  std::vector<uint8_t> a, b;
  g.Match(text, seg.tokens, 0, static_cast<int32_t>(seg.tokens.size()), &a);
  parsed->Match(text, seg.tokens, 0, static_cast<int32_t>(seg.tokens.size()),
                &b);
  EXPECT_EQ(a, b);
  EXPECT_EQ(parsed->list_count(), g.list_count());
}

}  // namespace
}  // namespace ner
}  // namespace lede
