// Tests of the C++ wrapper (bcc_image.hpp) against a running bcc-emulator.
//
// Usage: wrapper_test ENDPOINT
// The emulator must accept BCE_ACCESS_KEY_ID:BCE_SECRET_ACCESS_KEY from the
// environment and contain the image m-1849ef6b. Prints one line per check and
// exits with 1 when any check failed.
#include <cstdlib>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "bcc_image.hpp"

namespace {

const char *const kImageId = "m-1849ef6b";
const char *const kMissingImageId = "m-00000000";

int g_passed = 0;
int g_failed = 0;
std::string g_endpoint;

void check(bool condition, const std::string &test, const char *expression, int line) {
    if (condition) {
        ++g_passed;
        return;
    }
    ++g_failed;
    std::cerr << "FAIL " << test << " (line " << line << "): " << expression << "\n";
}
#define CHECK(test, condition) check((condition), (test), #condition, __LINE__)

// Runs `call`, which must throw bcc::Error, and returns the error; records a
// failure and returns std::nullopt when it does not throw.
std::optional<bcc::Error> expect_error(const std::string &test, const std::function<void()> &call) {
    try {
        call();
    } catch (const bcc::Error &error) {
        return error;
    }
    check(false, test, "the call throws bcc::Error", __LINE__);
    return std::nullopt;
}

std::string environment(const char *name) {
    const char *value = std::getenv(name);
    return value != nullptr ? value : "";
}

bcc::ClientConfig emulator_config() {
    bcc::ClientConfig config;
    config.access_key_id = environment("BCE_ACCESS_KEY_ID");
    config.secret_access_key = environment("BCE_SECRET_ACCESS_KEY");
    config.endpoint = g_endpoint;
    config.max_attempts = 1;
    config.request_timeout_ms = 5000;
    return config;
}

void test_version_matches_header() {
    const std::string test = "version matches header";
    CHECK(test, bcc::version() == BCC_IMAGE_VERSION);
    const std::string joined = std::to_string(BCC_IMAGE_VERSION_MAJOR) + "." +
                               std::to_string(BCC_IMAGE_VERSION_MINOR) + "." +
                               std::to_string(BCC_IMAGE_VERSION_PATCH);
    CHECK(test, joined == BCC_IMAGE_VERSION);
}

void test_rename_succeeds() {
    const std::string test = "rename succeeds";
    const bcc::Client client(emulator_config());
    const bcc::RenameResult result = client.rename_image(kImageId, "renamedByCpp");
    CHECK(test, !result.request_id.empty());
    // A generated clientToken is a UUID in its 36-character text form.
    CHECK(test, result.client_token.size() == 36);
}

void test_rename_keeps_client_token() {
    const std::string test = "rename keeps client token";
    const bcc::Client client(emulator_config());
    const std::string token = "cpp-wrapper-token-1";
    const std::string image_id = kImageId;
    const bcc::RenameResult first = client.rename_image(image_id, std::string("tokenName"), token);
    CHECK(test, first.client_token == token);

    // The same token and body again is the same rename, so it succeeds again.
    const bcc::RenameResult second = client.rename_image(std::string_view(image_id), "tokenName", token);
    CHECK(test, second.client_token == token);
}

void test_missing_image_error() {
    const std::string test = "missing image error";
    const bcc::Client client(emulator_config());
    const auto error = expect_error(test, [&] { client.rename_image(kMissingImageId, "newName"); });
    if (!error) {
        return;
    }
    CHECK(test, error->status() == BCC_SERVICE_ERROR);
    CHECK(test, error->http_status() == 404);
    CHECK(test, error->code() == "NoSuchObject");
    CHECK(test, !error->request_id().empty());
    CHECK(test, error->message().find("NoSuchObject") != std::string::npos);
    CHECK(test, error->message() == error->what());
    CHECK(test, error->attempts() == 1);
}

void test_wrong_secret_error() {
    const std::string test = "wrong secret error";
    bcc::ClientConfig config = emulator_config();
    config.secret_access_key = "not-the-secret-the-emulator-accepts";
    const bcc::Client client(config);
    const auto error = expect_error(test, [&] { client.rename_image(kImageId, "newName"); });
    if (!error) {
        return;
    }
    CHECK(test, error->status() == BCC_SERVICE_ERROR);
    CHECK(test, error->code() == "SignatureDoesNotMatch");
    // BCE returns 400 for a bad signature, not 403.
    CHECK(test, error->http_status() == 400);
    // The message never repeats the secret it was signed with.
    CHECK(test, error->message().find(config.secret_access_key) == std::string::npos);
}

void test_invalid_name_rejected_locally() {
    const std::string test = "invalid name rejected locally";
    const bcc::Client client(emulator_config());
    const auto error = expect_error(test, [&] { client.rename_image(kImageId, "1 starts with a digit"); });
    if (!error) {
        return;
    }
    CHECK(test, error->status() == BCC_INVALID_ARGUMENT);
    CHECK(test, error->http_status() == 0);
    CHECK(test, error->attempts() == 0);
}

void test_embedded_nul_rejected() {
    const std::string test = "embedded NUL rejected";
    const bcc::Client client(emulator_config());
    const std::string name("new\0Name", 8);
    const auto error = expect_error(test, [&] { client.rename_image(kImageId, name); });
    if (!error) {
        return;
    }
    CHECK(test, error->status() == BCC_INVALID_ARGUMENT);
}

void test_empty_access_key_rejected() {
    const std::string test = "empty access key rejected";
    bcc::ClientConfig config = emulator_config();
    config.access_key_id.clear();
    const auto error = expect_error(test, [&] { bcc::Client client(config); });
    if (!error) {
        return;
    }
    CHECK(test, error->status() == BCC_MISSING_CREDENTIALS);
}

void test_move_leaves_empty_client() {
    const std::string test = "move leaves empty client";
    static_assert(!std::is_copy_constructible_v<bcc::Client>, "Client is move-only");
    static_assert(!std::is_copy_assignable_v<bcc::Client>, "Client is move-only");
    static_assert(std::is_nothrow_move_constructible_v<bcc::Client>, "moving a Client cannot throw");

    bcc::Client original(emulator_config());
    const bcc_client *handle = original.native_handle();
    bcc::Client moved(std::move(original));
    CHECK(test, moved.valid());
    CHECK(test, moved.native_handle() == handle);
    // The moved-from state is documented: empty, and every call throws.
    CHECK(test, !original.valid());  // NOLINT(bugprone-use-after-move)
    CHECK(test, original.native_handle() == nullptr);
    const auto error = expect_error(test, [&] { original.rename_image(kImageId, "newName"); });
    if (error) {
        CHECK(test, error->status() == BCC_INVALID_ARGUMENT);
    }
    CHECK(test, !moved.rename_image(kImageId, "afterMove").request_id.empty());

    // Move assignment frees the target's own handle; valgrind checks that.
    bcc::Client target(emulator_config());
    target = std::move(moved);
    CHECK(test, target.native_handle() == handle);
    CHECK(test, !moved.valid());  // NOLINT(bugprone-use-after-move)
}

void test_from_env_reads_endpoint() {
    const std::string test = "from_env reads endpoint";
    setenv("BCE_ENDPOINT", g_endpoint.c_str(), 1);
    const bcc::Client client = bcc::Client::from_env();
    CHECK(test, !client.rename_image(kImageId, "fromEnvironment").request_id.empty());
    unsetenv("BCE_ENDPOINT");
}

void test_from_env_missing_credentials() {
    const std::string test = "from_env missing credentials";
    const std::string access_key_id = environment("BCE_ACCESS_KEY_ID");
    unsetenv("BCE_ACCESS_KEY_ID");
    const auto error = expect_error(test, [] { bcc::Client::from_env(); });
    setenv("BCE_ACCESS_KEY_ID", access_key_id.c_str(), 1);
    if (error) {
        CHECK(test, error->status() == BCC_MISSING_CREDENTIALS);
    }
}

void test_threads_share_client() {
    const std::string test = "threads share client";
    const bcc::Client client(emulator_config());
    std::vector<std::string> request_ids(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < request_ids.size(); ++i) {
        threads.emplace_back([&client, &request_ids, i] {
            try {
                request_ids[i] = client.rename_image(kImageId, "thread" + std::to_string(i)).request_id;
            } catch (const bcc::Error &) {
                // Left empty, so the check below fails.
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }
    for (const std::string &request_id : request_ids) {
        CHECK(test, !request_id.empty());
    }
}

void test_error_copy_keeps_fields() {
    const std::string test = "error copy keeps fields";
    const bcc::Error original(BCC_SERVICE_ERROR, 404, "NoSuchObject", "not found", "request-1", 2);
    const bcc::Error copy = original;
    CHECK(test, copy.status() == BCC_SERVICE_ERROR);
    CHECK(test, copy.http_status() == 404);
    CHECK(test, copy.code() == "NoSuchObject");
    CHECK(test, copy.message() == "not found");
    CHECK(test, copy.request_id() == "request-1");
    CHECK(test, copy.attempts() == 2);
    static_assert(std::is_base_of_v<std::runtime_error, bcc::Error>, "Error is a std::runtime_error");
}

// The worked example of Baidu's bce-auth-v1 documentation (an object storage
// upload), whose signature Baidu publishes; tests/data/bce_auth_v1.json has
// the same case under "Baidu documentation example (object storage upload part)".
void test_sign_request_baidu_example() {
    const std::string test = "sign_request Baidu example";
    bcc::SignRequest request;
    request.access_key_id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    request.secret_access_key = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    request.method = "PUT";
    request.path = "/v1/test/myfolder/readme.txt";
    request.query = "partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851";
    request.headers =
        "Host: bj.bcebos.com\n"
        "Date: Mon, 27 Apr 2015 16:23:49 +0800\n"
        "Content-Type: text/plain\n"
        "Content-Length: 8\n"
        "Content-Md5: NFzcPqhviddjRNnSOGo4rw==\n"
        "x-bce-date: 2015-04-27T08:23:49Z\n";
    request.timestamp = 1430123029;
    request.expiration_seconds = 1800;
    CHECK(test, bcc::sign_request(request) ==
                    "bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2015-04-27T08:23:49Z/1800//"
                    "d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e");
}

// An access key of 400 characters makes the value longer than the wrapper's
// first buffer, so this runs the BCC_BUFFER_TOO_SMALL path.
void test_sign_request_grows_buffer() {
    const std::string test = "sign_request grows buffer";
    bcc::SignRequest request;
    request.access_key_id = std::string(400, 'a');
    request.secret_access_key = "secret";
    request.method = "PUT";
    request.path = "/v2/image/rename";
    request.headers = "Host: bcc.bj.baidubce.com";
    request.timestamp = 1439266649;
    const std::string authorization = bcc::sign_request(request);
    CHECK(test, authorization.size() > 400);
    CHECK(test, authorization.rfind("bce-auth-v1/" + request.access_key_id + "/2015-08-11T04:17:29Z/1800//", 0) == 0);

    std::string expected(1024, '\0');
    std::size_t needed = 0;
    const bcc_status status = bcc_sign_request(
        request.access_key_id.c_str(), request.secret_access_key.c_str(), "PUT", "/v2/image/rename", nullptr,
        "Host: bcc.bj.baidubce.com", 1439266649, 0, nullptr, expected.data(), expected.size(), &needed);
    CHECK(test, status == BCC_OK);
    expected.resize(needed - 1);
    CHECK(test, authorization == expected);
}

void test_sign_request_invalid_argument() {
    const std::string test = "sign_request invalid argument";
    bcc::SignRequest request;
    request.access_key_id = "ak";
    request.secret_access_key = "sk";
    request.path = "/";
    // The method is empty, which bcc_sign_request rejects.
    const auto error = expect_error(test, [&] { bcc::sign_request(request); });
    if (error) {
        CHECK(test, error->status() == BCC_INVALID_ARGUMENT);
    }
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " ENDPOINT\n";
        return 2;
    }
    g_endpoint = argv[1];

    const std::vector<std::pair<const char *, void (*)()>> tests = {
        {"version matches header", test_version_matches_header},
        {"rename succeeds", test_rename_succeeds},
        {"rename keeps client token", test_rename_keeps_client_token},
        {"missing image error", test_missing_image_error},
        {"wrong secret error", test_wrong_secret_error},
        {"invalid name rejected locally", test_invalid_name_rejected_locally},
        {"embedded NUL rejected", test_embedded_nul_rejected},
        {"empty access key rejected", test_empty_access_key_rejected},
        {"move leaves empty client", test_move_leaves_empty_client},
        {"from_env reads endpoint", test_from_env_reads_endpoint},
        {"from_env missing credentials", test_from_env_missing_credentials},
        {"threads share client", test_threads_share_client},
        {"error copy keeps fields", test_error_copy_keeps_fields},
        {"sign_request Baidu example", test_sign_request_baidu_example},
        {"sign_request grows buffer", test_sign_request_grows_buffer},
        {"sign_request invalid argument", test_sign_request_invalid_argument},
    };
    for (const auto &[name, run] : tests) {
        const int failed_before = g_failed;
        try {
            run();
        } catch (const std::exception &error) {
            check(false, name, error.what(), __LINE__);
        }
        std::cout << (g_failed == failed_before ? "ok   " : "FAIL ") << name << "\n";
    }

    std::cout << "C++ wrapper: " << g_passed << " checks passed, " << g_failed << " failed\n";
    return g_failed == 0 ? 0 : 1;
}
