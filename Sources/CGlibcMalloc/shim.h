#ifndef SHENBAO_CGLIBCMALLOC_SHIM_H
#define SHENBAO_CGLIBCMALLOC_SHIM_H
// glibc's heap tuning (mallopt), which the Glibc module leaves out.
#include <malloc.h>
#endif
