#include "app/canvas_renderer.h"

#include <cstdint>
#include <cstdio>
#include <string>

#ifdef __EMSCRIPTEN__
#include <SDL_opengles2.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#endif

namespace yousaid::app {

namespace {

constexpr GLuint kPositionAttribute = 0;
constexpr GLuint kUvAttribute = 1;
constexpr GLuint kColorAttribute = 2;

#ifdef __EMSCRIPTEN__
// WebGL 1 (GLSL ES 1.00); the atlas is an ALPHA texture.
const char* const kVertexPrelude = "#version 100\n#define ATTRIBUTE attribute\n#define VARYING varying\n";
const char* const kFragmentPrelude =
    "#version 100\nprecision mediump float;\n#define VARYING varying\n"
    "#define COVERAGE(atlas, uv) texture2D(atlas, uv).a\n#define FRAG_COLOR gl_FragColor\n";
#else
// Desktop OpenGL 3.0 (GLSL 1.30); the atlas is a RED texture.
const char* const kVertexPrelude = "#version 130\n#define ATTRIBUTE in\n#define VARYING out\n";
const char* const kFragmentPrelude =
    "#version 130\n#define VARYING in\n#define COVERAGE(atlas, uv) texture(atlas, uv).r\n"
    "out vec4 frag_out;\n#define FRAG_COLOR frag_out\n";
#endif

// A shape's vertices all carry the atlas's white texel; a glyph's never do. The flag is
// worked out per vertex, where the comparison is exact, and is the same at every corner.
const char* const kVertexShader = R"(
uniform mat4 projection;
uniform vec2 white_texel;
ATTRIBUTE vec2 position;
ATTRIBUTE vec2 uv;
ATTRIBUTE vec4 color;
VARYING vec2 frag_uv;
VARYING vec4 frag_color;
VARYING float frag_is_shape;
void main() {
    frag_uv = uv;
    frag_color = color;
    frag_is_shape = uv == white_texel ? 1.0 : 0.0;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

const char* const kFragmentShader = R"(
uniform sampler2D atlas;
VARYING vec2 frag_uv;
VARYING vec4 frag_color;
VARYING float frag_is_shape;
void main() {
    float coverage = 1.0;
    if (frag_is_shape < 0.5) coverage = COVERAGE(atlas, frag_uv);
    FRAG_COLOR = vec4(frag_color.rgb, frag_color.a * coverage);
}
)";

// Shaders and programs report a failed build the same way, through their own GL calls.
template <typename GetStatus, typename GetLog>
bool BuildFailed(GLuint object, GLenum status_name, GetStatus get_status, GetLog get_log, const char* what) {
    GLint status = GL_FALSE;
    get_status(object, status_name, &status);
    if (status == GL_TRUE) return false;
    char log[1024] = {};
    get_log(object, sizeof log, nullptr, log);
    std::fprintf(stderr, "%s: %s\n", what, log);
    return true;
}

GLuint CompileShader(GLenum kind, const char* prelude, const char* body) {
    const GLuint shader = glCreateShader(kind);
    const char* parts[] = {prelude, body};
    glShaderSource(shader, 2, parts, nullptr);
    glCompileShader(shader);
    if (BuildFailed(shader, GL_COMPILE_STATUS, glGetShaderiv, glGetShaderInfoLog,
                    kind == GL_VERTEX_SHADER ? "the vertex shader does not compile"
                                             : "the fragment shader does not compile")) {
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

bool CanvasRenderer::Start() {
    const GLuint vertex_shader = CompileShader(GL_VERTEX_SHADER, kVertexPrelude, kVertexShader);
    const GLuint fragment_shader = CompileShader(GL_FRAGMENT_SHADER, kFragmentPrelude, kFragmentShader);
    if (vertex_shader == 0 || fragment_shader == 0) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vertex_shader);
    glAttachShader(program_, fragment_shader);
    glBindAttribLocation(program_, kPositionAttribute, "position");
    glBindAttribLocation(program_, kUvAttribute, "uv");
    glBindAttribLocation(program_, kColorAttribute, "color");
    glLinkProgram(program_);
    glDeleteShader(vertex_shader);
    glDeleteShader(fragment_shader);
    if (BuildFailed(program_, GL_LINK_STATUS, glGetProgramiv, glGetProgramInfoLog,
                    "the canvas shaders do not link")) {
        return false;
    }
    projection_location_ = glGetUniformLocation(program_, "projection");
    white_texel_location_ = glGetUniformLocation(program_, "white_texel");
    glUseProgram(program_);
    glUniform1i(glGetUniformLocation(program_, "atlas"), 0);

#ifndef __EMSCRIPTEN__
    glGenVertexArrays(1, &vertex_array_);
    glBindVertexArray(vertex_array_);
#endif
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    glEnableVertexAttribArray(kPositionAttribute);
    glEnableVertexAttribArray(kUvAttribute);
    glEnableVertexAttribArray(kColorAttribute);
    glVertexAttribPointer(kPositionAttribute, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUvAttribute, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColorAttribute, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));

    // Nothing else draws, so the state set here holds for every frame.
    glActiveTexture(GL_TEXTURE0);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    ImGui::GetIO().BackendRendererName = "yousaid_canvas";
    return true;
}

void CanvasRenderer::Stop() {
    if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
    if (vertex_buffer_ != 0) glDeleteBuffers(1, &vertex_buffer_);
    if (index_buffer_ != 0) glDeleteBuffers(1, &index_buffer_);
    if (program_ != 0) glDeleteProgram(program_);
#ifndef __EMSCRIPTEN__
    if (vertex_array_ != 0) glDeleteVertexArrays(1, &vertex_array_);
#endif
    font_texture_ = vertex_buffer_ = index_buffer_ = program_ = vertex_array_ = 0;
    vertex_buffer_bytes_ = index_buffer_bytes_ = 0;
}

void CanvasRenderer::UploadFontAtlas() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* coverage = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&coverage, &width, &height);
    if (font_texture_ == 0) glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
#ifdef __EMSCRIPTEN__
    glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA, width, height, 0, GL_ALPHA, GL_UNSIGNED_BYTE, coverage);
