#include "engine/dates/date_tagger.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

class DateTaggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = DateTagger::Create(DateSpec{});
    ASSERT_TRUE(t.ok());
    tagger_ = *std::move(t);
  }

  static ReferenceTime Ref(const std::string& s) {
    auto r = ParseReferenceTime(s);
    EXPECT_TRUE(r.ok()) << s;
    return r.ok() ? *r : ReferenceTime();
  }

  std::vector<TimeExpression> Tag(const std::string& text,
                                  const std::string& ref) const {
    return tagger_->Tag(text, Segmentation{}, Ref(ref));
  }

  // The expression whose text is exactly `phrase`, or nullptr.
  static const TimeExpression* Find(const std::vector<TimeExpression>& v,
                                    const std::string& text,
                                    const std::string& phrase, int nth = 0) {
    for (const TimeExpression& e : v) {
      if (e.span.Of(text) == phrase && nth-- == 0) return &e;
    }
    return nullptr;
  }

  std::unique_ptr<DateTagger> tagger_;
};

struct Case {
  const char* text;    // a sentence
  const char* phrase;  // the expected span text
  TimeType type;
  const char* value;
  const char* mod;
};

void RunTable(const DateTagger& tagger, const std::vector<Case>& cases,
              const std::string& ref_text) {
  const ReferenceTime ref = *ParseReferenceTime(ref_text);
  for (const Case& c : cases) {
    const std::string text = c.text;
    const auto found = tagger.Tag(text, Segmentation{}, ref);
    const TimeExpression* hit = nullptr;
    for (const TimeExpression& e : found) {
      if (e.span.Of(text) == c.phrase) hit = &e;
    }
    std::string got;
    for (const TimeExpression& e : found) {
      got += "[" + std::string(e.span.Of(text)) + "=" + e.value + "] ";
    }
    ASSERT_NE(hit, nullptr)
        << c.text << " → no \"" << c.phrase << "\"; found " << got;
    EXPECT_EQ(hit->value, c.value) << c.text;
    EXPECT_EQ(hit->type, c.type) << c.text;
    EXPECT_EQ(hit->mod, c.mod) << c.text;
  }
}

constexpr TimeType D = TimeType::kDate;
constexpr TimeType T = TimeType::kTime;
constexpr TimeType P = TimeType::kDuration;
constexpr TimeType S = TimeType::kSet;

TEST_F(DateTaggerTest, NewsArticleLikeTheSample) {
  const std::string text =
      "The leaders met on September 13, 2023, at a spaceport. On Tuesday, "
      "the president will travel north for talks. The two are expected to "
      "sign a treaty Wednesday, updating pacts signed in 1961, 2000 and "
      "2001. It is his first visit in 20 years and their second meeting in "
      "nine months. He will spend two days there.\n"
      "The visit follows a trip to Russia in September, when the two "
      "countries exchanged weapons. Relations grew \"in September last "
      "year,\" the leader said in a statement last fall.\n"
      "On Monday, a spokesman told reporters the trip was no surprise. A "
      "minister told lawmakers last month that supplies had helped. The "
      "meeting comes less than a week after a summit, and a decision will "
      "come in the coming hours.";
  const auto v = Tag(text, "2024-06-17");
  struct Want {
    const char* phrase;
    const char* value;
    TimeType type;
    const char* mod;
  };
  const Want wants[] = {
      {"September 13, 2023", "2023-09-13", D, ""},
      {"Tuesday", "2024-06-18", D, ""},
      {"Wednesday", "2024-06-19", D, ""},
      {"1961", "1961", D, ""},
      {"2000", "2000", D, ""},
      {"2001", "2001", D, ""},
      {"20 years", "P20Y", P, ""},
      {"nine months", "P9M", P, ""},
      {"two days", "P2D", P, ""},
      {"September", "2023-09", D, ""},
      {"September last year", "2023-09", D, ""},
      {"last fall", "2023-FA", D, ""},
      {"Monday", "2024-06-17", D, ""},
      {"last month", "2024-05", D, ""},
      {"less than a week", "P1W", P, "LESS_THAN"},
      {"the coming hours", "PTXH", P, ""},
  };
  for (const Want& w : wants) {
    const TimeExpression* e = Find(v, text, w.phrase);
    ASSERT_NE(e, nullptr) << w.phrase;
    EXPECT_EQ(e->value, w.value) << w.phrase;
    EXPECT_EQ(e->type, w.type) << w.phrase;
    EXPECT_EQ(e->mod, w.mod) << w.phrase;
  }
  // Spans are byte offsets in document order, not overlapping.
  for (size_t i = 1; i < v.size(); ++i) {
    EXPECT_LE(v[i - 1].span.end, v[i].span.begin);
  }
}

