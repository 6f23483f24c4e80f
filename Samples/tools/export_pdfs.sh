#!/bin/sh
# Export every .docx in DIR to PDF with LibreOffice (own profile dir), next to the .docx.
# Tracked changes are accepted first (accept_changes.py), so the PDF shows the book as printed.
# Usage: Samples/tools/export_pdfs.sh DIR
set -eu
dir=${1:?usage: export_pdfs.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/lo-export.XXXXXX)
export HOME="$work/home"
mkdir -p "$HOME" "$work/in" "$work/out"
trap 'rm -rf "$work"' EXIT
status=0
for f in "$dir"/*.docx; do
  [ -e "$f" ] || continue
  base=$(basename "$f" .docx)
  pdf="$dir/$base.pdf"
  rm -f "$pdf" "$work/out/$base.pdf"
  python3 "$here/accept_changes.py" "$f" "$work/in/$base.docx"
  soffice -env:UserInstallation="file://$work/user" --headless --convert-to pdf \
    --outdir "$work/out" "$work/in/$base.docx" >/dev/null 2>&1 || true
  if [ -s "$work/out/$base.pdf" ]; then
    mv "$work/out/$base.pdf" "$pdf"
    echo "ok   $pdf"
  else
    echo "FAIL $f" >&2
    status=1
  fi
done
exit $status
