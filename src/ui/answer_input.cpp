#include "ui/answer_input.h"

#include <algorithm>

#include <imgui.h>

#include "ui/interface_text.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

// The words for 0 and 10 under the ends of the row of squares just drawn (its left and right
// edges on screen): the low one from the left edge, the high one ending at the right edge,
// side by side when they fit, each on its own line when not.
void DrawScaleEnds(const Question& question, const std::string& language, float left, float right) {
    if (question.low_label.IsEmpty() && question.high_label.IsEmpty()) return;
    const std::string low = question.low_label.In(language);
    const std::string high = question.high_label.In(language);
    const float gap = ImGui::GetFontSize();
    const float width = right - left;
    const float low_width = ImGui::CalcTextSize(low.c_str()).x;
    const float high_width = ImGui::CalcTextSize(high.c_str()).x;
    const bool side_by_side = low_width + gap + high_width <= width;
    const float window_x = ImGui::GetWindowPos().x - ImGui::GetScrollX();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    const float top = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(left - window_x);
    ImGui::PushTextWrapPos(side_by_side ? left - window_x + low_width + 1.0f : right - window_x);
    ImGui::TextUnformatted(low.c_str());
    PublishLastText(low);
    ImGui::PopTextWrapPos();
    if (side_by_side) ImGui::SetCursorPosY(top);
    const float high_shown = std::min(high_width, width);
    ImGui::SetCursorPosX(right - window_x - high_shown);
    ImGui::PushTextWrapPos(right - window_x);
    ImGui::TextUnformatted(high.c_str());
    PublishLastText(high);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}


std::string OptionId(const Question& question, const std::string& option) { return "option:" + question.id + ":" + option; }

bool IsChosen(const Answer* answer, const std::string& option_id) {
    if (answer == nullptr) return false;
    if (answer->kind == AnswerKind::kOption) return answer->option_id == option_id;
    if (answer->kind == AnswerKind::kOptions) return answer->option_ids.count(option_id) != 0;
    return false;
}

// Lays out `count` equal tiles across the column, as many rows as needed.
int TilesPerRow(int count, float min_tile, float gap) {
    const float width = ColumnWidth();
    const int fit = std::max(1, static_cast<int>((width + gap) / (min_tile + gap)));
    if (fit >= count) return count;
    // Balance the rows: 11 squares that do not fit become 6 + 5, not 10 + 1.
    const int rows = (count + fit - 1) / fit;
    return (count + rows - 1) / rows;
}

float TileWidth(int per_row, float gap) {
    return (ColumnWidth() - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
}

}  // namespace

void AnswerInput::Draw(FrameContext& frame, RespondentSession& session) {
    const Question* question = session.CurrentQuestion();
    if (question == nullptr) return;
    switch (question->kind) {
        case QuestionKind::kSingleChoice:
        case QuestionKind::kYesSometimesNo:
            DrawChoices(frame, session, *question, true);
            break;
        case QuestionKind::kMultipleChoice:
            DrawMultipleChoice(frame, session, *question);
            break;
        case QuestionKind::kScale1To5:
            DrawFaces(frame, session, *question);
            break;
        case QuestionKind::kRating0To10:
            DrawNumberRow(frame, session, *question);
            break;
        case QuestionKind::kNumber:
            DrawNumberGrid(frame, session, *question);
            break;
        case QuestionKind::kShortText:
            DrawText(frame, session, *question);
            break;
        case QuestionKind::kBeforeAndNow:
            DrawBeforeAndNow(frame, session, *question);
            break;
    }
    // Every kind can also be answered "don't know" or "prefer not to say".
    if (question->kind != QuestionKind::kSingleChoice && question->kind != QuestionKind::kYesSometimesNo &&
        question->kind != QuestionKind::kMultipleChoice) {
        DrawChoices(frame, session, *question, false);
    }
}

void AnswerInput::DrawChoices(FrameContext& frame, RespondentSession& session, const Question& question,
                              bool substantive) {
    const std::string& language = session.Language();
    const Answer* answer = session.AnswerTo(question.id);
    for (const Option& option : question.options) {
        if (!substantive && option.IsSubstantive()) continue;
        const bool chosen = IsChosen(answer, option.id);
        if (ChoiceTile(frame, OptionId(question, option.id), option.text.In(language), chosen, ItemRole::Radio, question.id)) {
            session.SetAnswer(Answer::Choice(option.id));
            pending_before_and_now_.erase(question.id);
        }
    }
}