TEST_F(DateTaggerTest, AbsoluteDates) {
  RunTable(
      *tagger_,
      {
          {"It began on September 13, 2023.", "September 13, 2023", D,
           "2023-09-13", ""},
          {"It began on 13 September 2023.", "13 September 2023", D,
           "2023-09-13", ""},
          {"It opens Sept. 13 in Paris.", "Sept. 13", D, "2024-09-13", ""},
          {"Sales rose in June 2024.", "June 2024", D, "2024-06", ""},
          {"Filed 06/17/2024 in court.", "06/17/2024", D, "2024-06-17", ""},
          {"Filed 2024-06-17 in court.", "2024-06-17", D, "2024-06-17", ""},
          {"It was built in 1961.", "1961", D, "1961", ""},
          {"Music of the 1990s.", "the 1990s", D, "199", ""},
          {"Growth in the 2000s.", "the 2000s", D, "200", ""},
          {"Earnings for Q3 2024 rose.", "Q3 2024", D, "2024-Q3", ""},
          {"Profit fell in the first quarter.", "the first quarter", D,
           "2024-Q1", ""},
          {"Talks resume in mid-June.", "mid-June", D, "2024-06", "MID"},
          {"A vote is due early 2025.", "early 2025", D, "2025", "START"},
          {"It opened in the 20th century.", "the 20th century", D, "19", ""},
      },
      "2024-06-17");
}

TEST_F(DateTaggerTest, FourDigitNumbersAreYearsOnlyInContext) {
  const std::string text =
      "About 1,961 people came; 2000 troops left. Pacts from 1961, 2000 and "
      "2001 stand.";
  const auto v = Tag(text, "2024-06-17");
  std::vector<std::string> years;
  for (const TimeExpression& e : v) years.push_back(e.value);
  EXPECT_THAT(years, ::testing::ElementsAre("1961", "2000", "2001"));
}

TEST_F(DateTaggerTest, RelativeDates) {
  RunTable(
      *tagger_,
      {
          {"He resigned last month.", "last month", D, "2024-05", ""},
          {"Elections are due next year.", "next year", D, "2025", ""},
          {"Talks continue this week.", "this week", D, "2024-W25", ""},
          {"He arrived two weeks ago.", "two weeks ago", D, "2024-06-03", ""},
          {"He arrived three days ago.", "three days ago", D, "2024-06-14", ""},
          {"He spoke yesterday.", "yesterday", D, "2024-06-16", ""},
          {"He speaks today.", "today", D, "2024-06-17", ""},
          {"He speaks tomorrow.", "tomorrow", D, "2024-06-18", ""},
          {"Prices are high now.", "now", D, "PRESENT_REF", ""},
          {"Prices are currently high.", "currently", D, "PRESENT_REF", ""},
          {"He recently moved.", "recently", D, "PAST_REF", ""},
          {"It shipped September last year.", "September last year", D,
           "2023-09", ""},
          {"He spoke last fall.", "last fall", D, "2023-FA", ""},
          {"He will visit this summer.", "this summer", D, "2024-SU", ""},
          {"It was built earlier this year.", "earlier this year", D, "2024",
           "START"},
          {"We met last Friday.", "last Friday", D, "2024-06-14", ""},
          // "next Friday" is the Friday of next week (as Duckling and chrono
          // read it).
          {"We meet next Friday.", "next Friday", D, "2024-06-28", ""},
          {"We meet this Friday.", "this Friday", D, "2024-06-21", ""},
      },
      "2024-06-17");
}

TEST_F(DateTaggerTest, WeekdaysFollowTense) {
  // Reference: Wednesday 2024-06-19.
  RunTable(
      *tagger_,
      {
          {"Putin will travel on Tuesday.", "Tuesday", D, "2024-06-25", ""},
          {"Officials said Tuesday the plan failed.", "Tuesday", D,
           "2024-06-18", ""},
          {"The minister resigned Monday.", "Monday", D, "2024-06-17", ""},
          {"The vote is expected Friday.", "Friday", D, "2024-06-21", ""},
          {"The talks are scheduled for Monday.", "Monday", D, "2024-06-24",
           ""},
          {"He met the king Thursday.", "Thursday", D, "2024-06-13", ""},
      },
      "2024-06-19");
}

