"""Run a command and measure it: wall time, CPU time (user + sys of the whole process tree, from wait4),
the largest resident set of any one process (what `/usr/bin/time -v` reports as "Maximum resident set
size"), and, sampled from /proc (every 5 ms for the first half second, 50 ms to 5 s, 250 ms after), the
peak of the summed resident sets of the process tree and the peak of its summed proportional set sizes
(PSS: each shared page divided among the processes sharing it, so libraries and the pages forked workers
share with their parent are counted once — the memory the tree really takes)."""
import os
import subprocess
import threading
import time


def _pss_kb(pid):
    """Pss of one process from /proc/PID/smaps_rollup, in KiB (0 when it has gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid):
    """The children of `pid`, from each of its threads' /proc/PID/task/TID/children (no walk of all of /proc)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(child) for child in f.read().split()]
    except (OSError, ValueError):
        pass
    return found


def _rss_kb(pid):
    """VmRSS of one process from /proc/PID/statm, in KiB (0 when it has gone)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):
        return 0


def _tree_kb(root):
    """Summed VmRSS and summed Pss of `root` and its descendants, in KiB."""
    total, pss, stack = 0, 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_kb(pid)
        pss += _pss_kb(pid)
        stack.extend(_children(pid))
    return total, pss


def measure(cmd, stdout=subprocess.DEVNULL, cwd=None, env=None, sample=True):
    """Runs `cmd` (a list) and returns a dict of measurements. `sample=False` leaves out the /proc sampling
    (the tree's summed RSS and PSS then read 0): a sample walks every process and reads each one's smaps, which
    takes a core and the measured processes' memory lock for milliseconds — a real share of a 60 ms run."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    peak = [0, 0]
    done = threading.Event()
    sampler_cpu = [0.0]

    def sample_tree():
        while not done.is_set():
            rss, pss = _tree_kb(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            # Every 5 ms for the first half second (a short batch is over in 40 ms), every 50 ms to 5 s, then every
            # 250 ms: reading a large process's smaps_rollup holds its memory map's lock, which stalls the measured
            # process's own mapping calls (a 10,000-book validate ran at 183 % CPU sampled every 50 ms, 192 % unsampled).
            elapsed = time.monotonic() - start
            done.wait(0.005 if elapsed < 0.5 else 0.05 if elapsed < 5 else 0.25)
        sampler_cpu[0] = time.thread_time()

    sampler = threading.Thread(target=sample_tree, daemon=True)
    if sample:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    done.set()
    if sample:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "exit": proc.returncode,
        "wall": wall,
        "cpu": cpu,
        "cpu_pct": 100.0 * cpu / wall if wall > 0 else 0.0,
        "max_rss_mb": usage.ru_maxrss / 1024.0,
        "tree_rss_mb": peak[0] / 1024.0,
        "tree_pss_mb": peak[1] / 1024.0,
        # CPU the sampler took from the cores the measured run shares.
        "sampler_cpu": sampler_cpu[0],
    }