void AnswerInput::DrawMultipleChoice(FrameContext& frame, RespondentSession& session, const Question& question) {
    const std::string& language = session.Language();
    Paragraph(Say(Phrase::kChooseAny, language), true);
    const Answer* answer = session.AnswerTo(question.id);
    std::set<std::string> chosen;
    if (answer != nullptr && answer->kind == AnswerKind::kOptions) chosen = answer->option_ids;
    for (const Option& option : question.options) {
        const bool selected = chosen.count(option.id) != 0;
        if (!ChoiceTile(frame, OptionId(question, option.id), option.text.In(language), selected, ItemRole::Checkbox, question.id)) {
            continue;
        }
        std::set<std::string> next = chosen;
        if (selected) {
            next.erase(option.id);
        } else if (!option.IsSubstantive()) {
            next = {option.id};  // "prefer not to say" stands alone
        } else {
            for (const Option& other : question.options) {
                if (!other.IsSubstantive()) next.erase(other.id);
            }
            if (question.max_choices > 0 && static_cast<int>(next.size()) >= question.max_choices) continue;
            next.insert(option.id);
        }
        if (next.empty()) {
            session.ClearAnswer();
        } else {
            session.SetAnswer(Answer::Choices(next));
        }
    }
}

void AnswerInput::DrawFaces(FrameContext& frame, RespondentSession& session, const Question& question) {
    const std::string& language = session.Language();
    const Answer* answer = session.AnswerTo(question.id);
    const float em = ImGui::GetFontSize();
    const float gap = em * 0.4f;
    int substantive = 0;
    for (const Option& option : question.options) substantive += option.IsSubstantive() ? 1 : 0;
    const int per_row = TilesPerRow(substantive, em * 5.0f, gap);
    const float width = TileWidth(per_row, gap);
    const float height = std::min(width * 0.55f, em * 4.0f) + em * 3.6f;
    int drawn = 0;
    for (const Option& option : question.options) {
        if (!option.IsSubstantive()) continue;
        if (drawn % per_row != 0) ImGui::SameLine(0.0f, gap);
        const int value = option.value.value_or(drawn + 1);
        if (FaceTile(frame, OptionId(question, option.id), value, option.text.In(language), IsChosen(answer, option.id),
                     question.id, ImVec2(width, height))) {
            session.SetAnswer(Answer::Choice(option.id));
        }
        ++drawn;
    }
}

void AnswerInput::DrawNumberRow(FrameContext& frame, RespondentSession& session, const Question& question) {
    const std::string& language = session.Language();
    const Answer* answer = session.AnswerTo(question.id);
    const float em = ImGui::GetFontSize();
    const float gap = em * 0.3f;
    const int per_row = TilesPerRow(11, std::max(frame.theme.min_touch_target, em * 2.0f), gap);
    const float size = TileWidth(per_row, gap);
    float left = 0.0f;
    float right = 0.0f;
    for (int value = 0; value <= 10; ++value) {
        if (value % per_row != 0) ImGui::SameLine(0.0f, gap);
        const bool chosen = answer != nullptr && answer->kind == AnswerKind::kInteger && answer->value == value;
        if (NumberTile(frame, "value:" + question.id + ":" + std::to_string(value), std::to_string(value),
                       Say(Phrase::kOutOf10, language, value), chosen, question.id, std::min(size, em * 3.0f))) {
            session.SetAnswer(Answer::Integer(value));
        }
        if (value == 0) left = ImGui::GetItemRectMin().x;
        right = std::max(right, ImGui::GetItemRectMax().x);
    }
    DrawScaleEnds(question, language, left, right);
}

void AnswerInput::DrawNumberGrid(FrameContext& frame, RespondentSession& session, const Question& question) {
    const Answer* answer = session.AnswerTo(question.id);
    const float em = ImGui::GetFontSize();
    const float gap = em * 0.3f;
    const int count = question.max_value - question.min_value + 1;
    // Typing a number is hard for some; a small range is offered as squares to tap instead.
    const int shown = std::clamp(count, 1, 40);
    const int per_row = TilesPerRow(shown, std::max(frame.theme.min_touch_target, em * 2.2f), gap);
    const float size = TileWidth(std::max(per_row, std::min(shown, 8)), gap);
    for (int i = 0; i < shown; ++i) {
        const int value = question.min_value + i;
        if (i % per_row != 0) ImGui::SameLine(0.0f, gap);
        const bool chosen = answer != nullptr && answer->kind == AnswerKind::kInteger && answer->value == value;
        if (NumberTile(frame, "value:" + question.id + ":" + std::to_string(value), std::to_string(value),
                       std::to_string(value), chosen, question.id, std::min(size, em * 3.0f))) {
            session.SetAnswer(Answer::Integer(value));
        }
    }
}