TEST_F(DateTaggerTest, WeekdayWithoutTenseCue) {
  // Reference: Wednesday 2024-06-19. In running text a weekday with no cue
  // is the past one unless the next one is tomorrow; a short phrase with no
  // clause is an appointment, the next one.
  RunTable(*tagger_,
           {
               {"At the close of business Monday, 1,200 shares of the "
                "company were tendered to the offer.",
                "Monday", D, "2024-06-17", ""},
               {"At the close of business Thursday, 1,200 shares of the "
                "company were tendered to the offer.",
                "Thursday", D, "2024-06-20", ""},
               {"monday", "monday", D, "2024-06-24", ""},
               {"wednesday", "wednesday", D, "2024-06-26", ""},
               {"vacation friday", "friday", D, "2024-06-21", ""},
           },
           "2024-06-19");
}

TEST_F(DateTaggerTest, QuarterOfAFinancialReport) {
  // Reference 1989-10-30 (fourth quarter). "The quarter" and "a year ago"
  // follow the last past quarter the report named; a quarter not yet over
  // is a forecast and does not count.
  const std::string text =
      "Acme said its first-quarter profit rose 5%. Analysts expect the "
      "fourth quarter to be weaker. Revenue in the quarter rose from a year "
      "ago.";
  const auto v = Tag(text, "1989-10-30");
  const TimeExpression* q = Find(v, text, "the quarter");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->value, "1989-Q1");
  const TimeExpression* y = Find(v, text, "a year ago");
  ASSERT_NE(y, nullptr);
  EXPECT_EQ(y->value, "1988-Q1");
  RunTable(*tagger_,
           {
               {"Profit in this year's third quarter fell.",
                "this year's third quarter", D, "1989-Q3", ""},
               {"It expects a loss in next year's first quarter.",
                "next year's first quarter", D, "1990-Q1", ""},
               {"Sales were flat in the third quarter, against 5% growth in "
                "last year's quarter.",
                "last year's quarter", D, "1988-Q3", ""},
           },
           "1989-10-30");
  const std::string plain = "Revenue in the quarter rose from a year ago.";
  const auto w = Tag(plain, "1989-10-30");
  ASSERT_NE(Find(w, plain, "the quarter"), nullptr);
  EXPECT_EQ(Find(w, plain, "the quarter")->value, "1989-Q3");
}

TEST_F(DateTaggerTest, ReportedQuarterIsTheAdjectiveBeforeNounMentions) {
  // Reference 1989-11-01. The reported quarter is named as an adjective
  // ("third-quarter net"); a later noun ("a flat second quarter") is a
  // comparison. "The 1989 period" and "the latest period" are that quarter.
  const std::string text =
      "Kimberly-Clark posted a 20% gain in third-quarter net income from a "
      "year ago. After a flat second quarter, the gain came from diapers. "
      "The comparison was enhanced by charges in the year-earlier period. In "
      "the 1989 period also, rates were lower. Sales in the latest period "
      "rose. Sales for the full year rose.";
  const auto v = Tag(text, "1989-11-01");
  for (const auto& [phrase, value] :
       std::vector<std::pair<std::string, std::string>>{
           {"a year ago", "1988-Q3"},
           {"the year-earlier period", "1988-Q3"},
           {"the 1989 period", "1989-Q3"},
           {"the latest period", "1989-Q3"},
           {"the full year", "1989"}}) {
    const TimeExpression* e = Find(v, text, phrase);
    ASSERT_NE(e, nullptr) << phrase;
    EXPECT_EQ(e->value, value) << phrase;
  }
}

TEST_F(DateTaggerTest, AnaphoricExpressionsFollowTheLastDate) {
  // "that year", "the following month", "that same day" refer to the last
  // date the text named, not to the reference.
  const std::string text =
      "On May 22, 1995, Farkas was made a general, and the following year he "
      "moved to Washington. The bid came in March 1989. The following month, "
      "the company put itself up for sale. It was founded in 1988 and sold "
      "later that year. The riot began on Oct. 23, 1998. Earlier that day "
      "police had gathered.";
  const auto v = Tag(text, "2000-01-28");
  for (const auto& [phrase, value] :
       std::vector<std::pair<std::string, std::string>>{
           {"the following year", "1996"},
           {"The following month", "1989-04"},
           {"later that year", "1988"},
           {"Earlier that day", "1998-10-23"}}) {
    const TimeExpression* e = Find(v, text, phrase);
    ASSERT_NE(e, nullptr) << phrase;
    EXPECT_EQ(e->value, value) << phrase;
  }
  {
    const std::string t2 =
        "The strike began on March 3, 2024, and the following week talks "
        "resumed. That week was hard.";
    const auto v2 = Tag(t2, "2024-06-19");
    ASSERT_NE(Find(v2, t2, "the following week"), nullptr);
    EXPECT_EQ(Find(v2, t2, "the following week")->value, "2024-W10");
    ASSERT_NE(Find(v2, t2, "That week"), nullptr);
    EXPECT_EQ(Find(v2, t2, "That week")->value, "2024-W10");
  }
  // With no date before it, "that year" is no expression.
  EXPECT_TRUE(Tag("He left that year.", "2000-01-28").empty());
}

