#include "CDeferredLibraries.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/// Each library by its soname (Debian 12), and the package that installs it (none for shenbao's own).
static const struct {
    const char *soname;
    const char *package;
} libraries[] = {
    [SHENBAO_LIBRARY_POPPLER_GLIB] = {"libpoppler-glib.so.8", "libpoppler-glib8"},
    [SHENBAO_LIBRARY_GOBJECT] = {"libgobject-2.0.so.0", "libglib2.0-0"},
    [SHENBAO_LIBRARY_GLIB] = {"libglib-2.0.so.0", "libglib2.0-0"},
    [SHENBAO_LIBRARY_CAIRO] = {"libcairo.so.2", "libcairo2"},
    [SHENBAO_LIBRARY_TESSERACT] = {"libtesseract.so.5", "libtesseract5"},
    [SHENBAO_LIBRARY_PDF_PAGES] = {"libShenbaoPDFPages.so", NULL},
};

/// Where shenbao's own library lives: beside the program (a build folder), else in `lib/shenbao` beside
/// its `bin` (`make install`). Returns the handle, or NULL.
static void *open_bundled(const char *name) {
    char program[4096];
    ssize_t length = readlink("/proc/self/exe", program, sizeof program - 1);
    if (length <= 0) return NULL;
    program[length] = 0;
    char *slash = strrchr(program, '/');
    if (slash == NULL) return NULL;
    *slash = 0;
    const char *folders[] = {"", "/../lib/shenbao"};
    for (size_t index = 0; index < sizeof folders / sizeof folders[0]; index++) {
        char path[8192];
        snprintf(path, sizeof path, "%s%s/%s", program, folders[index], name);
        void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (handle != NULL) return handle;
    }
    return NULL;
}

/// The handles opened so far. Two threads may open a library at once: dlopen counts references and
/// returns the same handle, so either store is right.
static void *handles[sizeof libraries / sizeof libraries[0]];

static void *library_handle(shenbao_library library) {
    void *handle = __atomic_load_n(&handles[library], __ATOMIC_ACQUIRE);
    if (handle == NULL) {
        const char *package = libraries[library].package;
        handle = package != NULL ? dlopen(libraries[library].soname, RTLD_NOW | RTLD_LOCAL) : open_bundled(libraries[library].soname);
        if (handle == NULL && package != NULL) {
            fprintf(stderr, "shenbao: 无法载入 %s（%s），请安装 %s（make deps）\n", libraries[library].soname, dlerror(), package);
            exit(70);
        }
        if (handle == NULL) {
            fprintf(stderr, "shenbao: 无法载入 %s（%s），它应在程序旁或 ../lib/shenbao 中（make release / make install）\n",
                    libraries[library].soname, dlerror());
            exit(70);
        }
        __atomic_store_n(&handles[library], handle, __ATOMIC_RELEASE);
    }
    return handle;
}

int shenbao_library_is_open(shenbao_library library) {
    return __atomic_load_n(&handles[library], __ATOMIC_ACQUIRE) != NULL;
}

void *shenbao_library_symbol(shenbao_library library, const char *name) {
    void *address = dlsym(library_handle(library), name);
    if (address == NULL) {
        fprintf(stderr, "shenbao: %s 中没有 %s（版本不符？）\n", libraries[library].soname, name);
        exit(70);
    }
    return address;
}
