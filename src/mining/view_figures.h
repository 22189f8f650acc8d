#pragma once

#include <mutex>
#include <optional>

#include "eventlog/case_variants.h"
#include "eventlog/log_view.h"
#include "mining/case_durations.h"
#include "mining/frequencies.h"

namespace pmstudio::mining {

// The figures of one view that several calculators need (variants, case durations, activity and
// resource frequencies), each computed on first request and then shared: by every block that
// receives the same state, and by later executions that reuse a cached state. Thread-safe.
class ViewFigures {
public:
    explicit ViewFigures(eventlog::LogView view) : view_(std::move(view)) {}

    const eventlog::CaseVariants& variants();
    const CaseDurations& case_durations();
    const CodeFrequencies& activity_frequencies();
    const CodeFrequencies& resource_frequencies();

private:
    template <class Figure, class Compute>
    const Figure& once(std::optional<Figure>& slot, Compute&& compute) {
        std::lock_guard lock(mutex_);
        if (!slot) slot.emplace(compute(view_));
        return *slot;
    }

    eventlog::LogView view_;
    std::mutex mutex_;
    std::optional<eventlog::CaseVariants> variants_;
    std::optional<CaseDurations> case_durations_;
    std::optional<CodeFrequencies> activity_frequencies_;
    std::optional<CodeFrequencies> resource_frequencies_;
};

}  // namespace pmstudio::mining