TEST_F(DateTaggerTest, TenseCuesBeyondVerbs) {
  // Reference: Thursday 1989-10-26. A passive after "be" is not the past;
  // "the plan" is a noun, not a future cue; "effective" and "until" look
  // ahead; "a record set on" is not "set to".
  RunTable(*tagger_,
           {
               {"The split would be paid on a date in January to holders.",
                "January", D, "1990-01", ""},
               {"The thrift announced the plan Aug. 21.", "Aug. 21", D,
                "1989-08-21", ""},
               {"It created an office of the chairman, effective Feb. 1.",
                "Feb. 1", D, "1990-02-01", ""},
               {"The loans run through January.", "January", D, "1990-01", ""},
               {"The index is near its record high set on Aug. 6.", "Aug. 6", D,
                "1989-08-06", ""},
               {"The stock is to resume trading in Paris Tuesday.", "Tuesday",
                D, "1989-10-31", ""},
               {"On Monday, the government planned to pay the claims.",
                "Monday", D, "1989-10-23", ""},
           },
           "1989-10-26");
}

TEST_F(DateTaggerTest, MoreSeasonsDecadesAndVagueDurations) {
  RunTable(
      *tagger_,
      {
          {"Control Data scrapped the unit this past spring.",
           "this past spring", D, "1989-SP", ""},
          {"Growth slowed in the nineties.", "the nineties", D, "199", ""},
          {"Prices rose in the mid-eighties.", "the mid-eighties", D, "198",
           "MID"},
          {"Shares fell for eight trading days.", "eight trading days", P,
           "P8D", ""},
          {"Prices may rise in the weeks ahead.", "the weeks ahead", P, "PXW",
           ""},
          {"It will close over the next couple of years.",
           "the next couple of years", P, "P2Y", ""},
          {"For the year, volume was flat.", "the year", D, "1989", ""},
          {"At mid-afternoon yesterday, shares were up.",
           "mid-afternoon yesterday", T, "1989-10-29TAF", "MID"},
          {"Profit in the year ended March 31 rose.", "the year", P, "P1Y", ""},
          {"Then, a week or so ago, the general picked a date.",
           "a week or so ago", D, "1989-10-23", "APPROX"},
      },
      "1989-10-30");
  // "a year-earlier loss": the expression is "year-earlier".
  {
    const std::string t3 =
        "RMS had a third-quarter loss, compared with a year-earlier loss.";
    const auto v3 = Tag(t3, "1989-10-30");
    ASSERT_NE(Find(v3, t3, "year-earlier"), nullptr);
    EXPECT_EQ(Find(v3, t3, "year-earlier")->value, "1988-Q3");
  }
  // An age is no duration.
  EXPECT_TRUE(Tag("Mr. Reupke, 52 years old, left.", "1989-10-30").empty());
  // A clock time with no day is on the day named just before it.
  {
    const std::string t2 =
        "The bombs exploded on Friday. The blast occurred at 10:35 a.m.";
    const auto v2 = Tag(t2, "1989-10-30");
    ASSERT_NE(Find(v2, t2, "10:35 a.m."), nullptr);
    EXPECT_EQ(Find(v2, t2, "10:35 a.m.")->value, "1989-10-27T10:35");
  }
  // "the previous Friday" is the one before the last day named.
  const std::string text =
      "The index closed lower on Friday, Oct. 27, down 4.5% from the "
      "previous Friday.";
  const auto v = Tag(text, "1989-10-30");
  ASSERT_NE(Find(v, text, "the previous Friday"), nullptr);
  EXPECT_EQ(Find(v, text, "the previous Friday")->value, "1989-10-20");
  RunTable(*tagger_,
           {{"It opened last week's Sunday.", "last week's Sunday", D,
             "2013-02-10", ""}},
           "2013-02-12");
  // "in a week" as a whole phrase is the day a week ahead; in running text
  // it stays a duration.
  RunTable(*tagger_,
           {
               {"in a week", "in a week", D, "2012-08-17", ""},
               {"in 2 hours", "in 2 hours", T, "2012-08-10T14:00", ""},
               {"The plant will be finished in a week, he said.", "a week", P,
                "P1W", ""},
           },
           "2012-08-10T12:00:00");
  // "2 days after tomorrow" as a whole phrase.
  RunTable(
      *tagger_,
      {
          {"2 day after tomorrow", "2 day after tomorrow", D, "2012-08-13", ""},
          {"2 day before yesterday", "2 day before yesterday", D, "2012-08-07",
           ""},
      },
      "2012-08-10");
}

