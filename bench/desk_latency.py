#!/usr/bin/env python3
"""The web desk under load: a bureau's inbox page with 1,000 submissions, 20 clients at once (wrk on loopback).

    bench/desk_latency.py                       1,000 books, 20 clients, 30 s (release build)
    bench/desk_latency.py --books 200 --duration 10 --no-build       a quick look

Generates hubei-industrial-model-2026 books with Samples/tools/make_books.py (the folder bench/run uses, so
they are shared), loads them into a fresh desk with `shenbao serve --import` (read as the desk reads an
upload), signs in as the bureau over HTTP and runs `wrk --latency` against the inbox page (the default view:
every submission, arrival order) and against its JSON twin. Reports p50/p90/p99 latency and requests per
second, and the server's CPU time over the run. wrk is installed with apt when missing. Not part of
`make test`; results go to bench/RESULTS.md.
"""
import argparse
import http.cookiejar
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALL, SEED = "hubei-industrial-model-2026", 11


def log(message):
    print(message, file=sys.stderr, flush=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("installing wrk (apt)")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=sys.stderr,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def books(work, count):
    """`count` books of the call in work/books/CALL (make_books.py, generated once and reused)."""
    folder = os.path.join(work, "books", CALL)
    have = sorted(f for f in os.listdir(folder) if f.endswith(".docx")) if os.path.isdir(folder) else []
    if len(have) < count:
        shutil.rmtree(folder, ignore_errors=True)
        log(f"generating {count} books of {CALL} (make_books.py)")
        subprocess.run([sys.executable, os.path.join(ROOT, "Samples/tools/make_books.py"), "--call", CALL, "--seed", str(SEED),
                        "--count", str(count), "--out", folder], check=True, stdout=subprocess.DEVNULL)
        have = sorted(f for f in os.listdir(folder) if f.endswith(".docx"))
    inbox = os.path.join(work, f"desk-inbox-{count}")
    if not os.path.isdir(inbox) or len(os.listdir(inbox)) != count:
        shutil.rmtree(inbox, ignore_errors=True)
        os.makedirs(inbox)
        for name in have[:count]:
            os.link(os.path.join(folder, name), os.path.join(inbox, name))
    return inbox


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def desk(binary, work, inbox, count):
    """A desk data folder with an administrator, the bureau `bench` and the inbox loaded (kept and reused)."""
    data = os.path.join(work, f"desk-data-{count}")
    password = "Bench-bureau-2026"
    if os.path.exists(os.path.join(data, "loaded")):
        return data, password
    shutil.rmtree(data, ignore_errors=True)
    env = dict(os.environ, SHENBAO_TEMPLATES=os.path.join(ROOT, "Templates"), SHENBAO_ADMIN_PASSWORD="Bench-admin-2026",
               SHENBAO_BUREAU_PASSWORD=password, SHENBAO_BUREAU_NAME="武汉市经济和信息化局", SHENBAO_BUREAU_REGION="武汉市",
               SHENBAO_BUREAU_CALLS=CALL)
    subprocess.run([binary, "serve", "--data", data, "--create-admin", "admin"], env=env, check=True, capture_output=True)
    subprocess.run([binary, "serve", "--data", data, "--create-bureau", "bench"], env=env, check=True, capture_output=True)
    subprocess.run([binary, "serve", "--data", data, "--import", inbox, "--bureau", "bench", "--call", CALL], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    open(os.path.join(data, "loaded"), "w").close()
    return data, password


def sign_in(base, password):
    """The bureau's session cookie, through the login form (its CSRF cookie first)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/login").read()
    token = next(c.value for c in jar if c.name == "shenbao_login")
    body = urllib.parse.urlencode({"login": "bench", "password": password, "csrf": token}).encode()
    opener.open(urllib.request.Request(base + "/login", data=body)).read()
    session = next(c.value for c in jar if c.name == "shenbao_session")
    return f"shenbao_session={session}"


def fetch(base, path, cookie):
    with urllib.request.urlopen(urllib.request.Request(base + path, headers={"Cookie": cookie})) as answer:
        return answer.read()


def wrk(url, cookie, clients, duration):
    """wrk's latency distribution and rate: {p50, p90, p99 (ms), rps, requests, errors}."""
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{duration}s", "--latency", "--timeout", "10s",
                          "-H", f"Cookie: {cookie}", url], capture_output=True, text=True, check=True).stdout

    def ms(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    found = {p: ms(re.search(rf"^\s+{p}%\s+(\S+)", out, re.M).group(1)) for p in ("50", "90", "99")}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"p50": found["50"], "p90": found["90"], "p99": found["99"],
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "errors": int(errors.group(1)) if errors else 0, "socket_errors": socket_errors.group(1) if socket_errors else ""}


