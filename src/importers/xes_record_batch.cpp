#include "importers/xes_record_batch.h"

#include <cstring>

namespace pmstudio::importers {

void XesRecordBatch::text(Kind kind, XesType type, const char* key, const char* value) {
    const size_t key_size = std::strlen(key);
    const size_t value_size = std::strlen(value);
    records_.push_back({kind, type, static_cast<uint32_t>(key_size),
                        static_cast<uint32_t>(value_size), arena_.size()});
    arena_.append(key, key_size);
    arena_.append(value, value_size);
}

void XesRecordBatch::replay(XesLogAssembler& assembler) const {
    for (const Record& record : records_) {
        const std::string_view text(arena_.data() + record.text_begin,
                                    size_t{record.key_size} + record.value_size);
        const std::string_view key = text.substr(0, record.key_size);
        const std::string_view value = text.substr(record.key_size);
        switch (record.kind) {
            case Kind::LogAttribute:
                assembler.log_attribute(key, value);
                break;
            case Kind::BeginTrace:
                assembler.begin_trace();
                break;
            case Kind::BeginEvent:
                assembler.begin_event();
                break;
            case Kind::EndEvent:
                assembler.end_event();
                break;
            case Kind::EndTrace:
                assembler.end_trace();
                break;
            case Kind::Attribute:
                assembler.attribute(record.type, key, value);
                break;
        }
    }
}

void XesRecordBatch::clear() {
    records_.clear();
    arena_.clear();
}

}  // namespace pmstudio::importers
