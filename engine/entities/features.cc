#include "engine/entities/features.h"

#include <algorithm>
#include <array>

namespace lede {
namespace ner {
namespace {

// Feature templates. The numbers are part of the model format: never reuse
// or renumber one (add new ones at the end and bump the model version).
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kShortShape,
  kPrefix,  // + length
  kSuffix,  // + length
  kLowerM1,
  kLowerP1,
  kLowerM2,
  kLowerP2,
  kShortShapeM1,
  kShortShapeP1,
  kBigramM1,
  kBigramP1,
  kShapeTrigram,
  kCapPosition,
  kCapsLineWord,
  kCapContext,
  kGazetteer,
  kGazetteerM1,
  kGazetteerP1,
  kDocument,
  kCluster,
  kClusterM1,
  kClusterP1,
  kLength,
  kLowerM1Cap,
  kLowerP1Cap,
  kSentenceLength,
  kFirstSentence,
  kGazetteerSpan,
  kHistory,
};

// Capitalization classes.
enum Cap : uint8_t {
  kCapNone = 0,  // lowercase word, or no letters
  kCapInitial,   // "Smith"
  kCapAll,       // "NATO" (two or more letters)
  kCapMixed,     // "McDonald", "eBay"
  kCapDigit,     // contains digits
  kCapPunct,     // punctuation or symbol
};

constexpr bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

uint64_t Finish(uint64_t h) { return MixHash(h, 0x51ed27); }

// Byte → its ASCII lowercase: a table load per byte in the hash loops below,
// which run over every token of a document.
constexpr std::array<unsigned char, 256> kAsciiLower = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = static_cast<unsigned char>(IsUpper(c) ? c + 32 : c);
  }
  return t;
}();

uint64_t HashLower(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= kAsciiLower[c];
    h *= 1099511628211ULL;
  }
  return Finish(h);
}

Cap CapOf(std::string_view w) {
  int upper = 0, lower = 0, digit = 0;
  for (unsigned char c : w) {
    upper += IsUpper(c);
    lower += IsLower(c);
    digit += IsDigit(c);
  }
  if (digit > 0) return kCapDigit;
  if (upper == 0 && lower == 0) {
    // Non-ASCII letters count as lowercase words; ASCII symbols as punctuation.
    return static_cast<unsigned char>(w.empty() ? 0 : w[0]) >= 0x80 ? kCapNone
                                                                    : kCapPunct;
  }
  if (upper == 0) return kCapNone;
  if (lower == 0) return upper >= 2 ? kCapAll : kCapInitial;
  if (IsUpper(static_cast<unsigned char>(w[0]))) {
    bool rest_lower = true;
    for (size_t i = 1; i < w.size(); ++i) {
      if (IsUpper(static_cast<unsigned char>(w[i]))) rest_lower = false;
    }
    return rest_lower ? kCapInitial : kCapMixed;
  }
  return kCapMixed;
}

// Whether `a` and `b` hold the same bytes. Words are short: a loop beats
// calling memcmp().
bool SameBytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Opening punctuation that may precede a sentence's first word.
bool IsOpener(std::string_view w) {
  return w == "\"" || w == "'" || w == "(" || w == "[" || w == "`" ||
         w == "``" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x98" || w == "-";
}

}  // namespace

uint64_t Hash64(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return Finish(h);
}

namespace {

constexpr size_t kMaxShapeChars = 12;

// The shape character of byte `c` (see WordShape()), or -1 for a UTF-8
// continuation byte, which has none.
constexpr int ShapeCharOf(unsigned char c) {
  if (IsUpper(c)) return 'X';
  if (IsLower(c)) return 'x';
  if (IsDigit(c)) return 'd';
  if (c >= 0x80) return (c & 0xC0) == 0x80 ? -1 : 'u';
  return c;
}

// ShapeCharOf() of every byte, looked up rather than branched on per byte.
constexpr std::array<int8_t, 256> kShapeChar = [] {
  std::array<int8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<int8_t>(ShapeCharOf(c));
  return t;
}();

int ShapeChar(unsigned char c) { return kShapeChar[c]; }

}  // namespace

std::string WordShape(std::string_view word, bool collapse) {
  std::string out;
  for (unsigned char c : word) {
    const int sc = ShapeChar(c);
    if (sc < 0) continue;
    const char s = static_cast<char>(sc);
    if (collapse && !out.empty() && out.back() == s) continue;
    out.push_back(s);
    if (out.size() >= kMaxShapeChars) break;
  }
  return out;
}

