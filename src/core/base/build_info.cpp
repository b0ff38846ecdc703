#include "core/base/build_info.h"

namespace yousaid {

const char* BuildTarget() {
#if defined(__wasm32__)
    return "wasm32";
#else
    return "native";
#endif
}

}  // namespace yousaid