TEST_F(DateTaggerTest, TwoDigitYears) {
  RunTable(
      *tagger_,
      {
          {"Filed on Aug 9, 96.", "Aug 9, 96", D, "1996-08-09", ""},
          {"Born 3rd Feb 82", "3rd Feb 82", D, "1982-02-03", ""},
          {"Expires 21-APR-16", "21-APR-16", D, "2016-04-21", ""},
          {"It opened in Aug 96.", "Aug 96", D, "1996-08", ""},
          {"The deal closed Feb. 3 '98.", "Feb. 3 '98", D, "1998-02-03", ""},
      },
      "2012-08-10");
  // A two-digit number followed by a word is no year.
  const std::string text = "On Aug 9 96 people were hurt.";
  const auto v = Tag(text, "2012-08-10");
  for (const TimeExpression& e : v) {
    EXPECT_EQ(e.span.Of(text).find("96"), std::string_view::npos);
  }
}

TEST_F(DateTaggerTest, RangeStartsTakeTheEndsMonthAndYear) {
  RunTable(
      *tagger_,
      {
          {"The fair runs 10 - 22 August 2012.", "10", D, "2012-08-10", ""},
          {"Open eighth to eleventh May 2010.", "eighth", D, "2010-05-08", ""},
          {"Open May 8 - 10, 2010.", "May 8", D, "2010-05-08", ""},
          {"Closed 10 August - 12 September 2013.", "10 August", D,
           "2013-08-10", ""},
          {"It ran from May to December, 2022.", "May", D, "2022-05", ""},
          {"It ran from December to May 2020.", "December", D, "2019-12", ""},
      },
      "2012-08-10");
}

TEST_F(DateTaggerTest, ThisWeekdayIsTheComingOne) {
  // Reference: Sunday 2022-08-07.
  RunTable(
      *tagger_,
      {
          {"We will meet this Saturday.", "this Saturday", D, "2022-08-13", ""},
          {"He said this Monday that he quit.", "this Monday", D, "2022-08-01",
           ""},
      },
      "2022-08-07");
}

TEST_F(DateTaggerTest, PhrasesWithoutAClauseLookAhead) {
  // Reference: Tuesday 2013-02-12. A short phrase names the coming date
  // unless it lies at most about three months back.
  RunTable(*tagger_,
           {
               {"october 7th", "october 7th", D, "2013-10-07", ""},
               {"Jan 20", "Jan 20", D, "2013-01-20", ""},
               {"On 24th", "24th", D, "2013-02-24", ""},
               {"fri", "fri", D, "2013-02-15", ""},
           },
           "2013-02-12");
  // In running text the closest one still wins.
  const std::string text =
      "The company said its new plant, which cost $40 million, opened on "
      "October 7 after long delays.";
  const auto v = Tag(text, "2013-02-12");
  ASSERT_NE(Find(v, text, "October 7"), nullptr);
  EXPECT_EQ(Find(v, text, "October 7")->value, "2012-10-07");
}

TEST_F(DateTaggerTest, Holidays) {
  // Reference: Wednesday 1999-12-01.
  RunTable(*tagger_,
           {
               {"Sales rose over Thanksgiving Day.", "Thanksgiving Day", D,
                "1999-11-25", ""},
               {"Stores were busy last Thanksgiving.", "last Thanksgiving", D,
                "1999-11-25", ""},
               {"The troops will be home by Christmas.", "Christmas", D,
                "1999-12-25", ""},
               {"He will speak on New Year's Eve.", "New Year's Eve", D,
                "1999-12-31", ""},
               {"It reopened on Easter Monday 2000.", "Easter Monday 2000", D,
                "2000-04-24", ""},
               {"The march was held on Labor Day 1998.", "Labor Day 1998", D,
                "1998-09-07", ""},
               {"It ended on Memorial Day 1999.", "Memorial Day 1999", D,
                "1999-05-31", ""},
               {"Easter 2024 was early.", "Easter 2024", D, "2024-03-31", ""},
               {"three days after Christmas", "three days after Christmas", D,
                "1999-12-28", ""},
               {"a week before March 10", "a week before March 10", D,
                "2000-03-03", ""},
               {"The deal will close three days after Christmas.", "Christmas",
                D, "1999-12-25", ""},
           },
           "1999-12-01");
  // "labor" and "memorial" alone are no holidays.
  const std::string text = "The labor union built a memorial.";
  EXPECT_TRUE(Tag(text, "1999-12-01").empty());
}

