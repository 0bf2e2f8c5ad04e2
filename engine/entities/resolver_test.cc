#include "engine/entities/resolver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kLoc = EntityType::kLocation;
constexpr EntityType kMisc = EntityType::kOther;

// A mention to tag: the next occurrence of `text` after the previous one.
struct Tag {
  std::string text;
  EntityType type;
  float confidence = 0.9f;
};

// Tags each `tags[i].text` at its first occurrence after the end of the
// previous tag (so tags must be listed in document order).
std::vector<TaggedMention> TagAll(const std::string& text,
                                  const std::vector<Tag>& tags) {
  std::vector<TaggedMention> out;
  size_t from = 0;
  for (const Tag& t : tags) {
    size_t at = text.find(t.text, from);
    EXPECT_NE(at, std::string::npos) << t.text;
    if (at == std::string::npos) continue;
    TaggedMention m;
    m.span = {static_cast<int32_t>(at),
              static_cast<int32_t>(at + t.text.size())};
    m.type = t.type;
    m.confidence = t.confidence;
    out.push_back(m);
    from = at + t.text.size();
  }
  return out;
}

std::vector<Entity> Resolve(const std::string& text,
                            const std::vector<Tag>& tags) {
  auto r = Resolver::Create({});
  EXPECT_TRUE(r.ok());
  return (*r)->Resolve(text, Segmentation{}, TagAll(text, tags));
}

const Entity* FindEntity(const std::vector<Entity>& es,
                         const std::string& name) {
  for (const Entity& e : es) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::vector<std::string> MentionTexts(const std::string& text,
                                      const Entity& e) {
  std::vector<std::string> out;
  for (const EntityMention& m : e.mentions) out.emplace_back(m.span.Of(text));
  return out;
}

std::vector<std::string> Names(const std::vector<Entity>& es) {
  std::vector<std::string> out;
  for (const Entity& e : es) out.push_back(e.name);
  return out;
}

TEST(ResolverTest, NoMentionsNoEntities) {
  EXPECT_THAT(Resolve("Nothing to see here.", {}), IsEmpty());
  EXPECT_THAT(Resolve("", {}), IsEmpty());
}

TEST(ResolverTest, SurnameAndPossessiveJoinTheFullName) {
  const std::string text =
      "Vladimir Putin arrived. Putin said little. Putin's visit ends today; "
      "Putin\xE2\x80\x99s aides left.";
  auto es = Resolve(text, {{"Vladimir Putin", kPer},
                           {"Putin", kPer},
                           {"Putin's", kPer},
                           {"Putin\xE2\x80\x99s", kPer}});
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].name, "Vladimir Putin");
  EXPECT_EQ(es[0].type, kPer);
  EXPECT_THAT(MentionTexts(text, es[0]),
              ElementsAre("Vladimir Putin", "Putin", "Putin", "Putin"));
  for (const EntityMention& m : es[0].mentions) {
    EXPECT_EQ(m.type, MentionType::kProper);
  }
}

TEST(ResolverTest, KimAttachesToTheMoreFrequentKimNotToKimJongIl) {
  const std::string text =
      "Kim Jong-un met Putin. Kim Jong-un smiled. Putin met Kim's father Kim "
      "Jong Il in 2000. Kim said ties were strong.";
  auto es = Resolve(text, {{"Kim Jong-un", kPer},
                           {"Putin", kPer},
                           {"Kim Jong-un", kPer},
                           {"Putin", kPer},
                           {"Kim's", kPer},
                           {"Kim Jong Il", kPer},
                           {"Kim", kPer}});
  const Entity* un = FindEntity(es, "Kim Jong-un");
  const Entity* il = FindEntity(es, "Kim Jong Il");
  ASSERT_NE(un, nullptr);
  ASSERT_NE(il, nullptr);
  EXPECT_EQ(un->mentions.size(), 4u);
  EXPECT_EQ(il->mentions.size(), 1u);
}

