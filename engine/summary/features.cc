#include "engine/summary/features.h"

#include <libstemmer.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/types/span.h"
#include "engine/summary/boilerplate.h"
#include "engine/text/string_view.h"

namespace lede {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// FNV-1a over a word's bytes, in steps so that it can be computed while
// the word is lowercased.
constexpr uint64_t kHashSeed = 0xcbf29ce484222325ull;
inline uint64_t HashStep(uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
}
inline uint64_t HashFinish(uint64_t h) { return h ^ (h >> 29); }

uint64_t HashWord(std::string_view lower) {
  uint64_t h = kHashSeed;
  for (char c : lower) h = HashStep(h, c);
  return HashFinish(h);
}

// StringMap
//
// Short strings to int32 values, for words and stems: the strings sit back
// to back in one buffer and are found through an open-addressing table of
// (high half of the hash, offset, length, value), so a look-up costs one
// probe or two and an inline compare, and an insertion no allocation of
// its own. Keys are hashed with HashWord.
class StringMap {
 public:
  StringMap() { Clear(); }

  // Empties the map and gives back the memory a large one held.
  void Clear() {
    std::string().swap(text_);
    slots_ = std::vector<Slot>(1024);
    used_ = 0;
  }

  size_t size() const { return used_; }

  // The value of `key`, whose HashWord is `hash`, or nullptr.
  const int32_t* Find(std::string_view key, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.length < 0) return nullptr;
      if (slot.tag == static_cast<uint32_t>(hash >> 32) &&
          Same(text_.data() + slot.offset, slot.length, key)) {
        return &slot.value;
      }
    }
  }

  // Adds `key` (not in the map; its HashWord is `hash`) with `value`.
  void Insert(std::string_view key, uint64_t hash, int32_t value) {
    if (2 * (used_ + 1) > slots_.size()) Grow();
    Place(hash, Slot{static_cast<uint32_t>(hash >> 32),
                     static_cast<uint32_t>(text_.size()),
                     static_cast<int32_t>(key.size()), value});
    text_.append(key.data(), key.size());
    ++used_;
  }

 private:
  struct Slot {
    uint32_t tag = 0;
    uint32_t offset = 0;  // into text_
    int32_t length = -1;  // -1: empty
    int32_t value = 0;
  };

  // Keys are short: an inline compare beats a call to memcmp.
  static bool Same(const char* a, int32_t length, std::string_view b) {
    if (static_cast<size_t>(length) != b.size()) return false;
    for (size_t i = 0; i < b.size(); ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }

  void Place(uint64_t hash, const Slot& slot) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i].length >= 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.length < 0) continue;
      Place(HashWord(std::string_view(text_.data() + s.offset, s.length)), s);
    }
  }

  std::string text_;         // the keys, back to back
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t used_ = 0;
};

// Function words carry no topic; they are left out of centrality and
// redundancy (ROUGE in tools/summary keeps them).
bool IsStopword(std::string_view lower, uint64_t hash) {
  static const StringMap* const kMap = [] {
    auto* map = new StringMap;
    for (std::string_view w :
         {"a",     "an",    "the",     "and",     "or",   "but",   "of",
          "to",    "in",    "on",      "at",      "for",  "with",  "by",
          "from",  "as",    "is",      "are",     "was",  "were",  "be",
          "been",  "being", "has",     "have",    "had",  "do",    "does",
          "did",   "it",    "its",     "it's",    "he",   "she",   "they",
          "them",  "his",   "her",     "their",   "we",   "our",   "you",
          "your",  "i",     "me",      "my",      "this", "that",  "these",
          "those", "which", "who",     "whom",    "what", "when",  "where",
          "there", "here",  "not",     "no",      "so",   "if",    "than",
          "then",  "also",  "would",   "will",    "can",  "could", "should",
          "may",   "might", "must",    "said",    "says", "say",   "about",
          "into",  "over",  "after",   "before",  "up",   "out",   "more",
          "most",  "some",  "all",     "any",     "one",  "two",   "new",
          "just",  "other", "such",    "only",    "mr",   "mrs",   "ms",
          "s",     "while", "because", "however", "him",  "us"}) {
      map->Insert(w, HashWord(w), 0);
    }
    return map;
  }();
  return kMap->Find(lower, hash) != nullptr;
}

