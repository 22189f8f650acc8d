#pragma once

#include <cstdint>
#include <filesystem>

#include "api/multipart_reader.h"
#include "api/request.h"
#include "common/scoped_file.h"
#include "importers/import_options.h"

namespace pmstudio::api {

constexpr int64_t kMaxUploadBytes = int64_t{1} << 30;  // 1 GiB

// A multipart upload received to disk; the file is deleted when this goes out of scope.
class UploadForm {
public:
    // Streams the request body into `target` (413 beyond 1 GiB, 400 for malformed bodies).
    UploadForm(Request& request, std::filesystem::path target);

    const MultipartForm& form() const { return form_; }
    // The file part; ImportError 400 "file is required" when there is none.
    const UploadedFile& file() const;
    // Import options from the form: caseIdColumn, activityNameColumn, activityTimeColumn,
    // resourceColumn, startTimeColumn, cultureInfo, timeZone, delimiter, encoding, worksheetName,
    // jsonMapping.
    importers::ImportOptions import_options() const;
    // Hands the received file over to the caller, who deletes it when done.
    std::filesystem::path release_file();

private:
    ScopedFile target_;
    MultipartForm form_;
};

}  // namespace pmstudio::api
