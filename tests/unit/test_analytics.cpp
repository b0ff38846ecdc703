// The analytics engine reproducing figures from the council documents in shared/seeds, and
// the published reference values of the statistical methods, through TabulateReport (not by
// calling the statistics primitives directly), plus the edge cases officers meet.
//
// Where a value comes from:
// - "seeds": a council report in shared/seeds (quoted at the check). Their percentages are
//   rounded, sometimes wrongly (the EHC portal figure appears as 4.4% and 4.6%), so the
//   expected value here is the exact ratio of the raw counts, checked also after rounding.
// - "published": Newcombe (1998a, 1998b), as in test_statistics.cpp.
// - "by hand": derivation written next to the check.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "analytics_test_support.h"
#include "core/analytics/tabulate.h"
#include "core/analytics/statistics.h"

using analytics_test::Choice;
using analytics_test::ResponseList;
using yousaid::Answer;
using yousaid::AnalyticsOptions;
using yousaid::ChangeOutcome;
using yousaid::ResponseStatus;

namespace {

double RoundedTo(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

constexpr double kExact = 1e-12;

}  // namespace

TEST_CASE("analytics: return rate of the EHC portal questionnaire, 14 of 317") {
    // seeds 002: "Since April 2022 317 new EHC requests have been made, with 14 responses
    // returned in that time period. 4.4% response rate." (elsewhere misprinted as 4.6%).
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(14, "2022", {{"support", Choice("s4")}});
    const yousaid::Population population = analytics_test::PopulationFrom("wave,dimension,group,invited\n,all,all,317\n");
    const auto report = analytics_test::Tabulate(survey, responses, {}, &population);

    const yousaid::ReturnRateRow& overall = analytics_test::ReturnRateFor(report, "2022", "all", "all");
    REQUIRE(overall.invited.has_value());
    CHECK(*overall.invited == 317);
    CHECK(overall.complete == 14);
    CHECK(overall.partial == 0);
    CHECK(overall.refused == 0);
    REQUIRE(overall.rr1_percent.has_value());
    CHECK(*overall.rr1_percent == doctest::Approx(100.0 * 14.0 / 317.0).epsilon(kExact));
    CHECK(RoundedTo(*overall.rr1_percent, 2) == doctest::Approx(4.42));
    CHECK(RoundedTo(*overall.rr1_percent, 1) == doctest::Approx(4.4));
    CHECK(*overall.rr2_percent == doctest::Approx(*overall.rr1_percent).epsilon(kExact));
    CHECK_FALSE(overall.coop1_percent.has_value());  // people were invited: RR, not COOP
    CHECK_FALSE(overall.suppressed);
}

TEST_CASE("analytics: RR1 and RR2 tell complete and partial apart; refusals counted separately") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(30, "2025", {{"phase", Choice("primary")}});
    for (int index = 0; index < 10; ++index) responses.Add("2025", ResponseStatus::kPartial, {{"phase", Choice("primary")}});
    for (int index = 0; index < 5; ++index) responses.Add("2025", ResponseStatus::kRefused, {});
    const yousaid::Population population =
        analytics_test::PopulationFrom("wave,dimension,group,invited\n2025,all,all,200\n");
    const auto report = analytics_test::Tabulate(survey, responses, {}, &population);
    const auto& overall = analytics_test::ReturnRateFor(report, "2025", "all", "all");
    CHECK(overall.complete == 30);
    CHECK(overall.partial == 10);
    CHECK(overall.refused == 5);
    CHECK(*overall.rr1_percent == doctest::Approx(15.0).epsilon(kExact));  // 30 / 200
    CHECK(*overall.rr2_percent == doctest::Approx(20.0).epsilon(kExact));  // 40 / 200
}

TEST_CASE("analytics: 40 of 46 schools rated 3 or above, 15 of them 4 or 5") {
    // seeds 002: "Of 46 schools surveyed by our PCF for parental satisfaction for support for
    // SEND children, 40 scored 3 or above (5 being high) and 15 of these scored 4 or 5."
    // Each school is one rating here: 6 below 3, 25 at 3, 10 at 4 and 5 at 5.
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(4, "2023", {{"support", Choice("s1")}, {"support_3_plus", Choice("s1")}});
    responses.AddMany(2, "2023", {{"support", Choice("s2")}, {"support_3_plus", Choice("s2")}});
    responses.AddMany(25, "2023", {{"support", Choice("s3")}, {"support_3_plus", Choice("s3")}});
    responses.AddMany(10, "2023", {{"support", Choice("s4")}, {"support_3_plus", Choice("s4")}});
    responses.AddMany(5, "2023", {{"support", Choice("s5")}, {"support_3_plus", Choice("s5")}});
    const auto report = analytics_test::Tabulate(survey, responses);

    const auto& four_or_five = analytics_test::SatisfactionFor(report, "2023", "all", "all", "support");
    CHECK(four_or_five.positive == 15);
    CHECK(four_or_five.valid == 46);
    CHECK(*four_or_five.percent == doctest::Approx(100.0 * 15.0 / 46.0).epsilon(kExact));
    CHECK(RoundedTo(*four_or_five.percent, 2) == doctest::Approx(32.61));

    const auto& three_plus = analytics_test::SatisfactionFor(report, "2023", "all", "all", "support_3_plus");
    CHECK(three_plus.positive == 40);
    CHECK(three_plus.valid == 46);
    CHECK(RoundedTo(*three_plus.percent, 2) == doctest::Approx(86.96));

    // The mean rating: (4*1 + 2*2 + 25*3 + 10*4 + 5*5) / 46 = 148 / 46.
    const auto& mean = analytics_test::MeanFor(report, "2023", "all", "all", "support");
    CHECK(mean.summary.count == 46);
    CHECK(*mean.summary.mean == doctest::Approx(148.0 / 46.0).epsilon(kExact));
}

