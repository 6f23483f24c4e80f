#ifndef SHENBAO_DEFERRED_H
#define SHENBAO_DEFERRED_H
#include "CDeferredLibraries.h"
#include <stddef.h>

/// Defines `name` with the library's own prototype (its header is included first, so the compiler
/// checks the two agree): the first call looks the real function up, every call goes on to it.
#define SHENBAO_REAL(library, name)                                                 \
    static void *address;                                                           \
    void *real = __atomic_load_n(&address, __ATOMIC_ACQUIRE);                       \
    if (real == NULL) {                                                             \
        real = shenbao_library_symbol(library, #name);                              \
        __atomic_store_n(&address, real, __ATOMIC_RELEASE);                         \
    }

#define SHENBAO_DEFERRED(library, result, name, parameters, arguments)              \
    result name parameters {                                                        \
        SHENBAO_REAL(library, name)                                                 \
        return ((result(*) parameters)real) arguments;                              \
    }

#define SHENBAO_DEFERRED_VOID(library, name, parameters, arguments)                 \
    void name parameters {                                                          \
        SHENBAO_REAL(library, name)                                                 \
        ((void(*) parameters)real) arguments;                                       \
    }

#endif
