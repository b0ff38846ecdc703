#pragma once
// Reads cereal's PortableBinary format (what cereal::PortableBinaryOutputArchive writes)
// from bytes in memory, refusing any length that the remaining bytes cannot hold.
//
// Why not cereal::PortableBinaryInputArchive: it sizes a string or vector from the length
// in the input *before* reading it, so a damaged or hostile length of, say, 2^40 makes it
// allocate (and zero) that much memory first. A tablet's browser tab would die, and even
// natively a crafted transfer file could exhaust the officer's laptop. Here every length
// is checked against the bytes left, so memory stays within a small multiple of the input,
// and every problem is a cereal::Exception that the caller catches per record.
//
// The format is cereal's own: the first byte says whether the data is little-endian (1) or
// big-endian (0); numbers follow in that byte order; sizes are 64-bit; a string is its size
// and its bytes. Files written by PortableBinaryOutputArchive read back unchanged.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>

namespace yousaid {

class CheckedPortableBinaryInputArchive
    : public cereal::InputArchive<CheckedPortableBinaryInputArchive, cereal::AllowEmptyClassElision> {
public:
    // Reads the byte-order flag at once; throws cereal::Exception if it is missing or not 0/1.
    explicit CheckedPortableBinaryInputArchive(std::string_view bytes)
        : cereal::InputArchive<CheckedPortableBinaryInputArchive, cereal::AllowEmptyClassElision>(this),
          cursor_(bytes.data()),
          end_(bytes.data() + bytes.size()) {
        std::uint8_t stream_little_endian = 0;
        ReadBytes(&stream_little_endian, 1, 1);
        if (stream_little_endian > 1) {
            throw cereal::Exception("not cereal portable binary data (byte-order flag " +
                                    std::to_string(stream_little_endian) + ")");
        }
        swap_bytes_ = (stream_little_endian == 1) != (cereal::portable_binary_detail::is_little_endian() != 0);
    }

    // Copies `size` bytes, turning each `element_size`-byte number into this machine's order.
    void ReadBytes(void* out, std::size_t size, std::size_t element_size) {
        if (size > Remaining()) {
            throw cereal::Exception("the data ends early: " + std::to_string(size) + " bytes needed, " +
                                    std::to_string(Remaining()) + " left");
        }
        if (size == 0) return;
        std::memcpy(out, cursor_, size);
        cursor_ += size;
        if (swap_bytes_ && element_size > 1) {
            auto* bytes = static_cast<unsigned char*>(out);
            for (std::size_t start = 0; start + element_size <= size; start += element_size) {
                for (std::size_t low = 0, high = element_size - 1; low < high; ++low, --high) {
                    std::swap(bytes[start + low], bytes[start + high]);
                }
            }
        }
    }

    std::size_t Remaining() const { return static_cast<std::size_t>(end_ - cursor_); }

    // A size read from the input, checked to fit: each element takes at least
    // `min_element_bytes` bytes, so more elements than that cannot follow.
    std::size_t CheckedSize(std::uint64_t size, std::size_t min_element_bytes) const {
        const std::uint64_t fits = Remaining() / (min_element_bytes == 0 ? 1 : min_element_bytes);
        if (size > fits) {
            throw cereal::Exception("a length of " + std::to_string(size) + " does not fit in the " +
                                    std::to_string(Remaining()) + " bytes left; the data is damaged");
        }
        return static_cast<std::size_t>(size);
    }

private:
    const char* cursor_;
    const char* end_;
    bool swap_bytes_ = false;
};

// Numbers: as many bytes as the type has, in the stream's byte order. Fixed-width types
// only in anything we store, so 32-bit (wasm32) and 64-bit builds read the same bytes.
template <class T>
typename std::enable_if<std::is_arithmetic<T>::value, void>::type CEREAL_LOAD_FUNCTION_NAME(
    CheckedPortableBinaryInputArchive& archive, T& value) {
    archive.ReadBytes(std::addressof(value), sizeof(T), sizeof(T));
}

// A bool is one byte that must be 0 or 1: any other value in a bool is undefined behaviour.
inline void CEREAL_LOAD_FUNCTION_NAME(CheckedPortableBinaryInputArchive& archive, bool& value) {
    std::uint8_t byte = 0;
    archive.ReadBytes(&byte, 1, 1);
    if (byte > 1) throw cereal::Exception("a true/false value holds " + std::to_string(byte));
    value = byte == 1;
}

// Names are not stored in binary archives.
template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(CheckedPortableBinaryInputArchive& archive, cereal::NameValuePair<T>& pair) {
    archive(pair.value);
}

template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(CheckedPortableBinaryInputArchive& archive, cereal::SizeTag<T>& tag) {
    archive(tag.size);
}

// Strings: the size is checked before any memory is set aside for it.
template <class CharT, class Traits, class Alloc>
void CEREAL_LOAD_FUNCTION_NAME(CheckedPortableBinaryInputArchive& archive,
                               std::basic_string<CharT, Traits, Alloc>& text) {
    cereal::size_type size = 0;
    archive(cereal::make_size_tag(size));
    const std::size_t count = archive.CheckedSize(size, sizeof(CharT));
    text.resize(count);
    archive.ReadBytes(&text[0], count * sizeof(CharT), sizeof(CharT));
}

// Vectors: elements are read one at a time after the count is checked (every element we
// store takes at least one byte), never by resizing to a count taken on trust.
template <class T, class Alloc>
void CEREAL_LOAD_FUNCTION_NAME(CheckedPortableBinaryInputArchive& archive, std::vector<T, Alloc>& vector) {
    cereal::size_type size = 0;
    archive(cereal::make_size_tag(size));
    const std::size_t count = archive.CheckedSize(size, 1);
    vector.clear();
    for (std::size_t index = 0; index < count; ++index) {
        T element{};
        archive(element);
        vector.push_back(std::move(element));
    }
}

// Deserializes one value from `bytes`, which must hold exactly that value (cereal's
// PortableBinary output of it). Throws cereal::Exception (or std::exception from a
// type's own checks) on any problem, including bytes left over.
template <class T>
void LoadPortableBinary(std::string_view bytes, T& value) {
    CheckedPortableBinaryInputArchive archive(bytes);
    archive(value);
    if (archive.Remaining() != 0) {
        throw cereal::Exception(std::to_string(archive.Remaining()) + " unexpected bytes after the data");
    }
}

// An output stream's buffer that appends to a string. std::ostringstream grows its buffer
// by resizing (zeroing) and copying it, and copies it once more for str(): for a 10 MB
// segment of the officer store that was a third of the time taken to write it.
class StringAppendBuffer : public std::streambuf {
public:
    explicit StringAppendBuffer(std::string& out) : out_(out) {}

protected:
    std::streamsize xsputn(const char* data, std::streamsize size) override {
        out_.append(data, static_cast<std::size_t>(size));
        return size;
    }
    int_type overflow(int_type character) override {
        if (!traits_type::eq_int_type(character, traits_type::eof())) out_.push_back(traits_type::to_char_type(character));
        return traits_type::not_eof(character);
    }

private:
    std::string& out_;
};

// Appends the PortableBinary bytes of one value to `out`, as cereal::
// PortableBinaryOutputArchive writes them (little-endian, whatever the machine).
template <class T>
void AppendPortableBinary(const T& value, std::string& out) {
    StringAppendBuffer buffer(out);
    std::ostream stream(&buffer);
    cereal::PortableBinaryOutputArchive archive(stream);
    archive(value);
}

template <class T>
std::string SavePortableBinary(const T& value) {
    std::string bytes;
    AppendPortableBinary(value, bytes);
    return bytes;
}

}  // namespace yousaid

namespace cereal {
namespace traits {
namespace detail {
// Only the input side is ours; the bytes come from cereal's own output archive.
template <>
struct get_output_from_input<yousaid::CheckedPortableBinaryInputArchive> {
    using type = cereal::PortableBinaryOutputArchive;
};
}  // namespace detail
}  // namespace traits
}  // namespace cereal
