#include "engine/quotes/quote_finder.h"

#include <chrono>
#include <string>
#include <vector>

#include "engine/quotes/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using testing::MakeEntity;
using testing::ParagraphsOf;

// What a test expects of one quote; empty strings mean "empty".
struct Want {
  std::string text;
  std::string speaker;
  std::string speaker_span;
  std::string cue;
};

struct EntitySeed {
  std::string name;
  EntityType type;
  std::vector<std::string> surfaces;
};

struct FinderCase {
  const char* name;
  std::string text;
  std::vector<EntitySeed> entities;
  std::vector<Want> quotes;
};

std::vector<Entity> Seed(const std::string& text,
                         const std::vector<EntitySeed>& seeds) {
  std::vector<Entity> out;
  for (const EntitySeed& s : seeds) {
    out.push_back(MakeEntity(text, s.name, s.type, s.surfaces));
  }
  return out;
}

std::vector<Quote> FindAll(const std::string& text,
                           std::vector<Entity>* entities) {
  auto finder = QuoteFinder::Create(QuoteSpec{});
  EXPECT_TRUE(finder.ok());
  return (*finder)->Find(text, ParagraphsOf(text), entities);
}

// Checks the DIRECT quotes of `all` (INDIRECT ones have their own tests).
void ExpectQuotes(const std::string& text, const std::vector<Quote>& all,
                  const std::vector<Want>& want) {
  std::vector<Quote> got;
  for (const Quote& q : all) {
    if (q.type == QuoteType::kDirect) got.push_back(q);
  }
  ASSERT_EQ(got.size(), want.size()) << text;
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(want[i].text);
    EXPECT_EQ(got[i].span.Of(text), want[i].text);
    EXPECT_EQ(got[i].speaker, want[i].speaker);
    EXPECT_EQ(got[i].has_speaker_span ? got[i].speaker_span.Of(text) : "",
              want[i].speaker_span);
    EXPECT_EQ(got[i].cue, want[i].cue);
    EXPECT_EQ(got[i].type, QuoteType::kDirect);
  }
}

class QuoteFinderTest : public ::testing::TestWithParam<FinderCase> {};

TEST_P(QuoteFinderTest, FindsAndAttributesQuotes) {
  const FinderCase& c = GetParam();
  std::vector<Entity> entities = Seed(c.text, c.entities);
  const std::vector<Quote> got = FindAll(c.text, &entities);
  ExpectQuotes(c.text, got, c.quotes);
}

const EntitySeed kKirby{
    "John Kirby", EntityType::kPerson, {"John Kirby", "Kirby"}};
const EntitySeed kBurton{"Burton", EntityType::kPerson, {"Burton"}};

