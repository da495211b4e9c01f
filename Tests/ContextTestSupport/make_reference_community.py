#!/usr/bin/env python3
"""Reference values for contextd's community and cut algorithms, from networkx and python-igraph.

Generated with networkx 3.6.1 and python-igraph 1.0.0 (Python 3). To regenerate, from the
package root:

    python3 Tests/ContextTestSupport/make_reference_community.py

It rewrites Tests/ContextTestSupport/Reference/community/ (loaded by CommunityFixture.swift
through the ContextTestSupport resource bundle). The output is deterministic: every random graph,
Louvain run and igraph run has a fixed seed.

community_<name>.json, one per graph:
  name, n, edges     vertices 0..n-1 (string-named nodes numbered in networkx's node order);
                     edges as [u, v] with u <= v in networkx's edge order; a multigraph lists a
                     parallel edge once per copy, a self-loop as [v, v]
  weights            one per edge, or null for unit weights
  louvain            networkx.community.louvain_communities(G, weight, resolution, seed=1) at
                     resolutions 0.5, 1 and 2: {resolution, seed, modularity, communities}
  igraph_leiden      Graph.community_leiden(objective_function="modularity", weights,
                     resolution, beta=0.01, n_iterations=-1) after random.seed(1), at the same
                     resolutions: {resolution, modularity, communities}; the modularity is
                     networkx's, of igraph's membership
  partitions         given partitions (canonical membership: communities numbered in order of
                     their smallest vertex) with networkx.community.modularity at resolutions
                     0.5, 1 and 2: {label, membership, modularity: {"0.5", "1.0", "2.0"}}
  planted            the partition expected exactly where the structure leaves no doubt (ring of
                     cliques, barbell: every Louvain seed and igraph agree with it), else null

vertex_cuts.json, a list of seeded cases:
  name, n, edges, sources, targets, uncuttable   the graph and the vertex sets; sources and
                     targets are never cut either
  cut_size           the size of a minimum vertex cut separating every source from every
                     target using only cuttable vertices, or null if none exists
  How it is computed with networkx.minimum_node_cut: all sources are contracted into a new node
  "s" and all targets into "t" (terminals are never cut, so contracting them changes nothing);
  if "s" and "t" are then adjacent (a source adjacent to, or equal to, a target) there is no
  cut. Every other uncuttable vertex v is replaced by K copies, each joined to every neighbour
  of v (to every copy of an uncuttable neighbour), with K = 1 + the number of cuttable
  vertices: a cut through v must remove all K copies, which costs more than removing every
  cuttable vertex, so a minimum cut of size >= K means no cut of cuttable vertices exists.
  networkx.minimum_node_cut(aux, "s", "t") is then the answer (empty if no path joins them).

max_flows.json, a list of capacity networks:
  name, n, directed, arcs, capacities, source, sink   an arc list ([u, v], one per edge; an
                     undirected edge carries its capacity both ways, as networkx treats it);
                     a capacity of null means infinite (an edge without a capacity attribute)
  value              networkx.maximum_flow_value, or null if networkx raises NetworkXUnbounded

Floating-point values are rounded to 12 decimal places.
"""

import json
import os
import random

import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Reference", "community")
RESOLUTIONS = (0.5, 1.0, 2.0)


def rounded(value):
    return round(float(value), 12)


def integer_graph(graph):
    """The graph on 0..n-1 in networkx's node order, keeping weights, multi-edges and loops."""
    mapping = {node: index for index, node in enumerate(graph.nodes())}
    return nx.relabel_nodes(graph, mapping, copy=True)


def canonical(labels):
    renumber = {}
    return [renumber.setdefault(label, len(renumber)) for label in labels]


def membership_of(communities, n):
    labels = [0] * n
    for index, community in enumerate(communities):
        for v in community:
            labels[v] = index
    return canonical(labels)


def communities_of(membership):
    groups = {}
    for v, c in enumerate(membership):
        groups.setdefault(c, set()).add(v)
    return list(groups.values())


def edge_list(graph):
    edges, weights = [], []
    for u, v, w in graph.edges(data="weight", default=None):
        edges.append([min(u, v), max(u, v)])
        weights.append(w)
    weighted = any(w is not None for w in weights)
    return edges, ([float(w if w is not None else 1) for w in weights] if weighted else None)


def igraph_leiden(n, edges, weights, resolution):
    random.seed(1)
    graph = igraph.Graph(n=n, edges=[tuple(e) for e in edges])
    clustering = graph.community_leiden(
        objective_function="modularity", weights=weights, resolution=resolution, beta=0.01, n_iterations=-1
    )
    return canonical(clustering.membership)


