/*
 * Sequential bcc_image_rename() calls through one client, from one or more
 * threads that share it.
 *
 * Usage: rename_loop ENDPOINT REQUESTS [THREADS]
 * After one warm-up call per thread, prints one JSON line:
 * {"requests":N,"threads":T,"seconds":S}. Exits 1 on the first failed call.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bcc_image.h"

struct worker {
    const bcc_client *client;
    long count;
};

static double now_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void *rename_many(void *argument) {
    const struct worker *worker = argument;
    for (long i = 0; i < worker->count; i++) {
        bcc_error *error = NULL;
        /* NULL result_out: the loop needs only the status, as a caller that
         * ignores the request id would. */
        if (bcc_image_rename(worker->client, "m-1849ef6b", "newName", NULL, NULL, &error) != BCC_OK) {
            fprintf(stderr, "rename_loop: rename failed: %s\n", bcc_error_message(error));
            bcc_error_free(error);
            exit(1);
        }
    }
    return NULL;
}

/* Runs `threads` workers of `per_thread` calls each and returns the seconds taken. */
static double run(const bcc_client *client, long threads, long per_thread) {
    pthread_t ids[64];
    struct worker worker = {client, per_thread};
    double started = now_seconds();
    for (long t = 0; t < threads; t++) {
        if (pthread_create(&ids[t], NULL, rename_many, &worker) != 0) {
            fprintf(stderr, "rename_loop: starting thread %ld failed\n", t);
            exit(1);
        }
    }
    for (long t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
    }
    return now_seconds() - started;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: rename_loop ENDPOINT REQUESTS [THREADS]\n");
        return 2;
    }
    long requests = atol(argv[2]);
    long threads = argc == 4 ? atol(argv[3]) : 1;
    if (requests <= 0 || threads <= 0 || threads > 64) {
        fprintf(stderr, "rename_loop: invalid counts: REQUESTS must be positive, THREADS 1 to 64\n");
        return 2;
    }

    bcc_client_config config = {0};
    config.access_key_id = "bench-ak";
    config.secret_access_key = "bench-sk";
    config.endpoint = argv[1];
    bcc_client *client = NULL;
    bcc_error *error = NULL;
    if (bcc_client_new(&config, &client, &error) != BCC_OK) {
        fprintf(stderr, "rename_loop: creating the client failed: %s\n", bcc_error_message(error));
        bcc_error_free(error);
        return 1;
    }

    /* The warm-up opens each thread's connection outside the timed run. */
    run(client, threads, 1);
    long per_thread = requests / threads;
    double seconds = run(client, threads, per_thread);
    printf("{\"requests\":%ld,\"threads\":%ld,\"seconds\":%.6f}\n", per_thread * threads, threads, seconds);

    bcc_client_free(client);
    return 0;
}
