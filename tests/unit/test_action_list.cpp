// "You said, we did": the action list's file, its merge, its KPI and its downloads.
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/actions/action_list.h"
#include "core/actions/action_report.h"
#include "core/analytics/chart_svg.h"
#include "demo_officer_report.h"

using namespace yousaid;

namespace {

// Deterministic "random" bytes, so ids differ per call but tests repeat.
RandomBytesFunction CountingRandom() {
    auto counter = std::make_shared<std::uint8_t>(0);
    return [counter](std::uint8_t* out, std::size_t count) {
        for (std::size_t index = 0; index < count; ++index) out[index] = static_cast<std::uint8_t>(++*counter * 37 + index);
    };
}

ActionItem Item(const std::string& you_said, ActionStatus status = ActionStatus::kPlanned) {
    ActionItem item;
    item.survey_id = "pupil";
    item.you_said = TranslatableText(you_said);
    item.we_will = TranslatableText("We will ask you first");
    item.status = status;
    return item;
}

constexpr std::int64_t kDay = 86400000;
constexpr std::int64_t k2Dec2026 = 20789 * kDay + 14 * 3600000;  // 2026-12-02 14:00 UTC

// A percent-positive finding of the demo report, by its place in the report.
ActionFinding FindingAt(const AnalyticsReport& report, const SatisfactionRow& row) {
    ActionFinding finding;
    finding.kind = FindingKind::kQuestion;
    finding.question = report.satisfaction_question_ids[row.question];
    finding.wave = report.waves[row.wave];
    finding.dimension = report.breakdowns[row.breakdown].dimension;
    finding.group = report.breakdowns[row.breakdown].groups[row.group];
    return finding;
}

}  // namespace

TEST_CASE("The action-list file: round trip, versions, merge, bad input") {
    ActionList list;
    const RandomBytesFunction random = CountingRandom();
    ActionItem first = Item("Fewer than half of you felt listened to in your meetings");
    first.you_said.Set(kPolish, "Mniej niż połowa Państwa czuła się wysłuchana");
    first.finding = {FindingKind::kChange, "listened_to", "", "2025", "school", "larkhill"};
    first.owner = "Participation team";
    first.due = CalendarDate{2027, 3, 31};
    first.evidence = "Minutes of the \"forum\", <b>March</b>";
    first.station_surveys = {"pupil", "parent_carer"};
    const std::string first_id = list.Add(first, random, k2Dec2026);
    const std::string second_id = list.Add(Item("You want the bus later", ActionStatus::kDone), random, k2Dec2026 + 1);
    CHECK(first_id.size() == 32);
    CHECK(first_id != second_id);

    SUBCASE("round trip keeps every field and the order") {
        const Result<ActionList> read = ParseActionListJson(ActionListJson(list), kActionListFileName);
        REQUIRE(read.ok());
        REQUIRE(read.value->Items().size() == 2);
        const ActionItem& back = read.value->Items()[0];
        CHECK(back.SameContent(list.Items()[0]));
        CHECK(back.edited_at_ms == list.Items()[0].edited_at_ms);
        CHECK(back.you_said.In(kPolish) == first.you_said.In(kPolish));
        CHECK(back.finding == first.finding);
        CHECK(back.due->ToIso() == "2027-03-31");
        CHECK(read.value->Items()[1].id == second_id);
        CHECK(read.value->TargetPercent() == kDefaultActionTargetPercent);
        CHECK(ActionListJson(*read.value) == ActionListJson(list));
    }
    SUBCASE("a newer version is refused by name") {
        std::string json = ActionListJson(list);
        json.replace(json.find("\"version\":1"), 11, "\"version\":2");
        const Result<ActionList> read = ParseActionListJson(json, "backup.json");
        CHECK_FALSE(read.ok());
        CHECK(read.Message().find("newer version of Yousaid") != std::string::npos);
        CHECK(read.Message().find("backup.json") != std::string::npos);
    }
    SUBCASE("damaged or wrong files say why, by place, and nothing is read") {
        const auto message = [](const std::string& text) { return ParseActionListJson(text, "backup.json").Message(); };
        CHECK(message("{\"format\": \"yousaid-action-list\", \"version\": 1, \"items\": [").find("not a JSON object") !=
              std::string::npos);
        CHECK(message("{\"format\": \"yousaid-kpi-overrides\", \"version\": 1}").find("format") != std::string::npos);
        std::string json = ActionListJson(list);
        json.replace(json.find("\"status\":\"done\""), 15, "\"status\":\"finished\"");
        const std::string bad_status = message(json);
        CHECK(bad_status.find("items[1].status") != std::string::npos);
        std::string twice = ActionListJson(list);
        twice.replace(twice.find(second_id), 32, first_id);
        CHECK(message(twice).find("items[1].id: is the id of an earlier item too") != std::string::npos);
        std::string bad_date = ActionListJson(list);
        bad_date.replace(bad_date.find("2027-03-31"), 10, "2027-02-31");
        CHECK(message(bad_date).find("items[0].due") != std::string::npos);
    }
    SUBCASE("edit, reorder and the items a station may show") {
        ActionItem edited = *list.Find(second_id);
        const std::int64_t before = edited.edited_at_ms;
        CHECK(list.Edit(edited, k2Dec2026 + 5));  // unchanged: not stamped
        CHECK(list.Find(second_id)->edited_at_ms == before);
        edited.owner = "Transport";
        CHECK(list.Edit(edited, k2Dec2026 + 5));
        CHECK(list.Find(second_id)->edited_at_ms == k2Dec2026 + 5);
        CHECK(list.Move(second_id, -1, k2Dec2026 + 6));
        CHECK(list.Items()[0].id == second_id);
        CHECK_FALSE(list.Move(second_id, -1, k2Dec2026 + 7));
        REQUIRE(list.ForStation("parent_carer").size() == 1);
        CHECK(list.ForStation("parent_carer")[0]->id == first_id);
        CHECK(list.ForStation("youth").empty());
    }
}

