#include "service/auth.h"

#include <cstdio>
#include <fstream>

#include "gtest/gtest.h"

namespace lede {
namespace {

TEST(AuthTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret2"));
  EXPECT_FALSE(ConstantTimeEquals("secret", ""));
}

TEST(AuthTest, AcceptsOnlyBearerWithAKnownToken) {
  auto auth = TokenAuthenticator::FromTokens({"alpha", "beta"});
  EXPECT_TRUE(auth->Check("Bearer alpha"));
  EXPECT_TRUE(auth->Check("bearer beta"));
  EXPECT_FALSE(auth->Check("Bearer gamma"));
  EXPECT_FALSE(auth->Check("Bearer "));
  EXPECT_FALSE(auth->Check("alpha"));
  EXPECT_FALSE(auth->Check("Basic alpha"));
}

TEST(AuthTest, ReadsTokensFileSkippingCommentsAndBlanks) {
  const std::string path = ::testing::TempDir() + "/tokens.txt";
  std::ofstream(path) << "# service tokens\n\n  tok-1  \ntok-2\n";
  auto auth = TokenAuthenticator::FromFile(path);
  ASSERT_TRUE(auth.ok());
  EXPECT_TRUE((*auth)->Check("Bearer tok-1"));
  EXPECT_TRUE((*auth)->Check("Bearer tok-2"));
  std::ofstream(path) << "# nothing\n";
  EXPECT_EQ(TokenAuthenticator::FromFile(path).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(TokenAuthenticator::FromFile("/nonexistent").status().code(),
            absl::StatusCode::kNotFound);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace lede