#else
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, coverage);
#endif
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
    glUseProgram(program_);
    glUniform2f(white_texel_location_, atlas.TexUvWhitePixel.x, atlas.TexUvWhitePixel.y);
}

void CanvasRenderer::Draw(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height,
                          const ImVec4& background) {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glDisable(GL_SCISSOR_TEST);  // or the clear would only reach the last clip rectangle
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (framebuffer_width <= 0 || framebuffer_height <= 0 || draw_data.CmdListsCount == 0) return;
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);

    // Orthographic: ImGui's display rectangle onto clip space, y pointing down.
    const float left = draw_data.DisplayPos.x;
    const float right = draw_data.DisplayPos.x + draw_data.DisplaySize.x;
    const float top = draw_data.DisplayPos.y;
    const float bottom = draw_data.DisplayPos.y + draw_data.DisplaySize.y;
    const float projection[16] = {
        2.0f / (right - left), 0.0f, 0.0f, 0.0f,
        0.0f, 2.0f / (top - bottom), 0.0f, 0.0f,
        0.0f, 0.0f, -1.0f, 0.0f,
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f, 1.0f,
    };
    glUniformMatrix4fv(projection_location_, 1, GL_FALSE, projection);

    const ImVec2 clip_offset = draw_data.DisplayPos;
    const ImVec2 clip_scale = draw_data.FramebufferScale;
    for (int list_index = 0; list_index < draw_data.CmdListsCount; ++list_index) {
        const ImDrawList& list = *draw_data.CmdLists[list_index];
        const std::size_t vertex_bytes = static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert);
        const std::size_t index_bytes = static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx);
        if (vertex_bytes > vertex_buffer_bytes_) {
            vertex_buffer_bytes_ = vertex_bytes;
            glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertex_bytes), nullptr, GL_STREAM_DRAW);
        }
        if (index_bytes > index_buffer_bytes_) {
            index_buffer_bytes_ = index_bytes;
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(index_bytes), nullptr, GL_STREAM_DRAW);
        }
        glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(vertex_bytes), list.VtxBuffer.Data);
        glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(index_bytes), list.IdxBuffer.Data);

        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback != nullptr) {
                command.UserCallback(&list, &command);
                continue;
            }
            const ImVec2 clip_min((command.ClipRect.x - clip_offset.x) * clip_scale.x,
                                  (command.ClipRect.y - clip_offset.y) * clip_scale.y);
            const ImVec2 clip_max((command.ClipRect.z - clip_offset.x) * clip_scale.x,
                                  (command.ClipRect.w - clip_offset.y) * clip_scale.y);
            if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
            // GL's scissor box counts rows from the bottom.
            glScissor(static_cast<GLint>(clip_min.x), static_cast<GLint>(framebuffer_height - clip_max.y),
                      static_cast<GLsizei>(clip_max.x - clip_min.x), static_cast<GLsizei>(clip_max.y - clip_min.y));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(command.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
}

}  // namespace yousaid::app
