#include "engine/pipeline.h"

#include <sys/stat.h>

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "engine/dates/date_tagger.h"
#include "engine/entities/entity_recognizer.h"
#include "engine/entities/salience.h"
#include "engine/quotes/quote_finder.h"
#include "engine/summary/summarizer.h"
#include "engine/text/cancel.h"
#include "engine/text/segmenter.h"
#include "engine/text/utf8.h"

#ifndef LEDE_SOURCE_MODEL_DIR
#define LEDE_SOURCE_MODEL_DIR ""
#endif
#ifndef LEDE_INSTALLED_MODEL_DIR
#define LEDE_INSTALLED_MODEL_DIR ""
#endif

namespace lede {

namespace {
bool IsDir(const std::string& p) {
  struct stat st;
  return !p.empty() && stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}
}  // namespace

std::string DefaultModelDir() {
  if (const char* env = std::getenv("LEDE_MODEL_DIR"); env && *env) return env;
  if (IsDir(LEDE_SOURCE_MODEL_DIR)) return LEDE_SOURCE_MODEL_DIR;
  return LEDE_INSTALLED_MODEL_DIR;
}

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;

absl::StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  const std::string dir =
      options.model_dir.empty() ? DefaultModelDir() : options.model_dir;
  {
    auto s = Segmenter::Create(SegmenterSpec{});
    if (!s.ok()) return s.status();
    p->segmenter_ = *std::move(s);
  }
  {
    EntitySpec spec;
    spec.model_dir = dir;
    auto s = EntityRecognizer::Create(spec);
    if (!s.ok()) return s.status();
    p->entities_ = *std::move(s);
  }
  {
    auto s = DateTagger::Create(DateSpec{});
    if (!s.ok()) return s.status();
    p->dates_ = *std::move(s);
  }
  {
    auto s = QuoteFinder::Create(QuoteSpec{});
    if (!s.ok()) return s.status();
    p->quotes_ = *std::move(s);
  }
  {
    SummarySpec spec;
    spec.model_dir = dir;
    auto s = Summarizer::Create(spec);
    if (!s.ok()) return s.status();
    p->summarizer_ = *std::move(s);
  }
  return p;
}

std::vector<std::string> Pipeline::ModelIds() const {
  std::vector<std::string> ids;
  if (std::string id = entities_->ModelId(); !id.empty()) {
    ids.push_back(absl::StrCat("entities: ", id));
  }
  if (const std::string& id = summarizer_->ModelId(); !id.empty()) {
    ids.push_back(absl::StrCat("summary: ", id));
  }
  return ids;
}

absl::StatusOr<AnalysisResult> Pipeline::Analyze(
    std::string_view text, const AnalyzeOptions& options) const {
  if (absl::Status s = ValidateUtf8(text); !s.ok()) return s;
  if (options.max_sentences < 0 ||
      options.max_sentences > kMaxSummarySentences) {
    return absl::InvalidArgumentError(
        absl::StrCat("summary_options.max_sentences is ", options.max_sentences,
                     "; it must be between 0 (meaning the default, ",
                     kDefaultSummarySentences, ") and ", kMaxSummarySentences));
  }
  auto ref = ParseReferenceTime(options.reference_time);
  if (!ref.ok()) return ref.status();

  const bool all = !options.summary && !options.entities && !options.dates &&
                   !options.quotes;
  const bool want_summary = all || options.summary;
  const bool want_entities = all || options.entities;
  const bool want_dates = all || options.dates;
  const bool want_quotes = all || options.quotes;

  auto interrupted = [&options] {
    return options.interrupted && options.interrupted();
  };
  // Long stages poll the same check between sentences (StopRequested()).
  CancelScope cancel_scope(options.interrupted);

  AnalysisResult r;
  r.reference = *ref;
  r.segmentation = segmenter_->Segment(text);
  if (interrupted()) return options.interrupted_status;

  if (!r.reference.known()) {
    r.reference = dates_->FindDateline(text, r.segmentation);
  }

  std::vector<Entity> entities;
  if (want_entities || want_quotes || want_summary) {
    entities = entities_->Recognize(text, r.segmentation);
    if (interrupted()) return options.interrupted_status;
  }
  if (want_dates) {
    r.dates = dates_->Tag(text, r.segmentation, r.reference);
    if (interrupted()) return options.interrupted_status;
  }
  if (want_quotes) {
    r.quotes = quotes_->Find(text, r.segmentation, &entities);
    // Speaker mentions the quote stage added (pronouns, titles) count
    // towards salience; this re-sorts the entities.
    ScoreSalience(text, r.segmentation, &entities);
    if (interrupted()) return options.interrupted_status;
  }
  if (want_summary) {
    SummaryRequest req;
    req.max_sentences = options.max_sentences == 0 ? kDefaultSummarySentences
                                                   : options.max_sentences;
    req.score_order = options.summary_score_order;
    req.exact_count = options.summary_exact_count;
    r.summary = summarizer_->Summarize(text, r.segmentation, entities, req);
  }
  if (want_entities) r.entities = std::move(entities);
  return r;
}

}  // namespace lede
