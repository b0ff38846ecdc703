#include "ui/interactive_items.h"

#include <algorithm>

namespace yousaid::ui {

namespace {
// More text blocks than this in one frame is a long list, not a screen to read in full.
constexpr int kMostTextsPublishedInFull = 300;
}  // namespace

const char* ItemRoleName(ItemRole role) {
    switch (role) {
        case ItemRole::Button: return "button";
        case ItemRole::Checkbox: return "checkbox";
        case ItemRole::Radio: return "radio";
        case ItemRole::TextField: return "textbox";
        case ItemRole::Text: return "text";
    }
    return "button";
}

const char* TextKindName(TextKind kind) {
    switch (kind) {
        case TextKind::Heading: return "heading";
        case TextKind::Label: return "label";
        case TextKind::Body: return "body";
    }
    return "body";
}

void InteractiveItemList::Clear() {
    items_.clear();
    groups_.clear();
    text_count_ = 0;
    last_label_id_.clear();
    last_heading_id_.clear();
}

void InteractiveItemList::Add(InteractiveItem item) {
    const bool choice = item.role == ItemRole::Radio || item.role == ItemRole::Checkbox;
    if (choice && !item.group.empty() &&
        std::none_of(groups_.begin(), groups_.end(), [&](const ItemGroup& group) { return group.id == item.group; })) {
        groups_.push_back({item.group, item.role, last_label_id_.empty() ? last_heading_id_ : last_label_id_});
    }
    last_label_id_.clear();
    items_.push_back(std::move(item));
}

InteractiveItem* InteractiveItemList::AddText(const std::string& text, TextKind kind, float x, float y, float width,
                                              float height, bool near_view) {
    if (text.find_first_not_of(" \n") == std::string::npos) return nullptr;
    InteractiveItem item;
    item.id = "text:" + std::to_string(text_count_++);
    item.label = text;
    item.role = ItemRole::Text;
    item.text_kind = kind;
    item.x = x;
    item.y = y;
    item.width = width;
    item.height = height;
    item.near_view = near_view;
    if (kind == TextKind::Heading) {
        last_heading_id_ = item.id;
        last_label_id_.clear();
    }
    if (kind == TextKind::Label) last_label_id_ = item.id;
    items_.push_back(std::move(item));
    return &items_.back();
}

bool InteractiveItemList::Published(const InteractiveItem& item) const {
    return item.role != ItemRole::Text || item.near_view || text_count_ <= kMostTextsPublishedInFull;
}

}  // namespace yousaid::ui
