#!/usr/bin/env python3
"""Load benchmark: contextd against networkx and python-igraph on the same CSV files.

For each size (entities; about 5 links per entity at scale), it generates a dataset with
`contextd sample` (once; reused while the files exist), then runs, each in its own process so
that peak memory is the process's own:

  contextd   `contextd validate --data DIR --stats`: reads, hashes (SHA-256), parses and
             validates every row of entities.csv, links.csv and events.csv, and builds the CSR graph.
  igraph     Python's csv module reads entities.csv and links.csv, ids are mapped to integers,
             and igraph.Graph(n, edges) is built (no validation at all).
  networkx   the same reading, into networkx.Graph via add_nodes_from / add_edges_from.

It prints one table: size, rows, seconds and peak RSS for each, entities per second, and the
ratio reference_seconds / contextd_seconds (above 1 means contextd is faster).

Usage (from the repository root):
  python3 Tests/Benchmarks/load_benchmark.py [--sizes 10000,100000,1000000] [--skip-networkx-above N]
Builds contextd in release mode first (swift build -c release).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

READER = r'''
import csv, json, resource, sys, time
kind, folder = sys.argv[1], sys.argv[2]
start = time.perf_counter()
index = {}
with open(folder + "/entities.csv", newline="", encoding="utf-8-sig") as f:
    rows = csv.reader(f)
    header = [h.strip().lower() for h in next(rows)]
    col = header.index("id")
    for row in rows:
        index[row[col]] = len(index)
edges = []
with open(folder + "/links.csv", newline="", encoding="utf-8-sig") as f:
    rows = csv.reader(f)
    header = [h.strip().lower() for h in next(rows)]
    s, t = header.index("source"), header.index("target")
    for row in rows:
        edges.append((index[row[s]], index[row[t]]))
if kind == "igraph":
    import igraph
    g = igraph.Graph(n=len(index), edges=edges)
    n, m = g.vcount(), g.ecount()
else:
    import networkx
    g = networkx.Graph()
    g.add_nodes_from(range(len(index)))
    g.add_edges_from(edges)
    n, m = g.number_of_nodes(), g.number_of_edges()
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak_rss_bytes": peak, "n": n, "m": m}))
'''


def run_json(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--work", default="/tmp/contextd-bench")
    parser.add_argument("--skip-networkx-above", type=int, default=10**9)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip() + "/contextd"
    try:
        import igraph  # noqa: F401
        have_igraph = True
    except ImportError:
        have_igraph = False
        print("python-igraph not installed (pip install python-igraph): its column is skipped", file=sys.stderr)

    rows = []
    for n in sizes:
        folder = f"{args.work}/sample-{n}"
        if not os.path.exists(folder + "/links.csv"):
            start = time.perf_counter()
            subprocess.run([binary, "sample", "--entities", str(n), "--seed", "1", "--out", folder], check=True,
                           stdout=subprocess.DEVNULL)
            print(f"generated {n} entities in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        swift = run_json([binary, "validate", "--data", folder, "--stats"])
        t = swift["timings"]
        swift_seconds = t["read"] + t["fingerprint"] + t["validate"] + t["freeze"]
        ig = run_json([sys.executable, "-c", READER, "igraph", folder]) if have_igraph else None
        nx = run_json([sys.executable, "-c", READER, "networkx", folder]) if n <= args.skip_networkx_above else None
        rows.append((n, swift, swift_seconds, ig, nx))

    mib = 1024 * 1024
    print("| entities | links | MB read | contextd read s | hash s | validate s | build s | contextd total s "
          "| entities/s | contextd peak MiB | igraph s | igraph peak MiB | networkx s | networkx peak MiB "
          "| igraph/contextd | networkx/contextd |")
    print("|" + "---|" * 16)
    for n, swift, total, ig, nx in rows:
        t = swift["timings"]
        cells = [f"{swift['entities']:,}", f"{swift['links']:,}", f"{swift['bytes'] / 1e6:.0f}",
                 f"{t['read']:.2f}", f"{t['fingerprint']:.2f}", f"{t['validate']:.2f}", f"{t['freeze']:.2f}",
                 f"{total:.2f}", f"{swift['entities'] / total:,.0f}", f"{swift['peak_rss_bytes'] / mib:.0f}"]
        cells += [f"{ig['seconds']:.2f}", f"{ig['peak_rss_bytes'] / mib:.0f}"] if ig else ["-", "-"]
        cells += [f"{nx['seconds']:.2f}", f"{nx['peak_rss_bytes'] / mib:.0f}"] if nx else ["-", "-"]
        cells += [f"{ig['seconds'] / total:.1f}x" if ig else "-", f"{nx['seconds'] / total:.1f}x" if nx else "-"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