TEST_CASE("Merging action lists: the newer edit wins, and edits on both devices are listed as conflicts") {
    ActionList mine;
    const RandomBytesFunction random = CountingRandom();
    const std::string shared_id = mine.Add(Item("Fewer than half of you felt listened to"), random, k2Dec2026);
    const std::string other_id = mine.Add(Item("The toilets are not clean"), random, k2Dec2026);
    ActionList theirs = mine;  // the backup another officer loaded

    SUBCASE("an edit made on one device only is taken without a conflict") {
        ActionItem edited = *theirs.Find(shared_id);
        edited.status = ActionStatus::kDone;
        theirs.Edit(edited, k2Dec2026 + kDay);
        edited.owner = "Forum";
        theirs.Edit(edited, k2Dec2026 + 2 * kDay);  // two edits on their side
        theirs.Add(Item("More clubs after school"), random, k2Dec2026 + kDay);
        const ActionMergeReport report = MergeActionLists(mine, theirs);
        CHECK(report.added == 1);
        CHECK(report.updated == 1);
        CHECK(report.unchanged == 1);
        CHECK(report.conflicts.empty());
        CHECK(mine.Find(shared_id)->status == ActionStatus::kDone);
        CHECK(mine.Items().size() == 3);
        CHECK(MergeActionLists(mine, theirs).Summary() == "0 added, 0 updated, 3 unchanged, 0 conflicts.");
    }
    SUBCASE("both edited: the newer wins and the conflict is listed") {
        ActionItem ours = *mine.Find(shared_id);
        ours.owner = "Participation team";
        mine.Edit(ours, k2Dec2026 + kDay);
        ActionItem other = *theirs.Find(shared_id);
        other.status = ActionStatus::kDropped;
        theirs.Edit(other, k2Dec2026 + 2 * kDay);
        const ActionMergeReport report = MergeActionLists(mine, theirs);
        REQUIRE(report.conflicts.size() == 1);
        CHECK(report.conflicts[0].id == shared_id);
        CHECK(report.conflicts[0].kept_incoming);
        CHECK(report.conflicts[0].you_said == "Fewer than half of you felt listened to");
        CHECK(mine.Find(shared_id)->status == ActionStatus::kDropped);
        CHECK(mine.Find(shared_id)->owner.empty());
        // Loaded again, nothing more changes and no conflict is left.
        CHECK(MergeActionLists(mine, theirs).conflicts.empty());
    }
    SUBCASE("an older file changes nothing held, but a conflict is still named") {
        ActionItem ours = *mine.Find(other_id);
        ours.evidence = "Cleaning rota";
        mine.Edit(ours, k2Dec2026 + 3 * kDay);
        ActionItem other = *theirs.Find(other_id);
        other.evidence = "Asked the caretaker";
        theirs.Edit(other, k2Dec2026 + kDay);
        const ActionMergeReport report = MergeActionLists(mine, theirs);
        REQUIRE(report.conflicts.size() == 1);
        CHECK_FALSE(report.conflicts[0].kept_incoming);
        CHECK(mine.Find(other_id)->evidence == "Cleaning rota");
    }
}

