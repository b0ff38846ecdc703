// Statistics primitives checked against published reference values.
//
// Where a value comes from:
// - "published": printed in the cited paper or table; compared after rounding our result to
//   the printed number of decimals.
// - "by hand": follows from the formula in closed form, derivation given next to the check.
// - "scipy" / "statsmodels" / "mpmath": computed for this test with Debian's packages for
//   /usr/bin/python3 (3.11): python3-scipy 1.10.1, python3-statsmodels 0.13.5 and
//   python3-mpmath 1.2.1 (50 significant digits), as a cross-check of more digits than the
//   publications print. The calls are named at each check. mpmath is the reference for the
//   t distribution because scipy's t.ppf is only good to about 1e-10 there.
// - "own Python": an independent implementation of the formula in plain Python floats,
//   written from the papers, not from this C++.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/analytics/statistics.h"

namespace {

using yousaid::ChangeVerdict;
using yousaid::ImprovementDirection;
using yousaid::Interval;
using yousaid::Proportion;

// Our value rounded as the publication rounds it, so "matches the table" means exactly that.
double RoundedTo(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

struct PublishedInterval {
    std::int64_t successes;
    std::int64_t trials;
    double low;
    double high;
};

struct PublishedDifference {
    std::int64_t successes1;
    std::int64_t trials1;
    std::int64_t successes2;
    std::int64_t trials2;
    double low;
    double high;
};

constexpr double kExact = 1e-12;  // for values that should agree to rounding error

}  // namespace

TEST_CASE("statistics: proportion value and percent, undefined at zero denominator") {
    const Proportion returned{14, 317};
    REQUIRE(returned.Value().has_value());
    CHECK(*returned.Value() == doctest::Approx(14.0 / 317.0).epsilon(kExact));
    CHECK_FALSE(Proportion{0, 0}.Value().has_value());
    CHECK_FALSE(Proportion{0, 0}.Percent().has_value());
    CHECK(*Proportion{0, 5}.Value() == 0.0);
    CHECK(*Proportion{5, 5}.Value() == 1.0);
    CHECK_THROWS_AS((Proportion{6, 5}.Value()), std::invalid_argument);
    CHECK_THROWS_AS((Proportion{-1, 5}.Value()), std::invalid_argument);
    CHECK_THROWS_AS((Proportion{0, -5}.Value()), std::invalid_argument);
}

TEST_CASE("statistics: worked figures from the council documents, from raw counts") {
    // The seeds print rounded (and sometimes wrong) percentages; these are the unrounded
    // values computed from the counts, to 3 decimals of a percent (by hand: division).
    struct Figure {
        std::int64_t numerator;
        std::int64_t denominator;
        double percent_to_3dp;
    };
    const Figure figures[] = {
        {14, 317, 4.416},   // questionnaires back of requests sent
        {40, 46, 86.957},
        {15, 46, 32.609},
        {41, 54, 75.926},
        {30, 35, 85.714},
        {11, 19, 57.895},
    };
    for (const Figure& figure : figures) {
        CAPTURE(figure.numerator);
        CAPTURE(figure.denominator);
        const std::optional<double> percent =
            Proportion{figure.numerator, figure.denominator}.Percent();
        REQUIRE(percent.has_value());
        CHECK(RoundedTo(*percent, 3) == doctest::Approx(figure.percent_to_3dp).epsilon(kExact));
        CHECK(*percent == doctest::Approx(100.0 * static_cast<double>(figure.numerator) /
                                          static_cast<double>(figure.denominator))
                              .epsilon(kExact));
    }
}

TEST_CASE("statistics: Wilson interval matches Newcombe (1998a) Table I, method 3") {
    // Published: Newcombe RG (1998) "Two-sided confidence intervals for the single
    // proportion: comparison of seven methods", Statistics in Medicine 17:857-872, Table I,
    // method 3 (score method without continuity correction), 4 decimals.
    const PublishedInterval published[] = {
        {81, 263, 0.2553, 0.3662},
        {15, 148, 0.0624, 0.1605},
        {0, 20, 0.0000, 0.1611},
        {1, 29, 0.0061, 0.1718},
    };
    for (const PublishedInterval& row : published) {
        CAPTURE(row.successes);
        CAPTURE(row.trials);
        const std::optional<Interval> interval = yousaid::WilsonInterval(row.successes, row.trials);
        REQUIRE(interval.has_value());
        CHECK(RoundedTo(interval->low, 4) == doctest::Approx(row.low).epsilon(kExact));
        CHECK(RoundedTo(interval->high, 4) == doctest::Approx(row.high).epsilon(kExact));
    }

    // statsmodels: proportion_confint(x, n, alpha=0.05, method='wilson'), to 1e-10.
    const PublishedInterval more_digits[] = {
        {81, 263, 0.2552885199, 0.3662095770},
        {15, 148, 0.0623863995, 0.1604872417},
        {0, 20, 0.0, 0.1611251581},
        {1, 29, 0.0061132143, 0.1717552188},
        {1, 1, 0.2065493144, 1.0},
        {29, 29, 0.8830302015, 1.0},
    };
    for (const PublishedInterval& row : more_digits) {
        CAPTURE(row.successes);
        CAPTURE(row.trials);
        const std::optional<Interval> interval = yousaid::WilsonInterval(row.successes, row.trials);
        REQUIRE(interval.has_value());
        CHECK(interval->low == doctest::Approx(row.low).epsilon(1e-9));
        CHECK(interval->high == doctest::Approx(row.high).epsilon(1e-9));
    }
}

TEST_CASE("statistics: Wilson interval edge cases") {
    // 0 of n: the lower limit is exactly 0; n of n: the upper limit is exactly 1 (by hand:
    // with r = 0 or r = n the square root reduces to z and the limits to 0 or 1).
    const std::optional<Interval> none = yousaid::WilsonInterval(0, 20);
    REQUIRE(none.has_value());
    CHECK(none->low == 0.0);
    const std::optional<Interval> all = yousaid::WilsonInterval(20, 20);
    REQUIRE(all.has_value());
    CHECK(all->high == 1.0);
    // Symmetry: the interval for n of n mirrors the one for 0 of n.
    CHECK(all->low == doctest::Approx(1.0 - none->high).epsilon(kExact));

    // 1 of 1: by hand, low = 1 / (1 + z^2) = 0.20654931...
    const std::optional<Interval> one_of_one = yousaid::WilsonInterval(1, 1);
    REQUIRE(one_of_one.has_value());
    const double z = yousaid::kZFor95PercentConfidence;
    CHECK(one_of_one->low == doctest::Approx(1.0 / (1.0 + z * z)).epsilon(kExact));
    CHECK(one_of_one->high == 1.0);

    // n = 0 is undefined, not NaN.
    CHECK_FALSE(yousaid::WilsonInterval(0, 0).has_value());

    // The interval always contains the observed proportion and stays inside [0, 1].
    for (std::int64_t trials = 1; trials <= 60; ++trials) {
        for (std::int64_t successes = 0; successes <= trials; ++successes) {
            const Interval interval = *yousaid::WilsonInterval(successes, trials);
            const double observed =
                static_cast<double>(successes) / static_cast<double>(trials);
            CHECK(interval.low >= 0.0);
            CHECK(interval.high <= 1.0);
            CHECK(interval.low <= observed);
            CHECK(observed <= interval.high);
        }
    }

    CHECK_THROWS_AS(yousaid::WilsonInterval(3, 2), std::invalid_argument);
    CHECK_THROWS_AS(yousaid::WilsonInterval(1, 2, 0.0), std::invalid_argument);
}

TEST_CASE("statistics: Newcombe difference interval matches Newcombe (1998b) Table II, method 10") {
    // Published: Newcombe RG (1998) "Interval estimation for the difference between
    // independent proportions: comparison of eleven methods", Statistics in Medicine
    // 17:873-890, Table II, method 10 (hybrid score, no continuity correction), 4 decimals.
    //
    // The brief for this work quoted 0.0184 to 0.8119 for 6/7 vs 2/7. Neither statsmodels
    // (confint_proportions_2indep(6, 7, 2, 7, method='newcomb', compare='diff')) nor our own
    // independent Python implementation of the formula reproduces that: both give 0.058228 to
    // 0.806250, i.e. 0.0582 to 0.8062, which is also the method-10 entry for example (c) as we
    // recall the published table. Method 11 (continuity corrected) gives -0.0290 to 0.8423, so
    // 0.0184/0.8119 is not a method-10/11 mix-up we could identify; we test 0.0582 to 0.8062.
    // We could not consult the printed table while writing this, so every row below is also
    // checked to 1e-9 against statsmodels further down.
    const PublishedDifference published[] = {
        {56, 70, 48, 80, 0.0524, 0.3339},   // (a)
        {9, 10, 3, 10, 0.1705, 0.8090},     // (b)
        {6, 7, 2, 7, 0.0582, 0.8062},       // (c), see above
        {5, 56, 0, 29, -0.0381, 0.1926},    // (d)
        {0, 10, 0, 20, -0.1611, 0.2775},    // (e)
        {0, 10, 0, 10, -0.2775, 0.2775},    // (f)
        {10, 10, 0, 20, 0.6791, 1.0000},    // (g)
        {10, 10, 0, 10, 0.6075, 1.0000},    // (h)
    };
    for (const PublishedDifference& row : published) {
        CAPTURE(row.successes1);
        CAPTURE(row.trials1);
        CAPTURE(row.successes2);
        CAPTURE(row.trials2);
        const std::optional<Interval> interval = yousaid::NewcombeDifferenceInterval(
            row.successes1, row.trials1, row.successes2, row.trials2);
        REQUIRE(interval.has_value());
        CHECK(RoundedTo(interval->low, 4) == doctest::Approx(row.low).epsilon(kExact));
        CHECK(RoundedTo(interval->high, 4) == doctest::Approx(row.high).epsilon(kExact));
    }

    // statsmodels: confint_proportions_2indep(x1, n1, x2, n2, method='newcomb',
    // compare='diff', alpha=0.05), to 1e-10.
    const PublishedDifference more_digits[] = {
        {56, 70, 48, 80, 0.0524314724, 0.3338726540},
        {9, 10, 3, 10, 0.1705227239, 0.8090179735},
        {6, 7, 2, 7, 0.0582279275, 0.8062496375},
        {5, 56, 0, 29, -0.0381371479, 0.1925600139},
        {0, 10, 0, 20, -0.1611251581, 0.2775327999},
        {0, 10, 0, 10, -0.2775327999, 0.2775327999},
        {10, 10, 0, 20, 0.6790860371, 1.0},
        {10, 10, 0, 10, 0.6075093504, 1.0},
        {7, 34, 1, 34, 0.0189214439, 0.3403686870},
    };
    for (const PublishedDifference& row : more_digits) {
        CAPTURE(row.successes1);
        CAPTURE(row.trials1);
        CAPTURE(row.successes2);
        CAPTURE(row.trials2);
        const std::optional<Interval> interval = yousaid::NewcombeDifferenceInterval(
            row.successes1, row.trials1, row.successes2, row.trials2);
        REQUIRE(interval.has_value());
        CHECK(interval->low == doctest::Approx(row.low).epsilon(1e-9));
        CHECK(interval->high == doctest::Approx(row.high).epsilon(1e-9));
    }

    // Published: Fagerland MW, Lydersen S, Laake P (2015) "Recommended confidence intervals
    // for two independent binomial proportions", Statistical Methods in Medical Research
    // 24(2):224-254: Newcombe hybrid score for 7/34 vs 1/34 is 0.019 to 0.34. (Taken from
    // the table quoted in statsmodels' stats/tests/test_proportion.py, test_confint_2indep.)
    const Interval fagerland = *yousaid::NewcombeDifferenceInterval(7, 34, 1, 34);
    CHECK(RoundedTo(fagerland.low, 3) == doctest::Approx(0.019).epsilon(kExact));
    CHECK(RoundedTo(fagerland.high, 2) == doctest::Approx(0.34).epsilon(kExact));
}

TEST_CASE("statistics: Newcombe difference interval edge cases") {
    CHECK_FALSE(yousaid::NewcombeDifferenceInterval(0, 0, 3, 10).has_value());
    CHECK_FALSE(yousaid::NewcombeDifferenceInterval(3, 10, 0, 0).has_value());
    // Swapping the groups mirrors the interval (by hand, from the formula).
    const Interval forward = *yousaid::NewcombeDifferenceInterval(5, 56, 0, 29);
    const Interval backward = *yousaid::NewcombeDifferenceInterval(0, 29, 5, 56);
    CHECK(backward.low == doctest::Approx(-forward.high).epsilon(kExact));
    CHECK(backward.high == doctest::Approx(-forward.low).epsilon(kExact));
    // Always within [-1, 1] and containing the observed difference.
    for (std::int64_t trials1 = 1; trials1 <= 12; ++trials1) {
        for (std::int64_t successes1 = 0; successes1 <= trials1; ++successes1) {
            for (std::int64_t successes2 = 0; successes2 <= 9; ++successes2) {
                const Interval interval =
                    *yousaid::NewcombeDifferenceInterval(successes1, trials1, successes2, 9);
                const double observed = static_cast<double>(successes1) /
                                            static_cast<double>(trials1) -
                                        static_cast<double>(successes2) / 9.0;
                CHECK(interval.low >= -1.0);
                CHECK(interval.high <= 1.0);
                CHECK(interval.Contains(observed));
            }
        }
    }
}

TEST_CASE("statistics: standard normal CDF and two-sided p-value") {
    CHECK(yousaid::StandardNormalCdf(0.0) == doctest::Approx(0.5).epsilon(kExact));
    // By definition of the constant: Phi(1.959963984540054) = 0.975.
    CHECK(yousaid::StandardNormalCdf(yousaid::kZFor95PercentConfidence) ==
          doctest::Approx(0.975).epsilon(1e-15));
    // scipy: norm.cdf(1.96) = 0.9750021049, 2 * norm.sf(1.96) = 0.0499957903.
    CHECK(yousaid::StandardNormalCdf(1.96) == doctest::Approx(0.9750021049).epsilon(1e-10));
    CHECK(yousaid::TwoSidedNormalPValue(1.96) == doctest::Approx(0.0499957903).epsilon(1e-10));
    CHECK(yousaid::TwoSidedNormalPValue(-1.96) == doctest::Approx(0.0499957903).epsilon(1e-10));
    // Far tail keeps relative accuracy: mpmath erfc(10 / sqrt 2) = 1.5239706048321052e-23.
    CHECK(yousaid::TwoSidedNormalPValue(10.0) ==
          doctest::Approx(1.5239706048321052132e-23).epsilon(1e-13).scale(0.0));
}

TEST_CASE("statistics: two-proportion z-test with pooled standard error") {
    // By hand: 9/10 vs 3/10, pooled p = 12/20 = 0.6, SE^2 = 0.6 * 0.4 * (1/10 + 1/10) = 0.048,
    // z^2 = 0.6^2 / 0.048 = 7.5. statsmodels proportions_ztest([9, 3], [10, 10]) agrees:
    // z = 2.738612787526, p = 6.169899320544e-03.
    const yousaid::ZTestResult exact = *yousaid::TwoProportionZTest(9, 10, 3, 10);
    CHECK(exact.z_statistic == doctest::Approx(std::sqrt(7.5)).epsilon(kExact));
    CHECK(exact.p_value_two_sided ==
          doctest::Approx(6.169899320544160e-03).epsilon(1e-10).scale(0.0));

    // statsmodels proportions_ztest([x1, x2], [n1, n2]) (pooled by default), and z^2 equals
    // scipy chi2_contingency([[x1, n1-x1], [x2, n2-x2]], correction=False) Pearson X^2.
    struct Row {
        std::int64_t successes1, trials1, successes2, trials2;
        double z, p, pearson_chi_squared;
    };
    const Row rows[] = {
        {56, 70, 48, 80, 2.650171951259, 8.045081368197e-03, 7.023411371237},
        // Physicians' Health Study aspirin arm vs placebo, myocardial infarction.
        {104, 11037, 189, 11034, -5.001388204008, 5.691896973741e-07, 25.013883967194},
        {14, 317, 30, 317, -2.500415990044, 1.240475503545e-02, 6.252080123267},
    };
    for (const Row& row : rows) {
        CAPTURE(row.successes1);
        CAPTURE(row.successes2);
        const yousaid::ZTestResult result =
            *yousaid::TwoProportionZTest(row.successes1, row.trials1, row.successes2, row.trials2);
        CHECK(result.z_statistic == doctest::Approx(row.z).epsilon(1e-11));
        CHECK(result.p_value_two_sided == doctest::Approx(row.p).epsilon(1e-9).scale(0.0));
        CHECK(result.z_statistic * result.z_statistic ==
              doctest::Approx(row.pearson_chi_squared).epsilon(1e-11));
    }
}

TEST_CASE("statistics: two-proportion z-test edge cases") {
    // Both all failures or both all successes: pooled SE is 0, reported as z = 0, p = 1
    // (no evidence of a difference; Fisher's exact test gives p = 1 for these tables).
    const yousaid::ZTestResult both_zero = *yousaid::TwoProportionZTest(0, 10, 0, 20);
    CHECK(both_zero.z_statistic == 0.0);
    CHECK(both_zero.p_value_two_sided == 1.0);
    const yousaid::ZTestResult both_all = *yousaid::TwoProportionZTest(10, 10, 20, 20);
    CHECK(both_all.z_statistic == 0.0);
    CHECK(both_all.p_value_two_sided == 1.0);
    // Equal proportions: z = 0, p = 1 without special casing.
    const yousaid::ZTestResult equal = *yousaid::TwoProportionZTest(5, 10, 10, 20);
    CHECK(equal.z_statistic == doctest::Approx(0.0).epsilon(kExact));
    CHECK(equal.p_value_two_sided == doctest::Approx(1.0).epsilon(kExact));
    // One all, the other none: pooled SE is positive, an ordinary result.
    const yousaid::ZTestResult extreme = *yousaid::TwoProportionZTest(10, 10, 0, 20);
    CHECK(std::isfinite(extreme.z_statistic));
    CHECK(extreme.p_value_two_sided < 1e-6);
    CHECK_FALSE(yousaid::TwoProportionZTest(0, 0, 1, 2).has_value());
    CHECK_FALSE(yousaid::TwoProportionZTest(1, 2, 0, 0).has_value());
    CHECK_THROWS_AS(yousaid::TwoProportionZTest(3, 2, 1, 2), std::invalid_argument);
}

TEST_CASE("statistics: regularised incomplete beta") {
    // By hand: I_x(1,1) = x, I_x(a,1) = x^a, I_x(1,b) = 1 - (1-x)^b, I_{1/2}(a,a) = 1/2.
    CHECK(*yousaid::RegularisedIncompleteBeta(0.3, 1.0, 1.0) ==
          doctest::Approx(0.3).epsilon(kExact));
    CHECK(*yousaid::RegularisedIncompleteBeta(0.7, 3.5, 1.0) ==
          doctest::Approx(std::pow(0.7, 3.5)).epsilon(kExact));
    CHECK(*yousaid::RegularisedIncompleteBeta(0.2, 1.0, 7.0) ==
          doctest::Approx(1.0 - std::pow(0.8, 7.0)).epsilon(kExact));
    CHECK(*yousaid::RegularisedIncompleteBeta(0.5, 40.0, 40.0) ==
          doctest::Approx(0.5).epsilon(kExact));
    // mpmath betainc(a, b, 0, x, regularized=True) at 50 digits (scipy's beta.cdf agrees
    // to the 15 digits it prints). The last case has a large a, where subtracting lgamma
    // values would lose accuracy.
    CHECK(*yousaid::RegularisedIncompleteBeta(0.3, 2.5, 4.0) ==
          doctest::Approx(0.35219758590676721388).epsilon(1e-14));
    CHECK(*yousaid::RegularisedIncompleteBeta(0.2, 10.0, 0.5) ==
          doctest::Approx(1.99498249361309474e-8).epsilon(1e-13).scale(0.0));
    CHECK(*yousaid::RegularisedIncompleteBeta(0.999, 500000.0, 0.5) ==
          doctest::Approx(1.398363768833328946e-219).epsilon(1e-11).scale(0.0));
    // Both parameters large, and one large with a fractional other (the two Stirling branches
    // of the log-beta function), mpmath as above.
    CHECK(*yousaid::RegularisedIncompleteBeta(0.45, 50.0, 60.0) ==
          doctest::Approx(0.46423529143060362867).epsilon(1e-13));
    CHECK(*yousaid::RegularisedIncompleteBeta(0.46, 2000.0, 2500.0) ==
          doctest::Approx(0.98198657189257384019).epsilon(1e-13));
    CHECK(*yousaid::RegularisedIncompleteBeta(0.004, 12.5, 3000.25) ==
          doctest::Approx(0.48617891273866438622).epsilon(1e-13));
    CHECK(*yousaid::RegularisedIncompleteBeta(0.0, 2.0, 3.0) == 0.0);
    CHECK(*yousaid::RegularisedIncompleteBeta(1.0, 2.0, 3.0) == 1.0);
    CHECK_FALSE(yousaid::RegularisedIncompleteBeta(1.5, 2.0, 3.0).has_value());
    CHECK_FALSE(yousaid::RegularisedIncompleteBeta(0.5, 0.0, 3.0).has_value());
}

TEST_CASE("statistics: Student t quantiles match published table values") {
    // Published: two-sided 5% points of Student's t as printed to 4 decimals in standard
    // tables (e.g. Fisher & Yates, Statistical Tables for Biological, Agricultural and
    // Medical Research, Table III).
    // More digits: mpmath 1.2.1 at 50 significant digits, bisecting
    // P(T > t) = betainc(df/2, 1/2, 0, df/(df+t^2), regularized=True)/2 = 0.025.
    // (scipy 1.10.1's t.ppf was not used: it is off by 2.6e-10 at df = 1, where the exact
    // answer is tan(0.475 pi).)
    struct Row {
        double degrees_of_freedom;
        double published_4dp;
        double mpmath;
    };
    const Row rows[] = {
        {1, 12.7062, 12.706204736174704646}, {2, 4.3027, 4.3026527297494638523},
        {5, 2.5706, 2.5705818356363155147},  {10, 2.2281, 2.2281388519862747484},
        {30, 2.0423, 2.04227245630123831},   {120, 1.9799, 1.9799304050824408467},
    };
    for (const Row& row : rows) {
        CAPTURE(row.degrees_of_freedom);
        const std::optional<double> t = yousaid::StudentTQuantile(0.975, row.degrees_of_freedom);
        REQUIRE(t.has_value());
        CHECK(RoundedTo(*t, 4) == doctest::Approx(row.published_4dp).epsilon(kExact));
        CHECK(*t == doctest::Approx(row.mpmath).epsilon(1e-13));
    }
    // Large df tends to the normal 1.959964 (tables print the limit as 1.960 or 1.95996).
    // mpmath as above. From df = 1e5 on the code uses Fisher's expansion instead of the
    // continued fraction; both sides of that switch are checked.
    const double df_million = *yousaid::StudentTQuantile(0.975, 1e6);
    const double df_ten_million = *yousaid::StudentTQuantile(0.975, 1e7);
    CHECK(*yousaid::StudentTQuantile(0.975, 99999) ==
          doctest::Approx(1.9599877077718443991).epsilon(1e-13));
    CHECK(*yousaid::StudentTQuantile(0.975, 100000) ==
          doctest::Approx(1.9599877075346092587).epsilon(1e-13));
    CHECK(df_million == doctest::Approx(1.9599663568141070353).epsilon(1e-13));
    CHECK(df_ten_million == doctest::Approx(1.9599642217672054904).epsilon(1e-13));
    CHECK(*yousaid::StudentTQuantile(0.975, 1e15) ==
          doctest::Approx(1.9599639845400562279).epsilon(1e-14));
    CHECK(RoundedTo(df_ten_million, 5) == doctest::Approx(1.95996).epsilon(kExact));
    CHECK(df_ten_million > yousaid::kZFor95PercentConfidence);
}

TEST_CASE("statistics: Student t quantile and CDF, closed forms and other levels") {
    // By hand, closed forms: df = 1 is the Cauchy distribution, Q(p) = tan(pi (p - 1/2));
    // df = 2 has Q(p) = (2p - 1) / sqrt(2 p (1 - p)). Reference digits: mpmath, 50 digits.
    struct ClosedForm {
        double probability;
        double cauchy;
        double two_df;
    };
    const ClosedForm closed_forms[] = {
        {0.6, 0.32491969623290624903, 0.28867513459481281549},
        {0.9, 3.0776835371752541331, 1.8856180831641270225},
        {0.975, 12.706204736174693314, 4.3026527297494617894},
        {0.995, 63.656741162871524447, 9.9248432009182886403},
        {0.9999, 3183.0987571185014745, 70.700071074968171991},
    };
    for (const ClosedForm& row : closed_forms) {
        CAPTURE(row.probability);
        // (These differ from the table above in the 15th digit because 0.975 is not exact
        // in binary; mpmath was given the double value here.)
        CHECK(*yousaid::StudentTQuantile(row.probability, 1.0) ==
              doctest::Approx(row.cauchy).epsilon(1e-13));
        CHECK(*yousaid::StudentTQuantile(row.probability, 2.0) ==
              doctest::Approx(row.two_df).epsilon(1e-13));
        CHECK(*yousaid::StudentTCdf(row.cauchy, 1.0) ==
              doctest::Approx(row.probability).epsilon(1e-14));
    }
    // mpmath, 50 digits, bisection as above; inputs taken as the exact doubles.
    CHECK(*yousaid::StudentTQuantile(0.995, 10) ==
          doctest::Approx(3.1692726726169512346).epsilon(1e-13));
    CHECK(*yousaid::StudentTQuantile(0.9, 7) ==
          doctest::Approx(1.4149239276505084776).epsilon(1e-13));
    CHECK(*yousaid::StudentTQuantile(0.025, 4) ==
          doctest::Approx(-2.7764451051977943578).epsilon(1e-13));
    CHECK(*yousaid::StudentTQuantile(0.975, 9) ==
          doctest::Approx(2.2621571627982055426).epsilon(1e-13));
    // Fractional df, and a far tail (1 - 1e-10 rounds to a tail of 1.0000000827e-10 in
    // double; the reference is for that double).
    CHECK(*yousaid::StudentTQuantile(0.975, 0.5) ==
          doctest::Approx(164.55767348048853312).epsilon(1e-13));
    CHECK(*yousaid::StudentTQuantile(0.975, 2.5) ==
          doctest::Approx(3.5746548420036832185).epsilon(1e-13));
    CHECK(*yousaid::StudentTQuantile(1.0 - 1e-10, 3) ==
          doctest::Approx(2225.7692232960747425).epsilon(1e-12));
    CHECK(*yousaid::StudentTQuantile(0.5, 9) == 0.0);
    // CDF (mpmath): P(T <= -2.228138851965) with df 10.
    CHECK(*yousaid::StudentTCdf(-2.228138851965, 10) ==
          doctest::Approx(0.025000000000901736935).epsilon(1e-14));
    CHECK(*yousaid::StudentTCdf(2.228138851965, 10) ==
          doctest::Approx(1.0 - 0.025000000000901736935).epsilon(1e-14));
    CHECK(*yousaid::StudentTCdf(0.0, 10) == doctest::Approx(0.5).epsilon(kExact));
    // Upper tails either side of the switch to Fisher's expansion (mpmath).
    CHECK(1.0 - *yousaid::StudentTCdf(5.0, 99999) ==
          doctest::Approx(2.8713508877053579699e-7).epsilon(1e-8).scale(0.0));
    CHECK(*yousaid::StudentTCdf(-5.0, 99999) ==
          doctest::Approx(2.8713508877053579699e-7).epsilon(1e-11).scale(0.0));
    CHECK(*yousaid::StudentTCdf(-5.0, 100000) ==
          doctest::Approx(2.8713508393208364266e-7).epsilon(1e-11).scale(0.0));
    CHECK(*yousaid::StudentTCdf(-30.0, 1e6) ==
          doctest::Approx(6.0100471168317189413e-198).epsilon(1e-9).scale(0.0));
    // Undefined inputs, and a quantile beyond the double range.
    CHECK_FALSE(yousaid::StudentTQuantile(0.975, 1e-300).has_value());
    CHECK_FALSE(yousaid::StudentTQuantile(0.0, 5).has_value());
    CHECK_FALSE(yousaid::StudentTQuantile(1.0, 5).has_value());
    CHECK_FALSE(yousaid::StudentTQuantile(0.975, 0).has_value());
    CHECK_FALSE(yousaid::StudentTCdf(1.0, -1).has_value());
}

TEST_CASE("statistics: mean summary against NIST StRD certified values") {
    // Published: NIST Statistical Reference Datasets, univariate summary statistics,
    // NumAcc1-4 (https://www.itl.nist.gov/div898/strd/univ/), certified mean and sample SD.
    // These are built to defeat naive one-pass variance formulas (large offset, tiny spread).
    const yousaid::MeanSummary numacc1 = yousaid::SummariseMean({10000001, 10000003, 10000002});
    CHECK(numacc1.count == 3);
    CHECK(*numacc1.mean == doctest::Approx(10000002.0).epsilon(1e-15));
    CHECK(*numacc1.standard_deviation == doctest::Approx(1.0).epsilon(1e-14));

    // The certified SD is for the decimal data; 10000000.1 and the like are not exact in
    // binary, so the SD of the doubles actually summed differs from 0.1 by up to 6e-9
    // relative. That exact SD of the stored doubles was computed with Python's
    // fractions.Fraction (rational arithmetic, no rounding) and is checked tightly as well.
    struct Dataset {
        double first;
        double low;
        double high;
        double certified_mean;
        double certified_sd_tolerance;
        double exact_sd_of_doubles;
    };
    const Dataset datasets[] = {
        {1.2, 1.1, 1.3, 1.2, 1e-13, 0.09999999999999998},                              // NumAcc2
        {1000000.2, 1000000.1, 1000000.3, 1000000.2, 1e-9, 0.1000000000349246},        // NumAcc3
        {10000000.2, 10000000.1, 10000000.3, 10000000.2, 1e-8, 0.10000000055879354},   // NumAcc4
    };
    for (const Dataset& dataset : datasets) {
        CAPTURE(dataset.certified_mean);
        std::vector<double> values{dataset.first};
        for (int pair = 0; pair < 500; ++pair) {
            values.push_back(dataset.low);
            values.push_back(dataset.high);
        }
        const yousaid::MeanSummary summary = yousaid::SummariseMean(values);
        CHECK(summary.count == 1001);
        CHECK(*summary.mean == doctest::Approx(dataset.certified_mean).epsilon(1e-14));
        CHECK(*summary.standard_deviation ==
              doctest::Approx(0.1).epsilon(dataset.certified_sd_tolerance));
        CHECK(*summary.standard_deviation ==
              doctest::Approx(dataset.exact_sd_of_doubles).epsilon(1e-11));
    }
}

TEST_CASE("statistics: mean confidence interval and paired change, Student's sleep data") {
    // Published data: Student (1908) "The probable error of a mean", Biometrika 6:1-25, the
    // Cushny & Peebles hours of extra sleep under two drugs for 10 patients; Student reports
    // a mean difference of 1.58 hours. CI and SD: scipy (mean, std(ddof=1) and
    // t.ppf(0.975, 9)); scipy.stats.ttest_rel(now, before) gives t = 4.062127683382.
    const std::vector<double> drug1{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    const std::vector<double> drug2{1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    const yousaid::MeanSummary change = yousaid::SummarisePairedChange(drug1, drug2);
    CHECK(change.count == 10);
    CHECK(RoundedTo(*change.mean, 2) == doctest::Approx(1.58).epsilon(kExact));
    CHECK(*change.mean == doctest::Approx(1.58).epsilon(1e-13));
    CHECK(*change.standard_deviation == doctest::Approx(1.229995483280).epsilon(1e-11));
    REQUIRE(change.confidence_interval.has_value());
    CHECK(change.confidence_interval->low == doctest::Approx(0.7001142367).epsilon(1e-9));
    CHECK(change.confidence_interval->high == doctest::Approx(2.4598857633).epsilon(1e-9));
    const double t_statistic =
        *change.mean / (*change.standard_deviation / std::sqrt(static_cast<double>(change.count)));
    CHECK(t_statistic == doctest::Approx(4.062127683382).epsilon(1e-11));

    // One-sample interval for drug 1. scipy: t.interval(0.95, 9, loc, scale).
    const yousaid::MeanSummary single = yousaid::SummariseMean(drug1);
    CHECK(*single.mean == doctest::Approx(0.75).epsilon(1e-14));
    CHECK(*single.standard_deviation == doctest::Approx(1.7890096577591623).epsilon(1e-12));
    CHECK(single.confidence_interval->low == doctest::Approx(-0.5297804134938644).epsilon(1e-10));
    CHECK(single.confidence_interval->high == doctest::Approx(2.0297804134938646).epsilon(1e-10));

    CHECK_THROWS_AS((yousaid::SummarisePairedChange({1.0, 2.0}, {1.0})), std::invalid_argument);
}

TEST_CASE("statistics: mean summary edge cases and the streaming accumulator") {
    const yousaid::MeanSummary empty = yousaid::SummariseMean({});
    CHECK(empty.count == 0);
    CHECK_FALSE(empty.mean.has_value());
    CHECK_FALSE(empty.standard_deviation.has_value());
    CHECK_FALSE(empty.confidence_interval.has_value());

    const yousaid::MeanSummary one = yousaid::SummariseMean({4.0});
    CHECK(one.count == 1);
    CHECK(*one.mean == 4.0);
    CHECK_FALSE(one.standard_deviation.has_value());
    CHECK_FALSE(one.confidence_interval.has_value());

    const yousaid::MeanSummary constant = yousaid::SummariseMean({3.0, 3.0, 3.0});
    CHECK(*constant.standard_deviation == 0.0);
    CHECK(constant.confidence_interval->low == 3.0);
    CHECK(constant.confidence_interval->high == 3.0);

    // Merging per-group accumulators equals accumulating everything in one (by hand: the
    // same values, two orders of evaluation).
    const std::vector<double> values{5, 4, 4, 3, 5, 1, 2, 5, 4, 4, 3, 2, 5};
    yousaid::MeanAccumulator everything;
    yousaid::MeanAccumulator first_part;
    yousaid::MeanAccumulator second_part;
    for (std::size_t index = 0; index < values.size(); ++index) {
        everything.Add(values[index]);
        (index < 6 ? first_part : second_part).Add(values[index]);
    }
    yousaid::MeanAccumulator merged;
    merged.Merge(first_part);
    merged.Merge(second_part);
    merged.Merge(yousaid::MeanAccumulator{});
    const yousaid::MeanSummary direct = everything.Summary();
    const yousaid::MeanSummary combined = merged.Summary();
    CHECK(combined.count == direct.count);
    CHECK(*combined.mean == doctest::Approx(*direct.mean).epsilon(1e-14));
    CHECK(*combined.standard_deviation ==
          doctest::Approx(*direct.standard_deviation).epsilon(1e-14));

    // A 90% interval is narrower than the 95% one.
    const yousaid::MeanSummary ninety = everything.Summary(0.90);
    CHECK(ninety.confidence_interval->high < direct.confidence_interval->high);

    yousaid::MeanAccumulator accumulator;
    CHECK_THROWS_AS(accumulator.Add(std::nan("")), std::invalid_argument);
    CHECK_THROWS_AS(accumulator.Add(HUGE_VAL), std::invalid_argument);
    CHECK(accumulator.Count() == 0);
    CHECK_THROWS_AS(accumulator.Summary(1.0), std::invalid_argument);
    CHECK_THROWS_AS(accumulator.Summary(0.0), std::invalid_argument);
}

TEST_CASE("statistics: percentage-point change and verdict") {
    // 40% -> 50% is +10 points (not +25 percent).
    CHECK(*yousaid::PercentagePointChange(Proportion{40, 100}, Proportion{50, 100}) ==
          doctest::Approx(10.0).epsilon(kExact));
    CHECK_FALSE(yousaid::PercentagePointChange(Proportion{0, 0}, Proportion{50, 100}).has_value());
    CHECK_FALSE(yousaid::CompareProportions(Proportion{4, 10}, Proportion{0, 0}).has_value());

    // Not significant. z-test p and Newcombe interval: own Python implementation of the
    // formulas, p cross-checked with statsmodels proportions_ztest([50, 40], [100, 100]).
    const yousaid::ProportionChange small =
        *yousaid::CompareProportions(Proportion{40, 100}, Proportion{50, 100});
    CHECK(small.change_in_points == doctest::Approx(10.0).epsilon(kExact));
    CHECK(small.p_value == doctest::Approx(0.1552184896846842).epsilon(1e-10));
    CHECK(small.interval_in_points.low == doctest::Approx(-3.7302103215463567).epsilon(1e-10));
    CHECK(small.interval_in_points.high == doctest::Approx(23.212305420266283).epsilon(1e-10));
    CHECK_FALSE(small.interval_excludes_zero);
    CHECK(small.verdict == ChangeVerdict::NoSignificantChange);

    // 30% -> 50%: p = 0.003892417122778627, interval 6.42 to 32.58 points.
    const yousaid::ProportionChange up =
        *yousaid::CompareProportions(Proportion{30, 100}, Proportion{50, 100});
    CHECK(up.change_in_points == doctest::Approx(20.0).epsilon(kExact));
    CHECK(up.p_value == doctest::Approx(0.003892417122778627).epsilon(1e-10));
    CHECK(up.interval_in_points.low == doctest::Approx(6.422327745160023).epsilon(1e-10));
    CHECK(up.interval_in_points.high == doctest::Approx(32.57682908764214).epsilon(1e-10));
    CHECK(up.interval_excludes_zero);
    CHECK(up.verdict == ChangeVerdict::Improved);
    const yousaid::ProportionChange up_but_lower_is_better = *yousaid::CompareProportions(
        Proportion{30, 100}, Proportion{50, 100}, ImprovementDirection::LowerIsBetter);
    CHECK(up_but_lower_is_better.verdict == ChangeVerdict::Worse);

    // 50% -> 30%.
    const yousaid::ProportionChange down =
        *yousaid::CompareProportions(Proportion{50, 100}, Proportion{30, 100});
    CHECK(down.change_in_points == doctest::Approx(-20.0).epsilon(kExact));
    CHECK(down.interval_in_points.low == doctest::Approx(-32.57682908764214).epsilon(1e-10));
    CHECK(down.verdict == ChangeVerdict::Worse);
    CHECK(yousaid::CompareProportions(Proportion{50, 100}, Proportion{30, 100},
                                      ImprovementDirection::LowerIsBetter)
              ->verdict == ChangeVerdict::Improved);

    // 0% -> 0%: no change, p = 1 by our convention.
    const yousaid::ProportionChange none =
        *yousaid::CompareProportions(Proportion{0, 12}, Proportion{0, 15});
    CHECK(none.change_in_points == 0.0);
    CHECK(none.p_value == 1.0);
    CHECK(none.verdict == ChangeVerdict::NoSignificantChange);

    CHECK(std::string(yousaid::ChangeVerdictName(ChangeVerdict::Improved)) == "Improved");
    CHECK_THROWS_AS((yousaid::CompareProportions(Proportion{1, 2}, Proportion{1, 2},
                                                 ImprovementDirection::HigherIsBetter, 0.0)),
                    std::invalid_argument);
}

TEST_CASE("statistics: the z-test decides the verdict when it and the interval disagree") {
    // Found by searching all tables with n1, n2 in 5..40 in Python (own implementation of
    // both formulas): the two procedures differ near the 5% boundary with small samples.
    // Baseline 0/9, follow-up 2/5: z-test p = 0.0404 < 0.05, but the Newcombe interval for
    // the change is -1.14 to 76.93 points and contains 0. Verdict: Improved.
    const yousaid::ProportionChange test_significant =
        *yousaid::CompareProportions(Proportion{0, 9}, Proportion{2, 5});
    CHECK(test_significant.p_value == doctest::Approx(0.040423979336908555).epsilon(1e-10));
    CHECK(test_significant.interval_in_points.low ==
          doctest::Approx(-1.1370620169817935).epsilon(1e-9));
    CHECK_FALSE(test_significant.interval_excludes_zero);
    CHECK(test_significant.verdict == ChangeVerdict::Improved);

    // Baseline 2/8, follow-up 4/5: p = 0.0530 >= 0.05, but the interval 0.57 to 79.23 points
    // excludes 0. Verdict: no significant change.
    const yousaid::ProportionChange interval_significant =
        *yousaid::CompareProportions(Proportion{2, 8}, Proportion{4, 5});
    CHECK(interval_significant.p_value == doctest::Approx(0.052958181869523405).epsilon(1e-10));
    CHECK(interval_significant.interval_in_points.low ==
          doctest::Approx(0.5698536726974179).epsilon(1e-9));
    CHECK(interval_significant.interval_excludes_zero);
    CHECK(interval_significant.verdict == ChangeVerdict::NoSignificantChange);
}
