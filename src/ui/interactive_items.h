#pragma once
// Every interactive thing drawn in a frame is listed here with its role, name, rectangle and
// state. The list feeds the browser-test hook now and the accessible HTML layer later, so
// that what tests and screen readers see is exactly what was drawn.
#include <string>
#include <vector>

namespace yousaid::ui {

enum class ItemRole { Button, Checkbox, Radio, TextField };

const char* ItemRoleName(ItemRole role);

struct InteractiveItem {
    std::string id;     // stable across frames and languages, e.g. "start"
    std::string label;  // what a person sees or hears, e.g. "Start"
    ItemRole role = ItemRole::Button;
    // In CSS pixels relative to the canvas (ImGui's coordinates with SDL's high-DPI mode).
    float x = 0, y = 0, width = 0, height = 0;
    bool enabled = true;
    bool checked = false;
    bool hovered = false;       // drawn as under the pointer (never after a finger has lifted)
    bool fully_visible = true;  // false when scrolled (partly) out of its scrolling region
    std::string group;       // radio items: the group they belong to (one question)
    std::string value;       // text fields: the current text
    int max_length = 0;      // text fields: 0 for no limit
};

class InteractiveItemList {
public:
    void Clear() { items_.clear(); }
    void Add(InteractiveItem item) { items_.push_back(std::move(item)); }
    const std::vector<InteractiveItem>& Items() const { return items_; }
    InteractiveItem& Last() { return items_.back(); }

private:
    std::vector<InteractiveItem> items_;
};

}  // namespace yousaid::ui
