#include "app/bootstrap.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace pmstudio::app {
namespace {

void write_private_file(const std::filesystem::path& file, const std::string& content) {
    const std::filesystem::path temp = file.string() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw std::runtime_error("cannot write " + temp.string());
    const std::string line = content + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced) throw std::runtime_error("cannot write " + temp.string());
    std::filesystem::rename(temp, file);
}

}  // namespace

std::optional<std::string> bootstrap_global_key(services::ApiKeyService& api_keys,
                                                const std::filesystem::path& key_file) {
    if (api_keys.any_keys_exist()) return std::nullopt;
    const char* preset = std::getenv("PMSTUDIO_BOOTSTRAP_GLOBAL_KEY");
    const auto issued = (preset != nullptr && *preset != '\0')
                            ? api_keys.issue_global_with_secret(preset, "bootstrap admin")
                            : api_keys.issue(std::nullopt, "bootstrap admin");
    write_private_file(key_file, issued.secret);
    return issued.secret;
}

}  // namespace pmstudio::app
