#include "engine/entities/salience.h"

#include <algorithm>
#include <cmath>

namespace lede {
namespace {

float TypeWeight(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return 1.0f;
    case EntityType::kOrganization:
      return 0.9f;
    case EntityType::kLocation:
      return 0.8f;
    case EntityType::kEvent:
      return 0.8f;
    case EntityType::kWorkOfArt:
    case EntityType::kProduct:
      return 0.7f;
    case EntityType::kNationality:
      return 0.5f;
    case EntityType::kOther:
      return 0.5f;
    case EntityType::kMoney:
    case EntityType::kPercent:
      return 0.4f;
    default:
      return 0.5f;
  }
}

// End of the lead: the first paragraph, plus the second when the first is a
// short headline.
int32_t LeadEnd(std::string_view text, const Segmentation& seg) {
  if (seg.paragraphs.empty()) {
    return static_cast<int32_t>(std::min<size_t>(text.size(), 300));
  }
  const Paragraph& first = seg.paragraphs[0];
  if (first.span.size() < 150 && seg.paragraphs.size() > 1) {
    return seg.paragraphs[1].span.end;
  }
  return first.span.end;
}

}  // namespace

void ScoreSalience(std::string_view text, const Segmentation& seg,
                   std::vector<Entity>* entities) {
  const int32_t lead_end = LeadEnd(text, seg);
  const float length = std::max<float>(1.0f, static_cast<float>(text.size()));
  float total = 0;
  for (Entity& e : *entities) {
    int proper = 0, other = 0, in_lead = 0;
    int32_t first = e.mentions.empty() ? 0 : e.mentions.front().span.begin;
    for (const EntityMention& m : e.mentions) {
      (m.type == MentionType::kProper ? proper : other)++;
      if (m.span.begin < lead_end) ++in_lead;
      first = std::min(first, m.span.begin);
    }
    const float position = 1.0f - std::min(1.0f, first / length);
    const float score =
        TypeWeight(e.type) *
        (1.0f + std::log2(1.0f + proper) + 0.5f * std::log2(1.0f + other) +
         1.5f * position * position + std::min(in_lead, 2) * 0.5f);
    e.salience = score;
    total += score;
  }
  for (Entity& e : *entities) {
    e.salience = total > 0 ? std::clamp(e.salience / total, 0.0f, 1.0f) : 0;
  }
  std::stable_sort(entities->begin(), entities->end(),
                   [](const Entity& a, const Entity& b) {
                     if (a.salience != b.salience) {
                       return a.salience > b.salience;
                     }
                     const int32_t fa =
                         a.mentions.empty() ? 0 : a.mentions.front().span.begin;
                     const int32_t fb =
                         b.mentions.empty() ? 0 : b.mentions.front().span.begin;
                     return fa < fb;
                   });
}

}  // namespace lede
