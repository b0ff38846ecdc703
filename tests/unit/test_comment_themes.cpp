// Comments and themes (issue #17): the officer's theme tags file, reading the comments the
// officer store holds, and the theme table, which goes through the same suppression as
// every other table and never carries a comment's text into a download.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analytics_test_support.h"
#include "core/analytics/comment_themes.h"
#include "core/analytics/encoded_responses_builder.h"
#include "core/analytics/report_html.h"
#include "core/analytics/report_request.h"
#include "core/officer/comment_query.h"
#include "core/officer/officer_import.h"
#include "core/officer/officer_store.h"
#include "core/responses/transfer_file.h"
#include "response_fixtures.h"

using namespace yousaid;

namespace {

CommentKey KeyFor(std::uint64_t low, const std::string& question = "comments") {
    ResponseId id;
    id.low = low;
    return CommentKey{"test_survey", id, question};
}

// A school's comments, each tagged with `themes`.
struct SchoolComments {
    const char* school;
    int count;
    std::vector<std::string> themes;
};

constexpr const char* kSecretWords = "Mr Blogs in room 4";

// One wave of responses to the analytics test survey, each with a comment naming someone.
struct TaggedReport {
    EncodedResponses encoded;
    std::vector<ResponseId> row_ids;
    ThemeTags tags;
};

TaggedReport MakeTaggedReport(const std::vector<SchoolComments>& schools) {
    const Survey survey = analytics_test::TestSurvey();
    analytics_test::ResponseList responses(survey);
    ThemeTags tags;
    for (const SchoolComments& school : schools) {
        for (int index = 0; index < school.count; ++index) {
            const Response& added = responses.Add("2025", ResponseStatus::kComplete,
                                                  {{"school", Answer::Choice(school.school)},
                                                   {"comments", Answer::Text(std::string(kSecretWords) + " " +
                                                                             std::to_string(index))}});
            for (const std::string& theme : school.themes) {
                REQUIRE(tags.Add(CommentKey{survey.id, added.id, "comments"}, theme).ok());
            }
        }
    }
    EncodedResponsesBuilder builder(survey);
    for (const Response& response : responses.All()) REQUIRE(!builder.Offer(response).problem);
    std::vector<ResponseId> row_ids = builder.RowIds();
    return TaggedReport{builder.TakeEncoded(), std::move(row_ids), std::move(tags)};
}

OfficerReport ProduceWithThemes(const TaggedReport& tagged, std::vector<std::string> breakdowns) {
    const CommentThemeInput input = CommentThemesFor(tagged.tags, tagged.encoded, tagged.row_ids);
    ReportSettings settings;
    settings.breakdowns = std::move(breakdowns);
    Result<OfficerReport> produced = ProduceOfficerReport(tagged.encoded, settings, nullptr, nullptr, &input);
    REQUIRE(produced.ok());
    return std::move(*produced.value);
}

const CommentThemeRow& ThemeRowFor(const AnalyticsReport& report, const std::string& dimension,
                                   const std::string& group, const std::string& theme) {
    const auto breakdown = report.FindBreakdown(dimension);
    REQUIRE(breakdown);
    const auto found_group = report.FindGroup(*breakdown, group);
    REQUIRE(found_group);
    const auto row = std::find_if(report.comment_themes.begin(), report.comment_themes.end(),
                                  [&](const CommentThemeRow& candidate) {
                                      return candidate.breakdown == *breakdown && candidate.group == *found_group &&
                                             report.comment_theme_items[candidate.item].theme == theme;
                                  });
    REQUIRE(row != report.comment_themes.end());
    return *row;
}

std::string FileNamed(const OfficerReport& report, const std::string& name) {
    const std::optional<ReportFile> file = report.File(name);
    REQUIRE(file);
    return file->bytes;
}

}  // namespace

TEST_CASE("comment themes: the tags file round-trips, names matched ignoring case") {
    ThemeTags tags;
    REQUIRE(tags.Add(KeyFor(1), "  School food ").ok());
    REQUIRE(tags.Add(KeyFor(1), "Bullying").ok());
    REQUIRE(tags.Add(KeyFor(2), "school FOOD").ok());  // the theme already named
    REQUIRE(tags.Name("Buses \"late\", \xC3\xA9t\xC3\xA9").ok());
    CHECK(tags.Themes() == std::vector<std::string>{"School food", "Bullying", "Buses \"late\", \xC3\xA9t\xC3\xA9"});
    CHECK(tags.ThemesOf(KeyFor(2)) == std::vector<std::string>{"School food"});
    CHECK_FALSE(tags.Add(KeyFor(3), "   ").ok());
    CHECK_FALSE(tags.Add(KeyFor(3), std::string(kMaxThemeNameCodePoints + 1, 'x')).ok());

    const std::string json = ThemeTagsJson(tags);
    Result<ThemeTags> read = ParseThemeTagsJson(json, kThemeTagsFileName);
    REQUIRE(read.ok());
    CHECK(read.value->Themes() == tags.Themes());
    CHECK(read.value->ThemesOf(KeyFor(1)) == std::vector<std::string>{"School food", "Bullying"});
    CHECK(ThemeTagsJson(*read.value) == json);

    // Removing a comment's last theme forgets the comment, and keeps the theme on offer.
    CHECK(read.value->Remove(KeyFor(2), "SCHOOL FOOD"));
    CHECK_FALSE(read.value->Remove(KeyFor(2), "School food"));
    CHECK(read.value->ThemesOf(KeyFor(2)).empty());
    CHECK(read.value->Tags().size() == 1);
    CHECK(read.value->Themes().size() == 3);
}

