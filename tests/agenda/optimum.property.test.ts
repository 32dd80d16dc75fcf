/**
 * On small random days, the agenda `convene agenda` returns meets exactly as
 * much interest as the best agenda found by trying every one (hard rules and
 * seating worked out here, independently of src/agenda), every bound it
 * reports is at least that optimum, the independent checker passes it, and
 * no left-out proposal would meet more interest in any slot.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { AgendaInput, Interest, Proposal } from '../../src/domain/agenda.js';
import { runAgenda } from '../../src/agenda/agenda.js';
import { checkAgenda } from '../../src/agenda/check.js';
import { buildInstance } from '../../src/agenda/instance.js';
import { lagrangeBound } from '../../src/agenda/lagrange.js';
import { pricedBound } from '../../src/agenda/patterns.js';
import { solve } from '../../src/solve/index.js';
import { agendaInput, block, options, proposal, space } from './helpers.js';

const caseArb = fc.record({
  blocks: fc.integer({ min: 1, max: 3 }),
  spaces: fc.array(fc.record({ capacity: fc.integer({ min: 3, max: 6 }), onlyFirst: fc.boolean() }), { minLength: 1, maxLength: 2 }),
  proposals: fc.array(
    fc.record({ proposers: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 2 }), minSize: fc.constantFrom(0, 0, 0, 5), pin: fc.constantFrom(-1, -1, -1, -1, 0) }),
    { minLength: 2, maxLength: 5 },
  ),
  conflict: fc.option(fc.tuple(fc.nat(4), fc.nat(4)), { nil: undefined }),
  people: fc.array(fc.uniqueArray(fc.tuple(fc.nat(4), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3, selector: (m) => m[0] }), { minLength: 2, maxLength: 6 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(c: Case): AgendaInput {
  const blocks = Array.from({ length: c.blocks }, (_, i) => block(String.fromCharCode(65 + i), 540 + 70 * i));
  const spaces = c.spaces.map((s, i) => space(`s${i}`, s.capacity, { blocks: s.onlyFirst && i > 0 ? ['A'] : null }));
  const n = c.proposals.length;
  const proposals: Proposal[] = c.proposals.map((p, i) =>
    proposal(`p${i}`, p.proposers.map((r) => `r${r}`), {
      minSize: p.minSize,
      pinBlock: p.pin === 0 && i === 0 ? 'A' : null,
      conflicts: c.conflict && c.conflict[0] === i && c.conflict[1] < n && c.conflict[1] !== i ? [`p${c.conflict[1]}`] : [],
    }),
  );
  const interest: Interest[] = [];
  c.people.forEach((marks, i) => {
    for (const [p, w] of marks) if (p < n) interest.push({ registrant: `r${i}`, proposal: `p${p}`, weight: w });
  });
  return agendaInput({ proposals, blocks, spaces, interest });
}

/** The best interest met over every agenda that keeps the rules; null when none keeps every pin. */
function exhaustive(input: AgendaInput): number | null {
  const slots = input.blocks.flatMap((b) => input.spaces.filter((s) => s.blocks === null || s.blocks.includes(b.id)).map((s) => ({ block: b.id, space: s })));
  const runners = (p: Proposal) => new Set([...p.proposers, p.facilitator, ...(p.noteTaker ? [p.noteTaker] : [])]);
  const roleSeats = (p: Proposal) => new Set([...p.proposers, p.facilitator]).size + 1;
  const marks = new Map<string, Map<string, number>>();
  for (const m of input.interest) marks.set(m.registrant, new Map([...(marks.get(m.registrant) ?? []), [m.proposal, m.weight]]));
  const people = [...marks.keys()];
  let best: number | null = null;
  const at: number[] = input.proposals.map(() => -1);
  const used = new Set<number>();
  const value = (): number | null => {
    for (const [i, p] of input.proposals.entries()) {
      const k = at[i]!;
      if (k < 0) {
        if (p.pinBlock !== null) return null;
        continue;
      }
      const slot = slots[k]!;
      if (p.pinBlock !== null && p.pinBlock !== slot.block) return null;
      if (slot.space.capacity < Math.max(p.minSize, roleSeats(p))) return null;
      for (const [j, q] of input.proposals.entries()) {
        if (j <= i || at[j]! < 0 || slots[at[j]!]!.block !== slot.block) continue;
        if ([...runners(p)].some((r) => runners(q).has(r))) return null;
        if (p.conflicts.includes(q.id) || q.conflicts.includes(p.id)) return null;
      }
    }
    let total = 0;
    for (const b of input.blocks) {
      const here = input.proposals.map((p, i) => ({ p, k: at[i]! })).filter((x) => x.k >= 0 && slots[x.k]!.block === b.id);
      const busy = new Set(here.flatMap((x) => [...runners(x.p)]));
      for (const x of here) for (const r of runners(x.p)) total += marks.get(r)?.get(x.p.id) ?? 0;
      const free = people.filter((r) => !busy.has(r));
      const load = here.map(() => 0);
      let blockBest = 0;
      const go = (i: number, v: number): void => {
        if (i === free.length) {
          blockBest = Math.max(blockBest, v);
          return;
        }
        go(i + 1, v);
        here.forEach((x, j) => {
          const w = marks.get(free[i]!)?.get(x.p.id);
          if (w === undefined || load[j]! >= slots[x.k]!.space.capacity - roleSeats(x.p)) return;
          load[j]!++;
          go(i + 1, v + w);
          load[j]!--;
        });
      };
      go(0, 0);
      total += blockBest;
    }
    return total;
  };
  const place = (i: number): void => {
    if (i === input.proposals.length) {
      const v = value();
      if (v !== null && (best === null || v > best)) best = v;
      return;
    }
    at[i] = -1;
    place(i + 1);
    for (let k = 0; k < slots.length; k++) {
      if (used.has(k)) continue;
      used.add(k);
      at[i] = k;
      place(i + 1);
      used.delete(k);
      at[i] = -1;
    }
  };
  place(0);
  return best;
}

test('small days: the agenda meets the exhaustive optimum, every bound is above it, the checker passes', async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const input = toInput(c);
      const optimum = exhaustive(input);
      const run = await runAgenda(input, null, options());
      if (optimum === null) {
        expect(run.unplacedPins.length).toBeGreaterThan(0);
        return;
      }
      expect(run.unplacedPins).toEqual([]);
      expect(checkAgenda(input, run.agenda)).toEqual([]);
      expect(run.analysis.met).toBe(optimum);
      expect(run.plan.interest).toBe(optimum);
      expect(run.plan.bound ?? Infinity).toBeGreaterThanOrEqual(optimum);
      const inst = buildInstance(input);
      const lagrange = lagrangeBound(inst, { iterations: 30, target: 0, now: Date.now, deadline: Infinity });
      expect(lagrange.bound ?? Infinity).toBeGreaterThanOrEqual(optimum);
      const priced = await pricedBound(inst, lagrange.prices, { solver: solve, seconds: 10, now: Date.now });
      expect(priced.bound ?? Infinity).toBeGreaterThanOrEqual(optimum);
      for (const l of run.analysis.left) expect(l.best?.change ?? 0).toBeLessThanOrEqual(0);
    }),
    { seed: 2014, numRuns: 60 },
  );
}, 240_000);
