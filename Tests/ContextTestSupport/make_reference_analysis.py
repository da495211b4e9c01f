#!/usr/bin/env python3
"""Independent end-to-end reference values for contextd's analysis of the shipped sample.

Generated with networkx 3.6.1, python-igraph 1.0.0, numpy and scipy (Python 3). To regenerate,
from the package root:

    python3 Tests/ContextTestSupport/make_reference_analysis.py [--cross-check]

It reads Samples/borough/entities.csv and links.csv with Python's csv module (no contextd code)
and rewrites Tests/ContextTestSupport/Reference/analysis/borough.json, loaded by
AnalysisFixture.swift through the ContextTestSupport resource bundle and checked by
Tests/ContextAnalysisTests/AnalysisReferenceTests.swift. The output is deterministic (igraph's
Leiden runs after random.seed(s) for fixed s). `--cross-check` also recomputes betweenness with
networkx, personalised PageRank by a sparse linear solve, and core numbers by naive peeling, and
asserts that they agree with the values written (slow: networkx betweenness takes about a
minute).

Definitions (those documented in Sources/ContextAnalysis, re-derived here):

  entities      the rows of entities.csv in file order; entity i is vertex i.
  links         the rows of links.csv in file order. contextd merges duplicate links (same
                endpoints and kind; either direction for associate, relationship,
                online_contact, sibling) and drops self-links; the script asserts the sample
                has neither, so link i is row i of links.csv (21,333 links).
  strength      (weight / 5) * confidence * reliability * recency, with weight 1 when empty;
                confidence by intelligence A 1, B 0.75, C 0.5, D 0.25, ungraded 0.5;
                reliability by source 1 1.0, 2 0.8, 3 0.5, ungraded 0.8;
                recency 0.5 ** (age / 180), age = days from last_seen (else first_seen) to the
                as-of date 2024-09-30, never negative; 0.5 when neither date is given;
                0 for an E-graded link or one first seen after the as-of date.
  strength graph  every entity a vertex; every link with strength > 0 an undirected edge of
                weight = strength, in link order. Parallel edges (two links of different kinds
                between the same pair: 13 pairs in links.csv) are KEPT: a networkx MultiGraph /
                an igraph multigraph, as contextd's AdjacencyGraph keeps them.
  personalized_pagerank   networkx.pagerank(MultiGraph, alpha=0.85, personalization={seed: 1},
                weight="weight", tol=1e-14) with the risk seeds: perpetrators at level 4 and
                children at level 3 or 4. networkx sums parallel edges' weights in its
                transition matrix (contextd: "each parallel edge adds its weight"); dangling
                vertices restart at the personalisation, as in contextd.
  pagerank      the same, uniform restarts.
  degree        MultiGraph degree (each parallel edge counts).
  weighted_degree  sum of the strengths of the incident edges (double precision).
  core_number   igraph Graph.coreness() on the multigraph: parallel edges counted with
                multiplicity, contextd's documented convention (networkx refuses multigraphs).
  betweenness   hop betweenness, exact, normalised as networkx does for undirected graphs:
                igraph Graph.betweenness(directed=False) (each unordered pair once) divided by
                (n-1)(n-2)/2 with n = 4000 (all entities). Computed on the graph with parallel
                edges collapsed (Graph.simplify()), because contextd counts paths between
                vertices, not edges (networkx's convention; igraph would count a path through a
                double edge twice).
  neighbourhood_distance  ConcernNeighbourhood with its defaults (hops 1, contexts not walked
                through unless level >= 3): 0 for a seed (every child, perpetrators at level 3
                or 4), 1 for any entity joined to a seed by a link of strength > 0, else -1.
  cluster graph  as ConcernClusters builds it: the vertices are the entities with distance >= 0,
                numbered in increasing entity order; the edges are the links (in link order)
                with strength > 0, kind other than `attends`, and both ends in the
                neighbourhood, weighted by strength, parallel edges kept.
  leiden        igraph Graph.community_leiden(objective_function="modularity",
                weights="weight", resolution=1, beta=0.01, n_iterations=-1) on the cluster graph
                after random.seed(s), for s = 0..9: the modularity (resolution 1, weighted by
                strength, networkx.community.modularity on the MultiGraph, which igraph's own
                Graph.modularity matches) of each run, the best, and its number of communities.

Floating-point values are rounded to 12 significant digits.
"""

import argparse
import csv
import datetime
import json
import os
import random
import sys

import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLE = os.path.join(ROOT, "Samples", "borough")
OUT = os.path.join(HERE, "Reference", "analysis", "borough.json")

