#include "ui/interactive_items.h"

namespace yousaid::ui {

const char* ItemRoleName(ItemRole role) {
    switch (role) {
        case ItemRole::Button: return "button";
        case ItemRole::Checkbox: return "checkbox";
        case ItemRole::Radio: return "radio";
        case ItemRole::TextField: return "textbox";
    }
    return "button";
}

}  // namespace yousaid::ui
