/*
 * The log callback and bce-cli profiles through the C API.
 *
 * Usage: log_and_profile PROFILE SECRET, with HOME pointing at a folder whose
 * .bce/config.json has profile PROFILE aimed at an emulator that has image
 * m-1849ef6b. SECRET is that profile's secret key, which no log record may
 * contain. Prints one line per failed check and exits with 1 if any failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bcc_image.h"
#include "check.h"


/* Records seen by the callback, kept for the checks below. */
struct log_capture {
    int records;
    int start_records;
    int outcome_records;
    int secret_records;
    const char *secret;
};

static void capture_record(void *user_data, bcc_log_level level, const char *target, const char *message) {
    struct log_capture *capture = user_data;
    capture->records++;
    if (level == BCC_LOG_DEBUG && strstr(message, "PUT /v2/image/rename") != NULL) {
        capture->start_records++;
    }
    if (level == BCC_LOG_INFO && strstr(message, "HTTP 200") != NULL && strstr(message, "request id") != NULL) {
        capture->outcome_records++;
    }
    if (strstr(message, capture->secret) != NULL || strstr(target, capture->secret) != NULL) {
        capture->secret_records++;
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s PROFILE SECRET\n", argv[0]);
        return 2;
    }

    struct log_capture capture = {0, 0, 0, 0, argv[2]};
    CHECK(bcc_set_log_callback(capture_record, &capture, BCC_LOG_DEBUG) == BCC_OK);
    CHECK(bcc_set_log_callback(capture_record, &capture, 42) == BCC_INVALID_ARGUMENT);

    /* An unknown profile names itself in the error. */
    bcc_client *client = NULL;
    bcc_error *error = NULL;
    CHECK(bcc_client_new_from_profile("no-such-profile", &client, &error) == BCC_MISSING_CREDENTIALS);
    CHECK(client == NULL);
    CHECK(strstr(bcc_error_message(error), "\"no-such-profile\" not found") != NULL);
    CHECK(strstr(bcc_error_message(error), ".bce/config.json") != NULL);
    bcc_error_free(error);
    error = NULL;

    /* The named profile renames the image. */
    CHECK(bcc_client_new_from_profile(argv[1], &client, &error) == BCC_OK);
    CHECK(bcc_image_rename(client, "m-1849ef6b", "profileName", NULL, NULL, &error) == BCC_OK);
    if (error != NULL) {
        fprintf(stderr, "rename failed: %s\n", bcc_error_message(error));
    }
    CHECK(capture.start_records == 1);
    CHECK(capture.outcome_records == 1);
    CHECK(capture.secret_records == 0);

    /* After BCC_LOG_OFF, no more records arrive. */
    int before = capture.records;
    CHECK(bcc_set_log_callback(capture_record, &capture, BCC_LOG_OFF) == BCC_OK);
    CHECK(bcc_image_rename(client, "m-1849ef6b", "quietName", NULL, NULL, NULL) == BCC_OK);
    CHECK(capture.records == before);

    bcc_error_free(error);
    bcc_client_free(client);
    return check_summary();
}
