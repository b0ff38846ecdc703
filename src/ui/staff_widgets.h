#pragma once
// Pieces the staff and officer screens share: the notice line, warnings, rows of tiles and
// the two-step confirmation every kind of clearing uses.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/base/calendar.h"
#include "ui/frame_context.h"
#include "ui/staff_host.h"

namespace yousaid::ui {

inline constexpr float kStaffColumnEm = 32.0f;

void StaffNotice(const FrameContext& frame, const StaffHost& host);
void StaffWarning(const FrameContext& frame, const std::string& text);
// Whether what was just stored (a response, an import) has reached the device's storage,
// so that nobody closes the tab believing it safe while a save is under way.
void SaveStatusParagraph(const StationOverview& overview);

// An import under way: "Importing pupil_2025.csv (file 2 of 3): 45%", with a bar.
void ImportProgressBlock(const FrameContext& frame, const ImportProgress& progress);
// Each file of an import once: a line for a file that went in, an error for one refused.
void ImportOutcomes(const FrameContext& frame, const std::vector<ImportedFileOutcome>& files);

// What is wrong with one field of a form, drawn where the field is, in the danger colour.
void FieldProblem(const FrameContext& frame, const std::string& text);

// A count a volunteer reads from a metre away: large digits over a caption, on a tile
// `width` wide. Published to screen readers as "Today: 12".
void FigureTile(const FrameContext& frame, std::uint64_t count, const std::string& caption, float width);

// A date picker for a touch screen: a day, a month or a year earlier or later. It starts
// from the date in `text` (as typed, see ReadTypedDate), or `start` when that is no date,
// and writes its choice back into `text` as DD/MM/YYYY. True when a step was taken.
bool DateStepper(FrameContext& frame, const std::string& id, std::string& text, const CalendarDate& start);

// The ring that fills under a finger held on the staff corner: `fraction` of the hold done.
// Drawn around `finger`, moved in from the screen's edges so it shows whole.
void DrawHoldRing(ImDrawList* draw_list, const Theme& theme, const ImVec2& finger, float fraction);

// A row of choice tiles, one per option; returns the index chosen this frame, or -1.
// `per_row` tiles share a row (fewer when there are fewer options).
int TileRow(FrameContext& frame, const std::string& group, const std::vector<std::pair<std::string, std::string>>& options,
            const std::string& current, int per_row = 3);

// When `not_exported` responses would go unexported: a warning and the explicit "they may be
// lost" tick box that `accept_loss` holds. Nothing is drawn when there are none.
void AcceptLossOfUnexported(FrameContext& frame, std::uint64_t not_exported, bool& accept_loss);

// The buttons of a clearing that asks twice: on the first page `first_label` moves to
// `confirm_page`; on the second, `confirm_label` returns true (the caller clears). Cancel goes
// back to `cancel_page`. `allowed` false greys out both forward buttons.
struct TwoStepClear {
    std::string id;  // item ids are id + "_continue", id + "_confirm", id + "_cancel"
    std::string first_label;
    std::string confirm_label;
    StaffPage confirm_page;
    StaffPage cancel_page;
};
bool TwoStepClearButtons(FrameContext& frame, StaffHost& host, const TwoStepClear& steps, bool confirming, bool allowed);

}  // namespace yousaid::ui
