#!/usr/bin/env bash
# Installs everything the project needs, idempotently. Each slow step leaves a stamp in
# $YOUSAID_CACHE naming what it built from, and is skipped when the stamp still matches.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

APT_PACKAGES=(
  build-essential cmake make pkg-config xz-utils ca-certificates
  emscripten libcereal-dev rapidjson-dev doctest-dev libsdl2-dev libsodium-dev dpkg-dev
  clang libclang-rt-14-dev
  fonts-noto-core fonts-dejavu-core fonts-opendyslexic python3-fonttools
  chromium
  python3 python3-pandas python3-scipy
)
IMGUI_VERSION=1.86
SDL2_VERSION=2.26.5

[ "$(id -u)" = 0 ] || die "setup installs Debian packages: run it as root"
mkdir -p "$YOUSAID_CACHE"

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" = 0 ]; then
    log "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
}

install_packages() {
  local missing
  missing=$(missing_packages "${APT_PACKAGES[@]}")
  # Node may come from Debian or elsewhere; only install Debian's when none is on PATH.
  command -v node >/dev/null || missing="$missing nodejs"
  command -v npm >/dev/null || missing="$missing npm"
  if [ -n "${missing// /}" ]; then
    apt_update_once
    log "installing:" $missing
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
      >"$YOUSAID_CACHE/apt-install.log" 2>&1 || { tail -30 "$YOUSAID_CACHE/apt-install.log"; die "apt-get install failed"; }
  fi
}

