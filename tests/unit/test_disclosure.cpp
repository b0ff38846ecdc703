// The disclosure audit (docs/analytics.md, "The disclosure model"): no hidden count, sum or
// sum of squares can be worked out from what a report publishes. The attack here is the
// test's own: it reads the published figures and their labels, writes down the relations an
// attacker knows (every group is the sum of its parts across each field that splits it), and
// solves them by elimination modulo a large prime with the published values. It never calls
// the engine's audit.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analytics_test_support.h"
#include "core/analytics/disclosure_audit.h"
#include "core/analytics/tabulate.h"
#include "core/survey/survey_loader.h"

using analytics_test::Choice;
using analytics_test::ResponseList;
using yousaid::AnalyticsOptions;
using yousaid::AnalyticsReport;
using yousaid::Answer;

namespace {

using Key = std::vector<std::pair<std::string, std::string>>;  // (field, value), sorted

// One row of a table as published: the group it counts, and its figure (none if hidden).
struct Published {
    Key key;
    std::optional<std::int64_t> value;
};

std::vector<std::string> SplitOnCross(const std::string& text) {
    std::vector<std::string> parts;
    const std::string cross = yousaid::kCrossingSeparator;
    std::size_t start = 0;
    for (std::size_t found = text.find(cross); found != std::string::npos; found = text.find(cross, start)) {
        parts.push_back(text.substr(start, found - start));
        start = found + cross.size();
    }
    parts.push_back(text.substr(start));
    return parts;
}

Key KeyOf(const std::string& dimension, const std::string& group) {
    Key key;
    if (dimension == yousaid::kAllDimension) return key;
    const std::vector<std::string> fields = SplitOnCross(dimension);
    const std::vector<std::string> values = SplitOnCross(group);
    for (std::size_t index = 0; index < fields.size(); ++index) key.emplace_back(fields[index], values[index]);
    std::sort(key.begin(), key.end());
    return key;
}

constexpr std::int64_t kPrime = 2147483647;  // 2^31 - 1

std::int64_t Modulo(std::int64_t value) {
    value %= kPrime;
    return value < 0 ? value + kPrime : value;
}

std::int64_t Inverse(std::int64_t value) {
    std::int64_t result = 1;
    std::int64_t base = Modulo(value);
    for (std::int64_t exponent = kPrime - 2; exponent > 0; exponent >>= 1) {
        if (exponent & 1) result = result * base % kPrime;
        base = base * base % kPrime;
    }
    return result;
}

// The relations: for each group (published or not) and each field of it, the groups with
// one more condition on that field add up to it. Returns them as lists of variables (the
// parent last); groups no row publishes join `variables` as unknowns.
std::vector<std::vector<std::size_t>> Relations(std::map<Key, std::size_t>& variables) {
    std::vector<Key> pending;
    for (const auto& entry : variables) pending.push_back(entry.first);
    std::map<std::pair<Key, std::string>, std::vector<std::size_t>> parts;
    while (!pending.empty()) {
        const Key key = pending.back();
        pending.pop_back();
        for (std::size_t dropped = 0; dropped < key.size(); ++dropped) {
            Key parent = key;
            parent.erase(parent.begin() + static_cast<std::ptrdiff_t>(dropped));
            if (variables.emplace(parent, variables.size()).second) pending.push_back(parent);
            parts[{parent, key[dropped].first}].push_back(variables.at(key));
        }
    }
    std::vector<std::vector<std::size_t>> relations;
    for (const auto& [split, children] : parts) {
        relations.push_back(children);
        relations.back().push_back(variables.at(split.first));
    }
    return relations;
}

// The hidden rows an attacker can work out exactly, each with the value worked out.
std::vector<std::pair<Key, std::int64_t>> Attack(const std::vector<Published>& rows) {
    std::map<Key, std::size_t> variables;
    for (const Published& row : rows) variables.emplace(row.key, variables.size());
    const std::size_t row_variables = variables.size();
    std::vector<std::vector<std::size_t>> relations = Relations(variables);
    std::vector<std::optional<std::int64_t>> known(variables.size());
    for (const Published& row : rows) {
        if (row.value) known[variables.at(row.key)] = row.value;
    }
    // Augmented rows over every variable (known ones have coefficient 0) plus the constant.
    const std::size_t width = variables.size();
    std::vector<std::vector<std::int64_t>> matrix;
    for (const auto& relation : relations) {
        std::vector<std::int64_t> line(width + 1, 0);
        for (std::size_t index = 0; index < relation.size(); ++index) {
            const std::int64_t sign = index + 1 == relation.size() ? -1 : 1;
            const std::size_t variable = relation[index];
            if (known[variable]) {
                line[width] = Modulo(line[width] - sign * *known[variable]);
            } else {
                line[variable] = Modulo(line[variable] + sign);
            }
        }
        matrix.push_back(std::move(line));
    }
    std::size_t rank = 0;
    for (std::size_t column = 0; column < width && rank < matrix.size(); ++column) {
        std::size_t pivot = rank;
        while (pivot < matrix.size() && matrix[pivot][column] == 0) ++pivot;
        if (pivot == matrix.size()) continue;
        std::swap(matrix[rank], matrix[pivot]);
        const std::int64_t scale = Inverse(matrix[rank][column]);
        for (std::int64_t& entry : matrix[rank]) entry = entry * scale % kPrime;
        for (std::size_t other = 0; other < matrix.size(); ++other) {
            const std::int64_t factor = matrix[other][column];
            if (other == rank || factor == 0) continue;
            for (std::size_t index = 0; index <= width; ++index) {
                matrix[other][index] = Modulo(matrix[other][index] - factor * matrix[rank][index] % kPrime);
            }
        }
        ++rank;
    }
    std::map<std::size_t, Key> key_of;
    for (const auto& [key, variable] : variables) key_of[variable] = key;
    std::vector<std::pair<Key, std::int64_t>> found;
    for (std::size_t line = 0; line < rank; ++line) {
        const auto nonzero = std::count_if(matrix[line].begin(), matrix[line].end() - 1,
                                           [](std::int64_t entry) { return entry != 0; });
        const auto first = std::find_if(matrix[line].begin(), matrix[line].end() - 1,
                                        [](std::int64_t entry) { return entry != 0; });
        const std::size_t variable = static_cast<std::size_t>(first - matrix[line].begin());
        if (nonzero != 1 || variable >= row_variables) continue;
        const std::int64_t value = matrix[line][width];
        found.emplace_back(key_of[variable], value > kPrime / 2 ? value - kPrime : value);
    }
    return found;
}

std::string Describe(const std::vector<std::pair<Key, std::int64_t>>& found) {
    std::string text;
    for (const auto& [key, value] : found) {
        for (const auto& [field, group] : key) text += field + "=" + group + " ";
        text += "is " + std::to_string(value) + "; ";
    }
    return text;
}

// Every additive figure of every table, per wave and item, as the attacker reads it.
template <class Row, class Figure>
std::size_t AttackTable(const AnalyticsReport& report, const std::vector<Row>& rows, std::size_t items,
                        Figure figure) {
    std::size_t attacks = 0;
    for (std::uint32_t wave = 0; wave < report.waves.size(); ++wave) {
        for (std::size_t item = 0; item < items; ++item) {
            for (std::size_t which = 0; which < 3; ++which) {
                std::vector<Published> published;
                for (std::uint32_t b = 0; b < report.breakdowns.size(); ++b) {
                    for (std::uint32_t g = 0; g < report.breakdowns[b].groups.size(); ++g) {
                        const std::size_t group_row = report.group_row_offsets[wave * report.breakdowns.size() + b] + g;
                        const Row& row = rows[group_row * items + item];
                        published.push_back({KeyOf(report.breakdowns[b].dimension, report.breakdowns[b].groups[g]),
                                             row.suppressed ? std::nullopt : figure(row, which)});
                    }
                }
                const auto found = Attack(published);
                INFO("wave " << report.waves[wave] << ", item " << item << ", figure " << which);
                CHECK_MESSAGE(found.empty(), Describe(found));
                ++attacks;
            }
        }
    }
    return attacks;
}

std::optional<std::int64_t> MeanFigure(const yousaid::MeanRow& row, std::size_t which) {
    const yousaid::MeanSummary& summary = row.summary;
    const double n = static_cast<double>(summary.count);
    if (which == 0) return summary.count;
    if (summary.count == 0) return 0;
    const double mean = *summary.mean;
    if (which == 1) return std::llround(mean * n);
    const double sd = summary.standard_deviation.value_or(0.0);
    return std::llround((n - 1.0) * sd * sd + n * mean * mean);
}

// A question with both a satisfaction figure and means: each group's mean n is also its
// satisfaction row's valid answers less "don't know" (when those are in `valid`), so the
// attacker reads n from whichever of the two rows is shown. Returns what one wave's
// published figures give away: hidden n's that a shown satisfaction row states outright,
// then those the relations derive.
std::vector<std::pair<Key, std::int64_t>> AttackSharedCount(const AnalyticsReport& report, std::size_t question,
                                                            std::size_t measure, std::uint32_t wave) {
    const std::size_t questions = report.satisfaction_questions.size();
    const std::size_t measures = report.mean_measures.size();
    std::vector<std::pair<Key, std::int64_t>> found;
    std::vector<Published> published;
    for (std::uint32_t b = 0; b < report.breakdowns.size(); ++b) {
        for (std::uint32_t g = 0; g < report.breakdowns[b].groups.size(); ++g) {
            const std::size_t group_row = report.group_row_offsets[wave * report.breakdowns.size() + b] + g;
            const yousaid::MeanRow& mean = report.means[group_row * measures + measure];
            const yousaid::SatisfactionRow& shown = report.satisfaction[group_row * questions + question];
            const Key key = KeyOf(report.breakdowns[b].dimension, report.breakdowns[b].groups[g]);
            std::optional<std::int64_t> count;
            if (!mean.suppressed) count = mean.summary.count;
            if (!shown.suppressed) {
                const std::int64_t answered = shown.valid - (report.options.include_dont_know ? shown.dont_know : 0);
                if (count) CHECK(*count == answered);  // the identity the attacker relies on
                if (mean.suppressed) found.emplace_back(key, answered);
                count = answered;
            }
            published.push_back({key, count});
        }
    }
    const auto derived = Attack(published);
    found.insert(found.end(), derived.begin(), derived.end());
    return found;
}

std::size_t AttackSharedCounts(const AnalyticsReport& report) {
    std::size_t attacks = 0;
    for (std::size_t question = 0; question < report.satisfaction_questions.size(); ++question) {
        for (std::size_t measure = 0; measure < report.mean_measures.size(); ++measure) {
            if (report.mean_measures[measure].question_index != report.satisfaction_questions[question]) continue;
            for (std::uint32_t wave = 0; wave < report.waves.size(); ++wave) {
                const auto found = AttackSharedCount(report, question, measure, wave);
                INFO("wave " << report.waves[wave] << ", n of measure " << measure << " through its satisfaction rows");
                CHECK_MESSAGE(found.empty(), Describe(found));
                ++attacks;
            }
        }
    }
    return attacks;
}

std::size_t AttackReport(const AnalyticsReport& report) {
    std::size_t attacks = AttackTable(report, report.return_rates, 1, [](const yousaid::ReturnRateRow& row,
                                                                         std::size_t which) {
        return std::optional<std::int64_t>(which == 0 ? row.complete : which == 1 ? row.partial : row.refused);
    });
    attacks += AttackTable(report, report.satisfaction, report.satisfaction_questions.size(),
                           [](const yousaid::SatisfactionRow& row, std::size_t which) {
                               return std::optional<std::int64_t>(which == 0   ? row.positive
                                                                  : which == 1 ? row.valid
                                                                               : row.dont_know);
                           });
    attacks += AttackTable(report, report.means, report.mean_measures.size(), MeanFigure);
    attacks += AttackSharedCounts(report);
    return attacks;
}

const char* const kParentCarerSurvey = R"({
  "id": "parent_carer", "version": 1, "title": "Parent carers", "introduction": "Test", "languages": ["en"],
  "questions": [
    {"id": "phase", "kind": "single_choice", "role": "demographic", "dimension": "phase", "text": "Phase",
     "options": [{"id": "primary", "text": "Primary"}, {"id": "secondary", "text": "Secondary"},
                 {"id": "prefer_not_to_say", "text": "Prefer not to say", "non_substantive": "prefer_not_to_say"}]},
    {"id": "sen_support", "kind": "single_choice", "role": "demographic", "dimension": "sen_support",
     "text": "Support", "options": [{"id": "sen_support", "text": "SEN support"}, {"id": "ehcp", "text": "EHCP"},
                                    {"id": "no_sen", "text": "No SEN"},
                                    {"id": "prefer_not_to_say", "text": "Prefer not to say",
                                     "non_substantive": "prefer_not_to_say"}]},
    {"id": "local_offer_useful", "kind": "yes_sometimes_no", "text": "Local offer useful",
     "options": [{"id": "yes", "text": "Yes"}, {"id": "sometimes", "text": "Sometimes"}, {"id": "no", "text": "No"}]}
  ]
})";

}  // namespace

