#include "mining/case_durations.h"

#include "eventlog/calculated_attributes.h"

namespace pmstudio::mining {

CaseDurations case_durations(const eventlog::LogView& view) {
    CaseDurations out;
    out.micros =
        eventlog::calculated_case_attribute(view, eventlog::CalculatedAttribute::CaseDuration).ints;
    out.statistics = duration_statistics(out.micros);
    return out;
}

}  // namespace pmstudio::mining
