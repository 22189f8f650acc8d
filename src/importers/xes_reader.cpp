#include "importers/xes_reader.h"

#include <expat.h>

#include <cstring>
#include <deque>
#include <exception>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// Turns XES markup into record batches (the assembler replays them elsewhere).
class MarkupParser {
public:
    MarkupParser() : parser_(XML_ParserCreate(nullptr)) {
        if (parser_ == nullptr) throw std::bad_alloc();
        XML_SetUserData(parser_, this);
        XML_SetElementHandler(parser_, &MarkupParser::on_start, &MarkupParser::on_end);
    }
    ~MarkupParser() { XML_ParserFree(parser_); }
    MarkupParser(const MarkupParser&) = delete;
    MarkupParser& operator=(const MarkupParser&) = delete;

    // Parses the next piece of the document; throws on malformed XML or a handler's failure.
    void feed(std::string_view text, bool last) {
        const auto status = XML_Parse(parser_, text.data(), static_cast<int>(text.size()), last);
        if (failure_) std::rethrow_exception(failure_);
        if (status != XML_STATUS_OK) {
            throw ImportError(400, std::string("Invalid XES file: ") +
                                       XML_ErrorString(XML_GetErrorCode(parser_)) + " at line " +
                                       std::to_string(XML_GetCurrentLineNumber(parser_)));
        }
    }