TEST(ResolverTest, AmbiguousSurnameGoesToMostRecentPrecedingFullName) {
  const std::string text =
      "Kim Jong Il ruled until 2011. Kim Jong-un took over. Kim said so. "
      "Later Kim Jong Il was buried. Kim wept.";
  auto es = Resolve(text, {{"Kim Jong Il", kPer},
                           {"Kim Jong-un", kPer},
                           {"Kim", kPer},
                           {"Kim Jong Il", kPer},
                           {"Kim", kPer}});
  // 2 full mentions of Kim Jong Il against 1 of Kim Jong-un: the more
  // frequent wins both short mentions.
  const Entity* il = FindEntity(es, "Kim Jong Il");
  ASSERT_NE(il, nullptr);
  EXPECT_EQ(il->mentions.size(), 4u);

  const std::string tie =
      "Kim Jong Il ruled until 2011. Kim Jong-un took over. Kim said so.";
  auto es2 = Resolve(
      tie, {{"Kim Jong Il", kPer}, {"Kim Jong-un", kPer}, {"Kim", kPer}});
  const Entity* un = FindEntity(es2, "Kim Jong-un");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->mentions.size(), 2u);
}

TEST(ResolverTest, SpellingVariantsOfHyphenatedNamesGroup) {
  const std::string text =
      "Kim Jong Un spoke. Kim Jong-un left. Jean-Claude Juncker came. "
      "Juncker spoke. Lloyd J. Austin III arrived. Lloyd Austin said.";
  auto es = Resolve(text, {{"Kim Jong Un", kPer},
                           {"Kim Jong-un", kPer},
                           {"Jean-Claude Juncker", kPer},
                           {"Juncker", kPer},
                           {"Lloyd J. Austin III", kPer},
                           {"Lloyd Austin", kPer}});
  ASSERT_EQ(es.size(), 3u);
  for (const Entity& e : es) EXPECT_EQ(e.mentions.size(), 2u) << e.name;
  EXPECT_NE(FindEntity(es, "Jean-Claude Juncker"), nullptr);
  EXPECT_NE(FindEntity(es, "Lloyd J. Austin III"), nullptr);
}

struct AcronymCase {
  std::string full;
  std::string acronym;
  EntityType type;
};

class AcronymTest : public ::testing::TestWithParam<AcronymCase> {};

TEST_P(AcronymTest, AcronymJoinsFullNameEitherOrder) {
  const AcronymCase& c = GetParam();
  for (bool acronym_first : {false, true}) {
    const std::string& a = acronym_first ? c.acronym : c.full;
    const std::string& b = acronym_first ? c.full : c.acronym;
    const std::string text =
        "Reports from " + a + " today. Then " + b + " said more.";
    auto es = Resolve(text, {{a, c.type}, {b, c.type}});
    ASSERT_EQ(es.size(), 1u) << text;
    EXPECT_EQ(es[0].name, c.full);
    EXPECT_EQ(es[0].type, c.type);
    EXPECT_EQ(es[0].mentions.size(), 2u);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Acronyms, AcronymTest,
    ::testing::Values(
        AcronymCase{"Korean Central News Agency", "KCNA", kOrg},
        AcronymCase{"North Atlantic Treaty Organization", "NATO", kOrg},
        AcronymCase{"United Nations", "U.N.", kOrg},
        AcronymCase{"Organization of the Petroleum Exporting Countries", "OPEC",
                    kOrg},
        AcronymCase{"United States", "U.S.", kLoc}));

TEST(ResolverTest, AcronymTypedMiscTakesTheFullNamesType) {
  const std::string text = "Korean Central News Agency reported. KCNA said.";
  auto es =
      Resolve(text, {{"Korean Central News Agency", kOrg}, {"KCNA", kMisc}});
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].type, kOrg);
}

struct CleanCase {
  std::string sentence;
  std::string tagged;
  EntityType type;
  std::string name;  // empty: no entity expected
};

class CleaningTest : public ::testing::TestWithParam<CleanCase> {};

