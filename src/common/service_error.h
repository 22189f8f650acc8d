#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace pmstudio {

// Why a request could not be served, in domain terms; the API layer maps each kind to its
// documented status code and body.
enum class ErrorKind {
    Validation,    // 400: bad input; `validation_errors` lists the problems when there are several
    BadRequest,    // 400: a single named problem (e.g. a failed verification)
    Unauthorized,  // 401
    Forbidden,     // 403
    NotFound,      // 404
    Conflict,      // 409
    PayloadTooLarge,  // 413
    LimitReached,     // 429: licence limits
};

// How the API writes the error body. Most routes answer {"error": message, <fields>}; some pages
// of the reference document PascalCase bodies ({"Error": ..., "BlockId": ...}), a bare JSON string
// or a plain-text message.
enum class ErrorBody { CamelCase, PascalCase, JsonString, PlainText };

class ServiceError : public std::runtime_error {
public:
    ServiceError(ErrorKind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind) {}

    ErrorKind kind() const { return kind_; }

    // Extra documented string fields of the error body, e.g. {"projectId": "..."} or {"hint": ...}.
    ServiceError& with(std::string key, std::string value) {
        fields_.emplace_back(std::move(key), std::move(value));
        return *this;
    }
    const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

    ServiceError& written_as(ErrorBody body) {
        body_ = body;
        return *this;
    }
    ErrorBody body() const { return body_; }

    static ServiceError validation(std::vector<std::string> errors) {
        ServiceError error(ErrorKind::Validation, "Validation failed");
        error.validation_errors_ = std::move(errors);
        return error;
    }
    const std::vector<std::string>& validation_errors() const { return validation_errors_; }

private:
    ErrorKind kind_;
    std::vector<std::pair<std::string, std::string>> fields_;
    std::vector<std::string> validation_errors_;
    ErrorBody body_ = ErrorBody::CamelCase;
};

}  // namespace pmstudio
