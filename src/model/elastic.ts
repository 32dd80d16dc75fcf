/**
 * Elastic models, for when not every item fits: every item may be left out
 * (a slack column in its placed-once row), and with rule slacks the room and
 * speaker rules may give too, per room or speaker and day. Leaving an item
 * out costs more than every goal together (fewest items out first); a rule
 * giving costs one more than an item, so the diagnosis names a rule only
 * when giving on it saves leaving out two items or more. Never for schedules
 * that are written: only to find what must give.
 */
import type { Subject } from '../domain/findings.js';
import type { PackingConstraint } from './constraint.js';
import { makeRow, type MipColumn, type MipRow } from './mip.js';

export type Elasticity = 'items' | 'items-and-rules';

export type RuleSlack = {
  readonly rule: string;
  readonly subject: Subject;
  readonly column: number;
  /** The rows that give with it, for describing what a solution did. */
  readonly constraints: readonly PackingConstraint[];
};

export type ItemSlack = { readonly item: string; readonly column: number };

/**
 * Collects, while the hard rows are built, the rows an elastic model
 * relaxes; `finish` adds the slack columns' costs and the placed-once rows
 * once every other column is known.
 */
export class ElasticRows {
  private readonly once: { item: string; members: readonly number[] }[] = [];
  private readonly ruleSlack = new Map<string, { rule: string; subject: Subject; column: number; constraints: PackingConstraint[] }>();

  constructor(private readonly elasticity: Elasticity) {}

  /** The row for constraint `c` (the k-th of its rule), relaxed as the model's elasticity says; null when it waits for `finish`. */
  row(c: PackingConstraint, k: number, columns: MipColumn[]): MipRow | null {
    if (c.kind === 'exactly' && c.items?.length === 1) {
      this.once.push({ item: c.items[0]!, members: c.members });
      return null;
    }
    const terms: [number, number][] = c.members.map((i) => [i, 1]);
    if (this.elasticity === 'items-and-rules' && c.kind === 'at-most' && c.subject !== undefined) {
      const key = `${c.rule}\u0000${c.subject.kind}\u0000${c.subject.id}\u0000${c.subject.date}`;
      let s = this.ruleSlack.get(key);
      if (!s) {
        s = { rule: c.rule, subject: c.subject, column: columns.length, constraints: [] };
        this.ruleSlack.set(key, s);
        // Its cost is set in finish, once every other cost is known.
        columns.push({ name: `gives_${c.rule}_${this.ruleSlack.size}`, cost: 0, lower: 0, upper: 1, integer: true });
      }
      s.constraints.push(c);
      // Once it gives, it gives entirely: sum(x) <= 1 + (members - 1) * gives.
      terms.push([s.column, -(c.members.length - 1)]);
    }
    return makeRow(`${c.rule}_${k}`, c.kind === 'exactly' ? 1 : -Infinity, 1, terms);
  }

  /** Sets the slacks' costs above every other column's and adds the items' placed-once rows with their slack. */
  finish(columns: MipColumn[], rows: MipRow[]): { readonly slack: readonly ItemSlack[]; readonly ruleSlack: readonly RuleSlack[] } {
    const penalty = 1 + columns.reduce((n, c) => n + Math.max(0, c.cost), 0);
    for (const s of this.ruleSlack.values()) columns[s.column] = { ...columns[s.column]!, cost: penalty + 1 };
    const slack = this.once.map(({ item, members }) => {
      const column = columns.length;
      columns.push({ name: `unplaced_${item}`, cost: penalty, lower: 0, upper: 1, integer: true });
      rows.push(makeRow(`placed-once_${item}`, 1, 1, [...members.map((i) => [i, 1] as const), [column, 1] as const]));
      return { item, column };
    });
    return { slack, ruleSlack: [...this.ruleSlack.values()] };
  }
}
