/**
 * Maximum-weight assignment of rows to columns that hold several rows each
 * (a transportation problem with unit rows): every row goes to one allowed
 * column, a column takes at most its capacity. Shortest augmenting paths in
 * the Jonker-Volgenant manner over columns (settling a full column reaches
 * every row it holds), O(rows x rows x columns).
 *
 * It also returns a dual certificate: prices on rows and columns with
 * rowPrice[i] + colPrice[j] >= weight(i, j) on every allowed pair and
 * colPrice >= 0. By weak duality, sum(rowPrice) + sum(capacity x colPrice) is
 * an upper bound on every assignment, whatever the search did; the prices are
 * repaired to make that hold before they are summed, so a bound built on
 * `dualValue` stays valid even if the primal were not optimal.
 */

/** Marks a pair that is not allowed in a weight matrix. */
export const FORBIDDEN = Number.NEGATIVE_INFINITY;

export type TransportResult = {
  /** Per row, its column. */
  readonly column: Int32Array;
  /** The assignment's weight. */
  readonly value: number;
  /** The (repaired) dual prices and their bound: sum(rowPrice) + sum(capacity x colPrice) >= every assignment's weight. */
  readonly rowPrice: Float64Array;
  readonly colPrice: Float64Array;
  readonly dualValue: number;
};

/**
 * `weights` holds rows x columns entries, row by row, FORBIDDEN for pairs not
 * allowed. Every row must have an allowed column and the capacities must hold
 * every row; otherwise null.
 */
export function maxTransport(rows: number, columns: number, capacity: ArrayLike<number>, weights: Float64Array): TransportResult | null {
  const INF = Number.POSITIVE_INFINITY;
  let room = 0;
  for (let j = 0; j < columns; j++) room += capacity[j]!;
  if (room < rows) return null;
  const cost = (i: number, j: number) => {
    const w = weights[i * columns + j]!;
    return w === FORBIDDEN ? INF : -w;
  };
  const u = new Float64Array(rows);
  const v = new Float64Array(columns);
  const column = new Int32Array(rows).fill(-1);
  const holds: number[][] = Array.from({ length: columns }, () => []);
  const minv = new Float64Array(columns);
  const way = new Int32Array(columns);
  const usedCol = new Uint8Array(columns);
  const usedRow = new Uint8Array(rows);
  const rowsUsed: number[] = [];
  for (let start = 0; start < rows; start++) {
    minv.fill(INF);
    way.fill(-1);
    usedCol.fill(0);
    for (const r of rowsUsed) usedRow[r] = 0;
    rowsUsed.length = 0;
    const expand = (r: number) => {
      usedRow[r] = 1;
      rowsUsed.push(r);
      for (let j = 0; j < columns; j++) {
        if (usedCol[j]) continue;
        const c = cost(r, j);
        if (c === INF) continue;
        const cur = c - u[r]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = r;
        }
      }
    };
    expand(start);
    let end = -1;
    for (;;) {
      let delta = INF;
      let j1 = -1;
      for (let j = 0; j < columns; j++) if (!usedCol[j] && minv[j]! < delta) (delta = minv[j]!), (j1 = j);
      if (j1 < 0) return null;
      for (const r of rowsUsed) u[r]! += delta;
      for (let j = 0; j < columns; j++) {
        if (usedCol[j]) v[j]! -= delta;
        else minv[j]! -= delta;
      }
      usedCol[j1] = 1;
      if (holds[j1]!.length < capacity[j1]!) {
        end = j1;
        break;
      }
      for (const r of holds[j1]!) if (!usedRow[r]) expand(r);
    }
    // Along the path back: each row moves into the column that reached it.
    for (let j = end; ; ) {
      const r = way[j]!;
      const from = column[r]!;
      if (from >= 0) holds[from]!.splice(holds[from]!.indexOf(r), 1);
      column[r] = j;
      holds[j]!.push(r);
      if (r === start) break;
      j = from;
    }
  }
  let value = 0;
  for (let i = 0; i < rows; i++) value += weights[i * columns + column[i]!]!;
  // The certificate: column prices at least 0, row prices covering every allowed pair.
  const colPrice = Float64Array.from(v, (x) => Math.max(0, -x));
  const rowPrice = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let need = -INF;
    for (let j = 0; j < columns; j++) {
      const w = weights[i * columns + j]!;
      if (w !== FORBIDDEN && w - colPrice[j]! > need) need = w - colPrice[j]!;
    }
    rowPrice[i] = need;
  }
  let dualValue = 0;
  for (let i = 0; i < rows; i++) dualValue += rowPrice[i]!;
  for (let j = 0; j < columns; j++) dualValue += capacity[j]! * colPrice[j]!;
  return { column, value, rowPrice, colPrice, dualValue };
}
