#include "ui/answer_input.h"

#include <algorithm>
#include <vector>

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

// The height left in the visible part of the scrolling region below the cursor, when the
// region is scrolled to its top: what the answers can fill without anyone scrolling.
float VisibleHeightLeft() {
    const ImGuiStyle& style = ImGui::GetStyle();
    return ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - style.WindowPadding.y - style.ItemSpacing.y;
}

// One answer tile of a list of choices.
struct ChoiceEntry {
    std::string id;  // the tile's item id
    std::string label;
    bool selected = false;
    std::string option_id;
};

// How a list of choices is laid out: one or two columns, standard or compact tiles.
struct ChoicePlan {
    int columns = 1;
    bool compact = false;
    float tile_width = 0;
    std::vector<float> row_heights;
    float total = 0;
};

ChoicePlan PlanFor(const FrameContext& frame, const std::vector<ChoiceEntry>& entries, int columns, bool compact) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float row_gap = compact ? ImGui::GetFontSize() * 0.3f : ImGui::GetStyle().ItemSpacing.y;
    ChoicePlan plan;
    plan.columns = columns;
    plan.compact = compact;
    plan.tile_width = (ColumnWidth() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const float height = ChoiceTileHeight(frame, entries[i].label, plan.tile_width, compact);
        if (i % static_cast<std::size_t>(columns) == 0) {
            plan.row_heights.push_back(height);
        } else {
            plan.row_heights.back() = std::max(plan.row_heights.back(), height);
        }
    }
    for (float height : plan.row_heights) plan.total += height;
    plan.total += row_gap * static_cast<float>(std::max<std::size_t>(plan.row_heights.size(), 1) - 1);
    return plan;
}

// Two columns only when every word of every label fits its half at full size.
bool FitsInColumns(const FrameContext& frame, const std::vector<ChoiceEntry>& entries, int columns, bool compact) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float tile = (ColumnWidth() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float room = ChoiceTileTextWidth(tile, compact);
    return std::all_of(entries.begin(), entries.end(),
                       [&](const ChoiceEntry& entry) { return WidestLabelWord(frame, entry.label) <= room; });
}

// The roomiest layout that shows every choice at once in `available` height: one column,
// then two, then the same with compact tiles; when none does, the shortest (and the screen
// shows that more answers are below).
ChoicePlan PlanChoices(const FrameContext& frame, const std::vector<ChoiceEntry>& entries, float available) {
    ChoicePlan shortest;
    bool any = false;
    for (const bool compact : {false, true}) {
        for (const int columns : {1, 2}) {
            if (columns > 1 && (entries.size() < 2 || !FitsInColumns(frame, entries, columns, compact))) continue;
            ChoicePlan plan = PlanFor(frame, entries, columns, compact);
            if (plan.total <= available) return plan;
            if (!any || plan.total < shortest.total) shortest = plan;
            any = true;
        }
    }
    return shortest;
}

// Draws the choices as planned; returns the index of the one tapped, or -1.
int DrawChoiceList(FrameContext& frame, const std::vector<ChoiceEntry>& entries, const ChoicePlan& plan, ItemRole role,
                   const std::string& group) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row_gap = plan.compact ? ImGui::GetFontSize() * 0.3f : style.ItemSpacing.y;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, row_gap));
    int tapped = -1;
    const std::size_t columns = static_cast<std::size_t>(plan.columns);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i % columns != 0) ImGui::SameLine();
        const float height = plan.row_heights[i / columns];
        if (ChoiceTile(frame, entries[i].id, entries[i].label, entries[i].selected, role, group, plan.tile_width, height,
                       plan.compact)) {
            tapped = static_cast<int>(i);
        }
    }
    ImGui::PopStyleVar();
    return tapped;
}

std::vector<ChoiceEntry> EntriesFor(const Question& question, const std::string& language, const Answer* answer,
                                    bool substantive) {
    std::vector<ChoiceEntry> entries;
    for (const Option& option : question.options) {
        if (!substantive && option.IsSubstantive()) continue;
        entries.push_back({OptionId(question, option.id), option.text.In(language), IsChosen(answer, option.id), option.id});
    }
    return entries;
}

