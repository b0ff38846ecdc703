#pragma once
// Widgets sized for small hands: every interactive one is at least 48 CSS pixels, is listed
// in the frame's items (for tests and the accessible layer), answers to a tap, a click or an
// activation from the accessible layer alike, and shows keyboard focus as a ring.
#include <string>

#include "ui/frame_context.h"

namespace yousaid::ui {

struct RegionState {
    bool pressed = false;  // tapped, clicked or activated this frame
    bool hovered = false;
    bool held = false;
    bool focused = false;  // keyboard focus from the accessible layer
};

// An invisible interactive rectangle at the cursor; widgets draw on top of it.
RegionState InteractiveRegion(FrameContext& frame, const std::string& id, const ImVec2& size, ItemRole role,
                              const std::string& label, bool enabled = true, bool checked = false,
                              const std::string& group = {});

// Danger: a button that deletes something (responses, a store); its own colour in every
// theme, and a label that says what goes.
enum class ButtonKind { Primary, Secondary, Danger };

// `width` 0 means the whole column. `accessible_label`, when given, is what a screen reader
// says instead of the visible label (e.g. "Change: Do you feel safe?" for "Change").
bool BigButton(FrameContext& frame, const std::string& id, const std::string& label,
               ButtonKind kind = ButtonKind::Primary, bool enabled = true, float width = 0,
               const std::string& accessible_label = {});

// A full-width answer tile with a round (radio) or square (checkbox) marker, ticked when
// selected, so the choice never rests on colour alone. `width` 0 means the column; `height`
// 0 means as tall as its words need (tiles side by side pass their row's height). Compact
// tiles have less padding, for long lists that must fit on one screen.
bool ChoiceTile(FrameContext& frame, const std::string& id, const std::string& label, bool selected,
                ItemRole role, const std::string& group, float width = 0, float height = 0, bool compact = false);
// How tall a choice tile of this width needs to be for its words.
float ChoiceTileHeight(const FrameContext& frame, const std::string& label, float width, bool compact);
// The room a choice tile of this width leaves for its words.
float ChoiceTileTextWidth(float tile_width, bool compact);
// The widest word of a label in the bold face: a layout fits its labels only if this fits.
float WidestLabelWord(const FrameContext& frame, const std::string& label);

// A numbered square for 0-10 ratings; `accessible_label` is what a screen reader says.
bool NumberTile(FrameContext& frame, const std::string& id, const std::string& text,
                const std::string& accessible_label, bool selected, const std::string& group, float size);

// The shape of a face tile: standing (the face above its words, tiles side by side in a
// row) or lying (the face left of its words, tiles one under another in a list).
struct FaceTileShape {
    ImVec2 size;
    float face = 0;  // the face's square: its height when standing, its side when lying
    bool beside = false;
    int columns = 1;  // lying tiles: how many side by side
    static FaceTileShape Standing(float width, float face_height, float label_height);
    static FaceTileShape Lying(float width, float height, float face);
};
// The room a face tile of this shape leaves for its words, and the height they take there.
float FaceLabelWidth(const FaceTileShape& shape);
float FaceLabelHeight(const FrameContext& frame, const std::string& label, float width);

// One face of a five-point scale, from very sad (1) to very happy (5), with its words.
bool FaceTile(FrameContext& frame, const std::string& id, int scale_value, const std::string& label,
              bool selected, const std::string& group, const FaceTileShape& shape);

// A box showing typed text; typing happens in the accessible layer's textarea, which also
// brings up the tablet's keyboard.
void TextBox(FrameContext& frame, const std::string& id, const std::string& accessible_label,
             const std::string& text, int max_length, const std::string& placeholder, float height);

// A labelled one-line text field; returns true when what was typed changed `value`.
bool TextField(FrameContext& frame, const std::string& id, const std::string& label, std::string& value,
               int max_length);

// A labelled one-line field for a passphrase: dots on the canvas, and only "12 characters
// entered" for a screen reader, the accessible layer and the test hook. `value` is wiped
// (not just emptied) when what was typed replaces it.
bool MaskedField(FrameContext& frame, const std::string& id, const std::string& label, std::string& value,
                 int max_length);

// Draws a tick inside `box` (marks selection without relying on colour).
void DrawTick(ImDrawList* draw_list, const ImVec2& min, const ImVec2& max, ImU32 colour, float thickness);

// Every widget below that draws words also publishes them as static text, in drawing order,
// to the list a PublishedText names (App holds one for each frame), so that no screen can
// show words a screen reader does not get. Paragraph takes no frame, hence the scope.
class PublishedText {
public:
    explicit PublishedText(InteractiveItemList& items);
    ~PublishedText();
    PublishedText(const PublishedText&) = delete;
    PublishedText& operator=(const PublishedText&) = delete;
};

void Heading(const FrameContext& frame, const std::string& text);
void QuestionHeading(const FrameContext& frame, const std::string& text);
void Paragraph(const std::string& text, bool muted = false);
void BoldParagraph(const FrameContext& frame, const std::string& text);
// Words in the question font (a helpline number), wrapped and published like any paragraph.
void LargeParagraph(const FrameContext& frame, const std::string& text);
// One line in the title font that a screen reader hears as `spoken` (a PIN's dots as
// "3 digits entered").
void TitleLine(const FrameContext& frame, const std::string& text, const std::string& spoken);
// Publishes for screen readers the words ImGui has just drawn as the last item, for text a
// screen places itself (the ends of a scale) rather than through the paragraph widgets.
void PublishLastText(const std::string& text);
// Gives the item just added a description a screen reader reads after its name, e.g. why a
// button cannot be used yet.
void DescribeLastItem(FrameContext& frame, const std::string& description);
void VerticalGap(float em);
// A clear "more answers below" sign at the bottom of the scrolling region, for when some
// choices cannot fit on the screen with the others; published as text.
void MoreBelowCue(const FrameContext& frame, const std::string& text);
// Within its scope, the current window's words, and the gaps between things, are scaled so
// that words are no larger than `most_size` (CSS pixels): the toolbar and progress line stay
// small when a person chooses large text, leaving the room to the question and its answers.
class SmallerText {
public:
    explicit SmallerText(float most_size);
    ~SmallerText();
    SmallerText(const SmallerText&) = delete;
    SmallerText& operator=(const SmallerText&) = delete;

private:
    bool scaled_ = false;
};
// `width` 0 means the whole column.
void ProgressBar(const FrameContext& frame, float fraction, const std::string& caption, float width = 0);

// A centred content column no wider than `max_width_em` font sizes; returns its width.
float BeginColumn(float max_width_em);
void EndColumn();
// Width of the current column (or of the remaining content region outside a column).
float ColumnWidth();

ImU32 ToU32(const ImVec4& colour);

}  // namespace yousaid::ui
