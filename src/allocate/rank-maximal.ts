/**
 * Rank-maximal matching, exactly: the matching whose profile (how many got
 * their 1st choice, then 2nd, ...) is lexicographically largest. With
 * `cardinalityFirst`, the number matched comes before the profile (used to
 * fill facilitator and note-taker slots).
 *
 * It is a min-cost flow whose costs are vectors compared lexicographically
 * (placing someone at rank r costs -e_r; Z^K ordered this way is a totally
 * ordered group, so shortest-path and successive-shortest-path theory hold
 * as for numbers, with no overflow however many people there are). People
 * enter one at a time in lottery order; each entry augments along a cheapest
 * path if that path has negative cost (SSP keeps the flow optimal after each
 * step). Paths are found on a graph of seats only, which is what makes this
 * fast with thousands of people and tens of seats:
 *
 *   seat s -> seat t  move one occupant q of s to t: cost e_rank(q,s) - e_rank(q,t)
 *                     (the cheapest such q, kept per pair of seats)
 *   seat s -> done    s has a free place: cost 0
 *   seat s -> done    drop the worst-ranked occupant of s: cost +e_rank
 *
 * h(s), the cheapest cost from s to done, is found by Bellman-Ford over the
 * seats; the optimum has no negative cycle, so h >= 0, and person p's best
 * move is min over their choices of -e_rank(p,s) + h(s). Ties go to the
 * earlier person in the lottery: a later one displaces only with a strict gain.
 */
import { maxRank, type Market, type Matching } from './market.js';

export type RankMaximalOptions = {
  /** Maximise how many are matched first, then the profile. */
  readonly cardinalityFirst?: boolean;
};

