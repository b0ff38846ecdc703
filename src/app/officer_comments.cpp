// The officer workspace's comments and themes: the comments listed for the Comments view,
// and the officer's theme tags, kept on the device in themes.json beside the store.
#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <utility>

#include "app/officer_workspace.h"
#include "core/base/file_io.h"
#include "core/officer/comment_query.h"
#include "core/responses/response_set.h"
#include "core/station/settings_file.h"
#include "platform/file_exchange.h"

namespace yousaid::app {

namespace {

// A themes file is a few hundred kilobytes at most (ids and names); anything near this is not one.
constexpr std::uint64_t kMaxThemesFileBytes = 64u * 1024u * 1024u;

std::string WhenSubmitted(std::int64_t ms) {
    if (ms <= 0) return "time not recorded";
    return platform::LocalDate(ms) + " " + platform::LocalTimeOfDay(ms);
}

// The values a field takes in the held responses, in natural order, to filter by.
std::vector<std::string> ValuesOf(const EncodedResponses& encoded, ResponseField field) {
    std::vector<std::string> values = encoded.FieldValues(field);
    std::sort(values.begin(), values.end(), NaturalLess);
    return values;
}

}  // namespace

std::string OfficerWorkspace::ThemesPath() const { return paths_.store + "/" + kThemeTagsFileName; }

// A file that cannot be read is named, kept as it is, and nothing is tagged until it can be:
// tags written over it would lose every tag it holds.
void OfficerWorkspace::LoadThemes() {
    themes_ = ThemeTags{};
    themes_readable_ = true;
    theme_problems_.clear();
    comments_stale_ = true;
    if (!std::filesystem::exists(ThemesPath())) return;
    FileReadResult file = ReadWholeFile(ThemesPath(), kMaxThemesFileBytes);
    Result<ThemeTags> read = file.outcome == FileReadOutcome::kRead
                                 ? ParseThemeTagsJson(file.bytes, kThemeTagsFileName)
                                 : Result<ThemeTags>::Failure(Problem::Saying(file.error));
    if (!read.ok()) {
        themes_readable_ = false;
        theme_problems_ = read.problems;
        for (Problem& problem : theme_problems_) problem.file = kThemeTagsFileName;
        theme_problems_.push_back(Problem::Saying("The themes file is kept as it is, and comments cannot be given "
                                                  "themes until it can be read."));
        return;
    }
    themes_ = std::move(*read.value);
}

void OfficerWorkspace::SaveThemes() {
    const Status saved = ReplaceSettingsFile(ThemesPath(), ThemeTagsJson(themes_));
    if (!saved.ok()) {
        theme_problems_ = {Problem::Saying("The themes were not kept on this device: " + saved.Message())};
    } else {
        theme_problems_.clear();
        services_.sync();
    }
    comments_stale_ = true;
    ++inputs_generation_;  // the theme table changes
}

void OfficerWorkspace::SetCommentFilter(const ui::CommentChoices& choices) {
    comment_choices_ = choices;
    comments_stale_ = true;
}

void OfficerWorkspace::AddCommentTheme(std::size_t comment, const std::string& theme) {
    if (!themes_readable_ || comment >= comment_keys_.size()) return;
    const Status added = themes_.Add(comment_keys_[comment], theme);
    if (!added.ok()) {
        theme_problems_ = added.problems;
        comments_stale_ = true;
        return;
    }
    SaveThemes();
}

void OfficerWorkspace::RemoveCommentTheme(std::size_t comment, const std::string& theme) {
    if (!themes_readable_ || comment >= comment_keys_.size()) return;
    if (themes_.Remove(comment_keys_[comment], theme)) SaveThemes();
}

std::optional<CommentThemeInput> OfficerWorkspace::ThemeInput() const {
    const Survey* survey = CurrentSurvey();
    if (!themes_readable_ || themes_.Themes().empty() || survey == nullptr || !store_) return std::nullopt;
    const HeldSurvey* held = store_->Find(survey->id, survey->version);
    if (held == nullptr) return std::nullopt;
    return CommentThemesFor(themes_, held->encoded, held->ids);
}

bool OfficerWorkspace::RefreshComments() {
    if (!store_) return false;
    if (!comments_stale_ && comments_store_generation_ == store_->Generation() &&
        comments_survey_id_ == choices_.survey_id) {
        return false;
    }
    comments_stale_ = false;
    comments_store_generation_ = store_->Generation();
    if (comments_survey_id_ != choices_.survey_id) comment_choices_ = {};
    comments_survey_id_ = choices_.survey_id;
    comments_ = {};
    comment_keys_.clear();
    comments_.themes = themes_.Themes();
    comments_.can_tag = themes_readable_;
    comments_.problems = theme_problems_;
    const Survey* survey = CurrentSurvey();
    const HeldSurvey* held = survey == nullptr ? nullptr : store_->Find(survey->id, survey->version);
    if (held == nullptr) return true;
    const std::vector<std::size_t> questions = CommentQuestions(*survey);
    for (const std::size_t question : questions) {
        comments_.questions.emplace_back(survey->questions[question].id, survey->questions[question].text.English());
    }
    if (questions.empty()) return true;
    yousaid::CommentFilter filter;
    filter.question_index = questions.front();
    if (const std::optional<std::size_t> chosen = survey->QuestionIndex(comment_choices_.question)) {
        if (survey->questions[*chosen].kind == QuestionKind::kShortText) filter.question_index = *chosen;
    }
    comments_.question = survey->questions[filter.question_index].id;
    filter.search = comment_choices_.search;
    filter.wave = comment_choices_.wave;
    filter.station = comment_choices_.station;
    filter.event = comment_choices_.event;
    comments_.waves = ValuesOf(held->encoded, ResponseField::kWave);
    comments_.stations = ValuesOf(held->encoded, ResponseField::kStation);
    comments_.events = ValuesOf(held->encoded, ResponseField::kEvent);
    // The question's tags by response, looked up once per comment (not a search of every tag).
    std::unordered_map<ResponseId, const std::vector<std::string>*, ResponseIdHash> tagged;
    for (const CommentTags& tags : themes_.Tags()) {
        if (tags.comment.survey_id == survey->id && tags.comment.question == comments_.question) {
            tagged.emplace(tags.comment.response, &tags.themes);
        }
    }
    for (const FoundComment& found : FindComments(*held, filter)) {
        const CommentKey key{survey->id, found.response, comments_.question};
        const auto themes = tagged.find(found.response);
        comments_.comments.push_back({held->texts[found.text_index].text,
                                      "Wave " + found.wave + ", " + (found.station.empty() ? "no station" : found.station) +
                                          (found.event.empty() ? "" : " at " + found.event) + ", " +
                                          WhenSubmitted(found.submitted_at_ms),
                                      themes == tagged.end() ? std::vector<std::string>{} : *themes->second});
        comment_keys_.push_back(key);
    }
    return true;
}

}  // namespace yousaid::app