void WordShapeHashes(std::string_view word, uint64_t* shape,
                     uint64_t* short_shape) {
  uint64_t h = 1469598103934665603ULL, hs = h;  // as Hash64()
  size_t n = 0, ns = 0;
  int last = 0;
  for (unsigned char c : word) {
    const int s = ShapeChar(c);
    if (s < 0) continue;
    if (n < kMaxShapeChars) {
      h ^= static_cast<unsigned char>(s);
      h *= 1099511628211ULL;
      ++n;
    }
    if (ns == 0 || (ns < kMaxShapeChars && s != last)) {
      hs ^= static_cast<unsigned char>(s);
      hs *= 1099511628211ULL;
      last = s;
      ++ns;
    }
    if (n >= kMaxShapeChars && ns >= kMaxShapeChars) break;
  }
  *shape = Finish(h);
  *short_shape = Finish(hs);
}

namespace {

// Sets the hashes of the features that read `f` from a neighbour.
void SetNeighbourHashes(FormFeatures* f) {
  f->lower_m1 = MixHash(kLowerM1, f->lower);
  f->lower_p1 = MixHash(kLowerP1, f->lower);
  f->lower_m2 = MixHash(kLowerM2, f->lower);
  f->lower_p2 = MixHash(kLowerP2, f->lower);
  f->shape_m1 = MixHash(kShortShapeM1, f->short_shape);
  f->shape_p1 = MixHash(kShortShapeP1, f->short_shape);
  f->bigram_m1 = MixHash(kBigramM1, f->lower);
  f->bigram_p1 = MixHash(kBigramP1, f->lower);
  f->lower_m1_cap = MixHash(kLowerM1Cap, f->lower);
  f->lower_p1_cap = MixHash(kLowerP1Cap, f->lower);
  f->cluster_m1 = MixHash(kClusterM1, f->cluster);
  f->cluster_p1 = MixHash(kClusterP1, f->cluster);
}

// Fills `f` for the form `w`, whose HashLower() is `lower` (callers have it
// already: hashing the form again cost ~0.5% of the pipeline).
void ComputeForm(std::string_view w, uint64_t lower,
                 const WordClusters* clusters, FormFeatures* f) {
  f->text = w;
  f->lower = lower;
  f->cap = CapOf(w);
  uint64_t shape;
  WordShapeHashes(w, &shape, &f->short_shape);
  f->cluster = 0;
  if (clusters != nullptr && !clusters->empty()) {
    auto it = clusters->find(lower);
    if (it != clusters->end()) f->cluster = it->second;
  }
  uint64_t* h = f->head;
  *h++ = MixHash(kWord, Hash64(w));
  *h++ = MixHash(kLower, lower);
  *h++ = MixHash(kShape, shape);
  *h++ = MixHash(kShortShape, f->short_shape);
  // The first halves of the two-part hashes below, folded at compile time.
  static constexpr uint64_t kPrefixK[] = {
      MixHash(kPrefix, 1), MixHash(kPrefix, 2), MixHash(kPrefix, 3),
      MixHash(kPrefix, 4)};
  static constexpr uint64_t kSuffixK[] = {
      MixHash(kSuffix, 1), MixHash(kSuffix, 2), MixHash(kSuffix, 3),
      MixHash(kSuffix, 4)};
  static constexpr int kClusterBits[] = {4, 6, 10, 20};
  static constexpr uint64_t kClusterK[] = {
      MixHash(kCluster, 4), MixHash(kCluster, 6), MixHash(kCluster, 10),
      MixHash(kCluster, 20)};
  const size_t len = w.size();
  // Prefix hashes grow one byte at a time (Hash64 of each prefix).
  uint64_t prefix = 1469598103934665603ULL;
  for (size_t k = 1; k <= 4 && k <= len; ++k) {
    prefix ^= static_cast<unsigned char>(w[k - 1]);
    prefix *= 1099511628211ULL;
    *h++ = MixHash(kPrefixK[k - 1], Finish(prefix));
    *h++ = MixHash(kSuffixK[k - 1], HashLower(w.substr(len - k)));
  }
  f->head_count = static_cast<uint8_t>(h - f->head);
  f->length = MixHash(kLength, std::min<size_t>(len, 12));
  f->cluster_count = 0;
  if (f->cluster != 0) {
    const int bits = 31 - __builtin_clz(f->cluster);
    for (int i = 0; i < 4; ++i) {
      const int keep = std::min(kClusterBits[i], bits);
      f->clusters[f->cluster_count++] =
          MixHash(kClusterK[i], f->cluster >> (bits - keep));
      if (keep == bits) break;
    }
  }
  SetNeighbourHashes(f);
}

// A stand-in for the tokens beyond either end of a sentence, whose lowercase
// form and shape read as `value` and capitalization as 7.
FormFeatures Pad(uint64_t value) {
  FormFeatures f;
  f.lower = value;
  f.short_shape = value;
  f.cap = 7;
  SetNeighbourHashes(&f);
  return f;
}

// Index of the sentence-initial token of `si`: the first that is not
// opening punctuation.
int32_t InitialToken(std::string_view text, const Segmentation& seg,
                     const SentenceInfo& si) {
  for (int32_t k = 0; k < si.token_count; ++k) {
    const int32_t t = si.first_token + k;
    if (!IsOpener(seg.tokens[t].span.Of(text))) return t;
  }
  return -1;
}

}  // namespace

