#!/bin/bash
# PDFs of a folder of books from the producers bureaus receive:
#   DIR/lo/<name>.pdf      LibreOffice's PDF export of DIR/<name>.docx
#   DIR/gs/<name>.pdf      that PDF re-distilled by Ghostscript (pdfwrite), as print-to-PDF drivers do
#   DIR/chrome/<name>.pdf  Chromium's print of an HTML version (LibreOffice DOCX -> HTML), for the books whose
#                          manifest.json entry has "html": true (all books when there is no manifest)
# Every soffice call runs with its own profile. Needs: soffice, gs (apt ghostscript), chromium (apt chromium).
# Usage: Samples/tools/make_edited_pdfs.sh DIR     (exit 1 when a PDF could not be made)
set -u
dir=${1:?usage: make_edited_pdfs.sh DIR}
dir=$(cd "$dir" && pwd)
work=$(mktemp -d /tmp/edited-pdfs.XXXXXX)
export HOME="$work/home"
mkdir -p "$HOME" "$dir/lo" "$dir/gs" "$dir/chrome"
trap 'rm -rf "$work"' EXIT
status=0
n=0

html_wanted() {  # $1 = book name
  [ -f "$dir/manifest.json" ] || return 0
  python3 - "$dir/manifest.json" "$1" <<'EOF'
import json, sys
b = json.load(open(sys.argv[1], encoding="utf-8"))["books"].get(sys.argv[2], {})
sys.exit(0 if b.get("html", True) else 1)
EOF
}

soffice_convert() {  # $1 = filter, $2 = input, $3 = outdir; own profile per call
  n=$((n + 1))
  soffice -env:UserInstallation="file://$work/profile-$n" --headless --convert-to "$1" \
    --outdir "$3" "$2" >/dev/null 2>&1 || true
  rm -rf "$work/profile-$n"
}

for f in "$dir"/*.docx; do
  [ -e "$f" ] || continue
  base=$(basename "$f" .docx)
  # (a) LibreOffice
  rm -f "$dir/lo/$base.pdf" "$work/$base.pdf"
  soffice_convert pdf "$f" "$work"
  if [ -s "$work/$base.pdf" ]; then
    mv "$work/$base.pdf" "$dir/lo/$base.pdf"
    echo "ok   $dir/lo/$base.pdf"
  else
    echo "FAIL lo $f" >&2; status=1; continue
  fi
  # (b) Ghostscript re-distilled
  rm -f "$dir/gs/$base.pdf"
  gs -q -sDEVICE=pdfwrite -dNOPAUSE -dBATCH -o "$dir/gs/$base.pdf" "$dir/lo/$base.pdf" >/dev/null 2>&1 || true
  if [ -s "$dir/gs/$base.pdf" ]; then echo "ok   $dir/gs/$base.pdf"; else echo "FAIL gs $f" >&2; status=1; fi
  # (c) Chromium print of an HTML version
  if html_wanted "$base"; then
    rm -rf "$work/html" && mkdir -p "$work/html"
    soffice_convert "html:HTML (StarWriter)" "$f" "$work/html"
    rm -f "$dir/chrome/$base.pdf"
    if [ -s "$work/html/$base.html" ]; then
      chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --user-data-dir="$work/chrome-profile" --no-pdf-header-footer \
        --print-to-pdf="$dir/chrome/$base.pdf" "file://$work/html/$base.html" >/dev/null 2>&1 || true
    fi
    if [ -s "$dir/chrome/$base.pdf" ]; then echo "ok   $dir/chrome/$base.pdf"; else echo "FAIL chrome $f" >&2; status=1; fi
  fi
done
exit $status
