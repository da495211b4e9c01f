#!/usr/bin/env python3
"""Analysis benchmark: `contextd run` against python-igraph running the same algorithm set on the
same CSV files, stage by stage, in the same invocation.

For each size it generates (once) a dataset with `contextd sample --entities N --seed 1`, then:

  contextd  `contextd run` (release build) with Config/contextd.yaml, maps off; the manifest's
            seconds per stage are read back.
  igraph    Python reads the same CSVs (csv module), computes every link's strength with the same
            formula, then with python-igraph 1.0 (C core): the 1-hop concern neighbourhood,
            Leiden (objective modularity, weighted) on it, personalised PageRank from the same
            seeds (twice: with and without low-grade links), degree, strength, betweenness from
            the same number of sampled sources, PageRank and coreness on the whole graph.
            No validation, no reports, no explanations: it does strictly less than contextd.

Both are separate processes; peak memory is each process's own. The table gives seconds per
stage, the totals, and ratio = igraph seconds / contextd seconds (above 1: contextd is faster).

Usage (from the repository root):
  python3 Tests/Benchmarks/analysis_benchmark.py [--sizes 10000,100000,1000000]
"""
import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

IGRAPH = r'''
import csv, json, math, random, resource, sys, time
import igraph
folder, as_of, pivots = sys.argv[1], sys.argv[2], int(sys.argv[3])
def day(text):
    import datetime
    return datetime.date.fromisoformat(text).toordinal() if text else None
t = {}
start = time.perf_counter()
index, kinds, levels = {}, [], []
with open(folder + "/entities.csv", newline="", encoding="utf-8-sig") as f:
    rows = csv.reader(f)
    h = [x.strip().lower() for x in next(rows)]
    i_id, i_kind, i_level = h.index("id"), h.index("kind"), h.index("risk_level")
    for r in rows:
        index[r[i_id]] = len(index); kinds.append(r[i_kind]); levels.append(int(r[i_level] or 0))
links = []
with open(folder + "/links.csv", newline="", encoding="utf-8-sig") as f:
    rows = csv.reader(f)
    h = [x.strip().lower() for x in next(rows)]
    col = {name: h.index(name) for name in ["source", "target", "kind", "weight", "first_seen", "last_seen", "grading"]}
    for r in rows:
        links.append((index[r[col["source"]]], index[r[col["target"]]], r[col["kind"]], r[col["weight"]],
                      r[col["first_seen"]], r[col["last_seen"]], r[col["grading"]]))
t["load"] = time.perf_counter() - start
start = time.perf_counter()
asof = day(as_of)
conf = {"A": 1.0, "B": 0.75, "C": 0.5, "D": 0.25}
rel = {"1": 1.0, "2": 0.8, "3": 0.5}
edges, weights, firm = [], [], []
for s, d, kind, w, first, last, grading in links:
    g = grading.upper()
    if g[1:2] == "E": continue
    f = day(first)
    if f is not None and f > asof: continue
    seen = day(last) or f
    recency = 0.5 if seen is None else 0.5 ** (max(0, asof - seen) / 180)
    c = conf.get(g[1:2], 0.5) if g else 0.5
    r = rel.get(g[0:1], 0.8) if g else 0.8
    strength = int(w or 1) / 5 * c * r * recency
    edges.append((s, d)); weights.append(strength)
    firm.append(0.0 if g and (g[1:2] in "CD" or g[0:1] == "3") else strength)
graph = igraph.Graph(n=len(index), edges=edges)
graph.es["w"] = weights
t["strength+graph"] = time.perf_counter() - start
start = time.perf_counter()
seeds = [v for v in range(len(kinds)) if kinds[v] == "child" or (kinds[v] == "perpetrator" and levels[v] >= 3)]
hood = set()
for ball in graph.neighborhood(seeds, order=1):
    hood.update(ball)
sub = graph.subgraph(sorted(hood))
t["neighbourhood"] = time.perf_counter() - start
start = time.perf_counter()
parts = sub.community_leiden(objective_function="modularity", weights="w", resolution=1, n_iterations=-1)
t["clusters"] = time.perf_counter() - start
start = time.perf_counter()
risk_seeds = [v for v in range(len(kinds)) if (kinds[v] == "perpetrator" and levels[v] >= 4) or (kinds[v] == "child" and levels[v] >= 3)]
ppr = graph.personalized_pagerank(reset_vertices=risk_seeds, weights="w", damping=0.85)
t["propagation"] = time.perf_counter() - start
start = time.perf_counter()
graph.es["firm"] = firm
firm_graph = graph.subgraph_edges(graph.es.select(firm_gt=0), delete_vertices=False)
ppr2 = firm_graph.personalized_pagerank(reset_vertices=risk_seeds, weights="firm", damping=0.85)
t["sensitivity"] = time.perf_counter() - start
start = time.perf_counter()
deg = graph.degree(); st = graph.strength(weights="w")
random.seed(7)
sources = random.sample(range(graph.vcount()), min(pivots, graph.vcount()))
bt = graph.betweenness(directed=False, sources=sources)
pr = graph.pagerank(weights="w"); core = graph.coreness()
t["people"] = time.perf_counter() - start
t["peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
t["modularity"] = parts.modularity
t["clusters_found"] = len(parts)
print(json.dumps(t))
'''

