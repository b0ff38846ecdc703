#include "ui/staff_widgets.h"

#include <algorithm>
#include <cctype>
#include <cmath>

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

void FieldProblem(const FrameContext& frame, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, frame.theme.danger);
    BoldParagraph(frame, text);
    ImGui::PopStyleColor();
}

void FigureTile(const FrameContext& frame, std::uint64_t count, const std::string& caption, float width) {
    const Theme& theme = frame.theme;
    const float em = ImGui::GetFontSize();
    const std::string figure = CountText(count);
    ImGui::PushFont(frame.fonts.figure);
    float figure_size = ImGui::GetFontSize();
    const float figure_width = ImGui::CalcTextSize(figure.c_str()).x;
    ImGui::PopFont();
    // A count too wide for its tile is drawn smaller rather than cut.
    const float room = width - em;
    if (figure_width > room) figure_size *= room / figure_width;
    const float pad = em * 0.4f;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + pad + figure_size + em * 1.3f + pad);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw_list->AddRectFilled(min, max, ToU32(theme.surface), rounding);
    draw_list->AddRect(min, max, ToU32(theme.border), rounding, 0, 2.0f);
    const ImVec2 digits = frame.fonts.figure->CalcTextSizeA(figure_size, FLT_MAX, 0.0f, figure.c_str());
    const ImVec2 figure_at(std::floor(min.x + (width - digits.x) * 0.5f), min.y + pad);
    draw_list->AddText(frame.fonts.figure, figure_size, figure_at, ToU32(theme.text), figure.c_str());
    const ImVec2 words = frame.fonts.bold->CalcTextSizeA(em, FLT_MAX, 0.0f, caption.c_str());
    draw_list->AddText(frame.fonts.bold, em, ImVec2(std::floor(min.x + (width - words.x) * 0.5f), figure_at.y + figure_size + em * 0.15f),
                       ToU32(theme.muted_text), caption.c_str());
    // Laid out as the figure's line (published with its caption) and the caption's, no gap.
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0.0f));
    ImGui::SetCursorScreenPos(ImVec2(figure_at.x, figure_at.y));
    ImGui::Dummy(digits);
    std::string spoken = caption + ": " + figure;
    if (!spoken.empty()) spoken[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(spoken[0])));
    PublishLastText(spoken);
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(ImVec2(width, max.y - min.y));
    ImGui::PopStyleVar();
    ImGui::EndGroup();
}

bool DateStepper(FrameContext& frame, const std::string& id, std::string& text, const CalendarDate& start) {
    const Result<CalendarDate> typed = ReadTypedDate(text);
    const CalendarDate shown = typed.ok() ? *typed.value : start;
    static const char* const kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct Part {
        const char* name;
        std::string value;
        CalendarDate earlier;
        CalendarDate later;
    };
    const Part parts[3] = {
        {"day", std::to_string(shown.day), shown.PlusDays(-1), shown.PlusDays(1)},
        {"month", kMonths[std::clamp(shown.month, 1, 12) - 1], shown.PlusMonths(-1), shown.PlusMonths(1)},
        {"year", std::to_string(shown.year), shown.PlusMonths(-12), shown.PlusMonths(12)},
    };
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = std::max(frame.theme.min_touch_target, ImGui::GetFontSize() * 2.3f);
    const float part_width = (ColumnWidth() - style.ItemSpacing.x * 2) / 3.0f;
    const float value_width = part_width - 2 * (button + style.ItemSpacing.x);
    bool stepped = false;
    for (int index = 0; index < 3; ++index) {
        const Part& part = parts[index];
        // Each part is exactly part_width wide, so the default spacing lines the three up.
        if (index > 0) ImGui::SameLine();
        const std::string base = id + "_" + part.name;
        const std::string name = part.name;
        CalendarDate chosen = shown;
        if (BigButton(frame, base + "_earlier", "-", ButtonKind::Secondary, true, button, "One " + name + " earlier")) {
            chosen = part.earlier;
        }
        ImGui::SameLine();
        ImGui::Dummy(ImVec2(value_width, button));
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 size = frame.fonts.bold->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0.0f, part.value.c_str());
        ImGui::GetWindowDrawList()->AddText(frame.fonts.bold, ImGui::GetFontSize(),
                                            ImVec2(std::floor(min.x + (value_width - size.x) * 0.5f),
                                                   std::floor(min.y + (button - size.y) * 0.5f)),
                                            ToU32(frame.theme.text), part.value.c_str());
        PublishLastText(part.value);
        ImGui::SameLine();
        if (BigButton(frame, base + "_later", "+", ButtonKind::Secondary, true, button, "One " + name + " later")) {
            chosen = part.later;
        }
        if (!(chosen == shown)) {
            text = chosen.ToUk();
            stepped = true;
        }
    }
    return stepped;
}

