/**
 * Valid inequalities that make the theme-clash objective visible to the LP
 * relaxation. Without them the relaxation spreads every item thinly over all
 * times and proves nothing (bound 0), and the solver cannot close the gap.
 *
 * Pigeonhole: two items inside one program window of length L overlap
 * whenever their durations add up to more than L. So within a window, the
 * items of one theme that pairwise cannot fit side by side form a set S where
 * any k of them placed there make at least C(k,2) >= k - 1 clashing pairs:
 *   sum(z over pairs of S) >= sum(x of S's placements in the window) - 1.
 * Pairs without a penalty column can never meet (one room only), so at most
 * one of such a pair is in the window and the inequality still holds.
 */
import type { Assignment } from '../../domain/types.js';
import type { Context } from '../context.js';
import { makeRow, type MipRow } from '../mip.js';
import type { ThemePair } from './theme-clash.js';
import { byId } from '../../domain/compare.js';

export function forcedClashCuts(
  ctx: Context,
  placements: readonly Assignment[],
  pairs: readonly ThemePair[],
  firstPairColumn: number,
  /** Only these themes' pairs have columns (all when absent). */
  modelled?: ReadonlySet<string>,
  /** Pairs that overlap whatever the solver does (overlapColumns): no column, each a constant 1 in a cut. */
  settled: readonly ThemePair[] = [],
): readonly MipRow[] {
  const column = new Map<string, number>();
  pairs.forEach((p, k) => column.set(`${p.a.id}\u0000${p.b.id}`, firstPairColumn + k));
  const overlapping = new Set(settled.map((p) => `${p.a.id}\u0000${p.b.id}`));
  const themes = [...new Set([...ctx.items.values()].flatMap((i) => i.themes))].filter((t) => !modelled || modelled.has(t)).sort();
  const rows: MipRow[] = [];
  ctx.programWindows.forEach((w, wi) => {
    const length = w.end - w.start;
    const inside = new Map<string, number[]>();
    placements.forEach((p, i) => {
      if (p.date !== w.date || p.start < w.start || p.end > w.end) return;
      const list = inside.get(p.item);
      if (list) list.push(i);
      else inside.set(p.item, [i]);
    });
    for (const theme of themes) {
      const members = [...inside.keys()]
        .map((id) => ctx.items.get(id)!)
        .filter((item) => item.themes.includes(theme))
        .sort((a, b) => b.duration - a.duration || byId(a, b));
      const clique = members.filter((m) => 2 * m.duration > length);
      const shortest = clique[clique.length - 1];
      const extra = members.find((m) => 2 * m.duration <= length);
      if (shortest && extra && extra.duration + shortest.duration > length) clique.push(extra);
      if (clique.length < 2) continue;
      const terms: [number, number][] = [];
      let constant = 0;
      for (let x = 0; x < clique.length; x++) {
        for (let y = x + 1; y < clique.length; y++) {
          const [a, b] = [clique[x]!.id, clique[y]!.id].sort();
          const z = column.get(`${a}\u0000${b}`);
          if (z !== undefined) terms.push([z, 1]);
          else if (overlapping.has(`${a}\u0000${b}`)) constant += 1;
        }
      }
      if (terms.length === 0) continue;
      for (const item of clique) for (const i of inside.get(item.id)!) terms.push([i, -1]);
      rows.push(makeRow(`clash_cut_${wi}_${theme}`, -1 - constant, Infinity, terms));
    }
  });
  return rows;
}
