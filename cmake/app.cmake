# The Dear ImGui app: the web app under Emscripten, a desktop window natively.
if(NOT EXISTS "${YOUSAID_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in '${YOUSAID_IMGUI_DIR}': run scripts/yousaid setup")
endif()

# Third-party code is compiled without our warning flags, as its own library.
add_library(yousaid_imgui STATIC
  ${YOUSAID_IMGUI_DIR}/imgui.cpp
  ${YOUSAID_IMGUI_DIR}/imgui_draw.cpp
  ${YOUSAID_IMGUI_DIR}/imgui_tables.cpp
  ${YOUSAID_IMGUI_DIR}/imgui_widgets.cpp
  ${YOUSAID_IMGUI_DIR}/backends/imgui_impl_sdl.cpp)
target_include_directories(yousaid_imgui SYSTEM PUBLIC ${YOUSAID_IMGUI_DIR} ${YOUSAID_IMGUI_DIR}/backends)
# The demo window is never shown; leaving it out keeps the download small.
target_compile_definitions(yousaid_imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS)
yousaid_build_for_size(yousaid_imgui)

if(EMSCRIPTEN)
  if(NOT EXISTS "${YOUSAID_SDL2_WASM_PREFIX}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for WebAssembly not found in '${YOUSAID_SDL2_WASM_PREFIX}': run scripts/yousaid setup")
  endif()
  add_library(yousaid_sdl2 INTERFACE)
  target_include_directories(yousaid_sdl2 SYSTEM INTERFACE ${YOUSAID_SDL2_WASM_PREFIX}/include/SDL2)
  target_link_libraries(yousaid_sdl2 INTERFACE ${YOUSAID_SDL2_WASM_PREFIX}/lib/libSDL2.a)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
  find_package(OpenGL REQUIRED)
  add_library(yousaid_sdl2 INTERFACE)
  target_link_libraries(yousaid_sdl2 INTERFACE PkgConfig::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
endif()
target_link_libraries(yousaid_imgui PUBLIC yousaid_sdl2)

# The characters the app draws, as inclusive first/last pairs: Latin, Latin-1 and Latin
# Extended-A (Polish, Czech, Slovak, Hungarian, Lithuanian, Latvian, Turkish...), the four
# comma-below letters of Latin Extended-B that Romanian parents type (ș Ș ț Ț: the whole
# block would add some 200 glyphs to every font and atlas for no language spoken here),
# general punctuation (curly quotes, dashes, ellipsis) and the euro sign. The fonts are cut
# down to exactly these below, and the UI bakes exactly these into its font atlas; anything
# else shows as an empty box (src/ui/fonts.cpp).
set(YOUSAID_GLYPH_RANGES 0x0020 0x017F 0x0218 0x021B 0x2010 0x2027 0x20AC 0x20AC)

file(GLOB YOUSAID_UI_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/ui/*.cpp)
add_library(yousaid_ui STATIC ${YOUSAID_UI_SOURCES})
yousaid_target_defaults(yousaid_ui)
yousaid_build_for_size(yousaid_ui)
target_link_libraries(yousaid_ui PUBLIC yousaid_imgui yousaid_core)
string(REPLACE ";" "," _glyph_ranges_c "${YOUSAID_GLYPH_RANGES}")
target_compile_definitions(yousaid_ui PRIVATE YOUSAID_GLYPH_RANGES=${_glyph_ranges_c})

# Two pages from one app: the station tablet's (app.js, index.html) and the officer's
# (officer.js, officer.html). They differ in one file each: the officer's page links the
# workspace and with it the statistics engine; the tablet's links without_workspace.cpp, so
# a tablet never downloads officer code (see src/app/workspace_feature.h). The rest is
# compiled once.
file(GLOB YOUSAID_APP_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/app/*.cpp)
list(REMOVE_ITEM YOUSAID_APP_SOURCES ${PROJECT_SOURCE_DIR}/src/app/officer_workspace.cpp
  ${PROJECT_SOURCE_DIR}/src/app/without_workspace.cpp)
add_library(yousaid_app_objects OBJECT ${YOUSAID_APP_SOURCES})
yousaid_target_defaults(yousaid_app_objects)
yousaid_build_for_size(yousaid_app_objects)
target_link_libraries(yousaid_app_objects PUBLIC yousaid_ui yousaid_platform yousaid_core yousaid_imgui)
add_executable(yousaid_app $<TARGET_OBJECTS:yousaid_app_objects> ${PROJECT_SOURCE_DIR}/src/app/without_workspace.cpp)
add_executable(yousaid_officer $<TARGET_OBJECTS:yousaid_app_objects> ${PROJECT_SOURCE_DIR}/src/app/officer_workspace.cpp)
foreach(page yousaid_app yousaid_officer)
  yousaid_target_defaults(${page})
  yousaid_build_for_size(${page})
  target_link_libraries(${page} PRIVATE yousaid_ui yousaid_platform yousaid_core yousaid_imgui)
endforeach()

# Files the app reads at run time: Debian's fonts (copied, never committed) and the surveys.
set(YOUSAID_APP_ASSETS ${CMAKE_BINARY_DIR}/app-assets)
set(YOUSAID_FONT_FILES
  /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
  /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
  /usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Regular.otf
  /usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Bold.otf)
file(GLOB YOUSAID_SURVEY_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/assets/surveys/*.json)
set(_asset_outputs)
# Each font is cut down to the glyphs in YOUSAID_GLYPH_RANGES (Debian's fontTools): Noto Sans
# covers Greek, Cyrillic and more, and whole it was 1 MB of the first download. Outlines and
# metrics are kept as they are; hinting and OpenType layout go, as the atlas uses neither.
set(_unicodes)
set(_range ${YOUSAID_GLYPH_RANGES})
while(_range)
  list(POP_FRONT _range _first _last)
  string(REPLACE "0x" "U+" _first "${_first}")
  string(REPLACE "0x" "" _last "${_last}")
  list(APPEND _unicodes "${_first}-${_last}")
endwhile()
string(REPLACE ";" "," _unicodes "${_unicodes}")
foreach(font ${YOUSAID_FONT_FILES})
  get_filename_component(name ${font} NAME)
  list(APPEND _asset_outputs ${YOUSAID_APP_ASSETS}/fonts/${name})
  add_custom_command(OUTPUT ${YOUSAID_APP_ASSETS}/fonts/${name}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${YOUSAID_APP_ASSETS}/fonts
    COMMAND /usr/bin/python3 -m fontTools.subset ${font} --unicodes=${_unicodes}
      --layout-features= --no-hinting --output-file=${YOUSAID_APP_ASSETS}/fonts/${name}
    DEPENDS ${font} ${CMAKE_CURRENT_LIST_FILE} VERBATIM)
endforeach()
foreach(survey ${YOUSAID_SURVEY_FILES})
  get_filename_component(name ${survey} NAME)
  list(APPEND _asset_outputs ${YOUSAID_APP_ASSETS}/surveys/${name})
  add_custom_command(OUTPUT ${YOUSAID_APP_ASSETS}/surveys/${name}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${survey} ${YOUSAID_APP_ASSETS}/surveys/${name}
    DEPENDS ${survey} VERBATIM)
endforeach()
add_custom_target(yousaid_app_assets DEPENDS ${_asset_outputs})
foreach(page yousaid_app yousaid_officer)
  add_dependencies(${page} yousaid_app_assets)
  # A changed survey or font must relink, or the packaged .data (and the offline cache
  # name derived from it) would stay stale.
  set_property(TARGET ${page} APPEND PROPERTY LINK_DEPENDS ${_asset_outputs})
endforeach()

if(EMSCRIPTEN)
  set(YOUSAID_WEB_DIR ${CMAKE_BINARY_DIR}/web)
  set_target_properties(yousaid_app PROPERTIES OUTPUT_NAME app)
  set_target_properties(yousaid_officer PROPERTIES OUTPUT_NAME officer)
  # The pages themselves come from one template in shell/ (Debian's emcc crashes writing
  # .html output); the static files from web/ go beside them.
  set(YOUSAID_PAGE_SCRIPT app.js)
  set(YOUSAID_PAGE_TITLE "Yousaid: have your say")
  configure_file(${PROJECT_SOURCE_DIR}/shell/index.html ${CMAKE_BINARY_DIR}/pages/index.html @ONLY)
  set(YOUSAID_PAGE_SCRIPT officer.js)
  set(YOUSAID_PAGE_TITLE "Yousaid: the officer's figures")
  configure_file(${PROJECT_SOURCE_DIR}/shell/index.html ${CMAKE_BINARY_DIR}/pages/officer.html @ONLY)
  foreach(page yousaid_app yousaid_officer)
    set_target_properties(${page} PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${YOUSAID_WEB_DIR})
    target_link_options(${page} PRIVATE
      -sENVIRONMENT=web -sALLOW_MEMORY_GROWTH=1 -sASSERTIONS=0 -sMIN_WEBGL_VERSION=1 -sMAX_WEBGL_VERSION=2
      -sEXIT_RUNTIME=0 -lidbfs.js -Oz
      "-sEXPORTED_RUNTIME_METHODS=['FS','UTF8ToString','stringToUTF8','lengthBytesUTF8']"
      "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free']"
      --preload-file ${YOUSAID_APP_ASSETS}@/assets
      # SHELL: keeps CMake from merging the repeated --pre-js away.
      "SHELL:--pre-js ${PROJECT_SOURCE_DIR}/src/platform/browser/main_loop.js"
      "SHELL:--pre-js ${PROJECT_SOURCE_DIR}/src/platform/browser/accessible_layer.js")
    set_property(TARGET ${page} APPEND PROPERTY LINK_DEPENDS
      ${PROJECT_SOURCE_DIR}/src/platform/browser/main_loop.js
      ${PROJECT_SOURCE_DIR}/src/platform/browser/accessible_layer.js)
  endforeach()
  # A tablet allocates little and rarely: the smaller allocator, 2 KB less to download. The
  # officer's page keeps dlmalloc, which is faster for 200,000 responses' worth of strings.
  target_link_options(yousaid_app PRIVATE -sMALLOC=emmalloc)
  # The officer's page starts with room for an authority's import (2 x 100,000 responses
  # peak near 110 MB): growing the memory copies all of it, and each growth during an import
  # held a frame for hundreds of milliseconds (bench/workspace_scale.mjs).
  target_link_options(yousaid_officer PRIVATE -sINITIAL_MEMORY=134217728)
  # The station's app is built last: its POST_BUILD steps copy the pages and write the
  # service worker over every file, the officer's included.
  add_dependencies(yousaid_app yousaid_officer)
  add_custom_command(TARGET yousaid_app POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_BINARY_DIR}/pages/index.html ${YOUSAID_WEB_DIR}/index.html
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_BINARY_DIR}/pages/officer.html ${YOUSAID_WEB_DIR}/officer.html
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${PROJECT_SOURCE_DIR}/web ${YOUSAID_WEB_DIR}
    VERBATIM)
  # Offline support (web app manifest, service worker precache) is generated after the build.
  include(${PROJECT_SOURCE_DIR}/cmake/web_offline.cmake OPTIONAL)
else()
  target_compile_definitions(yousaid_app_objects PRIVATE YOUSAID_ASSET_DIR="${YOUSAID_APP_ASSETS}"
    YOUSAID_DATA_DIR="${CMAKE_BINARY_DIR}/app-data")
endif()