TEST_CASE("disclosure: the parent-carer case, where a second suppression equalled its row's total") {
    const auto loaded = yousaid::SurveyLoader::LoadFromText(kParentCarerSurvey, "parent_carer.json");
    REQUIRE_MESSAGE(loaded.Ok(), loaded.ProblemsText());
    const yousaid::Survey& survey = *loaded.survey;
    ResponseList responses(survey);
    const auto add = [&](int yes, int no, const char* phase, const char* support) {
        const Answer phase_answer = phase ? Choice(phase) : Answer::Skipped();
        responses.AddMany(yes, "2025", {{"phase", phase_answer}, {"sen_support", Choice(support)},
                                        {"local_offer_useful", Choice("yes")}});
        responses.AddMany(no, "2025", {{"phase", phase_answer}, {"sen_support", Choice(support)},
                                       {"local_offer_useful", Choice("no")}});
    };
    add(20, 10, "primary", "sen_support");
    add(10, 0, "secondary", "sen_support");  // the only non-zero cell of the secondary row
    add(2, 0, "prefer_not_to_say", "sen_support");  // 2 of 2 positive: primary suppression
    add(5, 6, "primary", "ehcp");
    add(6, 6, "prefer_not_to_say", "ehcp");
    add(10, 10, "primary", "no_sen");
    add(15, 10, nullptr, "no_sen");  // the only cell of the (not answered) row
    AnalyticsOptions options;
    options.breakdowns = {yousaid::ParseBreakdown("phase"), yousaid::ParseBreakdown("sen_support"),
                          yousaid::ParseBreakdown("phase,sen_support")};

    // Published as primary and secondary suppression alone left it (secondary×sen_support
    // hidden as the second of its column, primary×sen_support shown), the attack finds
    // prefer_not_to_say×sen_support: 42 - 30 - 10 = 2 answers, 32 - 20 - 10 = 2 positive.
    const std::vector<std::pair<std::string, std::optional<std::int64_t>>> before = {
        {"all", 114},
        {"primary", 61}, {"secondary", 10}, {"prefer_not_to_say", 14}, {"(not answered)", 25},
        {"sen_support", 42}, {"ehcp", 23}, {"no_sen", 45},
        {"primary×sen_support", 30}, {"primary×ehcp", std::nullopt}, {"primary×no_sen", std::nullopt},
        {"secondary×sen_support", std::nullopt}, {"prefer_not_to_say×sen_support", std::nullopt},
        {"prefer_not_to_say×ehcp", std::nullopt}, {"(not answered)×no_sen", std::nullopt}};
    std::vector<Published> published;
    for (const auto& [group, value] : before) {
        const bool crossing = group.find("×") != std::string::npos;
        const bool support = group == "sen_support" || group == "ehcp" || group == "no_sen";
        const std::string dimension = group == "all" ? "all" : crossing ? "phase×sen_support" : support ? "sen_support" : "phase";
        published.push_back({KeyOf(dimension, group), value});
    }
    const auto found = Attack(published);
    const Key target = KeyOf("phase×sen_support", "prefer_not_to_say×sen_support");
    CHECK(std::count(found.begin(), found.end(), std::make_pair(target, std::int64_t{2})) == 1);

    const AnalyticsReport report = analytics_test::Tabulate(survey, responses, options);
    const auto& cell = analytics_test::SatisfactionFor(report, "2025", "phase×sen_support",
                                                       "prefer_not_to_say×sen_support", "local_offer_useful");
    CHECK(cell.suppressed);
    CHECK_FALSE(cell.interval_percent.has_value());  // a hidden cell shows no interval
    CHECK(analytics_test::SatisfactionFor(report, "2025", "phase×sen_support", "secondary×sen_support",
                                          "local_offer_useful")
              .suppressed);
    CHECK(report.satisfaction_hidden.primary == 1);
    CHECK(report.satisfaction_hidden.secondary == 5);
    CHECK(report.satisfaction_hidden.audit >= 1);
    CHECK(report.return_rates_hidden.audit >= 1);
    AttackReport(report);
}

