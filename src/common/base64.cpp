#include "common/base64.h"

#include <openssl/evp.h>

#include <climits>
#include <memory>

namespace pmstudio {
namespace {

using EncodeContext = std::unique_ptr<EVP_ENCODE_CTX, decltype(&EVP_ENCODE_CTX_free)>;

const unsigned char* bytes_of(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    if (bytes.empty()) return {};
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                        bytes_of(bytes), static_cast<int>(bytes.size()));
    out.resize(static_cast<size_t>(written));
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0 || text.size() > INT_MAX) return std::nullopt;
    if (text.empty()) return std::string();
    EncodeContext ctx(EVP_ENCODE_CTX_new(), EVP_ENCODE_CTX_free);
    if (!ctx) return std::nullopt;
    EVP_DecodeInit(ctx.get());
    std::string out(text.size() / 4 * 3 + 3, '\0');
    auto* buffer = reinterpret_cast<unsigned char*>(out.data());
    int body = 0;
    int tail = 0;
    if (EVP_DecodeUpdate(ctx.get(), buffer, &body, bytes_of(text), static_cast<int>(text.size())) <
            0 ||
        EVP_DecodeFinal(ctx.get(), buffer + body, &tail) < 0) {
        return std::nullopt;
    }
    out.resize(static_cast<size_t>(body) + static_cast<size_t>(tail));
    // OpenSSL's decoder tolerates whitespace, stray padding and an early end marker; comparing
    // with the canonical encoding rejects every such variant.
    if (base64_encode(out) != text) return std::nullopt;
    return out;
}

}  // namespace pmstudio
