#include "core/analytics/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "core/base/enum_names.h"

namespace yousaid {

namespace {

constexpr double kSqrt2 = 1.41421356237309504880;

void RequireValidCounts(std::int64_t successes, std::int64_t trials) {
    if (trials < 0 || successes < 0 || successes > trials) {
        throw std::invalid_argument("invalid counts: " + std::to_string(successes) + " of " +
                                    std::to_string(trials));
    }
}

void RequireProbabilityLevel(double level, const char* what) {
    if (!(level > 0.0 && level < 1.0)) {
        throw std::invalid_argument(std::string(what) + " must be strictly between 0 and 1");
    }
}

double ToDouble(std::int64_t count) { return static_cast<double>(count); }

// Continued fraction for I_x(a, b) (DLMF 8.17.22):
//   I_x(a,b) = x^a (1-x)^b / (a B(a,b)) * 1 / (1 + d1 / (1 + d2 / (1 + ...)))
//   d_{2m}   =  m (b - m) x / ((a + 2m - 1)(a + 2m))
//   d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
// evaluated by the modified Lentz algorithm (Thompson & Barnett 1986, J. Comput. Phys. 64:
// 490-509), which needs no choice of truncation depth in advance. Returns the denominator
// 1 + d1 / (1 + ...). It converges quickly for x < (a + 1) / (a + b + 2) (Press et al.,
// Numerical Recipes, 2nd ed., 1992, section 6.4); callers use the symmetry
// I_x(a,b) = 1 - I_{1-x}(b,a) otherwise.
double IncompleteBetaContinuedFraction(double x, double a, double b) {
    constexpr double kTiny = 1e-300;  // stands in for a zero denominator, as Lentz prescribes
    constexpr double kRelativeTolerance = 1e-16;
    constexpr int kMaximumTerms = 200000;  // terms needed grow like sqrt(max(a, b))
    double fraction = 1.0;
    double c = fraction;
    double d = 0.0;
    for (int term = 1; term <= kMaximumTerms; ++term) {
        const int m = term / 2;
        double coefficient = 0.0;
        if (term % 2 == 0) {
            coefficient = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
        } else {
            coefficient = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
        }
        d = 1.0 + coefficient * d;
        if (std::fabs(d) < kTiny) d = kTiny;
        d = 1.0 / d;
        c = 1.0 + coefficient / c;
        if (std::fabs(c) < kTiny) c = kTiny;
        const double factor = c * d;
        fraction *= factor;
        if (std::fabs(factor - 1.0) <= kRelativeTolerance) break;
    }
    return fraction;
}

// Stirling-series remainder delta(x) = ln Gamma(x) - [(x - 1/2) ln x - x + ln sqrt(2 pi)]
// for x >= 10 (DLMF 5.11.1, with the Bernoulli-number coefficients B_{2k} / (2k (2k - 1))).
// Seven terms leave an error of about 3e-17 at x = 10 (the next term is -3617 / (122400 x^15)).
double StirlingRemainder(double x) {
    const double inverse = 1.0 / x;
    const double inverse_squared = inverse * inverse;
    const double coefficients[] = {1.0 / 12.0,    -1.0 / 360.0,      1.0 / 1260.0, -1.0 / 1680.0,
                                   1.0 / 1188.0, -691.0 / 360360.0, 1.0 / 156.0};
    double sum = 0.0;
    double power = inverse;
    for (const double coefficient : coefficients) {
        sum += coefficient * power;
        power *= inverse_squared;
    }
    return sum;
}

// ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b). Subtracting std::lgamma values
// loses absolute accuracy when an argument is large (lgamma(5e6) is about 7e7, so its last
// bit is about 1e-8), which for the t distribution with large df shifted quantiles by 1e-9.
// For large arguments the Stirling terms are therefore combined algebraically first, in the
// way R's lbeta (nmath/lbeta.c) does: with p = min(a, b), q = max(a, b),
//   p >= 10: -ln(q)/2 + ln sqrt(2 pi) + delta(p) + delta(q) - delta(p+q)
//            + (p - 1/2) ln(p / (p+q)) + q ln(1 - p / (p+q))
//   q >= 10: ln Gamma(p) + delta(q) - delta(p+q) + p - p ln(p+q) + (q - 1/2) ln(1 - p/(p+q)).
double LogBetaFunction(double a, double b) {
    constexpr double kLogSqrtTwoPi = 0.91893853320467274178;
    const double p = std::min(a, b);
    const double q = std::max(a, b);
    const double sum = p + q;
    if (p >= 10.0) {
        const double correction =
            StirlingRemainder(p) + StirlingRemainder(q) - StirlingRemainder(sum);
        return -0.5 * std::log(q) + kLogSqrtTwoPi + correction + (p - 0.5) * std::log(p / sum) +
               q * std::log1p(-p / sum);
    }
    if (q >= 10.0) {
        const double correction = StirlingRemainder(q) - StirlingRemainder(sum);
        return std::lgamma(p) + correction + p - p * std::log(sum) +
               (q - 0.5) * std::log1p(-p / sum);
    }
    return std::lgamma(p) + std::lgamma(q) - std::lgamma(sum);
}

// The argument of I_x(a, b) in the forms the evaluation needs. Callers fill in each field from
// whatever they know most accurately: for the t distribution 1 - x = t^2 / (df + t^2) is
// known to full relative precision even when x rounds to 1, and the logarithms stay finite
// when x underflows.
struct BetaArgument {
    double x;
    double complement;  // 1 - x
    double log_x;
    double log_complement;

