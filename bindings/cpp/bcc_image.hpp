// bcc_image.hpp: header-only C++17 wrapper of the bcc-image C API (bcc_image.h).
//
// It adds ownership and exceptions and nothing else: every call goes to the C
// function of the same name, so the C API documentation applies.
// - bcc::Client owns a bcc_client and frees it in its destructor. It is
//   move-only. A moved-from Client is empty: valid() returns false and
//   rename_image() throws bcc::Error with status BCC_INVALID_ARGUMENT.
// - Failures throw bcc::Error, which carries the status, HTTP status, BCE
//   code, message, request id and attempt count. The C error object is freed
//   before the throw, so no path leaks it.
// - String arguments are std::string_view, so std::string and literals both
//   work. They are copied to add the NUL terminator that C needs, and a string
//   with an embedded NUL throws bcc::Error with status BCC_INVALID_ARGUMENT.
// - A Client is thread-safe, as in C: threads may share one and call
//   rename_image() at once.

#ifndef BCC_IMAGE_HPP
#define BCC_IMAGE_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "bcc_image.h"

namespace bcc {

// A failed call: the fields of a bcc_error, copied out before it is freed.
class Error : public std::runtime_error {
public:
    Error(bcc_status status, std::uint16_t http_status, std::string code, const std::string &message,
          std::string request_id, std::uint32_t attempts)
        : std::runtime_error(message),
          fields_(std::make_shared<const Fields>(
              Fields{status, http_status, std::move(code), std::move(request_id), attempts})) {}

