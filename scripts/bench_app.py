#!/usr/bin/env python3
"""Measures the release app as a user runs it and prints the figures against their targets.

- interactive: wall time from spawning the process until the UI's first command (`ui_ready`,
  sent once the first screen has its data) was answered; the app writes a marker file then.
  One warm-up run, then the median of the next runs.
- memory: after 10 s idle, the resident memory of the app and every process it started
  (WebKitWebProcess, WebKitNetworkProcess). Reported as PSS (shared pages split between the
  processes that map them: the honest total) and as the plain sum of RSS (counts shared
  libraries once per process, so it overstates).
- sizes of the release binary and the .deb.

Standard library only; run inside scripts/with-display.sh (Xvfb + D-Bus session).
"""
import argparse
import os
import signal
import statistics
import subprocess
import tempfile
import time


def children_of(pid):
    """Every descendant of pid, from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in parents.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def memory_kib(pid, key):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def name_of(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def start(binary, data_dir, marker):
    env = dict(os.environ, VCA_READY_FILE=marker, VCA_LOG="warn")
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [binary, "--data-dir", data_dir],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = t0 + 30
    while not os.path.exists(marker) or os.path.getsize(marker) == 0:
        if time.monotonic() > deadline or proc.poll() is not None:
            stop(proc)
            raise SystemExit("the app did not become interactive within 30 s")
        time.sleep(0.002)
    return proc, time.monotonic() - t0


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def verdict(value, target):
    return "ok " if value <= target else "MISS"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--deb", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--idle", type=float, default=10.0)
    args = ap.parse_args()

    times = []
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        for i in range(args.runs + 1):
            marker = os.path.join(tmp, f"ready-{i}")
            proc, elapsed = start(args.bin, data, marker)
            stop(proc)
            if i > 0:  # the first run warms the page cache
                times.append(elapsed)

        marker = os.path.join(tmp, "ready-mem")
        proc, _ = start(args.bin, data, marker)
        time.sleep(args.idle)
        pids = [proc.pid] + children_of(proc.pid)
        rows = [(p, name_of(p), memory_kib(p, "Pss"), memory_kib(p, "Rss")) for p in pids]
        stop(proc)

    pss = sum(r[2] for r in rows) / 1024
    rss = sum(r[3] for r in rows) / 1024
    interactive = statistics.median(times)
    binary = os.path.getsize(args.bin) / 1e6
    deb = os.path.getsize(args.deb) / 1e6

    print("VPN Compliance Assistant — release build on this machine")
    print(f"  start-up runs (s): {', '.join(f'{t:.3f}' for t in times)}")
    for pid, name, p, r in rows:
        print(f"  process {name:<22} PSS {p / 1024:7.1f} MB   RSS {r / 1024:7.1f} MB")
    print()
    print(f"  {'figure':<42}{'value':>12}{'target':>12}")
    print(f"  {'time to interactive (median)':<42}{interactive:>10.3f} s{'≤ 1.0 s':>12}  {verdict(interactive, 1.0)}")
    print(f"  {'memory after idle, all processes (PSS)':<42}{pss:>9.1f} MB{'≤ 150 MB':>12}  {verdict(pss, 150)}")
    print(f"  {'  same, plain RSS sum (overstates)':<42}{rss:>9.1f} MB")
    print(f"  {'release binary size':<42}{binary:>9.1f} MB{'≤ 15 MB':>12}  {verdict(binary, 15)}")
    print(f"  {'.deb size':<42}{deb:>9.1f} MB{'≤ 10 MB':>12}  {verdict(deb, 10)}")


if __name__ == "__main__":
    main()
