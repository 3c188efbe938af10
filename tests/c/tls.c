/*
 * The ca_file option of bcc_client_config against an https emulator whose
 * certificate a private CA signed: without ca_file the rename fails with
 * BCC_TLS_ERROR, with it the rename succeeds, and a missing file is rejected.
 *
 * Usage: tls ENDPOINT CA_FILE MISSING_CA_FILE, with BCE_ACCESS_KEY_ID and
 * BCE_SECRET_ACCESS_KEY set to credentials that the emulator accepts, and
 * image m-1849ef6b seeded there. Renames it to tlsName. Prints one line per
 * failed check and exits with 1 if any failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bcc_image.h"
#include "check.h"


static const char *IMAGE_ID = "m-1849ef6b";

/* Returns a configuration for the emulator at `endpoint` that trusts `ca_file`,
 * or the public roots when `ca_file` is NULL. */
static bcc_client_config config_for(const char *endpoint, const char *ca_file) {
    bcc_client_config config = {0};
    config.access_key_id = getenv("BCE_ACCESS_KEY_ID");
    config.secret_access_key = getenv("BCE_SECRET_ACCESS_KEY");
    config.endpoint = endpoint;
    config.ca_file = ca_file;
    /* Generous, because valgrind slows the TLS handshake. */
    config.request_timeout_ms = 30000;
    return config;
}

/* Creates a client, or counts a failure, prints the error and returns NULL. */
static bcc_client *new_client(const bcc_client_config *config) {
    bcc_client *client = NULL;
    bcc_error *error = NULL;
    bcc_status status = bcc_client_new(config, &client, &error);
    CHECK(status == BCC_OK);
    if (status != BCC_OK) {
        fprintf(stderr, "bcc_client_new failed: %s\n", bcc_error_message(error));
        bcc_error_free(error);
    }
    return client;
}

static void test_untrusted_certificate(const char *endpoint) {
    bcc_client_config config = config_for(endpoint, NULL);
    bcc_client *client = new_client(&config);
    if (client == NULL) {
        return;
    }

    bcc_rename_result *result = NULL;
    bcc_error *error = NULL;
    int failures_before = check_failures;
    CHECK(bcc_image_rename(client, IMAGE_ID, "untrustedName", NULL, &result, &error) == BCC_TLS_ERROR);
    CHECK(result == NULL);
    CHECK(bcc_error_status(error) == BCC_TLS_ERROR);
    CHECK(strstr(bcc_error_message(error), "certificate") != NULL);
    CHECK(bcc_error_attempts(error) == 1);
    if (check_failures > failures_before) {
        fprintf(stderr, "error without ca_file: %s\n", bcc_error_message(error));
    }
    bcc_error_free(error);
    bcc_rename_result_free(result);
    bcc_client_free(client);
}

static void test_trusted_ca_file(const char *endpoint, const char *ca_file) {
    bcc_client_config config = config_for(endpoint, ca_file);
    bcc_client *client = new_client(&config);
    if (client == NULL) {
        return;
    }

    bcc_rename_result *result = NULL;
    bcc_error *error = NULL;
    bcc_status status = bcc_image_rename(client, IMAGE_ID, "tlsName", NULL, &result, &error);
    CHECK(status == BCC_OK);
    if (status != BCC_OK) {
        fprintf(stderr, "rename with ca_file failed: %s\n", bcc_error_message(error));
        bcc_error_free(error);
    }
    CHECK(bcc_rename_result_attempts(result) == 1);
    bcc_rename_result_free(result);
    bcc_client_free(client);
}

static void test_missing_ca_file(const char *endpoint, const char *missing_ca_file) {
    bcc_client_config config = config_for(endpoint, missing_ca_file);
    bcc_client *client = NULL;
    bcc_error *error = NULL;
    CHECK(bcc_client_new(&config, &client, &error) == BCC_INVALID_ARGUMENT);
    CHECK(client == NULL);
    CHECK(strstr(bcc_error_message(error), missing_ca_file) != NULL);
    CHECK(strstr(bcc_error_message(error), "not found") != NULL);
    CHECK(bcc_error_attempts(error) == 0);
    bcc_error_free(error);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s ENDPOINT CA_FILE MISSING_CA_FILE\n", argv[0]);
        return 2;
    }
    test_untrusted_certificate(argv[1]);
    test_trusted_ca_file(argv[1], argv[2]);
    test_missing_ca_file(argv[1], argv[3]);

    return check_summary();
}