void PredictionHistory::AddFeatures(uint64_t lower, uint8_t flags,
                                    std::vector<uint64_t>* out) const {
  if (!(flags & kCapitalized)) return;
  auto it = counts_.find(lower);
  if (it == counts_.end()) return;
  const auto& c = it->second;
  const int n = c[0] + c[1] + c[2] + c[3] + c[4];
  if (n == 0) return;
  for (int y = 0; y < 5; ++y) {
    if (c[y] == 0) continue;
    const uint64_t share = c[y] == n ? 2 : (2 * c[y] >= n ? 1 : 0);
    out->push_back(MixHash(kHistory, static_cast<uint64_t>(y * 3) + share +
                                         (uint64_t{flags} << 4)));
  }
}

void PredictionHistory::Record(uint64_t lower, uint8_t flags, int type) {
  if (!(flags & kCapitalized)) return;
  auto& c = counts_[lower];
  uint16_t& v = c[type + 1];
  if (v < 0xFFFF) ++v;
}

void FeatureExtractor::Prepare(std::string_view text, const Segmentation& seg,
                               DocumentContext* context) const {
  const int32_t sentences = static_cast<int32_t>(seg.sentences.size());
  context->line_kind.assign(sentences, 0);  // 1 all caps, 2 title case
  context->forms.clear();
  const size_t num_tokens = seg.tokens.size();
  context->lower.resize(num_tokens);
  context->cap.resize(num_tokens);
  context->form.resize(num_tokens);
  context->form_features.clear();
  std::vector<FormFeatures>& forms = context->form_features;
  // A document has at most one distinct form per token; reserving that
  // bound up front saves regrowing (and copying) the vector form by form.
  forms.reserve(num_tokens);
  // At most half full, so probe sequences stay short.
  size_t slots = 16;
  while (slots < 2 * num_tokens) slots *= 2;
  context->form_slots.assign(slots, -1);
  for (size_t t = 0; t < num_tokens; ++t) {
    const std::string_view w = seg.tokens[t].span.Of(text);
    const uint64_t lower = HashLower(w);
    int32_t* slot = nullptr;
    for (size_t i = lower & (slots - 1);; i = (i + 1) & (slots - 1)) {
      slot = &context->form_slots[i];
      if (*slot < 0 ||
          (forms[*slot].lower == lower && SameBytes(forms[*slot].text, w))) {
        break;
      }
    }
    if (*slot < 0) {
      *slot = static_cast<int32_t>(forms.size());
      ComputeForm(w, lower, clusters_, &forms.emplace_back());
    }
    const FormFeatures& f = forms[*slot];
    context->lower[t] = lower;
    context->cap[t] = f.cap;
    context->form[t] = static_cast<uint32_t>(*slot);
  }
  // `forms` below gets at most one key per distinct form: sized once, it
  // does not rehash as it grows.
  context->forms.reserve(forms.size());
  for (int32_t s = 0; s < sentences; ++s) {
    const SentenceInfo& si = seg.sentences[s];
    const uint64_t* lower = context->lower.data() + si.first_token;
    const uint8_t* cap = context->cap.data() + si.first_token;
    int words = 0, caps = 0, inits = 0, lowers = 0;
    for (int32_t k = 0; k < si.token_count; ++k) {
      switch (cap[k]) {
        case kCapAll:
          ++caps, ++words;
          break;
        case kCapInitial:
        case kCapMixed:
          ++inits, ++words;
          break;
        case kCapNone:
          ++lowers, ++words;
          break;
        default:
          break;
      }
    }
    uint8_t kind = 0;
    if (words > 0 && caps * 10 >= words * 7 && inits + lowers <= 1) {
      kind = 1;
    } else if (words >= 3 && lowers * 5 <= words && inits >= 2) {
      kind = 2;
    }
    context->line_kind[s] = kind;
    // Bit 0 seen lowercase, bit 1 capitalized mid-sentence in a normal line,
    // bit 2 capitalized sentence-initially in a normal line, bit 3 in an
    // all-caps line.
    const int32_t initial = InitialToken(text, seg, si);
    for (int32_t k = 0; k < si.token_count; ++k) {
      uint8_t bit = 0;
      if (cap[k] == kCapNone) {
        bit = 1;
      } else if (cap[k] == kCapInitial || cap[k] == kCapMixed ||
                 cap[k] == kCapAll) {
        if (kind == 1) {
          bit = 8;
        } else if (kind == 0) {
          bit = si.first_token + k == initial ? 4 : 2;
        }
      }
      if (bit != 0) context->forms[lower[k]] |= bit;
    }
  }
}

