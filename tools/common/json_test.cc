#include "tools/common/json.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::tools {
namespace {

using ::testing::HasSubstr;

TEST(JsonTest, ParsesEscapesAndNesting) {
  auto v =
      ParseJson(R"({"a": "x\"\u00e9\ud83d\ude00", "b": [1, 2.5, true, null]})");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->Str("a"), "x\"\xC3\xA9\xF0\x9F\x98\x80");
  ASSERT_NE(v->Find("b"), nullptr);
  EXPECT_EQ(v->Find("b")->array.size(), 4u);
  EXPECT_EQ(v->Find("b")->array[1].number, 2.5);
  EXPECT_FALSE(ParseJson("{\"a\": }").ok());
}

TEST(JsonTest, KindsAndMembers) {
  auto v = ParseJson(
      " {\"s\": \"t\", \"n\": -12.75e1, \"t\": true, \"f\": false, "
      "\"z\": null, \"a\": [], \"o\": {}} ");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_TRUE(v->is_object());
  EXPECT_TRUE((*v)["s"].is_string());
  EXPECT_EQ((*v)["s"].string, "t");
  EXPECT_TRUE((*v)["n"].is_number());
  EXPECT_EQ((*v)["n"].number, -127.5);
  EXPECT_EQ((*v)["n"].AsInt(), -127);
  EXPECT_TRUE((*v)["t"].is_bool());
  EXPECT_TRUE((*v)["t"].boolean);
  EXPECT_TRUE((*v)["f"].is_bool());
  EXPECT_FALSE((*v)["f"].boolean);
  EXPECT_TRUE((*v)["z"].is_null());
  EXPECT_NE(v->Find("z"), nullptr);
  EXPECT_TRUE((*v)["a"].is_array());
  EXPECT_TRUE((*v)["o"].is_object());
}

TEST(JsonTest, MissingLookupsChainToNull) {
  auto v = ParseJson(R"({"a": [{"b": "c"}, 7], "s": 3})");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ((*v)["a"][0]["b"].string, "c");
  EXPECT_EQ((*v)["a"][1].AsInt(), 7);
  EXPECT_TRUE((*v)["a"][2].is_null());
  EXPECT_TRUE((*v)["missing"]["x"][3].is_null());
  EXPECT_TRUE((*v)["s"]["x"].is_null());  // not an object
  EXPECT_EQ(v->Find("missing"), nullptr);
  EXPECT_EQ(v->Str("missing"), "");
  EXPECT_EQ(v->Str("s"), "");  // not a string
  // The shared null is one object.
  EXPECT_EQ(&(*v)["missing"], &(*v)["a"][9]);
}

TEST(JsonTest, DecodesEscapes) {
  auto v = ParseJson(R"("\"\\\/\b\f\n\r\t\u0041\u00E9\u20ac")");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->string, "\"\\/\b\f\n\r\tA\xC3\xA9\xE2\x82\xAC");
  // A lone high surrogate not followed by an escape is kept as is.
  v = ParseJson(R"("\ud83dx")");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->string, "\xED\xA0\xBDx");
}

TEST(JsonTest, ErrorsNameTheByteOffset) {
  auto v = ParseJson("{\"a\": 1,}");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(v.status().message(), HasSubstr("expected key"));
  EXPECT_THAT(v.status().message(), HasSubstr("byte offset 8"));

  v = ParseJson("[1] x");
  ASSERT_FALSE(v.ok());
  EXPECT_THAT(v.status().message(), HasSubstr("trailing characters"));
  EXPECT_THAT(v.status().message(), HasSubstr("byte offset 4"));

  EXPECT_THAT(ParseJson(R"("\ud83d\u0041")").status().message(),
              HasSubstr("unpaired surrogate"));
  EXPECT_THAT(ParseJson(R"("\x")").status().message(), HasSubstr("bad escape"));
  EXPECT_THAT(ParseJson(R"("\u12")").status().message(),
              HasSubstr("\\u escape"));
  EXPECT_THAT(ParseJson(R"("abc)").status().message(),
              HasSubstr("unterminated string"));
  EXPECT_THAT(ParseJson("[1, 2").status().message(),
              HasSubstr("unterminated array"));
  EXPECT_THAT(ParseJson("{\"a\" 1}").status().message(),
              HasSubstr("expected :"));
  EXPECT_THAT(ParseJson("nul").status().message(), HasSubstr("bad literal"));
  EXPECT_THAT(ParseJson("1-2").status().message(), HasSubstr("bad number"));
  EXPECT_THAT(ParseJson("@").status().message(),
              HasSubstr("unexpected character"));
  EXPECT_THAT(ParseJson("  ").status().message(), HasSubstr("unexpected end"));
}

TEST(JsonTest, BoundsNestingDepth) {
  const std::string ok =
      std::string(kMaxJsonDepth, '[') + "1" + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(ParseJson(ok).ok());
  const std::string deep =
      std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_THAT(ParseJson(deep).status().message(),
              HasSubstr("nesting too deep"));
  // Far deeper input fails the same way instead of overflowing the stack.
  const std::string hostile(1000000, '[');
  EXPECT_THAT(ParseJson(hostile).status().message(),
              HasSubstr("nesting too deep"));
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_THAT(ParseJson(objects).status().message(),
              HasSubstr("nesting too deep"));
}

TEST(JsonTest, ReadsJsonLines) {
  const std::string path =
      ::testing::TempDir() + "/tools_json_test_" +
      ::testing::UnitTest::GetInstance()->current_test_info()->name() +
      ".jsonl";
  {
    std::ofstream out(path);
    out << "{\"id\": 1}\n\n  \t\r\n[\"x\"]\r\n";
  }
  auto lines = ReadJsonLines(path);
  ASSERT_TRUE(lines.ok()) << lines.status();
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0]["id"].AsInt(), 1);
  EXPECT_EQ((*lines)[1][0].string, "x");
  {
    std::ofstream out(path);
    out << "{}\n{\"a\": tru}\n";
  }
  lines = ReadJsonLines(path);
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(lines.status().message(), HasSubstr(path + ":2: "));
  std::remove(path.c_str());
  EXPECT_EQ(ReadJsonLines(path).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace lede::tools