void DrawHoldRing(ImDrawList* draw_list, const Theme& theme, const ImVec2& finger, float fraction) {
    const float em = ImGui::GetFontSize();
    const float radius = em * 2.0f;
    const float thickness = em * 0.45f;
    const float reach = radius + thickness;
    const ImVec2 centre(std::max(finger.x, reach), std::max(finger.y, reach));
    constexpr float kPi = 3.14159265f;
    const float top = -kPi * 0.5f;
    draw_list->AddCircleFilled(centre, radius + thickness * 0.5f, ToU32(theme.background), 48);
    draw_list->AddCircle(centre, radius, ToU32(theme.border), 48, thickness);
    if (fraction <= 0.0f) return;
    draw_list->PathArcTo(centre, radius, top, top + 2.0f * kPi * std::min(fraction, 1.0f), 48);
    draw_list->PathStroke(ToU32(theme.primary), false, thickness);
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
        if (BigButton(frame, steps.id + "_continue", steps.first_label, ButtonKind::Danger, allowed)) {
            host.GoTo(steps.confirm_page);
        }
    } else if (BigButton(frame, steps.id + "_confirm", steps.confirm_label, ButtonKind::Danger, allowed)) {
        confirmed = true;
    }
    if (BigButton(frame, steps.id + "_cancel", "Cancel", ButtonKind::Secondary)) host.GoTo(steps.cancel_page);
    return confirmed;
}

// "Importing pupil_2025.csv (file 2 of 3): 45%", with a bar; the page keeps drawing meanwhile.
// Before it, while the browser reads the files: "Reading big.yousaid and 2 more into the page:
// 45%"; after it, for a sealed file: "...: opening sealed answers, 45%".
void ImportProgressBlock(const FrameContext& frame, const ImportProgress& progress) {
    std::string caption;
    if (progress.reading) {
        caption = "Reading " + progress.file_name;
        if (progress.file_count > 1) caption += " and " + std::to_string(progress.file_count - 1) + " more";
        caption += " into the page: ";
    } else {
        caption = "Importing " + progress.file_name;
        if (progress.file_count > 1) {
            caption += " (file " + std::to_string(progress.file_number) + " of " + std::to_string(progress.file_count) + ")";
        }
        caption += progress.opening_sealed ? ": opening sealed answers, " : ": ";
    }
    caption += std::to_string(static_cast<int>(progress.fraction * 100.0)) + "%";
    ProgressBar(frame, static_cast<float>(progress.fraction), caption);
    Paragraph("Keep this page open until the import is finished.", true);
}

// Each file of this import once: a file that went in as a line, one refused as an error
// saying that nothing of it was imported, with each problem under it once.
void ImportOutcomes(const FrameContext& frame, const std::vector<ImportedFileOutcome>& files) {
    for (const ImportedFileOutcome& file : files) {
        if (file.refused) {
            StaffWarning(frame, "Not imported. " + file.summary);
        } else {
            Paragraph(file.summary);
        }
        ImGui::Indent();
        for (const std::string& detail : file.details) Paragraph(detail, !file.refused);
        ImGui::Unindent();
    }
}

}  // namespace yousaid::ui
