#ifndef RAPPORT_CMALLOC_SHIM_H
#define RAPPORT_CMALLOC_SHIM_H
#if defined(__linux__)
#include <features.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
/// Gives the free pages inside the heap back to the system (glibc keeps them otherwise).
static inline void cmalloc_return_free_pages(void) { (void)malloc_trim(0); }
#else
/// Other C libraries (musl, Darwin's) have no such call; nothing to do.
static inline void cmalloc_return_free_pages(void) {}
#endif

#if defined(__linux__)
/// Declared here: <sched.h> declares it only for _GNU_SOURCE, which Swift's C modules are built without.
extern int sched_getaffinity(int pid, unsigned long size, void *mask);
/// The CPUs in this process's affinity mask (up to 1,024), or 0 when the system does not say.
static inline int cmalloc_allowed_cpus(void) {
    unsigned long mask[1024 / (8 * sizeof(unsigned long))] = {0};
    if (sched_getaffinity(0, sizeof(mask), mask) != 0) return 0;
    int count = 0;
    for (unsigned i = 0; i < sizeof(mask) / sizeof(mask[0]); i++) count += __builtin_popcountl(mask[i]);
    return count;
}
#else
static inline int cmalloc_allowed_cpus(void) { return 0; }
#endif
#endif
