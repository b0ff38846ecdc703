#pragma once
// The officer's themes on comments (free-text answers): "bullying", "school food", several
// per comment, named by the officer and kept on the device beside the officer store
// (themes.json). A comment is known by its response id and question id, never by its row,
// so tags survive the store being cleared and the files imported again, and the report CLI
// (`--themes FILE`) counts them against the same responses.
//
// The file holds no comment text: only ids and theme names. The theme table counted from it
// (tabulate.h, CommentThemeRow) goes through the same suppression as every other table.
//
// Usage:
//   Result<ThemeTags> read = ParseThemeTagsJson(bytes, "themes.json");
//   read.value->Add({"pupil", id, "what_would_help"}, "School food");
//   CommentThemeInput input = CommentThemesFor(*read.value, encoded, row_ids);
//   TabulateReport(encoded, options, population, &input);
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/encoded_responses.h"
#include "core/analytics/tabulate.h"
#include "core/base/problem.h"
#include "core/responses/response.h"

namespace yousaid {

inline constexpr int kThemeTagsFormatVersion = 1;
inline constexpr const char* kThemeTagsFileName = "themes.json";
// Long enough for "Not enough to do after school", short enough to fit a table's column.
inline constexpr std::size_t kMaxThemeNameCodePoints = 60;

// One comment: the answer of one response to one free-text question of one survey.
struct CommentKey {
    std::string survey_id;
    ResponseId response;
    std::string question;
};

struct CommentTags {
    CommentKey comment;
    std::vector<std::string> themes;  // in the order they were added
};

class ThemeTags {
public:
    // Every theme the officer has named, in the order named: a theme stays on offer after its
    // last comment loses it.
    const std::vector<std::string>& Themes() const { return themes_; }
    const std::vector<CommentTags>& Tags() const { return tags_; }
    // The comment's themes; empty when it has none.
    const std::vector<std::string>& ThemesOf(const CommentKey& comment) const;

    // Tags a comment. The name is trimmed; a name matching a theme already named (ignoring
    // case) is that theme. A problem for an empty name or one over kMaxThemeNameCodePoints.
    Status Add(const CommentKey& comment, std::string_view theme);
    // Takes a theme off a comment; false when it did not have it.
    bool Remove(const CommentKey& comment, std::string_view theme);
    // Adds a theme to the list on offer (as Add names it), tagging nothing.
    Status Name(std::string_view theme);

private:
    friend Result<ThemeTags> ParseThemeTagsJson(std::string_view text, const std::string& file_name);
    // The theme's name as first given, or why `theme` cannot be a name.
    Result<std::string> Canonical(std::string_view theme);
    CommentTags* Find(const CommentKey& comment);

    std::vector<std::string> themes_;
    std::vector<CommentTags> tags_;
};

// {"format": "yousaid-comment-themes", "version": 1, "themes": [name, ...],
//  "tags": [{"survey", "response", "question", "themes": [name, ...]}]}
std::string ThemeTagsJson(const ThemeTags& tags);
// Every problem named by its place in the file; a newer version is refused by name.
Result<ThemeTags> ParseThemeTagsJson(std::string_view text, const std::string& file_name);

// The tags as the tabulation counts them: for each tagged comment that is a text answer in
// `responses` (row_ids[row] is each row's response id), a (row, item) pair per theme. Items
// are the (question, theme) pairs used, by question in survey order, then theme.
CommentThemeInput CommentThemesFor(const ThemeTags& tags, const EncodedResponses& responses,
                                   const std::vector<ResponseId>& row_ids);

// Whether a respondent's answer to a question is a comment (a text answer, not a skip).
bool IsCommentAnswer(const EncodedResponses& responses, std::size_t row, std::size_t question_index);

}  // namespace yousaid