STAGES = ["load", "strength", "clusters", "propagation", "people", "other"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--work", default="/tmp/contextd-bench")
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "contextd"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout.strip() + "/contextd"
    config_text = open(os.path.join(ROOT, "Config/contextd.yaml")).read().replace("    enabled: true", "    enabled: false")
    config = os.path.join(args.work, "bench.yaml")
    os.makedirs(args.work, exist_ok=True)
    open(config, "w").write(config_text)
    pivots = 128
    for line in config_text.splitlines():
        if line.strip().startswith("betweenness_pivots:"):
            pivots = int(line.split(":")[1])
    print("| entities | links | stage | contextd s | igraph s | igraph/contextd |")
    print("|---|---|---|---|---|---|")
    for n in [int(s) for s in args.sizes.split(",")]:
        folder = f"{args.work}/sample-{n}"
        if not os.path.exists(folder + "/links.csv"):
            subprocess.run([binary, "sample", "--entities", str(n), "--seed", "1", "--out", folder], check=True,
                           stdout=subprocess.DEVNULL)
        out = f"{args.work}/out-{n}"
        subprocess.run(["rm", "-rf", out])
        start = time.perf_counter()
        subprocess.run([binary, "run", "--data", folder, "--out", out, "--config", config], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        manifest = json.load(open(out + "/manifest.json"))
        s = {x["name"]: x["seconds"] for x in manifest["stages"]}
        swift = {
            "load": s["load"],
            "strength": s["analyse.strength"] + s["analyse.graph"] + s["analyse.neighbourhood"],
            "clusters": s["analyse.clusters"],
            # Both personalised PageRanks (with and without low-grade links) and both scorings.
            "propagation": s["analyse.propagation"] + s["analyse.contexts"] + s["analyse.sensitivity"],
            "people": s["analyse.people"],
            "other": s["analyse.targets"] + s["analyse.not_referred"] + s["analyse.explanations"] + s["report"],
        }
        ig = json.loads(subprocess.run([sys.executable, "-c", IGRAPH, folder, manifest["as_of"], str(pivots)],
                                       check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        igraph_stages = {
            "load": ig["load"], "strength": ig["strength+graph"] + ig["neighbourhood"], "clusters": ig["clusters"],
            "propagation": ig["propagation"] + ig["sensitivity"], "people": ig["people"], "other": 0.0,
        }
        links = manifest["counts"]["links"]
        for stage in STAGES:
            a, b = swift[stage], igraph_stages[stage]
            ratio = f"{b / a:.1f}x" if a > 0 and b > 0 else "-"
            print(f"| {n:,} | {links:,} | {stage} | {a:.2f} | {b:.2f} | {ratio} |")
        total_s, total_i = sum(swift.values()), sum(igraph_stages.values())
        print(f"| {n:,} | {links:,} | **total** (contextd wall {wall:.1f} s) | {total_s:.2f} | {total_i:.2f} | {total_i / total_s:.1f}x |")
        print(f"<!-- {n}: igraph peak {ig['peak_rss_bytes'] / 2**20:.0f} MiB, igraph Leiden modularity "
              f"{ig['modularity']:.4f} ({ig['clusters_found']} communities), contextd modularity "
              f"{json.load(open(out + '/network.json'))['summary']['modularity']:.4f} -->")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
