#pragma once
// Everything drawn in a frame that a screen reader or a test needs is listed here, in
// drawing (reading) order: every interactive thing with its role, name, rectangle and state,
// and every block of text. The list feeds the browser-test hook and the accessible HTML
// layer, so what tests and screen readers get is exactly what was drawn.
#include <string>
#include <vector>

namespace yousaid::ui {

enum class ItemRole { Button, Checkbox, Radio, TextField, Text };

const char* ItemRoleName(ItemRole role);

// How a block of static text reads: the screen's heading, a label that introduces what
// follows (a question on the check screen, "Text size"), or running text.
enum class TextKind { Heading, Label, Body };

const char* TextKindName(TextKind kind);

struct InteractiveItem {
    std::string id;     // stable across frames and languages, e.g. "start"
    std::string label;  // what a person sees or hears, e.g. "Start"; a text item's words
    ItemRole role = ItemRole::Button;
    // In CSS pixels relative to the canvas (ImGui's coordinates with SDL's high-DPI mode).
    float x = 0, y = 0, width = 0, height = 0;
    bool enabled = true;
    bool checked = false;
    bool hovered = false;       // drawn as under the pointer (never after a finger has lifted)
    bool fully_visible = true;  // false when scrolled (partly) out of its scrolling region
    // Within a screen's height of the visible part of its scrolling region (text items only:
    // a long list publishes only the text near what is on screen).
    bool near_view = true;
    std::string group;        // choices: the group they belong to (one question)
    std::string value;        // text fields: the current text (never a masked field's)
    // A masked field (a passphrase): its text is never published, drawn or spoken; only
    // how many characters it holds.
    bool masked = false;
    int entered = 0;
    std::string placeholder;  // text fields: what shows while empty
    int max_length = 0;       // text fields: 0 for no limit
    std::string description;  // read after the name, e.g. why a button cannot be used yet
    // A key that presses the control from anywhere on its screen, as a keyboard's own keys
    // do on the PIN pad ("1", "Backspace"; KeyboardEvent.key names); empty for none.
    std::string key_shortcut;
    TextKind text_kind = TextKind::Body;  // text items only
    // Where a control's own words were drawn (its label inside a tile or button), so a test
    // can see that they stay inside it; empty (width 0) for controls that draw no words.
    float text_x = 0, text_y = 0, text_width = 0, text_height = 0;
    // Some word was split across lines to fit: words must break only between words.
    bool words_broken = false;
    // Text fields with the keyboard's focus: where the caret is drawn, and before which byte
    // of the text (the insertion point), -1 when none is drawn.
    int caret = -1;
    float caret_x = 0, caret_y = 0, caret_height = 0;
};

// A set of choices a screen reader hears as one question: the radios or checkboxes sharing
// a `group`, named by the text drawn just before them.
struct ItemGroup {
    std::string id;
    ItemRole role = ItemRole::Radio;
    std::string label_item;  // the id of the text item that names the group; empty for none
};

class InteractiveItemList {
public:
    void Clear();
    void Add(InteractiveItem item);
    // A block of text at a rectangle; ids are "text:0", "text:1", ... in drawing order.
    // Returns the item added, or nullptr for blank text (which is not listed).
    InteractiveItem* AddText(const std::string& text, TextKind kind, float x, float y, float width, float height,
                             bool near_view);
    const std::vector<InteractiveItem>& Items() const { return items_; }
    const std::vector<ItemGroup>& Groups() const { return groups_; }
    InteractiveItem& Last() { return items_.back(); }
    // Text items to publish: all of them, unless there are more than a screen reader could
    // use in one frame (a long list), then those near the view.
    bool Published(const InteractiveItem& item) const;

private:
    std::vector<InteractiveItem> items_;
    std::vector<ItemGroup> groups_;
    int text_count_ = 0;
    // What names a group that starts now: the label just drawn, if no control came after
    // it, else the last heading ("Now" must not name the "Don't know" after its numbers).
    std::string last_label_id_;
    std::string last_heading_id_;
};

}  // namespace yousaid::ui