INSTANTIATE_TEST_SUITE_P(
    Patterns, QuoteFinderTest,
    ::testing::Values(
        FinderCase{"QuoteCommaNameSaid",
                   "“We are not worried,” Kirby said.",
                   {kKirby},
                   {{"We are not worried,", "John Kirby", "Kirby", "said"}}},
        FinderCase{"NameSaidCommaQuote",
                   "Burton said, \"I love cats!\"",
                   {kBurton},
                   {{"I love cats!", "Burton", "Burton", "said"}}},
        FinderCase{"QuoteCommaSaidName",
                   "''This isn't tax reform,'' said Douglas Holtz-Eakin, an "
                   "economist.",
                   {},
                   {{"This isn't tax reform,", "Douglas Holtz-Eakin",
                     "Douglas Holtz-Eakin", "said"}}},
        FinderCase{
            "NameSaidColonQuote",
            "John Kirby said: “We are watching closely.”",
            {kKirby},
            {{"We are watching closely.", "John Kirby", "John Kirby", "said"}}},
        FinderCase{"QuoteNameToldReporters",
                   "“It is a concern,” Kirby told reporters on Monday.",
                   {kKirby},
                   {{"It is a concern,", "John Kirby", "Kirby", "told"}}},
        FinderCase{"QuoteAccordingTo",
                   "“The talks went well,” according to Yuri Ushakov.",
                   {{"Yuri Ushakov", EntityType::kPerson, {"Yuri Ushakov"}}},
                   {{"The talks went well,", "Yuri Ushakov", "Yuri Ushakov",
                     "according to"}}},
        FinderCase{"SplitQuoteBothAttributed",
                   "Mary Lee arrived late. “Part one,” she said, “part two.”",
                   {{"Mary Lee", EntityType::kPerson, {"Mary Lee"}}},
                   {{"Part one,", "Mary Lee", "she", "said"},
                    {"part two.", "Mary Lee", "she", "said"}}},
        FinderCase{"InvertedCueThenContinuation",
                   "“I love cats!” insists Burton. “I absolutely do.”",
                   {kBurton},
                   {{"I love cats!", "Burton", "Burton", "insists"},
                    {"I absolutely do.", "Burton", "Burton", "insists"}}},
        FinderCase{"PartialQuoteInsideSentence",
                   "On Monday, spokesman John Kirby told reporters that the "
                   "administration is “not concerned about the trip,” but "
                   "added there is concern.",
                   {kKirby},
                   {{"not concerned about the trip,", "John Kirby",
                     "John Kirby", "told"}}},
        FinderCase{"IntroSentenceInPreviousParagraph",
                   "The New York Times reports:\n“Fewer donors gave small "
                   "amounts this year than in 2012.”",
                   {},
                   {{"Fewer donors gave small amounts this year than in 2012.",
                     "New York Times", "New York Times", "reports"}}},
        FinderCase{"ContinuationParagraph",
                   "“We are ready,” Kirby said.\n“We have been ready for a "
                   "long time and we will stay ready.”",
                   {kKirby},
                   {{"We are ready,", "John Kirby", "Kirby", "said"},
                    {"We have been ready for a long time and we will stay "
                     "ready.",
                     "John Kirby", "Kirby", "said"}}},
        FinderCase{"MultiParagraphQuoteIsOneQuote",
                   "“The first paragraph of the statement.\n“The second "
                   "paragraph,” Kirby said.",
                   {kKirby},
                   {{"The first paragraph of the statement.\n“The second "
                     "paragraph,",
                     "John Kirby", "Kirby", "said"}}},
        FinderCase{"TitleIsNotAQuote",
                   "Burton claims that his favorite book is \"One Hundred "
                   "Years of Solitude\".",
                   {kBurton},
                   {}},
        FinderCase{"ScareQuoteIsNotAQuote",
                   "Burton thinks that cats are \"cuties\".",
                   {kBurton},
                   {}},
        FinderCase{"NestedSingleQuotesStayInside",
                   "The stranger was eating a burger. He told everyone, "
                   "\"This 'hamburger with extra cheese' is good.\"",
                   {},
                   {{"This 'hamburger with extra cheese' is good.", "", "He",
                     "told"}}},
        FinderCase{
            "NominalSpeakerWithoutName",
            "“Think before you act,” the clown said. “Your actions "
            "have repercussions.”",
            {},
            {{"Think before you act,", "", "the clown", "said"},
             {"Your actions have repercussions.", "", "the clown", "said"}}},
        FinderCase{"IndefiniteSpeakerStaysUnresolved",
                   "John Kirby spoke first. “It was chaos,” a source said.",
                   {kKirby},
                   {{"It was chaos,", "", "a source", "said"}}},
        FinderCase{"TweetEmbedIsNotAQuote",
                   "Ryan wrote to \"@SpeakerRyan\" at \"758356620346810369\" "
                   "today.",
                   {},
                   {}},
        FinderCase{"ApostrophesAreNotQuotes",
                   "Putin’s visit recalls the ’90s and rock ’n’ roll, and the "
                   "States’ role.",
                   {},
                   {}},
        FinderCase{"DashBylineNamesTheSpeaker",
                   "“The most unqualified child to ever run.” ― Francisco "
                   "Herrero\n“Maybe we can build a wall.” — Steve Quinlan.",
                   {},
                   {{"The most unqualified child to ever run.",
                     "Francisco Herrero", "Francisco Herrero", "\xE2\x80\x95"},
                    {"Maybe we can build a wall.", "Steve Quinlan",
                     "Steve Quinlan", "\xE2\x80\x94"}}},
        FinderCase{
            "ParticipleCue",
            "Hillary Clinton spoke in Ohio on Friday, adding, “We "
            "will not stop.”",
            {{"Hillary Clinton", EntityType::kPerson, {"Hillary Clinton"}}},
            {{"We will not stop.", "Hillary Clinton", "Hillary Clinton",
              "adding"}}},
        FinderCase{
            "LessCommonCueVerb",
            "Laurence Tribe likened the rules to “burning the "
            "Constitution.”",
            {{"Laurence Tribe", EntityType::kPerson, {"Laurence Tribe"}}},
            {{"burning the Constitution.", "Laurence Tribe", "Laurence Tribe",
              "likened"}}},
        FinderCase{"PronounContractionIsASubject",
                   "Trump spoke in Michigan.\nHe’s claiming that fraud is "
                   "“a big, big problem in this country.”",
                   {{"Donald Trump", EntityType::kPerson, {"Trump"}}},
                   {{"a big, big problem in this country.", "Donald Trump",
                     "He", "claiming"}}},
        FinderCase{"NestedAppositiveBeforeTheCue",
                   "“It’s an invasion of the state domain,” Scott Pruitt, "
                   "the attorney general of Oklahoma, one of the states "
                   "suing, said.",
                   {{"Scott Pruitt", EntityType::kPerson, {"Scott Pruitt"}},
                    {"Oklahoma", EntityType::kLocation, {"Oklahoma"}}},
                   {{"It’s an invasion of the state domain,", "Scott Pruitt",
                     "Scott Pruitt", "said"}}},
        FinderCase{"SpeakerAfterTheCueWithANumber",
                   "“They are 100 percent wrong,” said 9/11 widow Terry "
                   "Strada.",
                   {{"Terry Strada", EntityType::kPerson, {"Terry Strada"}}},
                   {{"They are 100 percent wrong,", "Terry Strada",
                     "Terry Strada", "said"}}},
        FinderCase{
            "RelativePronounSpeaker",
            "The guests included Stevie Wonder, who joked, “I haven't "
            "seen it yet.”",
            {{"Stevie Wonder", EntityType::kPerson, {"Stevie Wonder"}}},
            {{"I haven't seen it yet.", "Stevie Wonder", "who", "joked"}}},
        FinderCase{"RelativePronounAfterAnIndefiniteIsNoSpeaker",
                   "Ann Lee spoke. She said anybody who complains about a "
                   "microphone “is not having a good night.”",
                   {{"Ann Lee", EntityType::kPerson, {"Ann Lee"}}},
                   {{"is not having a good night.", "Ann Lee", "She", "said"}}},
        FinderCase{"PassiveCueNamesNoSpeaker",
                   "“Subpoenas are not optional,” Jason Chaffetz said after "
                   "Pagliano missed a hearing he was formally called to. "
                   "“He is a crucial witness.”",
                   {{"Jason Chaffetz", EntityType::kPerson, {"Jason Chaffetz"}},
                    {"Bryan Pagliano", EntityType::kPerson, {"Pagliano"}}},
                   {{"Subpoenas are not optional,", "Jason Chaffetz",
                     "Jason Chaffetz", "said"},
                    {"He is a crucial witness.", "Jason Chaffetz",
                     "Jason Chaffetz", "said"}}},
        FinderCase{"NounReadingOfACueIsNoCue",
                   "PolitiFact rated 32 percent of Republican claims as "
                   "“pants on fire.”",
                   {{"PolitiFact", EntityType::kOrganization, {"PolitiFact"}},
                    {"Republican", EntityType::kNationality, {"Republican"}}},
                   {{"pants on fire.", "PolitiFact", "PolitiFact", "rated"}}},
        FinderCase{"NominalSpeakerNeedsAHeadThatSpeaks",
                   "On her papers, in a box labeled “medical problem,” a "
                   "doctor had typed “homicidal ideation.”",
                   {},
                   {{"medical problem,", "", "", ""},
                    {"homicidal ideation.", "", "a doctor", "typed"}}},
        FinderCase{"NominalSentenceSubject",
                   "Republican nominee Donald Trump spoke on Monday.\nThe "
                   "Republican nominee also outlined his plan and vowed to "
                   "punish “those who violate classification rules.”",
                   {{"Donald Trump", EntityType::kPerson, {"Donald Trump"}}},
                   {{"those who violate classification rules.", "Donald Trump",
                     "The Republican nominee", "vowed"}}},
        FinderCase{"PossessiveOwnerOfASpeechNoun",
                   "Politifact checked Donald Trump’s claim that there have "
                   "been “thousands of shootings” in Chicago.",
                   {{"Donald Trump", EntityType::kPerson, {"Donald Trump"}},
                    {"Politifact", EntityType::kOrganization, {"Politifact"}}},
                   {{"thousands of shootings", "Donald Trump", "Donald Trump",
                     "claim"}}},
        FinderCase{"LaterQuoteOfTheSameSentenceKeepsTheAttribution",
                   "Donald Trump took to Twitter to accuse the campaign of "
                   "being “duped” by “a con artist.”",
                   {{"Donald Trump", EntityType::kPerson, {"Donald Trump"}}},
                   {{"a con artist.", "Donald Trump", "Donald Trump", "took"}}},
        FinderCase{
            "TitleRunInsideTheSentenceBeforeAQuote",
            "Jeh Johnson tells MSNBC’s “Morning Joe” on Friday that "
            "“exactly who did it” remains under investigation.",
            {{"Jeh Johnson", EntityType::kPerson, {"Jeh Johnson"}}},
            {{"exactly who did it", "Jeh Johnson", "Jeh Johnson", "tells"}}},
        FinderCase{
            "SentenceLeadingIntoTheNextQuoteIsItsAttribution",
            "Hillary Clinton said in Toledo that Trump is “the same "
            "rigged system.” Tim Kaine adds, “What kind of genius "
            "loses a billion dollars?”",
            {{"Hillary Clinton", EntityType::kPerson, {"Hillary Clinton"}},
             {"Tim Kaine", EntityType::kPerson, {"Tim Kaine"}},
             {"Donald Trump", EntityType::kPerson, {"Trump"}}},
            {{"the same rigged system.", "Hillary Clinton", "Hillary Clinton",
              "said"},
             {"What kind of genius loses a billion dollars?", "Tim Kaine",
              "Tim Kaine", "adds"}}},
        FinderCase{
            "MainReportingClauseIsTheSource",
            "Donald Trump said at a rally that Hillary Clinton once "
            "described the deal as “the gold standard” of trade deals.",
            {{"Donald Trump", EntityType::kPerson, {"Donald Trump"}},
             {"Hillary Clinton", EntityType::kPerson, {"Hillary Clinton"}}},
            {{"the gold standard", "Donald Trump", "Donald Trump", "said"}}},
        FinderCase{
            "InvertedCueBeforeASecondQuote",
            "“It is close,” said David Wasserman, an editor at the "
            "Cook Political Report. “It could truly matter.”",
            {{"David Wasserman", EntityType::kPerson, {"David Wasserman"}}},
            {{"It is close,", "David Wasserman", "David Wasserman", "said"},
             {"It could truly matter.", "David Wasserman", "David Wasserman",
              "said"}}},
        FinderCase{"AsXPutIt",
                   "The rule requires a “lawful source of investment income,” "
                   "as a Homeland Security memo put it.",
                   {},
                   {{"lawful source of investment income,", "",
                     "a Homeland Security memo", "put"}}},
        FinderCase{"PerX",
                   "Proxies may not vote “to fill a vacancy on the ticket,” "
                   "per the party’s bylaws.",
                   {},
                   {{"to fill a vacancy on the ticket,", "",
                     "the party’s bylaws", "per"}}},
        FinderCase{
            "InvertedCueAfterACommaLaterInTheSentence",
            "“We’re extremely happy” about the decision, said RoseAnn "
            "DeMoro, the union's director.",
            {{"RoseAnn DeMoro", EntityType::kPerson, {"RoseAnn DeMoro"}}},
            {{"We’re extremely happy", "RoseAnn DeMoro", "RoseAnn DeMoro",
              "said"}}},
        FinderCase{"AgeAsTheSpeakerNoun",
                   "“Now, he will go to work for you,” said the 46-year-old.",
                   {},
                   {{"Now, he will go to work for you,", "", "the 46-year-old",
                     "said"}}},
        FinderCase{
            "TranscriptNameAndColon",
            "Clinton: “Our goal is to defeat ISIS.” Bush: “The "
            "mission is to destroy ISIS.”",
            {{"Hillary Clinton", EntityType::kPerson, {"Clinton"}},
             {"Jeb Bush", EntityType::kPerson, {"Bush"}}},
            {{"Our goal is to defeat ISIS.", "Hillary Clinton", "Clinton", ":"},
             {"The mission is to destroy ISIS.", "Jeb Bush", "Bush", ":"}}},
        FinderCase{"PossessiveSpeechNounAsTheObjectOfACue",
                   "Tim Scott, who has called Mr. Trump's comments “racially "
                   "toxic,” spoke next.",
                   {{"Tim Scott", EntityType::kPerson, {"Tim Scott"}},
                    {"Donald Trump", EntityType::kPerson, {"Trump"}}},
                   {{"racially toxic,", "Tim Scott", "who", "called"}}},
        FinderCase{"RelativeWhoAfterACommaAndANominal",
                   "“It was weak,” said one Democrat familiar with the talks, "
                   "who added that the White House seemed “rattled and "
                   "frustrated.”",
                   {},
                   {{"It was weak,", "", "one Democrat", "said"},
                    {"rattled and frustrated.", "", "who", "added"}}},
        FinderCase{"NominalHeadBeforeAPostModifier",
                   "“It is very worked up,” said a source close to the "
                   "campaign.",
                   {},
                   {{"It is very worked up,", "", "a source", "said"}}},
        FinderCase{"BaseFormCueReadAsANoun",
                   "“The computer had been hacked,” the congressional report "
                   "said, referring to the agency.",
                   {},
                   {{"The computer had been hacked,", "",
                     "the congressional report", "said"}}},
        FinderCase{"TitleWithOfBeforeTheName",
                   "“We saw Russia engage North Korea,” U.S. Secretary of "
                   "Defense Lloyd Austin said.",
                   {{"Lloyd Austin", EntityType::kPerson, {"Lloyd Austin"}}},
                   {{"We saw Russia engage North Korea,", "Lloyd Austin",
                     "U.S. Secretary of Defense Lloyd Austin", "said"}}},
        FinderCase{
            "IndefiniteBeforeANameModifier",
            "“The talks went well,” according to a Putin aide.",
            {{"Vladimir Putin", EntityType::kPerson, {"Putin"}}},
            {{"The talks went well,", "", "a Putin aide", "according to"}}},
        FinderCase{
            "DatelineBeforeTheSentenceSubject",
            "PHILADELPHIA (AP) — The Democratic National Committee "
            "offered “a deep and sincere apology” to Bernie Sanders.",
            {{"Democratic National Committee",
              EntityType::kOrganization,
              {"Democratic National Committee"}}},
            {{"a deep and sincere apology", "Democratic National Committee",
              "Democratic National Committee", "offered"}}},
        FinderCase{
            "ParticipleOpenerIsNoName",
            "Declaring himself the candidate of order, Donald Trump "
            "promised “law and order” to the delegates.",
            {{"Donald Trump", EntityType::kPerson, {"Donald Trump"}}},
            {{"law and order", "Donald Trump", "Donald Trump", "promised"}}},
        FinderCase{"NegatedCueIsNoAttribution",
                   "“It will rain all week long there,” Kirby did not say.",
                   {kKirby},
                   {{"It will rain all week long there,", "", "", ""}}}),
    [](const ::testing::TestParamInfo<FinderCase>& info) {
      return std::string(info.param.name);
    });

