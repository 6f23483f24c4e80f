#!/bin/sh
# Export every .docx in DIR to PDF with LibreOffice (own profile dir), next to the .docx.
# Tracked changes are accepted first (accept_changes.py), so the PDF shows the book as printed.
# One LibreOffice start converts up to 50 books (starting it costs more than converting one book).
# Usage: Samples/tools/export_pdfs.sh DIR
set -eu
dir=${1:?usage: export_pdfs.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/lo-export.XXXXXX)
export HOME="$work/home"
mkdir -p "$HOME" "$work/out"
trap 'rm -rf "$work"' EXIT
status=0

convert_batch() {
  [ -n "$(ls "$work/in" 2>/dev/null)" ] || return 0
  soffice -env:UserInstallation="file://$work/user" --headless --convert-to pdf \
    --outdir "$work/out" "$work"/in/*.docx >/dev/null 2>&1 || true
  for book in "$work"/in/*.docx; do
    base=$(basename "$book" .docx)
    if [ -s "$work/out/$base.pdf" ]; then
      mv "$work/out/$base.pdf" "$dir/$base.pdf"
      echo "ok   $dir/$base.pdf"
    else
      echo "FAIL $dir/$base.docx" >&2
      status=1
    fi
  done
  rm -rf "$work/in" "$work/out"
  mkdir -p "$work/out"
}

count=0
for f in "$dir"/*.docx; do
  [ -e "$f" ] || continue
  base=$(basename "$f" .docx)
  rm -f "$dir/$base.pdf"
  mkdir -p "$work/in"
  python3 "$here/accept_changes.py" "$f" "$work/in/$base.docx"
  count=$((count + 1))
  if [ "$count" -ge 50 ]; then convert_batch; count=0; fi
done
convert_batch
exit $status