    // Status of the failed call; never BCC_OK.
    bcc_status status() const noexcept { return fields_->status; }
    // HTTP status of the last response, or 0 when none arrived.
    std::uint16_t http_status() const noexcept { return fields_->http_status; }
    // BCE error code such as "NoSuchObject", or "" when the service sent none.
    const std::string &code() const noexcept { return fields_->code; }
    // Full message, also returned by what(). It never contains a secret key.
    std::string message() const { return what(); }
    // x-bce-request-id of the last response, or "" when there was none.
    const std::string &request_id() const noexcept { return fields_->request_id; }
    // Number of HTTP attempts: 0 when a local check failed first.
    std::uint32_t attempts() const noexcept { return fields_->attempts; }

private:
    struct Fields {
        bcc_status status;
        std::uint16_t http_status;
        std::string code;
        std::string request_id;
        std::uint32_t attempts;
    };
    // Shared and immutable, so that copying the exception cannot throw, as the
    // standard exceptions promise.
    std::shared_ptr<const Fields> fields_;
};

namespace detail {

struct ErrorDeleter {
    void operator()(bcc_error *error) const noexcept { bcc_error_free(error); }
};
struct ClientDeleter {
    void operator()(bcc_client *client) const noexcept { bcc_client_free(client); }
};
struct ResultDeleter {
    void operator()(bcc_rename_result *result) const noexcept { bcc_rename_result_free(result); }
};

// Throws an Error for a local check that failed before any C call.
[[noreturn]] inline void throw_invalid_argument(const std::string &message) {
    throw Error(BCC_INVALID_ARGUMENT, 0, "", "invalid argument: " + message, "", 0);
}

// Copies the C error into a bcc::Error, frees it, and throws. `raw` may be
// NULL, in which case the message is the status description.
[[noreturn]] inline void throw_error(bcc_status status, bcc_error *raw) {
    std::unique_ptr<bcc_error, ErrorDeleter> error(raw);
    if (!error) {
        throw Error(status, 0, "", bcc_status_str(static_cast<int32_t>(status)), "", 0);
    }
    throw Error(status, bcc_error_http_status(error.get()), bcc_error_code(error.get()),
                bcc_error_message(error.get()), bcc_error_request_id(error.get()),
                bcc_error_attempts(error.get()));
}

// Copies `value` into a NUL-terminated string, rejecting an embedded NUL that
// C would read as the end of the string.
inline std::string to_c_string(std::string_view value, const char *name) {
    if (value.find('\0') != std::string_view::npos) {
        throw_invalid_argument(std::string(name) + " contains a NUL character");
    }
    return std::string(value);
}

// Returns the pointer for an optional C string: NULL when absent.
inline const char *optional_c_str(const std::optional<std::string> &value, const char *name) {
    if (!value) {
        return nullptr;
    }
    if (value->find('\0') != std::string::npos) {
        throw_invalid_argument(std::string(name) + " contains a NUL character");
    }
    return value->c_str();
}

}  // namespace detail

// Settings of a Client, mapped field by field onto bcc_client_config. Every
// std::nullopt and every 0 takes the default that bcc_client_config documents.
struct ClientConfig {
    std::string access_key_id;
    std::string secret_access_key;
    std::optional<std::string> security_token;
    // BCC region id such as "gz"; the C default is "bj". Ignored when endpoint is set.
    std::optional<std::string> region;
    // Endpoint URL such as "http://127.0.0.1:8080"; overrides the region.
    std::optional<std::string> endpoint;
    // PEM file of CA certificates to trust instead of the public roots.
    std::optional<std::string> ca_file;
    std::uint32_t connect_timeout_ms = 0;
    std::uint32_t request_timeout_ms = 0;
    std::uint32_t max_attempts = 0;
    std::uint32_t retry_base_delay_ms = 0;
    std::uint32_t retry_max_delay_ms = 0;
    std::uint32_t deadline_ms = 0;
    std::uint32_t expiration_seconds = 0;
    bool disable_name_validation = false;
};

// Outcome of a successful rename.
struct RenameResult {
    // x-bce-request-id of the response, or "" when the server sent none.
    std::string request_id;
    // clientToken that was sent: the caller's, or the UUID generated for the call.
    std::string client_token;
};

// A BCC client that owns its bcc_client handle. Move-only.
class Client {
public:
    // Creates a client from `config`. Throws Error on invalid settings.
    explicit Client(const ClientConfig &config) {
        const std::string access_key_id = detail::to_c_string(config.access_key_id, "access_key_id");
        const std::string secret_access_key = detail::to_c_string(config.secret_access_key, "secret_access_key");

        bcc_client_config c_config{};
        c_config.access_key_id = access_key_id.c_str();
        c_config.secret_access_key = secret_access_key.c_str();
        c_config.security_token = detail::optional_c_str(config.security_token, "security_token");
        c_config.region = detail::optional_c_str(config.region, "region");
        c_config.endpoint = detail::optional_c_str(config.endpoint, "endpoint");
        c_config.ca_file = detail::optional_c_str(config.ca_file, "ca_file");
        c_config.connect_timeout_ms = config.connect_timeout_ms;
        c_config.request_timeout_ms = config.request_timeout_ms;
        c_config.max_attempts = config.max_attempts;
        c_config.retry_base_delay_ms = config.retry_base_delay_ms;
        c_config.retry_max_delay_ms = config.retry_max_delay_ms;
        c_config.deadline_ms = config.deadline_ms;
        c_config.expiration_seconds = config.expiration_seconds;
        c_config.disable_name_validation = config.disable_name_validation ? 1 : 0;

        bcc_client *client = nullptr;
        bcc_error *error = nullptr;
        const bcc_status status = bcc_client_new(&c_config, &client, &error);
        if (status != BCC_OK) {
            detail::throw_error(status, error);
        }
        handle_.reset(client);
    }

    // Creates a client from BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY,
    // BCE_SECURITY_TOKEN, BCE_REGION and BCE_ENDPOINT. Throws Error with status
    // BCC_MISSING_CREDENTIALS when the keys are not set.
    static Client from_env() {
        bcc_client *client = nullptr;
        bcc_error *error = nullptr;
        const bcc_status status = bcc_client_new_from_env(&client, &error);
        if (status != BCC_OK) {
            detail::throw_error(status, error);
        }
        return Client(client);
    }

    Client(Client &&) noexcept = default;
    Client &operator=(Client &&) noexcept = default;
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;
    ~Client() = default;

    // Renames the custom image `image_id` to `name`, with a generated
    // clientToken. Blocks until the call ends; throws Error on failure.
    RenameResult rename_image(std::string_view image_id, std::string_view name) const {
        return rename(image_id, name, nullptr);
    }

    // Renames with the caller's idempotence token, so that repeating the call
    // after a lost response applies the rename at most once.
    RenameResult rename_image(std::string_view image_id, std::string_view name,
                              std::string_view client_token) const {
        const std::string token = detail::to_c_string(client_token, "client_token");
        return rename(image_id, name, token.c_str());
    }

