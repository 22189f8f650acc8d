#include "eventlog/byte_io.h"

#include "eventlog/binary_format.h"

namespace pmstudio::eventlog {

void ByteWriter::put_string(std::string_view text) {
    put(static_cast<uint32_t>(text.size()));
    put_bytes(text);
}

const char* ByteReader::take(size_t size) {
    if (size > remaining()) {
        throw FormatError(std::string(what_) + " is cut short: " + std::to_string(size) +
                              " bytes needed, " + std::to_string(remaining()) + " left",
                          offset());
    }
    const char* data = bytes_.data() + position_;
    position_ += size;
    return data;
}

std::string ByteReader::get_string() {
    const auto size = get<uint32_t>();
    return std::string(take(size), size);
}

}  // namespace pmstudio::eventlog
