/*
 * Renames a BCC custom image through the bcc-image C API.
 *
 * Usage: rename ENDPOINT IMAGE_ID NAME [CLIENT_TOKEN]
 * The credentials come from BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY (and
 * BCE_SECURITY_TOKEN for STS credentials). Prints the request id, or the whole
 * error, and exits with 0 on success.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bcc_image.h"

static void print_error(const bcc_error *error) {
    fprintf(stderr, "rename failed: %s\n", bcc_error_message(error));
    fprintf(stderr, "  status:      %s (%d)\n", bcc_status_str(bcc_error_status(error)),
            (int)bcc_error_status(error));
    fprintf(stderr, "  HTTP status: %u\n", (unsigned)bcc_error_http_status(error));
    fprintf(stderr, "  code:        %s\n", bcc_error_code(error));
    fprintf(stderr, "  request id:  %s\n", bcc_error_request_id(error));
    fprintf(stderr, "  attempts:    %u\n", (unsigned)bcc_error_attempts(error));
}

int main(int argc, char **argv) {
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: %s ENDPOINT IMAGE_ID NAME [CLIENT_TOKEN]\n", argv[0]);
        fprintf(stderr, "example: %s http://127.0.0.1:8080 m-1849ef6b newName\n", argv[0]);
        return 2;
    }

    const char *access_key_id = getenv("BCE_ACCESS_KEY_ID");
    const char *secret_access_key = getenv("BCE_SECRET_ACCESS_KEY");
    if (access_key_id == NULL || secret_access_key == NULL) {
        fprintf(stderr, "missing credentials: set BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY\n");
        return 2;
    }

    /* Every field left at 0 or NULL takes its default. */
    bcc_client_config config = {0};
    config.access_key_id = access_key_id;
    config.secret_access_key = secret_access_key;
    config.security_token = getenv("BCE_SECURITY_TOKEN");
    config.endpoint = argv[1];

    bcc_client *client = NULL;
    bcc_error *error = NULL;
    if (bcc_client_new(&config, &client, &error) != BCC_OK) {
        print_error(error);
        bcc_error_free(error);
        return 1;
    }

    bcc_rename_result *result = NULL;
    const char *client_token = argc == 5 ? argv[4] : NULL;
    bcc_status status = bcc_image_rename(client, argv[2], argv[3], client_token, &result, &error);
    if (status == BCC_OK) {
        printf("renamed %s to %s\n", argv[2], argv[3]);
        printf("request id:  %s\n", bcc_rename_result_request_id(result));
        printf("clientToken: %s\n", bcc_rename_result_client_token(result));
    } else {
        print_error(error);
    }

    bcc_rename_result_free(result);
    bcc_error_free(error);
    bcc_client_free(client);
    return status == BCC_OK ? 0 : 1;
}
