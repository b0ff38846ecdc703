#pragma once
// Synthetic responses to a survey (the pupil survey in the benchmarks), from a fixed seed,
// every one valid for it: bench_report_input reads 191,100 of them back, bench_sealing seals
// and opens them. Realistic: some refused and partial, now and then a skipped question or a
// "don't know", a text in about one in eight. Or, with Answering::kEverything, complete with
// every question shown answered (a substantive option) and a text: the largest usual response.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/responses/answer_checking.h"
#include "core/responses/response.h"
#include "core/survey/survey.h"
#include "core/survey/survey_loader.h"

namespace bench {

// The pupil survey, read from assets/surveys (the benchmarks run from the repository's root);
// nothing, with the reasons printed, when it does not load.
inline std::optional<yousaid::Survey> LoadPupilSurvey() {
    yousaid::SurveyLoadResult loaded = yousaid::SurveyLoader::LoadFromFile("assets/surveys/pupil.json");
    if (!loaded.Ok()) {
        std::fprintf(stderr, "%s\n", loaded.ProblemsText().c_str());
        return std::nullopt;
    }
    return std::move(*loaded.survey);
}

enum class Answering { kRealistic, kEverything };

class ResponseGenerator {
public:
    ResponseGenerator(const yousaid::Survey& survey, std::uint64_t seed, Answering answering = Answering::kRealistic)
        : survey_(survey), random_(seed), everything_(answering == Answering::kEverything) {}

    yousaid::Response Next(std::uint32_t ordinal) {
        yousaid::Response response;
        response.id.high = random_();
        response.id.low = random_();
        response.survey_id = survey_.id;
        response.survey_version = survey_.version;
        response.wave = ordinal % 2 == 0 ? "2024" : "2025";
        response.station_id = "school-tablet-" + std::to_string(Uniform(1, 12));
        response.submitted_at_ms = 1710000000000 + static_cast<std::int64_t>(ordinal) * 61000;
        const int roll = Uniform(1, 100);
        response.status = everything_  ? yousaid::ResponseStatus::kComplete
                          : roll <= 4  ? yousaid::ResponseStatus::kRefused
                          : roll <= 14 ? yousaid::ResponseStatus::kPartial
                                       : yousaid::ResponseStatus::kComplete;
        if (response.status == yousaid::ResponseStatus::kRefused) return response;
        if (everything_) response.language = survey_.languages.front();
        for (const yousaid::Question& question : survey_.questions) {
            if (response.status == yousaid::ResponseStatus::kPartial && Uniform(1, 100) <= 15) continue;
            if (!everything_ && !question.required && Uniform(1, 100) <= 3) {
                response.answers[question.id] = yousaid::Answer::Skipped();
            } else if (std::optional<yousaid::Answer> answer = AnswerTo(question)) {
                response.answers[question.id] = std::move(*answer);
            }
        }
        // Questions whose condition does not hold must not be answered.
        const std::vector<const yousaid::Question*> shown = yousaid::ShownQuestions(survey_, response.answers);
        for (auto entry = response.answers.begin(); entry != response.answers.end();) {
            const bool is_shown = std::any_of(shown.begin(), shown.end(),
                                              [&](const yousaid::Question* question) { return question->id == entry->first; });
            entry = is_shown ? std::next(entry) : response.answers.erase(entry);
        }
        return response;
    }

private:
    int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

    std::vector<std::string> SubstantiveOptions(const yousaid::Question& question) const {
        std::vector<std::string> ids;
        for (const yousaid::Option& option : question.options) {
            if (option.IsSubstantive()) ids.push_back(option.id);
        }
        return ids;
    }

    std::optional<yousaid::Answer> AnswerTo(const yousaid::Question& question) {
        using yousaid::Answer;
        using yousaid::QuestionKind;
        const std::vector<std::string> substantive = SubstantiveOptions(question);
        // Now and then a non-substantive option ("don't know"), where the question has one.
        if (!everything_ && question.options.size() > substantive.size() && Uniform(1, 100) <= 4) {
            for (const yousaid::Option& option : question.options) {
                if (option.IsSubstantive()) continue;
                return question.kind == QuestionKind::kMultipleChoice ? Answer::Choices({option.id})
                                                                     : Answer::Choice(option.id);
            }
        }
        switch (question.kind) {
            case QuestionKind::kSingleChoice:
            case QuestionKind::kScale1To5:
            case QuestionKind::kYesSometimesNo:
                return Answer::Choice(substantive[static_cast<std::size_t>(Uniform(0, static_cast<int>(substantive.size()) - 1))]);
            case QuestionKind::kMultipleChoice: {
                std::set<std::string> chosen;
                const int count = Uniform(1, question.max_choices > 0 ? std::min(question.max_choices, 3) : 3);
                for (int pick = 0; pick < count; ++pick) {
                    chosen.insert(substantive[static_cast<std::size_t>(Uniform(0, static_cast<int>(substantive.size()) - 1))]);
                }
                return Answer::Choices(std::move(chosen));
            }
            case QuestionKind::kRating0To10:
                return Answer::Integer(Uniform(0, 10));
            case QuestionKind::kNumber:
                return Answer::Integer(Uniform(question.min_value, question.max_value));
            case QuestionKind::kBeforeAndNow:
                return Answer::BeforeAndNow(Uniform(0, 10), Uniform(0, 10));
            case QuestionKind::kShortText:
                if (!everything_ && Uniform(1, 100) > 12) return std::nullopt;
                return Answer::Text("more clubs after school, and somewhere quiet at lunch " +
                                    std::to_string(Uniform(1, 999)));
        }
        return std::nullopt;
    }

    const yousaid::Survey& survey_;
    std::mt19937_64 random_;
    bool everything_ = false;
};

}  // namespace bench
