#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/zip_archive.h"

struct XML_ParserStruct;

namespace pmstudio::importers {

// The attributes of one element, by local name (namespace prefixes dropped).
class XmlAttributes {
public:
    explicit XmlAttributes(const char** pairs) : pairs_(pairs) {}
    std::optional<std::string_view> get(std::string_view local_name) const;

private:
    const char** pairs_;
};

// SAX callbacks; element names are local names (namespace prefixes dropped). Text may arrive in
// several pieces.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start_element(std::string_view name, const XmlAttributes& attributes) = 0;
    virtual void end_element(std::string_view name) = 0;
    virtual void text(std::string_view text) = 0;
};

// Streams one XML document out of a zip member through expat, a buffer at a time; a handler can
// pause the stream (e.g. after each row) and the owner resumes it later. Errors (malformed XML,
// a damaged member) are std::runtime_error.
class XmlStream {
public:
    XmlStream(ZipEntry entry, XmlHandler& handler);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // Parses until the handler calls pause() (returns true) or the document ends (returns false).
    bool resume();
    // From within a callback: make resume() return once the current callback is done.
    void pause();
    // From within a callback: stop for good; resume() throws std::runtime_error(message).
    void fail(std::string message);

    int64_t bytes_read() const { return entry_.position(); }
    int64_t bytes_total() const { return entry_.size(); }

private:
    static void on_start(void* self, const char* name, const char** attributes);
    static void on_end(void* self, const char* name);
    static void on_text(void* self, const char* text, int length);

    ZipEntry entry_;
    XmlHandler& handler_;
    XML_ParserStruct* parser_;
    std::vector<char> buffer_;
    std::string failure_;
    bool suspended_ = false;
    bool last_chunk_ = false;
    bool ended_ = false;
};

// Reads a whole part of the archive through the handler.
void parse_xml_part(const ZipArchive& archive, const std::string& part, XmlHandler& handler);

}  // namespace pmstudio::importers