TEST_F(DateTaggerTest, WholePhraseMonthDay) {
  RunTable(*tagger_,
           {
               {"2/15", "2/15", D, "2013-02-15", ""},
               {"2 - 15", "2 - 15", D, "2013-02-15", ""},
               {"the 1st", "the 1st", D, "2013-03-01", ""},
               {"May", "May", D, "2013-05", ""},
           },
           "2013-02-12");
  // In running text a dash between small numbers is a score.
  const std::string text = "The Giants lost 2-15 to the Cubs on the road.";
  EXPECT_TRUE(Tag(text, "2013-02-12").empty());
}

TEST_F(DateTaggerTest, MonthWithoutYearFollowsTense) {
  RunTable(
      *tagger_,
      {
          {"The ministers met in September.", "September", D, "2023-09", ""},
          {"The ministers will meet in September.", "September", D, "2024-09",
           ""},
          {"The ministers will meet in March.", "March", D, "2025-03", ""},
      },
      "2024-06-17");
}

TEST_F(DateTaggerTest, YearRollsOverInDecember) {
  RunTable(*tagger_,
           {
               {"Rates rise next month.", "next month", D, "2025-01", ""},
               {"The court sits Jan. 3 for the hearing.", "Jan. 3", D,
                "2025-01-03", ""},
               {"Talks continue next week.", "next week", D, "2024-W52", ""},
           },
           "2024-12-20");
  RunTable(
      *tagger_,
      {
          {"Sales fell last month.", "last month", D, "2023-12", ""},
          {"He spoke on Dec. 30 about it.", "Dec. 30", D, "2023-12-30", ""},
      },
      "2024-01-05");
}

TEST_F(DateTaggerTest, LeapDays) {
  RunTable(*tagger_,
           {
               {"It was signed Feb. 29, 2024.", "Feb. 29, 2024", D,
                "2024-02-29", ""},
               {"A year after Feb 29, 2024, little changed.", "Feb 29, 2024", D,
                "2024-02-29", ""},
               {"He spoke yesterday.", "yesterday", D, "2024-02-29", ""},
               {"It opened on Feb. 29.", "Feb. 29", D, "2024-02-29", ""},
           },
           "2024-03-01");
  // Feb. 29 in a non-leap year is not a date.
  const std::string text = "It was signed Feb. 29, 2023.";
  for (const TimeExpression& e : Tag(text, "2024-03-01")) {
    EXPECT_NE(e.value, "2023-02-29");
  }
  RunTable(*tagger_, {{"It opens Feb. 29.", "Feb. 29", D, "2028-02-29", ""}},
           "2027-06-01");
}

TEST_F(DateTaggerTest, Times) {
  RunTable(
      *tagger_,
      {
          {"Polls close at 3 p.m. EDT.", "3 p.m. EDT", T, "2024-06-17T15:00",
           ""},
          {"Polls close at 8:30 pm.", "8:30 pm", T, "2024-06-17T20:30", ""},
          {"They meet at noon.", "noon", T, "2024-06-17T12:00", ""},
          {"Monday morning, markets fell.", "Monday morning", T,
           "2024-06-17TMO", ""},
          {"He will speak tonight.", "tonight", T, "2024-06-17TNI", ""},
          {"He spoke this afternoon.", "this afternoon", T, "2024-06-17TAF",
           ""},
          {"The talks resume at 16h30.", "16h30", T, "2024-06-17T16:30", ""},
          {"He will speak at 8 tonight.", "8 tonight", T, "2024-06-17T20:00",
           ""},
          {"It starts at 3 o'clock in the afternoon.",
           "3 o'clock in the afternoon", T, "2024-06-17T15:00", ""},
          {"They meet this morning at 10.", "this morning at 10", T,
           "2024-06-17T10:00", ""},
          {"The rally is tonight at 8 o'clock.", "tonight at 8 o'clock", T,
           "2024-06-17T20:00", ""},
      },
      "2024-06-17");
  // A short phrase is an appointment: a time already past today is
  // tomorrow's; in running text it stays on the reference day.
  RunTable(*tagger_,
           {
               {"at 3am", "3am", T, "2013-02-13T03:00", ""},
               {"at 6pm", "6pm", T, "2013-02-12T18:00", ""},
               {"at 4:23", "4:23", T, "2013-02-12T04:23", ""},
               {"in one hour", "in one hour", T, "2013-02-12T05:30", ""},
               {"The plant closed at 3 a.m., officials said.", "3 a.m.", T,
                "2013-02-12T03:00", ""},
           },
           "2013-02-12T04:30:00-02:00");
}

