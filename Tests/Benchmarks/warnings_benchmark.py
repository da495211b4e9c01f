#!/usr/bin/env python3
"""Warnings benchmark: memory and output size of a run whose links.csv is almost all duplicates.

Writes a dataset of 200 entities and a links.csv of ROWS rows of which all but about 100 repeat
an earlier link (each a `duplicate_link` warning), runs `contextd run` on it under
`/usr/bin/time -v`, and prints wall seconds, peak resident memory, bytes per links row, and the
sizes of `manifest.json` and of standard error. The README's figures (2,000,000 rows) come from it.

Usage (from the repository root):
  python3 Tests/Benchmarks/warnings_benchmark.py [--rows 2000000] [--binary PATH]
Builds contextd in release mode first unless --binary is given.
"""
import argparse, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "release", "contextd")
    work = tempfile.mkdtemp(prefix="contextd-warnings-")
    data = os.path.join(work, "data")
    os.makedirs(data)
    with open(os.path.join(data, "entities.csv"), "w") as f:
        f.write("id,kind,risk_level\n")
        for i in range(100):
            f.write(f"C-{i},child,3\n")
        for i in range(100):
            f.write(f"P-{i},peer,\n")
    with open(os.path.join(data, "links.csv"), "w") as f:
        f.write("source,target,kind,weight\n")
        for row in range(args.rows):
            i = row % 100  # rows 100 and on repeat the first hundred links
            f.write(f"C-{i},P-{i},associate,2\n")
    links_bytes = os.path.getsize(os.path.join(data, "links.csv"))
    out = os.path.join(work, "out")
    stderr_path = os.path.join(work, "stderr")
    with open(stderr_path, "w") as stderr:
        timed = subprocess.run(
            ["/usr/bin/time", "-v", binary, "run", "--data", data, "--out", out, "--as-of", "2024-09-30",
             "--log-level", "error"],
            stdout=subprocess.DEVNULL, stderr=stderr)
    text = open(stderr_path, errors="replace").read()
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)
    # The time report is appended to contextd's own standard error: count only what precedes it.
    own_stderr = len(text.split("\tCommand being timed:")[0].encode())
    manifest = os.path.join(out, "manifest.json")
    print(f"rows {args.rows:,} ({links_bytes / 1e6:.1f} MB links.csv); exit {timed.returncode}; wall {wall}")
    print(f"peak {peak_kb:,} KB = {peak_kb * 1024 / args.rows:.0f} bytes a links row")
    print(f"manifest.json {os.path.getsize(manifest) if os.path.exists(manifest) else -1:,} bytes; "
          f"standard error {own_stderr:,} bytes")
    return 0 if timed.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
