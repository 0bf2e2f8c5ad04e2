#include "client/cli/inputs.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::cli {
namespace {

using ::testing::ElementsAre;

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/lede_inputs_XXXXXX";
    root_ = mkdtemp(tmpl);
    Mkdir("a");
    Mkdir("a/b");
    Mkdir(".hidden");
    Touch("z.txt");
    Touch("a/one.txt");
    Touch("a/two.md");
    Touch("a/b/three.txt");
    Touch(".hidden/secret.txt");
  }
  void TearDown() override { std::system(("rm -rf " + root_).c_str()); }
  void Mkdir(const std::string& p) {
    std::system(("mkdir -p " + root_ + "/" + p).c_str());
  }
  void Touch(const std::string& p) { std::ofstream(root_ + "/" + p) << "x"; }
  std::vector<std::string> Rel(const std::vector<InputFile>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.path.substr(root_.size() + 1));
    return out;
  }
  std::string root_;
};

TEST_F(InputsTest, WalksDirectoriesRecursivelyInSortedOrderSkippingHidden) {
  auto files = ExpandInputs({root_}, {}, {});
  ASSERT_TRUE(files.ok());
  EXPECT_THAT(Rel(*files),
              ElementsAre("a/b/three.txt", "a/one.txt", "a/two.md", "z.txt"));
}

TEST_F(InputsTest, AppliesIncludeAndExcludeGlobs) {
  auto files = ExpandInputs({root_ + "/"}, {"*.txt"}, {"a/b/*"});
  ASSERT_TRUE(files.ok());
  EXPECT_THAT(Rel(*files), ElementsAre("a/one.txt", "z.txt"));
}

TEST_F(InputsTest, NamedFilesAndStdinAreKept) {
  auto files = ExpandInputs({root_ + "/a/two.md", "-"}, {"*.txt"}, {});
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 2u);
  EXPECT_TRUE((*files)[1].is_stdin);
}

TEST_F(InputsTest, MissingPathIsAnErrorNamingIt) {
  auto files = ExpandInputs({root_ + "/nope"}, {}, {});
  EXPECT_EQ(files.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(files.status().message()),
              ::testing::HasSubstr("/nope"));
}

}  // namespace
}  // namespace lede::cli
