# inputs: {"graph": {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}, "nums": [5, 2, 9, 1, 5, 6]}
import heapq
from bisect import bisect_left, insort
from collections import deque


def get_node():
    return {"name": "algorithms", "friendly_name": "algorithms", "description": "corpus program", "category": "Test", "pins": []}


def bfs(graph, start):
    seen, order, q = {start}, [], deque([start])
    while q:
        n = q.popleft()
        order.append(n)
        for m in graph[n]:
            if m not in seen:
                seen.add(m)
                q.append(m)
    return order


def topo(graph):
    indeg = {n: 0 for n in graph}
    for ns in graph.values():
        for m in ns:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = heapq.heappop(ready)
        out.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                heapq.heappush(ready, m)
    return out


def run(context):
    g = context["inputs"]["graph"]
    nums = context["inputs"]["nums"]
    s = sorted(nums)
    insort(s, 4)
    return {"outputs": {"bfs": bfs(g, "a"), "topo": topo(g), "smallest": heapq.nsmallest(3, nums),
                        "largest": heapq.nlargest(2, nums), "pos": bisect_left(s, 5), "s": s}, "error": None}
