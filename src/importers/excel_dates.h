#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pmstudio::importers {

// Whether a built-in number format (ids 14–22, 45–47) shows a date or a time.
bool is_builtin_date_format(int format_id);

// Whether a custom number format code shows a date or a time: it has d, m, y, h or s (any case)
// outside quoted text, [brackets] (colours, locales) and escaped characters, and no elapsed-time
// bracket ([h]:mm is a duration, which stays a number).
bool is_date_format_code(std::string_view code);

// An Excel serial date-time as local wall-clock microseconds since 1970-01-01, rounded to the
// millisecond (Excel's precision). The 1900 system counts from 1900-01-01 = 1 and has the
// fictitious 1900-02-29 (serial 60, read as 1900-02-28); the 1904 system counts from
// 1904-01-01 = 0. nullopt for negative serials and serials past 9999-12-31.
std::optional<int64_t> excel_serial_to_micros(double serial, bool date1904);

}  // namespace pmstudio::importers
