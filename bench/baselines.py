#!/usr/bin/env python3
"""The comparison readers of bench/run, one process over a list of files (one path per line).

    baselines.py python-docx LIST   every paragraph and table cell of every book, nested tables too (python-docx)
    baselines.py docx2python LIST   the whole document, tables included (docx2python)
    baselines.py pdfplumber  LIST   the tables of every page (pdfplumber's extract_tables)

Prints how many paragraphs or cells were read, so the work cannot be skipped."""
import sys


def python_docx(paths):
    """The plain python-docx walk issue 14 measures against: the text of every paragraph of the body and of every
    table cell, into the tables nested in cells (shenbao reads all of these: cover lines and passages are
    paragraphs). Counts paragraphs read."""
    from docx import Document

    def walk(container):
        read = 0
        for paragraph in container.paragraphs:
            read += len(paragraph.text) >= 0
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    read += walk(cell)
        return read

    return sum(walk(Document(path)) for path in paths)


def docx_2_python(paths):
    from docx2python import docx2python
    cells = 0
    for path in paths:
        with docx2python(path) as content:
            for table in content.body:
                for row in table:
                    cells += len(row)
    return cells


def pdf_plumber(paths):
    import pdfplumber
    cells = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for table in page.extract_tables():
                    cells += sum(len(row) for row in table)
    return cells


if __name__ == "__main__":
    mode, listing = sys.argv[1], sys.argv[2]
    with open(listing, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    reader = {"python-docx": python_docx, "docx2python": docx_2_python, "pdfplumber": pdf_plumber}[mode]
    print(reader(paths))
