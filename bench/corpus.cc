#include "bench/corpus.h"

#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

#ifndef LEDE_BENCH_TESTDATA_DIR
#define LEDE_BENCH_TESTDATA_DIR "bench/testdata"
#endif

namespace lede::bench {
namespace {

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench corpus: cannot read %s\n", path.c_str());
    std::abort();
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Surnames and towns of the articles, and the pools they are swapped with.
// The pools are invented or common words; none is from a real corpus.
constexpr const char* kSurnames[] = {
    "Osei-Tutu", "Whitlock",  "Varga",     "Moreno",     "Abernathy",
    "Vance",     "Adjei",     "Kowalczyk", "Ferrante",   "Lindqvist",
    "Delgado",   "Nowak",     "Pellew",    "McAllister", "Castellano",
    "Gallagher", "Prentice",  "Rao",       "Haldane",    "Reid",
    "Hartmann",  "Natarajan", "Oyelaran",  "Mendel"};
constexpr const char* kSurnamePool[] = {
    "Ashworth",   "Balogun",  "Carrow",    "Dunleavy",  "Eberhardt",
    "Fairbairn",  "Galloway", "Halvorsen", "Iqbal",     "Jankowski",
    "Kimura",     "Lachance", "Maddox",    "Nakashima", "Okonkwo",
    "Pemberton",  "Quinlan",  "Rasmussen", "Sandoval",  "Thackeray",
    "Ulloa",      "Valdez",   "Winslow",   "Yilmaz",    "Zimmer",
    "Abbott",     "Bramley",  "Cordero",   "Dvorak",    "Esposito",
    "Fitzgerald", "Grunwald", "Hollis",    "Ivanova",   "Jaramillo",
    "Kessler",    "Lombardi", "Mwangi",    "Nilsen",    "Oduya",
    "Prescott",   "Quarshie", "Romero",    "Szabo",     "Tremblay",
    "Underwood",  "Vasquez",  "Whitfield", "Xavier",    "Yates",
    "Zielinski",  "Achebe",   "Bertrand",  "Chandra",   "Delacroix",
    "Engstrom",   "Farouk",   "Gideon",    "Hakimi",    "Ingram"};
constexpr const char* kTowns[] = {"Port Ellery", "Brenton", "Kellswater",
                                  "Drummore",    "Skerray", "San Mateo",
                                  "Eindhoven"};
constexpr const char* kTownPool[] = {
    "Ashford Bay", "Bellmoor",      "Carrick Vale", "Dunmere",
    "Eastwick",    "Fallowfield",   "Glenholt",     "Harrowgate",
    "Inverleigh",  "Juniper Falls", "Kingsreach",   "Larkhaven",
    "Millbrook",   "Northam",       "Oakhurst",     "Pinecrest",
    "Queensferry", "Redcliff",      "Stonebridge",  "Thornbury",
    "Upton Marsh", "Valewood",      "Westmere",     "Yarrow"};

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
         (c >= '0' && c <= '9');
}

// Replaces whole-word occurrences of `from` with `to`.
void ReplaceWord(std::string* s, const std::string& from,
                 const std::string& to) {
  std::string out;
  out.reserve(s->size());
  size_t pos = 0;
  while (true) {
    const size_t hit = s->find(from, pos);
    if (hit == std::string::npos) break;
    const bool left_ok = hit == 0 || !IsWordByte((*s)[hit - 1]);
    const size_t end = hit + from.size();
    const bool right_ok = end >= s->size() || !IsWordByte((*s)[end]);
    out.append(*s, pos, hit - pos);
    out += (left_ok && right_ok) ? to : from;
    pos = end;
  }
  out.append(*s, pos, std::string::npos);
  *s = std::move(out);
}

uint32_t Next(uint32_t* state) {
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

}  // namespace

std::string TestdataDir() {
  if (const char* env = std::getenv("LEDE_BENCH_TESTDATA"); env && *env) {
    return env;
  }
  return LEDE_BENCH_TESTDATA_DIR;
}

const std::vector<std::string>& Articles() {
  static const std::vector<std::string>* articles = [] {
    std::vector<std::string> names;
    const std::string dir = TestdataDir();
    if (DIR* d = opendir(dir.c_str())) {
      while (dirent* e = readdir(d)) {
        const std::string n = e->d_name;
        if (n.rfind("article_", 0) == 0 && n.size() > 4 &&
            n.compare(n.size() - 4, 4, ".txt") == 0) {
          names.push_back(n);
        }
      }
      closedir(d);
    }
    std::sort(names.begin(), names.end());
    if (names.empty()) {
      std::fprintf(stderr, "bench corpus: no article_*.txt in %s\n",
                   dir.c_str());
      std::abort();
    }
    auto* v = new std::vector<std::string>;
    for (const auto& n : names) v->push_back(ReadFileOrDie(dir + "/" + n));
    return v;
  }();
  return *articles;
}

const std::string& Article() {
  static const std::string* article =
      new std::string(ReadFileOrDie(TestdataDir() + "/article_port.txt"));
  return *article;
}

std::string AssembledDocument(size_t min_bytes) {
  const std::vector<std::string>& arts = Articles();
  constexpr size_t kNumSurnames = std::size(kSurnames);
  constexpr size_t kSurnamePoolSize = std::size(kSurnamePool);
  constexpr size_t kNumTowns = std::size(kTowns);
  constexpr size_t kTownPoolSize = std::size(kTownPool);
  uint32_t state = 20261128;
  std::string doc;
  doc.reserve(min_bytes + 8192);
  for (int round = 0; doc.size() < min_bytes; ++round) {
    // This round's order of the articles (Fisher-Yates with the generator).
    std::vector<size_t> order(arts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[Next(&state) % i]);
    }
    for (size_t idx : order) {
      std::string a = arts[idx];
      if (round > 0) {  // round 0 is the articles as written
        for (size_t k = 0; k < kNumSurnames; ++k) {
          ReplaceWord(&a, kSurnames[k],
                      kSurnamePool[Next(&state) % kSurnamePoolSize]);
        }
        for (size_t k = 0; k < kNumTowns; ++k) {
          ReplaceWord(&a, kTowns[k], kTownPool[Next(&state) % kTownPoolSize]);
        }
      }
      // Articles end with a newline; a blank line separates them.
      size_t start = 0;
      while (start < a.size()) {
        size_t nl = a.find('\n', start);
        if (nl == std::string::npos) nl = a.size() - 1;
        doc.append(a, start, nl + 1 - start);
        start = nl + 1;
        if (doc.size() >= min_bytes) return doc;
      }
      doc += '\n';
    }
  }
  return doc;
}

const std::string& LargeDocument() {
  static const std::string* doc = new std::string(AssembledDocument(1 << 20));
  return *doc;
}

const std::string& BenchDoc(int64_t id) {
  switch (id) {
    case kArticleDoc:
      return Article();
    case kLargeDoc:
      return LargeDocument();
    case k4KDoc: {
      static const std::string* d = new std::string(AssembledDocument(4 << 10));
      return *d;
    }
    default: {
      static const std::string* d = new std::string(AssembledDocument(4 << 20));
      return *d;
    }
  }
}

const char* BenchDocName(int64_t id) {
  switch (id) {
    case kArticleDoc:
      return "article";
    case kLargeDoc:
      return "1MB";
    case k4KDoc:
      return "4KB";
    default:
      return "4MB";
  }
}

int64_t CountWords(const std::string& text) {
  int64_t words = 0;
  bool in = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in) ++words;
    in = !space;
  }
  return words;
}

}  // namespace lede::bench