TEST_P(CleaningTest, StripsOrDropsAsExpected) {
  const CleanCase& c = GetParam();
  auto es = Resolve(c.sentence, {{c.tagged, c.type}});
  // Titles may leave a NATIONALITY behind; look only at the main entity.
  std::vector<std::string> names;
  for (const Entity& e : es) {
    if (e.type != EntityType::kNationality) names.push_back(e.name);
  }
  if (c.name.empty()) {
    EXPECT_THAT(names, IsEmpty()) << c.tagged;
  } else {
    EXPECT_THAT(names, ElementsAre(c.name)) << c.tagged;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Titles, CleaningTest,
    ::testing::Values(
        CleanCase{"Then President Vladimir Putin spoke.",
                  "President Vladimir Putin", kPer, "Vladimir Putin"},
        CleanCase{"U.S. Secretary of Defense Lloyd Austin told them.",
                  "U.S. Secretary of Defense Lloyd Austin", kPer,
                  "Lloyd Austin"},
        CleanCase{"U.S. National Security spokesman John Kirby told them.",
                  "U.S. National Security spokesman John Kirby", kPer,
                  "John Kirby"},
        CleanCase{"North Korean Leader Kim Jong-un (L) meets.",
                  "North Korean Leader Kim Jong-un", kPer, "Kim Jong-un"},
        CleanCase{"Gen. Mark Milley said.", "Gen. Mark Milley", kPer,
                  "Mark Milley"},
        CleanCase{"Prime Minister Rishi Sunak said.",
                  "Prime Minister Rishi Sunak", kPer, "Rishi Sunak"},
        CleanCase{"The President said.", "President", kPer, ""},
        CleanCase{"Mr De Vido said.", "Mr De Vido", kOrg, "De Vido"},
        CleanCase{"Professor Burrows said.", "Professor Burrows", kOrg,
                  "Burrows"},
        CleanCase{"MR DE VIDO SAID", "MR DE VIDO", kOrg, "DE VIDO"},
        CleanCase{"( Spain ) MX Onda 2:01", "MX Onda", kOrg, "MX Onda"}));

INSTANTIATE_TEST_SUITE_P(
    FunctionAndTimeWords, CleaningTest,
    ::testing::Values(
        CleanCase{"On Tuesday, Putin will travel.", "On Tuesday", kMisc, ""},
        CleanCase{"On Tuesday, Putin will travel.", "Tuesday", kOrg, ""},
        CleanCase{"Advertising\nPutin and Kim", "Advertising", kOrg, ""},
        CleanCase{"The Kremlin announced Putin will go.",
                  "The Kremlin announced", kOrg, "Kremlin"},
        CleanCase{"The Kremlin announced it.", "The Kremlin", kOrg, "Kremlin"},
        CleanCase{"It was reported by The New York Times.",
                  "The New York Times", kOrg, "The New York Times"},
        CleanCase{"The New York Times reported.", "The New York Times", kOrg,
                  "The New York Times"},
        CleanCase{"Talks in January ended.", "January", kMisc, ""},
        CleanCase{"File Pool Photo by UPI", "File Pool Photo", kMisc, ""},
        CleanCase{"war in Ukraine.", "Ukraine.", kLoc, "Ukraine"},
        CleanCase{"(\"Reuters\") wrote", "(\"Reuters\")", kOrg, "Reuters"},
        CleanCase{"In Russia, they", "In Russia", kLoc, "Russia"}));

INSTANTIATE_TEST_SUITE_P(
    NamesThatLookLikeFunctionWords, CleaningTest,
    ::testing::Values(
        // An initial is not the article "A".
        CleanCase{"( A. Hollioake 4-23 )", "A. Hollioake", kPer,
                  "A. Hollioake"},
        CleanCase{"A. Smith 5-68", "A. Smith", kPer, "A. Smith"},
        // A person's name may end in a word that is a function word
        // elsewhere; a time word still goes.
        CleanCase{"Hla Than , an elected member", "Hla Than", kPer, "Hla Than"},
        CleanCase{"said Putin Tuesday", "Putin Tuesday", kPer, "Putin"},
        CleanCase{"Kremlin On", "Kremlin On", kOrg, "Kremlin"},
        CleanCase{"Prime Minister Kengo wa Dondo said", "Kengo wa Dondo", kPer,
                  "Kengo wa Dondo"},
        // A bracket opened in the name is closed in it.
        CleanCase{"Sloboda 4 Mladost ( BJ ) 0", "Mladost ( BJ )", kOrg,
                  "Mladost ( BJ )"},
        CleanCase{"St. Petersburg , Fla. , for", "Fla.", kLoc, "Fla."},
        CleanCase{"AMSTERDAM\nThe Netherlands drew", "The Netherlands", kLoc,
                  "The Netherlands"}));

TEST(ResolverTest, HonorificMakesAPersonAndJoinsTheFullName) {
  const std::string text = "Julio De Vido spoke. Mr De Vido said no.";
  auto es = Resolve(text, {{"Julio De Vido", kPer}, {"Mr De Vido", kOrg}});
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].name, "Julio De Vido");
  EXPECT_EQ(es[0].type, kPer);
  EXPECT_THAT(MentionTexts(text, es[0]),
              ElementsAre("Julio De Vido", "De Vido"));
}

