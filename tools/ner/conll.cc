#include "tools/ner/conll.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/entities/ner_model.h"

namespace lede {
namespace ner {
namespace {

int TypeIndex(std::string_view t) {
  for (int i = 0; i < kNumTypes; ++i) {
    if (t == kTypeNames[i]) return i;
  }
  return -1;
}

}  // namespace

absl::StatusOr<std::vector<ConllDocument>> ReadConll(const std::string& path,
                                                     int sentences_per_doc) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::vector<ConllDocument> docs;
  ConllDocument doc;
  bool in_sentence = false;
  int sentences = 0;
  int open_type = -1;
  int32_t open_begin = 0, last_end = 0;
  auto close = [&] {
    if (open_type >= 0)
      doc.entities.push_back({{open_begin, last_end}, open_type});
    open_type = -1;
  };
  auto end_sentence = [&] {
    if (!in_sentence) return;
    close();
    in_sentence = false;
    ++sentences;
  };
  auto end_doc = [&] {
    end_sentence();
    if (!doc.text.empty()) docs.push_back(std::move(doc));
    doc = ConllDocument();
    sentences = 0;
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      end_sentence();
      if (sentences_per_doc > 0 && sentences >= sentences_per_doc) end_doc();
      continue;
    }
    const size_t tab = line.find('\t');
    std::string token = line.substr(0, tab);
    std::string tag = tab == std::string::npos ? "O" : line.substr(tab + 1);
    if (token == "-DOCSTART-") {
      end_doc();
      continue;
    }
    if (!in_sentence) {
      if (!doc.text.empty()) doc.text += '\n';
      in_sentence = true;
    } else {
      doc.text += ' ';
    }
    const int32_t begin = static_cast<int32_t>(doc.text.size());
    doc.text += token;
    ++doc.tokens;
    const int type = tag.size() > 2 ? TypeIndex(tag.substr(2)) : -1;
    const bool b = tag[0] == 'B';
    if (type < 0) {
      close();
    } else if (b || open_type != type) {
      close();
      open_type = type;
      open_begin = begin;
    }
    last_end = static_cast<int32_t>(doc.text.size());
  }
  end_doc();
  return docs;
}

void EntityScore::Add(const std::vector<GoldEntity>& g,
                      const std::vector<GoldEntity>& p) {
  for (const auto& e : g) ++gold[e.type];
  for (const auto& e : p) ++predicted[e.type];
  // Both lists are small per document; sort-free matching by scan.
  size_t j = 0;
  std::vector<GoldEntity> ps = p;
  std::sort(ps.begin(), ps.end(), [](const GoldEntity& a, const GoldEntity& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin
                                        : a.span.end < b.span.end;
  });
  std::vector<GoldEntity> gs = g;
  std::sort(gs.begin(), gs.end(), [](const GoldEntity& a, const GoldEntity& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin
                                        : a.span.end < b.span.end;
  });
  for (const auto& e : gs) {
    while (j < ps.size() && ps[j].span.begin < e.span.begin) ++j;
    for (size_t k = j; k < ps.size() && ps[k].span.begin == e.span.begin; ++k) {
      if (ps[k].span.end == e.span.end && ps[k].type == e.type) {
        ++correct[e.type];
        break;
      }
    }
  }
}

namespace {
int64_t Sum(const std::array<int64_t, 4>& a) {
  return a[0] + a[1] + a[2] + a[3];
}
double Ratio(int64_t a, int64_t b) {
  return b == 0 ? 0.0 : double(a) / double(b);
}
}  // namespace

double EntityScore::Precision(int type) const {
  return type < 0 ? Ratio(Sum(correct), Sum(predicted))
                  : Ratio(correct[type], predicted[type]);
}
double EntityScore::Recall(int type) const {
  return type < 0 ? Ratio(Sum(correct), Sum(gold))
                  : Ratio(correct[type], gold[type]);
}
double EntityScore::F1(int type) const {
  const double p = Precision(type), r = Recall(type);
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

std::string EntityScore::Table() const {
  std::string out = absl::StrFormat("%-8s %7s %7s %7s %7s %7s %7s\n", "type",
                                    "gold", "pred", "correct", "P", "R", "F1");
  for (int t = -1; t < kNumTypes; ++t) {
    const std::string name = t < 0 ? "overall" : std::string(kTypeNames[t]);
    out += absl::StrFormat(
        "%-8s %7d %7d %7d %7.4f %7.4f %7.4f\n", name,
        t < 0 ? Sum(gold) : gold[t], t < 0 ? Sum(predicted) : predicted[t],
        t < 0 ? Sum(correct) : correct[t], Precision(t), Recall(t), F1(t));
  }
  return out;
}

std::string SharedDataPath(const std::string& relative) {
  const char* env = std::getenv("LEDE_SHARED_DIR");
  const std::string base = env && *env ? env : "../shared";
  return absl::StrCat(base, "/data/", relative);
}

}  // namespace ner
}  // namespace lede