TEST_CASE("analytics: nurture consultation, 41 of 54 overall, by phase") {
    // Primary 30 of 35 (85.7%), secondary 11 of 19 (57.9%), together 41 of 54 (75.9%).
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(30, "2023", {{"phase", Choice("primary")}, {"helped", Choice("yes")}});
    responses.AddMany(5, "2023", {{"phase", Choice("primary")}, {"helped", Choice("no")}});
    responses.AddMany(11, "2023", {{"phase", Choice("secondary")}, {"helped", Choice("yes")}});
    responses.AddMany(8, "2023", {{"phase", Choice("secondary")}, {"helped", Choice("sometimes")}});
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("phase")};
    const auto report = analytics_test::Tabulate(survey, responses, options);

    const auto& overall = analytics_test::SatisfactionFor(report, "2023", "all", "all", "helped");
    CHECK(overall.positive == 41);
    CHECK(overall.valid == 54);
    CHECK(RoundedTo(*overall.percent, 1) == doctest::Approx(75.9));
    const auto& primary = analytics_test::SatisfactionFor(report, "2023", "phase", "primary", "helped");
    CHECK(primary.positive == 30);
    CHECK(primary.valid == 35);
    CHECK(RoundedTo(*primary.percent, 1) == doctest::Approx(85.7));
    const auto& secondary = analytics_test::SatisfactionFor(report, "2023", "phase", "secondary", "helped");
    CHECK(secondary.positive == 11);
    CHECK(secondary.valid == 19);
    CHECK(RoundedTo(*secondary.percent, 1) == doctest::Approx(57.9));
    // Only groups that have respondents (or an invited count) are listed.
    CHECK(report.breakdowns[*report.FindBreakdown("phase")].groups == std::vector<std::string>{"primary", "secondary"});

    // With a minimum cell of 20, secondary (19) is suppressed, and primary with it: otherwise
    // 41/54 minus 30/35 would give 11/19 back.
    options.min_cell = 20;
    const auto strict = analytics_test::Tabulate(survey, responses, options);
    const auto& hidden = analytics_test::SatisfactionFor(strict, "2023", "phase", "secondary", "helped");
    CHECK(hidden.suppressed);
    CHECK(hidden.valid == 0);
    CHECK_FALSE(hidden.percent.has_value());
    const auto& complementary = analytics_test::SatisfactionFor(strict, "2023", "phase", "primary", "helped");
    CHECK(complementary.suppressed);
    CHECK_FALSE(complementary.percent.has_value());
    CHECK_FALSE(analytics_test::SatisfactionFor(strict, "2023", "all", "all", "helped").suppressed);
}

TEST_CASE("analytics: Wilson interval through the engine matches Newcombe (1998a) Table I") {
    // 81 of 263 -> 0.2553 to 0.3662 (published, 4 dp).
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(81, "1998", {{"helped", Choice("yes")}});
    responses.AddMany(182, "1998", {{"helped", Choice("no")}});
    const auto report = analytics_test::Tabulate(survey, responses);
    const auto& row = analytics_test::SatisfactionFor(report, "1998", "all", "all", "helped");
    REQUIRE(row.interval_percent.has_value());
    CHECK(RoundedTo(row.interval_percent->low / 100.0, 4) == doctest::Approx(0.2553));
    CHECK(RoundedTo(row.interval_percent->high / 100.0, 4) == doctest::Approx(0.3662));
    CHECK(row.interval_percent->low == doctest::Approx(25.52885199).epsilon(1e-9));
    CHECK(row.interval_percent->high == doctest::Approx(36.62095770).epsilon(1e-9));
}

TEST_CASE("analytics: change against the baseline, Newcombe (1998b) and the pooled z-test") {
    // Baseline 48 of 80 (60%), follow-up 56 of 70 (80%): +20 points. Newcombe (1998b) Table II
    // example (a) gives 0.0524 to 0.3339 for 56/70 - 48/80; statsmodels' pooled z-test gives
    // p = 8.045081368197e-03 (values as in test_statistics.cpp).
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(48, "2024", {{"helped", Choice("yes")}});
    responses.AddMany(32, "2024", {{"helped", Choice("no")}});
    responses.AddMany(56, "2025", {{"helped", Choice("yes")}});
    responses.AddMany(14, "2025", {{"helped", Choice("no")}});
    const auto report = analytics_test::Tabulate(survey, responses);
    REQUIRE(report.baseline_wave.has_value());
    CHECK(report.waves[*report.baseline_wave] == "2024");

    const auto& change = analytics_test::ChangeFor(report, "all", "all", "helped");
    CHECK(report.waves[change.baseline_wave] == "2024");
    CHECK(report.waves[change.wave] == "2025");
    CHECK(*change.baseline_percent == doctest::Approx(60.0).epsilon(kExact));
    CHECK(*change.percent == doctest::Approx(80.0).epsilon(kExact));
    CHECK(*change.change_points == doctest::Approx(20.0).epsilon(kExact));
    REQUIRE(change.interval_points.has_value());
    CHECK(RoundedTo(change.interval_points->low / 100.0, 4) == doctest::Approx(0.0524));
    CHECK(RoundedTo(change.interval_points->high / 100.0, 4) == doctest::Approx(0.3339));
    CHECK(change.interval_points->low == doctest::Approx(5.24314724).epsilon(1e-8));
    CHECK(change.interval_points->high == doctest::Approx(33.38726540).epsilon(1e-8));
    CHECK(*change.p_value == doctest::Approx(8.045081368197e-03).epsilon(1e-9));
    CHECK(change.outcome == ChangeOutcome::kImproved);
    CHECK(std::string(yousaid::ChangeOutcomeName(change.outcome)) == "improved");

    // The same counts the other way round are worse; with "don't care" items unchanged.
    ResponseList reversed(survey);
    reversed.AddMany(56, "2024", {{"helped", Choice("yes")}, {"support", Choice("s4")}});
    reversed.AddMany(14, "2024", {{"helped", Choice("no")}, {"support", Choice("s2")}});
    reversed.AddMany(48, "2025", {{"helped", Choice("yes")}, {"support", Choice("s5")}});
    reversed.AddMany(32, "2025", {{"helped", Choice("no")}, {"support", Choice("s1")}});
    const auto worse_report = analytics_test::Tabulate(survey, reversed);
    CHECK(analytics_test::ChangeFor(worse_report, "all", "all", "helped").outcome == ChangeOutcome::kWorse);
    // support: 56/70 = 80% then 48/80 = 60%, also worse.
    CHECK(analytics_test::ChangeFor(worse_report, "all", "all", "support").outcome == ChangeOutcome::kWorse);
    // support_3_plus was not answered at all: not available, counted apart.
    CHECK(analytics_test::ChangeFor(worse_report, "all", "all", "support_3_plus").outcome ==
          ChangeOutcome::kNotAvailable);
    REQUIRE(worse_report.change_counts.size() == 1);
    const auto& counts = worse_report.change_counts[0];
    CHECK(counts.worse == 2);
    CHECK(counts.improved == 0);
    CHECK(counts.no_significant_change == 0);
    // happiness and understanding were not answered either.
    CHECK(counts.not_available == 3);
}

