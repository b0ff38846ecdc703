// libFuzzer target for SurveyLoader::LoadFromText. No input may crash it; a refusal must
// say why; an accepted survey must be usable: it survives cereal's portable binary round
// trip (through the checked reader), its questions can be walked, and a response answering
// each question with its first option or lowest value is judged without crashing and, when
// valid, survives the CSV and transfer-file round trips.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/responses/answer_checking.h"
#include "core/io/checked_portable_binary.h"
#include "core/responses/response_csv.h"
#include "core/survey/survey_loader.h"
#include "core/responses/transfer_file.h"

namespace {

void Require(bool condition) {
    if (!condition) std::abort();
}

yousaid::Answer FirstAnswer(const yousaid::Question& question) {
    using yousaid::Answer;
    using yousaid::QuestionKind;
    switch (question.kind) {
        case QuestionKind::kSingleChoice:
        case QuestionKind::kScale1To5:
        case QuestionKind::kYesSometimesNo:
            return question.options.empty() ? Answer::Skipped() : Answer::Choice(question.options.front().id);
        case QuestionKind::kMultipleChoice:
            return question.options.empty() ? Answer::Skipped() : Answer::Choices({question.options.front().id});
        case QuestionKind::kRating0To10:
        case QuestionKind::kNumber:
            return Answer::Integer(question.min_value);
        case QuestionKind::kShortText:
            return Answer::Text("=ok, \"fine\"\n");
        case QuestionKind::kBeforeAndNow:
            return Answer::BeforeAndNow(question.min_value, question.max_value);
    }
    return Answer::Skipped();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const yousaid::SurveyLoadResult result = yousaid::SurveyLoader::LoadFromText(input, "fuzz.json");
    if (!result.Ok()) {
        Require(!result.problems.empty());
        for (const yousaid::Problem& problem : result.problems) Require(!problem.message.empty());
        return 0;
    }
    Require(result.problems.empty());
    const yousaid::Survey& survey = *result.survey;

    yousaid::Survey copy;
    yousaid::LoadPortableBinary(yousaid::SavePortableBinary(survey), copy);
    Require(copy == survey);
    for (const std::string& language : survey.languages) (void)yousaid::FindMissingTranslations(survey, language);

    yousaid::Response response;
    response.id = yousaid::ResponseId{0x0123456789ABCDEFull, 0xFEDCBA9876543210ull};
    response.survey_id = survey.id;
    response.survey_version = survey.version;
    response.wave = "2026";
    response.status = yousaid::ResponseStatus::kPartial;
    // Answer whatever is shown, one question at a time, as a respondent would.
    for (const yousaid::Question* question : yousaid::ShownQuestions(survey, response.answers)) {
        const yousaid::Answer answer = FirstAnswer(*question);
        if (!yousaid::CheckAnswer(*question, answer)) response.answers[question->id] = answer;
    }
    for (const yousaid::Question* question : yousaid::ShownQuestions(survey, response.answers)) {
        (void)yousaid::IsQuestionShown(survey, question->id, response.answers);
    }
    if (!yousaid::CheckResponse(survey, response).empty()) return 0;

    const yousaid::ResponseCsvReadResult csv =
        yousaid::ReadResponsesCsv(yousaid::WriteResponsesCsv(survey, {response}), survey);
    Require(csv.ok && csv.responses.size() == 1 && csv.responses.front() == response);
    const yousaid::TransferReadResult transfer =
        yousaid::ReadTransferFile(yousaid::WriteTransferFile({}, {response}), "fuzz.yousaid");
    Require(transfer.ok() && transfer.responses.size() == 1 && transfer.responses.front() == response);
    const yousaid::TransferReadResult json =
        yousaid::ReadResponsesJson(yousaid::WriteResponsesJson({}, {response}), "fuzz.json");
    Require(json.ok() && json.responses.size() == 1 && json.responses.front() == response);
    return 0;
}