TEST_F(DateTaggerTest, Durations) {
  RunTable(
      *tagger_,
      {
          {"He served 20 years.", "20 years", P, "P20Y", ""},
          {"It took nine months.", "nine months", P, "P9M", ""},
          {"He stayed two days.", "two days", P, "P2D", ""},
          {"It ended in less than a week.", "less than a week", P, "P1W",
           "LESS_THAN"},
          {"Prices rose over the past three years.", "the past three years", P,
           "P3Y", ""},
          {"Strikes lasted 24 hours.", "24 hours", P, "PT24H", ""},
          {"It took a decade.", "a decade", P, "P10Y", ""},
          {"It took twenty-five years.", "twenty-five years", P, "P25Y", ""},
          {"It took a dozen years.", "a dozen years", P, "P12Y", ""},
          {"A two-year deal was signed.", "two-year", P, "P2Y", ""},
          {"It lasted more than four hours.", "more than four hours", P, "PT4H",
           "MORE_THAN"},
      },
      "2024-06-17");
}

TEST_F(DateTaggerTest, Sets) {
  RunTable(
      *tagger_,
      {
          {"They meet every Tuesday.", "every Tuesday", S, "XXXX-WXX-2", ""},
          {"Fees are paid annually.", "annually", S, "P1Y", ""},
          {"He runs daily.", "daily", S, "P1D", ""},
          {"Reports arrive each week.", "each week", S, "P1W", ""},
      },
      "2024-06-17");
}

TEST_F(DateTaggerTest, OrdinalDaysAndNthWeekdays) {
  RunTable(*tagger_,
           {
               {"It opens on the first of March.", "the first of March", D,
                "2024-03-01", ""},
               {"It opened on the 13th of September.", "the 13th of September",
                D, "2023-09-13", ""},
               {"Polls open May eighth, 2025.", "May eighth, 2025", D,
                "2025-05-08", ""},
               {"Voters go to the polls on the first Tuesday of November.",
                "the first Tuesday of November", D, "2024-11-05", ""},
               {"It closed the last day of October 2015.",
                "the last day of October 2015", D, "2015-10-31", ""},
               {"Fri, Jul 18 was chosen.", "Fri, Jul 18", D, "2025-07-18", ""},
               {"They met the day before yesterday.",
                "the day before yesterday", D, "2024-06-15", ""},
           },
           "2024-06-17");
}

TEST_F(DateTaggerTest, CompositeAndFractionalDurations) {
  RunTable(
      *tagger_,
      {
          {"It took an hour and 45 minutes.", "an hour and 45 minutes", P,
           "PT1H45M", ""},
          {"It took 1 year, 2 days and 4 seconds.",
           "1 year, 2 days and 4 seconds", P, "P1Y2DT4S", ""},
          {"It took 1.5 hours.", "1.5 hours", P, "PT1H30M", ""},
          {"It took a year and a half.", "a year and a half", P, "P1Y6M", ""},
          {"Wait two more weeks.", "two more weeks", P, "P2W", ""},
          {"They lived there for 2 1/2 years.", "2 1/2 years", P, "P2Y6M", ""},
          {"She spends about 5 1/2 hours there.", "about 5 1/2 hours", P,
           "PT5H30M", "APPROX"},
          {"But a minute and a half later it fell.", "a minute and a half", P,
           "PT1M30S", ""},
          {"It lasted 1.5 months.", "1.5 months", P, "P1.5M", ""},
      },
      "2024-06-17");
}

TEST_F(DateTaggerTest, ImpossibleDatesYieldNothing) {
  for (const char* text : {"Due February 29, 2023.", "Due 32 August 2014.",
                           "Due 2024-13-01.", "Due 29 February 2014."}) {
    for (const TimeExpression& e : Tag(text, "2024-06-17")) {
      ADD_FAILURE() << text << " → " << e.value;
    }
  }
}

TEST_F(DateTaggerTest, RatesAreNotDurations) {
  const std::string text =
      "It costs $5 a day and rose 3% a year, twice a week.";
  for (const TimeExpression& e : Tag(text, "2024-06-17")) {
    ADD_FAILURE() << e.span.Of(text) << " → " << e.value;
  }
}

TEST_F(DateTaggerTest, LongTextsFindExpressionsAcrossChunks) {
  std::string text;
  while (text.size() < (300u << 10))
    text += "Markets rallied on Sept. 13, 2023 ";
  const auto v = Tag(text, "2024-06-17");
  ASSERT_FALSE(v.empty());
  for (const TimeExpression& e : v) {
    EXPECT_EQ(e.value, "2023-09-13") << e.span.begin;
    EXPECT_EQ(e.span.Of(text), "Sept. 13, 2023");
  }
}