TEST_CASE("analytics: no significant change, and an explicit baseline wave") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(20, "wave 2", {{"helped", Choice("yes")}});
    responses.AddMany(20, "wave 2", {{"helped", Choice("no")}});
    responses.AddMany(22, "wave 10", {{"helped", Choice("yes")}});
    responses.AddMany(18, "wave 10", {{"helped", Choice("no")}});
    responses.AddMany(30, "wave 1", {{"helped", Choice("yes")}});
    responses.AddMany(10, "wave 1", {{"helped", Choice("no")}});
    AnalyticsOptions options;
    const auto default_baseline = analytics_test::Tabulate(survey, responses, options);
    // Natural order: wave 1, wave 2, wave 10; the first is the baseline.
    CHECK(default_baseline.waves == std::vector<std::string>{"wave 1", "wave 2", "wave 10"});
    CHECK(default_baseline.waves[*default_baseline.baseline_wave] == "wave 1");

    options.baseline_wave = "wave 2";
    const auto report = analytics_test::Tabulate(survey, responses, options);
    std::vector<std::string> compared;
    for (const auto& row : report.changes) {
        if (row.question == *report.FindSatisfactionQuestion("helped")) {
            compared.push_back(report.waves[row.wave]);
            CHECK(report.waves[row.baseline_wave] == "wave 2");
        }
    }
    // Only the wave after the baseline: wave 1 comes before it and is not compared.
    CHECK(compared == std::vector<std::string>{"wave 10"});
    // 20/40 -> 22/40: far from significant.
    for (const auto& row : report.changes) {
        if (row.question == *report.FindSatisfactionQuestion("helped") && report.waves[row.wave] == "wave 10") {
            CHECK(row.outcome == ChangeOutcome::kNoSignificantChange);
            CHECK(*row.change_points == doctest::Approx(5.0).epsilon(kExact));
        }
    }

    options.baseline_wave = "wave 3";
    CHECK(analytics_test::TabulationProblems(survey, responses, options) ==
          "baseline wave 'wave 3' has no responses (waves with responses: wave 1, wave 2, wave 10)");
}

TEST_CASE("analytics: zero valid answers, all positive, all negative, one respondent") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    // "ash": everyone skips; "beech": all positive; "cedar": all negative.
    responses.AddMany(12, "2025", {{"school", Choice("ash")}, {"helped", Answer::Skipped()}});
    responses.AddMany(12, "2025", {{"school", Choice("beech")}, {"helped", Choice("yes")}});
    responses.AddMany(12, "2025", {{"school", Choice("cedar")}, {"helped", Choice("no")}});
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("school")};
    const auto report = analytics_test::Tabulate(survey, responses, options);

    const auto& none = analytics_test::SatisfactionFor(report, "2025", "school", "ash", "helped");
    CHECK(none.valid == 0);
    CHECK_FALSE(none.percent.has_value());
    CHECK_FALSE(none.interval_percent.has_value());
    CHECK_FALSE(none.suppressed);  // nothing to hide

    const auto& all_positive = analytics_test::SatisfactionFor(report, "2025", "school", "beech", "helped");
    CHECK(*all_positive.percent == 100.0);
    CHECK(all_positive.interval_percent->high == 100.0);
    CHECK(all_positive.interval_percent->low < 100.0);

    const auto& all_negative = analytics_test::SatisfactionFor(report, "2025", "school", "cedar", "helped");
    CHECK(*all_negative.percent == 0.0);
    CHECK(all_negative.interval_percent->low == 0.0);
    CHECK(all_negative.interval_percent->high > 0.0);

    // One respondent, with the minimum cell set to 1: a figure, a mean, but no SD or interval.
    ResponseList one(survey);
    one.Add("2025", ResponseStatus::kComplete, {{"helped", Choice("yes")}, {"happiness", Answer::Integer(8)}});
    AnalyticsOptions lone;
    lone.min_cell = 1;
    const auto single = analytics_test::Tabulate(survey, one, lone);
    const auto& row = analytics_test::SatisfactionFor(single, "2025", "all", "all", "helped");
    CHECK(row.valid == 1);
    CHECK(*row.percent == 100.0);
    REQUIRE(row.interval_percent.has_value());
    // Wilson for 1 of 1: lower limit 1 / (1 + z^2) (by hand).
    const double z = yousaid::kZFor95PercentConfidence;
    CHECK(row.interval_percent->low == doctest::Approx(100.0 / (1.0 + z * z)).epsilon(1e-12));
    const auto& mean = analytics_test::MeanFor(single, "2025", "all", "all", "happiness");
    CHECK(mean.summary.count == 1);
    CHECK(*mean.summary.mean == 8.0);
    CHECK_FALSE(mean.summary.standard_deviation.has_value());
    CHECK_FALSE(mean.summary.confidence_interval.has_value());
    // With the default minimum cell of 10 the one respondent is suppressed everywhere.
    const auto hidden = analytics_test::Tabulate(survey, one);
    CHECK(analytics_test::SatisfactionFor(hidden, "2025", "all", "all", "helped").suppressed);
    CHECK(analytics_test::MeanFor(hidden, "2025", "all", "all", "happiness").suppressed);
    CHECK(analytics_test::ReturnRateFor(hidden, "2025", "all", "all").suppressed);
}