// Openers that lean on an earlier sentence.
bool IsDanglingOpener(std::string_view lower, uint64_t hash) {
  static const StringMap* const kMap = [] {
    auto* map = new StringMap;
    for (std::string_view w :
         {"he",      "she",   "it",   "they",  "this",      "that",  "these",
          "those",   "but",   "and",  "or",    "however",   "also",  "his",
          "her",     "their", "its",  "there", "meanwhile", "yet",   "still",
          "instead", "such",  "then", "so",    "although",  "though"}) {
      map->Insert(w, HashWord(w), 0);
    }
    return map;
  }();
  return kMap->Find(lower, hash) != nullptr;
}

// WordStems
//
// The stems of the lowercased words one thread has seen, kept across
// documents: Snowball stemming is most of the stage's cost, and news
// vocabulary repeats from article to article. Each distinct word is stemmed
// once; a word seen before costs one hash and one comparison, with no
// allocation. Words map to a stem index (equal stems, equal index) or to
// kStopword.
//
// Bounded: once it holds more than kMaxWords words it is emptied (memory
// given back) before the next document, so between documents a thread holds
// at most about 1.5 MB; a single document may take it past that, in
// proportion to its own length. One per thread (see ForThisThread), so no
// locking.
class WordStems {
 public:
  static constexpr int32_t kStopword = -1;
  static constexpr size_t kMaxWords = size_t{1} << 14;

  static WordStems& ForThisThread() {
    thread_local WordStems stems;
    return stems;
  }

  WordStems() : stemmer_(sb_stemmer_new("english", "UTF_8")) {}

  // Starts a document; returns its number for DocumentId().
  uint32_t BeginDocument() {
    if (words_.size() > kMaxWords || generation_ == UINT32_MAX) {
      words_.Clear();
      stems_.Clear();
      std::vector<uint32_t>().swap(document_);
      std::vector<int32_t>().swap(document_id_);
      generation_ = 0;
    }
    return ++generation_;
  }

  // The stem index of `lower` (a lowercased word whose HashWord is `hash`),
  // or kStopword.
  int32_t Lookup(std::string_view lower, uint64_t hash) {
    if (const int32_t* stem = words_.Find(lower, hash)) return *stem;
    const int32_t stem = NewWord(lower, hash);
    words_.Insert(lower, hash, stem);
    return stem;
  }

  // The document-local id of stem index `stem` in document `document`
  // (from BeginDocument): ids are numbered 0, 1, ... in the order the
  // document's stems are first asked for; `next_id` counts them.
  int32_t DocumentId(int32_t stem, uint32_t document, int32_t& next_id) {
    if (document_[stem] != document) {
      document_[stem] = document;
      document_id_[stem] = next_id++;
    }
    return document_id_[stem];
  }

 private:
  int32_t NewWord(std::string_view lower, uint64_t hash) {
    if (IsStopword(lower, hash)) return kStopword;
    std::string_view stem = lower;
    if (stemmer_ != nullptr) {
      const sb_symbol* out = sb_stemmer_stem(
          stemmer_.get(), reinterpret_cast<const sb_symbol*>(lower.data()),
          static_cast<int>(lower.size()));
      if (out != nullptr) {
        stem = std::string_view(reinterpret_cast<const char*>(out),
                                sb_stemmer_length(stemmer_.get()));
      }
    }
    const uint64_t stem_hash = HashWord(stem);
    if (const int32_t* index = stems_.Find(stem, stem_hash)) return *index;
    const int32_t index = static_cast<int32_t>(stems_.size());
    stems_.Insert(stem, stem_hash, index);
    document_.push_back(0);
    document_id_.push_back(0);
    return index;
  }

  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer_;
  StringMap words_;  // lowercased word -> stem index or kStopword
  StringMap stems_;  // stem -> stem index (0, 1, ... in order of arrival)
  // Per stem index: the last document that used it and its id there.
  std::vector<uint32_t> document_;
  std::vector<int32_t> document_id_;
  uint32_t generation_ = 0;
};

