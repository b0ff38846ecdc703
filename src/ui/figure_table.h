#pragma once
// A table of figures for the officer's workspace: a header, then only the rows in view
// (a 60-school breakdown must not lay out, or publish to the accessible layer, thousands of
// cells a frame). Each row is published as one sentence, so a screen reader hears
// "Feel safe, 2025: 72.4% positive" rather than a run of bare numbers.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "ui/frame_context.h"

namespace yousaid::ui {

struct FigureColumn {
    std::string header;
    float share = 1.0f;  // of the table's width, relative to the other columns
};

struct FigureRows {
    std::size_t count = 0;
    std::function<std::string(std::size_t row, std::size_t column)> cell;
    std::function<std::string(std::size_t row)> spoken;  // the row as one sentence
};

void FigureTable(const FrameContext& frame, const std::string& id, const std::vector<FigureColumn>& columns,
                 const FigureRows& rows);

}  // namespace yousaid::ui
