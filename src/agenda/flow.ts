/**
 * The flow engine under ./seating.ts: a residual graph in reusable typed
 * arrays (S = node 0, T = node 1, sessions from node 2), and the primal-dual
 * method on it: Dial's buckets find the cheapest augmenting distance on
 * reduced costs, then a blocking flow (Dinic) pushes everything along arcs of
 * that distance at once, phase after phase until no augmenting path costs
 * less than nothing. Costs are whole numbers (minus the weights).
 */

export const INF = 0x3fffffff;

/** Arrays reused from call to call: a search evaluates thousands of blocks. */
class Workspace {
  arcs = 0;
  head: Int32Array = new Int32Array(16);
  to: Int32Array = new Int32Array(16);
  next: Int32Array = new Int32Array(16);
  cap: Int32Array = new Int32Array(16);
  cost: Int32Array = new Int32Array(16);
  pot: Int32Array = new Int32Array(16);
  dist: Int32Array = new Int32Array(16);
  level: Int32Array = new Int32Array(16);
  iter: Int32Array = new Int32Array(16);
  queue: Int32Array = new Int32Array(16);
  bucketHead: Int32Array = new Int32Array(16);
  bucketNext: Int32Array = new Int32Array(16);
  entryNode: Int32Array = new Int32Array(16);
  path: Int32Array = new Int32Array(16);
  groupNode: Int32Array = new Int32Array(16);
  groupEdges: Int32Array = new Int32Array(16);
  pool: Int32Array = new Int32Array(16);
  edgeArc: Int32Array = new Int32Array(16);

  ensure(nodes: number, arcs: number, groups: number, edges: number, pools: number): void {
    const grow = (a: Int32Array, n: number) => (a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2)));
    this.head = grow(this.head, nodes);
    this.pot = grow(this.pot, nodes);
    this.dist = grow(this.dist, nodes);
    this.level = grow(this.level, nodes);
    this.iter = grow(this.iter, nodes);
    this.queue = grow(this.queue, nodes);
    this.path = grow(this.path, nodes + 1);
    this.to = grow(this.to, arcs);
    this.next = grow(this.next, arcs);
    this.cap = grow(this.cap, arcs);
    this.cost = grow(this.cost, arcs);
    this.groupNode = grow(this.groupNode, groups);
    this.groupEdges = grow(this.groupEdges, groups);
    this.pool = grow(this.pool, pools);
    this.edgeArc = grow(this.edgeArc, edges);
  }
}

/** The one workspace (the engine is not re-entrant: a solve runs to its end before the next). */
export const ws = new Workspace();

/**
 * Runs the phases on the graph built in `ws` (`nodes` nodes, sessions at
 * 2 .. 2 + m - 1, arc costs at least minus `maxWeight`), leaving the optimal
 * flow in the residual capacities.
 */
export function runPhases(nodes: number, m: number, maxWeight: number): void {
  const { head, next, cost, pot, dist } = ws;
  // Potentials that make every reduced cost non-negative at the start.
  pot.fill(0, 0, nodes);
  let lowest = 0;
  for (let j = 0; j < m; j++) {
    let best = 0;
    for (let a = head[2 + j]!; a !== -1; a = next[a]!) if ((a & 1) === 1 && cost[a]! > best) best = cost[a]!;
    pot[2 + j] = -best;
    if (-best < lowest) lowest = -best;
  }
  pot[1] = lowest;

  for (;;) {
    const dt = dial(nodes, maxWeight + 1, ws.arcs + nodes);
    if (dt < 0) break;
    for (let v = 0; v < nodes; v++) pot[v]! += Math.min(dist[v]!, dt);
    if (pot[1]! - pot[0]! >= 0) break;
    blockingFlows(nodes);
  }
}

/** Adds arc u -> v (capacity c, cost k) and its residual twin; returns the arc's index. */
export function addArcTo(u: number, v: number, c: number, k: number): number {
  const { head, to, next, cap, cost } = ws;
  const a = ws.arcs;
  to[a] = v;
  cap[a] = c;
  cost[a] = k;
  next[a] = head[u]!;
  head[u] = a;
  to[a + 1] = u;
  cap[a + 1] = 0;
  cost[a + 1] = -k;
  next[a + 1] = head[v]!;
  head[v] = a + 1;
  ws.arcs += 2;
  return a;
}

