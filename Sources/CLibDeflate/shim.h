#ifndef SHENBAO_CLIBDEFLATE_SHIM_H
#define SHENBAO_CLIBDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
