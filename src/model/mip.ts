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
  /** For each column of the reduced model, its index in the full one. */
  readonly kept: readonly number[];
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
    kept,
  };
}

/**
 * Tightens, and mostly drops, the rows a model has after fixing columns
 * (fixColumns) where a penalty column z is held at least at a share of one
 * group's columns, when each group's columns sum to at most one (an item's
 * placements: it is placed once):
 *
 *   z - sum(x in S) >= -1, S in one group: always holds (z >= 0): dropped;
 *   z - sum(x in S) >= 0, for several S of one group: one row
 *   z - sum(x in the union of the S) >= 0, which every integer point of the
 *   old rows keeps (at most one x of the group is 1, and z is 1 when it is
 *   in any S) and which cuts the fractional points they let through.
 *
 * They come from the pair goals' rows once one item of a pair is fixed: a
 * row per start, z >= x(a at t) + x(b meeting t) - 1, becomes z >= x(a at
 * t) where the fixed b meets t and nothing where it does not. On the example
 * event's extension (the core fixed, the lightning talks free) 11,775 rows
 * became 4,094 and HiGHS took 0.7 s instead of 2.1 s. `groupOf` gives a
 * column's group, or null for a column in none (the penalties).
 */
export function mergeGroupRows(model: MipModel, groupOf: (column: number) => string | null): MipModel {
  const merged = new Map<string, { z: number; members: Set<number> }>();
  const rows: MipRow[] = [];
  for (const r of model.rows) {
    const shape = groupRowShape(model, r, groupOf);
    if (shape === null) rows.push(r);
    else if (shape.redundant) continue;
    else {
      const key = `${shape.z}\u0000${shape.group}`;
      const entry = merged.get(key) ?? { z: shape.z, members: new Set<number>() };
      for (const i of shape.members) entry.members.add(i);
      merged.set(key, entry);
    }
  }
  for (const [key, { z, members }] of merged) {
    rows.push(makeRow(`merged_${key.replace('\u0000', '_')}`, 0, Infinity, [[z, 1], ...[...members].map((i) => [i, -1] as const)]));
  }
  return { ...model, rows };
}

/** A row z - sum(x in S) >= L with L 0 or at most -1 (redundant), z >= 0 in no group and S in one: its parts; otherwise null. */
function groupRowShape(
  model: MipModel,
  r: MipRow,
  groupOf: (column: number) => string | null,
): { z: number; group: string; members: readonly number[]; redundant: boolean } | null {
  const redundant = r.lower <= -1;
  if (r.upper !== Infinity || r.indices.length < 2 || !(redundant || Math.abs(r.lower) < 1e-9)) return null;
  let z = -1;
  let group: string | null = null;
  const members: number[] = [];
  for (let k = 0; k < r.indices.length; k++) {
    const i = r.indices[k]!;
    const v = r.values[k]!;
    const g = groupOf(i);
    if (v === 1 && g === null && z < 0) z = i;
    else if (v === -1 && g !== null && (group === null || g === group)) {
      group = g;
      members.push(i);
    } else return null;
  }
  if (z < 0 || group === null || (model.columns[z]?.lower ?? -1) < 0) return null;
  return { z, group, members, redundant };
}
