// Starts SDL, a GL context and Dear ImGui, then runs the frame loop. The loop draws only
// when something happened (input, a resize, a screen settling): an idle survey station
// must not drain a tablet's battery.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstdio>
#include <string>

#ifdef __EMSCRIPTEN__
#include <SDL_opengles2.h>
#include <emscripten.h>
#else
#include <SDL_opengl.h>
#endif

#include "app/app.h"
#include "app/canvas_renderer.h"
#include "core/crypto/sealed_box.h"
#include "platform/accessible_layer.h"
#include "platform/durable_storage.h"
#include "platform/platform.h"

namespace {

#ifdef __EMSCRIPTEN__
const char* const kAssetDir = "/assets";
#else
const char* const kAssetDir = YOUSAID_ASSET_DIR;
#endif

// After the last input, ImGui needs a few more frames to finish its reaction (a click
// lands on release; a new screen measures itself in its first frame).
constexpr int kFramesAfterInput = 3;
// Those frames run back to back and only the last is drawn (see RunOneIteration); this caps
// how many run before one is drawn, should something keep asking for more.
constexpr int kMostFramesPerDraw = 8;
// How often an idle app looks at its clocks (the station's timeouts, the countdown on "Are
// you still there?", a held corner): a quarter of a second is soon enough for a person.
constexpr int kClockCheckMilliseconds = 250;

struct FrameLoop {
    SDL_Window* window = nullptr;
    SDL_GLContext gl_context = nullptr;
    yousaid::app::App* app = nullptr;
    yousaid::app::CanvasRenderer* renderer = nullptr;
    int frames_after_input = kFramesAfterInput;
    std::uint64_t frames_run = 0;    // ImGui frames: input handled, screen laid out
    std::uint64_t frames_drawn = 0;  // of those, the ones drawn to the canvas
    bool quit = false;
    bool test_mode = false;
    double input_taken_at_ms = 0.0;  // page clock when this iteration took its input
    // A finger that lifts leaves SDL's emulated mouse where it was, and ImGui would go on
    // drawing that spot as hovered, which on a tablet looks like a half-chosen answer. From
    // this frame on the pointer is taken away, until a finger or a real mouse comes back.
    std::uint64_t pointer_gone_from_frame = 0;
    yousaid::ui::ExternalInput external_input;
};

#ifdef __EMSCRIPTEN__
const char* const kDataDir = "/data";
#else
const char* const kDataDir = YOUSAID_DATA_DIR;
#endif

// Turns what people did in the accessible HTML layer into input for the next frame.
bool CollectAccessibleEvents(FrameLoop& loop) {
    bool any = false;
    for (yousaid::platform::AccessibleEvent& event : yousaid::platform::TakeAccessibleEvents()) {
        any = true;
        switch (event.kind) {
            case yousaid::platform::AccessibleEvent::Kind::kActivate:
                loop.external_input.activated.insert(event.item_id);
                break;
            case yousaid::platform::AccessibleEvent::Kind::kTextChanged:
                if (event.caret >= 0) loop.external_input.carets[event.item_id] = {event.caret, event.selection_end};
                loop.external_input.text_changes[event.item_id] = std::move(event.text);
                break;
            case yousaid::platform::AccessibleEvent::Kind::kCaret:
                loop.external_input.carets[event.item_id] = {event.caret, event.selection_end};
                break;
            case yousaid::platform::AccessibleEvent::Kind::kTestCommand:
                loop.app->RunTestCommand(event.item_id, event.text);
                break;
            case yousaid::platform::AccessibleEvent::Kind::kFocus:
                loop.external_input.focused_item = event.item_id;
                loop.external_input.focus_moved = true;
                break;
        }
    }
    return any;
}

// ImGui sees a tap's release one frame after SDL delivers it (later still when the press came
// in the same batch), and needs the pointer in place on that frame to count the tap; the
// pointer goes the frame after.
void NotePointer(FrameLoop& loop, const SDL_Event& event) {
    constexpr std::uint64_t kFramesUntilReleaseSeen = 2;
    const bool touch = (event.type == SDL_MOUSEBUTTONUP || event.type == SDL_MOUSEBUTTONDOWN)
                           ? event.button.which == SDL_TOUCH_MOUSEID
                           : (event.type == SDL_MOUSEMOTION && event.motion.which == SDL_TOUCH_MOUSEID);
    if (event.type == SDL_MOUSEBUTTONUP && touch) {
        loop.pointer_gone_from_frame = loop.frames_run + 1 + kFramesUntilReleaseSeen;
    } else if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEMOTION || event.type == SDL_MOUSEWHEEL) {
        if (!(event.type == SDL_MOUSEMOTION && touch)) loop.pointer_gone_from_frame = 0;
    }
}