def community_fixture(name, graph, extra_partitions=(), planted=None):
    graph = integer_graph(graph)
    n = graph.number_of_nodes()
    edges, weights = edge_list(graph)
    weight = "weight" if weights is not None else None
    louvain = []
    for resolution in RESOLUTIONS:
        found = nx.community.louvain_communities(graph, weight=weight, resolution=resolution, seed=1)
        louvain.append({
            "resolution": resolution, "seed": 1, "communities": len(found),
            "modularity": rounded(nx.community.modularity(graph, found, weight=weight, resolution=resolution)),
        })
    leiden = []
    for resolution in RESOLUTIONS:
        membership = igraph_leiden(n, edges, weights, resolution)
        found = communities_of(membership)
        leiden.append({
            "resolution": resolution, "communities": len(found),
            "modularity": rounded(nx.community.modularity(graph, found, weight=weight, resolution=resolution)),
        })
    rng = random.Random(len(name))
    given = [
        ("singletons", list(range(n))),
        ("whole", [0] * n),
        ("random_3", canonical([rng.randrange(3) for _ in range(n)])),
        ("louvain_seed_1", membership_of(nx.community.louvain_communities(graph, weight=weight, seed=1), n)),
        *extra_partitions,
    ]
    partitions = []
    for label, membership in given:
        membership = canonical(membership)
        found = communities_of(membership)
        partitions.append({
            "label": label, "membership": membership,
            "modularity": {
                str(resolution): rounded(nx.community.modularity(graph, found, weight=weight, resolution=resolution))
                for resolution in RESOLUTIONS
            },
        })
    if planted is not None:
        planted = canonical(planted)
        target = communities_of(planted)
        for seed in range(10):
            found = nx.community.louvain_communities(graph, weight=weight, seed=seed)
            assert sorted(map(sorted, found)) == sorted(map(sorted, target)), (name, seed)
        assert igraph_leiden(n, edges, weights, 1.0) == planted, name
    return {
        "name": name, "generator": f"networkx {nx.__version__}, python-igraph {igraph.__version__}",
        "n": n, "edges": edges, "weights": weights, "louvain": louvain, "igraph_leiden": leiden,
        "partitions": partitions, "planted": planted,
    }


def weighted(graph, seed, choices=(1, 2, 3, 4, 5)):
    rng = random.Random(seed)
    for u, v in graph.edges():
        graph[u][v]["weight"] = rng.choice(choices)
    return graph


def multigraph_with_loops():
    base = nx.gnm_random_graph(60, 150, seed=21)
    rng = random.Random(21)
    graph = nx.MultiGraph()
    graph.add_nodes_from(base.nodes())
    for u, v in base.edges():
        graph.add_edge(u, v, weight=rng.choice((1, 2, 0.5)))
    for u, v in rng.sample(sorted(base.edges()), 20):
        graph.add_edge(u, v, weight=rng.choice((1, 3)))
    for v in rng.sample(range(60), 8):
        graph.add_edge(v, v, weight=rng.choice((1, 2)))
    return graph


