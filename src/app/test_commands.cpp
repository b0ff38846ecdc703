// Requests a browser test makes through the test hook (Module.yousaidAccessible.test), on a
// test page only: they put the app where a test needs it faster than a person could.
#include "app/app.h"
#include "core/io/json_document.h"

namespace yousaid::app {

namespace {

bool BoolMember(const rapidjson::Document& command, const char* key) {
    return command.HasMember(key) && command[key].IsBool() && command[key].GetBool();
}

std::string StringMember(const rapidjson::Document& command, const char* key) {
    return command.HasMember(key) && command[key].IsString() ? command[key].GetString() : std::string();
}

ui::TextSize TextSizeMember(const rapidjson::Document& command) {
    const int size = command.HasMember("textSize") && command["textSize"].IsInt() ? command["textSize"].GetInt() : 0;
    if (size >= 2) return ui::TextSize::kExtraLarge;
    return size == 1 ? ui::TextSize::kLarge : ui::TextSize::kStandard;
}

}  // namespace

void App::RunTestCommand(const std::string& name, const std::string& json) {
    if (!test_mode_ || name != "show_question") return;
    rapidjson::Document command;
    ParseJson(command, json);
    if (command.HasParseError() || !command.IsObject()) return;
    const std::string survey_id = StringMember(command, "survey");
    if (surveys_.count(survey_id) == 0) return;
    // A fresh respondent on that survey, as if they had started and agreed, at the question.
    survey_from_address_ = survey_id;
    StartNewSession();
    session_->Begin(NowMs());
    session_->AgreeToTakePart();
    const std::string language = StringMember(command, "language");
    if (!language.empty()) session_->SetLanguage(language);
    session_->OpenQuestion(StringMember(command, "question"));
    display_.text_size = TextSizeMember(command);
    display_.high_contrast = BoolMember(command, "highContrast");
    display_.dyslexia_font = BoolMember(command, "dyslexiaFont");
    last_input_ms_ = NowMs();
}

}  // namespace yousaid::app