/**
 * Reduced distances from S with Dial's buckets (reduced costs are whole and
 * non-negative); stops once T is settled. Returns T's distance, or -1 when T
 * cannot be reached within `buckets` - 1.
 */
function dial(nodes: number, buckets: number, arcs: number): number {
  const { head, to, next, cap, cost, pot, dist, level } = ws;
  if (ws.bucketHead.length < buckets) ws.bucketHead = new Int32Array(Math.max(buckets, ws.bucketHead.length * 2));
  // Bucket entries: a node may be entered in several buckets; stale entries are skipped when taken.
  if (ws.bucketNext.length < arcs + 1) {
    ws.bucketNext = new Int32Array(Math.max(arcs + 1, ws.bucketNext.length * 2));
    ws.entryNode = new Int32Array(ws.bucketNext.length);
  }
  const bh = ws.bucketHead;
  const entryNext = ws.bucketNext;
  const entryNode = ws.entryNode;
  bh.fill(-1, 0, buckets);
  dist.fill(INF, 0, nodes);
  // `level` marks settled nodes here (the blocking flow rebuilds it anyway).
  level.fill(0, 0, nodes);
  dist[0] = 0;
  let entries = 0;
  entryNode[0] = 0;
  entryNext[0] = -1;
  bh[0] = entries++;
  for (let d = 0; d < buckets; d++) {
    while (bh[d] !== -1) {
      const e = bh[d]!;
      bh[d] = entryNext[e]!;
      const u = entryNode[e]!;
      if (level[u] === 1 || dist[u] !== d) continue;
      level[u] = 1;
      if (u === 1) return d;
      const pu = pot[u]!;
      for (let a = head[u]!; a !== -1; a = next[a]!) {
        if (cap[a]! <= 0) continue;
        const v = to[a]!;
        if (level[v] === 1) continue;
        const nd = d + cost[a]! + pu - pot[v]!;
        if (nd < dist[v]! && nd < buckets) {
          dist[v] = nd;
          entryNode[entries] = v;
          entryNext[entries] = bh[nd]!;
          bh[nd] = entries++;
        }
      }
    }
  }
  return -1;
}

/** Dinic on the arcs of reduced cost 0: everything the current distance can carry. */
function blockingFlows(nodes: number): void {
  const { head, to, next, cap, cost, pot, level, iter, queue, path } = ws;
  for (;;) {
    level.fill(-1, 0, nodes);
    level[0] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = 0;
    while (qh < qt) {
      const u = queue[qh++]!;
      // Nothing beyond T's level can be on a shortest augmenting path.
      if (level[1] !== -1 && level[u]! >= level[1]!) break;
      const pu = pot[u]!;
      for (let a = head[u]!; a !== -1; a = next[a]!) {
        const v = to[a]!;
        if (level[v] === -1 && cap[a]! > 0 && cost[a]! + pu - pot[v]! === 0) {
          level[v] = level[u]! + 1;
          queue[qt++] = v;
        }
      }
    }
    if (level[1] === -1) return;
    for (let v = 0; v < nodes; v++) iter[v] = head[v]!;
    // Augmenting paths in the level graph, found iteratively (deep paths cannot overflow the stack).
    for (;;) {
      let depth = 0;
      let u = 0;
      let pushed = 0;
      for (;;) {
        if (u === 1) {
          let f = INF;
          for (let i = 0; i < depth; i++) f = Math.min(f, cap[path[i]!]!);
          for (let i = 0; i < depth; i++) {
            cap[path[i]!]! -= f;
            cap[path[i]! ^ 1]! += f;
          }
          pushed = f;
          break;
        }
        let a = iter[u]!;
        const pu = pot[u]!;
        while (a !== -1 && !(cap[a]! > 0 && level[to[a]!] === level[u]! + 1 && cost[a]! + pu - pot[to[a]!]! === 0)) a = next[a]!;
        iter[u] = a;
        if (a === -1) {
          level[u] = -1;
          if (depth === 0) break;
          const back = path[--depth]!;
          u = to[back ^ 1]!;
          iter[u] = next[iter[u]!]!;
          continue;
        }
        path[depth++] = a;
        u = to[a]!;
      }
      if (pushed === 0) break;
    }
  }
}