// The height the "don't know" and "prefer not to say" tiles need at the least.
float NotSubstantiveHeight(const FrameContext& frame, const Question& question, const std::string& language) {
    const std::vector<ChoiceEntry> entries = EntriesFor(question, language, nullptr, false);
    if (entries.empty()) return 0.0f;
    return PlanChoices(frame, entries, 0.0f).total + ImGui::GetStyle().ItemSpacing.y;
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
    const std::vector<ChoiceEntry> entries =
        EntriesFor(question, session.Language(), session.AnswerTo(question.id), substantive);
    if (entries.empty()) return;
    const ChoicePlan plan = PlanChoices(frame, entries, VisibleHeightLeft());
    const int tapped = DrawChoiceList(frame, entries, plan, ItemRole::Radio, question.id);
    if (tapped < 0) return;
    session.SetAnswer(Answer::Choice(entries[static_cast<std::size_t>(tapped)].option_id));
    pending_before_and_now_.erase(question.id);
}

void AnswerInput::DrawMultipleChoice(FrameContext& frame, RespondentSession& session, const Question& question) {
    const std::string& language = session.Language();
    Paragraph(Say(Phrase::kChooseAny, language), true);
    const Answer* answer = session.AnswerTo(question.id);
    std::set<std::string> chosen;
    if (answer != nullptr && answer->kind == AnswerKind::kOptions) chosen = answer->option_ids;
    std::vector<ChoiceEntry> entries;
    for (const Option& option : question.options) {
        entries.push_back({OptionId(question, option.id), option.text.In(language), chosen.count(option.id) != 0, option.id});
    }
    const ChoicePlan plan = PlanChoices(frame, entries, VisibleHeightLeft());
    const int tapped = DrawChoiceList(frame, entries, plan, ItemRole::Checkbox, question.id);
    if (tapped < 0) return;
    const Option& option = question.options[static_cast<std::size_t>(tapped)];
    std::set<std::string> next = chosen;
    if (chosen.count(option.id) != 0) {
        next.erase(option.id);
    } else if (!option.IsSubstantive()) {
        next = {option.id};  // "prefer not to say" stands alone
    } else {
        for (const Option& other : question.options) {
            if (!other.IsSubstantive()) next.erase(other.id);
        }
        if (question.max_choices > 0 && static_cast<int>(next.size()) >= question.max_choices) return;
        next.insert(option.id);
    }
    if (next.empty()) {
        session.ClearAnswer();
    } else {
        session.SetAnswer(Answer::Choices(next));
    }
}