AS_OF = datetime.date(2024, 9, 30)
HALF_LIFE = 180.0
CONFIDENCE = {"A": 1.0, "B": 0.75, "C": 0.5, "D": 0.25}
RELIABILITY = {1: 1.0, 2: 0.8, 3: 0.5}
UNGRADED_CONFIDENCE, UNGRADED_RELIABILITY, UNDATED_RECENCY = 0.5, 0.8, 0.5
UNDIRECTED_KINDS = {"associate", "relationship", "online_contact", "sibling"}
DAMPING = 0.85
LEIDEN_SEEDS = range(10)


def rounded(x):
    return float(f"{x:.12g}")


def read(name):
    with open(os.path.join(SAMPLE, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def date(text):
    return datetime.date.fromisoformat(text) if text else None


def strength(link):
    """The documented formula, written out independently of StrengthModel.swift."""
    grading = link["grading"].strip()
    if grading:
        source, letter = int(grading[0]), grading[1].upper()
        if letter == "E":
            return 0.0
        confidence, reliability = CONFIDENCE[letter], RELIABILITY[source]
    else:
        confidence, reliability = UNGRADED_CONFIDENCE, UNGRADED_RELIABILITY
    first, last = date(link["first_seen"]), date(link["last_seen"])
    if first is not None and first > AS_OF:
        return 0.0
    seen = last or first
    recency = UNDATED_RECENCY if seen is None else 2.0 ** (-max(0, (AS_OF - seen).days) / HALF_LIFE)
    weight = int(link["weight"]) if link["weight"].strip() else 1
    return weight / 5 * confidence * reliability * recency


def leiden_runs(cluster_graph, cluster_nx):
    runs = []
    for seed in LEIDEN_SEEDS:
        random.seed(seed)
        partition = cluster_graph.community_leiden(
            objective_function="modularity", weights="weight", resolution=1, beta=0.01, n_iterations=-1)
        membership = partition.membership
        communities = {}
        for v, c in enumerate(membership):
            communities.setdefault(c, set()).add(v)
        q = nx.community.modularity(cluster_nx, list(communities.values()), weight="weight", resolution=1)
        q_igraph = cluster_graph.modularity(membership, weights="weight", resolution=1)
        assert abs(q - q_igraph) < 1e-12, (q, q_igraph)
        runs.append({"seed": seed, "modularity": rounded(q), "communities": len(communities)})
    return runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cross-check", action="store_true")
    args = parser.parse_args()

    entities = read("entities.csv")
    links = read("links.csv")
    index = {row["id"]: i for i, row in enumerate(entities)}
    assert len(index) == len(entities), "duplicate entity ids"
    n = len(entities)
    kinds = [row["kind"] for row in entities]
    levels = [int(row["risk_level"]) if row["risk_level"].strip() else 0 for row in entities]

    # contextd merges duplicates and drops self-links: the sample must have neither for link i
    # to be row i.
    keys = set()
    for row in links:
        s, t = index[row["source"]], index[row["target"]]
        assert s != t, f"self-link {row}"
        key = (min(s, t), max(s, t), row["kind"]) if row["kind"] in UNDIRECTED_KINDS else (s, t, row["kind"])
        assert key not in keys, f"duplicate link {row}"
        keys.add(key)

    strengths = [strength(row) for row in links]
    edges = [
        (index[row["source"]], index[row["target"]], s, row["kind"]) for row, s in zip(links, strengths) if s > 0]

    multigraph = nx.MultiGraph()
    multigraph.add_nodes_from(range(n))
    for u, v, s, _ in edges:
        multigraph.add_edge(u, v, weight=s)

    risk_seeds = [
        v for v in range(n)
        if (kinds[v] == "perpetrator" and levels[v] >= 4) or (kinds[v] == "child" and levels[v] >= 3)]
    personalized = nx.pagerank(
        multigraph, alpha=DAMPING, personalization={v: 1 for v in risk_seeds}, weight="weight", tol=1e-14,
        max_iter=10_000)
    pagerank = nx.pagerank(multigraph, alpha=DAMPING, weight="weight", tol=1e-14, max_iter=10_000)
    degree = [multigraph.degree(v) for v in range(n)]
    weighted_degree = [sum(s for _, _, s in multigraph.edges(v, data="weight")) for v in range(n)]

    igraph_multi = igraph.Graph(n=n, edges=[(u, v) for u, v, _, _ in edges])
    core_number = igraph_multi.coreness()
    simple = igraph_multi.copy()
    simple.simplify(multiple=True, loops=True)
    pairs = (n - 1) * (n - 2) / 2
    betweenness = [b / pairs for b in simple.betweenness(directed=False)]

    # The concern neighbourhood with its defaults: one hop from the seeds.
    distance = [-1] * n
    for v in range(n):
        if kinds[v] == "child" or (kinds[v] == "perpetrator" and levels[v] >= 3):
            distance[v] = 0
    for u, v, _, _ in edges:
        if distance[u] == 0 and distance[v] == -1:
            distance[v] = 1
        if distance[v] == 0 and distance[u] == -1:
            distance[u] = 1
    members = [v for v in range(n) if distance[v] >= 0]
    local = {v: i for i, v in enumerate(members)}
    cluster_edges = [
        (local[u], local[v], s) for u, v, s, kind in edges if kind != "attends" and u in local and v in local]
    cluster_graph = igraph.Graph(n=len(members), edges=[(u, v) for u, v, _ in cluster_edges])
    cluster_graph.es["weight"] = [s for _, _, s in cluster_edges]
    cluster_nx = nx.MultiGraph()
    cluster_nx.add_nodes_from(range(len(members)))
    for u, v, s in cluster_edges:
        cluster_nx.add_edge(u, v, weight=s)
    runs = leiden_runs(cluster_graph, cluster_nx)
    best = max(runs, key=lambda run: run["modularity"])

    if args.cross_check:
        cross_check(multigraph, risk_seeds, personalized, core_number, betweenness, n)

    reference = {
        "dataset": "Samples/borough",
        "as_of": AS_OF.isoformat(),
        "versions": {"networkx": nx.__version__, "igraph": igraph.__version__},
        "ids": [row["id"] for row in entities],
        "links": len(links),
        "strength_graph_edges": len(edges),
        "risk_seeds": risk_seeds,
        "strengths": [rounded(s) for s in strengths],
        "personalized_pagerank": [rounded(personalized[v]) for v in range(n)],
        "pagerank": [rounded(pagerank[v]) for v in range(n)],
        "degree": degree,
        "weighted_degree": [rounded(w) for w in weighted_degree],
        "core_number": core_number,
        "betweenness": [rounded(b) for b in betweenness],
        "neighbourhood_distance": distance,
        "cluster_graph": {"vertices": len(members), "edges": len(cluster_edges)},
        "leiden": {"runs": runs, "best_modularity": best["modularity"], "best_communities": best["communities"]},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(reference, f, separators=(",", ":"))
        f.write("\n")
    print(
        f"{OUT}: {os.path.getsize(OUT)} bytes; {len(links)} links, {len(edges)} strength-graph edges, "
        f"{len(risk_seeds)} risk seeds, neighbourhood {len(members)}, cluster graph {len(cluster_edges)} edges, "
        f"igraph Leiden modularity {[run['modularity'] for run in runs]}", file=sys.stderr)


def cross_check(multigraph, risk_seeds, personalized, core_number, betweenness, n):
    """Second, independent computations of the values above (slow)."""
    import numpy as np
    import scipy.sparse
    import scipy.sparse.linalg

    # Personalised PageRank as the solution of its linear system:
    # x = d (A D^-1 x + p (dangling . x)) + (1 - d) p, with sum(x) = 1.
    a = nx.to_scipy_sparse_array(multigraph, nodelist=range(n), weight="weight", format="csr")
    strength = np.asarray(a.sum(axis=1)).ravel()
    inverse = np.where(strength > 0, 1 / np.where(strength > 0, strength, 1), 0)
    p = np.zeros(n)
    p[risk_seeds] = 1 / len(risk_seeds)
    dangling = (strength == 0).astype(float)
    m = scipy.sparse.identity(n) - DAMPING * (a @ scipy.sparse.diags(inverse) + scipy.sparse.csr_matrix(np.outer(p, dangling)))
    x = scipy.sparse.linalg.spsolve(m.tocsc(), (1 - DAMPING) * p)
    x /= x.sum()
    difference = max(abs(x[v] - personalized[v]) for v in range(n))
    print(f"cross-check: personalised PageRank by linear solve differs by {difference:.3g}", file=sys.stderr)
    assert difference < 1e-10

    # Core numbers by naive peeling, parallel edges counted with multiplicity.
    degree = {v: multigraph.degree(v) for v in range(n)}
    remaining, core, k = set(range(n)), [0] * n, 0
    while remaining:
        v = min(remaining, key=lambda u: degree[u])
        k = max(k, degree[v])
        core[v] = k
        remaining.remove(v)
        for _, w in multigraph.edges(v):
            if w in remaining:
                degree[w] -= 1
    assert core == core_number

    # Betweenness with networkx on the simple graph.
    reference = nx.betweenness_centrality(nx.Graph(multigraph), normalized=True)
    assert max(abs(reference[v] - betweenness[v]) for v in range(n)) < 1e-12
    print("cross-check: personalised PageRank, core numbers and betweenness agree", file=sys.stderr)


if __name__ == "__main__":
    main()