def cpu_seconds(pid):
    """User + system CPU seconds of a process so far (/proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--books", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=int, default=30, help="seconds of each wrk run")
    parser.add_argument("--work", default="/tmp/shenbao-bench")
    parser.add_argument("--scratch-path", default=os.environ.get("SHENBAO_SCRATCH", ".build"))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--bin", help="the program to measure (default: the release build in --scratch-path)")
    args = parser.parse_args()
    ensure_wrk()
    os.makedirs(args.work, exist_ok=True)
    if not args.no_build and not args.bin:
        log("building the release binary")
        for product in ("shenbao", "shenbao-desk", "ShenbaoPDFPages"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product, "--scratch-path", args.scratch_path],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = args.bin or os.path.join(ROOT, args.scratch_path, "release", "shenbao")
    inbox = books(args.work, args.books)
    data, password = desk(binary, args.work, inbox, args.books)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([binary, "serve", "--data", data, "--host", "127.0.0.1", "--port", str(port)],
                              env=dict(os.environ, SHENBAO_TEMPLATES=os.path.join(ROOT, "Templates")),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/login", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)  # waiting for the port, not a measurement
        cookie = sign_in(base, password)
        # `--import` queues the folder; the desk reads it once started: wait until every book is in the inbox.
        started = time.monotonic()
        while True:
            summary = json.loads(fetch(base, "/api/v1/inboxes", cookie))[0]
            if summary["submissions"] >= args.books:
                break
            if time.monotonic() - started > 3600:
                sys.exit(f"the desk read {summary['submissions']} of {args.books} books in an hour")
            time.sleep(2)  # polling the reading, not a measurement
        if time.monotonic() - started > 5:
            log(f"the desk read the {args.books} books in {time.monotonic() - started:.0f} s")
        inbox_id = summary["id"]
        page = fetch(base, f"/inboxes/{inbox_id}", cookie)
        rows = page.count(b'href="/submissions/')
        log(f"inbox page: {len(page) / 1024:.0f} KiB, {rows} submission links")
        results = []
        for name, path in (("inbox page (HTML)", f"/inboxes/{inbox_id}"), ("inbox (JSON API)", f"/api/v1/inboxes/{inbox_id}")):
            before = cpu_seconds(server.pid)
            measured = wrk(base + path, cookie, args.clients, args.duration)
            measured["server_cpu"] = cpu_seconds(server.pid) - before
            results.append((name, measured))
            log(f"{name}: p50 {measured['p50']:.1f} ms, p99 {measured['p99']:.1f} ms, {measured['rps']:.1f} req/s")
    finally:
        server.terminate()
        server.wait(timeout=30)

    cores = os.cpu_count()
    print(f"\n## Web desk latency ({args.books} submissions in one inbox, {args.clients} clients, wrk -t2 {args.duration} s, loopback)\n")
    print(f"Machine: {cores} cores, {platform.platform()}; wrk and the server share the machine.\n")
    print("| page | requests | req/s | p50 ms | p90 ms | p99 ms | non-2xx | server CPU s | target p99 < 200 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, m in results:
        verdict = "met" if m["p99"] < 200 and m["errors"] == 0 else "missed"
        print(f"| {name} | {m['requests']} | {m['rps']:.1f} | {m['p50']:.1f} | {m['p90']:.1f} | {m['p99']:.1f} | {m['errors']} | "
              f"{m['server_cpu']:.1f} | {verdict} |")
    print(f"\nThe page: {len(page) / 1024:.0f} KiB of HTML, {rows} links to submissions.")


if __name__ == "__main__":
    main()
