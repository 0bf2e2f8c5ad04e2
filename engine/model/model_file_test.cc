#include "engine/model/model_file.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using ::testing::HasSubstr;

std::string Sample() {
  ModelWriter w("ner", 2);
  ByteWriter b;
  b.U32(7);
  b.F32(0.5f);
  b.Str("hello");
  b.VarU(300);
  w.AddSection("weights", b.data());
  w.AddSection("empty", "");
  return w.Serialize();
}

TEST(ModelFileTest, RoundTrips) {
  auto m = ModelFile::Parse(Sample(), "mem", "ner", 2);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->kind(), "ner");
  EXPECT_TRUE(m->HasSection("empty"));
  // File order, not name order, so a rewritten file keeps its layout.
  EXPECT_THAT(m->SectionNames(), ::testing::ElementsAre("weights", "empty"));
  auto w = m->Section("weights");
  ASSERT_TRUE(w.ok());
  ByteReader r(*w);
  EXPECT_EQ(r.U32(), 7u);
  EXPECT_EQ(r.F32(), 0.5f);
  EXPECT_EQ(r.Str(), "hello");
  EXPECT_EQ(r.VarU(), 300u);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.done());
  EXPECT_EQ(m->Section("missing").status().code(), absl::StatusCode::kNotFound);
}

TEST(ModelFileTest, RefusesWrongVersionOrKind) {
  auto v = ModelFile::Parse(Sample(), "mem", "ner", 1);
  EXPECT_EQ(v.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(v.status().message(), HasSubstr("model version 2"));
  auto k = ModelFile::Parse(Sample(), "mem", "summary", 2);
  EXPECT_THAT(k.status().message(), HasSubstr("expected 'summary'"));
}

TEST(ModelFileTest, RefusesCorruptOrTruncatedFiles) {
  std::string bytes = Sample();
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  EXPECT_EQ(ModelFile::Parse(flipped, "mem", "ner", 2).status().code(),
            absl::StatusCode::kDataLoss);
  for (size_t n : {size_t{0}, size_t{5}, bytes.size() - 1}) {
    EXPECT_FALSE(ModelFile::Parse(bytes.substr(0, n), "mem", "ner", 2).ok())
        << n;
  }
  EXPECT_THAT(ModelFile::Parse("not a model at all", "x.bin", "ner", 2)
                  .status()
                  .message(),
              HasSubstr("bad magic"));
  EXPECT_EQ(ModelFile::Load("/nonexistent/ner.bin", "ner", 2).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(ByteReaderTest, NeverReadsPastTheEnd) {
  ByteReader r(
      std::string_view("\x05"
                       "ab",
                       3));
  EXPECT_EQ(r.Str(), "");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.U32(), 0u);
}

}  // namespace
}  // namespace lede