TEST(QuoteFinderResolutionTest, PronounResolvesToTheMostRecentPerson) {
  const std::string text =
      "Lloyd Austin spoke to lawmakers.\n“We saw Russia engage North "
      "Korea,” he said.";
  std::vector<Entity> entities = {
      MakeEntity(text, "Lloyd Austin", EntityType::kPerson, {"Lloyd Austin"}),
      MakeEntity(text, "Russia", EntityType::kLocation, {"Russia"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Lloyd Austin");
  EXPECT_EQ(quotes[0].speaker_span.Of(text), "he");
  // The pronoun became a mention of Austin, in document order.
  ASSERT_EQ(entities[0].mentions.size(), 2u);
  EXPECT_EQ(entities[0].mentions[1].type, MentionType::kPronoun);
  EXPECT_EQ(entities[0].mentions[1].span.Of(text), "he");
}

TEST(QuoteFinderResolutionTest, PronounPrefersARecentSubject) {
  const std::string text =
      "“We have had problems,” Obama said after meeting with Russian "
      "President Vladimir Putin. He did not suggest retaliation. “Our goal "
      "is not escalation.”";
  std::vector<Entity> entities = {
      MakeEntity(text, "Barack Obama", EntityType::kPerson, {"Obama"}),
      MakeEntity(text, "Vladimir Putin", EntityType::kPerson,
                 {"Vladimir Putin"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[1].speaker, "Barack Obama");
  EXPECT_EQ(quotes[1].speaker_span.Of(text), "He");
  // "He" is now a PRONOUN mention of Obama.
  ASSERT_EQ(entities[0].mentions.size(), 2u);
  EXPECT_EQ(entities[0].mentions[1].type, MentionType::kPronoun);
  EXPECT_EQ(entities[0].mentions[1].span.Of(text), "He");
}

TEST(QuoteFinderResolutionTest, FirstNamesTellTheGender) {
  const std::string text =
      "Donald Trump met Hillary Clinton on Monday. “It was fine,” she said.";
  std::vector<Entity> entities = {
      MakeEntity(text, "Donald Trump", EntityType::kPerson, {"Donald Trump"}),
      MakeEntity(text, "Hillary Clinton", EntityType::kPerson,
                 {"Hillary Clinton"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Hillary Clinton");
}

TEST(QuoteFinderResolutionTest, InnerPronounStandsForTheSentenceSubject) {
  // "She said she recalls ...": the speaker is the sentence's subject.
  const std::string text =
      "Loretta Lynch worked at a law firm, Moore & Van Allen, where clients "
      "ignored her. She said she recalls a colleague being “confused.”";
  std::vector<Entity> entities = {
      MakeEntity(text, "Loretta Lynch", EntityType::kPerson, {"Loretta Lynch"}),
      MakeEntity(text, "Moore & Van Allen", EntityType::kOrganization,
                 {"Moore & Van Allen"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Loretta Lynch");
  EXPECT_EQ(quotes[0].speaker_span.Of(text), "She");
  EXPECT_EQ(quotes[0].cue, "said");
}

TEST(QuoteFinderResolutionTest, RelativePronounIsAMentionOfItsAntecedent) {
  const std::string text =
      "The guests included Stevie Wonder, who joked, “I haven't seen it.”";
  std::vector<Entity> entities = {MakeEntity(
      text, "Stevie Wonder", EntityType::kPerson, {"Stevie Wonder"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  ASSERT_EQ(entities[0].mentions.size(), 2u);
  EXPECT_EQ(entities[0].mentions[1].span.Of(text), "who");
  EXPECT_EQ(entities[0].mentions[1].type, MentionType::kPronoun);
}

TEST(QuoteFinderResolutionTest, PossessivePronounOwnerIsAMention) {
  const std::string text =
      "Donald Trump refuses to release his returns. Contrary to his claim "
      "that people would “learn nothing,” there is much to learn.";
  std::vector<Entity> entities = {
      MakeEntity(text, "Donald Trump", EntityType::kPerson, {"Donald Trump"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Donald Trump");
  EXPECT_EQ(quotes[0].speaker_span.Of(text), "his");
  EXPECT_EQ(quotes[0].cue, "claim");
  bool pronoun = false;
  for (const EntityMention& m : entities[0].mentions) {
    pronoun = pronoun ||
              (m.span.Of(text) == "his" && m.type == MentionType::kPronoun &&
               m.span.begin == quotes[0].speaker_span.begin);
  }
  EXPECT_TRUE(pronoun);
}

TEST(QuoteFinderResolutionTest, NominalTitleIsANominalMention) {
  const std::string text =
      "Republican nominee Donald Trump spoke on Monday.\nThe Republican "
      "nominee also vowed to punish “those who violate the rules.”";
  std::vector<Entity> entities = {
      MakeEntity(text, "Donald Trump", EntityType::kPerson, {"Donald Trump"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Donald Trump");
  ASSERT_EQ(entities[0].mentions.size(), 2u);
  EXPECT_EQ(entities[0].mentions[1].span.Of(text), "The Republican nominee");
  EXPECT_EQ(entities[0].mentions[1].type, MentionType::kNominal);
}

TEST(QuoteFinderResolutionTest, PhraseNamingAPersonIsNotThatPerson) {
  // "Pagliano's lawyer" is not Pagliano, though a lawyer was mentioned
  // next to him before.
  const std::string text =
      "Bryan Pagliano, a lawyer by training, did not appear.\n“He will "
      "not testify,” Pagliano's lawyer said.";
  std::vector<Entity> entities = {MakeEntity(text, "Bryan Pagliano",
                                             EntityType::kPerson,
                                             {"Bryan Pagliano", "Pagliano"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "");
  EXPECT_EQ(quotes[0].speaker_span.Of(text), "Pagliano's lawyer");
}

TEST(QuoteFinderResolutionTest, DashBylineCreatesTheSpeakerEntity) {
  const std::string text = "“Maybe we can build a wall.” ― Steve Quinlan";
  std::vector<Entity> entities;
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].name, "Steve Quinlan");
  EXPECT_EQ(entities[0].type, EntityType::kPerson);
  ASSERT_EQ(entities[0].mentions.size(), 1u);
  EXPECT_EQ(entities[0].mentions[0].span.Of(text), "Steve Quinlan");
}

TEST(QuoteFinderResolutionTest, PronounSkipsPeopleNamedInsideTheQuote) {
  const std::string text =
      "Ann Smith spoke first. “Vladimir Putin is not our friend,” she said.";
  std::vector<Entity> entities = {
      MakeEntity(text, "Ann Smith", EntityType::kPerson, {"Ann Smith"}),
      MakeEntity(text, "Vladimir Putin", EntityType::kPerson,
                 {"Vladimir Putin"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Ann Smith");
}

TEST(QuoteFinderResolutionTest, PronounRespectsKnownGender) {
  struct Case {
    std::string text;
    std::string speaker;
  };
  const std::vector<Case> cases = {
      {"Mr. Tom Brown met Ms. Jane Green. “We will sign,” she said.",
       "Jane Green"},
      {"Mr. Tom Brown met Ms. Jane Green. “We will sign,” he said.",
       "Tom Brown"},
      // Gender learned from an earlier "she".
      {"Jane Green spoke. “Fine by us,” she said. Tom Brown left. Jane "
       "Green stayed. “No deal at all today,” he said.",
       "Tom Brown"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    std::vector<Entity> entities = {
        MakeEntity(c.text, "Tom Brown", EntityType::kPerson, {"Tom Brown"}),
        MakeEntity(c.text, "Jane Green", EntityType::kPerson, {"Jane Green"})};
    const auto quotes = FindAll(c.text, &entities);
    ASSERT_FALSE(quotes.empty());
    EXPECT_EQ(quotes.back().speaker, c.speaker);
  }
}

TEST(QuoteFinderResolutionTest, TitleResolvesToThePersonIntroducedWithIt) {
  const std::string text =
      "National Security spokesman John Kirby spoke on Monday.\n“We are "
      "watching,” the spokesman said.";
  std::vector<Entity> entities = {
      MakeEntity(text, "John Kirby", EntityType::kPerson, {"John Kirby"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "John Kirby");
  EXPECT_EQ(quotes[0].speaker_span.Of(text), "the spokesman");
  ASSERT_EQ(entities[0].mentions.size(), 2u);
  EXPECT_EQ(entities[0].mentions[1].type, MentionType::kNominal);
}

TEST(QuoteFinderResolutionTest, PossessiveTitleResolves) {
  const std::string text =
      "Russian President Vladimir Putin met envoys.\n“The partnership is "
      "strong,” Russia's president said.";
  std::vector<Entity> entities = {
      MakeEntity(text, "Vladimir Putin", EntityType::kPerson,
                 {"Vladimir Putin"}),
      MakeEntity(text, "Russia", EntityType::kLocation, {"Russia"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Vladimir Putin");
  EXPECT_EQ(quotes[0].speaker_span.Of(text), "Russia's president");
}

TEST(QuoteFinderResolutionTest, SurnameResolvesToTheFullName) {
  const std::string text =
      "John Kirby briefed reporters.\n“It is a concern,” Kirby said.";
  // The entity stage found only the first mention.
  std::vector<Entity> entities = {
      MakeEntity(text, "John Kirby", EntityType::kPerson, {"John Kirby"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "John Kirby");
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].mentions.size(), 2u);
}

TEST(QuoteFinderResolutionTest,
     SpeakerPhraseWiderThanTheMentionBecomesAMention) {
  // Found by the quotes fuzzer: the span named "Mayor Tomas Berg" while the
  // entity's only mention was "Tomas Berg".
  const std::string text =
      "\xE2\x80\x9CThe bridge is safe,\xE2\x80\x9D said Mayor Tomas Berg.";
  std::vector<Entity> entities = {
      MakeEntity(text, "Tomas Berg", EntityType::kPerson, {"Tomas Berg"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Tomas Berg");
  ASSERT_TRUE(quotes[0].has_speaker_span);
  EXPECT_EQ(quotes[0].speaker_span.Of(text), "Mayor Tomas Berg");
  bool is_mention = false;
  for (const auto& m : entities[0].mentions)
    is_mention |= m.span == quotes[0].speaker_span;
  EXPECT_TRUE(is_mention);
}

TEST(QuoteFinderResolutionTest, UnknownNameBecomesANewEntity) {
  const std::string text =
      "“This is really a shame”, said Officer Tusk of the Walrus Police "
      "Department. “He had such a life ahead of him”";
  std::vector<Entity> entities;
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].speaker_span.Of(text), "Officer Tusk");
  EXPECT_EQ(quotes[0].speaker, "Tusk");
  EXPECT_EQ(quotes[1].speaker, "Tusk");
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].type, EntityType::kPerson);
  EXPECT_EQ(entities[0].salience, 0);
  ASSERT_EQ(entities[0].mentions.size(), 1u);
}

TEST(QuoteFinderResolutionTest, UnknownOrganizationIsTypedAsOne) {
  const std::string text =
      "“Detectives are looking into it,” the Richmond Police Department "
      "said.";
  std::vector<Entity> entities;
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 1u);
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].type, EntityType::kOrganization);
  EXPECT_EQ(quotes[0].speaker, "Richmond Police Department");
}

// An article like the sample: five quotes, each with its speaker.
TEST(QuoteFinderArticleTest, FindsEveryQuoteOfANewsArticle) {
  const std::string text =
      "Leaders to meet in Hanoi\n"
      "June 3 (UPI) — Chinese Premier Li Qiang will travel to Vietnam on "
      "Monday to meet President To Lam, according to the foreign ministry.\n"
      "Li and Lam are expected to sign a trade pact, according to Li aide "
      "Wang Jun. While Wang said the pact does not target other countries, "
      "it will open new markets.\n"
      "“The parties are still polishing the text, and a decision on signing "
      "will come within hours,” Wang said, according to state media.\n"
      "China’s trade with Vietnam has “grown into a bond between partners "
      "that keeps getting stronger,” Lam said in a speech last year.\n"
      "On Friday, State Department spokesman Matthew Miller told reporters "
      "that Washington is “not worried about the visit,” but added there "
      "is unease about the pact.\n"
      "“What worries us is the deepening tie between the two, because of "
      "what it means for the region’s balance,” Miller said.\n"
      "Trade Representative Katherine Tai told senators last week that the "
      "pact could divert exports.\n"
      "“We saw goods rerouted through third countries, and the effect on "
      "our industries was real,” Tai said.\n";
  std::vector<Entity> entities = {
      MakeEntity(text, "Li Qiang", EntityType::kPerson, {"Li Qiang", "Li"}),
      MakeEntity(text, "To Lam", EntityType::kPerson, {"To Lam", "Lam"}),
      MakeEntity(text, "Wang Jun", EntityType::kPerson, {"Wang Jun", "Wang"}),
      MakeEntity(text, "Matthew Miller", EntityType::kPerson,
                 {"Matthew Miller", "Miller"}),
      MakeEntity(text, "Katherine Tai", EntityType::kPerson,
                 {"Katherine Tai", "Tai"}),
      MakeEntity(text, "Vietnam", EntityType::kLocation, {"Vietnam"}),
  };
  const auto quotes = FindAll(text, &entities);
  ExpectQuotes(
      text, quotes,
      {{"The parties are still polishing the text, and a decision on "
        "signing will come within hours,",
        "Wang Jun", "Wang", "said"},
       {"grown into a bond between partners that keeps getting stronger,",
        "To Lam", "Lam", "said"},
       {"not worried about the visit,", "Matthew Miller", "Matthew Miller",
        "told"},
       {"What worries us is the deepening tie between the two, because of "
        "what it means for the region’s balance,",
        "Matthew Miller", "Miller", "said"},
       {"We saw goods rerouted through third countries, and the effect on "
        "our industries was real,",
        "Katherine Tai", "Tai", "said"}});
  EXPECT_EQ(entities.size(), 6u);  // every speaker was already known
}

TEST(QuoteFinderIndirectTest, FindsReportedSpeech) {
  const std::string text =
      "The Kremlin announced Putin will spend two days in Pyongyang.\n"
      "Putin and Kim will sign a pact on Wednesday, according to Putin aide "
      "Yuri Ushakov. While Ushakov said the agreement does not target other "
      "countries, it will ensure stability.\n"
      "Lloyd Austin told lawmakers last month that the drones had helped "
      "Russian forces.\n"
      "Kirby did not say the talks would fail this week.\n";
  std::vector<Entity> entities = {
      MakeEntity(text, "Yuri Ushakov", EntityType::kPerson,
                 {"Yuri Ushakov", "Ushakov"}),
      MakeEntity(text, "Lloyd Austin", EntityType::kPerson, {"Lloyd Austin"}),
      MakeEntity(text, "Kremlin", EntityType::kOrganization, {"Kremlin"})};
  const auto quotes = FindAll(text, &entities);
  ASSERT_EQ(quotes.size(), 4u);
  for (const Quote& q : quotes) EXPECT_EQ(q.type, QuoteType::kIndirect);
  EXPECT_EQ(quotes[0].span.Of(text), "Putin will spend two days in Pyongyang");
  EXPECT_EQ(quotes[0].speaker, "Kremlin");
  EXPECT_EQ(quotes[0].cue, "announced");
  EXPECT_EQ(quotes[1].span.Of(text),
            "Putin and Kim will sign a pact on Wednesday");
  EXPECT_EQ(quotes[1].speaker, "Yuri Ushakov");
  EXPECT_EQ(quotes[1].cue, "according to");
  EXPECT_EQ(quotes[2].span.Of(text),
            "the agreement does not target other countries");
  EXPECT_EQ(quotes[2].speaker, "Yuri Ushakov");
  EXPECT_EQ(quotes[3].span.Of(text), "the drones had helped Russian forces");
  EXPECT_EQ(quotes[3].speaker, "Lloyd Austin");
  EXPECT_EQ(quotes[3].cue, "told");
}

TEST(QuoteFinderLimitsTest, TwoHundredThousandMarksAreLinear) {
  auto finder = QuoteFinder::Create(QuoteSpec{});
  ASSERT_TRUE(finder.ok());
  const std::vector<std::string> units = {
      "\"",
      "“",
      "”",
      " “a,” he said. ",
      "“Yes,” Kirby said, “no.” ",
      "'",
      "‘x’ ",
      // Dash bylines, split quotes of one long sentence, relative and
      // inner pronouns, possessive speech nouns, contractions.
      "“a b.” ― Jo Doe ",
      "He’s claiming “x” and “y z” and ",
      "Tom Lee, who joked, “x y.” ",
      "his claim that “x y” ",
      "She said she recalls “x y.” ",
      "The report also found “x y” ",
  };
  for (const std::string& u : units) {
    std::string text;
    while (text.size() < 200000 * 1) text += u;
    std::vector<Entity> entities;
    const auto start = std::chrono::steady_clock::now();
    const auto quotes = (*finder)->Find(text, ParagraphsOf(text), &entities);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    EXPECT_LT(secs, 3.0) << u;
    for (size_t i = 1; i < quotes.size(); ++i) {
      ASSERT_LE(quotes[i - 1].span.end, quotes[i].span.begin);
    }
  }
}

TEST(QuoteFinderLimitsTest, EmptyInputs) {
  auto finder = QuoteFinder::Create(QuoteSpec{});
  ASSERT_TRUE(finder.ok());
  std::vector<Entity> entities;
  EXPECT_TRUE((*finder)->Find("", Segmentation{}, &entities).empty());
  EXPECT_TRUE((*finder)->Find("\"", ParagraphsOf("\""), nullptr).empty());
}

}  // namespace
}  // namespace lede
