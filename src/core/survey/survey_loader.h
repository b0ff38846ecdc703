#pragma once
// Reads and checks a survey file (format: docs/survey-format.md). A survey designer edits
// these files by hand, so the loader lists every problem it finds, each with the file name
// and the JSON path, and returns a Survey only when there is none: never half a survey.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/survey/survey.h"

#include "core/base/problem.h"

namespace yousaid {

struct SurveyLoadResult {
    std::optional<Survey> survey;  // set exactly when `problems` is empty
    std::vector<Problem> problems;

    bool Ok() const { return survey.has_value(); }
    // Every problem on its own line, for logs and the officer's error screen.
    std::string ProblemsText() const;
};

class SurveyLoader {
public:
    // `file_name` only labels the problems. Never throws: a malformed or hostile file
    // comes back as problems.
    static SurveyLoadResult LoadFromText(std::string_view json_text, const std::string& file_name) noexcept;
    static SurveyLoadResult LoadFromFile(const std::string& path) noexcept;
};

// Texts that have no translation into `language` (they fall back to English at run time),
// described as e.g. "question 'school': option 'other'". Empty when the translation is
// complete; used to check shipped translations and to warn survey designers.
std::vector<std::string> FindMissingTranslations(const Survey& survey, const std::string& language);

}  // namespace yousaid
