#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace pmstudio::importers {

// One problem with one value, as the reference's rowIssues show it.
struct RowIssue {
    int64_t row_index;  // 1-based data row (CSV: excluding the header), event number for XES
    std::string column_name;
    std::string error_type;  // ParseError, MissingValue, ...
    std::string outcome;     // Skipped (the row was dropped) or SetToNull (the value was dropped)
    std::string message;
};

// Row-level problems of one import. Counts are exact; the issue list keeps the first kMaxIssues.
class ImportReport {
public:
    static constexpr size_t kMaxIssues = 1000;

    // The whole row was dropped (e.g. an unparsable timestamp or an empty case id).
    void skip_row(int64_t row, std::string column, std::string error_type, std::string message);
    // One value was unusable and stored as null (e.g. a bad number in a numeric column).
    void invalid_value(int64_t row, std::string column, std::string error_type,
                       std::string message);
    void warn(std::string message) { warnings_.push_back(std::move(message)); }
    // Adds another report's counts, issues (within the cap) and warnings to this one.
    void merge(const ImportReport& other);

    int64_t skipped_rows() const { return skipped_rows_; }
    int64_t invalid_values() const { return invalid_values_; }
    const std::vector<RowIssue>& issues() const { return issues_; }
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    void record(RowIssue issue);

    int64_t skipped_rows_ = 0;
    int64_t invalid_values_ = 0;
    std::vector<RowIssue> issues_;
    std::vector<std::string> warnings_;
};

// The input cannot be imported at all (a mapped column is missing, the file is not of the claimed
// format, ...). `status` is the HTTP status the API answers with (422 or 400).
class ImportError : public std::runtime_error {
public:
    ImportError(int status, const std::string& message)
        : std::runtime_error(message), status_(status), messages_{message} {}
    // Several problems at once (e.g. every missing column); what() is the first.
    ImportError(int status, std::vector<std::string> messages)
        : std::runtime_error(messages.at(0)), status_(status), messages_(std::move(messages)) {}
    int status() const { return status_; }
    const std::vector<std::string>& messages() const { return messages_; }

private:
    int status_;
    std::vector<std::string> messages_;
};

}  // namespace pmstudio::importers
