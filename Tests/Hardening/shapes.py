#!/usr/bin/env python3
"""Graphs shaped to hurt, run end to end through the release `contextd run` (issue 7).

Shapes (every node of concern, so the whole graph goes through every stage of the analysis):
  chain     N children in a path (no recursion may follow it: default N = 200,000)
  star      one level-4 perpetrator exploiting N children (default N = 50,000)
  complete  N children all linked to each other (default N = 2,000: 1,999,000 links)

Prints, per shape: exit status, wall seconds, peak resident memory, and contextd's seconds per
stage from the manifest. The quick versions of these shapes run in `swift test`
(HostileShapeTests); these full sizes are figures, not pass/fail timings.

Usage: python3 Tests/Hardening/shapes.py [--scale 1.0] [--only chain,star,complete] [--no-maps]
"""
import argparse, json, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def write(folder, entities, links):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "entities.csv"), "w") as f:
        f.write("id,kind,risk_level\n")
        f.writelines(f"{i},{k},{r}\n" for i, k, r in entities)
    with open(os.path.join(folder, "links.csv"), "w") as f:
        f.write("source,target,kind,weight,grading\n")
        f.writelines(f"{a},{b},{k},3,1B\n" for a, b, k in links)


def chain(n):
    return [(f"C-{i}", "child", 3) for i in range(n)], [(f"C-{i}", f"C-{i + 1}", "associate") for i in range(n - 1)]


def star(n):
    return ([("X-0", "perpetrator", 4)] + [(f"C-{i}", "child", 3) for i in range(n)],
            [("X-0", f"C-{i}", "exploits") for i in range(n)])


def complete(n):
    return ([(f"C-{i}", "child", 3) for i in range(n)],
            [(f"C-{i}", f"C-{j}", "associate") for i in range(n) for j in range(i + 1, n)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", default="chain,star,complete")
    parser.add_argument("--no-maps", action="store_true")
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "contextd")
    sizes = {"chain": (chain, 200_000), "star": (star, 50_000), "complete": (complete, 2_000)}
    work = tempfile.mkdtemp(prefix="contextd-shapes-")
    config = os.path.join(work, "config.yaml")
    with open(config, "w") as f:
        f.write("maps:\n  overview:\n    enabled: false\n" if args.no_maps else "")
    status = 0
    for name in args.only.split(","):
        make, size = sizes[name]
        n = max(3, int(size * args.scale))
        data, out = os.path.join(work, name, "data"), os.path.join(work, name, "out")
        write(data, *make(n))
        start = time.monotonic()
        with open(os.path.join(work, name, "stderr.txt"), "w") as errors:
            process = subprocess.Popen([binary, "run", "--data", data, "--out", out, "--config", config,
                                        "--as-of", "2024-09-30"], stdout=subprocess.DEVNULL, stderr=errors)
            _, wait_status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - start
        returncode = os.waitstatus_to_exitcode(wait_status)
        peak = usage.ru_maxrss  # KiB on Linux
        stages = ""
        if returncode == 0:
            with open(os.path.join(out, "manifest.json")) as f:
                manifest = json.load(f)
            stages = ", ".join(f"{s['name']} {s['seconds']:.2f}" for s in manifest["stages"]
                               if "." not in s["name"] or s["seconds"] >= 0.5)
        else:
            status = 1
            with open(os.path.join(work, name, "stderr.txt")) as f:
                stages = " / ".join(f.read().strip().splitlines()[-2:])
        print(f"{name} n={n}: exit {returncode}, {seconds:.1f} s, peak RSS {peak / 1024:.0f} MiB; {stages}",
              flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