def community_graphs():
    karate = nx.karate_club_graph()
    for _, _, data in karate.edges(data=True):
        data.pop("weight", None)
    club = canonical([karate.nodes[v]["club"] for v in karate.nodes()])
    yield community_fixture("karate_club", karate, [("club", club)])
    yield community_fixture("les_miserables", nx.les_miserables_graph())
    yield community_fixture("florentine_families", nx.florentine_families_graph())
    yield community_fixture("davis_southern_women", nx.davis_southern_women_graph())
    yield community_fixture("ring_of_cliques_6_5", nx.ring_of_cliques(6, 5), planted=[v // 5 for v in range(30)])
    yield community_fixture("barbell_6_2", nx.barbell_graph(6, 2), planted=[0] * 6 + [1] * 2 + [2] * 6)
    planted = nx.planted_partition_graph(8, 25, 0.4, 0.01, seed=7)
    yield community_fixture("planted_8_25", planted, [("planted", [v // 25 for v in range(200)])])
    lfr = nx.LFR_benchmark_graph(250, 3, 1.5, 0.1, average_degree=5, min_community=20, seed=10)
    lfr.remove_edges_from(nx.selfloop_edges(lfr))
    truth = {v: min(lfr.nodes[v]["community"]) for v in lfr.nodes()}
    yield community_fixture("lfr_250", lfr, [("lfr", [truth[v] for v in lfr.nodes()])])
    yield community_fixture("gnm_300_900_seed11", nx.gnm_random_graph(300, 900, seed=11))
    yield community_fixture("gnm_200_150_seed12", nx.gnm_random_graph(200, 150, seed=12))
    yield community_fixture("gnm_150_600_seed13_weighted", weighted(nx.gnm_random_graph(150, 600, seed=13), 13))
    yield community_fixture("multigraph_loops_60", multigraph_with_loops())


# Vertex cuts ------------------------------------------------------------------------------------

def minimum_cut_size(graph, sources, targets, uncuttable):
    sources, targets = set(sources), set(targets)
    if sources & targets or any(graph.has_edge(s, t) for s in sources for t in targets):
        return None
    fixed = set(uncuttable) - sources - targets
    cuttable = [v for v in graph.nodes() if v not in fixed | sources | targets]
    copies = len(cuttable) + 1

    def names(v):
        if v in sources:
            return ["s"]
        if v in targets:
            return ["t"]
        if v in fixed:
            return [(v, i) for i in range(copies)]
        return [v]

    aux = nx.Graph()
    aux.add_nodes_from(["s", "t"])
    for v in graph.nodes():
        aux.add_nodes_from(names(v))
    for u, v in graph.edges():
        for a in names(u):
            for b in names(v):
                if a != b:
                    aux.add_edge(a, b)
    if not nx.has_path(aux, "s", "t"):
        return 0
    cut = nx.minimum_node_cut(aux, "s", "t")
    if len(cut) >= copies:
        return None
    assert all(v in cuttable for v in cut)
    return len(cut)


def cut_case(name, graph, sources, targets, uncuttable):
    graph = integer_graph(graph)
    return {
        "name": name, "n": graph.number_of_nodes(),
        "edges": sorted([min(u, v), max(u, v)] for u, v in graph.edges()),
        "sources": sorted(sources), "targets": sorted(targets), "uncuttable": sorted(uncuttable),
        "cut_size": minimum_cut_size(graph, sources, targets, uncuttable),
    }


def cut_cases():
    for seed in range(24):
        rng = random.Random(1000 + seed)
        n = rng.randrange(12, 90)
        m = int(n * rng.uniform(1.0, 3.0))
        graph = nx.gnm_random_graph(n, m, seed=seed)
        vertices = list(range(n))
        rng.shuffle(vertices)
        sources = vertices[: rng.randrange(1, 5)]
        # Mostly targets away from the sources, so that most cases have a cut to find.
        near = set(sources).union(*(graph[s] for s in sources))
        far = [v for v in vertices if v not in near]
        targets = (far if seed % 6 else vertices[len(sources) :])[: rng.randrange(1, 5)]
        rest = [v for v in vertices if v not in sources and v not in targets]
        uncuttable = [v for v in rest if rng.random() < 0.15]
        yield cut_case(f"gnm_seed{seed}", graph, sources, targets, uncuttable)
    # Hand-shaped cases: a source next to a target, an uncuttable bridge, no path at all,
    # and a ladder whose minimum cut is two rungs wide.
    yield cut_case("adjacent_terminals", nx.path_graph(4), [0, 3], [1], [])
    yield cut_case("uncuttable_bridge", nx.path_graph(5), [0], [4], [2])
    yield cut_case("no_path", nx.disjoint_union(nx.path_graph(3), nx.path_graph(3)), [0], [5], [])
    yield cut_case("ladder", nx.ladder_graph(6), [0, 6], [5, 11], [2])


# Maximum flows ----------------------------------------------------------------------------------

def flow_case(name, graph, source, sink):
    arcs, capacities = [], []
    for u, v, c in graph.edges(data="capacity", default=None):
        arcs.append([u, v])
        capacities.append(None if c is None else float(c))
    try:
        value = rounded(nx.maximum_flow_value(graph, source, sink))
    except nx.NetworkXUnbounded:
        value = None
    return {
        "name": name, "n": graph.number_of_nodes(), "directed": graph.is_directed(), "arcs": arcs,
        "capacities": capacities, "source": source, "sink": sink, "value": value,
    }


def flow_cases():
    for seed in range(6):
        rng = random.Random(2000 + seed)
        graph = nx.gnm_random_graph(40 + 10 * seed, 160 + 60 * seed, seed=seed, directed=True)
        for u, v in graph.edges():
            graph[u][v]["capacity"] = rng.randrange(1, 11)
        yield flow_case(f"directed_integer_seed{seed}", graph, 0, graph.number_of_nodes() - 1)
    for seed in range(3):
        rng = random.Random(3000 + seed)
        graph = nx.gnm_random_graph(50, 150, seed=100 + seed)
        for u, v in graph.edges():
            graph[u][v]["capacity"] = rng.randrange(1, 41) * 0.25
        yield flow_case(f"undirected_fractional_seed{seed}", graph, 0, 49)
    graph = nx.DiGraph()
    graph.add_edge(0, 1)  # no capacity: infinite
    graph.add_edge(1, 2, capacity=3)
    graph.add_edge(0, 2, capacity=1.5)
    graph.add_edge(2, 3)
    yield flow_case("infinite_arcs_bounded", graph, 0, 3)
    graph = nx.DiGraph()
    graph.add_edge(0, 1)
    graph.add_edge(1, 2)
    graph.add_edge(0, 2, capacity=2)
    yield flow_case("unbounded", graph, 0, 2)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(4))
    graph.add_edge(0, 1, capacity=5)
    graph.add_edge(2, 3, capacity=5)
    yield flow_case("disconnected", graph, 0, 3)


def write(name, value):
    text = json.dumps(value, separators=(",", ":"), sort_keys=True) + "\n"
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as handle:
        handle.write(text)
    return len(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for fixture in community_graphs():
        total += write(f"community_{fixture['name']}.json", fixture)
    total += write("vertex_cuts.json", list(cut_cases()))
    total += write("max_flows.json", list(flow_cases()))
    print(f"wrote {total} bytes of fixtures to {OUT}")


if __name__ == "__main__":
    main()
