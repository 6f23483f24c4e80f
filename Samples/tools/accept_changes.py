#!/usr/bin/env python3
"""Write a copy of a DOCX with all tracked changes accepted (w:del dropped, w:ins unwrapped).

    python3 accept_changes.py IN.docx OUT.docx

Used by export_pdfs.sh: the committed PDFs show the accepted view, as the printed and stamped book would.
"""
import sys
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def accept(xml):
    root = etree.fromstring(xml)
    for d in list(root.iter(W + "del")):
        d.getparent().remove(d)
    for i in list(root.iter(W + "ins")):
        parent = i.getparent()
        idx = parent.index(i)
        for k, child in enumerate(list(i)):
            parent.insert(idx + k, child)
        parent.remove(i)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def main(src, dst):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = accept(data)
            zout.writestr(item, data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
