/**
 * Seating one block exactly: people choose among the block's sessions they
 * marked, each person takes at most one seat, each session has so many seats,
 * and the total weight of interest seated is as large as possible. This is a
 * transportation problem; its optimum is integral (every seat a whole person).
 *
 * Solved as a maximum-weight flow S -> group -> session -> T (./flow.ts) by the
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

import { addArcTo, runPhases, ws } from './flow.js';

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

  runPhases(nodes, m, maxWeight);

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

