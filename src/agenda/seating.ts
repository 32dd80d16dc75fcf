/**
 * Seating one block exactly: people choose among the block's sessions they
 * marked, each person takes at most one seat, each session has so many seats,
 * and the total weight of interest seated is as large as possible. This is a
 * transportation problem; its optimum is integral (every seat a whole person).
 *
 * Solved as a maximum-weight flow S -> group -> session -> T by the
 * primal-dual method: a shortest-path search on reduced costs finds the
 * cheapest augmenting distance, then a blocking flow (Dinic) pushes everything
 * along arcs of that distance at once. Weights are whole numbers and the
 * distance rises by at least one per phase, starting at minus the largest
 * weight, so there are at most (largest weight) phases, and each search needs
 * only that many buckets (Dial's algorithm) and stops at T.
 *
 * People who marked exactly one of the block's sessions compete only for its
 * seats: groups with one edge are pooled per (session, weight) before solving,
 * unless the caller asks for the flow on every edge.
 */

/** One block's seating problem, by index. `edges` are (group, session, weight) triples, weights whole and above 0. */
export type SeatingProblem = {
  /** People per group (groups busy in this block simply have no edges). */
  readonly groupCount: ArrayLike<number>;
  /** Seats per session. */
  readonly seats: ArrayLike<number>;
  readonly edgeGroup: ArrayLike<number>;
  readonly edgeSession: ArrayLike<number>;
  readonly edgeWeight: ArrayLike<number>;
  readonly edges: number;
};

export type Seating = {
  /** Total weight seated. */
  readonly value: number;
  /** People seated along each edge, in the order of the problem's edges (only when asked for). */
  readonly flow: Int32Array | null;
};

const INF = 0x3fffffff;

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

const ws = new Workspace();

/**
 * The best seating of one block. Pure: the result depends on the problem
 * alone. With `detail`, the flow on every edge is returned too (no pooling).
 */
export function seatBlock(problem: SeatingProblem, detail = false): Seating {
  const m = problem.seats.length;
  const E = problem.edges;
  let maxWeight = 0;
  for (let k = 0; k < E; k++) if (problem.edgeWeight[k]! > maxWeight) maxWeight = problem.edgeWeight[k]!;
  const pools = detail ? 0 : m * (maxWeight + 1);
  ws.ensure(2 + m + E + pools, 2 * (2 * E + m + pools) + 2, problem.groupCount.length, E, pools);
  const { head, to, next, cap, cost, groupNode, groupEdges, pool, edgeArc } = ws;

  // Which groups have an edge to a session with seats, and how many.
  for (let k = 0; k < E; k++) {
    groupEdges[problem.edgeGroup[k]!] = 0;
    groupNode[problem.edgeGroup[k]!] = -1;
  }
  for (let k = 0; k < E; k++) if ((problem.seats[problem.edgeSession[k]!] ?? 0) > 0) groupEdges[problem.edgeGroup[k]!]!++;
  if (!detail) pool.fill(-1, 0, pools);

  let nodes = 2 + m;
  head.fill(-1, 0, 2 + m + E + pools);
  ws.arcs = 0;
  const addArc = addArcTo;
  for (let j = 0; j < m; j++) if ((problem.seats[j] ?? 0) > 0) addArc(2 + j, 1, problem.seats[j]!, 0);
  for (let k = 0; k < E; k++) {
    edgeArc[k] = -1;
    const g = problem.edgeGroup[k]!;
    const j = problem.edgeSession[k]!;
    const n = problem.groupCount[g] ?? 0;
    if ((problem.seats[j] ?? 0) <= 0 || n <= 0) continue;
    const w = problem.edgeWeight[k]!;
    if (!detail && groupEdges[g] === 1) {
      // Pooled: everyone who wants only this session, at this weight.
      const slot = j * (maxWeight + 1) + w;
      let a = pool[slot]!;
      if (a < 0) {
        const node = nodes++;
        a = pool[slot] = addArc(0, node, 0, 0);
        addArc(node, 2 + j, 0, -w);
      }
      // S -> pool and pool -> session were made one after the other: arcs a and a + 2.
      cap[a]! += n;
      cap[a + 2]! += n;
      continue;
    }
    let node = groupNode[g]!;
    if (node < 0) {
      node = groupNode[g] = nodes++;
      addArc(0, node, n, 0);
    }
    edgeArc[k] = addArc(node, 2 + j, n, -w);
  }

  // Potentials that make every reduced cost non-negative at the start.
  const { pot, dist } = ws;
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

  let value = 0;
  // Seated weight: the flow on every group -> session arc (pooled or not).
  for (let v = 2 + m; v < nodes; v++) {
    for (let a = head[v]!; a !== -1; a = next[a]!) {
      if ((a & 1) === 0 && to[a]! >= 2 && to[a]! < 2 + m) value += cap[a + 1]! * -cost[a]!;
    }
  }
  let flow: Int32Array | null = null;
  if (detail) {
    flow = new Int32Array(E);
    for (let k = 0; k < E; k++) if (edgeArc[k]! >= 0) flow[k] = cap[edgeArc[k]! + 1]!;
  }
  return { value, flow };
}

/** Adds arc u -> v (capacity c, cost k) and its residual twin; returns the arc's index. */
function addArcTo(u: number, v: number, c: number, k: number): number {
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
