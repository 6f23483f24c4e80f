#!/usr/bin/env python3
"""Sanity check: re-read each DOCX (accepted view of tracked changes, checkbox marks decoded) and confirm that
every value of its expected JSON is printed in the book; checkbox options are compared mark by mark.

    python3 Samples/tools/check_books.py DIR [-v]

This is a consistency check of the generator, not an extractor: it knows how values were printed.
"""
import json
import os
import re
import sys
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
FW = str.maketrans("０１２３４５６７８９", "0123456789")
ON, OFF = "\u2611", "\u2610"


def marked_text(node):
    """Accepted-view text of a node; checkboxes rendered as ☑ / ☐."""
    out = []
    for e in node.iter():
        if e.tag == W + "del":
            continue
        anc = e.getparent()
        skip = False
        while anc is not None:
            if anc.tag == W + "del":
                skip = True
                break
            anc = anc.getparent()
        if skip:
            continue
        if e.tag == W + "sdt":
            cb = e.find(f"{W}sdtPr/{W14}checkbox")
            if cb is not None:
                ch = cb.find(W14 + "checked")
                v = None if ch is None else ch.get(W14 + "val", "1")
                out.append(ON if v in ("1", "true") else OFF)
        elif e.tag == W + "checkBox":
            d = e.find(W + "default")
            c = e.find(W + "checked")
            state = d is not None and d.get(W + "val", "1") in ("1", "true")
            if c is not None:
                state = c.get(W + "val", "1") in ("1", "true")
            out.append(ON if state else OFF)
        elif e.tag == W + "sym":
            out.append(ON if e.get(W + "char").upper() in ("F0FE", "F078") else OFF)
        elif e.tag == W + "t":
            # glyphs inside a checkbox content control are represented by the control itself
            p = e.getparent().getparent()
            if p is not None and p.tag == W + "sdtContent" and p.getparent().find(f"{W}sdtPr/{W14}checkbox") is not None:
                continue
            r = e.getparent()
            fonts = r.find(f"{W}rPr/{W}rFonts")
            if fonts is not None and fonts.get(W + "ascii") == "Wingdings 2":
                out.append({"R": ON, "£": OFF}.get(e.text, e.text))
            else:
                out.append(e.text or "")
        elif e.tag in (W + "p",) and out and out[-1] != "\n":
            out.append("\n")
    s = "".join(out)
    s = s.replace("☒", ON).replace("■", ON).replace("□", OFF).replace("\u00a0", " ")
    return s


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def option_states(cell_text, options):
    """For each printed option: True if marked, False if unmarked, None if absent."""
    res = {}
    has_marks = any(m in cell_text for m in (ON, OFF, "√"))
    for o in options:
        probe = o if o != "其他" else "其他"
        pat = re.escape(probe)
        if o == "消费品(包括生物医药等)":
            pat = r"消费品 ?[（(]包括生物医药等[)）]"
        # avoid matching an option inside a longer one (e.g. 制造 vs 智能制造)
        m = None
        for mm in re.finditer(pat, cell_text):
            before = cell_text[max(0, mm.start() - 2):mm.start()]
            after = cell_text[mm.end():mm.end() + 1]
            if before and before[-1] not in f" {ON}{OFF}√、，\n" and not (before[-1] == " "):
                continue
            if after and after not in " √、，\n（(：:":
                continue
            m = mm
            break
        if m is None:
            res[o] = None
            continue
        raw_before = cell_text[:m.start()]
        before = raw_before.rstrip(" ")
        after = cell_text[m.end():]
        if o == "其他":  # the note belongs to the option: 其他：<note>√
            after = re.sub(r"^\s*[（(]请注明[)）]\s*", "", after)
            after = re.sub(r"^[：:][^\s√☑☐]*", "", after)
        if not has_marks:
            res[o] = True
        elif before.endswith(ON) or raw_before.endswith("√") or after.startswith("√"):
            res[o] = True
        else:
            res[o] = False
    return res


def check(path, exp, catalogue, verbose=False):
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(W + "body")
    full = marked_text(body)
    flat = norm(full)
    digits_flat = re.sub(r"[\s,]", "", flat.translate(FW))
    cells = [marked_text(tc) for tc in body.iter(W + "tc")]
    problems = []
    for fid, v in exp["fields"].items():
        typ, opts = catalogue[fid]
        if typ in ("text", "longtext", "email", "url"):
            for line in str(v).split("\n"):
                if norm(line) not in flat:
                    problems.append(f"{fid}: text not found: {line[:40]}")
        elif typ == "list":
            for line in v:
                if line not in flat:
                    problems.append(f"{fid}: list line not found: {line[:40]}")
        elif typ == "uscc":
            if v not in flat.upper():
                problems.append(f"{fid}: uscc not found")
        elif typ == "phone":
            if v.replace("-", "") not in re.sub(r"[-+]", "", digits_flat) and v not in flat:
                problems.append(f"{fid}: phone not found {v}")
        elif typ in ("money", "decimal", "int"):
            s = str(v)
            if s not in digits_flat:
                problems.append(f"{fid}: number not found {s}")
        elif typ in ("choice", "multichoice"):
            want = [v] if isinstance(v, str) else v
            want_set = {w.split("：")[0] if w.startswith("其他：") else w for w in want}
            # find the cell holding all options (or the chosen ones when unchosen options were deleted)
            cands = [c for c in cells if all(o in c or o == "消费品(包括生物医药等)" for o in opts[:2])
                     or (want_set and all(w in c.replace(" ", "") for w in want_set) and
                         not any(x in c for x in ("（单位", "(列出")) and len(c) < 400)]
            ok = False
            for c in cands:
                st = option_states(c, opts)
                got = {o for o, s in st.items() if s}
                if got == want_set:
                    for w in want:
                        if w.startswith("其他：") and w.split("：", 1)[1] not in c:
                            break
                    else:
                        ok = True
                        break
            if not ok:
                problems.append(f"{fid}: checkbox state mismatch, want {sorted(want_set)}")
        elif typ == "date":
            y = v[:4]
            if y not in digits_flat:
                problems.append(f"{fid}: date year not found")
        elif typ == "daterange":
            pass
    if verbose:
        for c in cells:
            if ON in c or OFF in c or "√" in c:
                print("   ", norm(c)[:160])
    return problems


def load_catalogue(call):
    here = os.path.dirname(os.path.abspath(__file__))
    cands = [os.path.join(here, "..", "..", "..", "shared", "forms", call + ".tsv"),
             os.path.join("/work/shared/forms", call + ".tsv")]
    for p in cands:
        if os.path.exists(p):
            cat = {}
            for line in open(p, encoding="utf-8").read().splitlines()[1:]:
                cols = line.split("\t")
                cat[cols[0]] = (cols[3], [o for o in cols[5].split("|") if o])
            return cat
    raise SystemExit("catalogue not found")


def main():
    d = sys.argv[1]
    verbose = "-v" in sys.argv
    bad = 0
    n = 0
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".expected.json"):
            continue
        exp = json.load(open(os.path.join(d, fn), encoding="utf-8"))
        docx = os.path.join(d, fn[:-len(".expected.json")] + ".docx")
        cat = load_catalogue(exp["call"])
        for k in exp["fields"]:
            assert k in cat, k
        probs = check(docx, exp, cat, verbose)
        n += 1
        print(("OK  " if not probs else "BAD ") + fn)
        for p in probs:
            print("    ", p)
        bad += bool(probs)
    print(f"{n} books, {bad} with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