float DrawableRatio(SDL_Window* window) {
    int window_width = 0, drawable_width = 0, height = 0;
    SDL_GetWindowSize(window, &window_width, &height);
    SDL_GL_GetDrawableSize(window, &drawable_width, &height);
    return window_width > 0 ? static_cast<float>(drawable_width) / static_cast<float>(window_width) : 1.0f;
}

// One ImGui frame: takes the input, lays out the screen and lets the app react. Draws
// nothing: DrawLastFrame does that for the frame that is shown.
void RunUiFrame(FrameLoop& loop, float ratio) {
    if (loop.app->PrepareFonts(ratio)) loop.renderer->UploadFontAtlas();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // Frames run back to back can fall within one tick of the page clock; ImGui needs time
    // to move forward in every frame.
    io.DeltaTime = std::max(io.DeltaTime, 1.0f / 10000.0f);
    ++loop.frames_run;
    if (loop.pointer_gone_from_frame != 0 && loop.frames_run >= loop.pointer_gone_from_frame) {
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    }
    ImGui::NewFrame();
    loop.app->DrawFrame(loop.external_input);
    // Activations, typed text and a move of the focus are used once; keyboard focus stays
    // until it moves.
    loop.external_input.activated.clear();
    // Typed text may be a passphrase: its copies are overwritten, not just let go.
    for (auto& typed : loop.external_input.text_changes) yousaid::WipeText(typed.second);
    loop.external_input.text_changes.clear();
    loop.external_input.focus_moved = false;
    ImGui::Render();
}

void DrawLastFrame(FrameLoop& loop, float ratio) {
    int drawable_width = 0, drawable_height = 0;
    SDL_GL_GetDrawableSize(loop.window, &drawable_width, &drawable_height);
    loop.renderer->Draw(*ImGui::GetDrawData(), drawable_width, drawable_height,
                        ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
    SDL_GL_SwapWindow(loop.window);

    ++loop.frames_drawn;
    yousaid::platform::PublishAccessibleScreen(loop.app->AccessibleScreenJson());
    if (loop.frames_drawn == 1) yousaid::platform::SignalAppReady();
    if (loop.test_mode) {
        yousaid::app::App::DrawnFrame frame;
        frame.number = loop.frames_drawn;
        SDL_GetWindowSize(loop.window, &frame.css_width, &frame.css_height);
        frame.device_pixel_ratio = ratio;
        frame.more_frames_due = loop.frames_after_input > 0 || loop.app->WantsAnotherFrame();
        frame.input_taken_at_ms = loop.input_taken_at_ms;
        yousaid::platform::PublishFrameReport(loop.app->FrameReportJson(frame));
    }
}

void RunOneIteration(void* argument) {
    FrameLoop& loop = *static_cast<FrameLoop*>(argument);
    SDL_Event event;
    bool had_input = false;
    loop.input_taken_at_ms = yousaid::platform::PageClockMilliseconds();
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        had_input = true;
        if (event.type == SDL_QUIT) loop.quit = true;
        NotePointer(loop, event);
    }
    // Something asynchronous finishing (storage loaded, a save confirmed) changes what shows.
    const bool woken = yousaid::platform::TakeWakeRequest();
    if (CollectAccessibleEvents(loop)) had_input = true;
    const std::int64_t now = yousaid::platform::NowUtcMilliseconds();
    if (had_input) loop.app->NoteInput(now);
    if (loop.app->Tick(now) || woken) had_input = true;
    if (had_input) loop.frames_after_input = kFramesAfterInput;
    if (loop.frames_after_input <= 0 && !loop.app->WantsAnotherFrame() && !loop.app->Animating()) {
        // Idle: no frames until input, or until the clocks (timeouts, countdowns) are next due
        // a look.
        yousaid::platform::SleepUntilWoken(kClockCheckMilliseconds);
        return;
    }
    // The frames ImGui needs to finish reacting run back to back, and only the settled one is
    // drawn: the ones between would each show for a sixtieth of a second, and drawing a
    // frame is most of what a tap costs (on a software-rendered canvas, four times over).
    const float ratio = DrawableRatio(loop.window);
    for (int run = 0; run < kMostFramesPerDraw; ++run) {
        if (loop.frames_after_input > 0) --loop.frames_after_input;
        RunUiFrame(loop, ratio);
        if (loop.frames_after_input <= 0 && !loop.app->WantsAnotherFrame()) break;
    }
    DrawLastFrame(loop, ratio);
}

}  // namespace

