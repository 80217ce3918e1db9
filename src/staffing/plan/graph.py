"""The org graph of one plan: the town's Party committee and government at the root,
bodies (possibly under other bodies), sub-units, the support centre and dispatched units.

Node ids are stable strings (``town``, ``body:3``, ``sub:3:1``, ``centre``,
``inst:0``, ``dispatched:2``); each node carries ``kind``, ``name`` and ``loc`` (the
path of its entry in the plan's data), each edge a ``relation``.

The graph is a small directed graph of plain dicts (`Digraph`), not networkx: a one-file
check would otherwise spend ~0.15-0.3 s importing networkx, and building and walking an
org graph of a few dozen nodes in dicts costs a fraction of networkx's.  networkx is
imported only to list cycles, once the linear walk up the parents has found that there is
one (a broken plan), on a networkx copy made with the same node and edge order, so its
cycles are the ones it would have found on a graph built with it directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from staffing.plan.model import Plan
from staffing.plan.names import normalize, split_second_name, strip_town

ROOT = "town"


class _Nodes(dict[str, dict[str, Any]]):
    """Node -> its attributes; `nodes(data=True)` lists (node, attributes) as networkx does."""

    def __call__(self, data: bool = False) -> Any:
        return list(self.items()) if data else list(self)


class Digraph:
    """The part of networkx's DiGraph an org graph uses, in insertion order like it."""

    def __init__(self) -> None:
        self.nodes = _Nodes()
        self.succ: dict[str, dict[str, dict[str, Any]]] = {}
        self.pred: dict[str, dict[str, dict[str, Any]]] = {}
        self._edges: list[tuple[str, str, dict[str, Any]]] = []

    def add_node(self, node: str, **attrs: Any) -> None:
        nodes = self.nodes
        if node in nodes:
            nodes[node].update(attrs)
        else:  # `attrs` is this call's own dict: kept as the node's
            nodes[node] = attrs
            self.succ[node] = {}
            self.pred[node] = {}

    def add_edge(self, u: str, v: str, **attrs: Any) -> None:
        if u not in self.nodes:
            self.add_node(u)
        if v not in self.nodes:
            self.add_node(v)
        self.succ[u][v] = self.pred[v][u] = attrs
        self._edges.append((u, v, attrs))

    def add_child(self, parent: str, node: str, edge: dict[str, Any], **attrs: Any) -> None:
        """A new node with its attributes, and the edge (with `edge`'s attributes) to it from
        `parent`, a node already: `add_node` and `add_edge` in one call, for the units that
        hang from a body or the town (a plan has a few dozen)."""
        self.nodes[node] = attrs
        self.succ[node] = {}
        self.pred[node] = {parent: edge}
        self.succ[parent][node] = edge
        self._edges.append((parent, node, edge))

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def successors(self, node: str) -> Iterator[str]:
        return iter(self.succ[node])

    def descendants(self, node: str) -> set[str]:
        """Every node reachable from `node`, without it (as nx.descendants)."""
        seen: set[str] = set()
        todo = [node]
        while todo:
            for nxt in self.succ[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        seen.discard(node)
        return seen

    def to_networkx(self) -> Any:
        import networkx as nx

        g = nx.DiGraph()
        g.add_nodes_from(self.nodes.items())
        g.add_edges_from(self._edges)
        return g


@dataclass
class OrgGraph:
    graph: Digraph
    unknown_parents: list[tuple[int, str]] = field(default_factory=list)
    # body -> the body it sits under, as build_graph added them (None: not known, e.g. a
    # graph made elsewhere; then the parents are read from the graph)
    body_parents: dict[str, str] | None = None

    def bodies_under_town(self) -> list[int]:
        """Indexes of bodies directly under the town (the ones that count)."""
        return list(self._top)

    @cached_property
    def _top(self) -> tuple[int, ...]:
        return tuple(sorted(
            self.graph.nodes[n]["index"]
            for n in self.graph.successors(ROOT)
            if self.graph.nodes[n]["kind"] == "body"
        ))

    @cached_property
    def reachable(self) -> frozenset[str]:
        """Every node the town reaches (`Digraph.descendants` of the root), the root left out."""
        return frozenset(self.graph.descendants(ROOT))

    def cycles(self) -> list[list[str]]:
        if not self._may_have_cycle():
            return []
        import networkx as nx

        return [c for c in nx.simple_cycles(self.graph.to_networkx())]

    def _may_have_cycle(self) -> bool:
        """False only when the graph certainly has no cycle (then networkx's general
        search, a third of all checking time, is skipped).  Each node of an org graph has
        at most one incoming edge (a body's one parent); in such a graph a cycle is a walk
        up the parents that comes back to where it started, found in linear time.  Any
        node with two incoming edges: True, and networkx decides.  From build_graph the
        parents are `body_parents`: the town has no incoming edge and sub-units, the
        centre, institutions and dispatched units no outgoing one, so only body-to-body
        edges can close a cycle."""
        parent = self.body_parents
        if parent is None:
            parent = {}
            for child, preds in self.graph.pred.items():
                if len(preds) > 1:
                    return True
                for p in preds:
                    parent[child] = p
        done: set[str] = set()
        for start in parent:
            path: set[str] = set()
            node: str | None = start
            while node is not None and node not in done:
                if node in path:
                    return True
                path.add(node)
                node = parent.get(node)
            done |= path
        return False

    def parent_of(self, i: int) -> int | str | None:
        """Where body `i` sits: None directly under the town, the index of the body it sits
        under, or its `parent` as written when that names no other body (none by that
        name, or the body itself)."""
        node = f"body:{i}"
        above = list(self.graph.pred[node])
        if ROOT in above:
            return None
        for p in above:
            if p != node and self.graph.nodes[p]["kind"] == "body":
                return int(self.graph.nodes[p]["index"])
        return str(self.graph.nodes[node]["parent"])

    def parent_index(self, i: int) -> int | None:
        """The index of the body that body `i` sits under; None under the town, or where its
        `parent` names no other body (`parent_of` says which)."""
        if self.body_parents is None:
            above = self.parent_of(i)
            return above if isinstance(above, int) else None
        node = self.body_parents.get(f"body:{i}")
        return int(node[5:]) if node is not None and node != f"body:{i}" else None

    def unreachable(self) -> list[str]:
        reachable = self.reachable
        return sorted(n for n in self.graph.nodes if n not in reachable and n != ROOT)


def _every_name(plan: Plan, by_name: dict[str, str]) -> dict[str, str]:
    """Every name a parent may be written by: a body's own name first (`by_name`), then its
    first name where it carries its nameplate in brackets (党政办公室（人大办公室）), and each with
    or without the town's in front.  Made only for a parent its own name does not find."""
    town = plan.town.name
    everyone = dict(by_name)
    for i, body in enumerate(plan.bodies):
        for name in (split_second_name(body.name)[0], body.name):
            everyone.setdefault(strip_town(name, town), f"body:{i}")
    return everyone


def build_graph(plan: Plan) -> OrgGraph:
    g = Digraph()
    g.add_node(ROOT, kind="town", name=plan.town.name, loc=("town",), quotas=None)
    by_name: dict[str, str] = {}
    for i, body in enumerate(plan.bodies):
        node = f"body:{i}"
        g.add_node(node, kind="body", index=i, name=body.name, loc=("bodies", i), quotas=body.quotas, parent=body.parent)
        by_name.setdefault(normalize(body.name), node)
    town = plan.town.name
    town_key = normalize(town)
    everyone: dict[str, str] | None = None
    unknown: list[tuple[int, str]] = []
    parents: dict[str, str] = {}  # the only edges that can close a cycle: body -> body
    for i, body in enumerate(plan.bodies):
        node = f"body:{i}"
        if body.parent is None or normalize(body.parent) == town_key:
            g.add_edge(ROOT, node, relation="leads")
            continue
        parent = by_name.get(normalize(body.parent))
        if parent is None:
            if everyone is None:
                everyone = _every_name(plan, by_name)
            parent = everyone.get(normalize(body.parent)) or everyone.get(strip_town(body.parent, town))
        if parent is None:
            unknown.append((i, body.parent))
            continue
        g.add_edge(parent, node, relation="contains")
        parents[node] = parent
    for i, body in enumerate(plan.bodies):
        for j, sub in enumerate(body.subunits):
            g.add_child(f"body:{i}", f"sub:{i}:{j}", {"relation": "contains"}, kind="subunit", index=j, name=sub.name,
                        loc=("bodies", i, "subunits", j), quotas=sub.quotas)
    if plan.support_center is not None:
        c = plan.support_center
        g.add_child(ROOT, "centre", {"relation": "leads"}, kind="centre", name=c.name, loc=("support_center",),
                    quotas=c.quotas)
    for i, inst in enumerate(plan.support_institutions):
        g.add_child(ROOT, f"inst:{i}", {"relation": "leads"}, kind="institution", index=i, name=inst.name,
                    loc=("support_institutions", i), quotas=inst.quotas)
    for i, unit in enumerate(plan.dispatched_units):
        g.add_child(ROOT, f"dispatched:{i}", {"relation": unit.management, "department": unit.parent_department},
                    kind="dispatched", index=i, name=unit.name, loc=("dispatched_units", i), quotas=unit.quotas)
    return OrgGraph(g, unknown, parents)
