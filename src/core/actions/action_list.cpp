#include "core/actions/action_list.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <utility>

#include "core/base/enum_names.h"

namespace yousaid {

namespace {

constexpr EnumNames<ActionStatus, 4> kStatusNames{{
    {ActionStatus::kPlanned, "planned"},
    {ActionStatus::kInProgress, "in_progress"},
    {ActionStatus::kDone, "done"},
    {ActionStatus::kDropped, "dropped"},
}};

constexpr EnumNames<ActionStatus, 4> kStatusLabels{{
    {ActionStatus::kPlanned, "Planned"},
    {ActionStatus::kInProgress, "In progress"},
    {ActionStatus::kDone, "Done"},
    {ActionStatus::kDropped, "Dropped"},
}};

constexpr EnumNames<FindingKind, 4> kFindingKindNames{{
    {FindingKind::kNone, "none"},
    {FindingKind::kQuestion, "question"},
    {FindingKind::kChange, "change"},
    {FindingKind::kTheme, "theme"},
}};

}  // namespace

// The names are string literals, so data() ends in a NUL.
const char* ActionStatusName(ActionStatus status) { return NameOf(kStatusNames, status).data(); }
const char* ActionStatusLabel(ActionStatus status) { return NameOf(kStatusLabels, status).data(); }
std::optional<ActionStatus> ParseActionStatus(std::string_view name) { return ValueOf(kStatusNames, name); }
const char* FindingKindName(FindingKind kind) { return NameOf(kFindingKindNames, kind).data(); }
std::optional<FindingKind> ParseFindingKind(std::string_view name) { return ValueOf(kFindingKindNames, name); }

bool ActionItem::SameContent(const ActionItem& other) const {
    return id == other.id && survey_id == other.survey_id && you_said == other.you_said && we_will == other.we_will &&
           we_did == other.we_did && finding == other.finding && owner == other.owner && due == other.due &&
           status == other.status && evidence == other.evidence && order == other.order &&
           station_surveys == other.station_surveys;
}

const ActionItem* ActionList::Find(std::string_view id) const {
    for (const ActionItem& item : items_) {
        if (item.id == id) return &item;
    }
    return nullptr;
}

std::vector<const ActionItem*> ActionList::ForSurvey(std::string_view survey_id) const {
    std::vector<const ActionItem*> found;
    for (const ActionItem& item : items_) {
        if (item.survey_id == survey_id) found.push_back(&item);
    }
    return found;
}

std::vector<const ActionItem*> ActionList::ForStation(std::string_view survey_id) const {
    std::vector<const ActionItem*> found;
    for (const ActionItem& item : items_) {
        const bool listed = std::find(item.station_surveys.begin(), item.station_surveys.end(), survey_id) !=
                            item.station_surveys.end();
        if (listed && item.status != ActionStatus::kDropped) found.push_back(&item);
    }
    return found;
}

namespace {

// The stamp of a new edit: never earlier than (or equal to) the one it replaces, so that
// "newer wins" holds even when a device's clock is behind.
void Stamp(ActionItem& item, std::int64_t now_ms) {
    if (item.edited_at_ms != 0) {
        item.earlier_edits_ms.push_back(item.edited_at_ms);
        if (item.earlier_edits_ms.size() > kMaxEditHistory) item.earlier_edits_ms.erase(item.earlier_edits_ms.begin());
    }
    item.edited_at_ms = std::max(now_ms, item.edited_at_ms + 1);
}

}  // namespace

std::string ActionList::Add(ActionItem item, const RandomBytesFunction& fill_random, std::int64_t now_ms) {
    do {
        item.id = ResponseId::Generate(fill_random).ToHex();
    } while (Find(item.id) != nullptr);
    std::int64_t last = 0;
    for (const ActionItem& held : items_) last = std::max(last, held.order);
    item.order = last + 1;
    item.edited_at_ms = 0;
    item.earlier_edits_ms.clear();
    Stamp(item, now_ms);
    items_.push_back(std::move(item));
    return items_.back().id;
}

bool ActionList::Edit(const ActionItem& edited, std::int64_t now_ms) {
    for (ActionItem& item : items_) {
        if (item.id != edited.id) continue;
        ActionItem replacement = edited;
        replacement.order = item.order;
        replacement.edited_at_ms = item.edited_at_ms;
        replacement.earlier_edits_ms = item.earlier_edits_ms;
        if (replacement.SameContent(item)) return true;
        Stamp(replacement, now_ms);
        item = std::move(replacement);
        return true;
    }
    return false;
}

bool ActionList::Move(std::string_view id, int step, std::int64_t now_ms) {
    const ActionItem* moving = Find(id);
    if (moving == nullptr || step == 0) return false;
    const std::vector<const ActionItem*> shown = ForSurvey(moving->survey_id);
    const auto at = std::find(shown.begin(), shown.end(), moving) - shown.begin();
    const auto to = at + (step < 0 ? -1 : 1);
    if (to < 0 || to >= static_cast<std::ptrdiff_t>(shown.size())) return false;
    ActionItem& a = items_[static_cast<std::size_t>(moving - items_.data())];
    ActionItem& b = items_[static_cast<std::size_t>(shown[static_cast<std::size_t>(to)] - items_.data())];
    std::swap(a.order, b.order);
    if (a.order == b.order) a.order += step < 0 ? -1 : 1;  // equal orders (from a merge) still move
    Stamp(a, now_ms);
    Stamp(b, now_ms);
    Sort();
    return true;
}

void ActionList::Assign(std::vector<ActionItem> items) {
    items_ = std::move(items);
    Sort();
}

void ActionList::Sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const ActionItem& a, const ActionItem& b) {
        return a.order != b.order ? a.order < b.order : a.id < b.id;
    });
}

