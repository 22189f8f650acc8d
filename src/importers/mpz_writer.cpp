#include "importers/mpz_writer.h"

#include <zip.h>

#include <stdexcept>

namespace pmstudio::importers {
namespace {

std::string zip_problem(zip_t* archive) {
    return zip_error_strerror(zip_get_error(archive));
}

}  // namespace

MpzWriter::MpzWriter(const std::filesystem::path& file) {
    int code = 0;
    archive_ = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (archive_ == nullptr) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw std::runtime_error("cannot create " + file.string() + " (" + message + ")");
    }
}

MpzWriter::~MpzWriter() {
    if (archive_ != nullptr) zip_discard(archive_);
}

void MpzWriter::add(const std::string& name, zip_source_t* source, bool compress) {
    if (source == nullptr)
        throw std::runtime_error("cannot add " + name + ": " + zip_problem(archive_));
    const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        throw std::runtime_error("cannot add " + name + ": " + zip_problem(archive_));
    }
    if (zip_set_file_compression(archive_, static_cast<zip_uint64_t>(index),
                                 compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) != 0) {
        throw std::runtime_error("cannot set the compression of " + name + ": " +
                                 zip_problem(archive_));
    }
}

void MpzWriter::add_bytes(const std::string& name, std::string bytes) {
    const std::string& kept = buffers_.emplace_back(std::move(bytes));
    add(name, zip_source_buffer(archive_, kept.data(), kept.size(), 0), true);
}

void MpzWriter::add_file(const std::string& name, const std::filesystem::path& source,
                         bool compress) {
    add(name, zip_source_file(archive_, source.c_str(), 0, -1), compress);
}

void MpzWriter::close() {
    if (zip_close(archive_) != 0) {
        throw std::runtime_error("cannot write the package: " + zip_problem(archive_));
    }
    archive_ = nullptr;
}

}  // namespace pmstudio::importers
