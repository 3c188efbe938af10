/*
 * Checks that the version macros of the installed bcc_image.h and the version
 * that the loaded library returns both equal the expected version.
 *
 * Usage: version EXPECTED_VERSION    (the version line of Cargo.toml)
 * Exits with 0 when all three agree, 1 otherwise.
 */
#include <stdio.h>
#include <string.h>

#include "bcc_image.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s EXPECTED_VERSION\n", argv[0]);
        return 2;
    }
    const char *expected = argv[1];

    char from_parts[64];
    snprintf(from_parts, sizeof from_parts, "%d.%d.%d", BCC_IMAGE_VERSION_MAJOR, BCC_IMAGE_VERSION_MINOR,
             BCC_IMAGE_VERSION_PATCH);

    int failed = 0;
    if (strcmp(BCC_IMAGE_VERSION, expected) != 0) {
        fprintf(stderr, "BCC_IMAGE_VERSION is %s, expected %s\n", BCC_IMAGE_VERSION, expected);
        failed = 1;
    }
    if (strcmp(from_parts, expected) != 0) {
        fprintf(stderr, "BCC_IMAGE_VERSION_MAJOR.MINOR.PATCH is %s, expected %s\n", from_parts, expected);
        failed = 1;
    }
    if (strcmp(bcc_version(), expected) != 0) {
        fprintf(stderr, "bcc_version() returns %s, expected %s\n", bcc_version(), expected);
        failed = 1;
    }
    if (!failed) {
        printf("version %s: macros and bcc_version() agree\n", expected);
    }
    return failed;
}
