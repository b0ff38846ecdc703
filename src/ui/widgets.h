#pragma once
#include <string>

#include "ui/frame_context.h"

namespace yousaid::ui {

enum class ButtonKind { Primary, Secondary };

// A large, touch-friendly button, listed in the frame's interactive items.
// `id` is stable across languages; `label` is what a person reads.
bool BigButton(FrameContext& frame, const char* id, const std::string& label,
               ButtonKind kind = ButtonKind::Primary, bool enabled = true);

// Wrapped paragraph text in the body font, optionally muted.
void Paragraph(const std::string& text, bool muted = false);

// A centred content column no wider than `max_width_em` font sizes; returns its width.
// Pair with EndColumn().
float BeginColumn(float max_width_em);
void EndColumn();
// Width of the current column (or of the remaining content region outside a column).
float ColumnWidth();

}  // namespace yousaid::ui
