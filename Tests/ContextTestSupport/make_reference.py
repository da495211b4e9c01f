#!/usr/bin/env python3
"""Reference values for contextd's graph algorithms, computed with networkx.

Generated with networkx 3.6.1 (Python 3). To regenerate, from the package root:

    python3 Tests/ContextTestSupport/make_reference.py

It rewrites one JSON file per graph in Tests/ContextTestSupport/Reference/ (loaded by
ReferenceFixture.swift through the ContextTestSupport resource bundle). The output is
deterministic: the random graphs use fixed seeds, and every list is in vertex order.

Each fixture holds:
  name, n, edges           the graph: vertices 0..n-1 (string-named nodes are numbered in
                           networkx's node order), edges as [u, v] with u <= v, sorted
  components               canonical membership vector: components numbered in order of their
                           smallest vertex (connected_components)
  articulation_points      sorted (articulation_points)
  bridges                  sorted [u, v] pairs with u < v (bridges)
  core_number              per vertex (core_number)
  betweenness              per vertex, normalized, endpoints excluded (betweenness_centrality)
  closeness                per vertex, Wasserman-Faust improved formula, networkx's default
                           (closeness_centrality)
  pagerank                 per vertex, alpha 0.85, unweighted, tol 1e-12 (pagerank)
  degree                   per vertex (a self-loop would count twice; these graphs have none)
All values above are unweighted: the 'weight' attributes of karate club and Les Miserables are
ignored. The weighted and sampled variants below use synthetic, deterministic weights instead:
  weights                  per edge, in the order of 'edges': 1 + (i * 7919 % 5) for edge i
  weighted_degree          per vertex, sum of incident weights (degree(weight="weight"))
  pagerank_weighted        pagerank with weight="weight", alpha 0.85, tol 1e-12
  personalized_pagerank    pagerank, unweighted, personalization {0: 1, n-1: 1} (so dangling
                           vertices also restart at 0 and n-1), alpha 0.85, tol 1e-12
  betweenness_weighted     normalized betweenness_centrality with weight="distance", where each
                           edge's distance is 1 / weight (Dijkstra; lengths, not strengths)
  betweenness_unnormalized betweenness_centrality(normalized=False), unweighted
  betweenness_sample_sources, betweenness_sampled
                           betweenness_centrality(k=K, seed=42), normalized, unweighted, with
                           K = max(2, n // 4); the sources are random.Random(42).sample(nodes, K),
                           which is what networkx draws for an integer seed (the Swift test checks
                           the values computed from these sources, so a mismatch would show)
Floating-point values are rounded to 12 decimal places.
"""

import json
import os
import random

import networkx as nx
from networkx.algorithms import bipartite

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Reference")


def integer_graph(graph):
    """A simple undirected graph on 0..n-1, in networkx's node order, without attributes."""
    mapping = {node: index for index, node in enumerate(graph.nodes())}
    result = nx.Graph()
    result.add_nodes_from(range(len(mapping)))
    result.add_edges_from((mapping[u], mapping[v]) for u, v in graph.edges())
    return result


def canonical_components(graph):
    membership = [-1] * graph.number_of_nodes()
    label = 0
    for vertex in range(graph.number_of_nodes()):
        if membership[vertex] != -1:
            continue
        for member in nx.node_connected_component(graph, vertex):
            membership[member] = label
        label += 1
    return membership


def rounded(values):
    return [round(float(value), 12) for value in values]