int main(int, char**) {
    // First of all: in the browser, loading the stored responses from IndexedDB takes a few
    // round trips to the browser process, which then overlap the rest of start-up.
    yousaid::platform::StartPersistentStorage(kDataDir);
    // Keys go to SDL only while the canvas has focus, so Tab, arrows and typing work in the
    // accessible HTML layer (SDL would otherwise swallow them for the whole page).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "SDL_Init failed: %s\n", SDL_GetError());
        return 1;
    }
#ifdef __EMSCRIPTEN__
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // ImGui draws in order and never tests depth; without a depth buffer the browser has one
    // fewer full-screen buffer to keep and clear after every frame (12 MB at 2048x1536).
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    const auto window_flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE |
                                                           SDL_WINDOW_ALLOW_HIGHDPI);
    const yousaid::platform::Viewport viewport = yousaid::platform::CurrentViewport();
    FrameLoop loop;
    loop.window = SDL_CreateWindow("Yousaid", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                   viewport.css_width, viewport.css_height, window_flags);
    if (loop.window == nullptr) {
        std::fprintf(stderr, "SDL_CreateWindow failed: %s\n", SDL_GetError());
        return 1;
    }
    loop.gl_context = SDL_GL_CreateContext(loop.window);
    if (loop.gl_context == nullptr) {
        std::fprintf(stderr, "could not create a GL context: %s\n", SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(loop.window, loop.gl_context);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no layout file: every session starts the same
    ImGui_ImplSDL2_InitForOpenGL(loop.window, loop.gl_context);
    static yousaid::app::CanvasRenderer renderer;
    if (!renderer.Start()) return 1;
    loop.renderer = &renderer;

    static yousaid::app::App app(kAssetDir, kDataDir);
    loop.app = &app;
    loop.test_mode = yousaid::platform::IsTestMode();
#ifdef __EMSCRIPTEN__
    static FrameLoop web_loop = loop;
    emscripten_set_main_loop_arg(RunOneIteration, &web_loop, 0, true);
#else
    while (!loop.quit) {
        // Sleep until input arrives instead of spinning, unless a frame is still needed.
        if (loop.frames_after_input <= 0 && !app.WantsAnotherFrame() && !app.Animating()) SDL_WaitEventTimeout(nullptr, kClockCheckMilliseconds);
        RunOneIteration(&loop);
    }
    renderer.Stop();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(loop.gl_context);
    SDL_DestroyWindow(loop.window);
    SDL_Quit();
#endif
    return 0;
}
