#pragma once
#include <cstdint>

namespace yousaid {

// Bumped with every release; shown on the start screen and written into exported files.
inline constexpr const char* kAppVersion = "0.1.0";

// "native" or "wasm32": which build produced a file, for support questions.
const char* BuildTarget();

}  // namespace yousaid