    // The records parsed since the last call.
    XesRecordBatch take_batch() { return std::exchange(batch_, XesRecordBatch{}); }
    int64_t nested_skipped() const { return nested_skipped_; }

private:
    static void on_start(void* self, const XML_Char* name, const XML_Char** atts) {
        static_cast<MarkupParser*>(self)->guard([&](MarkupParser& p) { p.start(name, atts); });
    }
    static void on_end(void* self, const XML_Char*) {
        static_cast<MarkupParser*>(self)->guard([](MarkupParser& p) { p.end(); });
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

    XesRecordBatch batch_;
    XML_Parser parser_;
    std::vector<Frame> frames_;
    int64_t nested_skipped_ = 0;
    std::exception_ptr failure_;
};

constexpr size_t kSegmentBytes = size_t{1} << 20;
constexpr size_t kSegmentsInFlight = 3;
constexpr std::string_view kTraceEnd = "</trace>";

void warn_nested(int64_t nested, ImportReport& report) {
    if (nested > 0) {
        report.warn("Skipped " + std::to_string(nested) +
                    " nested XES attributes (children of attributes, lists and containers); "
                    "only top-level trace and event attributes are imported");
    }
}

// Progress in compressed bytes, every few MiB.
class ProgressReporter {
public:
    ProgressReporter(const ImportOptions& options, const ChunkedInput& input)
        : options_(options), input_(input) {}
    void update(bool final = false) {
        if (!options_.on_progress || (!final && input_.bytes_read() < next_)) return;
        options_.on_progress(input_.bytes_read(), input_.bytes_total());
        next_ = input_.bytes_read() + kProgressStep;
    }

private:
    const ImportOptions& options_;
    const ChunkedInput& input_;
    int64_t next_ = kProgressStep;
};

// One expat pass over the whole document, assembling on a second thread.
eventlog::EventLog read_sequentially(const std::filesystem::path& file,
                                     const ImportOptions& options, ImportReport& report) {
    XesLogAssembler assembler(options, report);
    XesAssemblyThread assembly(assembler);
    MarkupParser parser;
    ChunkedInput input(file);
    ProgressReporter progress(options, input);
    for (;;) {
        const std::string_view chunk = input.next();
        parser.feed(chunk, chunk.empty());
        if (auto batch = parser.take_batch(); !batch.empty()) assembly.submit(std::move(batch));
        if (chunk.empty()) break;
        progress.update();
    }
    progress.update(true);
    warn_nested(parser.nested_skipped(), report);
    assembly.drain();
    return assembler.finish();
}

// Where the first <trace> element starts, or npos.
size_t find_first_trace(std::string_view text) {
    for (size_t at = text.find("<trace"); at != std::string_view::npos;
         at = text.find("<trace", at + 1)) {
        const size_t after = at + 6;
        if (after < text.size() &&
            (text[after] == '>' || text[after] == ' ' || text[after] == '\t' ||
             text[after] == '\n' || text[after] == '\r')) {
            return at;
        }
    }
    return std::string_view::npos;
}

struct ParsedSegment {
    bool ok = false;
    XesRecordBatch batch;
    int64_t nested = 0;
};

// A run of whole <trace> elements, parsed on its own as the content of a bare <log>.
ParsedSegment parse_segment(const std::string& traces) {
    ParsedSegment parsed;
    try {
        MarkupParser parser;
        parser.feed("<log>", false);
        parser.feed(traces, false);
        parser.feed("</log>", true);
        parsed.batch = parser.take_batch();
        parsed.nested = parser.nested_skipped();
        parsed.ok = true;
    } catch (const std::exception&) {
        parsed.ok = false;  // the caller falls back to the sequential parse
    }
    return parsed;
}

struct Fallback {};

// Expat is a third of the import and cannot be split, so the document is: the header up to the
// first <trace> and the tail after the last </trace> go through one parser, the traces in
// between are cut at </trace> into ~1 MiB segments parsed on worker threads, and the batches
// reach the assembler in document order. Any doubt (no traces, a segment that does not parse on
// its own, e.g. "</trace>" inside a comment or CDATA) returns nullopt for the sequential parse,
// which also gives exact error messages.
std::optional<eventlog::EventLog> read_in_segments(const std::filesystem::path& file,
                                                   const ImportOptions& options,
                                                   ImportReport& report) {
    ImportReport attempt;  // kept only if the parallel read succeeds
    XesLogAssembler assembler(options, attempt);
    XesAssemblyThread assembly(assembler);
    ChunkedInput input(file);
    ProgressReporter progress(options, input);
    MarkupParser head;
    std::string carry;
    size_t first_trace = std::string::npos;
    while (first_trace == std::string::npos) {
        const std::string_view chunk = input.next();
        if (chunk.empty()) return std::nullopt;
        carry.append(chunk);
        first_trace = find_first_trace(carry);
    }
    try {
        head.feed(std::string_view(carry).substr(0, first_trace), false);
    } catch (const ImportError&) {
        return std::nullopt;
    }
    if (auto batch = head.take_batch(); !batch.empty()) assembly.submit(std::move(batch));
    carry.erase(0, first_trace);

    int64_t nested = 0;
    std::deque<std::future<ParsedSegment>> in_flight;
    auto hand_over = [&](size_t keep) {
        while (in_flight.size() > keep) {
            ParsedSegment parsed = in_flight.front().get();
            in_flight.pop_front();
            if (!parsed.ok) throw Fallback{};
            nested += parsed.nested;
            if (!parsed.batch.empty()) assembly.submit(std::move(parsed.batch));
        }
    };
    try {
        for (bool end = false; !end;) {
            const std::string_view chunk = input.next();
            end = chunk.empty();
            carry.append(chunk);
            if (carry.size() < kSegmentBytes && !end) continue;
            const size_t cut = carry.rfind(kTraceEnd);
            if (cut != std::string::npos) {
                std::string segment = carry.substr(0, cut + kTraceEnd.size());
                carry.erase(0, cut + kTraceEnd.size());
                in_flight.push_back(
                    std::async(std::launch::async, parse_segment, std::move(segment)));
                hand_over(kSegmentsInFlight - 1);
            }
            progress.update();
        }
        hand_over(0);
        head.feed(carry, true);
    } catch (const Fallback&) {
        return std::nullopt;
    } catch (const ImportError&) {
        return std::nullopt;
    }
    progress.update(true);
    if (auto batch = head.take_batch(); !batch.empty()) assembly.submit(std::move(batch));
    assembly.drain();
    auto log = assembler.finish();
    report.merge(attempt);
    warn_nested(nested + head.nested_skipped(), report);
    return log;
}

}  // namespace

eventlog::EventLog read_xes(const std::filesystem::path& file, const ImportOptions& options,
                            ImportReport& report) {
    if (auto log = read_in_segments(file, options, report)) return std::move(*log);
    return read_sequentially(file, options, report);
}

}  // namespace pmstudio::importers
