#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/mcl_document.h"

namespace pmstudio::importers {

// Reads the fields of one JSON object of an MCL document. Keys are matched ignoring case; every
// problem throws ImportError(400) naming the field by its path, e.g. "Notebooks[0].Blocks[3]".
class McObjectReader {
public:
    // Throws unless `object` is a JSON object. `path` is the object's place ("" for the document).
    McObjectReader(const McJson& object, std::string path);

    // The place of `key` in this object, as error messages name it.
    std::string path_of(std::string_view key) const;
    // Whether the object has `key` (even with null).
    bool has(std::string_view key) const;

    std::string required_text(std::string_view key);
    std::optional<std::string> text(std::string_view key);
    std::optional<int64_t> integer(std::string_view key);
    std::optional<double> number(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    // Any value, kept as is; null when absent.
    McJson raw(std::string_view key);
    // A string holding JSON (or null); `owner` names what it belongs to in the error message.
    McEmbeddedJson embedded(std::string_view key, const std::string& owner);
    // An array of objects (or null), each read by `read_item(item, path)`.
    template <class Item, class ReadItem>
    std::optional<std::vector<Item>> list(std::string_view key, ReadItem read_item) {
        const McJson* value = find(key);
        if (value == nullptr || value->is_null()) return std::nullopt;
        if (!value->is_array()) fail_type(key, "an array", *value);
        std::vector<Item> items;
        items.reserve(value->size());
        for (size_t i = 0; i < value->size(); ++i) {
            items.push_back(read_item((*value)[i], path_of(key) + "[" + std::to_string(i) + "]"));
        }
        return items;
    }

    // The keys not read so far, in file order.
    McJson rest() const;

private:
    const McJson* find(std::string_view key);
    [[noreturn]] void fail_type(std::string_view key, const std::string& expected,
                                const McJson& got) const;

    const McJson& object_;
    std::string path_;
    std::vector<std::string> read_keys_;
};

// Throws ImportError(400, "MCL <path>: <problem>").
[[noreturn]] void fail_mcl(const std::string& path, const std::string& problem);

// The message of a nlohmann::json exception without its "[json.exception...] " prefix.
std::string json_error_text(const std::exception& error);

}  // namespace pmstudio::importers
