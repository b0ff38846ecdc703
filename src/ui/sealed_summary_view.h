#pragma once
// What the officer store holds sealed (docs/sealing.md): counts by survey, wave, station and
// event from the fields that stay readable, what a key is needed for, the progress of
// opening them once a key is unlocked, and each record that stayed sealed.
#include "ui/frame_context.h"
#include "ui/workspace_host.h"

namespace yousaid::ui {

void DrawSealedSummary(const FrameContext& frame, const SealedSummary& sealed);
// While sealed answers are being opened: a one-line caption and a bar, for the pinned footer.
void DrawOpeningProgress(const FrameContext& frame, const SealedSummary& sealed);

}  // namespace yousaid::ui
