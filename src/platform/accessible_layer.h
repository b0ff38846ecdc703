#pragma once
// The bridge between the canvas and everything that cannot see a canvas: screen readers,
// keyboard users, the tablet's on-screen keyboard and the browser's speech.
//
// After each drawn frame the app publishes what the screen drew: its controls, its blocks of
// text and its choice groups. The browser side keeps invisible HTML elements over them in
// reading order (focusable button, radio, checkbox and textarea elements, headings and
// paragraphs, a labelled radiogroup or group around each question's choices), announces the
// screen's main text through an ARIA live region, and queues what people do with those
// elements for the app to act on in its next frame.
#include <string>
#include <vector>

namespace yousaid::platform {

// The JSON text of the frame's items, groups and announcement (see ui::InteractiveItemList).
void PublishAccessibleScreen(const std::string& json);

struct AccessibleEvent {
    // kCaret: the insertion point of a text field moved (arrow keys, a tap, a paste).
    // kTestCommand: a browser test's request (honoured on a test page only); item_id names it.
    enum class Kind { kActivate, kTextChanged, kFocus, kCaret, kTestCommand };
    Kind kind = Kind::kActivate;
    std::string item_id;
    std::string text;  // kTextChanged: the field's whole new value; kTestCommand: its JSON
    // kTextChanged and kCaret: the insertion point and the end of the selection, as byte
    // offsets into the field's UTF-8 text.
    int caret = -1;
    int selection_end = -1;
};
// Everything people did through the HTML layer since the last call, in order.
std::vector<AccessibleEvent> TakeAccessibleEvents();

// Speech synthesis in a language ("en", "pl"); available only when the device has a voice.
bool SpeechAvailable(const std::string& language);
void Speak(const std::string& text, const std::string& language);
void StopSpeaking();

}  // namespace yousaid::platform