TEST_CASE("analytics: don't know joins the denominator only on request; prefer not to say never") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(12, "2025", {{"helped", Choice("yes")}});
    responses.AddMany(8, "2025", {{"helped", Choice("no")}});
    responses.AddMany(5, "2025", {{"helped", Choice("dont_know")}});
    responses.AddMany(7, "2025", {{"helped", Choice("prefer_not_to_say")}});
    responses.AddMany(3, "2025", {{"helped", Answer::Skipped()}});

    const auto excluded = analytics_test::Tabulate(survey, responses);
    const auto& by_default = analytics_test::SatisfactionFor(excluded, "2025", "all", "all", "helped");
    CHECK(by_default.positive == 12);
    CHECK(by_default.valid == 20);
    CHECK(by_default.dont_know == 5);
    CHECK(*by_default.percent == doctest::Approx(60.0).epsilon(kExact));

    AnalyticsOptions options;
    options.include_dont_know = true;
    const auto included = analytics_test::Tabulate(survey, responses, options);
    const auto& with_dont_know = analytics_test::SatisfactionFor(included, "2025", "all", "all", "helped");
    CHECK(with_dont_know.positive == 12);
    CHECK(with_dont_know.valid == 25);  // 20 + 5 "don't know"; the 7 "prefer not to say" never
    CHECK(*with_dont_know.percent == doctest::Approx(48.0).epsilon(kExact));

    // A "don't know" on a 0-10 rating is not a number: never in a mean.
    ResponseList ratings(survey);
    ratings.AddMany(10, "2025", {{"happiness", Answer::Integer(6)}});
    ratings.AddMany(10, "2025", {{"happiness", Answer::Integer(9)}});
    ratings.AddMany(6, "2025", {{"happiness", Choice("dont_know")}});
    const auto rated = analytics_test::Tabulate(survey, ratings, options);
    CHECK(analytics_test::MeanFor(rated, "2025", "all", "all", "happiness").summary.count == 20);
    const auto& happy = analytics_test::SatisfactionFor(rated, "2025", "all", "all", "happiness");
    CHECK(happy.positive == 10);  // 9 >= 7; 6 is not
    CHECK(happy.valid == 26);     // with include_dont_know
}

TEST_CASE("analytics: a group suppressed in one wave but not the other") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    // ash: 4 in 2024 (suppressed), 15 in 2025. beech and cedar are large in both waves.
    responses.AddMany(4, "2024", {{"school", Choice("ash")}, {"helped", Choice("yes")}});
    responses.AddMany(15, "2025", {{"school", Choice("ash")}, {"helped", Choice("yes")}});
    responses.AddMany(40, "2024", {{"school", Choice("beech")}, {"helped", Choice("no")}});
    responses.AddMany(40, "2025", {{"school", Choice("beech")}, {"helped", Choice("no")}});
    responses.AddMany(30, "2024", {{"school", Choice("cedar")}, {"helped", Choice("yes")}});
    responses.AddMany(30, "2025", {{"school", Choice("cedar")}, {"helped", Choice("yes")}});
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("school")};
    const auto report = analytics_test::Tabulate(survey, responses, options);

    CHECK(analytics_test::SatisfactionFor(report, "2024", "school", "ash", "helped").suppressed);
    // Secondary suppression in 2024: the next smallest (cedar, 30) goes too.
    CHECK(analytics_test::SatisfactionFor(report, "2024", "school", "cedar", "helped").suppressed);
    CHECK_FALSE(analytics_test::SatisfactionFor(report, "2024", "school", "beech", "helped").suppressed);
    // 2025: nothing small.
    const auto& ash_2025 = analytics_test::SatisfactionFor(report, "2025", "school", "ash", "helped");
    CHECK_FALSE(ash_2025.suppressed);
    CHECK(*ash_2025.percent == 100.0);
    // The change for ash (and cedar) is suppressed; beech's is shown.
    const auto& ash_change = analytics_test::ChangeFor(report, "school", "ash", "helped");
    CHECK(ash_change.suppressed);
    CHECK(ash_change.outcome == ChangeOutcome::kSuppressed);
    CHECK_FALSE(ash_change.baseline_percent.has_value());
    CHECK_FALSE(ash_change.percent.has_value());
    CHECK_FALSE(ash_change.change_points.has_value());
    CHECK(analytics_test::ChangeFor(report, "school", "cedar", "helped").suppressed);
    const auto& beech_change = analytics_test::ChangeFor(report, "school", "beech", "helped");
    CHECK_FALSE(beech_change.suppressed);
    CHECK(beech_change.outcome == ChangeOutcome::kNoSignificantChange);
    CHECK(*beech_change.change_points == 0.0);
    CHECK(*beech_change.p_value == 1.0);
}

