// Draws Dear ImGui's draw lists on the canvas with WebGL 1 (OpenGL 3 natively).
//
// The app draws nothing else, so unlike ImGui's stock OpenGL backend this keeps no other
// GL code's state: the stock backend reads back 18 pieces of GL state every frame to
// restore them, and in a browser each read can stall until the GPU process has caught up.
// The font atlas is kept as one byte per texel (a quarter of the stock RGBA upload), and
// shapes, which use the atlas's white texel, skip the texture lookup: with a software GPU,
// as on the test machines, texture filtering is most of the cost of a filled pixel.
#pragma once

#include <cstddef>

#include <imgui.h>

namespace yousaid::app {

class CanvasRenderer {
public:
    CanvasRenderer() = default;
    CanvasRenderer(const CanvasRenderer&) = delete;
    CanvasRenderer& operator=(const CanvasRenderer&) = delete;

    // Start and Stop need the GL context current. Start is false (with the reason on stderr)
    // if the shaders fail to build.
    bool Start();
    void Stop();
    // Uploads ImGui's font atlas, built beforehand, replacing any earlier one.
    void UploadFontAtlas();
    // Clears to `background` and draws the frame into a framebuffer of this many pixels.
    void Draw(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height,
              const ImVec4& background);

private:
    unsigned int vertex_array_ = 0;  // desktop GL 3 needs one bound; WebGL 1 has the default
    unsigned int program_ = 0;
    unsigned int vertex_buffer_ = 0;
    unsigned int index_buffer_ = 0;
    unsigned int font_texture_ = 0;
    int projection_location_ = -1;
    int white_texel_location_ = -1;
    std::size_t vertex_buffer_bytes_ = 0;
    std::size_t index_buffer_bytes_ = 0;
};

}  // namespace yousaid::app