# Debian ships Dear ImGui and SDL2 sources only as source packages, which need deb-src.
enable_deb_src() {
  local file=/etc/apt/sources.list.d/yousaid-src.sources
  [ -f "$file" ] && return 0
  local uri="http://deb.debian.org/debian"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  elif [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1=="deb" && $0 !~ /security/ {for(i=2;i<=NF;i++) if ($i ~ /^http/) {print $i; exit}}' /etc/apt/sources.list)
  fi
  log "enabling deb-src for $uri"
  cat > "$file" <<SRC
Types: deb-src
URIs: ${uri:-http://deb.debian.org/debian}
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_updated=0
}

# fetch_source PACKAGE VERSION DEST: unpacks the upstream tarball of a Debian source package.
fetch_source() {
  local package=$1 version=$2 dest=$3
  local stamp="$dest/.yousaid-stamp"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$package $version" ]; then return 0; fi
  enable_deb_src
  apt_update_once
  local dl="$YOUSAID_CACHE/downloads"
  mkdir -p "$dl"
  log "downloading Debian source package $package"
  (cd "$dl" && apt-get source -o APT::Sandbox::User=root --download-only -qq "$package" >/dev/null)
  local tarball
  tarball=$(ls "$dl"/${package}_${version}*.orig.tar.* 2>/dev/null | head -1)
  [ -n "$tarball" ] || die "no upstream tarball for $package $version in $dl (Debian has: $(ls "$dl"))"
  rm -rf "$dest" && mkdir -p "$dest"
  tar -xf "$tarball" -C "$dest" --strip-components=1
  echo "$package $version" > "$stamp"
}

copy_emscripten_cache() {
  local version stamp="$EM_CACHE/.yousaid-stamp"
  version=$(dpkg-query -W -f='${Version}' emscripten)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then return 0; fi
  log "copying Emscripten's frozen cache to $EM_CACHE (once, ~750 MB)"
  rm -rf "$EM_CACHE"
  cp -a /usr/share/emscripten/cache "$EM_CACHE"
  echo "$version" > "$stamp"
}

# SDL2's configure runs about 160 checks, each linking a test program with emcc (about 2 s
# apiece): most of the time this build takes. The answers depend only on the SDL2 and
# Emscripten versions, so scripts/sdl2-wasm-checks.cmake holds them as recorded for the
# versions named on its first set() line, and is used only when both match exactly;
# otherwise every check runs, and the answers are recorded in the cache for next time.
SDL2_CHECKS="$YOUSAID_ROOT/scripts/sdl2-wasm-checks.cmake"

record_sdl2_checks() {
  local build=$1 want=$2 out="$YOUSAID_CACHE/sdl2-wasm-checks.cmake"
  {
    echo "# SDL2's configure checks for WebAssembly, recorded by scripts/setup.sh from a full configure."
    echo "set(YOUSAID_SDL2_CHECKS_FOR \"$want\" CACHE INTERNAL \"\")"
    grep -E '^(HAVE_[A-Za-z0-9_]+|LIBC_IS_GLIBC|STDC_HEADERS):INTERNAL=' "$build/CMakeCache.txt" |
      sed -E 's/^([A-Za-z0-9_]+):INTERNAL=(.*)$/set(\1 "\2" CACHE INTERNAL "")/'
  } > "$out"
  log "recorded SDL2's configure checks in $out (copy it to scripts/ to reuse them)"
}

build_sdl2_for_wasm() {
  local stamp="$YOUSAID_SDL2_WASM_PREFIX/.yousaid-stamp"
  local want="sdl2 $SDL2_VERSION emscripten $(dpkg-query -W -f='${Version}' emscripten)"
  # SDL_LEAN_AND_MEAN leaves out SDL's optimised surface blitters, RLE, YUV and its software
  # renderer (about 100 KB of code): the app draws with WebGL, and a tablet downloads less.
  local built="$want lean"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$built" ]; then return 0; fi
  local build="$YOUSAID_CACHE/build/sdl2-wasm" checks=()
  if grep -qxF "set(YOUSAID_SDL2_CHECKS_FOR \"$want\" CACHE INTERNAL \"\")" "$SDL2_CHECKS" 2>/dev/null; then
    checks=(-C "$SDL2_CHECKS")
    log "building SDL2 $SDL2_VERSION for WebAssembly (once, about 2 minutes; configure checks from $SDL2_CHECKS)"
  else
    log "building SDL2 $SDL2_VERSION for WebAssembly (once, about 8 minutes: every configure check runs)"
  fi
  rm -rf "$build" "$YOUSAID_SDL2_WASM_PREFIX"
  mkdir -p "$build"
  (cd "$build" &&
    emcmake cmake "$YOUSAID_SDL2_SRC_DIR" "${checks[@]}" -DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF \
      -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_C_FLAGS="-DSDL_LEAN_AND_MEAN=1" \
      -DCMAKE_INSTALL_PREFIX="$YOUSAID_SDL2_WASM_PREFIX" >cmake.log 2>&1 &&
    make -j"$(nproc)" install >make.log 2>&1) || die "SDL2 WebAssembly build failed: see $build/*.log"
  [ ${#checks[@]} -gt 0 ] || record_sdl2_checks "$build" "$want"
  echo "$built" > "$stamp"
  rm -rf "$build"
}

# libsodium for WebAssembly, from the same Debian source package as the native libsodium-dev
# (Debian's patches applied). Its C files compile with emcc as they are, without running
# its configure script: CONFIGURED and the endianness say what configure would have found,
# and builds/msvc carries the version.h that configure would have written.
# A station tablet downloads it, so it is built for size (-Oz): sealing runs once per
# response. Argon2id is -O2: an officer waits for it when unlocking a key.
# One change of ours, made here to the unpacked source so that no libsodium code is copied
# into the repository: X25519's fixed-base multiplication (crypto_box_keypair, and every
# crypto_box_seal's ephemeral key) is computed with libsodium's own constant-time Montgomery
# ladder, crypto_scalarmult_curve25519_ref10(), on the base point u = 9. The public key is the
# same (tests/unit/test_x25519_base.cpp checks it against Debian's unpatched native build);
# ref10's Edwards fixed-base multiplication, which it replaces, needs a 30 KB precomputed table
# of base-point multiples that does not compress and would be in every tablet's download.
# Its function is then unused, and the linker drops it and the table.
SODIUM_LADDER_BASE='ladder-base-1'
use_ladder_for_x25519_base() {
  local file="$1/src/libsodium/crypto_scalarmult/curve25519/ref10/x25519_ref10.c"
  local from='SODIUM_C99(.mult_base =) crypto_scalarmult_curve25519_ref10_base'
  grep -qF "$from" "$file" && grep -q '^struct crypto_scalarmult_curve25519_implementation' "$file" ||
    die "libsodium's x25519_ref10.c is not as expected; cannot use the ladder for the base point"
  sed -i "s/SODIUM_C99(.mult_base =) crypto_scalarmult_curve25519_ref10_base/SODIUM_C99(.mult_base =) yousaid_x25519_base_by_ladder/" "$file"
  sed -i '/^struct crypto_scalarmult_curve25519_implementation/i\
static int\
yousaid_x25519_base_by_ladder(unsigned char *q, const unsigned char *n)\
{\
    static const unsigned char basepoint[32] = { 9 };\
\
    return crypto_scalarmult_curve25519_ref10(q, n, basepoint);\
}\
' "$file"
}
build_libsodium_for_wasm() {
  local prefix="$YOUSAID_SODIUM_WASM_PREFIX" stamp="$YOUSAID_SODIUM_WASM_PREFIX/.yousaid-stamp"
  local version want
  version=$(dpkg-query -W -f='${Version}' libsodium-dev)
  want="libsodium $version emscripten $(dpkg-query -W -f='${Version}' emscripten) Oz argon2-O2 $SODIUM_LADDER_BASE"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  local dl="$YOUSAID_CACHE/downloads"
  if [ ! -f "$dl/libsodium_${version}.dsc" ]; then
    enable_deb_src
    apt_update_once
    mkdir -p "$dl"
    log "downloading Debian source package libsodium $version"
    (cd "$dl" && apt-get source -o APT::Sandbox::User=root --download-only -qq "libsodium=$version" >/dev/null)
  fi
  # Built beside the prefix and moved into place only when complete, so a build of the app
  # running meanwhile links the old library, never half of the new one.
  local work="$prefix.building"
  local src="$work/src" objects="$work/obj" built="$work/prefix"
  rm -rf "$work"
  mkdir -p "$work"
  dpkg-source -x "$dl/libsodium_${version}.dsc" "$src" >/dev/null 2>&1 || die "could not unpack libsodium $version"
  use_ladder_for_x25519_base "$src"
  log "building libsodium $version for WebAssembly (once, 2 to 5 minutes)"
  cp "$src/builds/msvc/version.h" "$src/src/libsodium/include/sodium/version.h"
  mkdir -p "$objects" "$built/lib"
  (cd "$src/src/libsodium" && find . -name '*.c' | sort | sed 's|^\./||' |
    xargs -P"$(nproc)" -I{} sh -c 'case "$1" in crypto_pwhash/argon2/*) o=-O2 ;; *) o=-Oz ;; esac
      emcc $o -DCONFIGURED -DNATIVE_LITTLE_ENDIAN -Iinclude -Iinclude/sodium -c "$1" -o "$2/$(echo "$1" | tr / _).o"' _ {} "$objects") ||
    die "libsodium WebAssembly build failed"
  emar rcs "$built/lib/libsodium.a" "$objects"/*.o
  cp -a "$src/src/libsodium/include" "$built/include"
  echo "$want" > "$built/.yousaid-stamp"
  rm -rf "$prefix.old"
  if [ -d "$prefix" ]; then mv "$prefix" "$prefix.old"; fi
  mv "$built" "$prefix"
  rm -rf "$prefix.old" "$work"
}

link_wasm_headers() {
  mkdir -p "$YOUSAID_WASM_INCLUDE"
  local lib
  for lib in cereal rapidjson doctest; do
    ln -sfn "/usr/include/$lib" "$YOUSAID_WASM_INCLUDE/$lib"
  done
}

# node_modules is kept in the cache too, named by the lockfile's hash: a fresh clone then
# needs no network (one registry download stalling once failed a whole run).
install_node_modules() {
  local stamp="$YOUSAID_ROOT/node_modules/.yousaid-stamp"
  local want
  want=$(sha256sum "$YOUSAID_ROOT/package-lock.json" | cut -d' ' -f1)
  local cached="$YOUSAID_CACHE/node_modules-${want:0:16}"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    [ -d "$cached" ] || keep_node_modules_in_cache "$cached"
    return 0
  fi
  if [ -f "$cached/.yousaid-stamp" ] && [ "$(cat "$cached/.yousaid-stamp")" = "$want" ]; then
    log "npm packages from the cache ($cached)"
    rm -rf "$YOUSAID_ROOT/node_modules"
    cp -a "$cached" "$YOUSAID_ROOT/node_modules"
    return 0
  fi
  log "installing npm packages from package-lock.json"
  local attempt
  for attempt in 1 2 3; do
    # --prefer-offline: tarballs already in npm's own cache are not fetched again.
    (cd "$YOUSAID_ROOT" && npm ci --no-audit --no-fund --loglevel=error --prefer-offline) && break
    [ "$attempt" = 3 ] && die "npm ci failed three times"
    log "npm ci failed (attempt $attempt of 3); trying again"
  done
  echo "$want" > "$stamp"
  keep_node_modules_in_cache "$cached"
}

keep_node_modules_in_cache() {
  rm -rf "$1.tmp"
  cp -a "$YOUSAID_ROOT/node_modules" "$1.tmp" && mv "$1.tmp" "$1"
}

install_packages
fetch_source imgui "$IMGUI_VERSION" "$YOUSAID_IMGUI_DIR"
fetch_source libsdl2 "$SDL2_VERSION" "$YOUSAID_SDL2_SRC_DIR"
copy_emscripten_cache
build_sdl2_for_wasm
build_libsodium_for_wasm
link_wasm_headers
install_node_modules
log "setup complete (cache: $YOUSAID_CACHE)"
