#ifndef SHENBAO_CTESSERACT_SHIM_H
#define SHENBAO_CTESSERACT_SHIM_H
/// Tesseract 5's C API (Debian: libtesseract-dev, libleptonica-dev; recognition data: tesseract-ocr-chi-sim).
#include <tesseract/capi.h>
#endif