TEST_CASE("disclosure: a mean's n hidden by its own table is not shown through the satisfaction table") {
    // With "don't know" in `valid`, secondary's 3 answers hide its mean (primary suppression,
    // and prefer_not_to_say's as the second of the breakdown), but its satisfaction row has
    // 12 valid answers, 9 of them "don't know": shown, it would give n = 12 - 9 = 3.
    const yousaid::Survey survey = analytics_test::TestSurvey();
    ResponseList responses(survey);
    const auto add = [&](int count, const char* phase, const char* support) {
        responses.AddMany(count, "2025", {{"phase", Choice(phase)}, {"support", Choice(support)}});
    };
    add(20, "primary", "s4");
    add(3, "secondary", "s2");
    add(9, "secondary", "dont_know");
    add(15, "prefer_not_to_say", "s5");
    AnalyticsOptions options;
    options.include_dont_know = true;
    options.breakdowns = {yousaid::ParseBreakdown("phase")};
    const AnalyticsReport report = analytics_test::Tabulate(survey, responses, options);

    for (const char* phase : {"secondary", "prefer_not_to_say"}) {
        INFO("phase " << std::string(phase));
        CHECK(analytics_test::MeanFor(report, "2025", "phase", phase, "support").suppressed);
        const auto& shown = analytics_test::SatisfactionFor(report, "2025", "phase", phase, "support");
        CHECK(shown.suppressed);
        CHECK(shown.valid == 0);  // cleared with the rest
    }
    CHECK_FALSE(analytics_test::SatisfactionFor(report, "2025", "phase", "primary", "support").suppressed);
    CHECK(report.means_hidden.primary == 1);
    CHECK(report.means_hidden.secondary == 1);
    CHECK(report.satisfaction_hidden.primary == 0);
    CHECK(report.satisfaction_hidden.audit == 2);
    const auto support = report.FindSatisfactionQuestion("support");
    const auto support_mean = report.FindMeanMeasure("support");
    REQUIRE(support.has_value());
    REQUIRE(support_mean.has_value());
    CHECK(AttackSharedCount(report, *support, *support_mean, 0).empty());
    AttackReport(report);
}

