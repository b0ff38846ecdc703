#include "ui/you_said_screen.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/interface_text.h"
#include "ui/respondent_screens.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

constexpr float kColumnEm = 30.0f;

// The text as a spoken sentence: a full stop added only where it has no ending of its own.
std::string Sentence(const std::string& text) {
    const bool ended = !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
    return ended ? text : text + ".";
}

}  // namespace

void YouSaidScreen::DrawContent(FrameContext& frame) {
    const std::vector<StationCard>& cards = host_.YouSaidCards();
    if (cards.empty()) return;
    shown_ = std::min(shown_, cards.size() - 1);
    const StationCard& card = cards[shown_];
    const std::string& language = host_.Session().Language();
    const std::string you_said = card.you_said.In(language);
    const std::string we_did = card.we_did.In(language);
    const std::string count = Say(Phrase::kCardOf, language, static_cast<int>(shown_ + 1), static_cast<int>(cards.size()));
    frame.title = Say(Phrase::kYouToldUsTitle, language);
    frame.announcement = frame.title + ". " + count + ". " + Say(Phrase::kYouToldUs, language) + ": " +
                         Sentence(you_said) + " " + Say(Phrase::kSoWe, language) + ": " + Sentence(we_did);
    frame.speech_text = frame.announcement;
    BeginColumn(kColumnEm);
    DrawRespondentToolbar(frame, host_);
    VerticalGap(1.0f);
    Heading(frame, frame.title);
    if (cards.size() > 1) Paragraph(count, true);
    VerticalGap(0.4f);
    // The card: what young people said, then what changed, each under its own words.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float pad = ImGui::GetFontSize() * 0.8f;
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::Indent(pad);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ColumnWidth() - pad * 2.0f);
    VerticalGap(0.5f);
    BoldParagraph(frame, Say(Phrase::kYouToldUs, language));
    LargeParagraph(frame, you_said);
    VerticalGap(0.5f);
    BoldParagraph(frame, Say(Phrase::kSoWe, language));
    LargeParagraph(frame, we_did);
    VerticalGap(0.5f);
    ImGui::PopTextWrapPos();
    ImGui::Unindent(pad);
    const ImVec2 bottom(top.x + ColumnWidth(), ImGui::GetCursorScreenPos().y);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(0);
    const float rounding = ImGui::GetFontSize() * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(top, bottom, ToU32(frame.theme.selected_fill), rounding);
    ImGui::GetWindowDrawList()->AddRect(top, bottom, ToU32(frame.theme.selected_border), rounding, 0, 3.0f);
    ImGui::GetWindowDrawList()->ChannelsMerge();
    EndColumn();
}

void YouSaidScreen::DrawFooter(FrameContext& frame) {
    const std::size_t count = host_.YouSaidCards().size();
    const std::string& language = host_.Session().Language();
    BeginColumn(kColumnEm);
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    // Skip goes straight to the survey; Next reads the next card, then goes on.
    if (BigButton(frame, "skip_cards", Say(Phrase::kSkipToSurvey, language), ButtonKind::Secondary, true, half)) {
        host_.CardsDone();
    }
    ImGui::SameLine();
    if (BigButton(frame, "next", Say(Phrase::kNext, language), ButtonKind::Primary, true, half)) {
        if (shown_ + 1 < count) {
            ++shown_;
        } else {
            host_.CardsDone();
        }
    }
    EndColumn();
}

}  // namespace yousaid::ui