TEST_CASE("comment themes: a newer or damaged tags file is refused by name and place") {
    const Result<ThemeTags> newer =
        ParseThemeTagsJson(R"({"format": "yousaid-comment-themes", "version": 2, "themes": [], "tags": []})", "themes.json");
    REQUIRE_FALSE(newer.ok());
    CHECK(newer.problems.front().file == "themes.json");
    CHECK(newer.problems.front().message.find("newer version") != std::string::npos);

    const Result<ThemeTags> other = ParseThemeTagsJson(R"({"format": "yousaid-kpi-overrides", "version": 1})", "themes.json");
    REQUIRE_FALSE(other.ok());
    CHECK(other.problems.front().path == "format");

    CHECK_FALSE(ParseThemeTagsJson("{\"format\": \"yousaid-comment-th", "themes.json").ok());

    const Result<ThemeTags> bad_tag = ParseThemeTagsJson(
        R"({"format": "yousaid-comment-themes", "version": 1, "themes": ["Food"],
            "tags": [{"survey": "s", "response": "not-an-id", "question": "q", "themes": ["Food"]},
                     {"survey": "s", "response": "000000000000000000000000000000ab", "question": "q", "themes": [3]}]})",
        "themes.json");
    REQUIRE_FALSE(bad_tag.ok());
    REQUIRE(bad_tag.problems.size() == 2);
    CHECK(bad_tag.problems[0].path == "tags[0].response");
    CHECK(bad_tag.problems[1].path == "tags[1].themes[0]");
}

TEST_CASE("comment themes: the theme table under suppression") {
    // Ash 12 and Cedar 20 comments on food; Beech 3, hidden by the minimum cell of 10, so Ash,
    // the next smallest, is hidden too or Beech would be everyone less Ash and Cedar.
    const TaggedReport tagged = MakeTaggedReport({{"ash", 12, {"Food"}},
                                                  {"beech", 3, {"Food", "Bullying"}},
                                                  {"cedar", 20, {"Food"}}});
    const OfficerReport officer = ProduceWithThemes(tagged, {"school"});
    const AnalyticsReport& report = officer.report;
    REQUIRE(report.has_comment_themes);
    REQUIRE(report.comment_theme_items.size() == 2);
    CHECK(report.comment_theme_items[0].theme == "Bullying");  // by theme within the question
    CHECK(report.comment_theme_items[1].question == "comments");

    CHECK(ThemeRowFor(report, "all", "all", "Food").comments == 35);
    CHECK_FALSE(ThemeRowFor(report, "all", "all", "Food").suppressed);
    CHECK(ThemeRowFor(report, "school", "cedar", "Food").comments == 20);
    CHECK_FALSE(ThemeRowFor(report, "school", "cedar", "Food").suppressed);
    const CommentThemeRow& beech = ThemeRowFor(report, "school", "beech", "Food");
    CHECK(beech.suppressed);
    CHECK(beech.comments == 0);  // cleared, so nothing downstream can show it
    CHECK(ThemeRowFor(report, "school", "ash", "Food").suppressed);
    CHECK(report.comment_themes_hidden.primary >= 1);
    CHECK(report.comment_themes_hidden.secondary >= 1);
    // Bullying: 3 in all, 3 in Beech: both hidden.
    CHECK(ThemeRowFor(report, "all", "all", "Bullying").suppressed);
    CHECK(ThemeRowFor(report, "school", "beech", "Bullying").suppressed);

    const std::string csv = FileNamed(officer, "comment_themes.csv");
    CHECK(csv.rfind("\xEF\xBB\xBFwave,dimension,group,question,theme,comments,suppressed\r\n", 0) == 0);
    CHECK(csv.find("2025,all,all,comments,Food,35,0\r\n") != std::string::npos);
    CHECK(csv.find("2025,school,beech,comments,Food,,1\r\n") != std::string::npos);
    const std::string summary = FileNamed(officer, "summary.json");
    CHECK(summary.find("\"comment_themes\":[") != std::string::npos);
    CHECK(summary.find("\"comment_themes\":{\"primary\":") != std::string::npos);
    const std::string html = FileNamed(officer, "report.html");
    CHECK(html.find("<h3>Comment themes</h3>") != std::string::npos);

    // No comment's text, nor any part of it, is in any download.
    for (const ReportFile& file : officer.Files()) {
        INFO(file.name);
        CHECK(file.bytes.find("Blogs") == std::string::npos);
    }
}