TEST_CASE("disclosure: nothing hidden in the README's demo report can be worked out") {
    CHECK(AttackReport(analytics_test::DemoAnalyticsReport()) > 100);
}

TEST_CASE("disclosure: the audit's elimination finds exactly what the attack finds, on random hidden cells") {
    // Cells of `all`, two one-way breakdowns, their crossing, and a crossing with a third field
    // whose one-way groups are published nowhere; some crossing cells never occur.
    std::uint32_t state = 7;
    const auto next = [&state](std::uint32_t bound) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    };
    std::size_t derivable_seen = 0;
    for (int trial = 0; trial < 300; ++trial) {
        std::vector<yousaid::AuditConditions> cells = {{}};
        for (std::uint32_t a = 0; a < 3; ++a) cells.push_back({{0, a}});
        for (std::uint32_t b = 0; b < 4; ++b) cells.push_back({{1, b}});
        for (std::uint32_t a = 0; a < 3; ++a) {
            for (std::uint32_t b = 0; b < 4; ++b) {
                if (next(4) != 0) cells.push_back({{0, a}, {1, b}});
            }
        }
        for (std::uint32_t b = 0; b < 4; ++b) {
            for (std::uint32_t c = 0; c < 3; ++c) {
                if (next(3) == 0) cells.push_back({{1, b}, {2, c}});
            }
        }
        std::vector<bool> hidden(cells.size());
        std::vector<Published> published;
        for (std::size_t cell = 0; cell < cells.size(); ++cell) {
            hidden[cell] = next(3) == 0;
            Key key;
            for (const auto& [field, value] : cells[cell]) key.emplace_back(std::to_string(field), std::to_string(value));
            published.push_back({key, hidden[cell] ? std::nullopt : std::optional<std::int64_t>(1)});
        }
        const std::vector<bool> derivable = yousaid::DerivableCells(yousaid::BuildAuditSystem(cells), hidden);
        std::vector<Key> attacked;
        for (const auto& found : Attack(published)) attacked.push_back(found.first);
        for (std::size_t cell = 0; cell < cells.size(); ++cell) {
            INFO("trial " << trial << ", cell " << cell);
            const bool found = std::find(attacked.begin(), attacked.end(), published[cell].key) != attacked.end();
            CHECK(derivable[cell] == found);
            derivable_seen += derivable[cell] ? 1 : 0;
        }
    }
    CHECK(derivable_seen > 100);
}

