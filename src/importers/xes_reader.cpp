#include "importers/xes_reader.h"

#include <expat.h>

#include <cstring>
#include <exception>
#include <string_view>
#include <vector>

#include "importers/chunked_input.h"
#include "importers/xes_assembly_thread.h"
#include "importers/xes_log_assembler.h"
#include "importers/xes_record_batch.h"

namespace pmstudio::importers {
namespace {

constexpr int64_t kProgressStep = int64_t{4} << 20;

// What an open element is, for its children.
enum class Frame : uint8_t {
    Log,        // <log>
    Trace,      // <trace>
    Event,      // <event>
    Attribute,  // a single-valued attribute: children are nested attributes
    Nested,     // a skipped nested attribute, list or container
    Ignored,    // extension, global, classifier or an unknown element, with all its content
};

// The element name without a namespace prefix.
std::string_view local_name(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

std::optional<XesType> single_valued_type(std::string_view name) {
    if (name == "string") return XesType::String;
    if (name == "date") return XesType::Date;
    if (name == "int") return XesType::Int;
    if (name == "float") return XesType::Float;
    if (name == "boolean") return XesType::Boolean;
    if (name == "id") return XesType::Id;
    return std::nullopt;
}

bool is_attribute_element(std::string_view name) {
    return single_valued_type(name) || name == "list" || name == "container";
}

class XesParser {
public:
    XesParser(const ImportOptions& options, ImportReport& report)
        : assembler_(options, report), assembly_(assembler_), parser_(XML_ParserCreate(nullptr)) {
        if (parser_ == nullptr) throw std::bad_alloc();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &XesParser::on_start, &XesParser::on_end);
    }
    ~XesParser() { XML_ParserFree(parser_); }
    XesParser(const XesParser&) = delete;
    XesParser& operator=(const XesParser&) = delete;

    // Parses one chunk (the last one empty) and hands what it held to the assembly thread;
    // throws on malformed XML or a handler's failure.
    void parse(std::string_view chunk) {
        const bool last = chunk.empty();
        const auto status = XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last);
        if (failure_) std::rethrow_exception(failure_);
        if (status != XML_STATUS_OK) {
            throw ImportError(400, std::string("Invalid XES file: ") +
                                       XML_ErrorString(XML_GetErrorCode(parser_)) + " at line " +
                                       std::to_string(XML_GetCurrentLineNumber(parser_)));
        }
        if (!batch_.empty()) batch_ = assembly_.submit(std::move(batch_));
    }

    eventlog::EventLog finish() {
        assembly_.drain();
        return assembler_.finish();
    }

    int64_t nested_skipped() const { return nested_skipped_; }

private:
    static void on_start(void* self, const XML_Char* name, const XML_Char** atts) {
        static_cast<XesParser*>(self)->guard([&](XesParser& p) { p.start(name, atts); });
    }
    static void on_end(void* self, const XML_Char*) {
        static_cast<XesParser*>(self)->guard([](XesParser& p) { p.end(); });
    }

    // Expat is C: exceptions must not cross it. The first one stops the parser and is rethrown.
    template <typename F>
    void guard(F&& body) {
        try {
            body(*this);
        } catch (...) {
            failure_ = std::current_exception();
            XML_StopParser(parser_, XML_FALSE);
        }
    }

    void start(const char* raw_name, const char** atts) {
        const std::string_view name = local_name(raw_name);
        if (frames_.empty()) {
            if (name != "log") {
                throw ImportError(400, "Invalid XES file: the root element is <" +
                                           std::string(raw_name) + ">, not <log>");
            }
            frames_.push_back(Frame::Log);
            return;
        }
        switch (frames_.back()) {
            case Frame::Ignored:
                frames_.push_back(Frame::Ignored);
                return;
            case Frame::Attribute:
            case Frame::Nested:
                if (is_attribute_element(name)) ++nested_skipped_;
                frames_.push_back(is_attribute_element(name) ? Frame::Nested : Frame::Ignored);
                return;
            case Frame::Log:
            case Frame::Trace:
            case Frame::Event:
                start_in_container(name, atts);
                return;
        }
    }

    void start_in_container(std::string_view name, const char** atts) {
        const Frame parent = frames_.back();
        if (auto type = single_valued_type(name)) {
            const char* key = nullptr;
            const char* value = "";
            for (const char** att = atts; *att != nullptr; att += 2) {
                if (std::strcmp(att[0], "key") == 0) key = att[1];
                if (std::strcmp(att[0], "value") == 0) value = att[1];
            }
            if (key != nullptr) {
                if (parent == Frame::Log) {
                    batch_.log_attribute(key, value);
                } else {
                    batch_.attribute(*type, key, value);
                }
            }
            // Children of a log-level attribute are as ignored as the attribute itself.
            frames_.push_back(parent == Frame::Log ? Frame::Ignored : Frame::Attribute);
        } else if (name == "list" || name == "container") {
            if (parent != Frame::Log) ++nested_skipped_;
            frames_.push_back(parent == Frame::Log ? Frame::Ignored : Frame::Nested);
        } else if (name == "trace" && parent == Frame::Log) {
            batch_.begin_trace();
            frames_.push_back(Frame::Trace);
        } else if (name == "event" && parent != Frame::Event) {
            batch_.begin_event();
            frames_.push_back(Frame::Event);
        } else {
            frames_.push_back(Frame::Ignored);
        }
    }

    void end() {
        const Frame frame = frames_.back();
        frames_.pop_back();
        if (frame == Frame::Event) batch_.end_event();
        if (frame == Frame::Trace) batch_.end_trace();
    }

    XesLogAssembler assembler_;
    XesAssemblyThread assembly_;  // replays batch_ into assembler_
    XesRecordBatch batch_;
    XML_Parser parser_;
    std::vector<Frame> frames_;
    int64_t nested_skipped_ = 0;
    std::exception_ptr failure_;
};

}  // namespace

eventlog::EventLog read_xes(const std::filesystem::path& file, const ImportOptions& options,
                            ImportReport& report) {
    XesParser parser(options, report);
    ChunkedInput input(file);
    int64_t next_progress = kProgressStep;
    for (;;) {
        const std::string_view chunk = input.next();
        parser.parse(chunk);
        if (chunk.empty()) break;
        if (options.on_progress && input.bytes_read() >= next_progress) {
            options.on_progress(input.bytes_read(), input.bytes_total());
            next_progress = input.bytes_read() + kProgressStep;
        }
    }
    if (options.on_progress) options.on_progress(input.bytes_read(), input.bytes_total());
    if (parser.nested_skipped() > 0) {
        report.warn("Skipped " + std::to_string(parser.nested_skipped()) +
                    " nested XES attributes (children of attributes, lists and containers); "
                    "only top-level trace and event attributes are imported");
    }
    return parser.finish();
}

}  // namespace pmstudio::importers
