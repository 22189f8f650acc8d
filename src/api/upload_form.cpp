#include "api/upload_form.h"

#include <fmt/format.h>

#include "common/service_error.h"
#include "importers/import_report.h"

namespace pmstudio::api {

UploadForm::UploadForm(Request& request, std::filesystem::path target)
    : target_(std::move(target)) {
    if (!request.stream_body) {
        throw ServiceError(ErrorKind::BadRequest, "A multipart/form-data body is required");
    }
    MultipartReader reader(request.header("content-type"), target_.path(), kMaxUploadBytes);
    request.stream_body([&](const char* data, size_t size) { reader.feed(data, size); });
    form_ = reader.finish();
}

std::filesystem::path UploadForm::release_file() {
    file();
    return target_.release();
}

const UploadedFile& UploadForm::file() const {
    if (!form_.file) {
        throw importers::ImportError(400,
                                     "file is required: send the data in the form field 'file'");
    }
    return *form_.file;
}

importers::ImportOptions UploadForm::import_options() const {
    importers::ImportOptions options;
    auto text = [&](const char* name) { return form_.field(name).value_or(""); };
    options.mapping = {text("caseIdColumn"), text("activityNameColumn"), text("activityTimeColumn"),
                       text("resourceColumn"), text("startTimeColumn")};
    if (auto culture = form_.field("cultureInfo")) options.culture = *culture;
    options.time_zone = text("timeZone");
    options.encoding = text("encoding");
    options.worksheet = text("worksheetName");
    options.json_mapping = text("jsonMapping");
    if (auto delimiter = form_.field("delimiter")) {
        options.delimiter = importers::parse_delimiter(*delimiter);
        if (!options.delimiter) {
            throw importers::ImportError(
                400, fmt::format("delimiter must be one character (or \\t), got '{}'", *delimiter));
        }
    }
    return options;
}

}  // namespace pmstudio::api
