/**
 * Maximum-weight assignment of rows to columns, each used at most once,
 * every row assigned (give a row a zero-weight column of its own to let it
 * go unassigned). The Hungarian method with shortest augmenting paths
 * (Jonker-Volgenant style), O(rows^2 x columns), and its dual potentials.
 */

export type AssignmentResult = {
  /** Per row, its column (or -1 when the row has no allowed column). */
  readonly column: Int32Array;
  readonly value: number;
  /**
   * Dual prices of the rows for the maximisation: rowPrice[i] + colPrice[j] >= weight(i, j)
   * on every allowed pair, with equality on the chosen ones.
   */
  readonly rowPrice: Float64Array;
};

/** Marks a pair that is not allowed in a weight matrix. */
export const FORBIDDEN = Number.NEGATIVE_INFINITY;

/**
 * `weights` holds rows x columns entries, row by row: the weight of each pair,
 * FORBIDDEN for pairs not allowed. `columns` must be at least `rows`, and every
 * row must have an allowed column.
 */
export function maxAssignment(rows: number, columns: number, weights: Float64Array): AssignmentResult {
  const INF = Number.POSITIVE_INFINITY;
  const BIG = 1e12;
  // Minimise cost = -weight; forbidden pairs cost BIG (never chosen when a row has an allowed column).
  const cost = new Float64Array(rows * columns);
  for (let i = 0; i < rows * columns; i++) {
    const w = weights[i]!;
    cost[i] = w === FORBIDDEN ? BIG : -w;
  }
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(columns + 1);
  const p = new Int32Array(columns + 1); // p[j]: row (1-based) assigned to column j (1-based), 0 = none
  const way = new Int32Array(columns + 1);
  const minv = new Float64Array(columns + 1);
  const used = new Uint8Array(columns + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      const row = (i0 - 1) * columns;
      for (let j = 1; j <= columns; j++) {
        if (used[j]) continue;
        const cur = cost[row + j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= columns; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const column = new Int32Array(rows).fill(-1);
  let value = 0;
  for (let j = 1; j <= columns; j++) {
    const i = p[j]!;
    if (i === 0) continue;
    const c = cost[(i - 1) * columns + j - 1]!;
    if (c >= BIG) continue;
    column[i - 1] = j - 1;
    value -= c;
  }
  const rowPrice = new Float64Array(rows);
  for (let i = 0; i < rows; i++) rowPrice[i] = -u[i + 1]!;
  return { column, value, rowPrice };
}
