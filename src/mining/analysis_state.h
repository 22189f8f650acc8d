#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "eventlog/column.h"
#include "eventlog/log_view.h"
#include "mining/view_figures.h"

namespace pmstudio::mining {

// What flows down a notebook's block chain: the view (cases and events kept by the filters so
// far), the case attributes enrichment operators added (one value per case of the log, indexed
// by case index, like the log's own case attributes), and "now" once a FreezeLogTime block fixed
// it (or the dataset came frozen). Copies share everything; operators derive new states instead of
// changing one.
struct AnalysisState {
    eventlog::LogView view;
    std::shared_ptr<const std::vector<eventlog::Column>> derived_attributes;
    std::optional<int64_t> frozen_now;  // microseconds since 1970 UTC
    // The shared figures of `view` (view_figures.h); replaced whenever the view changes.
    std::shared_ptr<ViewFigures> figures;

    // Starts over a dataset's view; a dataset frozen in time (its metadata.freeze_time, as an
    // imported mindzie dataset carries it) starts with that time as "now".
    explicit AnalysisState(eventlog::LogView initial);

    // The derived attribute of that name (exact, then ignoring case), or nullptr.
    const eventlog::Column* derived_attribute(std::string_view name) const;
    // A copy with `column` added (replacing a derived attribute of the same name).
    AnalysisState with_attribute(eventlog::Column column) const;
    // A copy over a narrower view, keeping the derived attributes and frozen time.
    AnalysisState with_view(eventlog::LogView narrower) const;
    // The instant relative dates and "time since" figures use: the frozen time, else `now`.
    int64_t now_or(int64_t now) const { return frozen_now.value_or(now); }
};

}  // namespace pmstudio::mining
