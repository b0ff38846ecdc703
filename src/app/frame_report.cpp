// The per-frame report for browser tests: which screen shows and every interactive item.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "app/app.h"

namespace yousaid::app {

std::string App::FrameReportJson(std::uint64_t frame_number, int css_width, int css_height,
                                 float device_pixel_ratio) const {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("frame");
    writer.Uint64(frame_number);
    writer.Key("screen");
    writer.String(current_.c_str());
    writer.Key("fontsLoaded");
    writer.Bool(fonts_.LastError().empty());
    writer.Key("fontError");
    writer.String(fonts_.LastError().c_str());
    writer.Key("viewport");
    writer.StartObject();
    writer.Key("width");
    writer.Int(css_width);
    writer.Key("height");
    writer.Int(css_height);
    writer.Key("devicePixelRatio");
    writer.Double(static_cast<double>(device_pixel_ratio));
    writer.EndObject();
    writer.Key("items");
    writer.StartArray();
    for (const ui::InteractiveItem& item : items_.Items()) {
        writer.StartObject();
        writer.Key("id");
        writer.String(item.id.c_str());
        writer.Key("label");
        writer.String(item.label.c_str());
        writer.Key("role");
        writer.String(ui::ItemRoleName(item.role));
        writer.Key("x");
        writer.Double(static_cast<double>(item.x));
        writer.Key("y");
        writer.Double(static_cast<double>(item.y));
        writer.Key("width");
        writer.Double(static_cast<double>(item.width));
        writer.Key("height");
        writer.Double(static_cast<double>(item.height));
        writer.Key("enabled");
        writer.Bool(item.enabled);
        writer.Key("checked");
        writer.Bool(item.checked);
        writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
    return buffer.GetString();
}

}  // namespace yousaid::app