// The stem ids of one document: numbered 0, 1, ... in order of first
// appearance, through this thread's WordStems.
class Vocabulary {
 public:
  static constexpr int32_t kStopword = WordStems::kStopword;

  Vocabulary()
      : stems_(WordStems::ForThisThread()), document_(stems_.BeginDocument()) {}

  // The stem id of `lower` (a lowercased word whose HashWord is `hash`), or
  // kStopword.
  int32_t Id(std::string_view lower, uint64_t hash) {
    const int32_t stem = stems_.Lookup(lower, hash);
    if (stem == kStopword) return kStopword;
    return stems_.DocumentId(stem, document_, size_);
  }

  int32_t size() const { return size_; }

 private:
  WordStems& stems_;
  const uint32_t document_;
  int32_t size_ = 0;
};

bool IsQuoteStart(std::string_view s) {
  return absl::StartsWith(AsAbsl(s), "\"") ||
         absl::StartsWith(AsAbsl(s), "\xE2\x80\x9C") ||  // “
         absl::StartsWith(AsAbsl(s), "'") ||
         absl::StartsWith(AsAbsl(s), "\xE2\x80\x98");  // ‘
}

// Per sentence: bag of content stems (id → count) plus word statistics.
// The (id, count) pairs, sorted by id, are [begin, end) of a pool shared by
// the document's bags, so that a sentence costs no allocation of its own.
struct SentenceBag {
  int32_t begin = 0;
  int32_t end = 0;
  int32_t words = 0;
  int32_t numbers = 0;
  int32_t capitals = 0;
  bool dangling = false;
};

// A sparse vector: (stem id, value) pairs sorted by id.
using Sparse = absl::Span<const std::pair<int32_t, float>>;

float Dot(Sparse a, const std::vector<float>& dense) {
  float s = 0;
  for (const auto& [id, w] : a) s += w * dense[id];
  return s;
}

// `b` as a dense vector of `size` values (zero where `b` has no entry), so
// that Dot(a, ToDense(b)) is the sparse dot product of a and b. Weights
// are never negative, so the zeros it adds leave every partial sum, and so
// the result, exactly as a merge of the two id lists would.
std::vector<float> ToDense(Sparse b, int32_t size) {
  std::vector<float> dense(size, 0);
  for (const auto& [id, w] : b) dense[id] = w;
  return dense;
}

float Norm(Sparse a) {
  float s = 0;
  for (const auto& p : a) s += p.second * p.second;
  return std::sqrt(s);
}

}  // namespace

const std::array<std::string_view, kNumSummaryFeatures>& SummaryFeatureNames() {
  static constexpr std::array<std::string_view, kNumSummaryFeatures> kNames = {
      "bias",      "lead0",      "lead1",    "lead2",         "inv_rank",
      "rel_pos",   "para_first", "centroid", "centroid_rank", "lead_sim",
      "log_words", "short",      "long",     "has_quote",     "starts_quote",
      "dangling",  "numbers",    "capitals", "mean_tf",       "sum_tf",
      "para_rel",  "entity",     "fragment", "title_sim"};
  return kNames;
}

