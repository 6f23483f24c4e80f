#ifndef SHENBAO_CGLIBCEXTRAS_SHIM_H
#define SHENBAO_CGLIBCEXTRAS_SHIM_H
// What the Glibc module leaves out: heap tuning (mallopt, glibc only), and memmem, a GNU extension its headers
// declare only under _GNU_SOURCE (the function is in every glibc, and in the BSD and macOS C libraries).
#if defined(__linux__)
#include <malloc.h>
#endif
#include <stddef.h>
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
#endif
