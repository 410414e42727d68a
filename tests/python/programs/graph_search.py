# BFS, DFS, Dijkstra and topological sort on small graphs
import heapq
from collections import deque
edges = [("a", "b", 7), ("a", "c", 9), ("a", "f", 14), ("b", "c", 10), ("b", "d", 15), ("c", "d", 11),
         ("c", "f", 2), ("d", "e", 6), ("e", "f", 9)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, []).append((u, w))
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev
dist, prev = dijkstra("a")
print(sorted(dist.items()))
path, node = [], "e"
while node != "a":
    path.append(node)
    node = prev[node]
print("->".join(["a"] + path[::-1]))
def bfs(start):
    seen = [start]
    q = deque([start])
    while q:
        u = q.popleft()
        for v, _ in sorted(graph[u]):
            if v not in seen:
                seen.append(v)
                q.append(v)
    return seen
def dfs(u, seen=None):
    seen = [] if seen is None else seen
    seen.append(u)
    for v, _ in sorted(graph[u]):
        if v not in seen:
            dfs(v, seen)
    return seen
print(bfs("a"), dfs("a"))
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": []}
def topo(d):
    order, state = [], {}
    def visit(n):
        if state.get(n) == 1:
            raise ValueError("cycle at " + n)
        if state.get(n) == 2:
            return
        state[n] = 1
        for m in d[n]:
            visit(m)
        state[n] = 2
        order.append(n)
    for n in sorted(d):
        visit(n)
    return order
print(topo(deps))
deps["core"] = ["app"]
try:
    topo(deps)
except ValueError as e:
    print("ValueError", e)
grid = ["S.#.....", ".##.###.", "....#...", ".##...#E"]
def maze():
    R, C = len(grid), len(grid[0])
    start = next((r, c) for r in range(R) for c in range(C) if grid[r][c] == "S")
    q = deque([(start, 0)])
    seen = {start}
    while q:
        (r, c), d = q.popleft()
        if grid[r][c] == "E":
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append(((nr, nc), d + 1))
print("maze distance", maze())
