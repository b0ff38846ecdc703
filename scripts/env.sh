# Sourced by every project script: where the caches live and how the toolchain is told.
# Slow results live outside the repository so a fresh clone reuses them.
YOUSAID_CACHE="${YOUSAID_CACHE:-/var/cache/yousaid}"
YOUSAID_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export YOUSAID_CACHE YOUSAID_ROOT

# Debian's Emscripten has a read-only (frozen) cache; we use a writable copy.
export EM_CACHE="$YOUSAID_CACHE/emcache"
export EM_FROZEN_CACHE=
# Debian installs acorn for the JS optimizer here, where Node does not look by default.
export NODE_PATH=/usr/share/nodejs

YOUSAID_IMGUI_DIR="$YOUSAID_CACHE/src/imgui"
YOUSAID_SDL2_SRC_DIR="$YOUSAID_CACHE/src/sdl2"
YOUSAID_SDL2_WASM_PREFIX="$YOUSAID_CACHE/sdl2-wasm-lean"
# "-lean": built for size with one patch (scripts/setup.sh says which); the plain -O2 build that
# came before kept its own folder, so checkouts from before and after never rebuild each
# other's. A libsodium experiment can be built elsewhere by setting this first.
YOUSAID_SODIUM_WASM_PREFIX="${YOUSAID_SODIUM_WASM_PREFIX:-$YOUSAID_CACHE/libsodium-wasm-lean}"
# em++ cannot see /usr/include; this folder holds links to the header-only libraries only.
YOUSAID_WASM_INCLUDE="$YOUSAID_CACHE/wasm-include"
YOUSAID_BUILD="${YOUSAID_BUILD:-$YOUSAID_ROOT/build}"
export YOUSAID_IMGUI_DIR YOUSAID_SDL2_SRC_DIR YOUSAID_SDL2_WASM_PREFIX YOUSAID_SODIUM_WASM_PREFIX YOUSAID_WASM_INCLUDE
export YOUSAID_BUILD

log() { printf '\033[1m[yousaid]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[yousaid] error:\033[0m %s\n' "$*" >&2; exit 1; }
