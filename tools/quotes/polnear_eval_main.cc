// polnear_eval: scores the quote stage on PolNeAR (Newell et al. 2018).
//
// Gold units are the contiguous runs of words inside double quotation marks
// within the content spans of direct and mixed attributions (a quote of
// several paragraphs, each reopened with a mark, is one unit). A predicted
// DIRECT quote matches a unit when they overlap by at least half of the
// longer one (one-to-one, greedy in document order). On matched units with
// a gold source, the speaker is correct when the quote's `speaker_span`, or
// any mention of the entity named by `speaker`, overlaps the source span;
// reported for pronoun sources ("he", "they"), other sources and overall.
// The cue is correct when it agrees with the gold cue's words.
//
// Runs the whole lede::Pipeline, so it improves as the entity stage does.
// Exits non-zero when a figure falls below its --min_* floor.
//
// Usage: polnear_eval [--data=FILE.jsonl] [--min_f1=0.9] [--min_speaker=0.8]
//                     [--min_cue=0.8] [--verbose [--context=300]
//                     [--only=SPEAKER,CUE]]
//
// --verbose prints one line per miss (MISS: gold quote not found; SPEAKER:
// wrong or no speaker; CUE: wrong cue; EXTRA: predicted quote with no gold);
// --context adds the surrounding text for error analysis.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "engine/pipeline.h"
#include "tools/common/json.h"
#include "tools/quotes/text_offsets.h"

ABSL_FLAG(std::string, data, "",
          "PolNeAR JSONL (default $LEDE_SHARED_DIR/data/polnear/"
          "polnear_dev.jsonl)");
ABSL_FLAG(double, min_f1, 0, "fail when quote F1 is below this");
ABSL_FLAG(double, min_speaker, 0,
          "fail when overall speaker accuracy is below");
ABSL_FLAG(double, min_cue, 0, "fail when cue accuracy is below this");
ABSL_FLAG(bool, verbose, false, "print every miss");
ABSL_FLAG(int32_t, context, 0,
          "with --verbose: also print this many bytes of text before and "
          "after each speaker or cue miss, with the gold source and the "
          "quote marked [[ ]] and << >>");
ABSL_FLAG(std::string, only, "",
          "with --verbose: print only these kinds (comma-separated: MISS, "
          "SPEAKER, CUE, EXTRA)");
ABSL_FLAG(std::string, model_dir, "", "model directory (default: auto)");

