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
#endif
