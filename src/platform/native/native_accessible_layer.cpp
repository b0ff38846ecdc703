// Native stand-in: there is no page, so nothing is mirrored or spoken; tests of the
// screens drive them directly.
#include "platform/accessible_layer.h"

namespace yousaid::platform {

void PublishAccessibleScreen(const std::string&) {}
std::vector<AccessibleEvent> TakeAccessibleEvents() { return {}; }
bool SpeechAvailable(const std::string&) { return false; }
void Speak(const std::string&, const std::string&) {}
void StopSpeaking() {}

}  // namespace yousaid::platform