std::string EditTimeText(std::int64_t utc_ms) {
    constexpr std::int64_t kDayMs = 86400000;
    const std::int64_t days = utc_ms >= 0 ? utc_ms / kDayMs : -((-utc_ms + kDayMs - 1) / kDayMs);
    const std::int64_t minute_of_day = (utc_ms - days * kDayMs) / 60000;
    char time[16];
    std::snprintf(time, sizeof time, " %02d:%02d UTC", static_cast<int>(minute_of_day / 60),
                  static_cast<int>(minute_of_day % 60));
    return CalendarDate::FromDaysSinceEpoch(days).ToIso() + time;
}

std::string ActionMergeReport::Summary() const {
    const auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    return count(added, "added", "added") + ", " + count(updated, "updated", "updated") + ", " +
           count(unchanged, "unchanged", "unchanged") + ", " + count(conflicts.size(), "conflict", "conflicts") + ".";
}

namespace {

bool EditedEarlierAs(const ActionItem& item, std::int64_t stamp) {
    return std::find(item.earlier_edits_ms.begin(), item.earlier_edits_ms.end(), stamp) != item.earlier_edits_ms.end();
}

// The union of both items' edit stamps, so that a later merge still knows what each saw.
std::vector<std::int64_t> JoinedHistory(const ActionItem& a, const ActionItem& b, std::int64_t kept_stamp) {
    std::set<std::int64_t> stamps(a.earlier_edits_ms.begin(), a.earlier_edits_ms.end());
    stamps.insert(b.earlier_edits_ms.begin(), b.earlier_edits_ms.end());
    stamps.insert(a.edited_at_ms);
    stamps.insert(b.edited_at_ms);
    stamps.erase(kept_stamp);
    std::vector<std::int64_t> joined;
    for (const std::int64_t stamp : stamps) {
        if (stamp < kept_stamp) joined.push_back(stamp);
    }
    if (joined.size() > kMaxEditHistory) joined.erase(joined.begin(), joined.end() - kMaxEditHistory);
    return joined;
}

}  // namespace

ActionMergeReport MergeActionLists(ActionList& held, const ActionList& incoming) {
    ActionMergeReport report;
    std::vector<ActionItem> merged = held.Items();
    for (const ActionItem& theirs : incoming.Items()) {
        const auto found = std::find_if(merged.begin(), merged.end(), [&](const ActionItem& item) { return item.id == theirs.id; });
        if (found == merged.end()) {
            merged.push_back(theirs);
            ++report.added;
            continue;
        }
        ActionItem& ours = *found;
        if (ours.SameContent(theirs) || theirs.edited_at_ms == ours.edited_at_ms) {
            // Nothing to take (equal stamps keep the one held); the histories still join.
            ours.earlier_edits_ms = JoinedHistory(ours, theirs, ours.edited_at_ms);
            ++report.unchanged;
            continue;
        }
        const bool theirs_newer = theirs.edited_at_ms > ours.edited_at_ms;
        // One side saw the other's edit before making its own: no conflict, just the newer.
        const bool one_sided = theirs_newer ? EditedEarlierAs(theirs, ours.edited_at_ms) : EditedEarlierAs(ours, theirs.edited_at_ms);
        if (!one_sided) {
            const ActionItem& kept = theirs_newer ? theirs : ours;
            report.conflicts.push_back({ours.id, kept.you_said.IsEmpty() ? std::string() : kept.you_said.English(),
                                        theirs_newer, ours.edited_at_ms, theirs.edited_at_ms});
        }
        if (theirs_newer) {
            ActionItem taken = theirs;
            taken.earlier_edits_ms = JoinedHistory(ours, theirs, theirs.edited_at_ms);
            ours = std::move(taken);
            ++report.updated;
        } else {
            ours.earlier_edits_ms = JoinedHistory(ours, theirs, ours.edited_at_ms);
            ++report.unchanged;
        }
    }
    held.Assign(std::move(merged));
    return report;
}

}  // namespace yousaid
