#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importers/xes_log_assembler.h"

namespace pmstudio::importers {

// A stretch of the XES structure as the parser saw it (trace and event boundaries, attributes
// with their key and value copied into one arena), to be replayed into an XesLogAssembler on
// another thread. Batches may start and end anywhere; replaying them in order gives the
// assembler exactly the calls the parser would have made.
class XesRecordBatch {
public:
    void log_attribute(const char* key, const char* value) {
        text(Kind::LogAttribute, {}, key, value);
    }
    void begin_trace() { records_.push_back({Kind::BeginTrace}); }
    void begin_event() { records_.push_back({Kind::BeginEvent}); }
    void end_event() { records_.push_back({Kind::EndEvent}); }
    void end_trace() { records_.push_back({Kind::EndTrace}); }
    // Key and value as NUL-terminated text from the parser.
    void attribute(XesType type, const char* key, const char* value) {
        text(Kind::Attribute, type, key, value);
    }

    bool empty() const { return records_.empty(); }
    void replay(XesLogAssembler& assembler) const;
    // Empties the batch, keeping its memory for reuse.
    void clear();

private:
    enum class Kind : uint8_t {
        LogAttribute,
        BeginTrace,
        BeginEvent,
        EndEvent,
        EndTrace,
        Attribute,
    };
    struct Record {
        Kind kind;
        XesType type = XesType::String;
        uint32_t key_size = 0;
        uint32_t value_size = 0;
        size_t text_begin = 0;  // key, then value, in arena_
    };

    void text(Kind kind, XesType type, const char* key, const char* value);

    std::vector<Record> records_;
    std::string arena_;
};

}  // namespace pmstudio::importers