export function rankMaximal(market: Market, options: RankMaximalOptions = {}): Matching {
  const off = options.cardinalityFirst ? 1 : 0;
  const K = maxRank(market) + off;
  const m = market.seats.length;
  const n = market.people.length;
  const dim = (rank: number) => off + rank - 1;

  const seatOf = new Int32Array(n).fill(-1);
  const rankAt = new Int32Array(n);
  const occ: number[][] = market.seats.map(() => []);
  const free = Int32Array.from(market.seats, (s) => s.capacity);
  const rankIn = (q: number, t: number): number => {
    for (const c of market.choices[q] ?? []) if (c.seat === t) return c.rank;
    return 0;
  };

  // Cheapest move per (s, t) and cheapest drop per s. A newcomer to s is folded
  // in at once; a row is rebuilt only when someone it names as cheapest leaves.
  const moveQ = new Int32Array(m * m).fill(-1);
  const moveA = new Int32Array(m * m);
  const moveB = new Int32Array(m * m);
  const dropQ = new Int32Array(m).fill(-1);
  const dropA = new Int32Array(m);
  const dirty = new Set<number>();

  const consider = (s: number, q: number) => {
    const a = rankAt[q] ?? 0;
    const dq = dropQ[s] ?? -1;
    if (dq < 0 || a > (dropA[s] ?? 0) || (a === dropA[s] && q > dq)) {
      dropQ[s] = q;
      dropA[s] = a;
    }
    for (const c of market.choices[q] ?? []) {
      if (c.seat === s) continue;
      const i = s * m + c.seat;
      const cur = moveQ[i] ?? -1;
      const sign = cur < 0 ? -1 : cmpDiff(a, c.rank, moveA[i] ?? 0, moveB[i] ?? 0);
      if (sign < 0 || (sign === 0 && q > cur)) {
        moveQ[i] = q;
        moveA[i] = a;
        moveB[i] = c.rank;
      }
    }
  };
  const refreshRow = (s: number) => {
    moveQ.fill(-1, s * m, s * m + m);
    dropQ[s] = -1;
    for (const q of occ[s] ?? []) consider(s, q);
  };
  /** Whether row s names q as its cheapest drop or move. */
  const named = (s: number, q: number): boolean => {
    if (dropQ[s] === q) return true;
    for (const c of market.choices[q] ?? []) if (moveQ[s * m + c.seat] === q) return true;
    return false;
  };

  const h = new Int32Array(m * K);
  const hInf = new Uint8Array(m);
  const hNext = new Int32Array(m);
  const cand = new Int32Array(K);
  let stale = true;

  const computeH = () => {
    for (const s of dirty) refreshRow(s);
    dirty.clear();
    h.fill(0);
    for (let s = 0; s < m; s++) {
      hInf[s] = 0;
      if ((free[s] ?? 0) > 0) hNext[s] = -1;
      else if ((dropQ[s] ?? -1) >= 0) {
        hNext[s] = -2;
        if (off) h[s * K] = 1;
        h[s * K + dim(dropA[s] ?? 1)] = 1;
      } else hInf[s] = 1;
    }
    // Bellman-Ford as a queue (SPFA), relaxing backwards: when h(t) improves, every s that can move someone to t may improve.
    const queue: number[] = [];
    const queued = new Uint8Array(m);
    const updates = new Int32Array(m);
    for (let t = 0; t < m; t++) {
      if (!hInf[t]) {
        queue.push(t);
        queued[t] = 1;
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const t = queue[head] ?? 0;
      queued[t] = 0;
      for (let s = 0; s < m; s++) {
        const i = s * m + t;
        if ((moveQ[i] ?? -1) < 0) continue;
        const da = dim(moveA[i] ?? 1);
        const db = dim(moveB[i] ?? 1);
        let better = hInf[s] === 1;
        if (!better) {
          for (let k = 0; k < K; k++) {
            const v = (h[t * K + k] ?? 0) + Number(k === da) - Number(k === db);
            const w = h[s * K + k] ?? 0;
            if (v !== w) {
              better = v < w;
              break;
            }
          }
        }
        if (!better) continue;
        for (let k = 0; k < K; k++) h[s * K + k] = (h[t * K + k] ?? 0) + Number(k === da) - Number(k === db);
        hInf[s] = 0;
        hNext[s] = t;
        updates[s] = (updates[s] ?? 0) + 1;
        if ((updates[s] ?? 0) > m + 1) throw new Error('rank-maximal: negative cycle (a bug)');
        if (!queued[s]) {
          queue.push(s);
          queued[s] = 1;
        }
      }
    }
    stale = false;
  };

  const place = (q: number, s: number, rank: number) => {
    seatOf[q] = s;
    rankAt[q] = rank;
    occ[s]?.push(q);
    if (!dirty.has(s)) consider(s, q);
  };
  const remove = (q: number, s: number) => {
    const list = occ[s] ?? [];
    const i = list.indexOf(q);
    list[i] = list[list.length - 1] ?? q;
    list.pop();
    seatOf[q] = -1;
    if (!dirty.has(s) && named(s, q)) dirty.add(s);
  };

  const best = new Int32Array(K);
  const zero = new Int32Array(K);
  for (let p = 0; p < n; p++) {
    const choices = market.choices[p] ?? [];
    if (choices.length === 0) continue;
    const top = choices[0]?.rank ?? 1;
    const easy = choices.find((c) => c.rank === top && (free[c.seat] ?? 0) > 0);
    if (easy) {
      // Cost -e_top with h >= 0 everywhere: nothing can beat it.
      place(p, easy.seat, easy.rank);
      free[easy.seat] = (free[easy.seat] ?? 0) - 1;
      stale = true;
      continue;
    }
    if (stale) computeH();
    let chosen = -1;
    let chosenRank = 0;
    for (const c of choices) {
      if (hInf[c.seat]) continue;
      for (let k = 0; k < K; k++) cand[k] = h[c.seat * K + k] ?? 0;
      if (off) bump(cand, 0, -1);
      bump(cand, dim(c.rank), -1);
      if (chosen < 0 || cmpVec(cand, best, 0, K) < 0) {
        best.set(cand);
        chosen = c.seat;
        chosenRank = c.rank;
      }
    }
    if (chosen < 0 || cmpVec(best, zero, 0, K) >= 0) continue;
    // Read the whole path before changing anything: placing someone updates the tables it is read from.
    const moves: { q: number; from: number; to: number; rank: number }[] = [];
    let end = chosen;
    for (let steps = 0; ; steps++) {
      if (steps > m) throw new Error('rank-maximal: path does not end (a bug)');
      const next = hNext[end] ?? -1;
      if (next < 0) break;
      const i = end * m + next;
      moves.push({ q: moveQ[i] ?? -1, from: end, to: next, rank: moveB[i] ?? 0 });
      end = next;
    }
    const dropped = hNext[end] === -2 ? (dropQ[end] ?? -1) : -1;
    place(p, chosen, chosenRank);
    for (const { q, from, to, rank } of moves) {
      remove(q, from);
      place(q, to, rank);
    }
    if (dropped >= 0) remove(dropped, end);
    else free[end] = (free[end] ?? 0) - 1;
    stale = true;
  }
  return Array.from(seatOf);
}

/** Lexicographic comparison of a (length K) with b[from .. from+K). */
function cmpVec(a: Int32Array, b: Int32Array, from: number, K: number): number {
  for (let k = 0; k < K; k++) {
    const d = (a[k] ?? 0) - (b[from + k] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Compares e_a1 - e_b1 with e_a2 - e_b2 lexicographically (ranks as
 * indices): the sign of the difference at the smallest index where it is
 * not zero. Written out without arrays: it runs millions of times.
 */
function cmpDiff(a1: number, b1: number, a2: number, b2: number): number {
  let at = Infinity;
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const i = k === 0 ? a1 : k === 1 ? b1 : k === 2 ? a2 : b2;
    if (i >= at) continue;
    const c = Number(i === a1) - Number(i === b1) - Number(i === a2) + Number(i === b2);
    if (c !== 0) {
      at = i;
      sign = c < 0 ? -1 : 1;
    }
  }
  return sign;
}

function bump(v: Int32Array, i: number, d: number): void {
  v[i] = (v[i] ?? 0) + d;
}
