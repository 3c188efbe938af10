/*
 * C ABI cases: NULL and invalid UTF-8 arguments, a short output buffer, a signing
 * vector of Baidu's official SDK, and a service error's fields.
 *
 * Usage: abi_cases ENDPOINT, with BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY set
 * to credentials that the emulator at ENDPOINT accepts, and image m-1849ef6b
 * seeded there. Prints one line per failed check and exits with 1 if any failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bcc_image.h"
#include "check.h"


/* The "rename, listed signed headers" vector of tests/data/bce_auth_v1.json. */
static const char *VECTOR_AUTHORIZATION =
    "bce-auth-v1/f81d3b34e48048fbb2634dc7882d7e21/2015-08-11T04:17:29Z/1800/"
    "content-length;content-type;host;x-bce-date/"
    "a844c3541a4a1db367dc877920a06f12202c3c628d65ab616487e7b9bb07f04a";

static bcc_status sign_vector(const char *method, char *out, size_t out_len, size_t *needed) {
    return bcc_sign_request("f81d3b34e48048fbb2634dc7882d7e21", "0ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5", method,
                            "/v2/image/rename", "clientToken=1849ef6b-f73c-4f5d-b88b-259ca47af849",
                            "Host: bcc.bj.baidubce.com\nContent-Type: application/json;charset=UTF-8\n"
                            "Content-Length: 41\nx-bce-date: 2015-08-11T04:17:29Z",
                            1439266649, 1800, "content-length;content-type;host;x-bce-date", out, out_len,
                            needed);
}

static void test_sign_vector(void) {
    char out[512];
    size_t needed = 0;
    CHECK(sign_vector("PUT", out, sizeof out, &needed) == BCC_OK);
    CHECK(strcmp(out, VECTOR_AUTHORIZATION) == 0);
    CHECK(needed == strlen(VECTOR_AUTHORIZATION) + 1);
}

static void test_sign_short_buffer(void) {
    char out[16];
    memset(out, 'x', sizeof out);
    size_t needed = 0;
    CHECK(sign_vector("PUT", out, sizeof out, &needed) == BCC_BUFFER_TOO_SMALL);
    CHECK(needed == strlen(VECTOR_AUTHORIZATION) + 1);
    CHECK(out[0] == 'x'); /* nothing written on failure */

    needed = 0;
    CHECK(sign_vector("PUT", NULL, 0, &needed) == BCC_BUFFER_TOO_SMALL);
    CHECK(needed == strlen(VECTOR_AUTHORIZATION) + 1);

    /* Exactly the needed size, NUL included, is enough. */
    char exact[512];
    CHECK(sign_vector("PUT", exact, strlen(VECTOR_AUTHORIZATION) + 1, NULL) == BCC_OK);
    CHECK(strcmp(exact, VECTOR_AUTHORIZATION) == 0);
}

static void test_sign_bad_arguments(void) {
    char out[512] = "untouched";
    size_t needed = 7;
    CHECK(sign_vector(NULL, out, sizeof out, &needed) == BCC_INVALID_ARGUMENT);
    CHECK(sign_vector("\xff\xfe", out, sizeof out, &needed) == BCC_INVALID_ARGUMENT);
    CHECK(strcmp(out, "untouched") == 0);
    CHECK(needed == 7);

    CHECK(bcc_sign_request("ak", "sk", "GET", "/", "a=%zz", NULL, 0, 0, NULL, out, sizeof out, NULL) ==
          BCC_INVALID_ARGUMENT);
    CHECK(bcc_sign_request("ak", "sk", "GET", "/", NULL, "no colon here", 0, 0, NULL, out, sizeof out, NULL) ==
          BCC_INVALID_ARGUMENT);
}

static void test_client_new_bad_arguments(void) {
    bcc_client *client = NULL;
    bcc_error *error = NULL;
    CHECK(bcc_client_new(NULL, &client, &error) == BCC_INVALID_ARGUMENT);
    CHECK(client == NULL);
    CHECK(strstr(bcc_error_message(error), "config is NULL") != NULL);
    bcc_error_free(error);
    error = NULL;

    bcc_client_config config = {0};
    config.secret_access_key = "sk";
    CHECK(bcc_client_new(&config, &client, &error) == BCC_INVALID_ARGUMENT);
    CHECK(strstr(bcc_error_message(error), "access_key_id is NULL") != NULL);
    CHECK(bcc_error_attempts(error) == 0);
    bcc_error_free(error);
    error = NULL;

    config.access_key_id = "ak";
    config.endpoint = "ftp://example.invalid";
    CHECK(bcc_client_new(&config, &client, &error) == BCC_INVALID_ARGUMENT);
    CHECK(strstr(bcc_error_message(error), "invalid endpoint") != NULL);
    bcc_error_free(error);
    error = NULL;

    config.endpoint = "http://127.0.0.1:1";
    CHECK(bcc_client_new(&config, NULL, &error) == BCC_INVALID_ARGUMENT);
    bcc_error_free(error);

    /* A NULL error_out is allowed: the status alone reports the failure. */
    CHECK(bcc_client_new(NULL, &client, NULL) == BCC_INVALID_ARGUMENT);
}