TEST(ResolverTest, SlashSeparatedCreditIsTwoEntities) {
  const std::string text = "Pool Photo by Kremlin/UPI";
  auto es = Resolve(text, {{"Kremlin/UPI", kOrg}});
  std::vector<std::string> names = Names(es);
  std::sort(names.begin(), names.end());
  EXPECT_THAT(names, ElementsAre("Kremlin", "UPI"));
}

TEST(ResolverTest, TitleInFrontOfPersonLeavesNationalityMention) {
  const std::string text = "Russian President Vladimir Putin spoke.";
  auto es = Resolve(text, {{"Russian President Vladimir Putin", kPer}});
  const Entity* nat = FindEntity(es, "Russian");
  ASSERT_NE(nat, nullptr);
  EXPECT_EQ(nat->type, EntityType::kNationality);
  EXPECT_NE(FindEntity(es, "Vladimir Putin"), nullptr);
}

TEST(ResolverTest, MoneyAndPercentAreEntitiesGroupedByAmount) {
  const std::string text =
      "They back a $50 billion loan; the $50bn loan and €50 billion more. "
      "Support is 76%, up from 76 percent.";
  auto es = Resolve(text, {});
  const Entity* usd = FindEntity(es, "$50 billion");
  ASSERT_NE(usd, nullptr);
  EXPECT_EQ(usd->type, EntityType::kMoney);
  EXPECT_EQ(usd->mentions.size(), 2u);
  const Entity* eur = FindEntity(es, "€50 billion");
  ASSERT_NE(eur, nullptr);
  const Entity* pct = FindEntity(es, "76%");
  ASSERT_NE(pct, nullptr);
  EXPECT_EQ(pct->type, EntityType::kPercent);
  EXPECT_EQ(pct->mentions.size(), 2u);
}

TEST(ResolverTest, NumberRulesWinOverOverlappingTaggerMentions) {
  const std::string text = "It cost US$5 million.";
  auto es = Resolve(text, {{"US", kLoc}});
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].type, EntityType::kMoney);
  EXPECT_EQ(es[0].name, "US$5 million");
}

struct RefineCase {
  std::string sentence;
  std::string tagged;
  EntityType tagged_type;
  std::string name;
  EntityType type;
};

class RefineTest : public ::testing::TestWithParam<RefineCase> {};

TEST_P(RefineTest, RefinesTheType) {
  const RefineCase& c = GetParam();
  auto es = Resolve(c.sentence, {{c.tagged, c.tagged_type}});
  ASSERT_EQ(es.size(), 1u) << c.sentence;
  EXPECT_EQ(es[0].name, c.name);
  EXPECT_EQ(es[0].type, c.type) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Nationalities, RefineTest,
    ::testing::Values(RefineCase{"frozen Russian assets", "Russian", kMisc,
                                 "Russian", EntityType::kNationality},
                      RefineCase{"North Korean missiles", "North Korean", kMisc,
                                 "North Korean", EntityType::kNationality},
                      RefineCase{"Ukrainian targets", "Ukrainian", kLoc,
                                 "Ukrainian", EntityType::kNationality},
                      RefineCase{"Iranian drones", "Iranian", kOrg, "Iranian",
                                 EntityType::kNationality},
                      RefineCase{"many Russians left", "Russians", kMisc,
                                 "Russians", EntityType::kNationality}));

INSTANTIATE_TEST_SUITE_P(
    MiscRefinements, RefineTest,
    ::testing::Values(
        RefineCase{"since World War II ended", "World War II", kMisc,
                   "World War II", EntityType::kEvent},
        RefineCase{"at the Olympics in Paris", "Olympics", kMisc, "Olympics",
                   EntityType::kEvent},
        RefineCase{"met at the Group of Seven summit in Italy",
                   "Group of Seven", kMisc, "Group of Seven summit",
                   EntityType::kEvent},
        RefineCase{"met at the Group of Seven summit in Italy",
                   "Group of Seven", kOrg, "Group of Seven summit",
                   EntityType::kEvent},
        RefineCase{"during the Russia-North Korea Summit on",
                   "Russia-North Korea", kLoc, "Russia-North Korea Summit",
                   EntityType::kEvent},
        RefineCase{"the film \"Oppenheimer\" won", "Oppenheimer", kMisc,
                   "Oppenheimer", EntityType::kWorkOfArt},
        RefineCase{"the novel War and Peace was", "War and Peace", kMisc,
                   "War and Peace", EntityType::kWorkOfArt},
        RefineCase{"sent F-16 jets", "F-16", kMisc, "F-16",
                   EntityType::kProduct},
        RefineCase{"used Shahed drones", "Shahed", kMisc, "Shahed",
                   EntityType::kProduct},
        RefineCase{"a new iPhone 15 launched", "iPhone 15", kMisc, "iPhone 15",
                   EntityType::kProduct},
        RefineCase{"the G7 agreed", "G7", kMisc, "G7", EntityType::kOther},
        RefineCase{"and the Organisation of Islamic Conference ( OIC )",
                   "Organisation of Islamic Conference", kOrg,
                   "Organisation of Islamic Conference", kOrg},
        RefineCase{"under Sharia law", "Sharia", kMisc, "Sharia",
                   EntityType::kOther}));