TEST_CASE("comment themes: without a tags file the report's files are exactly as before") {
    const TaggedReport tagged = MakeTaggedReport({{"ash", 12, {"Food"}}});
    ReportSettings settings;
    Result<OfficerReport> plain = ProduceOfficerReport(tagged.encoded, settings, nullptr, nullptr);
    REQUIRE(plain.ok());
    CHECK_FALSE(plain.value->report.has_comment_themes);
    const std::vector<std::string> names = plain.value->FileNames();
    CHECK(std::find(names.begin(), names.end(), "comment_themes.csv") == names.end());
    CHECK(FileNamed(*plain.value, "summary.json").find("comment_themes") == std::string::npos);
    // Tags on a comment the responses do not have, or on a skipped question, count nothing.
    ThemeTags stray;
    REQUIRE(stray.Add(KeyFor(999999), "Food").ok());
    CHECK(CommentThemesFor(stray, tagged.encoded, tagged.row_ids).tags.empty());
}

TEST_CASE("comment themes: comments are found by question, search, wave, station and event, newest first") {
    response_fixtures::ScratchDirectory scratch;
    const std::vector<Response> responses = response_fixtures::MakeResponses(0, 40);
    OfficerStore store({response_fixtures::TestSurvey()});
    REQUIRE(store.Open(scratch.File("officer")).ok);
    TransferExportSettings export_settings;
    export_settings.station_id = "tablet-1";
    export_settings.exported_at_ms = 1767225600000;
    REQUIRE(ImportIntoOfficerStore(store, WriteTransferFile(export_settings, responses), "t.yousaid",
                                   {response_fixtures::TestSurvey()}, 1767312000000)
                .added == responses.size());
    const HeldSurvey* held = store.Find("transfer_test", 2);
    REQUIRE(held != nullptr);
    REQUIRE(held->ids.size() == responses.size());
    const Survey& survey = held->encoded.survey();
    const std::vector<std::size_t> questions = CommentQuestions(survey);
    REQUIRE(questions.size() == 1);
    CHECK(survey.questions[questions[0]].id == "better");

    // The expected comments, worked out from the responses themselves.
    const auto expected = [&](const CommentFilter& filter) {
        std::vector<const Response*> matching;
        for (const Response& response : responses) {
            const auto answer = response.answers.find("better");
            if (answer == response.answers.end() || answer->second.kind != AnswerKind::kText) continue;
            if (!filter.wave.empty() && response.wave != filter.wave) continue;
            if (!filter.station.empty() && response.station_id != filter.station) continue;
            if (!filter.event.empty() && response.event_id != (filter.event == kNoValueGroup ? "" : filter.event)) continue;
            if (!ContainsIgnoringCase(answer->second.text, filter.search)) continue;
            matching.push_back(&response);
        }
        std::sort(matching.begin(), matching.end(),
                  [](const Response* a, const Response* b) { return a->submitted_at_ms > b->submitted_at_ms; });
        return matching;
    };
    const auto check = [&](const CommentFilter& filter) {
        const std::vector<FoundComment> found = FindComments(*held, filter);
        const std::vector<const Response*> wanted = expected(filter);
        REQUIRE(found.size() == wanted.size());
        for (std::size_t index = 0; index < found.size(); ++index) {
            CHECK(found[index].response == wanted[index]->id);
            CHECK(held->texts[found[index].text_index].text == wanted[index]->answers.at("better").text);
            CHECK(found[index].station == wanted[index]->station_id);
        }
        return found.size();
    };
    CommentFilter filter;
    filter.question_index = questions[0];
    const std::size_t all = check(filter);
    CHECK(all > 4);
    filter.search = "THANKS 1";
    CHECK(check(filter) > 0);
    CHECK(check(filter) < all);
    filter.search.clear();
    filter.station = "tablet-1";
    CHECK(check(filter) > 0);
    filter.station.clear();
    filter.event = "local-offer-fayre";
    const std::size_t at_the_fayre = check(filter);
    CHECK(at_the_fayre > 0);
    filter.event = kNoValueGroup;  // responses not taken at an event
    CHECK(check(filter) == all - at_the_fayre);
    filter.event.clear();
    filter.wave = "2025";
    check(filter);
    filter.wave = "no such wave";
    CHECK(check(filter) == 0);
}
