#pragma once
// Names of enumerators as they appear in files, and back: one lookup for every enum that is
// stored or exchanged by name.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace yousaid {

template <typename Enum, std::size_t count>
using EnumNames = std::array<std::pair<Enum, std::string_view>, count>;

template <typename Enum, std::size_t count>
std::string_view NameOf(const EnumNames<Enum, count>& names, Enum value) {
    for (const auto& entry : names) {
        if (entry.first == value) return entry.second;
    }
    return "unknown";
}

template <typename Enum, std::size_t count>
std::optional<Enum> ValueOf(const EnumNames<Enum, count>& names, std::string_view name) {
    for (const auto& entry : names) {
        if (entry.second == name) return entry.first;
    }
    return std::nullopt;
}

}  // namespace yousaid
