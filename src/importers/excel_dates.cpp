#include "importers/excel_dates.h"

#include <cmath>

#include "eventlog/time_format.h"

namespace pmstudio::importers {
namespace {

constexpr int64_t kMillisPerDay = 86'400'000;
constexpr double kLastSerial1900 = 2'958'466;  // 10000-01-01 in the 1900 system
constexpr double kLastSerial1904 = kLastSerial1900 - 1462;

// [h], [mm], [ss], ...: a duration, not a point in time.
bool is_elapsed_time(std::string_view bracketed) {
    return !bracketed.empty() && bracketed.find_first_not_of("hHmMsS") == std::string_view::npos;
}

}  // namespace

bool is_builtin_date_format(int format_id) {
    return (format_id >= 14 && format_id <= 22) || (format_id >= 45 && format_id <= 47);
}

bool is_date_format_code(std::string_view code) {
    for (size_t i = 0; i < code.size(); ++i) {
        switch (code[i]) {
            case '"':
                i = code.find('"', i + 1);
                if (i == std::string_view::npos) return false;
                break;
            case '[': {
                const size_t close = code.find(']', i + 1);
                if (close == std::string_view::npos) return false;
                if (is_elapsed_time(code.substr(i + 1, close - i - 1))) return false;
                i = close;
                break;
            }
            case '\\':
            case '_':
            case '*':
                ++i;  // the next character is literal (escape, space of its width, fill)
                break;
            case 'd':
            case 'D':
            case 'm':
            case 'M':
            case 'y':
            case 'Y':
            case 'h':
            case 'H':
            case 's':
            case 'S':
                return true;
            default:
                break;
        }
    }
    return false;
}

std::optional<int64_t> excel_serial_to_micros(double serial, bool date1904) {
    if (!(serial >= 0) || serial >= (date1904 ? kLastSerial1904 : kLastSerial1900)) {
        return std::nullopt;
    }
    int64_t millis = std::llround(serial * static_cast<double>(kMillisPerDay));
    int64_t epoch_days;
    if (date1904) {
        epoch_days = eventlog::days_from_civil(1904, 1, 1);
    } else {
        // Serials from 61 on count from 1899-12-30; below the fictitious 1900-02-29 (60) one day
        // later, from 1899-12-31.
        epoch_days = eventlog::days_from_civil(1899, 12, 30);
        if (millis < 60 * kMillisPerDay) millis += kMillisPerDay;
    }
    return epoch_days * eventlog::kMicrosPerDay + millis * 1000;
}

}  // namespace pmstudio::importers
