#!/usr/bin/env python3
"""Service benchmark: `contextd serve` idle cost, and time from a file change to new outputs.

For each size it generates a sample with `contextd sample --entities N --seed 2024` (once; reused
while the files exist), starts the release `contextd serve` watching it (inotify, quiet time
--quiet seconds, status API on a free loopback port), and waits for the first run. Then:

  idle     (first size only) after the first run, --idle-seconds of nothing: resident memory
           (VmRSS, and the peak VmHWM) from /proc/PID/status, CPU from utime+stime in
           /proc/PID/stat over the whole interval.
  change   --changes times: with `--change events` one event row (a `sighting` of an existing
           child) is appended to events.csv, with `--change links` one `associate` link between two
           children not yet linked that way (so clusters and maps change and are drawn again),
           through a temporary file renamed over it (as a copy tool finishes); the clock runs
           until the `latest` link points at a new run. Reported: the median of those
           seconds, and of the run's own seconds as /status gives them (the rest is the quiet time,
           detection and queueing).

Finally SIGTERM, and the exit status is checked (0).

Usage (from the repository root):
  python3 Tests/Benchmarks/service_benchmark.py [--sizes 10000,100000] [--quiet 1] [--idle-seconds 60]
      [--changes 3] [--work /tmp/contextd-service-bench] [--binary PATH]
Builds contextd in release mode first unless --binary is given.
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TICKS = os.sysconf("SC_CLK_TCK")


def wait_until(what, condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.01)
    raise SystemExit(f"timed out waiting for {what}")


def latest(out):
    try:
        return os.readlink(os.path.join(out, "latest"))
    except OSError:
        return None


def status(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=10) as response:
        return json.load(response)


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            name, _, value = line.partition(":")
            fields[name] = value.strip()
    return fields


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return int(parts[11]) + int(parts[12])  # utime, stime (fields 14 and 15)


def children(data):
    found = []
    with open(os.path.join(data, "entities.csv"), encoding="utf-8") as f:
        header = f.readline().strip().split(",")
        id_col, kind_col = header.index("id"), header.index("kind")
        for line in f:
            cells = line.split(",")
            if len(cells) > kind_col and cells[kind_col] == "child":
                found.append(cells[id_col])
    if len(found) < 8:
        raise SystemExit("too few children in the sample")
    return found


def append_row(data, name, row):
    path = os.path.join(data, name)
    temporary = os.path.join(data, "." + name + ".tmp")
    with open(path, "rb") as f:
        content = f.read()
    if not content.endswith(b"\n"):
        content += b"\n"
    content += (row + "\n").encode()
    with open(temporary, "wb") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--quiet", type=float, default=1.0)
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--changes", type=int, default=3)
    parser.add_argument("--work", default="/tmp/contextd-service-bench")
    parser.add_argument("--binary")
    parser.add_argument("--change", choices=["events", "links"], default="events")
    args = parser.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "contextd")
    os.makedirs(args.work, exist_ok=True)
    rows = []
    for index, size in enumerate(int(s) for s in args.sizes.split(",")):
        data = os.path.join(args.work, f"data-{size}")
        if not os.path.exists(os.path.join(data, "entities.csv")):
            subprocess.run([binary, "sample", "--entities", str(size), "--seed", "2024", "--out", data], check=True)
        out = os.path.join(args.work, f"out-{size}")
        subprocess.run(["rm", "-rf", out], check=True)
        config = os.path.join(args.work, f"service-{size}.yaml")
        port_file = os.path.join(args.work, f"port-{size}")
        if os.path.exists(port_file):
            os.remove(port_file)
        with open(config, "w") as f:
            f.write(
                f"run_config: {ROOT}/Config/contextd.yaml\n"
                f"datasets:\n  - {{name: s{size}, data: {data}, out: {out}}}\n"
                f"quiet_seconds: {args.quiet}\nkeep_runs: 3\n"
                f"status: {{listen: 127.0.0.1, port: 0, port_file: {port_file}}}\n")
        log = open(os.path.join(args.work, f"serve-{size}.log"), "w")
        server = subprocess.Popen([binary, "serve", "--config", config, "--log-level", "notice"], stderr=log)
        try:
            port = int(wait_until("the port file", lambda: os.path.exists(port_file) and open(port_file).read().strip(), 60))
            started = time.monotonic()
            first = wait_until("the first run", lambda: latest(out), 3600)
            first_seconds = time.monotonic() - started
            row = {"entities": size, "first_run_seconds": round(first_seconds, 2)}
            if index == 0 and args.idle_seconds > 0:
                time.sleep(5)  # let the first run's allocations settle
                ticks0, t0 = cpu_ticks(server.pid), time.monotonic()
                rss0 = proc_status(server.pid)["VmRSS"]
                time.sleep(args.idle_seconds)
                ticks1, t1 = cpu_ticks(server.pid), time.monotonic()
                fields = proc_status(server.pid)
                row["idle"] = {
                    "seconds": round(t1 - t0, 1),
                    "cpu_seconds": (ticks1 - ticks0) / TICKS,
                    "cpu_percent": round(100 * (ticks1 - ticks0) / TICKS / (t1 - t0), 3),
                    "rss_start": rss0,
                    "rss_end": fields["VmRSS"],
                    "rss_peak": fields["VmHWM"],
                    "threads": fields["Threads"],
                }
            kids = children(data)
            totals, runs = [], []
            previous = first
            for change in range(args.changes):
                if args.change == "events":
                    append_row(data, "events.csv", f"2024-09-{1 + change:02d},sighting,{kids[0]},,")
                else:
                    # Children far apart in the file (different schools and wards in the sample).
                    a, b = kids[change], kids[len(kids) // 2 + change]
                    append_row(data, "links.csv", f"{a},{b},associate,4,2024-09-01,2024-09-20,police,1B")
                t0 = time.monotonic()
                current = wait_until("new outputs", lambda: latest(out) != previous and latest(out), 3600)
                totals.append(time.monotonic() - t0)
                previous = current
                run_id = current.split("/", 1)[1]
                record = wait_until(
                    "the run in /status",
                    lambda: next((r for r in status(port)["recent_runs"] if r["run_id"] == run_id), None), 60)
                runs.append(record["seconds"])
            row["change_to_outputs_seconds"] = [round(t, 2) for t in totals]
            row["median_change_to_outputs_seconds"] = round(statistics.median(totals), 2)
            row["median_run_seconds"] = round(statistics.median(runs), 2)
            row["quiet_seconds"] = args.quiet
            row["change"] = args.change
            row["rss_after_runs"] = proc_status(server.pid)["VmHWM"]
        finally:
            server.send_signal(signal.SIGTERM)
            code = server.wait(timeout=600)
            log.close()
        row["exit_status"] = code
        rows.append(row)
        print(json.dumps(row), flush=True)
    return 0 if all(r["exit_status"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
