#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pmstudio::mining {

// .NET formatting in the en-US culture, for the FormatText of dashboard selectors. An empty format
// and "A" (automatic, pmstudio's) choose a readable form by value.
//
// Numbers: the standard numeric formats C, D, E, F, G, N, P, R and X, each with an optional
// precision (N0, F2, P1, D5, ...), rounding half away from zero on the exact value as .NET Core
// does; percent scales by 100 ("P0" of 0.456 is "46%"). Any other format is a custom numeric
// format: 0 and # placeholders, one '.', ',' as group separator (or, right before the point,
// scaling by 1000), '%' and '‰', 'quoted' and \escaped literals, and up to three ';' sections
// (positive; negative; zero). A value that rounds to zero has no sign. "A": integers as N0, else
// two decimals (three significant digits below 1) without trailing zeros.
std::string format_number(double value, std::string_view format);
std::string format_integer(int64_t value, std::string_view format);

}  // namespace pmstudio::mining
