#!/usr/bin/env python3
"""Map benchmark: every concern cluster's map, rendered in-process through contextd's one
Graphviz gateway, against spawning the `dot` command once per map on the same maps.

For each size it generates (once) a dataset with `contextd sample --entities N --seed 1`, then
with Config/contextd.yaml (cluster maps only: overview and pseudonymised variants off):

  cold      `contextd map` on an empty cache: every cluster map laid out and rendered to SVG
            (median of --repeat runs, each on a new output folder).
  warm      the same again: nothing changed, every map comes from the content-hash cache.
  one link  one link's weight changed in links.csv (the first `exploits` link): only the maps
            whose content changed are laid out again.
  spawn     the DOT source of the same maps (written by a separate in-process pass with SVG and
            DOT, layout positions stripped) rendered to SVG by spawning `dot -Tsvg` once per map,
            one after another (median of --repeat rounds). Each DOT names its engine (`layout=`),
            so the command lays out with the same engine, from scratch.

Render seconds are contextd's own (`render.seconds` in its log; load and analysis excluded);
the spawn figure is wall time of the subprocesses. ratio = spawn seconds / in-process cold
seconds (above 1: in-process is faster).

Usage (from the repository root):
  python3 Tests/Benchmarks/map_benchmark.py [--sizes 10000,100000]
"""
import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def draw(binary, data, out, config, formats=None):
    command = [binary, "map", "--data", data, "--out", out, "--config", config, "--log-level", "info"]
    for f in formats or []:
        command += ["--format", f]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    line = [l for l in result.stderr.splitlines() if l.endswith("maps drawn")][-1]
    fields = dict(re.findall(r"([\w.]+)=(\S+)", line))
    return float(fields["render.seconds"]), int(fields["maps.rendered"]), int(fields["maps.reused"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--work", default="/tmp/contextd-map-bench")
    parser.add_argument("--repeat", type=int, default=3, help="cold and spawn runs; the median is shown")
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip() + "/contextd"
    os.makedirs(args.work, exist_ok=True)
    text = open(os.path.join(ROOT, "Config/contextd.yaml")).read()
    text = text.replace("  pseudonymised: true", "  pseudonymised: false")
    text = text.replace("  overview:\n    # Draw maps/overview.* at all.\n    enabled: true",
                        "  overview:\n    # Draw maps/overview.* at all.\n    enabled: false")
    config = os.path.join(args.work, "bench.yaml")
    open(config, "w").write(text)
    print("| entities | cluster maps | cold s | warm s (reused) | one link s (laid out / reused) "
          "| spawn dot s | spawn / in-process |")
    print("|---|---|---|---|---|---|---|")
    for n in [int(s) for s in args.sizes.split(",")]:
        data = f"{args.work}/sample-{n}"
        if not os.path.exists(data + "/links.csv"):
            subprocess.run([binary, "sample", "--entities", str(n), "--seed", "1", "--out", data], check=True,
                           stdout=subprocess.DEVNULL)
        out = f"{args.work}/out-{n}"
        colds = []
        for _ in range(args.repeat):
            subprocess.run(["rm", "-rf", out])
            seconds, maps, _ = draw(binary, data, out, config)
            colds.append(seconds)
        cold = statistics.median(colds)
        warm, _, warm_reused = draw(binary, data, out, config)
        # One link changed: a copy of the dataset with the first exploits link's weight changed.
        changed = f"{args.work}/changed-{n}"
        subprocess.run(["rm", "-rf", changed])
        os.makedirs(changed)
        for name in os.listdir(data):
            if name != "links.csv":  # copied: contextd refuses links that point out of the folder
                shutil.copyfile(os.path.join(data, name), os.path.join(changed, name))
        lines = open(data + "/links.csv").read().split("\n")
        for i, line in enumerate(lines):
            cells = line.split(",")
            if len(cells) > 3 and cells[2] == "exploits":
                cells[3] = "1" if cells[3] != "1" else "5"
                lines[i] = ",".join(cells)
                break
        open(changed + "/links.csv", "w").write("\n".join(lines))
        one, one_rendered, one_reused = draw(binary, changed, out, config)
        # DOT sources of the same maps, then one `dot` process per map.
        dots = f"{args.work}/dot-{n}"
        subprocess.run(["rm", "-rf", dots])
        draw(binary, data, dots, config, formats=["svg", "dot"])
        # The DOT is written after layout: strip the positions so that `dot` lays out from
        # scratch as contextd did (force-directed engines would otherwise start from the answer).
        layout = re.compile(r'\b(pos|bb|lp|xlp|lwidth|lheight)="(?:[^"\\]|\\.)*"', re.S)
        files = sorted(glob.glob(dots + "/maps/clusters/*.dot"))
        for path in files:
            text = layout.sub("", open(path).read())
            open(path, "w").write(re.sub(r",\s*(?=[,\]])", "", re.sub(r"\[\s*,", "[", text)))
        spawns = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for path in files:
                subprocess.run(["dot", "-Tsvg", "-o", "/dev/null", path], check=True)
            spawns.append(time.perf_counter() - start)
        spawn = statistics.median(spawns)
        print(f"| {n:,} | {maps} | {cold:.2f} | {warm:.3f} ({warm_reused}) | {one:.2f} ({one_rendered} / {one_reused}) "
              f"| {spawn:.2f} | {spawn / cold:.2f} |")


if __name__ == "__main__":
    main()
