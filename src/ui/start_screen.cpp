#include "ui/start_screen.h"

#include <imgui.h>

#include "core/build_info.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {
void Title(const FrameContext& frame, const char* text) {
    ImGui::PushFont(frame.fonts.title);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
}

void VerticalGap(float em) { ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * em)); }
}  // namespace

void StartScreen::DrawContent(FrameContext& frame) {
    VerticalGap(3.0f);
    BeginColumn(24.0f);
    Title(frame, "Yousaid");
    Paragraph("Have your say about the things that matter to you.");
    VerticalGap(1.5f);
    if (BigButton(frame, "start", "Start")) frame.requested_screen = "how_it_works";
    VerticalGap(1.0f);
    Paragraph(std::string("Version ") + kAppVersion, true);
    EndColumn();
}

void HowItWorksScreen::DrawContent(FrameContext& frame) {
    VerticalGap(2.0f);
    BeginColumn(28.0f);
    Title(frame, "Before you start");
    Paragraph("This is not a test. There are no right or wrong answers.");
    Paragraph("You can skip any question you do not want to answer.");
    Paragraph("We do not ask for your name. Nobody after you can see your answers.");
    VerticalGap(1.0f);
    if (BigButton(frame, "back", "Back", ButtonKind::Secondary)) frame.requested_screen = "start";
    EndColumn();
}

}  // namespace yousaid::ui