TEST_CASE("The KPI figure and its status") {
    ActionList list;
    const RandomBytesFunction random = CountingRandom();
    list.Add(Item("a", ActionStatus::kDone), random, k2Dec2026);
    list.Add(Item("b"), random, k2Dec2026);
    list.Add(Item("c", ActionStatus::kInProgress), random, k2Dec2026);
    list.Add(Item("d", ActionStatus::kDropped), random, k2Dec2026);
    ActionItem other_survey = Item("e", ActionStatus::kDone);
    other_survey.survey_id = "parent_carer";
    list.Add(other_survey, random, k2Dec2026);

    const ActionProgress progress = ProgressOf(list, "pupil");
    CHECK(progress.all == 4);
    CHECK(progress.Counted() == 3);
    CHECK(progress.done == 1);
    const KpiResult kpi = ActionKpi(list, "pupil");
    REQUIRE(kpi.value);
    CHECK(*kpi.value == doctest::Approx(100.0 / 3.0));
    CHECK(*kpi.definition.target == 60.0);
    CHECK(kpi.base == 3);
    CHECK(kpi.status == KpiStatus::kNotOnTrack);
    CHECK(kpi.definition.statistic == KpiStatistic::kActionsDone);
    CHECK(kpi.measured_on->ToIso() == "2026-12-02");

    // At the target exactly: Met (value >= target, the rule every KPI uses).
    list.SetTargetPercent(100.0 / 3.0);
    CHECK(ActionKpi(list, "pupil").status == KpiStatus::kMet);
    // Nothing counts when all are dropped: Not known, not 0%.
    CHECK_FALSE(ActionKpi(list, "youth").value);
    CHECK(ActionKpi(list, "youth").status == KpiStatus::kNotKnown);

    // In the report's KPI table, beside the KPI file's own rows.
    OfficerReport officer = demo_report::DemoOfficerReport();
    const std::size_t file_kpis = officer.kpis->size();
    AddActionKpi(officer, list);
    REQUIRE(officer.kpis->size() == file_kpis + 1);
    const std::string csv = officer.File("kpis.csv")->bytes;
    CHECK(csv.find("you_said_we_did") != std::string::npos);
    CHECK(csv.find("actions_done") != std::string::npos);
    CHECK(officer.File("summary.json")->bytes.find("\"you_said_we_did\"") != std::string::npos);
    CHECK(officer.File("report.html")->bytes.find("You said, we did") != std::string::npos);
    // A KPI file cannot ask for it: it comes from the list.
    const Result<KpiFile> file = ReadKpiFile("kpi,target,direction,statistic\nmine,60,higher,actions_done\n", "kpis.csv",
                                             officer.survey);
    CHECK(file.Message().find("action list") != std::string::npos);
}

