#include "ui/officer_screens.h"

#include <imgui.h>

#include "ui/sealing_keys_view.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

// The figures are a page of their own on the officer's page; a station tablet's app opens
// the officer's page (officer.html), where the officer signs in again.
void OpenFigures(StaffHost& host) {
    if (host.HasWorkspace()) {
        host.GoTo(StaffPage::kWorkspace);
    } else {
        host.OpenOfficerPage();
    }
}

}  // namespace

void OfficerHomeScreen::DrawContent(FrameContext& frame) {
    const StationOverview overview = host_.Overview();
    frame.title = "Officer";
    frame.announcement = frame.title;
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    StaffNotice(frame, host_);
    Paragraph("The officer store holds " + ResponsesText(overview.imported_responses) + " imported from stations.");
    Paragraph("This station holds " + ResponsesText(overview.station_responses) + " of its own.", true);
    ImGui::Separator();
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (BigButton(frame, "open_workspace", "See the figures", ButtonKind::Primary, overview.imported_responses > 0, half)) {
        OpenFigures(host_);
    }
    if (overview.imported_responses == 0) DescribeLastItem(frame, "Import the files from the stations first.");
    ImGui::SameLine();
    // On the officer's page: making and unlocking keys (the figures' Keys tab). On a station:
    // the public keys it seals answers to.
    if (BigButton(frame, "officer_keys", "Officer keys", ButtonKind::Secondary, true, half)) {
        if (host_.HasWorkspace()) {
            host_.OpenKeys();
        } else {
            host_.GoTo(StaffPage::kOfficerKeys);
        }
    }
    if (BigButton(frame, "officer_import", "Import files", ButtonKind::Secondary, true, half)) {
        // Imports go into the officer store, which lives on the officer's page.
        if (host_.HasWorkspace()) {
            host_.GoTo(StaffPage::kImport);
        } else {
            host_.OpenOfficerPage();
        }
    }
    ImGui::SameLine();
    if (BigButton(frame, "reset_station_pin", "Reset the station PIN", ButtonKind::Secondary, true, half)) {
        host_.GoTo(StaffPage::kStationPinReset);
    }
    if (!host_.HasWorkspace()) DrawSealingKeys(frame, host_);
    if (BigButton(frame, "clear_everything", "Delete all responses", ButtonKind::Danger, true, half)) {
        host_.GoTo(StaffPage::kClearEverything);
    }
    ImGui::SameLine();
    if (BigButton(frame, "officer_back", "Back to the station", ButtonKind::Secondary, true, half)) host_.GoTo(StaffPage::kHome);
    EndColumn();
}

void OfficerImportScreen::DrawContent(FrameContext& frame) {
    const ImportBatchView& batch = host_.ImportBatch();
    frame.title = "Import response files";
    frame.announcement = frame.title;
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    Paragraph("Choose the files exported from each tablet (.yousaid), their JSON exports, or response CSVs. "
              "They are merged into this device's officer store; a file loaded twice is counted once.");
    if (BigButton(frame, "choose_files", "Choose files", ButtonKind::Primary, !batch.progress.has_value())) {
        host_.ChooseFilesToImport();
    }
    StaffNotice(frame, host_);
    if (batch.progress) ImportProgressBlock(frame, *batch.progress);
    ImportOutcomes(frame, batch.files);
    if (!batch.files.empty() && !batch.progress) {
        if (!batch.holdings.empty()) {
            BoldParagraph(frame, "The officer store now holds:");
            for (const std::string& line : batch.holdings) Paragraph(line);
        }
        SaveStatusParagraph(host_.Overview());
        if (host_.Overview().imported_responses > 0 && BigButton(frame, "import_to_workspace", "See the figures")) {
            OpenFigures(host_);
        }
    }
    VerticalGap(0.5f);
    if (BigButton(frame, "import_back", "Back", ButtonKind::Secondary)) host_.GoTo(StaffPage::kOfficerHome);
    EndColumn();
}

void ClearEverythingScreen::DrawContent(FrameContext& frame) {
    const StationOverview overview = host_.Overview();
    const bool confirming = host_.Page() == StaffPage::kClearEverythingConfirm;
    frame.title = confirming ? "Are you sure? This cannot be undone." : "Delete all responses on this device";
    const std::string removes = "This removes " + ResponsesText(overview.station_responses) + " from this station and " +
                                CountText(overview.imported_responses) + " imported " +
                                (overview.imported_responses == 1 ? "response" : "responses") + " in the officer store.";
    frame.announcement = frame.title + ". " + removes;
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    Paragraph(removes);
    Paragraph("The station's settings and both PINs stay.", true);
    const bool unexported = overview.not_exported > 0;
    AcceptLossOfUnexported(frame, overview.not_exported, accept_loss_);
    const std::uint64_t all = overview.station_responses + overview.imported_responses;
    const TwoStepClear steps{"clear_all", "Delete all " + ResponsesText(all) + " on this device",
                             "Yes, delete " + ResponsesText(all) + " for good", StaffPage::kClearEverythingConfirm,
                             StaffPage::kOfficerHome};
    if (TwoStepClearButtons(frame, host_, steps, confirming, !unexported || accept_loss_)) host_.ClearEverything();
    const StaffPage page = host_.Page();
    if (page != StaffPage::kClearEverything && page != StaffPage::kClearEverythingConfirm) accept_loss_ = false;
    EndColumn();
}

void ForgotOfficerPinScreen::DrawContent(FrameContext& frame) {
    const StationOverview overview = host_.Overview();
    const bool confirming = host_.Page() == StaffPage::kForgotOfficerPinConfirm;
    frame.title = confirming ? "Are you sure? The officer store goes for good." : "Forgotten the officer PIN?";
    // Nobody gets a new officer PIN and the responses it guarded: the store goes with the PIN.
    const std::string removes = "A forgotten officer PIN can only be replaced by clearing the officer store: " +
                                CountText(overview.imported_responses) + " imported " +
                                (overview.imported_responses == 1 ? "response is" : "responses are") +
                                " removed from this device.";
    const std::string files =
        "The transfer files they came from still exist. Import them again after choosing a new officer PIN.";
    frame.announcement = frame.title + ". " + removes + " " + files;
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    Paragraph(removes);
    Paragraph(files);
    Paragraph("This station's own responses stay.", true);
    const TwoStepClear steps{"forget_officer", "Delete the " + ResponsesText(overview.imported_responses) + " imported",
                             "Yes, delete them and choose a new officer PIN",
                             StaffPage::kForgotOfficerPinConfirm, StaffPage::kHome};
    if (TwoStepClearButtons(frame, host_, steps, confirming, true)) host_.ForgetOfficerPin();
    EndColumn();
}

}  // namespace yousaid::ui