void FeatureExtractor::Extract(std::string_view text, const Segmentation& seg,
                               const DocumentContext& context, int32_t sentence,
                               int32_t first, int32_t count,
                               SpanFeatures* out) const {
  out->begin.clear();
  out->hashes.clear();
  const SentenceInfo& si = seg.sentences[sentence];
  const int32_t sent_first = si.first_token;
  const int32_t sent_last = si.first_token + si.token_count;
  // Context window: up to two tokens either side, within the sentence.
  const int32_t lo = std::max(sent_first, first - 2);
  const int32_t hi = std::min(sent_last, first + count + 2);
  std::vector<TokenInfo>& info = out->info;
  info.resize(hi - lo);
  const bool prepared = context.lower.size() == seg.tokens.size() &&
                        context.form.size() == seg.tokens.size();
  if (!prepared) out->forms.resize(hi - lo);
  for (int32_t t = lo; t < hi; ++t) {
    TokenInfo& ti = info[t - lo];
    ti.initial = false;
    if (prepared) {
      ti.form = &context.form_features[context.form[t]];
    } else {
      FormFeatures* f = &out->forms[t - lo];
      const std::string_view w = seg.tokens[t].span.Of(text);
      ComputeForm(w, HashLower(w), clusters_, f);
      ti.form = f;
    }
  }
  const int32_t initial = InitialToken(text, seg, si);
  if (initial >= lo && initial < hi) info[initial - lo].initial = true;

  const int lists = gazetteer_ != nullptr ? gazetteer_->list_count() : 0;
  std::vector<uint8_t>& gaz = out->gazetteer;
  std::vector<uint32_t>& gaz_lists = out->gazetteer_lists;
  if (lists > 0) {
    gazetteer_->Match(text, seg.tokens, lo, hi - lo, &gaz, &gaz_lists);
  }

  const uint64_t kind = context.line_kind[sentence];
  out->lower.clear();
  out->history_flags.clear();
  out->begin.reserve(count + 1);
  static const FormFeatures kStart = Pad(Hash64("<s>"));
  static const FormFeatures kEnd = Pad(Hash64("</s>"));
  // A token has at most 37 features plus three per gazetteer list (counted
  // from the templates below). They are written through a pointer into a
  // buffer on the stack, then appended to `hashes` in one copy.
  constexpr size_t kMaxPerToken = 40 + 3 * Gazetteer::kMaxLists;
  uint64_t buffer[kMaxPerToken];
  auto& h = out->hashes;
  h.reserve(static_cast<size_t>(count) * 64);
  uint64_t* next_hash = buffer;
  auto add = [&next_hash](uint64_t tmpl, uint64_t v) {
    *next_hash++ = MixHash(tmpl, v);
  };
  // The form of token `t`, which may fall outside [lo, hi).
  auto form_at = [&](int32_t t, const FormFeatures& pad) -> const auto& {
    return t >= lo && t < hi ? *info[t - lo].form : pad;
  };

  for (int32_t t = first; t < first + count; ++t) {
    out->begin.push_back(static_cast<uint32_t>(h.size()));
    next_hash = buffer;
    const TokenInfo& ti = info[t - lo];
    const FormFeatures& form = *ti.form;
    const bool has_prev = t > lo;
    const bool has_next = t + 1 < hi;
    const FormFeatures& m1 = form_at(t - 1, kStart);
    const FormFeatures& m2 = form_at(t - 2, kStart);
    const FormFeatures& p1 = form_at(t + 1, kEnd);
    const FormFeatures& p2 = form_at(t + 2, kEnd);
    const uint8_t cap = form.cap;
    out->lower.push_back(form.lower);
    out->history_flags.push_back(
        cap == kCapInitial || cap == kCapAll || cap == kCapMixed
            ? PredictionHistory::kCapitalized |
                  (ti.initial ? PredictionHistory::kInitial : 0) |
                  (cap == kCapAll ? PredictionHistory::kAllCaps : 0)
            : 0);

    add(kBias, 0);
    next_hash = std::copy(form.head, form.head + form.head_count, next_hash);
    *next_hash++ = m1.lower_m1;
    *next_hash++ = p1.lower_p1;
    *next_hash++ = m2.lower_m2;
    *next_hash++ = p2.lower_p2;
    *next_hash++ = m1.shape_m1;
    *next_hash++ = p1.shape_p1;
    *next_hash++ = MixHash(m1.bigram_m1, form.lower);
    *next_hash++ = MixHash(form.bigram_p1, p1.lower);
    *next_hash++ = MixHash(
        MixHash(kShapeTrigram, MixHash(m1.short_shape, form.short_shape)),
        p1.short_shape);
    add(kCapPosition, cap | (uint64_t{ti.initial} << 3) | (kind << 4));
    if (kind == 1) add(kCapsLineWord, form.lower);
    add(kCapContext, uint64_t{m1.cap} | (uint64_t{cap} << 3) |
                         (uint64_t{p1.cap} << 6) | (kind << 9));
    *next_hash++ = form.length;
    *next_hash++ = MixHash(m1.lower_m1_cap, cap);
    *next_hash++ = MixHash(p1.lower_p1_cap, cap);
    add(kSentenceLength, std::min<int32_t>(si.token_count, 6) |
                             (static_cast<uint64_t>(cap) << 4));
    if (sentence == 0) add(kFirstSentence, cap);
    if (cap == kCapInitial || cap == kCapAll || cap == kCapMixed) {
      auto it = context.forms.find(form.lower);
      const uint64_t flags = it == context.forms.end() ? 0 : it->second;
      add(kDocument, flags | (uint64_t{cap} << 4) |
                         (uint64_t{ti.initial} << 7) | (kind << 8));
    }
    if (lists > 0) {
      const size_t i = static_cast<size_t>(t - lo);
      const size_t row = i * lists;
      const uint8_t* g0 = gaz.data() + row;
      const uint8_t* gm1 = has_prev ? g0 - lists : nullptr;
      const uint8_t* gp1 = has_next ? g0 + lists : nullptr;
      // Only the lists that mark this token or a neighbour give features.
      uint32_t marked = gaz_lists[i];
      if (has_prev) marked |= gaz_lists[i - 1];
      if (has_next) marked |= gaz_lists[i + 1];
      for (; marked != 0; marked &= marked - 1) {
        const int l = __builtin_ctz(marked);
        if (g0[l] != 0) {
          add(kGazetteer, l | (uint64_t{g0[l]} << 5) | (uint64_t{cap} << 8));
        }
        if (gm1 != nullptr && gm1[l] != 0) {
          add(kGazetteerM1, l | (uint64_t{gm1[l]} << 5));
        }
        if (gp1 != nullptr && gp1[l] != 0) {
          add(kGazetteerP1, l | (uint64_t{gp1[l]} << 5));
        }
      }
    }
    next_hash =
        std::copy(form.clusters, form.clusters + form.cluster_count, next_hash);
    // The stand-ins beyond the sentence have no cluster.
    if (m1.cluster != 0) *next_hash++ = m1.cluster_m1;
    if (p1.cluster != 0) *next_hash++ = p1.cluster_p1;
    h.insert(h.end(), buffer, next_hash);
  }
  out->begin.push_back(static_cast<uint32_t>(h.size()));
}

}  // namespace ner
}  // namespace lede
