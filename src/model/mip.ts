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

/** A model with some columns fixed and taken out, and the way back to the full column space. */
export type ReducedModel = {
  readonly mip: MipModel;
  /** The full model's values from the reduced model's: fixed columns at their values. */
  expand(values: ArrayLike<number>): Float64Array;
};

/**
 * Takes out the columns `fixedAt` gives a value for: their part moves into
 * the row bounds and the objective's offset, and rows left without a free
 * column are dropped when the fixed values satisfy them (an unsatisfied one
 * stays, empty, so the reduced model is infeasible as the full one is).
 * Solvers' presolve does the same, but slowly on a large model where most
 * columns are fixed.
 */
export function fixColumns(model: MipModel, fixedAt: (column: number) => number | null): ReducedModel {
  const n = model.columns.length;
  const fixed = new Float64Array(n);
  const isFixed = new Uint8Array(n);
  const newIndex = new Int32Array(n).fill(-1);
  const kept: number[] = [];
  let offset = model.offset ?? 0;
  model.columns.forEach((c, i) => {
    const v = fixedAt(i);
    if (v === null) {
      newIndex[i] = kept.length;
      kept.push(i);
    } else {
      isFixed[i] = 1;
      fixed[i] = v;
      offset += c.cost * v;
    }
  });
  const rows: MipRow[] = [];
  for (const r of model.rows) {
    let constant = 0;
    const indices: number[] = [];
    const values: number[] = [];
    r.indices.forEach((i, k) => {
      if (isFixed[i]) constant += r.values[k]! * fixed[i]!;
      else {
        indices.push(newIndex[i]!);
        values.push(r.values[k]!);
      }
    });
    const lower = r.lower - constant;
    const upper = r.upper - constant;
    if (indices.length === 0 && lower <= 1e-9 && upper >= -1e-9) continue;
    rows.push({ name: r.name, lower, upper, indices, values });
  }
  return {
    mip: { columns: kept.map((i) => model.columns[i]!), rows, offset, integralObjective: model.integralObjective },
    expand: (values) => {
      const out = Float64Array.from(fixed);
      kept.forEach((i, k) => (out[i] = values[k] ?? 0));
      return out;
    },
  };
}