TEST(ResolverTest, NationalitiesGroupSingularAndPlural) {
  const std::string text = "Russian forces and Russians at home.";
  auto es = Resolve(text, {{"Russian", kMisc}, {"Russians", kMisc}});
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].type, EntityType::kNationality);
  EXPECT_EQ(es[0].mentions.size(), 2u);
}

TEST(ResolverTest, SameStringGetsTheMajorityType) {
  const std::string text =
      "Washington said no. Officials in Washington agreed. Washington "
      "warned. George Washington was the first president.";
  auto es = Resolve(text, {{"Washington", kLoc, 0.9f},
                           {"Washington", kLoc, 0.8f},
                           {"Washington", kPer, 0.6f},
                           {"George Washington", kPer, 0.9f}});
  const Entity* city = FindEntity(es, "Washington");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->type, kLoc);
  EXPECT_EQ(city->mentions.size(), 3u);
  const Entity* george = FindEntity(es, "George Washington");
  ASSERT_NE(george, nullptr);
  EXPECT_EQ(george->type, kPer);
  EXPECT_EQ(george->mentions.size(), 1u);
}

TEST(ResolverTest, ConfidentTaggerTypeSurvivesTheMajority) {
  // A standings table names the team, a schedule line the city: the tagger
  // tells them apart and is sure; the vote must not undo that.
  const std::string text =
      "CHICAGO 70 63\nCHICAGO 69 64\nATLANTA AT CHICAGO\nThe Chicago "
      "pitcher won.";
  auto es = Resolve(text, {{"CHICAGO", kOrg, 0.99f},
                           {"CHICAGO", kOrg, 0.99f},
                           {"ATLANTA", kLoc, 0.99f},
                           {"CHICAGO", kLoc, 0.99f},
                           {"Chicago", kLoc, 0.2f}});
  int org = 0, loc = 0;
  for (const Entity& e : es) {
    if (e.name != "CHICAGO" && e.name != "Chicago") continue;
    (e.type == kOrg ? org : loc) += static_cast<int>(e.mentions.size());
  }
  EXPECT_EQ(org, 3);  // "Chicago" (unsure) takes the majority type
  EXPECT_EQ(loc, 1);
}

TEST(ResolverTest, PlacePrepositionKeepsTheTaggersPlace) {
  const std::string text =
      "Texas beat Boston. Texas won again. In Milwaukee , he homered. "
      "Milwaukee lost.";
  auto es = Resolve(text, {{"Texas", kOrg},
                           {"Texas", kOrg},
                           {"Milwaukee", kLoc, 0.1f},
                           {"Milwaukee", kOrg}});
  const Entity* place = nullptr;
  for (const Entity& e : es) {
    if (e.name == "Milwaukee" && e.type == kLoc) place = &e;
  }
  ASSERT_NE(place, nullptr);
  EXPECT_THAT(MentionTexts(text, *place), ElementsAre("Milwaukee"));
  EXPECT_EQ(place->mentions[0].span.begin,
            static_cast<int32_t>(text.find("Milwaukee")));
}

TEST(ResolverTest, DatelineNamesPlacesAndItsAgencyAnOrganization) {
  const std::string text =
      "Photo by Ana Lima/Lede Wire\nWELLINGTON, March 4 (Lede Wire) - The "
      "board met.\nWIGAN , England 1996-08-31\nThey won.\n"
      "\xC2\xA9 2024 Lede Wire. All rights reserved.";
  auto es = Resolve(text, {{"Ana Lima", kPer},
                           {"Lede Wire", kPer, 0.99f},
                           {"WELLINGTON", kPer, 0.3f},
                           {"Lede Wire", kPer, 0.99f},
                           {"WIGAN", kPer, 0.3f},
                           {"England", kLoc},
                           {"Lede Wire", kPer, 0.99f}});
  const Entity* wire = FindEntity(es, "Lede Wire");
  ASSERT_NE(wire, nullptr);

  EXPECT_EQ(wire->type, kOrg);
  EXPECT_EQ(wire->mentions.size(), 3u);
  const Entity* wellington = FindEntity(es, "WELLINGTON");
  ASSERT_NE(wellington, nullptr);
  EXPECT_EQ(wellington->type, kLoc);
  const Entity* wigan = FindEntity(es, "WIGAN");
  ASSERT_NE(wigan, nullptr);
  EXPECT_EQ(wigan->type, kLoc);
}