    BetaArgument Mirrored() const { return {complement, x, log_complement, log_x}; }
};

BetaArgument BetaArgumentFor(double x) {
    return {x, 1.0 - x, std::log(x), std::log1p(-x)};
}

// I_x(a, b) straight from the continued fraction in x.
double IncompleteBetaByFraction(const BetaArgument& argument, double a, double b) {
    if (std::isinf(argument.log_x)) return 0.0;           // x = 0
    if (std::isinf(argument.log_complement)) return 1.0;  // x = 1
    // x^a (1-x)^b / B(a,b), the factor in front of the continued fraction.
    const double front = std::exp(a * argument.log_x + b * argument.log_complement -
                                  LogBetaFunction(a, b));
    return front / (a * IncompleteBetaContinuedFraction(argument.x, a, b));
}

// I_x(a, b), using the side of the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) on which the
// continued fraction converges (Numerical Recipes, 2nd ed., section 6.4). On the other side
// it can settle on a wrong value: for I_c(1/2, 5000) with c = 100 / 10100 it returned
// 7.3e-6 instead of 1, which is why this choice is not relaxed for precision's sake below.
double IncompleteBeta(const BetaArgument& argument, double a, double b) {
    if (argument.x < (a + 1.0) / (a + b + 2.0)) return IncompleteBetaByFraction(argument, a, b);
    return 1.0 - IncompleteBetaByFraction(argument.Mirrored(), b, a);
}

// P(|T| > t) for t >= 0. For Student's t with nu degrees of freedom (Numerical Recipes,
// 2nd ed., eq. 6.4.9): P(|T| > t) = I_x(nu/2, 1/2) with x = nu / (nu + t^2).
// With r^2 = t^2 / nu: x = 1 / (1 + r^2), 1 - x = r^2 / (1 + r^2), ln x = -ln(1 + r^2).
//
// Precision: for huge nu and moderate t, x is within t^2/nu of 1 and its own rounding
// (1e-16) is then a relative error of about 1e-16 nu / t^2 in 1 - x, which the tail inherits
// (measured against mpmath: the 97.5% quantile came out 4e-12 too high at nu = 1e6 and
// 0.6% too high at nu = 1e15).
// StudentTUpperTail therefore switches to Fisher's expansion there (UseFisherExpansion).
double StudentTTwoSidedTail(double t, double degrees_of_freedom) {
    const double ratio = t / std::sqrt(degrees_of_freedom);
    const double ratio_squared = ratio * ratio;
    BetaArgument argument{};
    if (std::isfinite(ratio_squared)) {
        argument.x = 1.0 / (1.0 + ratio_squared);
        argument.complement = ratio_squared / (1.0 + ratio_squared);
        argument.log_x = -std::log1p(ratio_squared);
        argument.log_complement = argument.complement <= 0.5
                                      ? std::log(argument.complement)
                                      : -std::log1p(1.0 / ratio_squared);
    } else {
        // t^2 / nu overflows (tiny nu or enormous t): x is below the double range but its
        // logarithm is not, and for tiny nu x^(nu/2) need not be small at all.
        argument.x = 0.0;
        argument.complement = 1.0;
        argument.log_x = -2.0 * (std::log(t) - 0.5 * std::log(degrees_of_freedom));
        argument.log_complement = 0.0;
    }
    return IncompleteBeta(argument, 0.5 * degrees_of_freedom, 0.5);
}

// Where the tail comes from Fisher's expansion below rather than the continued fraction.
// Their relative errors, fitted to mpmath comparisons, are about 1e-16 df / t^2 for the
// continued fraction and 8.5e-5 z^10 / df^5 for the four-term expansion; they cross near
// t = 0.1 sqrt(df), where both are about 1e-14. Below df = 1000 the continued fraction is
// better than 1e-13 everywhere, so the expansion is not needed.
constexpr double kSmallestDegreesOfFreedomForExpansion = 1000.0;
constexpr double kExpansionReachInStandardDeviations = 0.1;

bool UseFisherExpansion(double t, double degrees_of_freedom) {
    return degrees_of_freedom >= kSmallestDegreesOfFreedomForExpansion &&
           t <= kExpansionReachInStandardDeviations * std::sqrt(degrees_of_freedom);
}

// Fisher's (1925) expansion of the Student t quantile in powers of 1/df (Abramowitz & Stegun
// 1964, 26.7.5): t = z + g1(z)/df + g2(z)/df^2 + g3(z)/df^3 + g4(z)/df^4 where z is the
// normal quantile at the same probability and
//   g1 = (z^3 + z) / 4
//   g2 = (5z^5 + 16z^3 + 3z) / 96
//   g3 = (3z^7 + 19z^5 + 17z^3 - 15z) / 384
//   g4 = (79z^9 + 776z^7 + 1482z^5 - 1920z^3 - 945z) / 92160.
// Checked against mpmath: at df = 1e4 the truncation error is 4e-21 relative at z = 1.96
// and 4e-15 at z = 9.26, and it shrinks like df^-5.
double FisherExpansionT(double z, double degrees_of_freedom) {
    const double z2 = z * z;
    const double g1 = (z2 + 1.0) * z / 4.0;
    const double g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    const double g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    const double g4 =
        ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
    const double inverse = 1.0 / degrees_of_freedom;
    return z + inverse * (g1 + inverse * (g2 + inverse * (g3 + inverse * g4)));
}

// d/dz of FisherExpansionT.
double FisherExpansionSlope(double z, double degrees_of_freedom) {
    const double z2 = z * z;
    const double d1 = (3.0 * z2 + 1.0) / 4.0;
    const double d2 = ((25.0 * z2 + 48.0) * z2 + 3.0) / 96.0;
    const double d3 = (((21.0 * z2 + 95.0) * z2 + 51.0) * z2 - 15.0) / 384.0;
    const double d4 =
        ((((711.0 * z2 + 5432.0) * z2 + 7410.0) * z2 - 5760.0) * z2 - 945.0) / 92160.0;
    const double inverse = 1.0 / degrees_of_freedom;
    return 1.0 + inverse * (d1 + inverse * (d2 + inverse * (d3 + inverse * d4)));
}

// The normal deviate z >= 0 whose Fisher expansion is t, by Newton's method. Where it is used
// (t <= 0.1 sqrt(df)) the expansion is increasing with slope between 1 and about 1.01, so
// this converges in a handful of steps from z = t.
double NormalDeviateMatchingT(double t, double degrees_of_freedom) {
    double z = t;
    for (int iteration = 0; iteration < 50; ++iteration) {
        const double step = (FisherExpansionT(z, degrees_of_freedom) - t) /
                            FisherExpansionSlope(z, degrees_of_freedom);
        z -= step;
        if (std::fabs(step) <= 1e-16 * std::max(1.0, z)) break;
    }
    return z;
}

// P(T > t) for t >= 0. Working with the tail, not 1 - CDF, keeps full relative precision for
// small tail areas.
double StudentTUpperTail(double t, double degrees_of_freedom) {
    if (UseFisherExpansion(t, degrees_of_freedom)) {
        return 0.5 * std::erfc(NormalDeviateMatchingT(t, degrees_of_freedom) / kSqrt2);
    }
    return 0.5 * StudentTTwoSidedTail(t, degrees_of_freedom);
}

// Density of Student's t: Gamma((nu+1)/2) / (sqrt(nu pi) Gamma(nu/2)) (1 + t^2/nu)^(-(nu+1)/2)
// = (1 + t^2/nu)^(-(nu+1)/2) / (sqrt(nu) B(nu/2, 1/2)), since Gamma(1/2) = sqrt(pi). Written
// with LogBetaFunction because a difference of lgamma values is useless for large nu (at
// nu = 1e15 each lgamma is about 1.7e16, where a double's spacing is 2), and a wrong density
// would stop the quantile's Newton iteration early.
double StudentTDensity(double t, double degrees_of_freedom) {
    const double nu = degrees_of_freedom;
    const double log_density = -0.5 * std::log(nu) - LogBetaFunction(0.5 * nu, 0.5) -
                               0.5 * (nu + 1.0) * std::log1p(t * t / nu);
    return std::exp(log_density);
}

}  // namespace

std::optional<double> Proportion::Value() const {
    RequireValidCounts(numerator, denominator);
    if (denominator == 0) return std::nullopt;
    return ToDouble(numerator) / ToDouble(denominator);
}

std::optional<double> Proportion::Percent() const {
    const std::optional<double> value = Value();
    if (!value) return std::nullopt;
    return *value * 100.0;
}

// Wilson (1927), "Probable inference, the law of succession, and statistical inference",
// JASA 22:209-212; in the notation of Newcombe (1998a, Statistics in Medicine 17:857-872,
// method 3), with p = r/n, q = 1 - p:
//   (2np + z^2 -/+ z sqrt(z^2 + 4npq)) / (2(n + z^2)).
// The limits are the two roots of (n + z^2) P^2 - (2np + z^2) P + n p^2 = 0, so their product
// is n p^2 / (n + z^2). The lower limit is taken from that product rather than from the
// "minus" formula, which cancels badly when r is small relative to n.
std::optional<Interval> WilsonInterval(std::int64_t successes, std::int64_t trials, double z) {
    RequireValidCounts(successes, trials);
    if (!(z > 0.0) || !std::isfinite(z)) {
        throw std::invalid_argument("Wilson interval: z must be positive and finite");
    }
    if (trials == 0) return std::nullopt;
    const double n = ToDouble(trials);
    const double r = ToDouble(successes);
    const double z_squared = z * z;
    const double denominator = 2.0 * (n + z_squared);
    // 4npq written as 4 r (n - r) / n keeps it exact in the counts.
    const double root = z * std::sqrt(z_squared + 4.0 * r * (ToDouble(trials - successes)) / n);
    Interval interval;
    // At r = n the formula gives exactly 1 in exact arithmetic (z^2 + 4npq = z^2); set it so
    // rounding cannot produce 0.99999999999999989.
    interval.high = successes == trials ? 1.0 : (2.0 * r + z_squared + root) / denominator;
    // At r = 0 the formula gives exactly 0.
    interval.low = successes == 0 ? 0.0 : (r * r / n) / ((n + z_squared) * interval.high);
    return interval;
}

// Newcombe (1998b), "Interval estimation for the difference between independent proportions:
// comparison of eleven methods", Statistics in Medicine 17:873-890, method 10. With Wilson
// limits (l1, u1) for p1 and (l2, u2) for p2, and d = p1 - p2:
//   L = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)
//   U = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)
// Since u1 - p1 <= 1 - p1 and p2 - l2 <= p2, U <= 1 (and likewise L >= -1) in exact
// arithmetic; the clamp only removes rounding.
std::optional<Interval> NewcombeDifferenceInterval(std::int64_t successes1, std::int64_t trials1,
                                                   std::int64_t successes2, std::int64_t trials2,
                                                   double z) {
    const std::optional<Interval> wilson1 = WilsonInterval(successes1, trials1, z);
    const std::optional<Interval> wilson2 = WilsonInterval(successes2, trials2, z);
    if (!wilson1 || !wilson2) return std::nullopt;
    const double p1 = ToDouble(successes1) / ToDouble(trials1);
    const double p2 = ToDouble(successes2) / ToDouble(trials2);
    const double difference = p1 - p2;
    Interval interval;
    interval.low = difference - std::hypot(p1 - wilson1->low, wilson2->high - p2);
    interval.high = difference + std::hypot(wilson1->high - p1, p2 - wilson2->low);
    interval.low = std::max(interval.low, -1.0);
    interval.high = std::min(interval.high, 1.0);
    return interval;
}

// Pooled two-proportion z-test, the standard large-sample test of H0: p1 = p2 (e.g. Fleiss,
// Levin & Paik, Statistical Methods for Rates and Proportions, 3rd ed., Wiley 2003). Its z^2
// equals Pearson's chi-squared for the 2x2 table without continuity correction, which the
// tests use as an independent check:
//   p = (r1 + r2) / (n1 + n2),  SE = sqrt(p (1 - p) (1/n1 + 1/n2)),  z = (p1 - p2) / SE.
// When r1 + r2 is 0 or n1 + n2 the pooled SE is 0 and z is 0/0. Both samples then show the
// same proportion (0% or 100%), the data carry no evidence of a difference, and the
// observed table is the only one with those margins, so Fisher's exact test gives p = 1.
// We report z = 0 and p = 1, which is what a user expects ("no change") rather than an
// undefined figure. statsmodels' proportions_ztest returns NaN here instead.
std::optional<ZTestResult> TwoProportionZTest(std::int64_t successes1, std::int64_t trials1,
                                              std::int64_t successes2, std::int64_t trials2) {
    RequireValidCounts(successes1, trials1);
    RequireValidCounts(successes2, trials2);
    if (trials1 == 0 || trials2 == 0) return std::nullopt;
    const double n1 = ToDouble(trials1);
    const double n2 = ToDouble(trials2);
    const double pooled_successes = ToDouble(successes1) + ToDouble(successes2);
    const double pooled_trials = n1 + n2;
    ZTestResult result;
    if (pooled_successes == 0.0 || pooled_successes == pooled_trials) return result;
    const double pooled = pooled_successes / pooled_trials;
    const double standard_error = std::sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
    result.z_statistic = (ToDouble(successes1) / n1 - ToDouble(successes2) / n2) / standard_error;
    result.p_value_two_sided = TwoSidedNormalPValue(result.z_statistic);
    return result;
}

// Phi(x) = erfc(-x / sqrt 2) / 2, from erfc(x) = (2/sqrt(pi)) int_x^inf e^{-t^2} dt (DLMF 7.2.2)
// with t = u / sqrt 2. erfc keeps relative accuracy in the tail where 1 - erf(x) would not.
double StandardNormalCdf(double x) { return 0.5 * std::erfc(-x / kSqrt2); }

double TwoSidedNormalPValue(double z) { return std::erfc(std::fabs(z) / kSqrt2); }

std::optional<double> RegularisedIncompleteBeta(double x, double a, double b) {
    if (!(x >= 0.0 && x <= 1.0) || !(a > 0.0) || !(b > 0.0) || !std::isfinite(a) ||
        !std::isfinite(b)) {
        return std::nullopt;
    }
    return IncompleteBeta(BetaArgumentFor(x), a, b);
}

std::optional<double> StudentTCdf(double t, double degrees_of_freedom) {
    if (!std::isfinite(t) || !(degrees_of_freedom > 0.0) || !std::isfinite(degrees_of_freedom)) {
        return std::nullopt;
    }
    const double upper_tail = StudentTUpperTail(std::fabs(t), degrees_of_freedom);
    return t >= 0.0 ? 1.0 - upper_tail : upper_tail;
}

// Solves P(T > t) = tail for t > 0 by Newton's method on the exact tail (the derivative is
// minus the density), safeguarded by bisection inside a bracket that always holds the root,
// so it cannot diverge however poor a Newton step is (e.g. df = 1, where the tail is heavy).
// Symmetry gives the lower half: Q(p) = -Q(1 - p).
std::optional<double> StudentTQuantile(double probability, double degrees_of_freedom) {
    if (!(probability > 0.0 && probability < 1.0) || !(degrees_of_freedom > 0.0) ||
        !std::isfinite(degrees_of_freedom)) {
        return std::nullopt;
    }
    if (probability == 0.5) return 0.0;
    const double tail = probability > 0.5 ? 1.0 - probability : probability;
    const double sign = probability > 0.5 ? 1.0 : -1.0;

    // Bracket: the tail falls from 1/2 at t = 0; double the upper end until it is below.
    double below = 0.0;  // tail(below) > target
    double above = 1.0;
    while (StudentTUpperTail(above, degrees_of_freedom) > tail) {
        below = above;
        above *= 2.0;
        if (!std::isfinite(above)) return std::nullopt;
    }

    double t = 0.5 * (below + above);
    constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
    constexpr int kMaximumIterations = 400;
    for (int iteration = 0; iteration < kMaximumIterations; ++iteration) {
        const double excess = StudentTUpperTail(t, degrees_of_freedom) - tail;
        if (excess == 0.0) break;
        if (excess > 0.0) {
            below = t;
        } else {
            above = t;
        }
        const double density = StudentTDensity(t, degrees_of_freedom);
        double next = density > 0.0 ? t + excess / density : 0.5 * (below + above);
        if (!(next > below && next < above)) next = 0.5 * (below + above);
        const bool converged = std::fabs(next - t) <= 4.0 * kEpsilon * t;
        t = next;
        if (converged || above - below <= 2.0 * kEpsilon * t) break;
    }
    return sign * t;
}

// Welford (1962), "Note on a method for calculating corrected sums of squares and products",
// Technometrics 4(3):419-420: after the k-th value x,
//   mean_k = mean_{k-1} + (x - mean_{k-1}) / k
//   M2_k   = M2_{k-1} + (x - mean_{k-1}) (x - mean_k)
// and the sample variance is M2_n / (n - 1).
void MeanAccumulator::Add(double value) {
    if (!std::isfinite(value)) {
        throw std::invalid_argument("MeanAccumulator: values must be finite numbers");
    }
    ++count_;
    const double deviation_before = value - mean_;
    mean_ += deviation_before / ToDouble(count_);
    sum_of_squared_deviations_ += deviation_before * (value - mean_);
}

// Chan, Golub & LeVeque (1983), "Algorithms for computing the sample variance: analysis and
// recommendations", The American Statistician 37(3):242-247, pairwise update:
//   n = na + nb, delta = mean_b - mean_a,
//   mean = mean_a + delta nb / n,  M2 = M2a + M2b + delta^2 na nb / n.
void MeanAccumulator::Merge(const MeanAccumulator& other) {
    if (other.count_ == 0) return;
    if (count_ == 0) {
        *this = other;
        return;
    }
    const double count_a = ToDouble(count_);
    const double count_b = ToDouble(other.count_);
    const double combined = count_a + count_b;
    const double delta = other.mean_ - mean_;
    mean_ += delta * count_b / combined;
    sum_of_squared_deviations_ += other.sum_of_squared_deviations_ +
                                  delta * delta * count_a * count_b / combined;
    count_ += other.count_;
}

// Student-t interval for a mean: mean +/- t_{1 - alpha/2, n-1} * s / sqrt(n).
MeanSummary MeanAccumulator::Summary(double confidence_level) const {
    RequireProbabilityLevel(confidence_level, "confidence level");
    MeanSummary summary;
    summary.count = count_;
    // Values near the double range can overflow the running sums; an infinite figure is
    // reported as undefined rather than shown.
    if (count_ >= 1 && std::isfinite(mean_)) summary.mean = mean_;
    if (count_ < 2 || !summary.mean || !std::isfinite(sum_of_squared_deviations_)) return summary;
    const double n = ToDouble(count_);
    const double standard_deviation = std::sqrt(sum_of_squared_deviations_ / (n - 1.0));
    summary.standard_deviation = standard_deviation;
    const std::optional<double> t =
        StudentTQuantile(1.0 - (1.0 - confidence_level) / 2.0, n - 1.0);
    if (!t) return summary;
    const double half_width = *t * standard_deviation / std::sqrt(n);
    if (std::isfinite(mean_ - half_width) && std::isfinite(mean_ + half_width)) {
        summary.confidence_interval = Interval{mean_ - half_width, mean_ + half_width};
    }
    return summary;
}

MeanSummary SummariseMean(const std::vector<double>& values, double confidence_level) {
    MeanAccumulator accumulator;
    for (const double value : values) accumulator.Add(value);
    return accumulator.Summary(confidence_level);
}

MeanSummary SummarisePairedChange(const std::vector<double>& before,
                                  const std::vector<double>& now, double confidence_level) {
    if (before.size() != now.size()) {
        throw std::invalid_argument("paired change: before and now must be the same length");
    }
    MeanAccumulator accumulator;
    for (std::size_t index = 0; index < before.size(); ++index) {
        if (!std::isfinite(before[index]) || !std::isfinite(now[index])) {
            throw std::invalid_argument("paired change: values must be finite numbers");
        }
        accumulator.Add(now[index] - before[index]);
    }
    return accumulator.Summary(confidence_level);
}

namespace {

constexpr EnumNames<ChangeVerdict, 3> kChangeVerdictNames{{
    {ChangeVerdict::Improved, "Improved"},
    {ChangeVerdict::Worse, "Worse"},
    {ChangeVerdict::NoSignificantChange, "No significant change"},
}};

}  // namespace

// The names are string literals, so data() ends in a NUL.
const char* ChangeVerdictName(ChangeVerdict verdict) { return NameOf(kChangeVerdictNames, verdict).data(); }

std::optional<double> PercentagePointChange(const Proportion& baseline,
                                            const Proportion& follow_up) {
    const std::optional<double> baseline_value = baseline.Value();
    const std::optional<double> follow_up_value = follow_up.Value();
    if (!baseline_value || !follow_up_value) return std::nullopt;
    return (*follow_up_value - *baseline_value) * 100.0;
}

// The z-test p-value decides, because PRODUCT.md asks "whether the change is statistically
// significant (two-proportion test / interval for the difference)" and a test is what gives
// a yes/no answer with a stated error rate. The Newcombe interval is reported
// alongside and usually agrees, but the two are different procedures (the test uses the
// pooled SE under H0, the interval combines two Wilson intervals), so near p = 0.05, and
// with small or extreme counts, the test can be significant while the interval still
// contains 0, or the reverse. interval_excludes_zero makes such a case visible.
std::optional<ProportionChange> CompareProportions(const Proportion& baseline,
                                                   const Proportion& follow_up,
                                                   ImprovementDirection direction,
                                                   double significance_level) {
    RequireProbabilityLevel(significance_level, "significance level");
    const std::optional<double> change = PercentagePointChange(baseline, follow_up);
    if (!change) return std::nullopt;
    const std::optional<Interval> interval =
        NewcombeDifferenceInterval(follow_up.numerator, follow_up.denominator,
                                   baseline.numerator, baseline.denominator);
    const std::optional<ZTestResult> test =
        TwoProportionZTest(follow_up.numerator, follow_up.denominator, baseline.numerator,
                           baseline.denominator);
    if (!interval || !test) return std::nullopt;

    ProportionChange result;
    result.change_in_points = *change;
    result.interval_in_points = Interval{interval->low * 100.0, interval->high * 100.0};
    result.p_value = test->p_value_two_sided;
    result.interval_excludes_zero = !interval->Contains(0.0);
    if (result.p_value < significance_level) {
        const bool went_up = test->z_statistic > 0.0;
        const bool higher_is_better = direction == ImprovementDirection::HigherIsBetter;
        result.verdict = went_up == higher_is_better ? ChangeVerdict::Improved
                                                     : ChangeVerdict::Worse;
    }
    return result;
}

}  // namespace yousaid