void AnswerInput::DrawText(FrameContext& frame, RespondentSession& session, const Question& question) {
    const std::string& language = session.Language();
    const std::string id = "text:" + question.id;
    const auto typed = frame.input.text_changes.find(id);
    if (typed != frame.input.text_changes.end()) {
        if (typed->second.empty()) {
            session.ClearAnswer();
        } else {
            session.SetAnswer(Answer::Text(typed->second));
        }
    }
    const Answer* answer = session.AnswerTo(question.id);
    const std::string text = answer != nullptr && answer->kind == AnswerKind::kText ? answer->text : std::string();
    TextBox(frame, id, question.text.In(language), text, question.max_length, Say(Phrase::kTapToType, language),
            ImGui::GetFontSize() * 6.0f);
    if (question.max_length > 0) {
        int used = 0;
        for (unsigned char c : text) used += (c & 0xC0) != 0x80 ? 1 : 0;
        Paragraph(Say(Phrase::kCharactersLeft, language, std::max(0, question.max_length - used)), true);
    }
}

void AnswerInput::DrawBeforeAndNow(FrameContext& frame, RespondentSession& session, const Question& question) {
    const std::string& language = session.Language();
    const Answer* answer = session.AnswerTo(question.id);
    auto pending = pending_before_and_now_.find(question.id);
    if (pending == pending_before_and_now_.end()) {
        std::pair<int, int> start{-1, -1};
        if (answer != nullptr && answer->kind == AnswerKind::kBeforeAndNow) start = {answer->before, answer->now};
        pending = pending_before_and_now_.emplace(question.id, start).first;
    }
    std::pair<int, int>& values = pending->second;
    if (answer == nullptr || answer->kind != AnswerKind::kBeforeAndNow) {
        // A "don't know" chosen meanwhile replaces any half-made rating.
        if (answer != nullptr) values = {-1, -1};
    }
    const float em = ImGui::GetFontSize();
    const float gap = em * 0.3f;
    const int per_row = TilesPerRow(11, std::max(frame.theme.min_touch_target, em * 2.0f), gap);
    const float size = std::min(TileWidth(per_row, gap), em * 3.0f);
    bool changed = false;
    for (int row = 0; row < 2; ++row) {
        const std::string label = (row == 0 ? question.before_label : question.now_label).In(language);
        BoldParagraph(frame, label);
        const std::string prefix = row == 0 ? "before:" : "now:";
        int& target = row == 0 ? values.first : values.second;
        float left = 0.0f;
        float right = 0.0f;
        for (int value = 0; value <= 10; ++value) {
            if (value % per_row != 0) ImGui::SameLine(0.0f, gap);
            if (NumberTile(frame, prefix + question.id + ":" + std::to_string(value), std::to_string(value),
                           label + ": " + Say(Phrase::kOutOf10, language, value), target == value,
                           prefix + question.id, size)) {
                target = value;
                changed = true;
            }
            if (value == 0) left = ImGui::GetItemRectMin().x;
            right = std::max(right, ImGui::GetItemRectMax().x);
        }
        DrawScaleEnds(question, language, left, right);
    }
    if (changed && values.first >= 0 && values.second >= 0) {
        session.SetAnswer(Answer::BeforeAndNow(values.first, values.second));
    }
}

std::string DescribeAnswer(const Question& question, const Answer& answer, const std::string& language) {
    switch (answer.kind) {
        case AnswerKind::kSkipped:
            return Say(Phrase::kSkipped, language);
        case AnswerKind::kOption: {
            const Option* option = question.FindOption(answer.option_id);
            return option != nullptr ? option->text.In(language) : answer.option_id;
        }
        case AnswerKind::kOptions: {
            std::string text;
            for (const Option& option : question.options) {
                if (answer.option_ids.count(option.id) == 0) continue;
                if (!text.empty()) text += ", ";
                text += option.text.In(language);
            }
            return text;
        }
        case AnswerKind::kInteger:
            return question.kind == QuestionKind::kRating0To10 ? Say(Phrase::kOutOf10, language, answer.value)
                                                               : std::to_string(answer.value);
        case AnswerKind::kText:
            return answer.text;
        case AnswerKind::kBeforeAndNow:
            return question.before_label.In(language) + ": " + Say(Phrase::kOutOf10, language, answer.before) +
                   ". " + question.now_label.In(language) + ": " + Say(Phrase::kOutOf10, language, answer.now) + ".";
    }
    return {};
}

}  // namespace yousaid::ui