TEST_CASE("analytics: secondary suppression picks the next smallest group, also across a crossing") {
    // Primary only: nothing else small, so nothing else goes... unless exactly one is hidden.
    const std::vector<std::vector<std::uint32_t>> one_set{{0, 1, 2, 3}};
    CHECK(yousaid::SuppressSmallCells({50, 40, 4, 30}, 10, one_set) == std::vector<bool>{false, false, true, true});
    // Two primaries already protect each other.
    CHECK(yousaid::SuppressSmallCells({50, 3, 4, 30}, 10, one_set) == std::vector<bool>{false, true, true, false});
    // A zero base hides nothing and is never chosen.
    CHECK(yousaid::SuppressSmallCells({50, 0, 4, 30}, 10, one_set) == std::vector<bool>{false, false, true, true});
    // Ties: the first in order.
    CHECK(yousaid::SuppressSmallCells({20, 20, 4}, 10, {{0, 1, 2}}) == std::vector<bool>{true, false, true});
    // min_cell 0 or 1 suppresses nothing.
    CHECK(yousaid::SuppressSmallCells({1, 2, 3}, 1, {{0, 1, 2}}) == std::vector<bool>{false, false, false});

    // A 2x2 crossing, groups (a,x)=0 (a,y)=1 (b,x)=2 (b,y)=3; rows {0,1},{2,3}, columns {0,2},{1,3}.
    // Only (a,x) is small. Row a: (a,y) goes; column x: (b,x) goes; then row b and column y
    // each have one hidden, so (b,y) goes as well.
    const std::vector<std::vector<std::uint32_t>> crossing{{0, 1, 2, 3}, {0, 1}, {2, 3}, {0, 2}, {1, 3}};
    CHECK(yousaid::SuppressSmallCells({5, 40, 30, 50}, 10, crossing) == std::vector<bool>{true, true, true, true});

    // Through the engine: school x phase.
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(5, "2025", {{"school", Choice("ash")}, {"phase", Choice("primary")}, {"helped", Choice("yes")}});
    responses.AddMany(40, "2025", {{"school", Choice("ash")}, {"phase", Choice("secondary")}, {"helped", Choice("yes")}});
    responses.AddMany(30, "2025", {{"school", Choice("beech")}, {"phase", Choice("primary")}, {"helped", Choice("no")}});
    responses.AddMany(50, "2025", {{"school", Choice("beech")}, {"phase", Choice("secondary")}, {"helped", Choice("no")}});
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("school,phase")};
    const auto report = analytics_test::Tabulate(survey, responses, options);
    const std::string crossed = std::string("school") + yousaid::kCrossingSeparator + "phase";
    const auto b = report.FindBreakdown(crossed);
    REQUIRE(b.has_value());
    const std::string sep = yousaid::kCrossingSeparator;
    CHECK(report.breakdowns[*b].groups ==
          std::vector<std::string>{"ash" + sep + "primary", "ash" + sep + "secondary", "beech" + sep + "primary",
                                   "beech" + sep + "secondary"});
    for (const std::string& group : report.breakdowns[*b].groups) {
        CHECK(analytics_test::SatisfactionFor(report, "2025", crossed, group, "helped").suppressed);
    }
    // "school×phase" and "phase×school" name different breakdowns; "school*phase" is the same one.
    options.breakdowns = {yousaid::ParseBreakdown("school*phase"), yousaid::ParseBreakdown("school,phase")};
    CHECK(analytics_test::Tabulate(survey, responses, options).breakdowns.size() == 2);
}

TEST_CASE("analytics: event stalls get COOP1; a group with responses but no invited count is reported") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    auto at_event = [&](const char* event, ResponseStatus status, int count) {
        for (int index = 0; index < count; ++index) responses.Add("2025", status, {}).event_id = event;
    };
    at_event("local_offer_fayre", ResponseStatus::kComplete, 12);
    at_event("local_offer_fayre", ResponseStatus::kPartial, 3);
    at_event("local_offer_fayre", ResponseStatus::kRefused, 5);
    at_event("transitions_fayre", ResponseStatus::kComplete, 9);
    at_event("transitions_fayre", ResponseStatus::kRefused, 6);
    // Nobody was invited to the stall; the transitions fayre is not in the file at all.
    const yousaid::Population population = analytics_test::PopulationFrom(
        "wave,dimension,group,invited\n,event,local_offer_fayre,0\n,event,school_visits,25\n");
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("event")};
    const auto report = analytics_test::Tabulate(survey, responses, options, &population);

    const auto& stall = analytics_test::ReturnRateFor(report, "2025", "event", "local_offer_fayre");
    CHECK(*stall.invited == 0);
    CHECK_FALSE(stall.rr1_percent.has_value());
    CHECK_FALSE(stall.rr2_percent.has_value());
    REQUIRE(stall.coop1_percent.has_value());
    CHECK(*stall.coop1_percent == doctest::Approx(60.0).epsilon(kExact));  // 12 / (12 + 3 + 5)

    const auto& unknown = analytics_test::ReturnRateFor(report, "2025", "event", "transitions_fayre");
    CHECK_FALSE(unknown.invited.has_value());
    CHECK(unknown.complete == 9);
    CHECK(unknown.refused == 6);
    CHECK_FALSE(unknown.rr1_percent.has_value());
    CHECK(*unknown.coop1_percent == doctest::Approx(60.0).epsilon(kExact));  // 9 / 15
    bool warned = false;
    for (const std::string& warning : report.warnings) {
        warned = warned || warning.find("no invited count for transitions_fayre") != std::string::npos;
    }
    CHECK(warned);

    // Invited but nobody came: reported with a 0% return rate, not left out.
    const auto& nobody = analytics_test::ReturnRateFor(report, "2025", "event", "school_visits");
    CHECK(*nobody.invited == 25);
    CHECK(nobody.complete == 0);
    CHECK(*nobody.rr1_percent == 0.0);
    CHECK_FALSE(nobody.suppressed);
}

TEST_CASE("analytics: population rows for a wave win over rows for every wave") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    responses.AddMany(20, "2024", {{"school", Choice("ash")}});
    responses.AddMany(30, "2025", {{"school", Choice("ash")}});
    const yousaid::Population population = analytics_test::PopulationFrom(
        "wave,dimension,group,invited\n,school,ash,100\n2025,school,ash,120\n");
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("school")};
    const auto report = analytics_test::Tabulate(survey, responses, options, &population);
    CHECK(*analytics_test::ReturnRateFor(report, "2024", "school", "ash").invited == 100);
    CHECK(*analytics_test::ReturnRateFor(report, "2025", "school", "ash").invited == 120);
    CHECK(*analytics_test::ReturnRateFor(report, "2025", "school", "ash").rr1_percent == doctest::Approx(25.0));
}