namespace {

// The faces side by side, each tile as wide as a fifth of the column: only when every word
// of every label fits a tile, and the faces stay big enough to tell apart.
bool StandingFacesFit(const FrameContext& frame, const std::vector<std::string>& labels, float tile_width) {
    if (tile_width < ImGui::GetFontSize() * 3.0f) return false;
    const FaceTileShape probe = FaceTileShape::Standing(tile_width, 0.0f, 0.0f);
    return std::all_of(labels.begin(), labels.end(), [&](const std::string& label) {
        return WidestLabelWord(frame, label) <= FaceLabelWidth(probe);
    });
}

// A list of faces, one under another in `columns` columns: every tile as tall as the
// tallest label needs.
FaceTileShape LyingFaces(const FrameContext& frame, const std::vector<std::string>& labels, bool compact, int columns = 1) {
    const float em = ImGui::GetFontSize();
    const float face = em * (compact ? 1.5f : 2.0f);
    const float gap = em * 0.4f;
    const float width = (ColumnWidth() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    FaceTileShape shape = FaceTileShape::Lying(width, 0.0f, face);
    float height = std::max(frame.theme.min_touch_target, face + em * (compact ? 0.3f : 0.6f));
    for (const std::string& label : labels) {
        height = std::max(height, FaceLabelHeight(frame, label, FaceLabelWidth(shape)) + em * (compact ? 0.4f : 0.8f));
    }
    shape.size.y = height;
    shape.columns = columns;
    return shape;
}

float ListHeight(const FaceTileShape& shape, std::size_t count) {
    const float gap = shape.face < ImGui::GetFontSize() * 2.0f ? ImGui::GetFontSize() * 0.3f : ImGui::GetStyle().ItemSpacing.y;
    const std::size_t rows = (count + static_cast<std::size_t>(shape.columns) - 1) / static_cast<std::size_t>(shape.columns);
    return (shape.size.y + gap) * static_cast<float>(rows) - gap;
}

// Faces side by side: as big as the tile allows, smaller (to a point) when the row would
// not fit the height left.
FaceTileShape StandingFaces(const FrameContext& frame, const std::vector<std::string>& labels, float tile_width,
                            float available) {
    const float em = ImGui::GetFontSize();
    float label_height = 0.0f;
    const FaceTileShape probe = FaceTileShape::Standing(tile_width, 0.0f, 0.0f);
    for (const std::string& label : labels) {
        label_height = std::max(label_height, FaceLabelHeight(frame, label, FaceLabelWidth(probe)));
    }
    const float biggest = std::min(tile_width * 0.75f, em * 3.6f);
    const float room = available - label_height - em * 0.7f;
    return FaceTileShape::Standing(tile_width, std::clamp(room, std::min(em * 1.8f, biggest), biggest), label_height);
}

// Faces one under another, compact when the roomy list would not fit.
// Faces one under another, compact when the roomy list would not fit, and in two columns
// when even that would not fit and every word fits half the column.
FaceTileShape LyingFacesToFit(const FrameContext& frame, const std::vector<std::string>& labels, float available) {
    const FaceTileShape roomy = LyingFaces(frame, labels, false);
    if (ListHeight(roomy, labels.size()) <= available) return roomy;
    const FaceTileShape compact = LyingFaces(frame, labels, true);
    if (ListHeight(compact, labels.size()) <= available) return compact;
    const FaceTileShape halves = LyingFaces(frame, labels, true, 2);
    const bool words_fit = std::all_of(labels.begin(), labels.end(), [&](const std::string& label) {
        return WidestLabelWord(frame, label) <= FaceLabelWidth(halves);
    });
    return words_fit ? halves : compact;
}

}  // namespace

void AnswerInput::DrawFaces(FrameContext& frame, RespondentSession& session, const Question& question) {
    const std::string& language = session.Language();
    const Answer* answer = session.AnswerTo(question.id);
    const float em = ImGui::GetFontSize();
    const float gap = em * 0.4f;
    std::vector<const Option*> faces;
    std::vector<std::string> labels;
    for (const Option& option : question.options) {
        if (!option.IsSubstantive()) continue;
        faces.push_back(&option);
        labels.push_back(option.text.In(language));
    }
    if (faces.empty()) return;
    const float count = static_cast<float>(faces.size());
    const float available = VisibleHeightLeft() - NotSubstantiveHeight(frame, question, language);
    const float tile_width = (ColumnWidth() - gap * (count - 1.0f)) / count;
    const bool in_a_row = StandingFacesFit(frame, labels, tile_width);
    const FaceTileShape shape = in_a_row ? StandingFaces(frame, labels, tile_width, available)
                                         : LyingFacesToFit(frame, labels, available);
    const ImVec2 spacing(ImGui::GetStyle().ItemSpacing.x,
                         shape.beside && shape.face < em * 2.0f ? em * 0.3f : ImGui::GetStyle().ItemSpacing.y);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, spacing);
    for (std::size_t i = 0; i < faces.size(); ++i) {
        if (i % static_cast<std::size_t>(in_a_row ? faces.size() : shape.columns) != 0) ImGui::SameLine(0.0f, gap);
        const Option& option = *faces[i];
        const int value = option.value.value_or(static_cast<int>(i) + 1);
        if (FaceTile(frame, OptionId(question, option.id), value, labels[i], IsChosen(answer, option.id), question.id,
                     shape)) {
            session.SetAnswer(Answer::Choice(option.id));
        }
    }
    ImGui::PopStyleVar();
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
