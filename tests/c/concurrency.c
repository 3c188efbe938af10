/*
 * Shares one bcc_client between threads that rename one image at once, each
 * rename with its own clientToken.
 *
 * Usage: concurrency ENDPOINT IMAGE_ID THREADS RENAMES_PER_THREAD, with
 * BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY set to credentials that the
 * emulator at ENDPOINT accepts. Prints "N renames succeeded, M failed" and exits
 * with 0 only when every rename succeeded and returned its own token.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bcc_image.h"

/* A rename's clientToken is "c-THREAD-INDEX", and its name "cName-THREAD-INDEX". */
#define TEXT_SIZE 64
#define MAX_THREADS 64

struct worker {
    const bcc_client *client;
    const char *image_id;
    int thread_index;
    int renames;
    int succeeded;
    int failed;
    pthread_t thread;
};

/* Counts one failure, and prints the first of each thread, which is enough to
 * diagnose it without flooding the output. */
static void report_failure(struct worker *worker, int rename_index, const char *message) {
    if (worker->failed == 0) {
        fprintf(stderr, "thread %d, rename %d failed: %s\n", worker->thread_index, rename_index, message);
    }
    worker->failed++;
}

static void *rename_loop(void *argument) {
    struct worker *worker = argument;
    for (int i = 0; i < worker->renames; i++) {
        char token[TEXT_SIZE];
        char name[TEXT_SIZE];
        snprintf(token, sizeof token, "c-%d-%d", worker->thread_index, i);
        snprintf(name, sizeof name, "cName-%d-%d", worker->thread_index, i);

        bcc_rename_result *result = NULL;
        bcc_error *error = NULL;
        if (bcc_image_rename(worker->client, worker->image_id, name, token, &result, &error) != BCC_OK) {
            report_failure(worker, i, bcc_error_message(error));
            bcc_error_free(error);
            continue;
        }
        if (strcmp(bcc_rename_result_client_token(result), token) != 0) {
            report_failure(worker, i, "the result carries another clientToken");
        } else {
            worker->succeeded++;
        }
        bcc_rename_result_free(result);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s ENDPOINT IMAGE_ID THREADS RENAMES_PER_THREAD\n", argv[0]);
        return 2;
    }
    int threads = atoi(argv[3]);
    int renames = atoi(argv[4]);
    if (threads < 1 || threads > MAX_THREADS || renames < 1) {
        fprintf(stderr, "invalid counts: THREADS must be 1 to %d and RENAMES_PER_THREAD at least 1\n", MAX_THREADS);
        return 2;
    }

    bcc_client_config config = {0};
    config.access_key_id = getenv("BCE_ACCESS_KEY_ID");
    config.secret_access_key = getenv("BCE_SECRET_ACCESS_KEY");
    config.endpoint = argv[1];
    /* Generous timeouts, because a loaded machine or valgrind slows every call. */
    config.request_timeout_ms = 60000;
    config.deadline_ms = 120000;

    bcc_client *client = NULL;
    bcc_error *error = NULL;
    if (bcc_client_new(&config, &client, &error) != BCC_OK) {
        fprintf(stderr, "bcc_client_new failed: %s\n", bcc_error_message(error));
        bcc_error_free(error);
        return 1;
    }

    struct worker workers[MAX_THREADS];
    int started = 0;
    for (int t = 0; t < threads; t++) {
        workers[t] = (struct worker){.client = client, .image_id = argv[2], .thread_index = t, .renames = renames};
        if (pthread_create(&workers[t].thread, NULL, rename_loop, &workers[t]) != 0) {
            fprintf(stderr, "pthread_create failed for thread %d\n", t);
            break;
        }
        started++;
    }

    int succeeded = 0;
    int failed = 0;
    for (int t = 0; t < started; t++) {
        pthread_join(workers[t].thread, NULL);
        succeeded += workers[t].succeeded;
        failed += workers[t].failed;
    }
    /* Renames of threads that never started count as failed. */
    failed += (threads - started) * renames;

    bcc_client_free(client);
    printf("%d renames succeeded, %d failed\n", succeeded, failed);
    return failed == 0 ? 0 : 1;
}
