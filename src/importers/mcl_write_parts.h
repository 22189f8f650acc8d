#pragma once

#include <optional>
#include <vector>

#include "importers/mcl_document.h"

// What the MCL writers (mcl_writer, mcl_project) share: absent values as null, an object's
// unmodelled keys after its modelled ones, lists of objects.
namespace pmstudio::importers::mcl_write {

template <class T>
McJson or_null(const std::optional<T>& value) {
    return value ? McJson(*value) : McJson();
}

inline void append_extra(McJson& object, const McJson& extra) {
    if (!extra.is_object()) return;
    for (const auto& item : extra.items()) object[item.key()] = item.value();
}

template <class Item, class WriteItem>
McJson list(const std::vector<Item>& items, WriteItem write_item) {
    McJson array = McJson::array();
    for (const Item& item : items) array.push_back(write_item(item));
    return array;
}

}  // namespace pmstudio::importers::mcl_write