TEST_CASE("analytics: means of 1-5 and 0-10 items, and the paired before-and-now change") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    const std::vector<int> happiness{3, 7, 8, 10, 6, 9, 9, 4, 7, 8, 5, 10};
    const std::vector<std::pair<int, int>> understanding{{2, 6}, {3, 7}, {5, 5}, {1, 8}, {4, 9}, {6, 7},
                                                         {2, 3}, {0, 5}, {7, 10}, {3, 4}, {5, 8}, {4, 4}};
    yousaid::MeanAccumulator happiness_reference;
    std::vector<double> before;
    std::vector<double> now;
    for (std::size_t index = 0; index < happiness.size(); ++index) {
        responses.Add("2025", ResponseStatus::kComplete,
                      {{"happiness", Answer::Integer(happiness[index])},
                       {"understanding", Answer::BeforeAndNow(understanding[index].first, understanding[index].second)}});
        happiness_reference.Add(happiness[index]);
        before.push_back(understanding[index].first);
        now.push_back(understanding[index].second);
    }
    const auto report = analytics_test::Tabulate(survey, responses);

    // The engine sums integers exactly; the reference is Welford's one-pass accumulator.
    const yousaid::MeanSummary expected = happiness_reference.Summary();
    const auto& mean = analytics_test::MeanFor(report, "2025", "all", "all", "happiness");
    CHECK(mean.summary.count == 12);
    CHECK(*mean.summary.mean == doctest::Approx(*expected.mean).epsilon(1e-14));
    CHECK(*mean.summary.standard_deviation == doctest::Approx(*expected.standard_deviation).epsilon(1e-13));
    CHECK(mean.summary.confidence_interval->low == doctest::Approx(expected.confidence_interval->low).epsilon(1e-13));
    CHECK(mean.summary.confidence_interval->high == doctest::Approx(expected.confidence_interval->high).epsilon(1e-13));
    // By hand: the sum is 86, so the mean is 86/12.
    CHECK(*mean.summary.mean == doctest::Approx(86.0 / 12.0).epsilon(kExact));

    const yousaid::MeanSummary paired = yousaid::SummarisePairedChange(before, now);
    const auto& change = analytics_test::MeanFor(report, "2025", "all", "all", "understanding:change");
    CHECK(change.summary.count == 12);
    CHECK(*change.summary.mean == doctest::Approx(*paired.mean).epsilon(1e-14));
    CHECK(*change.summary.standard_deviation == doctest::Approx(*paired.standard_deviation).epsilon(1e-13));
    CHECK(change.summary.confidence_interval->low == doctest::Approx(paired.confidence_interval->low).epsilon(1e-13));
    CHECK(change.summary.confidence_interval->high == doctest::Approx(paired.confidence_interval->high).epsilon(1e-13));
    // By hand: the changes sum to 4+4+0+7+5+1+1+5+3+1+3+0 = 34.
    CHECK(*change.summary.mean == doctest::Approx(34.0 / 12.0).epsilon(kExact));
    CHECK(*analytics_test::MeanFor(report, "2025", "all", "all", "understanding:before").summary.mean ==
          doctest::Approx(42.0 / 12.0).epsilon(kExact));
    CHECK(*analytics_test::MeanFor(report, "2025", "all", "all", "understanding:now").summary.mean ==
          doctest::Approx(76.0 / 12.0).epsilon(kExact));
    // Satisfaction of a before-and-now item uses "now" >= 7: 7,8,9,7,10,8 -> 6 of 12.
    const auto& positive_now = analytics_test::SatisfactionFor(report, "2025", "all", "all", "understanding");
    CHECK(positive_now.positive == 6);
    CHECK(positive_now.valid == 12);
}

TEST_CASE("analytics: breakdowns by response fields, and demographics answered or not") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    for (int index = 0; index < 12; ++index) {
        responses.Add("2025", ResponseStatus::kComplete, {{"school", Choice("beech")}, {"helped", Choice("yes")}})
            .answer_mode = yousaid::AnswerMode::kHelpedByAdult;
    }
    responses.AddMany(11, "2025", {{"school", Choice("prefer_not_to_say")}, {"helped", Choice("no")}});
    responses.AddMany(13, "2025", {{"helped", Choice("no")}});
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("answer_mode"), yousaid::ParseBreakdown("school"),
                          yousaid::ParseBreakdown("wave")};
    const auto report = analytics_test::Tabulate(survey, responses, options);
    CHECK(report.breakdowns[*report.FindBreakdown("answer_mode")].groups ==
          std::vector<std::string>{"self", "helped_by_adult"});
    CHECK(analytics_test::SatisfactionFor(report, "2025", "answer_mode", "helped_by_adult", "helped").positive == 12);
    CHECK(report.breakdowns[*report.FindBreakdown("school")].groups ==
          std::vector<std::string>{"beech", "prefer_not_to_say", yousaid::kNotAnsweredGroup});
    CHECK(analytics_test::SatisfactionFor(report, "2025", "school", yousaid::kNotAnsweredGroup, "helped").valid == 13);
    CHECK(analytics_test::SatisfactionFor(report, "2025", "wave", "2025", "helped").valid == 36);

    options.breakdowns = {yousaid::ParseBreakdown("shoe_size")};
    CHECK(analytics_test::TabulationProblems(survey, responses, options).find(
              "unknown breakdown dimension 'shoe_size' (known: ") == 0);
    options.breakdowns = {yousaid::ParseBreakdown("comments")};  // free text cannot split people
    CHECK(analytics_test::TabulationProblems(survey, responses, options).find(
              "unknown breakdown dimension 'comments'") == 0);
    // Every unusable breakdown is named, not just the first.
    options.breakdowns = {yousaid::ParseBreakdown("shoe_size"), yousaid::ParseBreakdown("school,school"),
                          yousaid::ParseBreakdown("school,phase,wave")};
    const std::string problems = analytics_test::TabulationProblems(survey, responses, options);
    CHECK(problems.find("'shoe_size'") != std::string::npos);
    CHECK(problems.find("cannot cross 'school' with itself") != std::string::npos);
    CHECK(problems.find("at most two dimensions") != std::string::npos);
}