namespace lede::tools {
namespace {

struct Unit {
  ByteSpan span;
  ByteSpan source;
  bool has_source = false;
  bool pronoun = false;
  std::string cue;
  ByteSpan cue_span;
};

bool Overlap(ByteSpan a, ByteSpan b) {
  return a.begin < b.end && b.begin < a.end;
}

int32_t OverlapLen(ByteSpan a, ByteSpan b) {
  return std::max(0, std::min(a.end, b.end) - std::max(a.begin, b.begin));
}

bool Matches(ByteSpan a, ByteSpan b) {
  return 2 * OverlapLen(a, b) >= std::max(a.size(), b.size());
}

bool IsPronoun(std::string s) {
  s = absl::AsciiStrToLower(s);
  for (const char* p : {"he", "she", "they", "i", "we", "it", "you", "him",
                        "her", "them", "us", "me"}) {
    if (s == p) return true;
  }
  return false;
}

// Gold units of one attribution.
void UnitsOf(const std::string& text, const std::vector<ByteSpan>& pieces,
             std::vector<ByteSpan>* out) {
  bool open = false;
  int32_t open_end = 0;
  bool first_mark = true;
  for (const ByteSpan& piece : pieces) {
    for (int32_t i = piece.begin; i < piece.end;) {
      int32_t len = DoubleMarkAt(text, i, piece.end);
      if (len == 0) {
        ++i;
        continue;
      }
      const bool closer = IsClosingMark(text, i, len);
      if (!open) {
        if (first_mark && closer) {
          out->push_back(Trim(text, {piece.begin, i}));
        } else {
          open = true;
          open_end = i + len;
        }
      } else if (AtParagraphStart(text, i) &&
                 text.find('\n', open_end) < static_cast<size_t>(i) &&
                 !closer) {
        // A quote continued from the previous paragraph.
      } else {
        out->push_back(Trim(text, {open_end, i}));
        open = false;
      }
      first_mark = false;
      i += len;
    }
  }
  if (open && !pieces.empty()) {
    out->push_back(Trim(text, {open_end, pieces.back().end}));
  }
}

int Run() {
  std::string path = absl::GetFlag(FLAGS_data);
  if (path.empty()) {
    const char* shared = std::getenv("LEDE_SHARED_DIR");
    path = std::string(shared ? shared : "../shared") +
           "/data/polnear/polnear_dev.jsonl";
  }
  auto docs = ReadJsonLines(path);
  if (!docs.ok()) {
    std::fprintf(stderr, "%s\n", std::string(docs.status().message()).c_str());
    return 2;
  }
  PipelineOptions popts;
  popts.model_dir = absl::GetFlag(FLAGS_model_dir);
  auto pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(pipeline.status().message()).c_str());
    return 2;
  }
  const bool verbose = absl::GetFlag(FLAGS_verbose);
  int64_t n_gold = 0, n_pred = 0, n_match = 0;
  int64_t spk_n[2] = {0, 0}, spk_ok[2] = {0, 0};
  int64_t cue_n = 0, cue_ok = 0;
  int64_t n_unlisted = 0;  // speaker spans missing from the entity's mentions
  for (const JsonValue& doc : *docs) {
    const std::string& text = doc["text"].string;
    const std::vector<int32_t> off = CodePointOffsets(text);
    auto byte = [&](const JsonValue& v) {
      int cp = v.AsInt();
      cp = std::max(0, std::min<int>(cp, static_cast<int>(off.size()) - 1));
      return off[cp];
    };
    std::vector<Unit> gold;
    for (const JsonValue& q : doc["quotes"].array) {
      const std::string& type = q["type"].string;
      if (type != "direct" && type != "mixed") continue;
      std::vector<ByteSpan> pieces;
      for (const JsonValue& p : q["content_spans"].array) {
        pieces.push_back({byte(p[0]), byte(p[1])});
      }
      std::vector<ByteSpan> spans;
      UnitsOf(text, pieces, &spans);
      for (ByteSpan s : spans) {
        if (s.empty()) continue;
        bool dup = false;
        for (const Unit& u : gold) dup = dup || Matches(u.span, s);
        if (dup) continue;
        Unit u;
        u.span = s;
        if (!q["speaker_begin"].is_null() && !q["speaker"].is_null()) {
          u.has_source = true;
          u.source = {byte(q["speaker_begin"]), byte(q["speaker_end"])};
          u.pronoun = IsPronoun(q["speaker"].string);
        }
        if (!q["cue"].is_null()) {
          u.cue = absl::AsciiStrToLower(q["cue"].string);
          if (!q["cue_begin"].is_null()) {
            u.cue_span = {byte(q["cue_begin"]), byte(q["cue_end"])};
          }
        }
        gold.push_back(u);
      }
    }
    AnalyzeOptions opts;
    opts.entities = true;
    opts.quotes = true;
    auto r = (*pipeline)->Analyze(text, opts);
    if (!r.ok()) {
      std::fprintf(stderr, "%s: %s\n", doc["id"].string.c_str(),
                   std::string(r.status().message()).c_str());
      return 2;
    }
    std::vector<const Quote*> pred;
    for (const Quote& q : r->quotes) {
      if (q.type == QuoteType::kDirect) pred.push_back(&q);
      // Every speaker span of a resolved speaker is one of its mentions.
      if (q.speaker.empty() || !q.has_speaker_span) continue;
      bool mention = false;
      for (const Entity& e : r->entities) {
        if (e.name != q.speaker) continue;
        for (const EntityMention& m : e.mentions) {
          mention = mention || m.span == q.speaker_span;
        }
      }
      if (!mention) {
        ++n_unlisted;
        if (verbose) {
          std::printf(
              "UNLISTED %s @%d: speaker span [%s] is no mention of %s\n",
              doc["id"].string.c_str(), q.span.begin,
              std::string(q.speaker_span.Of(text)).c_str(), q.speaker.c_str());
        }
      }
    }
    n_gold += gold.size();
    n_pred += pred.size();
    std::vector<bool> used(pred.size(), false);
    const int32_t ctx = absl::GetFlag(FLAGS_context);
    const std::string only = absl::GetFlag(FLAGS_only);
    auto show = [&](const char* kind) {
      return verbose && (only.empty() || only.find(kind) != std::string::npos);
    };
    // Text around the quote with the quote in << >> and `mark` in [[ ]].
    auto context = [&](ByteSpan quote, ByteSpan mark, bool has_mark) {
      if (ctx <= 0) return;
      int32_t b = std::max<int32_t>(0, std::min(quote.begin, mark.begin) - ctx);
      int32_t e = std::min<int32_t>(static_cast<int32_t>(text.size()),
                                    std::max(quote.end, mark.end) + ctx);
      while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
      while (e < static_cast<int32_t>(text.size()) &&
             (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) {
        ++e;
      }
      std::string out;
      for (int32_t i = b; i <= e; ++i) {
        if (has_mark && i == mark.end) out += "]]";
        if (i == quote.end) out += ">>";
        if (i == quote.begin) out += "<<";
        if (has_mark && i == mark.begin) out += "[[";
        if (i < e) out += text[i] == '\n' ? '|' : text[i];
      }
      std::printf("    %s\n", out.c_str());
    };
    auto snippet = [&](ByteSpan s) {
      std::string t(s.Of(text).substr(0, 90));
      for (char& c : t) c = c == '\n' ? ' ' : c;
      return t;
    };
    for (const Unit& u : gold) {
      int best = -1;
      for (size_t i = 0; i < pred.size(); ++i) {
        if (!used[i] && Matches(u.span, pred[i]->span)) {
          best = static_cast<int>(i);
          break;
        }
      }
      if (best < 0) {
        if (show("MISS")) {
          std::printf("MISS %s @%d: %s\n", doc["id"].string.c_str(),
                      u.span.begin, snippet(u.span).c_str());
        }
        continue;
      }
      used[best] = true;
      ++n_match;
      const Quote& q = *pred[best];
      if (u.has_source) {
        bool ok = q.has_speaker_span && Overlap(q.speaker_span, u.source);
        if (!ok && !q.speaker.empty()) {
          for (const Entity& e : r->entities) {
            if (e.name != q.speaker) continue;
            for (const EntityMention& m : e.mentions) {
              ok = ok || Overlap(m.span, u.source);
            }
          }
        }
        ++spk_n[u.pronoun];
        spk_ok[u.pronoun] += ok;
        if (!ok && show("SPEAKER")) {
          std::printf("SPEAKER %s @%d: gold [%s] got [%s] (%s) in: %s\n",
                      doc["id"].string.c_str(), u.span.begin,
                      snippet(u.source).c_str(),
                      q.has_speaker_span ? snippet(q.speaker_span).c_str() : "",
                      q.speaker.c_str(), snippet(u.span).c_str());
          if (ctx > 0) {
            std::printf("    predicted quote: %s\n", snippet(q.span).c_str());
          }
          context(u.span, u.source, true);
        }
      }
      if (!u.cue.empty()) {
        ++cue_n;
        const bool ok =
            !q.cue.empty() && (u.cue.find(q.cue) != std::string::npos ||
                               q.cue.find(u.cue) != std::string::npos);
        cue_ok += ok;
        if (!ok && show("CUE")) {
          std::printf("CUE %s @%d: gold [%s] got [%s]\n",
                      doc["id"].string.c_str(), u.span.begin, u.cue.c_str(),
                      q.cue.c_str());
          context(u.span, u.cue_span, true);
        }
      }
    }
    if (show("EXTRA")) {
      for (size_t i = 0; i < pred.size(); ++i) {
        if (!used[i]) {
          std::printf("EXTRA %s @%d: %s [%s]\n", doc["id"].string.c_str(),
                      pred[i]->span.begin, snippet(pred[i]->span).c_str(),
                      pred[i]->speaker.c_str());
        }
      }
    }
  }
  const double p = n_pred ? double(n_match) / n_pred : 0;
  const double rc = n_gold ? double(n_match) / n_gold : 0;
  const double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
  auto ratio = [](int64_t a, int64_t b) { return b ? double(a) / b : 0.0; };
  const double spk = ratio(spk_ok[0] + spk_ok[1], spk_n[0] + spk_n[1]);
  const double cue = ratio(cue_ok, cue_n);
  std::printf("data: %s (%zu docs)\n", path.c_str(), docs->size());
  std::printf(
      "quotes: gold %lld predicted %lld matched %lld  P %.4f R %.4f "
      "F1 %.4f\n",
      (long long)n_gold, (long long)n_pred, (long long)n_match, p, rc, f1);
  std::printf(
      "speaker accuracy: overall %.4f (%lld/%lld)  name %.4f "
      "(%lld/%lld)  pronoun %.4f (%lld/%lld)\n",
      spk, (long long)(spk_ok[0] + spk_ok[1]), (long long)(spk_n[0] + spk_n[1]),
      ratio(spk_ok[0], spk_n[0]), (long long)spk_ok[0], (long long)spk_n[0],
      ratio(spk_ok[1], spk_n[1]), (long long)spk_ok[1], (long long)spk_n[1]);
  std::printf("cue accuracy: %.4f (%lld/%lld)\n", cue, (long long)cue_ok,
              (long long)cue_n);
  std::printf("speaker spans not among the entity's mentions: %lld\n",
              (long long)n_unlisted);
  int rc_code = 0;
  if (n_unlisted > 0) {
    std::printf("FAIL: %lld speaker spans are no mention of their entity\n",
                (long long)n_unlisted);
    rc_code = 1;
  }
  if (f1 < absl::GetFlag(FLAGS_min_f1)) {
    std::printf("FAIL: F1 %.4f below floor %.4f\n", f1,
                absl::GetFlag(FLAGS_min_f1));
    rc_code = 1;
  }
  if (spk < absl::GetFlag(FLAGS_min_speaker)) {
    std::printf("FAIL: speaker accuracy %.4f below floor %.4f\n", spk,
                absl::GetFlag(FLAGS_min_speaker));
    rc_code = 1;
  }
  if (cue < absl::GetFlag(FLAGS_min_cue)) {
    std::printf("FAIL: cue accuracy %.4f below floor %.4f\n", cue,
                absl::GetFlag(FLAGS_min_cue));
    rc_code = 1;
  }
  return rc_code;
}

}  // namespace
}  // namespace lede::tools

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::tools::Run();
}