float StemOverlap(const std::vector<int32_t>& a,
                  const std::vector<int32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (a[i] > b[j]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  const float jaccard = static_cast<float>(common) /
                        static_cast<float>(a.size() + b.size() - common);
  const float containment = static_cast<float>(common) /
                            static_cast<float>(std::min(a.size(), b.size()));
  return std::max(jaccard, 0.85f * containment);
}

DocumentFeatures ExtractSummaryFeatures(std::string_view text,
                                        const Segmentation& seg,
                                        const std::vector<Entity>& entities) {
  DocumentFeatures out;
  out.debris = ClassifyDebris(text, seg);
  const int32_t n = static_cast<int32_t>(seg.sentences.size());
  bool fallback = true;
  for (int32_t i = 0; i < n; ++i) {
    if (out.debris[i] == DebrisKind::kNone) {
      out.candidates.push_back(i);
      fallback = false;
    }
  }
  if (fallback) {
    for (int32_t i = 0; i < n; ++i) {
      if (out.debris[i] == DebrisKind::kFragment) out.candidates.push_back(i);
    }
  }
  const int32_t m = static_cast<int32_t>(out.candidates.size());
  if (m == 0) return out;

  // Bags of stems, from the segmenter's tokens (falling back on the whole
  // sentence span when a sentence has no tokens).
  Vocabulary vocab;
  std::vector<SentenceBag> bags(m);
  out.stems.resize(m);
  // Every bag's (id, count) pairs; no more than there are tokens.
  std::vector<std::pair<int32_t, float>> pool;
  pool.reserve(seg.tokens.size());
  std::string lower_buf;  // a token lowercased
  // Per stem id: the bag that counted it last (`stamp`) and where in the
  // pool (`slot`), so a bag is counted without a map of its own.
  std::vector<int32_t> stamp, slot;
  int32_t bag_count = 0;
  auto build_bag = [&](const SentenceInfo& si, SentenceBag& bag) {
    const int32_t this_bag = bag_count++;
    bag.begin = static_cast<int32_t>(pool.size());
    bool first_word = true;
    const int32_t tok_end =
        std::min<int32_t>(si.first_token + si.token_count,
                          static_cast<int32_t>(seg.tokens.size()));
    for (int32_t t = std::max(0, si.first_token); t < tok_end; ++t) {
      std::string_view w = seg.tokens[t].span.Of(text);
      // Trim punctuation a tokenizer may leave attached.
      size_t b = 0, e = w.size();
      while (b < e && absl::ascii_ispunct(w[b])) ++b;
      while (e > b && absl::ascii_ispunct(w[e - 1])) --e;
      w = w.substr(b, e - b);
      if (w.empty()) continue;
      bool alnum = false;
      for (size_t i = 0; i < w.size() && !alnum; ++i) {
        alnum = absl::ascii_isalnum(w[i]) ||
                static_cast<unsigned char>(w[i]) >= 0xC0;
      }
      if (!alnum) continue;
      ++bag.words;
      if (lower_buf.size() < w.size()) lower_buf.resize(2 * w.size());
      uint64_t hash = kHashSeed;
      for (size_t i = 0; i < w.size(); ++i) {
        lower_buf[i] = absl::ascii_tolower(w[i]);
        hash = HashStep(hash, lower_buf[i]);
      }
      hash = HashFinish(hash);
      const std::string_view lower(lower_buf.data(), w.size());
      if (absl::ascii_isdigit(w[0])) {
        ++bag.numbers;
      } else if (!first_word && absl::ascii_isupper(w[0])) {
        ++bag.capitals;
      }
      if (first_word) bag.dangling = IsDanglingOpener(lower, hash);
      first_word = false;
      const int32_t id = vocab.Id(lower, hash);
      if (id == Vocabulary::kStopword) continue;
      if (id >= static_cast<int32_t>(stamp.size())) {
        const size_t size = std::max<size_t>(2 * stamp.size(), id + 1);
        stamp.resize(size, -1);
        slot.resize(size, 0);
      }
      if (stamp[id] == this_bag) {
        pool[slot[id]].second += 1;
      } else {
        stamp[id] = this_bag;
        slot[id] = static_cast<int32_t>(pool.size());
        pool.emplace_back(id, 1.0f);
      }
    }
    bag.end = static_cast<int32_t>(pool.size());
    std::sort(pool.begin() + bag.begin, pool.begin() + bag.end);
  };
  out.words.resize(m);
  for (int32_t c = 0; c < m; ++c) {
    build_bag(seg.sentences[out.candidates[c]], bags[c]);
    out.words[c] = bags[c].words;
    out.stems[c].reserve(bags[c].end - bags[c].begin);
    for (int32_t k = bags[c].begin; k < bags[c].end; ++k) {
      out.stems[c].push_back(pool[k].first);
    }
  }
  // The headline: a first paragraph that is one fragment line of 3 or more
  // words, before the first candidate.
  SentenceBag title;
  if (!seg.paragraphs.empty() && seg.paragraphs[0].sentence_count == 1 &&
      out.debris[seg.paragraphs[0].first_sentence] == DebrisKind::kFragment &&
      seg.paragraphs[0].first_sentence < out.candidates[0]) {
    build_bag(seg.sentences[seg.paragraphs[0].first_sentence], title);
    if (title.words < 3) title.end = title.begin;
  }
  // The counts of a bag, and (below) the TF-ISF weights of a candidate: the
  // same stems, in the same place of `pool` and `weights`.
  auto tf = [&pool](const SentenceBag& bag) {
    return Sparse(pool.data() + bag.begin, bag.end - bag.begin);
  };

  // Sentence frequency and total frequency of each stem.
  const int32_t v = vocab.size();
  std::vector<int32_t> sf(v, 0);
  std::vector<float> total(v, 0);
  for (const SentenceBag& bag : bags) {
    for (const auto& [id, cnt] : tf(bag)) {
      ++sf[id];
      total[id] += cnt;
    }
  }
  // Inverse sentence frequency of each stem (zero for a stem only the
  // headline has, which no body weight uses) and the log of its total.
  std::vector<float> isf(v, 0), log_total(v, 0);
  for (int32_t id = 0; id < v; ++id) {
    if (sf[id] == 0) continue;
    isf[id] = std::log(1.0f + static_cast<float>(m) / sf[id]);
    log_total[id] = std::log(total[id]);
  }
  // The TF-ISF weight of a stem counted `cnt` times in a sentence (log(1)
  // is 0, so a single occurrence weighs exactly its ISF).
  auto weight = [&isf](int32_t id, float cnt) {
    return cnt == 1 ? (1 + 0.0f) * isf[id] : (1 + std::log(cnt)) * isf[id];
  };
  // TF-ISF vectors, the centroid as their sum.
  std::vector<float> centroid(v, 0);
  std::vector<std::pair<int32_t, float>> weights(pool.size());
  for (int32_t c = 0; c < m; ++c) {
    for (int32_t k = bags[c].begin; k < bags[c].end; ++k) {
      const auto& [id, cnt] = pool[k];
      const float w = weight(id, cnt);
      weights[k] = {id, w};
      centroid[id] += w;
    }
  }
  auto vec = [&weights, &bags](int32_t c) {
    return Sparse(weights.data() + bags[c].begin, bags[c].end - bags[c].begin);
  };
  float centroid_norm = 0;
  for (float x : centroid) centroid_norm += x * x;
  centroid_norm = std::sqrt(centroid_norm);

  // The headline's TF-ISF vector, over the stems the body shares with it.
  std::vector<std::pair<int32_t, float>> title_vec;
  for (const auto& [id, cnt] : tf(title)) {
    if (id < v && sf[id] > 0) title_vec.emplace_back(id, weight(id, cnt));
  }
  const float title_norm = Norm(title_vec);
  const std::vector<float> title_dense =
      title_norm > 0 ? ToDense(title_vec, v) : std::vector<float>();

  // Entity salience per sentence, through the mentions' byte spans.
  std::vector<float> entity(m, 0);
  if (!entities.empty()) {
    std::vector<int32_t> sentence_to_candidate(n, -1);
    for (int32_t c = 0; c < m; ++c)
      sentence_to_candidate[out.candidates[c]] = c;
    for (const Entity& e : entities) {
      int32_t last = -1;
      for (const EntityMention& mention : e.mentions) {
        // Binary search for the sentence that holds the mention.
        auto it = std::upper_bound(seg.sentences.begin(), seg.sentences.end(),
                                   mention.span.begin,
                                   [](int32_t pos, const SentenceInfo& s) {
                                     return pos < s.span.begin;
                                   });
        if (it == seg.sentences.begin()) continue;
        const int32_t s = static_cast<int32_t>(it - seg.sentences.begin()) - 1;
        if (mention.span.begin >= seg.sentences[s].span.end) continue;
        const int32_t c = sentence_to_candidate[s];
        if (c < 0 || c == last) continue;
        entity[c] += std::clamp(e.salience, 0.0f, 1.0f);
        last = c;
      }
    }
  }

  out.rows.resize(m);
  std::vector<float> cosines(m, 0), sum_tf(m, 0);
  float max_sum_tf = 0;
  const float lead_norm = Norm(vec(0));
  const std::vector<float> lead_dense = ToDense(vec(0), v);
  int32_t prev_paragraph = -1;
  const float paragraphs = std::max<float>(1, seg.paragraphs.size());
  for (int32_t c = 0; c < m; ++c) {
    SummaryFeatureRow& r = out.rows[c];
    r.fill(0);
    const SentenceInfo& si = seg.sentences[out.candidates[c]];
    const SentenceBag& bag = bags[c];
    const std::string_view s = si.span.Of(text);
    r[kFeatBias] = 1;
    r[kFeatLead0] = c == 0;
    r[kFeatLead1] = c == 1;
    r[kFeatLead2] = c == 2;
    r[kFeatInvRank] = 1.0f / (1 + c);
    r[kFeatRelPos] = static_cast<float>(c) / m;
    r[kFeatParaFirst] = si.paragraph != prev_paragraph;
    prev_paragraph = si.paragraph;
    const float norm = Norm(vec(c));
    if (norm > 0 && centroid_norm > 0) {
      cosines[c] = Dot(vec(c), centroid) / (norm * centroid_norm);
    }
    r[kFeatCentroid] = cosines[c];
    if (c == 0) {
      r[kFeatLeadSim] = norm > 0 ? 1 : 0;
    } else if (norm > 0 && lead_norm > 0) {
      r[kFeatLeadSim] = Dot(vec(c), lead_dense) / (norm * lead_norm);
    }
    r[kFeatLogWords] = std::log1p(static_cast<float>(bag.words)) / 4;
    r[kFeatShort] = bag.words < 8;
    r[kFeatLong] = bag.words > 40;
    r[kFeatHasQuote] = HasQuoteMark(s);
    r[kFeatStartsQuote] = IsQuoteStart(s);
    r[kFeatDangling] = bag.dangling;
    if (bag.words > 0) {
      r[kFeatNumbers] = static_cast<float>(bag.numbers) / bag.words;
      r[kFeatCapitals] = static_cast<float>(bag.capitals) / bag.words;
    }
    float mean = 0;
    for (const auto& [id, cnt] : tf(bag)) {
      mean += cnt * log_total[id];
      sum_tf[c] += cnt * (total[id] - 1);
    }
    if (bag.words > 0) r[kFeatMeanTf] = mean / bag.words;
    max_sum_tf = std::max(max_sum_tf, sum_tf[c]);
    r[kFeatParaRel] = si.paragraph / paragraphs;
    r[kFeatEntity] = std::min(1.0f, entity[c]);
    if (title_norm > 0 && norm > 0) {
      r[kFeatTitleSim] = Dot(vec(c), title_dense) / (norm * title_norm);
    }
    r[kFeatFragment] = out.debris[out.candidates[c]] == DebrisKind::kFragment;
  }
  // Rank-based centrality: robust to documents whose cosines are all low.
  std::vector<int32_t> order(m);
  for (int32_t c = 0; c < m; ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return cosines[a] > cosines[b];
  });
  for (int32_t r = 0; r < m; ++r) {
    out.rows[order[r]][kFeatCentroidRank] = 1.0f - static_cast<float>(r) / m;
  }
  for (int32_t c = 0; c < m; ++c) {
    if (max_sum_tf > 0) out.rows[c][kFeatSumTf] = sum_tf[c] / max_sum_tf;
  }
  return out;
}

}  // namespace lede