TEST_CASE("analytics: responses for another survey version are refused by name") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    yousaid::Response response;
    response.id.low = 7;
    response.survey_id = survey.id;
    response.survey_version = survey.version + 1;
    response.wave = "2025";
    yousaid::EncodedResponses encoded(survey);
    const auto other_version = encoded.Add(response);
    REQUIRE(other_version.has_value());
    CHECK(other_version->message == "response " + response.id.ToHex() +
                                        " is for survey 'test_survey' version 4, not 'test_survey' version 3");
    CHECK(encoded.RowCount() == 0);
    response.survey_version = survey.version;
    response.answers["helped"] = Answer::Choice("perhaps");
    const auto unknown_option = encoded.Add(response);
    REQUIRE(unknown_option.has_value());
    CHECK(unknown_option->message.find("question 'helped': unknown option 'perhaps'") != std::string::npos);
    response.answers["helped"] = Answer::Choice("yes");
    response.answers["no_such_question"] = Answer::Choice("yes");
    const auto unknown_question = encoded.Add(response);
    REQUIRE(unknown_question.has_value());
    CHECK(unknown_question->message.find("unknown question 'no_such_question'") != std::string::npos);
    CHECK(encoded.RowCount() == 0);
    // FromResponses lists every response it refuses.
    yousaid::Response other = response;
    other.id.low = 8;
    const auto both = yousaid::EncodedResponses::FromResponses(survey, {response, other});
    CHECK_FALSE(both.ok());
    CHECK(both.problems.size() == 2);
    response.answers.erase("no_such_question");
    CHECK_FALSE(encoded.Add(response).has_value());
    CHECK(encoded.RowCount() == 1);
}

TEST_CASE("analytics: the pupil survey ships with breakdowns and figures for every item") {
    const auto loaded =
        yousaid::SurveyLoader::LoadFromFile(std::string(YOUSAID_SOURCE_DIR) + "/assets/surveys/pupil.json");
    REQUIRE(loaded.Ok());
    const yousaid::Survey& survey = *loaded.survey;
    for (const char* name : {"school", "year_group", "send_status", "phase", "answer_mode", "event", "wave"}) {
        CHECK_MESSAGE(yousaid::ResolveDimension(survey, name).has_value(), name);
    }
    CHECK(yousaid::ResolveDimension(survey, "send_support")->name == "send_status");
    yousaid::EncodedResponses encoded(survey);
    const auto tabulated = yousaid::TabulateReport(encoded, {});
    REQUIRE(tabulated.ok());
    const yousaid::AnalyticsReport& report = *tabulated.value;
    // Nine "what we want" items, happiness and "adult to talk to".
    CHECK(report.satisfaction_question_ids.size() == 11);
    CHECK(report.waves.empty());
    CHECK(report.satisfaction.empty());
    // No responses at all (a file with a header only): the empty report says why it is empty.
    REQUIRE(report.warnings.size() == 1);
    CHECK(report.warnings[0] == "no responses: every table is empty (do the response files hold only a header?)");
}

TEST_CASE("analytics: counting by fine cells and per breakdown give the same report") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    // A deterministic mix of every kind of answer across three waves.
    const char* const schools[] = {"ash", "beech", "cedar", "prefer_not_to_say"};
    const char* const phases[] = {"primary", "secondary"};
    const char* const scale[] = {"s1", "s2", "s3", "s4", "s5", "dont_know", "prefer_not_to_say"};
    const char* const helped[] = {"yes", "sometimes", "no", "dont_know"};
    std::uint32_t state = 12345;
    auto next = [&state](std::uint32_t bound) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    };
    for (int index = 0; index < 900; ++index) {
        const std::string wave = index % 3 == 0 ? "2023" : (index % 3 == 1 ? "2024" : "2025");
        yousaid::AnswerMap answers;
        if (next(10) > 0) answers["school"] = Choice(schools[next(4)]);
        if (next(10) > 0) answers["phase"] = Choice(phases[next(2)]);
        answers["support"] = Choice(scale[next(7)]);
        answers["support_3_plus"] = next(8) == 0 ? Answer::Skipped() : Choice(scale[next(7)]);
        answers["helped"] = Choice(helped[next(4)]);
        answers["happiness"] = next(12) == 0 ? Choice("dont_know") : Answer::Integer(static_cast<int>(next(11)));
        answers["understanding"] =
            Answer::BeforeAndNow(static_cast<int>(next(11)), static_cast<int>(next(11)));
        const ResponseStatus status = next(20) == 0 ? ResponseStatus::kPartial : ResponseStatus::kComplete;
        responses.Add(wave, status, {}).answers = answers;
        if (next(30) == 0) responses.Add(wave, ResponseStatus::kRefused, {});
    }
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("school"), yousaid::ParseBreakdown("phase"),
                          yousaid::ParseBreakdown("school,phase"), yousaid::ParseBreakdown("wave,phase")};
    options.counting = yousaid::CountingStrategy::kFineCells;
    const auto fine = analytics_test::Tabulate(survey, responses, options);
    options.counting = yousaid::CountingStrategy::kPerBreakdown;
    const auto direct = analytics_test::Tabulate(survey, responses, options);
    // Each way was taken (fine cells fall back to per-breakdown counting when they cannot
    // be keyed, which would make this a comparison of one way with itself).
    REQUIRE(fine.counting_used == yousaid::CountingStrategy::kFineCells);
    REQUIRE(direct.counting_used == yousaid::CountingStrategy::kPerBreakdown);
    options.counting = yousaid::CountingStrategy::kAutomatic;  // 900 respondents in 24 fine cells
    CHECK(analytics_test::Tabulate(survey, responses, options).counting_used == yousaid::CountingStrategy::kFineCells);

    REQUIRE(fine.satisfaction.size() == direct.satisfaction.size());
    REQUIRE(fine.means.size() == direct.means.size());
    REQUIRE(fine.return_rates.size() == direct.return_rates.size());
    REQUIRE(fine.changes.size() == direct.changes.size());
    CHECK(fine.breakdowns.size() == direct.breakdowns.size());
    for (std::size_t b = 0; b < fine.breakdowns.size(); ++b) CHECK(fine.breakdowns[b].groups == direct.breakdowns[b].groups);
    std::size_t differences = 0;
    for (std::size_t index = 0; index < fine.satisfaction.size(); ++index) {
        const auto& a = fine.satisfaction[index];
        const auto& b = direct.satisfaction[index];
        differences += (a.positive != b.positive || a.valid != b.valid || a.dont_know != b.dont_know ||
                        a.suppressed != b.suppressed || a.percent != b.percent) ? 1u : 0u;
    }
    for (std::size_t index = 0; index < fine.means.size(); ++index) {
        const auto& a = fine.means[index].summary;
        const auto& b = direct.means[index].summary;
        differences += (a.count != b.count || a.mean != b.mean || a.standard_deviation != b.standard_deviation ||
                        fine.means[index].suppressed != direct.means[index].suppressed) ? 1u : 0u;
    }
    for (std::size_t index = 0; index < fine.return_rates.size(); ++index) {
        const auto& a = fine.return_rates[index];
        const auto& b = direct.return_rates[index];
        differences += (a.complete != b.complete || a.partial != b.partial || a.refused != b.refused ||
                        a.suppressed != b.suppressed) ? 1u : 0u;
    }
    for (std::size_t index = 0; index < fine.changes.size(); ++index) {
        differences += (fine.changes[index].outcome != direct.changes[index].outcome ||
                        fine.changes[index].change_points != direct.changes[index].change_points) ? 1u : 0u;
    }
    CHECK(differences == 0);
    // The data are not trivial: there is something suppressed and something shown.
    std::size_t suppressed = 0;
    for (const auto& row : fine.satisfaction) suppressed += row.suppressed ? 1u : 0u;
    CHECK(suppressed > 0);
    CHECK(suppressed < fine.satisfaction.size());
}