    // Returns false for a moved-from client.
    bool valid() const noexcept { return handle_ != nullptr; }
    explicit operator bool() const noexcept { return valid(); }

    // Returns the C handle, still owned by this Client, or NULL when empty.
    const bcc_client *native_handle() const noexcept { return handle_.get(); }

private:
    explicit Client(bcc_client *client) noexcept : handle_(client) {}

    RenameResult rename(std::string_view image_id, std::string_view name, const char *client_token) const {
        if (!handle_) {
            detail::throw_invalid_argument("this bcc::Client is empty because it was moved from");
        }
        const std::string c_image_id = detail::to_c_string(image_id, "image_id");
        const std::string c_name = detail::to_c_string(name, "name");

        bcc_rename_result *raw_result = nullptr;
        bcc_error *error = nullptr;
        const bcc_status status =
            bcc_image_rename(handle_.get(), c_image_id.c_str(), c_name.c_str(), client_token, &raw_result, &error);
        if (status != BCC_OK) {
            detail::throw_error(status, error);
        }

        std::unique_ptr<bcc_rename_result, detail::ResultDeleter> result(raw_result);
        return RenameResult{bcc_rename_result_request_id(result.get()),
                            bcc_rename_result_client_token(result.get())};
    }

    std::unique_ptr<bcc_client, detail::ClientDeleter> handle_;
};

// Inputs of sign_request(), with the meaning that bcc_sign_request() documents.
struct SignRequest {
    std::string access_key_id;
    std::string secret_access_key;
    std::string method;
    // Decoded request path, such as "/v2/image/rename".
    std::string path;
    // Query string as sent on the wire, percent-encoded, without the '?'.
    std::string query;
    // "Name: value" lines separated by "\n", Host included.
    std::string headers;
    // Signing time in Unix seconds; a negative value means now.
    std::int64_t timestamp = -1;
    // Signature lifetime in seconds; 0 means 1800.
    std::uint32_t expiration_seconds = 0;
    // ";"-separated lowercase header names; empty signs the default set.
    std::string signed_headers;
};

// Computes a bce-auth-v1 Authorization value without sending anything. Throws
// Error with status BCC_INVALID_ARGUMENT on bad input.
inline std::string sign_request(const SignRequest &request) {
    const std::string access_key_id = detail::to_c_string(request.access_key_id, "access_key_id");
    const std::string secret_access_key = detail::to_c_string(request.secret_access_key, "secret_access_key");
    const std::string method = detail::to_c_string(request.method, "method");
    const std::string path = detail::to_c_string(request.path, "path");
    const std::string query = detail::to_c_string(request.query, "query");
    const std::string headers = detail::to_c_string(request.headers, "headers");
    const std::string signed_headers = detail::to_c_string(request.signed_headers, "signed_headers");

    // Most values fit in 256 bytes. A longer one returns BCC_BUFFER_TOO_SMALL
    // with the size needed, and the second call uses that size.
    std::string buffer(256, '\0');
    std::size_t needed = 0;
    const auto sign = [&] {
        return bcc_sign_request(access_key_id.c_str(), secret_access_key.c_str(), method.c_str(), path.c_str(),
                                query.c_str(), headers.c_str(), request.timestamp, request.expiration_seconds,
                                signed_headers.c_str(), buffer.data(), buffer.size(), &needed);
    };
    bcc_status status = sign();
    if (status == BCC_BUFFER_TOO_SMALL) {
        buffer.resize(needed);
        status = sign();
    }
    if (status != BCC_OK) {
        throw Error(status, 0, "", std::string("bcc_sign_request failed: ") + bcc_status_str(status), "", 0);
    }
    buffer.resize(needed - 1);
    return buffer;
}

// Returns the version of the loaded library, such as "0.1.0". It can differ
// from BCC_IMAGE_VERSION when another library is loaded at run time.
inline std::string_view version() noexcept { return bcc_version(); }

// Returns the static description of a status, such as "invalid argument".
inline std::string_view status_str(bcc_status status) noexcept {
    return bcc_status_str(static_cast<int32_t>(status));
}

}  // namespace bcc

#endif  // BCC_IMAGE_HPP