static void test_null_accessors(void) {
    CHECK(strcmp(bcc_error_message(NULL), "") == 0);
    CHECK(strcmp(bcc_error_code(NULL), "") == 0);
    CHECK(strcmp(bcc_error_request_id(NULL), "") == 0);
    CHECK(bcc_error_http_status(NULL) == 0);
    CHECK(strcmp(bcc_rename_result_request_id(NULL), "") == 0);
    CHECK(strcmp(bcc_rename_result_client_token(NULL), "") == 0);
    CHECK(strcmp(bcc_status_str(BCC_INVALID_ARGUMENT), "invalid argument") == 0);
    CHECK(strcmp(bcc_status_str(-5), "unknown status") == 0);
    CHECK(strcmp(bcc_version(), BCC_IMAGE_VERSION) == 0);
    bcc_error_free(NULL);
    bcc_rename_result_free(NULL);
    bcc_client_free(NULL);
}

static bcc_client *new_client(const char *endpoint) {
    bcc_client_config config = {0};
    config.access_key_id = getenv("BCE_ACCESS_KEY_ID");
    config.secret_access_key = getenv("BCE_SECRET_ACCESS_KEY");
    config.endpoint = endpoint;
    config.max_attempts = 1;

    bcc_client *client = NULL;
    bcc_error *error = NULL;
    if (bcc_client_new(&config, &client, &error) != BCC_OK) {
        fprintf(stderr, "bcc_client_new failed: %s\n", bcc_error_message(error));
        bcc_error_free(error);
        exit(1);
    }
    return client;
}

static void test_rename_bad_arguments(bcc_client *client) {
    bcc_rename_result *result = NULL;
    bcc_error *error = NULL;

    CHECK(bcc_image_rename(NULL, "m-1849ef6b", "a", NULL, &result, &error) == BCC_INVALID_ARGUMENT);
    CHECK(strstr(bcc_error_message(error), "client is NULL") != NULL);
    bcc_error_free(error);
    error = NULL;

    CHECK(bcc_image_rename(client, NULL, "a", NULL, &result, &error) == BCC_INVALID_ARGUMENT);
    CHECK(strstr(bcc_error_message(error), "image_id is NULL") != NULL);
    bcc_error_free(error);
    error = NULL;

    CHECK(bcc_image_rename(client, "m-1849ef6b", "bad\xc3\x28", NULL, &result, &error) == BCC_INVALID_ARGUMENT);
    CHECK(strstr(bcc_error_message(error), "name is not valid UTF-8") != NULL);
    bcc_error_free(error);
    error = NULL;

    CHECK(bcc_image_rename(client, "m-1849ef6b", "1leading-digit", NULL, &result, &error) == BCC_INVALID_ARGUMENT);
    CHECK(strstr(bcc_error_message(error), "invalid image name") != NULL);
    CHECK(bcc_error_attempts(error) == 0);
    bcc_error_free(error);
    error = NULL;

    CHECK(result == NULL); /* never written on failure */
}

static void test_rename_service_error(bcc_client *client) {
    bcc_rename_result *result = NULL;
    bcc_error *error = NULL;

    CHECK(bcc_image_rename(client, "m-doesnotexist", "newName", NULL, &result, &error) == BCC_SERVICE_ERROR);
    CHECK(result == NULL);
    CHECK(bcc_error_status(error) == BCC_SERVICE_ERROR);
    CHECK(bcc_error_http_status(error) == 404);
    CHECK(strcmp(bcc_error_code(error), "NoSuchObject") == 0);
    CHECK(strlen(bcc_error_request_id(error)) == 36);
    CHECK(strstr(bcc_error_message(error), bcc_error_request_id(error)) != NULL);
    bcc_error_free(error);
}

static void test_rename_success(bcc_client *client) {
    bcc_rename_result *result = NULL;
    bcc_error *error = NULL;

    CHECK(bcc_image_rename(client, "m-1849ef6b", "abiName", "abi-token-1", &result, &error) == BCC_OK);
    CHECK(error == NULL);
    CHECK(strlen(bcc_rename_result_request_id(result)) == 36);
    CHECK(strcmp(bcc_rename_result_client_token(result), "abi-token-1") == 0);
    CHECK(bcc_rename_result_attempts(result) == 1);
    bcc_rename_result_free(result);

    /* A NULL result_out is allowed when the caller needs no result. */
    CHECK(bcc_image_rename(client, "m-1849ef6b", "abiName2", NULL, NULL, NULL) == BCC_OK);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s ENDPOINT\n", argv[0]);
        return 2;
    }

    test_sign_vector();
    test_sign_short_buffer();
    test_sign_bad_arguments();
    test_client_new_bad_arguments();
    test_null_accessors();

    bcc_client *client = new_client(argv[1]);
    test_rename_bad_arguments(client);
    test_rename_service_error(client);
    test_rename_success(client);
    bcc_client_free(client);

    return check_summary();
}
