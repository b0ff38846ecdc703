// The action list's downloads: actions.csv and the "You said, we did" posters
// (action_report.h).
#include <algorithm>

#include "core/actions/action_report.h"
#include "core/actions/action_words.h"
#include "core/analytics/chart_svg.h"  // MarkupEscaped
#include "core/io/csv.h"

namespace yousaid {

namespace {

std::string TextIn(const TranslatableText& text, const std::string& language) {
    return text.Has(language) ? text.In(language) : std::string();
}

std::string JoinedIds(const std::vector<std::string>& ids) {
    std::string joined;
    for (const std::string& id : ids) joined += (joined.empty() ? "" : " ") + id;
    return joined;
}

}  // namespace

std::string ActionsCsv(const ActionList& list, const OfficerReport& officer) {
    CsvWriter csv;
    csv.WriteTextRow({"id", "order", "survey", "status", "you_said_en", "you_said_pl", "we_will_en", "we_will_pl",
                      "we_did_en", "we_did_pl", "owner", "due", "evidence", "finding", "question", "theme", "wave",
                      "dimension", "group", "figure", "station_surveys", "edited_at"});
    std::int64_t position = 0;
    for (const ActionItem* item : list.ForSurvey(officer.report.survey_id)) {
        const ActionFinding& finding = item->finding;
        csv.WriteRow({CsvCell::Text(item->id), CsvCell::Integer(++position), CsvCell::Text(item->survey_id),
                      CsvCell::Text(ActionStatusName(item->status)), CsvCell::Text(TextIn(item->you_said, kEnglish)),
                      CsvCell::Text(TextIn(item->you_said, kPolish)), CsvCell::Text(TextIn(item->we_will, kEnglish)),
                      CsvCell::Text(TextIn(item->we_will, kPolish)), CsvCell::Text(TextIn(item->we_did, kEnglish)),
                      CsvCell::Text(TextIn(item->we_did, kPolish)), CsvCell::Text(item->owner),
                      CsvCell::Text(item->due ? item->due->ToIso() : std::string()), CsvCell::Text(item->evidence),
                      CsvCell::Text(FindingKindName(finding.kind)), CsvCell::Text(finding.question),
                      CsvCell::Text(finding.theme), CsvCell::Text(finding.wave),
                      CsvCell::Text(finding.kind == FindingKind::kNone ? "" : finding.dimension),
                      CsvCell::Text(finding.kind == FindingKind::kNone ? "" : finding.group),
                      CsvCell::Text(QuoteFinding(finding, officer).value_or("")),
                      CsvCell::Text(JoinedIds(item->station_surveys)), CsvCell::Text(EditTimeText(item->edited_at_ms))});
    }
    return csv.TakeBytes();
}

namespace {

// Done first, then in progress, then planned; dropped items are not on the poster.
int PosterRank(ActionStatus status) {
    switch (status) {
        case ActionStatus::kDone: return 0;
        case ActionStatus::kInProgress: return 1;
        case ActionStatus::kPlanned: return 2;
        case ActionStatus::kDropped: break;
    }
    return 3;
}

std::vector<const ActionItem*> PosterItems(const ActionList& list, const std::string& survey_id) {
    std::vector<const ActionItem*> items = list.ForSurvey(survey_id);
    items.erase(std::remove_if(items.begin(), items.end(),
                               [](const ActionItem* item) { return item->status == ActionStatus::kDropped; }),
                items.end());
    std::stable_sort(items.begin(), items.end(), [](const ActionItem* a, const ActionItem* b) {
        return PosterRank(a->status) < PosterRank(b->status);
    });
    return items;
}

// "2 December 2026" in English, "02.12.2026" in Polish.
std::string PosterDate(const CalendarDate& date, const std::string& language) {
    if (language != kPolish) return date.InWords();
    const std::string uk = date.ToUk();  // 02/12/2026
    std::string dotted = uk;
    std::replace(dotted.begin(), dotted.end(), '/', '.');
    return dotted;
}

std::string PosterStyle(PosterSize size) {
    const bool a3 = size == PosterSize::kA3;
    // Type scales with the sheet, so a poster read from across a corridor reads the same on both.
    const std::string body = a3 ? "26pt" : "18pt";
    const std::string heading = a3 ? "64pt" : "44pt";
    return std::string("<style>@page{size:") + (a3 ? "A3" : "A4") +
           " portrait;margin:14mm}"
           "*{box-sizing:border-box}"
           "body{font-family:Arial,Helvetica,sans-serif;font-size:" + body +
           ";line-height:1.35;color:#111;background:#fff;margin:0 auto;max-width:" + (a3 ? "269mm" : "182mm") +
           "}"
           "h1{font-size:" + heading +
           ";margin:0 0 0.2em;color:#0b4f8a}"
           ".survey{font-size:1.1em;margin:0 0 1em}"
           ".item{border:3px solid #0b4f8a;border-radius:12px;padding:0.5em 0.8em;margin:0 0 0.7em;break-inside:avoid}"
           ".item.done{border-color:#1b6e3a;background:#eef7f0}"
           ".label{font-weight:bold;display:block}"
           ".said{margin:0 0 0.4em}"
           ".figure{font-size:0.75em;margin:0 0 0.4em;color:#333}"
           ".action{margin:0}"
           ".due{font-size:0.75em;margin:0.3em 0 0}"
           "footer{font-size:0.7em;margin-top:1em;color:#333}"
           "</style>";
}

std::string PosterItemHtml(const ActionItem& item, const OfficerReport& officer, const std::string& language) {
    const ActionWords& words = WordsIn(language);
    const bool done = item.status == ActionStatus::kDone;
    const char* action_label = done ? words.we_did : item.status == ActionStatus::kInProgress ? words.we_are_doing
                                                                                                  : words.we_will;
    std::string html = std::string("<section class=\"item") + (done ? " done" : "") + "\">";
    html += "<p class=\"said\"><span class=\"label\">" + MarkupEscaped(words.you_said) + "</span>" +
            MarkupEscaped(item.you_said.IsEmpty() ? std::string() : item.you_said.In(language)) + "</p>";
    if (const std::optional<std::string> figure = QuoteFinding(item.finding, officer, language)) {
        html += "<p class=\"figure\">" + MarkupEscaped(*figure) + "</p>";
    }
    const TranslatableText& action = item.ActionText();
    html += "<p class=\"action\"><span class=\"label\">" + MarkupEscaped(action_label) + "</span>" +
            MarkupEscaped(action.IsEmpty() ? std::string() : action.In(language)) + "</p>";
    if (!done && item.due) {
        html += "<p class=\"due\">" + MarkupEscaped(std::string(words.by) + " " + PosterDate(*item.due, language)) + "</p>";
    }
    return html + "</section>";
}

}  // namespace

std::string PosterHtml(const ActionList& list, const OfficerReport& officer, PosterSize size,
                       const std::string& language) {
    const ActionWords& words = WordsIn(language);
    const std::string& survey_id = officer.report.survey_id;
    std::string html = "<!DOCTYPE html><html lang=\"" + MarkupEscaped(language) +
                       "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                       "<title>" + MarkupEscaped(words.heading) + "</title>" + PosterStyle(size) + "</head><body>";
    html += "<h1>" + MarkupEscaped(words.heading) + "</h1>";
    html += "<p class=\"survey\">" + MarkupEscaped(officer.survey.title.In(language)) + "</p>";
    for (const ActionItem* item : PosterItems(list, survey_id)) html += PosterItemHtml(*item, officer, language);
    if (const std::optional<CalendarDate> date = LatestEditDate(list, survey_id)) {
        html += "<footer>" + MarkupEscaped(std::string(words.updated) + " " + PosterDate(*date, language)) + "</footer>";
    }
    return html + "</body></html>\n";
}

std::string PosterFileName(PosterSize size, const std::string& language) {
    return std::string("you_said_we_did") + (language == kEnglish ? "" : "_" + language) +
           (size == PosterSize::kA3 ? "_A3" : "_A4") + ".html";
}

std::vector<std::string> ActionFileNames(const ActionList& list, const OfficerReport& officer) {
    const std::vector<const ActionItem*> items = list.ForSurvey(officer.report.survey_id);
    if (items.empty()) return {};
    std::vector<std::string> names = {kActionsCsvName, PosterFileName(PosterSize::kA4, kEnglish),
                                      PosterFileName(PosterSize::kA3, kEnglish)};
    const bool polish = std::any_of(items.begin(), items.end(), [](const ActionItem* item) { return item->you_said.Has(kPolish); });
    if (polish) {
        names.push_back(PosterFileName(PosterSize::kA4, kPolish));
        names.push_back(PosterFileName(PosterSize::kA3, kPolish));
    }
    return names;
}

std::optional<ReportFile> ActionFile(const ActionList& list, const OfficerReport& officer, const std::string& name) {
    const std::vector<std::string> names = ActionFileNames(list, officer);
    if (std::find(names.begin(), names.end(), name) == names.end()) return std::nullopt;
    if (name == kActionsCsvName) return ReportFile{name, ActionsCsv(list, officer)};
    for (const char* language : {kEnglish, kPolish}) {
        for (const PosterSize size : {PosterSize::kA4, PosterSize::kA3}) {
            if (name == PosterFileName(size, language)) return ReportFile{name, PosterHtml(list, officer, size, language)};
        }
    }
    return std::nullopt;
}

std::vector<ReportFile> ActionFiles(const ActionList& list, const OfficerReport& officer) {
    std::vector<ReportFile> files;
    for (const std::string& name : ActionFileNames(list, officer)) files.push_back(*ActionFile(list, officer, name));
    return files;
}

}  // namespace yousaid
