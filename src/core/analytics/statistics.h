#pragma once
// Statistics primitives behind the figures officers take to their boards: proportions with
// Wilson intervals, differences of proportions (Newcombe), the two-proportion z-test, means
// with Student-t intervals, and the baseline-versus-follow-up verdict.
//
// Conventions:
// - A figure that is mathematically undefined (zero denominator, too few values) is an empty
//   std::optional, never NaN or infinity, so the UI can show "not available" rather than "nan".
// - Impossible inputs (negative counts, more successes than trials, non-finite values, a
//   confidence level outside (0, 1)) are programming errors upstream and throw
//   std::invalid_argument, so they surface in tests instead of turning into a plausible number.
// - Formulas and references are written out in docs/statistics.md.
#include <cstdint>
#include <optional>
#include <vector>

namespace yousaid {

// z with Phi(z) = 0.975: the two-sided 95% critical value of the standard normal distribution
// (qnorm(0.975) to double precision).
inline constexpr double kZFor95PercentConfidence = 1.959963984540054;

// successes out of trials, e.g. 14 questionnaires back out of 317 sent.
struct Proportion {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;

    // numerator / denominator in [0, 1]; empty when the denominator is 0.
    // Throws std::invalid_argument for negative counts or numerator > denominator.
    std::optional<double> Value() const;
    // Value() * 100.
    std::optional<double> Percent() const;
};

// A two-sided confidence interval, low <= high.
struct Interval {
    double low = 0.0;
    double high = 0.0;

    bool Contains(double value) const { return low <= value && value <= high; }
};

// Wilson (1927) score interval for a single proportion (Newcombe 1998a, method 3).
// Empty when trials == 0. Exactly [0, ...] when successes == 0 and [..., 1] when
// successes == trials. Throws std::invalid_argument for impossible counts or z <= 0.
std::optional<Interval> WilsonInterval(std::int64_t successes, std::int64_t trials,
                                       double z = kZFor95PercentConfidence);

// Newcombe's (1998b, method 10) hybrid score interval for p1 - p2, where p1 = successes1 /
// trials1 and p2 = successes2 / trials2. Empty when either trials is 0.
std::optional<Interval> NewcombeDifferenceInterval(std::int64_t successes1, std::int64_t trials1,
                                                   std::int64_t successes2, std::int64_t trials2,
                                                   double z = kZFor95PercentConfidence);

struct ZTestResult {
    double z_statistic = 0.0;        // (p1 - p2) / pooled standard error
    double p_value_two_sided = 1.0;  // P(|Z| >= |z|) under the standard normal
};

// Two-proportion z-test of H0: p1 = p2 with the pooled standard error. Empty when either
// trials is 0. When both samples are all successes or all failures the pooled standard error is
// 0; the observed difference is then exactly 0 and the result is z = 0, p = 1 (see .cpp).
std::optional<ZTestResult> TwoProportionZTest(std::int64_t successes1, std::int64_t trials1,
                                              std::int64_t successes2, std::int64_t trials2);

// Phi(x) = P(Z <= x) for the standard normal, via std::erfc (accurate in both tails).
double StandardNormalCdf(double x);
// P(|Z| >= |z|) for the standard normal.
double TwoSidedNormalPValue(double z);

// I_x(a, b), the regularised incomplete beta function. Empty unless 0 <= x <= 1, a > 0, b > 0.
std::optional<double> RegularisedIncompleteBeta(double x, double a, double b);
// P(T <= t) for Student's t with the given (positive, possibly fractional) degrees of freedom.
// Empty for non-finite t or degrees of freedom <= 0.
std::optional<double> StudentTCdf(double t, double degrees_of_freedom);
// The t with P(T <= t) = probability. Empty unless 0 < probability < 1 and degrees of
// freedom > 0, or when the quantile is too large for a double.
std::optional<double> StudentTQuantile(double probability, double degrees_of_freedom);

// Summary of a numeric scale (or of paired changes).
struct MeanSummary {
    std::int64_t count = 0;
    std::optional<double> mean;                // needs count >= 1
    std::optional<double> standard_deviation;  // sample SD (divisor n - 1); needs count >= 2
    std::optional<Interval> confidence_interval;  // mean +/- t * SD / sqrt(n); needs count >= 2
};

// Welford's (1962) running mean and sum of squared deviations: one pass, no stored values,
// and no catastrophic cancellation when values share a large offset.
class MeanAccumulator {
public:
    // Throws std::invalid_argument for NaN or infinity (missing answers must be left out
    // by the caller, not encoded as NaN).
    void Add(double value);
    // Combines another accumulator's values into this one (Chan, Golub & LeVeque 1983), so
    // per-group accumulators can be added into a total without re-reading the data.
    void Merge(const MeanAccumulator& other);
    std::int64_t Count() const { return count_; }
    // confidence_level in (0, 1), e.g. 0.95; throws std::invalid_argument otherwise.
    MeanSummary Summary(double confidence_level = 0.95) const;

private:
    std::int64_t count_ = 0;
    double mean_ = 0.0;
    double sum_of_squared_deviations_ = 0.0;
};

MeanSummary SummariseMean(const std::vector<double>& values, double confidence_level = 0.95);

// Mean change now[i] - before[i] with the paired-t interval. The vectors hold complete pairs
// only (the caller drops pairs with a missing side); throws std::invalid_argument when their
// sizes differ.
MeanSummary SummarisePairedChange(const std::vector<double>& before,
                                  const std::vector<double>& now,
                                  double confidence_level = 0.95);

// Which way a figure should move. Contextual targets have no verdict and do not use this.
enum class ImprovementDirection { HigherIsBetter, LowerIsBetter };

enum class ChangeVerdict { Improved, Worse, NoSignificantChange };

const char* ChangeVerdictName(ChangeVerdict verdict);

// (follow-up proportion - baseline proportion) * 100, in percentage points: 40% -> 50% is
// +10 points (not +25 percent). Empty if either denominator is 0.
std::optional<double> PercentagePointChange(const Proportion& baseline,
                                            const Proportion& follow_up);

struct ProportionChange {
    double change_in_points = 0.0;    // (follow-up - baseline) * 100
    Interval interval_in_points;      // Newcombe 95% interval for follow-up - baseline, * 100
    double p_value = 1.0;             // two-proportion z-test, pooled, two-sided
    bool interval_excludes_zero = false;  // shown so a disagreement with the test is visible
    ChangeVerdict verdict = ChangeVerdict::NoSignificantChange;
};

// Baseline versus follow-up for one item. The verdict is decided by the z-test p-value alone
// (significant when p < significance_level, default 0.05), then its sign and the direction
// give Improved or Worse. Empty if either denominator is 0. Throws std::invalid_argument if
// significance_level is not in (0, 1).
std::optional<ProportionChange> CompareProportions(
    const Proportion& baseline, const Proportion& follow_up,
    ImprovementDirection direction = ImprovementDirection::HigherIsBetter,
    double significance_level = 0.05);

}  // namespace yousaid
