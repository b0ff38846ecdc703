#include "ui/figure_table.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace yousaid::ui {

void FigureTable(const FrameContext& frame, const std::string& id, const std::vector<FigureColumn>& columns,
                 const FigureRows& rows) {
    // Shares of the width, not fixed sizes: the same table reads at 1024 and at 1920 pixels,
    // and every cell wraps at its column's edge instead of running into the next.
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id.c_str(), static_cast<int>(columns.size()), flags, ImVec2(ColumnWidth(), 0.0f))) return;
    for (const FigureColumn& column : columns) {
        ImGui::TableSetupColumn(column.header.c_str(), ImGuiTableColumnFlags_WidthStretch, column.share);
    }
    ImGui::PushFont(frame.fonts.bold);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (std::size_t column = 0; column < columns.size(); ++column) {
        ImGui::TableSetColumnIndex(static_cast<int>(column));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(columns[column].header.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::PopFont();
    std::string header_sentence;
    for (const FigureColumn& column : columns) header_sentence += (header_sentence.empty() ? "" : ", ") + column.header;
    PublishLastText("Table columns: " + header_sentence + ".");
    const auto draw_row = [&](std::size_t index) {
        ImGui::TableNextRow();
        for (std::size_t column = 0; column < columns.size(); ++column) {
            ImGui::TableSetColumnIndex(static_cast<int>(column));
            const std::string text = rows.cell(index, column);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(text.c_str());
            ImGui::PopTextWrapPos();
        }
        PublishLastText(rows.spoken(index));
    };
    // The clipper takes every row to be as tall as the first, and wrapped rows are not: only
    // tables too long to lay out whole every frame are clipped.
    constexpr std::size_t kRowsLaidOutWhole = 200;
    if (rows.count <= kRowsLaidOutWhole) {
        for (std::size_t index = 0; index < rows.count; ++index) draw_row(index);
    } else {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(rows.count));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) draw_row(static_cast<std::size_t>(row));
        }
    }
    ImGui::EndTable();
}

}  // namespace yousaid::ui