TEST_CASE("disclosure: on random data sets, nothing hidden can be worked out from what is published") {
    const yousaid::Survey survey = analytics_test::TestSurvey();
    std::uint32_t state = 20261202;
    const auto next = [&state](std::uint32_t bound) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % bound;
    };
    const char* const phases[] = {"primary", "secondary", "prefer_not_to_say", nullptr};
    const char* const schools[] = {"ash", "beech", "cedar", "prefer_not_to_say", nullptr};
    const char* const helped[] = {"yes", "sometimes", "no", "dont_know", nullptr};
    const char* const scale[] = {"s1", "s2", "s3", "s4", "s5", "dont_know", nullptr};
    const auto choice_or_skip = [](const char* option) { return option ? Choice(option) : Answer::Skipped(); };
    std::size_t attacks = 0;
    std::int64_t audited = 0;
    for (int data_set = 0; data_set < 40; ++data_set) {
        ResponseList responses(survey);
        const std::uint32_t waves = 1 + next(3);
        for (std::uint32_t wave = 0; wave < waves; ++wave) {
            for (const char* phase : phases) {
                for (const char* school : schools) {
                    const std::uint32_t people = next(2) == 0 ? 0 : next(3) == 0 ? next(31) : next(12);
                    for (std::uint32_t person = 0; person < people; ++person) {
                        const auto status = next(8) == 0 ? yousaid::ResponseStatus::kPartial
                                                         : yousaid::ResponseStatus::kComplete;
                        const Answer rating = next(5) == 0 ? Answer::Skipped()
                                                           : Answer::Integer(static_cast<std::int32_t>(next(11)));
                        responses.Add(std::to_string(2023 + wave), status,
                                      {{"phase", choice_or_skip(phase)}, {"school", choice_or_skip(school)},
                                       {"helped", choice_or_skip(helped[next(5)])},
                                       {"support", choice_or_skip(scale[next(7)])}, {"happiness", rating}});
                    }
                }
            }
        }
        AnalyticsOptions options;
        options.min_cell = next(2) == 0 ? 5 : 10;
        options.include_dont_know = next(2) == 0;
        options.breakdowns = {yousaid::ParseBreakdown("phase"), yousaid::ParseBreakdown("school"),
                              yousaid::ParseBreakdown("phase,school")};
        // A crossing whose one-way breakdown is not published, and the same crossing twice.
        if (next(2) == 0) options.breakdowns.push_back(yousaid::ParseBreakdown("school,helped"));
        if (next(3) == 0) options.breakdowns.push_back(yousaid::ParseBreakdown("school,phase"));
        const AnalyticsReport report = analytics_test::Tabulate(survey, responses, options);
        INFO("data set " << data_set << " min_cell " << options.min_cell);
        attacks += AttackReport(report);
        audited += report.return_rates_hidden.audit + report.satisfaction_hidden.audit + report.means_hidden.audit;
    }
    CHECK(attacks > 1000);
    CHECK(audited > 0);  // the audit had work to do
}
