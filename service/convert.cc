#include "service/convert.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/text/string_view.h"
#include "service/offsets.h"

namespace lede {
namespace {

v1::EntityType ToProto(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return v1::PERSON;
    case EntityType::kOrganization:
      return v1::ORGANIZATION;
    case EntityType::kLocation:
      return v1::LOCATION;
    case EntityType::kNationality:
      return v1::NATIONALITY;
    case EntityType::kEvent:
      return v1::EVENT;
    case EntityType::kWorkOfArt:
      return v1::WORK_OF_ART;
    case EntityType::kProduct:
      return v1::PRODUCT;
    case EntityType::kMoney:
      return v1::MONEY;
    case EntityType::kPercent:
      return v1::PERCENT;
    case EntityType::kOther:
      return v1::OTHER;
    case EntityType::kUnspecified:
      break;
  }
  return v1::ENTITY_TYPE_UNSPECIFIED;
}

v1::MentionType ToProto(MentionType t) {
  switch (t) {
    case MentionType::kProper:
      return v1::PROPER;
    case MentionType::kNominal:
      return v1::NOMINAL;
    case MentionType::kPronoun:
      return v1::PRONOUN;
    case MentionType::kUnspecified:
      break;
  }
  return v1::MENTION_TYPE_UNSPECIFIED;
}

v1::TimeType ToProto(TimeType t) {
  switch (t) {
    case TimeType::kDate:
      return v1::DATE;
    case TimeType::kTime:
      return v1::TIME;
    case TimeType::kDuration:
      return v1::DURATION;
    case TimeType::kSet:
      return v1::SET;
    case TimeType::kUnspecified:
      break;
  }
  return v1::TIME_TYPE_UNSPECIFIED;
}

v1::QuoteType ToProto(QuoteType t) {
  switch (t) {
    case QuoteType::kDirect:
      return v1::DIRECT;
    case QuoteType::kIndirect:
      return v1::INDIRECT;
    case QuoteType::kUnspecified:
      break;
  }
  return v1::QUOTE_TYPE_UNSPECIFIED;
}

v1::ReferenceTimeSource ToProto(ReferenceTime::Source s) {
  switch (s) {
    case ReferenceTime::Source::kRequest:
      return v1::REQUEST;
    case ReferenceTime::Source::kDateline:
      return v1::DATELINE;
    case ReferenceTime::Source::kNone:
      return v1::NONE;
  }
  return v1::REFERENCE_TIME_SOURCE_UNSPECIFIED;
}

class SpanWriter {
 public:
  SpanWriter(std::string_view text, v1::EncodingType encoding)
      : text_(text), mapper_(text, encoding) {}
  void Set(ByteSpan s, v1::Span* out) const {
    out->set_begin(mapper_.Map(s.begin));
    out->set_end(mapper_.Map(s.end));
  }
  std::string Text(ByteSpan s) const { return std::string(s.Of(text_)); }

 private:
  std::string_view text_;
  OffsetMapper mapper_;
};

}  // namespace

AnalyzeOptions ToAnalyzeOptions(const v1::Features& features,
                                const v1::SummaryOptions& summary,
                                std::string reference_time) {
  AnalyzeOptions o;
  o.summary = features.summary();
  o.entities = features.entities();
  o.dates = features.dates();
  o.quotes = features.quotes();
  o.max_sentences = summary.max_sentences();
  o.summary_score_order = summary.order() == v1::SCORE_ORDER;
  o.summary_exact_count = summary.exact_count();
  o.reference_time = std::move(reference_time);
  return o;
}

absl::Status ValidateLanguage(std::string_view language) {
  const std::string lower = absl::AsciiStrToLower(AsAbsl(language));
  if (lower.empty() || lower == "en" || absl::StartsWith(lower, "en-")) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "language \"", AsAbsl(language.substr(0, 32)),
      "\" is not supported; lede analyzes English only: send \"en\" or leave "
      "language empty"));
}

void FillResponse(std::string_view text, const AnalysisResult& r,
                  v1::EncodingType encoding, v1::AnalyzeResponse* out) {
  const SpanWriter w(text, encoding);
  out->set_reference_time(r.reference.ToString());
  out->set_reference_time_source(ToProto(r.reference.source));
  out->mutable_sentences()->Reserve(
      static_cast<int>(r.segmentation.sentences.size()));
  for (const auto& s : r.segmentation.sentences) {
    v1::Sentence* ps = out->add_sentences();
    w.Set(s.span, ps->mutable_span());
    ps->set_text(w.Text(s.span));
    ps->set_paragraph_index(s.paragraph);
  }
  for (const auto& s : r.summary) {
    v1::SummarySentence* ps = out->mutable_summary()->add_sentences();
    const ByteSpan span = r.segmentation.sentences[s.sentence_index].span;
    ps->set_sentence_index(s.sentence_index);
    w.Set(span, ps->mutable_span());
    ps->set_text(w.Text(span));
    ps->set_score(s.score);
  }
  for (const auto& e : r.entities) {
    v1::Entity* pe = out->add_entities();
    pe->set_name(e.name);
    pe->set_type(ToProto(e.type));
    pe->set_salience(e.salience);
    for (const auto& m : e.mentions) {
      v1::Mention* pm = pe->add_mentions();
      w.Set(m.span, pm->mutable_span());
      pm->set_text(w.Text(m.span));
      pm->set_type(ToProto(m.type));
    }
  }
  for (const auto& d : r.dates) {
    v1::TimeExpression* pd = out->add_dates();
    w.Set(d.span, pd->mutable_span());
    pd->set_text(w.Text(d.span));
    pd->set_type(ToProto(d.type));
    pd->set_value(d.value);
    pd->set_mod(d.mod);
  }
  for (const auto& q : r.quotes) {
    v1::Quote* pq = out->add_quotes();
    w.Set(q.span, pq->mutable_span());
    pq->set_text(w.Text(q.span));
    pq->set_speaker(q.speaker);
    if (q.has_speaker_span) {
      w.Set(q.speaker_span, pq->mutable_speaker_span());
      pq->set_speaker_text(w.Text(q.speaker_span));
    }
    pq->set_cue(q.cue);
    pq->set_type(ToProto(q.type));
  }
}

}  // namespace lede