def fixture(name, graph):
    graph = integer_graph(graph)
    n = graph.number_of_nodes()
    order = range(n)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    closeness = nx.closeness_centrality(graph)
    pagerank = nx.pagerank(graph, alpha=0.85, weight=None, tol=1e-12, max_iter=10_000)
    cores = nx.core_number(graph)
    m = graph.number_of_edges()
    edges = sorted([min(u, v), max(u, v)] for u, v in graph.edges())
    weights = [1 + (i * 7919 % 5) for i in range(m)]
    weighted = nx.Graph()
    weighted.add_nodes_from(order)
    for (u, v), w in zip(edges, weights):
        weighted.add_edge(u, v, weight=w, distance=1 / w)
    pagerank_weighted = nx.pagerank(weighted, alpha=0.85, weight="weight", tol=1e-12, max_iter=10_000)
    personalization = {0: 1, n - 1: 1}
    personalized = nx.pagerank(
        graph, alpha=0.85, weight=None, personalization=personalization, tol=1e-12, max_iter=10_000
    )
    betweenness_weighted = nx.betweenness_centrality(weighted, normalized=True, weight="distance")
    betweenness_unnormalized = nx.betweenness_centrality(graph, normalized=False)
    k = max(2, n // 4)
    sample_sources = random.Random(42).sample(list(graph.nodes()), k)
    betweenness_sampled = nx.betweenness_centrality(graph, k=k, normalized=True, seed=42)
    return {
        "name": name,
        "generator": "networkx " + nx.__version__,
        "n": n,
        "edges": sorted([min(u, v), max(u, v)] for u, v in graph.edges()),
        "components": canonical_components(graph),
        "articulation_points": sorted(nx.articulation_points(graph)),
        "bridges": sorted([min(u, v), max(u, v)] for u, v in nx.bridges(graph)),
        "core_number": [cores[v] for v in order],
        "betweenness": rounded(betweenness[v] for v in order),
        "closeness": rounded(closeness[v] for v in order),
        "pagerank": rounded(pagerank[v] for v in order),
        "degree": [graph.degree(v) for v in order],
        "weights": weights,
        "weighted_degree": [weighted.degree(v, weight="weight") for v in order],
        "pagerank_weighted": rounded(pagerank_weighted[v] for v in order),
        "personalized_pagerank": rounded(personalized[v] for v in order),
        "betweenness_weighted": rounded(betweenness_weighted[v] for v in order),
        "betweenness_unnormalized": rounded(betweenness_unnormalized[v] for v in order),
        "betweenness_sample_sources": sample_sources,
        "betweenness_sampled": rounded(betweenness_sampled[v] for v in order),
    }


def davis_southern_women():
    graph = nx.davis_southern_women_graph()
    women = [node for node, side in graph.nodes(data="bipartite") if side == 0]
    assert bipartite.is_bipartite_node_set(graph, women)
    return graph


def with_isolated(graph, extra):
    graph = nx.Graph(graph)
    start = graph.number_of_nodes()
    graph.add_nodes_from(range(start, start + extra))
    return graph


def graphs():
    yield "karate_club", nx.karate_club_graph()
    yield "les_miserables", nx.les_miserables_graph()
    yield "florentine_families", nx.florentine_families_graph()
    yield "davis_southern_women", davis_southern_women()
    yield "petersen", nx.petersen_graph()
    yield "barbell_5_2", nx.barbell_graph(5, 2)
    yield "ring_of_cliques_4_5", nx.ring_of_cliques(4, 5)
    yield "disconnected_union", nx.disjoint_union_all(
        [
            nx.petersen_graph(),
            nx.barbell_graph(4, 1),
            integer_graph(nx.florentine_families_graph()),
            nx.path_graph(5),
            nx.empty_graph(3),
        ]
    )
    yield "gnm_60_30_seed1", nx.gnm_random_graph(60, 30, seed=1)
    yield "gnm_120_100_seed2", nx.gnm_random_graph(120, 100, seed=2)
    yield "gnm_200_400_seed3", nx.gnm_random_graph(200, 400, seed=3)
    yield "gnm_300_280_seed4", nx.gnm_random_graph(300, 280, seed=4)
    yield "gnm_400_1200_seed5", nx.gnm_random_graph(400, 1200, seed=5)
    yield "gnm_40_35_seed6_isolated", with_isolated(nx.gnm_random_graph(40, 35, seed=6), 8)


def main():
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for name, graph in graphs():
        text = json.dumps(fixture(name, graph), separators=(",", ":"), sort_keys=True) + "\n"
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as handle:
            handle.write(text)
        total += len(text)
    print(f"wrote {total} bytes of fixtures to {OUT}")


if __name__ == "__main__":
    main()
