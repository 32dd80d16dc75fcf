/**
 * A plain mixed-integer program, independent of any solver package: minimise
 * sum(cost * x) subject to lower <= row <= upper. The solve module turns it into
 * whatever its backend reads.
 */
export type MipColumn = {
  readonly name: string;
  readonly cost: number;
  readonly lower: number;
  readonly upper: number;
  readonly integer: boolean;
};

export type MipRow = {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  /** Column indices, strictly increasing. */
  readonly indices: readonly number[];
  readonly values: readonly number[];
};

export type MipModel = {
  readonly columns: readonly MipColumn[];
  readonly rows: readonly MipRow[];
  /** A constant added to the objective (so the solver's figures match convene's own scoring). */
  readonly offset?: number;
  /** True when every feasible objective value is a whole number, so a gap below 1 proves optimality. */
  readonly integralObjective: boolean;
};

export function modelSize(m: MipModel): { variables: number; rows: number; nonzeros: number } {
  return {
    variables: m.columns.length,
    rows: m.rows.length,
    nonzeros: m.rows.reduce((n, r) => n + r.indices.length, 0),
  };
}

/** Sorts a row's terms by column, merging repeats. */
export function makeRow(name: string, lower: number, upper: number, terms: readonly (readonly [number, number])[]): MipRow {
  const merged = new Map<number, number>();
  for (const [i, v] of terms) merged.set(i, (merged.get(i) ?? 0) + v);
  const indices = [...merged.keys()].filter((i) => merged.get(i) !== 0).sort((a, b) => a - b);
  return { name, lower, upper, indices, values: indices.map((i) => merged.get(i)!) };
}
