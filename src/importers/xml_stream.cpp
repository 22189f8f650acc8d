#include "importers/xml_stream.h"

#include <expat.h>

#include <stdexcept>

namespace pmstudio::importers {
namespace {

constexpr char kNamespaceSeparator = '|';
constexpr size_t kBufferSize = size_t{64} * 1024;

// "uri|local" (expat's namespace form) or "local" → "local".
std::string_view local_name(const char* name) {
    std::string_view view(name);
    const size_t separator = view.rfind(kNamespaceSeparator);
    return separator == std::string_view::npos ? view : view.substr(separator + 1);
}

}  // namespace

std::optional<std::string_view> XmlAttributes::get(std::string_view name) const {
    for (const char** pair = pairs_; *pair != nullptr; pair += 2) {
        if (local_name(pair[0]) == name) return std::string_view(pair[1]);
    }
    return std::nullopt;
}

XmlStream::XmlStream(ZipEntry entry, XmlHandler& handler)
    : entry_(std::move(entry)),
      handler_(handler),
      parser_(XML_ParserCreateNS(nullptr, kNamespaceSeparator)),
      buffer_(kBufferSize) {
    if (parser_ == nullptr) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &XmlStream::on_start, &XmlStream::on_end);
    XML_SetCharacterDataHandler(parser_, &XmlStream::on_text);
}

XmlStream::~XmlStream() {
    XML_ParserFree(parser_);
}

bool XmlStream::resume() {
    XML_Status status = XML_STATUS_OK;
    if (suspended_) {
        status = XML_ResumeParser(parser_);
    } else if (ended_) {
        return false;
    }
    for (;;) {
        if (status == XML_STATUS_ERROR) {
            if (!failure_.empty()) throw std::runtime_error(failure_);
            throw std::runtime_error(std::string("malformed XML (") +
                                     XML_ErrorString(XML_GetErrorCode(parser_)) + " at line " +
                                     std::to_string(XML_GetCurrentLineNumber(parser_)) + ")");
        }
        suspended_ = status == XML_STATUS_SUSPENDED;
        if (suspended_) return true;
        if (last_chunk_) {
            ended_ = true;
            return false;
        }
        const size_t length = entry_.read(buffer_.data(), buffer_.size());
        last_chunk_ = length == 0;
        status = XML_Parse(parser_, buffer_.data(), static_cast<int>(length), last_chunk_);
    }
}

void XmlStream::pause() {
    XML_StopParser(parser_, XML_TRUE);
}

void XmlStream::fail(std::string message) {
    failure_ = std::move(message);
    XML_StopParser(parser_, XML_FALSE);
}

void XmlStream::on_start(void* self, const char* name, const char** attributes) {
    static_cast<XmlStream*>(self)->handler_.start_element(local_name(name),
                                                          XmlAttributes(attributes));
}

void XmlStream::on_end(void* self, const char* name) {
    static_cast<XmlStream*>(self)->handler_.end_element(local_name(name));
}

void XmlStream::on_text(void* self, const char* text, int length) {
    static_cast<XmlStream*>(self)->handler_.text(
        std::string_view(text, static_cast<size_t>(length)));
}

void parse_xml_part(const ZipArchive& archive, const std::string& part, XmlHandler& handler) {
    XmlStream stream(archive.open(part), handler);
    stream.resume();  // runs to the end: handlers of whole parts never pause
}

}  // namespace pmstudio::importers
