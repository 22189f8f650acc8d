#include "importers/import_report.h"

namespace pmstudio::importers {

void ImportReport::record(RowIssue issue) {
    if (issues_.size() < kMaxIssues) issues_.push_back(std::move(issue));
}

void ImportReport::skip_row(int64_t row, std::string column, std::string error_type,
                            std::string message) {
    ++skipped_rows_;
    record({row, std::move(column), std::move(error_type), "Skipped", std::move(message)});
}

void ImportReport::invalid_value(int64_t row, std::string column, std::string error_type,
                                 std::string message) {
    ++invalid_values_;
    record({row, std::move(column), std::move(error_type), "SetToNull", std::move(message)});
}

void ImportReport::merge(const ImportReport& other) {
    skipped_rows_ += other.skipped_rows_;
    invalid_values_ += other.invalid_values_;
    for (const auto& issue : other.issues_) record(issue);
    warnings_.insert(warnings_.end(), other.warnings_.begin(), other.warnings_.end());
}

}  // namespace pmstudio::importers
