#include "mining/view_figures.h"

namespace pmstudio::mining {

const eventlog::CaseVariants& ViewFigures::variants() {
    return once(variants_,
                [](const eventlog::LogView& view) { return eventlog::case_variants(view); });
}

const CaseDurations& ViewFigures::case_durations() {
    return once(case_durations_,
                [](const eventlog::LogView& view) { return mining::case_durations(view); });
}

const CodeFrequencies& ViewFigures::activity_frequencies() {
    return once(activity_frequencies_,
                [](const eventlog::LogView& view) { return mining::activity_frequencies(view); });
}

const CodeFrequencies& ViewFigures::resource_frequencies() {
    return once(resource_frequencies_,
                [](const eventlog::LogView& view) { return mining::resource_frequencies(view); });
}

}  // namespace pmstudio::mining