TEST(ResolverTest, ALineStartingInCapitalsIsNoDatelineWithoutADate) {
  const std::string text = "NATO 2024 budget rises\nNATO met.";
  auto es = Resolve(text, {{"NATO", kOrg, 0.3f}, {"NATO", kOrg}});
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].type, kOrg);
}

TEST(ResolverTest, TypesNeverMergeAcrossPersonAndPlace) {
  const std::string text = "Jordan Peterson spoke. Jordan said no.";
  auto es = Resolve(text, {{"Jordan Peterson", kPer}, {"Jordan", kLoc}});
  EXPECT_EQ(es.size(), 2u);
}

TEST(ResolverTest, SurnameTypedAsPlaceJoinsThePersonUnlessAfterPreposition) {
  const std::string text =
      "Lloyd Austin spoke. Later Austin said more. Kim Jong-un met Putin "
      "and Kim left. George Washington lived in Washington. Washington "
      "agreed.";
  auto es = Resolve(text, {{"Lloyd Austin", kPer},
                           {"Austin", kLoc, 0.0f},
                           {"Kim Jong-un", kPer},
                           {"Putin", kPer},
                           {"Kim", kMisc, 0.0f},
                           {"George Washington", kPer},
                           {"Washington", kLoc},
                           {"Washington", kLoc}});
  const Entity* austin = FindEntity(es, "Lloyd Austin");
  ASSERT_NE(austin, nullptr);
  EXPECT_EQ(austin->mentions.size(), 2u);
  const Entity* kim = FindEntity(es, "Kim Jong-un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->mentions.size(), 2u);
  const Entity* city = FindEntity(es, "Washington");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->type, kLoc);
  EXPECT_EQ(city->mentions.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(
    ContextRules, RefineTest,
    ::testing::Values(RefineCase{"Photo by UPI", "UPI", kLoc, "UPI", kOrg},
                      RefineCase{"the Biden administration said", "Biden",
                                 kMisc, "Biden", kPer},
                      RefineCase{"during the Russia-North Korea Summit on",
                                 "Russia-North Korea Summit", kLoc,
                                 "Russia-North Korea Summit",
                                 EntityType::kEvent},
                      RefineCase{"the anti-West coalition", "anti-West", kMisc,
                                 "West", kMisc},
                      RefineCase{"to Communist-governed Vietnam",
                                 "Communist-governed", kMisc, "Communist",
                                 kMisc},
                      RefineCase{"the Iran-backed militia", "Iran-backed",
                                 kMisc, "Iran", kMisc}));

TEST(ResolverTest, UntaggedRepeatsOfFoundNamesAreAdded) {
  const std::string text =
      "Russian ships sailed. Later, Russian planes and anti-Russian "
      "protests. Korean Central News Agency said. Then Korean Central News "
      "Agency added. Paris agreed; Paris, Paris. Berlin too; Berlin. "
      "Russianness.";
  auto es = Resolve(text, {{"Russian", kMisc},
                           {"Korean Central News Agency", kOrg},
                           {"Paris", kLoc},
                           {"Paris", kLoc},
                           {"Berlin", kLoc}});
  const Entity* russian = FindEntity(es, "Russian");
  ASSERT_NE(russian, nullptr);
  EXPECT_EQ(russian->mentions.size(), 2u);  // not "anti-Russian"
  const Entity* kcna = FindEntity(es, "Korean Central News Agency");
  ASSERT_NE(kcna, nullptr);
  EXPECT_EQ(kcna->mentions.size(), 2u);
  const Entity* paris = FindEntity(es, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->mentions.size(), 3u);
  const Entity* berlin = FindEntity(es, "Berlin");  // tagged once only
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(berlin->mentions.size(), 1u);
}

TEST(ResolverTest, SalienceIsNormalizedAndSorted) {
  const std::string text =
      "Putin visits Pyongyang. Putin met Kim. Putin left Pyongyang. Later, "
      "Putin flew on. Much later, an aide from Moscow spoke.";
  auto es = Resolve(text, {{"Putin", kPer},
                           {"Pyongyang", kLoc},
                           {"Putin", kPer},
                           {"Kim", kPer},
                           {"Putin", kPer},
                           {"Pyongyang", kLoc},
                           {"Putin", kPer},
                           {"Moscow", kLoc}});
  ASSERT_EQ(es.size(), 4u);
  EXPECT_EQ(es[0].name, "Putin");
  EXPECT_EQ(es[1].name, "Pyongyang");
  EXPECT_EQ(es.back().name, "Moscow");
  float sum = 0;
  for (size_t i = 0; i < es.size(); ++i) {
    EXPECT_GE(es[i].salience, 0.0f);
    EXPECT_LE(es[i].salience, 1.0f);
    if (i > 0) {
      EXPECT_GE(es[i - 1].salience, es[i].salience);
    }
    for (size_t j = 1; j < es[i].mentions.size(); ++j) {
      EXPECT_LT(es[i].mentions[j - 1].span.begin, es[i].mentions[j].span.begin);
    }
    sum += es[i].salience;
  }
  EXPECT_NEAR(sum, 1.0f, 1e-4);
}

// A document of `names` full names that share one surname, each followed by
// a bare surname or an organization: all-pairs grouping would be quadratic.
double SecondsToResolve(int names, size_t* total_mentions) {
  std::string text;
  std::vector<TaggedMention> mentions;
  text.reserve(names * 40);
  auto add = [&](const std::string& s, EntityType t) {
    TaggedMention m;
    m.span = {static_cast<int32_t>(text.size()),
              static_cast<int32_t>(text.size() + s.size())};
    m.type = t;
    mentions.push_back(m);
    text += s;
  };
  for (int i = 0; i < names; ++i) {
    add("Name" + std::to_string(i) + " Smith", kPer);
    text += " met ";
    add(i % 2 ? "Smith" : "Org" + std::to_string(i % 977), i % 2 ? kPer : kOrg);
    text += ". ";
  }
  auto r = Resolver::Create({});
  EXPECT_TRUE(r.ok());
  const auto start = std::chrono::steady_clock::now();
  auto es = (*r)->Resolve(text, Segmentation{}, mentions);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  *total_mentions = 0;
  for (const Entity& e : es) *total_mentions += e.mentions.size();
  return seconds;
}

TEST(ResolverTest, HundredThousandMentionsResolveInLinearTime) {
  size_t small_total = 0, total = 0;
  const double small = SecondsToResolve(12500, &small_total);
  const double big = SecondsToResolve(50000, &total);
  EXPECT_EQ(small_total, 25000u);
  EXPECT_EQ(total, 100000u);
  // 4x the mentions: linear ~4x the time, quadratic ~16x. Generous bounds
  // keep this stable on loaded machines and sanitizer builds.
  EXPECT_LT(big, 10 * small + 0.5) << "small " << small << "s, big " << big;
  EXPECT_LT(big, 60.0);
}

TEST(ResolverTest, ArbitraryMentionsKeepSpanInvariants) {
  // Every possible span of a short UTF-8 text, in all types, overlapping:
  // the output must still be well formed.
  const std::string text =
      "\xE2\x80\x9CPutin\xE2\x80\x99s\xE2\x80\x9D aide: \xC3\x96zil & "
      "U.S. $5bn (76%) \xE2\x80\x94 Kim/KCNA's ‘Mr X.’\n";
  std::vector<TaggedMention> mentions;
  const int32_t n = static_cast<int32_t>(text.size());
  int k = 0;
  for (int32_t b = -1; b <= n; ++b) {
    for (int32_t e = b; e <= n + 1; e += 3) {
      TaggedMention m;
      m.span = {b, e};
      m.type = static_cast<EntityType>(1 + (k++ % 10));
      m.confidence = (k % 5) / 4.0f;
      mentions.push_back(m);
    }
  }
  auto r = Resolver::Create({});
  ASSERT_TRUE(r.ok());
  auto es = (*r)->Resolve(text, Segmentation{}, mentions);
  std::vector<std::pair<int32_t, int32_t>> all;
  for (const Entity& e : es) {
    EXPECT_FALSE(e.name.empty());
    EXPECT_GE(e.salience, 0.0f);
    EXPECT_LE(e.salience, 1.0f);
    ASSERT_FALSE(e.mentions.empty());
    for (size_t i = 0; i < e.mentions.size(); ++i) {
      const ByteSpan s = e.mentions[i].span;
      EXPECT_GE(s.begin, 0);
      EXPECT_LT(s.begin, s.end);
      EXPECT_LE(s.end, n);
      if (i > 0) {
        EXPECT_LE(e.mentions[i - 1].span.end, s.begin);
      }
      all.emplace_back(s.begin, s.end);
    }
  }
  std::sort(all.begin(), all.end());
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LE(all[i - 1].second, all[i].first);
  }
}

// A news-like paragraph written for this test (not from any dataset), with
// the mentions a CoNLL-style tagger would give, including its usual mistakes.
TEST(ResolverTest, NewsParagraphFixture) {
  const std::string text =
      "Russian President Vladimir Putin will travel to North Korea on "
      "Tuesday, the Kremlin said.\n"
      "Advertising\n"
      "On Tuesday, Putin will meet North Korean leader Kim Jong-un, "
      "according to Putin aide Yuri Ushakov. Ushakov said the talks "
      "would cover trade worth $2.5 billion, up 12 percent.\n"
      "U.S. National Security spokesman John Kirby said Washington was "
      "watching. \"We are concerned,\" Kirby said. Defense Secretary Lloyd "
      "Austin said Iranian drones helped Russia. Austin spoke at NATO, the "
      "North Atlantic Treaty Organization.\n"
      "Putin\xE2\x80\x99s trip follows Kim\xE2\x80\x99s visit to Russia. "
      "In 2000 Putin met Kim\xE2\x80\x99s father Kim Jong Il.";
  auto es = Resolve(text, {{"Russian", kMisc},
                           {"Vladimir Putin", kPer},
                           {"North Korea", kLoc},
                           {"Kremlin", kOrg},
                           {"Advertising", kOrg, 0.5f},
                           {"On Tuesday", kMisc, 0.4f},
                           {"Putin", kPer},
                           {"North Korean", kMisc},
                           {"Kim Jong-un", kPer},
                           {"Putin", kPer},
                           {"Yuri Ushakov", kPer},
                           {"Ushakov", kPer},
                           {"U.S.", kLoc},
                           {"John Kirby", kPer},
                           {"Washington", kLoc},
                           {"Kirby", kPer},
                           {"Defense Secretary Lloyd Austin", kPer},
                           {"Iranian", kMisc},
                           {"Russia", kLoc},
                           {"Austin", kPer},
                           {"NATO", kOrg},
                           {"North Atlantic Treaty Organization", kOrg},
                           {"Putin\xE2\x80\x99s", kPer},
                           {"Kim\xE2\x80\x99s", kPer},
                           {"Russia", kLoc},
                           {"Putin", kPer},
                           {"Kim\xE2\x80\x99s", kPer},
                           {"Kim Jong Il", kPer}});

  struct Expect {
    std::string name;
    EntityType type;
    size_t mentions;
  };
  for (const Expect& x : std::vector<Expect>{
           {"Vladimir Putin", kPer, 5},
           {"Kim Jong-un", kPer, 3},
           {"Kim Jong Il", kPer, 1},
           {"Yuri Ushakov", kPer, 2},
           {"John Kirby", kPer, 2},
           {"Lloyd Austin", kPer, 2},
           {"North Atlantic Treaty Organization", kOrg, 2},
           {"Kremlin", kOrg, 1},
           {"North Korea", kLoc, 1},
           {"Russia", kLoc, 2},
           {"U.S.", kLoc, 1},
           {"Washington", kLoc, 1},
           {"Russian", EntityType::kNationality, 1},
           {"North Korean", EntityType::kNationality, 1},
           {"Iranian", EntityType::kNationality, 1},
           {"$2.5 billion", EntityType::kMoney, 1},
           {"12 percent", EntityType::kPercent, 1},
       }) {
    const Entity* e = FindEntity(es, x.name);
    ASSERT_NE(e, nullptr) << x.name;
    EXPECT_EQ(e->type, x.type) << x.name;
    EXPECT_EQ(e->mentions.size(), x.mentions) << x.name;
  }
  EXPECT_EQ(FindEntity(es, "Advertising"), nullptr);
  EXPECT_EQ(FindEntity(es, "Tuesday"), nullptr);
  EXPECT_EQ(FindEntity(es, "On Tuesday"), nullptr);
  EXPECT_EQ(es.size(), 17u);
  EXPECT_EQ(es[0].name, "Vladimir Putin");
}

}  // namespace
}  // namespace lede
