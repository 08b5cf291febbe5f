// A new thread's first processor, for ClaimDesk's second reader (see OtherCoreThread.swift).
//
// C because Swift sees no GNU extension of the C library (pthread_attr_setaffinity_np,
// sched_getcpu), and the affinity must be set before the thread runs: set after, a thread
// already running would keep it.
#define _GNU_SOURCE
#include "CThreadPlacement.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#ifdef __linux__
#include <sched.h>
#endif

struct start {
    void (*work)(void *, claimdesk_thread_placement);
    void *context;
    int avoided;
#ifdef __linux__
    cpu_set_t allowed;
#endif
};

static void *begin(void *raw) {
    struct start start = *(struct start *)raw;
    free(raw);
    claimdesk_thread_placement placement = { start.avoided, -1, 0 };
#ifdef __linux__
    placement.started_on = sched_getcpu();
    // Free to move from here on, as far as the starting thread was. Should that fail, the thread
    // stays off one processor: it still runs, and the placement says so.
    if (start.avoided >= 0 && pthread_setaffinity_np(pthread_self(), sizeof start.allowed, &start.allowed) != 0) {
        placement.kept_off = 1;
    }
#endif
    start.work(start.context, placement);
    return NULL;
}

int claimdesk_start_thread_elsewhere(void (*work)(void *, claimdesk_thread_placement), void *context) {
    struct start *start = malloc(sizeof *start);
    if (start == NULL) return ENOMEM;
    start->work = work;
    start->context = context;
    start->avoided = -1;
    pthread_attr_t attributes;
    int error = pthread_attr_init(&attributes);
    if (error != 0) {
        free(start);
        return error;
    }
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
#ifdef __linux__
    int here = sched_getcpu();
    if (here >= 0 && pthread_getaffinity_np(pthread_self(), sizeof start->allowed, &start->allowed) == 0
        && CPU_ISSET(here, &start->allowed) && CPU_COUNT(&start->allowed) > 1) {
        cpu_set_t elsewhere = start->allowed;
        CPU_CLR(here, &elsewhere);
        if (pthread_attr_setaffinity_np(&attributes, sizeof elsewhere, &elsewhere) == 0) start->avoided = here;
    }
#endif
    pthread_t thread;
    error = pthread_create(&thread, &attributes, begin, start);
    pthread_attr_destroy(&attributes);
    if (error != 0 && start->avoided >= 0) {
        // The affinity could not be applied (the allowed processors changed meanwhile, or a
        // sandbox refuses the call): a thread placed anywhere is still a second reader.
        start->avoided = -1;
        error = pthread_attr_init(&attributes);
        if (error == 0) {
            pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
            error = pthread_create(&thread, &attributes, begin, start);
            pthread_attr_destroy(&attributes);
        }
    }
    if (error != 0) free(start);
    return error;
}