TEST_F(DateTaggerTest, UnknownReferenceLeavesRelativeDatesUnresolved) {
  const ReferenceTime none;
  const std::string text =
      "He spoke Tuesday, last month and yesterday; on Sept. 13 and in June "
      "2024 too.";
  const auto v = tagger_->Tag(text, Segmentation{}, none);
  EXPECT_EQ(Find(v, text, "Tuesday")->value, "XXXX-WXX-2");
  EXPECT_EQ(Find(v, text, "last month")->value, "XXXX-XX");
  EXPECT_EQ(Find(v, text, "yesterday")->value, "XXXX-XX-XX");
  EXPECT_EQ(Find(v, text, "Sept. 13")->value, "XXXX-09-13");
  EXPECT_EQ(Find(v, text, "June 2024")->value, "2024-06");
}

TEST_F(DateTaggerTest, DatelineWithoutYearKeepsYearUnknown) {
  const std::string text =
      "Caption line.\nJune 17 (UPI) — Officials met yesterday and will meet "
      "again on Sept. 13. Last year was hard.";
  const ReferenceTime ref = tagger_->FindDateline(text, Segmentation{});
  ASSERT_EQ(ref.source, ReferenceTime::Source::kDateline);
  EXPECT_FALSE(ref.has_year);
  EXPECT_EQ(ref.ToString(), "XXXX-06-17");
  const auto v = tagger_->Tag(text, Segmentation{}, ref);
  EXPECT_EQ(Find(v, text, "yesterday")->value, "XXXX-06-16");
  EXPECT_EQ(Find(v, text, "Sept. 13")->value, "XXXX-09-13");
  EXPECT_EQ(Find(v, text, "Last year")->value, "XXXX");
}

TEST_F(DateTaggerTest, FindsDatelines) {
  struct D2 {
    const char* text;
    bool found;
    const char* value;
  };
  const D2 cases[] = {
      {"June 17 (UPI) — Putin will travel.", true, "XXXX-06-17"},
      {"WASHINGTON, June 17 (Reuters) - The Senate voted.", true, "XXXX-06-17"},
      {"NEW YORK, Sept. 3, 2023 (AP) -- Stocks fell.", true, "2023-09-03"},
      {"Photo caption here.\nMOSCOW, March 4 (AP) — Snow fell.", true,
       "XXXX-03-04"},
      {"MOSCOW (AP) — Snow fell on June 17.", false, ""},
      {"Nothing to see here on June 17.", false, ""},
  };
  for (const D2& c : cases) {
    const ReferenceTime r = tagger_->FindDateline(c.text, Segmentation{});
    EXPECT_EQ(r.known(), c.found) << c.text;
    if (c.found) {
      EXPECT_EQ(r.source, ReferenceTime::Source::kDateline);
      EXPECT_EQ(r.ToString(), c.value) << c.text;
    }
  }
}

TEST_F(DateTaggerTest, CaseAndApostrophesDoNotMatter) {
  const std::string text =
      "TUESDAY the club said it had grown since the ’90s and the '80s.";
  const auto v = Tag(text, "2024-06-19");
  ASSERT_NE(Find(v, text, "TUESDAY"), nullptr);
  EXPECT_EQ(Find(v, text, "TUESDAY")->value, "2024-06-18");
  ASSERT_NE(Find(v, text, "the ’90s"), nullptr);
  EXPECT_EQ(Find(v, text, "the ’90s")->value, "199");
  ASSERT_NE(Find(v, text, "the '80s"), nullptr);
}

TEST_F(DateTaggerTest, MalformedReferenceTimeIsRejected) {
  EXPECT_EQ(ParseReferenceTime("2023-02-29").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseReferenceTime("yesterday").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(DateTaggerTest, HostileInputsStayLinearAndSafe) {
  const std::string no_spaces(10 << 20, 'a');
  EXPECT_TRUE(Tag(no_spaces, "2024-06-17").empty());
  const std::string periods(1000000, '.');
  EXPECT_TRUE(Tag(periods, "2024-06-17").empty());
  const std::string digits(1000000, '7');
  EXPECT_TRUE(Tag(digits, "2024-06-17").empty());
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "May 2024 ";
  EXPECT_EQ(Tag(many, "2024-06-17").size(), 100000u);
  std::string invalid = "\xff\xfe June 17 \xe2\x80";
  EXPECT_FALSE(Tag(invalid, "2024-06-17").empty());
}

}  // namespace
}  // namespace lede