namespace {

// Two number questions with wide ranges and one item, for crossings far larger than any
// real breakdown.
yousaid::Survey WideNumbersSurvey() {
    const auto loaded = yousaid::SurveyLoader::LoadFromText(R"({
  "id": "wide", "version": 1, "title": "Wide", "introduction": "Wide", "languages": ["en"],
  "questions": [
    {"id": "distance", "kind": "number", "text": "Metres from school",
     "min": 0, "max": 1000000},
    {"id": "income", "kind": "number", "text": "Pounds a year",
     "min": 0, "max": 1000000},
    {"id": "helped", "kind": "yes_sometimes_no", "text": "Helped",
     "options": [{"id": "yes", "text": "Yes"}, {"id": "sometimes", "text": "Sometimes"}, {"id": "no", "text": "No"}],
     "positive": ["yes"]}
  ]
})", "wide.json");
    if (!loaded.Ok()) throw std::runtime_error(loaded.ProblemsText());
    return *loaded.survey;
}

// One respondent per (distance, income) pair given.
yousaid::EncodedResponses WideNumbersResponses(const std::vector<std::pair<std::int32_t, std::int32_t>>& pairs) {
    yousaid::EncodedResponses encoded(WideNumbersSurvey());
    for (std::size_t index = 0; index < pairs.size(); ++index) {
        const std::size_t row = encoded.AddRespondent("2025", ResponseStatus::kComplete);
        encoded.SetValue(row, 0, pairs[index].first);
        encoded.SetValue(row, 1, pairs[index].second);
        encoded.SetOption(row, 2, index % 3);
    }
    return encoded;
}

}  // namespace

TEST_CASE("analytics: a crossing with more groups than a report holds is refused by name, not allocated") {
    // 120 distances by 100 incomes, every pair answered once: 12,000 groups in the crossing.
    std::vector<std::pair<std::int32_t, std::int32_t>> pairs;
    for (std::int32_t index = 0; index < 12000; ++index) pairs.emplace_back(index % 120 * 8000, index / 120 * 9973);
    const yousaid::EncodedResponses encoded = WideNumbersResponses(pairs);
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("distance"), yousaid::ParseBreakdown("income"),
                          yousaid::ParseBreakdown("distance,income")};
    for (const auto counting : {yousaid::CountingStrategy::kFineCells, yousaid::CountingStrategy::kPerBreakdown}) {
        options.counting = counting;
        const auto report = yousaid::TabulateReport(encoded, options);
        REQUIRE_FALSE(report.ok());
        CHECK(yousaid::DescribeProblems(report.problems) ==
              "the breakdown 'distance\xC3\x97income' has 12000 groups, more than the 10000 a report can hold; "
              "choose a breakdown with fewer groups");
    }
    options.breakdowns.pop_back();  // each alone is fine: 120 and 100 groups
    const auto one_way = yousaid::TabulateReport(encoded, options);
    REQUIRE(one_way.ok());
    CHECK(one_way.value->breakdowns[1].groups.size() == 120);
    CHECK(one_way.value->breakdowns[2].groups.size() == 100);
}

TEST_CASE("analytics: a crossing is sized by the groups that occur, not by every combination") {
    // 6,000 distinct distances crossed with 6,000 distinct incomes could make 36 million
    // groups (each with a count per answer code, in every wave); 6,000 occur.
    std::vector<std::pair<std::int32_t, std::int32_t>> pairs;
    for (std::int32_t index = 0; index < 6000; ++index) pairs.emplace_back(index * 16, index * 7919 % 6000 * 16);
    const yousaid::EncodedResponses encoded = WideNumbersResponses(pairs);
    AnalyticsOptions options;
    options.min_cell = 0;
    options.breakdowns = {yousaid::ParseBreakdown("distance,income")};
    for (const auto counting : {yousaid::CountingStrategy::kFineCells, yousaid::CountingStrategy::kPerBreakdown}) {
        options.counting = counting;
        const auto tabulated = yousaid::TabulateReport(encoded, options);
        REQUIRE(tabulated.ok());
        const yousaid::AnalyticsReport& report = *tabulated.value;
        CHECK(report.counting_used == counting);
        REQUIRE(report.breakdowns.size() == 2);
        CHECK(report.breakdowns[1].groups.size() == 6000);
        // Ascending by distance, then income: the second respondent's pair is 16 and 1919 * 16.
        CHECK(report.breakdowns[1].groups[1] == "16\xC3\x97" "30704");
        std::int64_t positive = 0;
        for (const auto& row : report.satisfaction) positive += row.breakdown == 1 ? row.positive : 0;
        CHECK(positive == 2000);
    }
}