TEST_CASE("The poster writer: well-formed, escaped, with no external reference and no hidden figure") {
    const OfficerReport& officer = demo_report::DemoOfficerReport();
    const AnalyticsReport& report = officer.report;
    const SatisfactionRow* shown = nullptr;
    const SatisfactionRow* hidden = nullptr;
    for (const SatisfactionRow& row : report.satisfaction) {
        if (!shown && row.breakdown == 0 && row.percent && !row.suppressed) shown = &row;
        if (!hidden && row.suppressed) hidden = &row;
    }
    REQUIRE(shown != nullptr);
    REQUIRE(hidden != nullptr);
    CHECK(CheckFindingLinkable(FindingAt(report, *shown), officer).ok());
    const Status refused = CheckFindingLinkable(FindingAt(report, *hidden), officer);
    CHECK_FALSE(refused.ok());
    CHECK(refused.Message().find("hidden") != std::string::npos);

    ActionList list;
    const RandomBytesFunction random = CountingRandom();
    ActionItem planned = Item("You said <script>alert(1)</script> & \"more\"");
    planned.finding = FindingAt(report, *shown);
    planned.due = CalendarDate{2027, 3, 31};
    list.Add(planned, random, k2Dec2026);
    ActionItem done = Item("The bus comes too early", ActionStatus::kDone);
    done.we_did = TranslatableText("We moved the bus to 8:40");
    done.finding = FindingAt(report, *hidden);  // became hidden after it was linked
    list.Add(done, random, k2Dec2026 + 1);
    list.Add(Item("Dropped idea", ActionStatus::kDropped), random, k2Dec2026 + 2);

    for (const PosterSize size : {PosterSize::kA4, PosterSize::kA3}) {
        const std::string html = PosterHtml(list, officer, size, kEnglish);
        CAPTURE(html);
        CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
        CHECK(html.find("</html>") != std::string::npos);
        CHECK(html.find(size == PosterSize::kA4 ? "size:A4" : "size:A3") != std::string::npos);
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;") != std::string::npos);
        for (const char* external : {"http:", "https:", "src=", "href=", "url(", "@import", "//"}) {
            CHECK_MESSAGE(html.find(external) == std::string::npos, external);
        }
        // Done first; the dropped item is left out; the survey and the date are there.
        CHECK(html.find("We moved the bus") < html.find("&lt;script&gt;"));
        CHECK(html.find("Dropped idea") == std::string::npos);
        CHECK(html.find(officer.survey.title.English()) != std::string::npos);
        CHECK(html.find("Updated 2 December 2026") != std::string::npos);
        CHECK(html.find("By 31 March 2027") != std::string::npos);
        // The published figure is quoted; the hidden one is not, nor its label.
        CHECK(html.find(MarkupEscaped(*QuoteFinding(planned.finding, officer))) != std::string::npos);
        CHECK(html.find("hidden") == std::string::npos);
        // Every tag opened is closed.
        for (const char* tag : {"section", "p", "span", "h1", "footer", "style"}) {
            std::size_t opened = 0;
            std::size_t closed = 0;
            for (std::size_t at = html.find(std::string("<") + tag); at != std::string::npos;
                 at = html.find(std::string("<") + tag, at + 1)) {
                const char next = html[at + 1 + std::string(tag).size()];
                opened += next == '>' || next == ' ';
            }
            for (std::size_t at = html.find(std::string("</") + tag + ">"); at != std::string::npos;
                 at = html.find(std::string("</") + tag + ">", at + 1)) {
                ++closed;
            }
            CHECK_MESSAGE(opened == closed, tag);
        }
    }
    CHECK_FALSE(QuoteFinding(done.finding, officer));

    const std::string csv = ActionsCsv(list, officer);
    CHECK(csv.rfind("\xEF\xBB\xBFid,order,survey,status", 0) == 0);
    CHECK(csv.find("\r\n") != std::string::npos);
    CHECK(ActionFileNames(list, officer) ==
          std::vector<std::string>{"actions.csv", "you_said_we_did_A4.html", "you_said_we_did_A3.html"});
    // A formula typed into a field is made harmless.
    ActionItem formula = Item("=HYPERLINK(\"x\")");
    list.Add(formula, random, k2Dec2026 + 3);
    CHECK(ActionsCsv(list, officer).find("'=HYPERLINK") != std::string::npos);
}
