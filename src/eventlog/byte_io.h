#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace pmstudio::eventlog {

// Appends little-endian fixed-width integers and length-prefixed strings (host is little-endian,
// see binary_format_layout.h).
class ByteWriter {
public:
    explicit ByteWriter(std::string& out) : out_(out) {}

    template <typename T>
    void put(T value) {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        out_.append(bytes, sizeof(T));
    }
    void put_bytes(std::string_view bytes) { out_.append(bytes); }
    void put_string(std::string_view text);  // u32 length, bytes

private:
    std::string& out_;
};

// Reads what ByteWriter wrote from a window of a larger buffer; running past the window throws
// FormatError naming `what` and the absolute byte offset (`origin` is the window's offset).
class ByteReader {
public:
    ByteReader(std::string_view bytes, uint64_t origin, std::string_view what)
        : bytes_(bytes), origin_(origin), what_(what) {}

    template <typename T>
    T get() {
        T value;
        std::memcpy(&value, take(sizeof(T)), sizeof(T));
        return value;
    }
    const char* take(size_t size);
    std::string get_string();

    uint64_t offset() const { return origin_ + position_; }
    size_t remaining() const { return bytes_.size() - position_; }

private:
    std::string_view bytes_;
    uint64_t origin_;
    std::string_view what_;
    size_t position_ = 0;
};

}  // namespace pmstudio::eventlog
