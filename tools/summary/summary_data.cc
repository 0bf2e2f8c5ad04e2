#include "tools/summary/summary_data.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "engine/text/string_view.h"
#include "tools/common/json.h"

namespace lede::tools {

bool IsHeldOut(std::string_view id) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h % 5 == 0;
}

std::string SharedDataPath(std::string_view relative) {
  const char* env = std::getenv("LEDE_SHARED_DIR");
  std::string base = env != nullptr && *env ? env : "../shared";
  return absl::StrCat(base, "/data/", AsAbsl(relative));
}

absl::StatusOr<std::vector<SummaryDoc>> LoadBbc(const std::string& path) {
  auto lines = ReadJsonLines(path);
  if (!lines.ok()) return lines.status();
  std::vector<SummaryDoc> docs;
  for (const JsonValue& v : *lines) {
    SummaryDoc d;
    d.id = v.Str("id");
    d.category = v.Str("category");
    d.title = v.Str("title");
    d.text = v.Str("article");
    d.reference = v.Str("summary");
    d.held_out = IsHeldOut(d.id);
    const JsonValue* sents = v.Find("article_sentences");
    const JsonValue* ids = v.Find("summary_sentence_ids");
    std::vector<int> order;
    if (ids != nullptr) {
      for (const JsonValue& i : ids->array)
        order.push_back(static_cast<int>(i.number));
    }
    std::sort(order.begin(), order.end());
    for (int i : order) {
      if (sents != nullptr && i >= 0 &&
          i < static_cast<int>(sents->array.size())) {
        d.reference_sentences.push_back(sents->array[i].string);
      }
    }
    if (d.reference_sentences.empty())
      d.reference_sentences.push_back(d.reference);
    d.reference_count = static_cast<int>(d.reference_sentences.size());
    if (d.text.empty() || d.reference.empty()) continue;
    docs.push_back(std::move(d));
  }
  return docs;
}

absl::StatusOr<std::vector<SummaryDoc>> LoadGum(const std::string& path) {
  auto lines = ReadJsonLines(path);
  if (!lines.ok()) return lines.status();
  std::vector<SummaryDoc> docs;
  for (const JsonValue& v : *lines) {
    SummaryDoc d;
    d.id = v.Str("id");
    d.category = "gum";
    d.held_out = v.Str("gum_split") != "train";
    d.text = v.Str("text");
    d.reference = v.Str("summary_human");
    d.reference_sentences = {d.reference};
    d.reference_count = 1;
    if (d.text.empty() || d.reference.empty()) continue;
    docs.push_back(std::move(d));
  }
  return docs;
}

std::string NormalizeForMatch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (absl::ascii_isalnum(c)) out.push_back(absl::ascii_tolower(c));
  }
  return out;
}

std::vector<bool> LabelSentences(std::string_view text, const Segmentation& seg,
                                 std::string_view reference) {
  const std::string ref = NormalizeForMatch(reference);
  std::vector<bool> labels(seg.sentences.size(), false);
  for (size_t i = 0; i < seg.sentences.size(); ++i) {
    const std::string s = NormalizeForMatch(seg.sentences[i].span.Of(text));
    labels[i] = s.size() >= 10 && ref.find(s) != std::string::npos;
  }
  return labels;
}

}  // namespace lede::tools
