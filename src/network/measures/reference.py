"""Reference values and timings from python-igraph and networkx for the trust-network measures (run with Debian's /usr/bin/python3).

Usage:
  reference.py check GRAPHS.json          -> JSON with every measure per graph, from igraph and from networkx
  reference.py serve GRAPHS.json          -> benchmark server for the first graph (see serve())

GRAPHS.json: {"graphs": [{"name", "n", "from": [...], "to": [...], "weight": [...], "membership": [...]?}]}
NaN (igraph closeness of a node that reaches nobody, reciprocity with no ties) is written as null.
"""
import json
import math
import random
import sys
import time

import igraph as ig
import networkx as nx


def clean(x):
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, list):
        return [clean(v) for v in x]
    return x


def load_igraph(g):
    graph = ig.Graph(n=g["n"], edges=list(zip(g["from"], g["to"])), directed=True)
    graph.es["weight"] = g["weight"]
    return graph


def load_networkx(g):
    graph = nx.DiGraph()
    graph.add_nodes_from(range(g["n"]))
    graph.add_weighted_edges_from(zip(g["from"], g["to"], g["weight"]))
    return graph


def in_centralisation(indegrees):
    """igraph_centralization_degree(mode=IN, loops=NO_LOOPS, normalized=True): Σ(max − d) / (n−1)².

    python-igraph 0.10 does not expose centralization_degree (and its C library is linked in statically,
    so it cannot be reached with ctypes); this is igraph_centralization() over the degrees divided by
    igraph_centralization_degree_tmax(), which is (n−1)² for directed in/out degree without loops."""
    n = len(indegrees)
    if n < 2:
        return None
    top = max(indegrees)
    return sum(top - d for d in indegrees) / ((n - 1) * (n - 1))


def undirected_igraph(graph):
    return graph.as_undirected(mode="collapse", combine_edges={"weight": "sum"})


def undirected_networkx(graph):
    und = nx.Graph()
    und.add_nodes_from(graph.nodes)
    for u, v, w in graph.edges(data="weight"):
        if und.has_edge(u, v):
            und[u][v]["weight"] += w
        else:
            und.add_edge(u, v, weight=w)
    return und


def igraph_measures(graph):
    und = undirected_igraph(graph)
    random.seed(20240605)  # igraph's multilevel shuffles with Python's RNG
    multilevel = und.community_multilevel(weights="weight")
    indeg = graph.indegree()
    m = graph.ecount()
    return {
        "betweenness": graph.betweenness(directed=True),
        "closeness": graph.closeness(mode="out", normalized=True),
        "pagerank": graph.pagerank(directed=True, damping=0.85, weights="weight"),
        "inStrength": graph.strength(mode="in", weights="weight", loops=False),
        "outStrength": graph.strength(mode="out", weights="weight", loops=False),
        "inDegree": indeg,
        "outDegree": graph.outdegree(),
        "density": graph.density(loops=False) if graph.vcount() >= 2 else None,
        "reciprocity": graph.reciprocity(ignore_loops=True, mode="default") if m > 0 else None,
        "inDegreeCentralisation": in_centralisation(indeg),
        "meanTrust": sum(graph.es["weight"]) / m if m > 0 else None,
        "multilevelModularity": multilevel.modularity if m > 0 else None,
        "undirected": und,
    }


def networkx_measures(graph):
    und = undirected_networkx(graph)
    m = graph.number_of_edges()
    n = graph.number_of_nodes()
    try:
        reciprocity = nx.overall_reciprocity(graph)
    except nx.NetworkXError:  # "Not defined for empty graphs"
        reciprocity = None
    bc = nx.betweenness_centrality(graph, normalized=False, weight=None)
    # networkx closeness of a directed graph uses incoming distances: reverse it for outward closeness,
    # and wf_improved=False gives r / Σd over the r reachable nodes (0 for a node that reaches nobody).
    cc = nx.closeness_centrality(graph.reverse(copy=False), wf_improved=False)
    pr = nx.pagerank(graph, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000) if n > 0 else {}
    indeg = [d for _, d in sorted(graph.in_degree())]
    out = {
        "betweenness": [bc[v] for v in range(n)],
        "closeness": [cc[v] for v in range(n)],
        "pagerank": [pr[v] for v in range(n)],
        "inStrength": [graph.in_degree(v, weight="weight") for v in range(n)],
        "outStrength": [graph.out_degree(v, weight="weight") for v in range(n)],
        "inDegree": indeg,
        "outDegree": [graph.out_degree(v) for v in range(n)],
        "density": nx.density(graph) if n >= 2 else None,
        "reciprocity": reciprocity,
        "inDegreeCentralisation": in_centralisation(indeg),
        "meanTrust": sum(w for _, _, w in graph.edges(data="weight")) / m if m > 0 else None,
        "louvainModularity": None,
        "undirected": und,
    }
    if m > 0:
        parts = nx.community.louvain_communities(und, weight="weight", seed=20240605)
        out["louvainModularity"] = nx.community.modularity(und, parts, weight="weight")
    return out


def check(path):
    with open(path) as f:
        graphs = json.load(f)["graphs"]
    results = []
    for g in graphs:
        a = igraph_measures(load_igraph(g))
        b = networkx_measures(load_networkx(g))
        membership = g.get("membership")
        if membership is not None and g["from"]:
            a["ourModularity"] = a["undirected"].modularity(membership, weights="weight")
            groups = {}
            for v, c in enumerate(membership):
                groups.setdefault(c, set()).add(v)
            b["ourModularity"] = nx.community.modularity(b["undirected"], list(groups.values()), weight="weight")
        else:
            a["ourModularity"] = b["ourModularity"] = None
        del a["undirected"], b["undirected"]
        results.append({"name": g["name"], "igraph": clean_all(a), "networkx": clean_all(b)})
    json.dump({"versions": {"igraph": ig.__version__, "networkx": nx.__version__}, "results": results}, sys.stdout)


def clean_all(d):
    return {k: clean(v) for k, v in d.items()}


def serve(path):
    """Benchmark server: loads the graph once, then for each line "igraph" or "networkx" on stdin runs that
    library's full measure set and answers with one JSON line {"wall": s, "cpu": s} (loading excluded)."""
    with open(path) as f:
        g = json.load(f)["graphs"][0]
    loaded = {}
    loaders = {"igraph": load_igraph, "networkx": load_networkx}
    measures = {"igraph": igraph_measures, "networkx": networkx_measures}
    print(json.dumps({"igraph": ig.__version__, "networkx": nx.__version__}), flush=True)
    for line in sys.stdin:
        lib = line.strip()
        if lib not in measures:
            sys.exit(f"unknown library {lib!r}")
        if lib not in loaded:
            loaded[lib] = loaders[lib](g)
        wall, cpu = time.perf_counter(), time.process_time()
        measures[lib](loaded[lib])
        print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "check":
        check(sys.argv[2])
    elif sys.argv[1] == "serve":
        serve(sys.argv[2])
    else:
        sys.exit(f"unknown mode {sys.argv[1]}")
