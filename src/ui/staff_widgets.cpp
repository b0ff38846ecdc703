#include "ui/staff_widgets.h"

#include <algorithm>

#include <imgui.h>

#include "ui/widgets.h"

namespace yousaid::ui {

std::string CountText(std::uint64_t count) {
    std::string digits = std::to_string(count);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return digits;
}

std::string ResponsesText(std::uint64_t count) {
    return CountText(count) + (count == 1 ? " response" : " responses");
}

void StaffNotice(const FrameContext& frame, const StaffHost& host) {
    if (host.Notice().empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, frame.theme.primary);
    BoldParagraph(frame, host.Notice());
    ImGui::PopStyleColor();
}

void SaveStatusParagraph(const StationOverview& overview) {
    if (overview.everything_saved) {
        Paragraph("Everything is saved on this device.");
    } else if (overview.save_problem.empty()) {
        Paragraph("Saving to this device. Keep this page open until it says everything is saved.");
    } else {
        Paragraph("Not everything is saved: " + overview.save_problem);
    }
}

void StaffWarning(const FrameContext& frame, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, frame.theme.focus_ring);
    BoldParagraph(frame, text);
    ImGui::PopStyleColor();
}

int TileRow(FrameContext& frame, const std::string& group, const std::vector<std::pair<std::string, std::string>>& options,
            const std::string& current, int most_per_row) {
    int chosen = -1;
    if (options.empty()) return chosen;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int per_row = std::min<int>(static_cast<int>(options.size()), most_per_row);
    const float width = (ColumnWidth() - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (i % static_cast<std::size_t>(per_row) != 0) ImGui::SameLine();
        if (ChoiceTile(frame, group + ":" + options[i].first, options[i].second, options[i].first == current,
                       ItemRole::Radio, group, width)) {
            chosen = static_cast<int>(i);
        }
    }
    return chosen;
}

void AcceptLossOfUnexported(FrameContext& frame, std::uint64_t not_exported, bool& accept_loss) {
    if (not_exported == 0) return;
    const bool one = not_exported == 1;
    StaffWarning(frame, ResponsesText(not_exported) + " from this station " + (one ? "has" : "have") +
                            " not been exported yet. Export " + (one ? "it first, or it is" : "them first, or they are") +
                            " lost.");
    const std::string label =
        "I understand: " + ResponsesText(not_exported) + (one ? " that was" : " that were") + " never exported will be lost";
    if (ChoiceTile(frame, "accept_loss", label, accept_loss, ItemRole::Checkbox, {})) accept_loss = !accept_loss;
}

bool TwoStepClearButtons(FrameContext& frame, StaffHost& host, const TwoStepClear& steps, bool confirming, bool allowed) {
    bool confirmed = false;
    if (!confirming) {
        if (BigButton(frame, steps.id + "_continue", steps.first_label, ButtonKind::Primary, allowed)) {
            host.GoTo(steps.confirm_page);
        }
    } else if (BigButton(frame, steps.id + "_confirm", steps.confirm_label, ButtonKind::Primary, allowed)) {
        confirmed = true;
    }
    if (BigButton(frame, steps.id + "_cancel", "Cancel", ButtonKind::Secondary)) host.GoTo(steps.cancel_page);
    return confirmed;
}

}  // namespace yousaid::ui
