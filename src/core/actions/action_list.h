#pragma once
// "You said, we did": the officer's action list. Each item answers something young people
// said ("Fewer than half of you felt listened to in your meetings") with what the council
// will do or did, an owner, a due date and a status. The list is kept on the officer's
// device and travels in a versioned backup file that another officer can load: items merge
// by id, the newer edit wins, and edits made on both devices from the same starting point
// are listed as conflicts (docs/analytics.md, "The action list").
//
// Usage:
//   ActionList list;
//   ActionItem item;  item.survey_id = "pupil";  item.you_said = TranslatableText("...");
//   const std::string id = list.Add(std::move(item), FillSecureRandom, now_ms);
//   Result<ActionList> read = ParseActionListJson(bytes, "you_said_we_did.json");
//   ActionMergeReport merged = MergeActionLists(list, *read.value);
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/calendar.h"
#include "core/base/problem.h"
#include "core/responses/response.h"  // RandomBytesFunction
#include "core/survey/translatable_text.h"

namespace yousaid {

inline constexpr const char* kPolish = "pl";

enum class ActionStatus : std::int32_t { kPlanned = 0, kInProgress = 1, kDone = 2, kDropped = 3 };

const char* ActionStatusName(ActionStatus status);   // "planned", "in_progress", "done", "dropped"
const char* ActionStatusLabel(ActionStatus status);  // "Planned", "In progress", "Done", "Dropped"
std::optional<ActionStatus> ParseActionStatus(std::string_view name);
inline constexpr ActionStatus kAllActionStatuses[] = {ActionStatus::kPlanned, ActionStatus::kInProgress,
                                                      ActionStatus::kDone, ActionStatus::kDropped};

// What kind of figure an item rests on.
enum class FindingKind : std::int32_t {
    kNone = 0,      // added from nothing
    kQuestion = 1,  // a question's percent positive in a wave and group
    kChange = 2,    // a question's change against the baseline, in a wave and group
    kTheme = 3,     // a theme of the comments: named, never quoted
};
const char* FindingKindName(FindingKind kind);  // "none", "question", "change", "theme"
std::optional<FindingKind> ParseFindingKind(std::string_view name);

// The figure an item rests on, by name, so that it is looked up afresh in every report
// (action_report.h) and is never a copy that goes stale.
struct ActionFinding {
    FindingKind kind = FindingKind::kNone;
    std::string question;  // question id (kQuestion, kChange)
    std::string theme;     // theme name (kTheme)
    std::string wave;      // empty: the latest wave of the report
    std::string dimension = "all";
    std::string group = "all";

    friend bool operator==(const ActionFinding& a, const ActionFinding& b) {
        return a.kind == b.kind && a.question == b.question && a.theme == b.theme && a.wave == b.wave &&
               a.dimension == b.dimension && a.group == b.group;
    }
};

struct ActionItem {
    std::string id;         // 32 lowercase hex digits, random, never reused
    std::string survey_id;  // the survey whose findings it answers (its KPI and poster)
    TranslatableText you_said;  // "en" and, for parents, "pl"; plain words a 10-year-old can read
    TranslatableText we_will;   // the action planned
    TranslatableText we_did;    // what was done (the poster shows it once the item is done)
    ActionFinding finding;
    std::string owner;
    std::optional<CalendarDate> due;
    ActionStatus status = ActionStatus::kPlanned;
    std::string evidence;  // the officer's note of how it is known to be done
    std::int64_t order = 0;  // lower first; ties by id
    // Surveys whose station tablets may show this item ("You told us" cards in station packs).
    std::vector<std::string> station_surveys;
    std::int64_t edited_at_ms = 0;  // UTC milliseconds of the last edit
    // The stamps of the item's earlier edits (the most recent kMaxEditHistory), so that a merge
    // can tell an item edited on one device only from one edited on both.
    std::vector<std::int64_t> earlier_edits_ms;

    // Every field a person edits (and the order), not the stamps.
    bool SameContent(const ActionItem& other) const;
    // The status and text the poster and the on-screen list lead with.
    const TranslatableText& ActionText() const { return status == ActionStatus::kDone && !we_did.IsEmpty() ? we_did : we_will; }
};

inline constexpr std::size_t kMaxEditHistory = 64;
inline constexpr double kDefaultActionTargetPercent = 60.0;  // as in the SEND written statement of action

class ActionList {
public:
    const std::vector<ActionItem>& Items() const { return items_; }  // in order
    const ActionItem* Find(std::string_view id) const;
    // The items answering one survey's findings, in order.
    std::vector<const ActionItem*> ForSurvey(std::string_view survey_id) const;
    // The items a station tablet of `survey_id` may show: listed for it, not dropped, in order.
    std::vector<const ActionItem*> ForStation(std::string_view survey_id) const;

    // Adds an item at the end with a fresh id and the stamp `now_ms`; returns the id.
    std::string Add(ActionItem item, const RandomBytesFunction& fill_random, std::int64_t now_ms);
    // Replaces the item with `edited.id` (keeping its id and order); false when there is none.
    // Stamped only when something changed.
    bool Edit(const ActionItem& edited, std::int64_t now_ms);
    // Swaps the item with the one before (-1) or after (+1) it among its survey's items.
    bool Move(std::string_view id, int step, std::int64_t now_ms);

    double TargetPercent() const { return target_percent_; }
    void SetTargetPercent(double percent) { target_percent_ = percent; }

    // For the file reader and the merge: items as given, sorted into order.
    void Assign(std::vector<ActionItem> items);

private:
    void Sort();
    std::vector<ActionItem> items_;
    double target_percent_ = kDefaultActionTargetPercent;
};

inline constexpr int kActionListFormatVersion = 1;
inline constexpr const char* kActionListFileName = "you_said_we_did.json";

// {"format": "yousaid-action-list", "version": 1, "target_percent": 60, "items": [...]}
// (docs/analytics.md, "The action list backup file").
std::string ActionListJson(const ActionList& list);
// Every problem named by its JSON path; a newer version or a damaged file is refused as a
// whole, so the caller's list is untouched.
Result<ActionList> ParseActionListJson(std::string_view text, const std::string& file_name);

// One item both lists changed from the same starting point: the newer edit is kept.
struct ActionConflict {
    std::string id;
    std::string you_said;       // the kept item's English "you said", to name it
    bool kept_incoming = false;  // the loaded file's edit was newer
    std::int64_t held_edited_at_ms = 0;
    std::int64_t incoming_edited_at_ms = 0;
};

struct ActionMergeReport {
    std::size_t added = 0;      // new to this device
    std::size_t updated = 0;    // newer in the file
    std::size_t unchanged = 0;  // the same, or older in the file
    std::vector<ActionConflict> conflicts;
    // "3 added, 1 updated, 4 unchanged, 1 conflict."
    std::string Summary() const;
};

// Merges `incoming` into `held` by id; the newer edit of an item wins (on equal stamps, the
// one held). The target stays as held.
ActionMergeReport MergeActionLists(ActionList& held, const ActionList& incoming);

// "2026-12-02 14:05 UTC": when an item was edited, the same on every device.
std::string EditTimeText(std::int64_t utc_ms);

}  // namespace yousaid
