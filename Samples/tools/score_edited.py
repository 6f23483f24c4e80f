#!/usr/bin/env python3
"""Score `shenbao extract` on a folder made by make_edited_books.py (+ make_edited_pdfs.sh): per kind of file
(docx, lo, gs, chrome), count fields right, WRONG (a value that differs from the expected one) and missing
(absent), and list every wrong and missing field with the edits that touched it.

    python3 Samples/tools/score_edited.py DIR [DIR ...] [--shenbao .build-edits/debug/shenbao] [--json]

Comparison as Tests/ShenbaoCLITests/ExpectedFields.swift: text ignoring whitespace, numbers within 1e-6,
arrays element by element, objects key by key. Exit 0 when wrong == 0, DOCX ≥ 99 % and every PDF kind ≥ 97 %.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KINDS = [("docx", "", ".docx"), ("lo", "lo", ".pdf"), ("gs", "gs", ".pdf"), ("chrome", "chrome", ".pdf")]
TARGET = {"docx": 0.99}
PDF_TARGET = 0.97


def same(a, b):
    if a is None and b is None:
        return True
    if isinstance(a, str) and isinstance(b, str):
        return "".join(a.split()) == "".join(b.split())
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-6
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return set(a) == set(b) and all(same(a[k], b[k]) for k in a)
    return False


def extract(binary, files):
    env = dict(os.environ, SHENBAO_TEMPLATES=os.path.join(ROOT, "Templates"))
    out = subprocess.run([binary, "extract", "--format", "json"] + files, capture_output=True, text=True, env=env,
                         timeout=1200).stdout
    objs = {}
    for line in out.splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if isinstance(o, dict) and "file" in o:
            objs[o["file"]] = o
    return objs


def score_dir(binary, d):
    d = os.path.abspath(d)
    manifest = json.load(open(os.path.join(d, "manifest.json"), encoding="utf-8"))["books"]
    res = {}
    for kind, sub, ext in KINDS:
        files = sorted(glob.glob(os.path.join(d, sub, "*" + ext)))
        if not files:
            continue
        objs = extract(binary, files)
        r = res.setdefault(kind, {"right": 0, "wrong": 0, "missing": 0, "total": 0, "issues": []})
        for fpath in files:
            name = os.path.basename(fpath)[: -len(ext)]
            exp = json.load(open(os.path.join(d, name + ".expected.json"), encoding="utf-8"))["fields"]
            book = manifest.get(name, {})
            o = objs.get(fpath, {})
            got = o.get("fields") or {}
            for fid in sorted(exp):
                r["total"] += 1
                g = got.get(fid)
                if g is not None and same(exp[fid], g):
                    r["right"] += 1
                    continue
                status = "missing" if g is None else "wrong"
                r[status] += 1
                r["issues"].append({"status": status, "kind": kind, "file": os.path.relpath(fpath, d), "dir": d,
                                    "field": fid, "expected": exp[fid], "got": g,
                                    "field_edits": book.get("fields", {}).get(fid, []),
                                    "book_edits": book.get("edits", []),
                                    "error": o.get("error")})
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--shenbao", default=os.path.join(ROOT, ".build-edits", "debug", "shenbao"))
    ap.add_argument("--json", action="store_true", help="print the issues as JSON lines too")
    a = ap.parse_args()
    total = {}
    for d in a.dirs:
        for kind, r in score_dir(a.shenbao, d).items():
            t = total.setdefault(kind, {"right": 0, "wrong": 0, "missing": 0, "total": 0, "issues": []})
            for k in ("right", "wrong", "missing", "total"):
                t[k] += r[k]
            t["issues"] += r["issues"]
    ok = True
    print(f"{'kind':8} {'right':>14} {'rate':>8} {'wrong':>6} {'missing':>8}")
    for kind, _, _ in KINDS:
        if kind not in total:
            continue
        t = total[kind]
        rate = t["right"] / t["total"] if t["total"] else 0
        print(f"{kind:8} {t['right']:>6}/{t['total']:<7} {rate * 100:7.2f}% {t['wrong']:>6} {t['missing']:>8}")
        ok = ok and t["wrong"] == 0 and rate >= TARGET.get(kind, PDF_TARGET)
    groups = {}
    for kind, _, _ in KINDS:
        for i in total.get(kind, {}).get("issues", []):
            key = ", ".join(i["field_edits"]) or "(field untouched by any edit)"
            groups.setdefault(key, []).append(i)
    for key in sorted(groups):
        items = groups[key]
        nw = sum(1 for i in items if i["status"] == "wrong")
        print(f"\n== {key}: {nw} wrong, {len(items) - nw} missing")
        for i in items:
            g = json.dumps(i["got"], ensure_ascii=False)
            e = json.dumps(i["expected"], ensure_ascii=False)
            extra = f"  error={i['error']}" if i["error"] else ""
            print(f"  {i['status'].upper():7} {i['kind']:6} {i['file']}  {i['field']}: expected {e[:90]} got {g[:90]}"
                  f"  [book: {'+'.join(i['book_edits'])}]{extra}")
            if a.json:
                print("  JSON " + json.dumps(i, ensure_ascii=False))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
