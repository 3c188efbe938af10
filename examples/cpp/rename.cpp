// Renames a BCC custom image through the C++ wrapper of bcc-image.
//
// Usage: rename ENDPOINT IMAGE_ID NAME [CLIENT_TOKEN]
// The credentials come from BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY (and
// BCE_SECURITY_TOKEN for STS credentials). Prints the request id, or the whole
// error, and exits with 0 on success.
#include <cstdlib>
#include <iostream>

#include "bcc_image.hpp"

namespace {

const char *environment(const char *name) {
    const char *value = std::getenv(name);
    return value != nullptr ? value : "";
}

}  // namespace

int main(int argc, char **argv) {
    if (argc < 4 || argc > 5) {
        std::cerr << "usage: " << argv[0] << " ENDPOINT IMAGE_ID NAME [CLIENT_TOKEN]\n"
                  << "example: " << argv[0] << " http://127.0.0.1:8080 m-1849ef6b newName\n";
        return 2;
    }

    bcc::ClientConfig config;
    config.access_key_id = environment("BCE_ACCESS_KEY_ID");
    config.secret_access_key = environment("BCE_SECRET_ACCESS_KEY");
    if (const char *token = std::getenv("BCE_SECURITY_TOKEN")) {
        config.security_token = token;
    }
    config.endpoint = argv[1];

    try {
        const bcc::Client client(config);
        const bcc::RenameResult result =
            argc == 5 ? client.rename_image(argv[2], argv[3], argv[4]) : client.rename_image(argv[2], argv[3]);
        std::cout << "renamed " << argv[2] << " to " << argv[3] << "\n"
                  << "request id:  " << result.request_id << "\n"
                  << "clientToken: " << result.client_token << "\n";
        return 0;
    } catch (const bcc::Error &error) {
        std::cerr << "rename failed: " << error.what() << "\n"
                  << "  status:      " << bcc::status_str(error.status()) << " (" << error.status() << ")\n"
                  << "  HTTP status: " << error.http_status() << "\n"
                  << "  code:        " << error.code() << "\n"
                  << "  request id:  " << error.request_id() << "\n"
                  << "  attempts:    " << error.attempts() << "\n";
        return 1;
    }
}
