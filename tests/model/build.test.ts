/**
 * The model and the checker must not drift apart: two placements share an
 * at-most row of a conflict rule exactly when the checker, given just those
 * two, reports a room or speaker clash.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Event, Format, Item, Room } from '../../src/domain/types.js';
import { checkSchedule } from '../../src/check/check.js';
import { buildModel, type BuiltModel } from '../../src/model/build.js';
import { scheduleOf } from '../../src/model/solution.js';
import { objectiveOf } from '../../src/model/goals/objective.js';
import { NO_WEIGHTS, withWeights } from '../../src/model/goals/registry.js';
import { buildContext, type Context } from '../../src/model/context.js';
import { event, item, room, win } from '../helpers/event.js';

const D = '2014-11-19';
const CLASH_RULES = ['room-overlap', 'speaker-overlap'];
const FORMAT_OF: Readonly<Record<string, Format>> = { main_hall: 'plenary', lobby: 'lightning', classroom: 'workshop' };

function built(ctx: Context): BuiltModel {
  const r = buildModel(ctx);
  if (!r.ok) throw new Error(`unexpected rejections: ${[...r.rejected.keys()].join(', ')}`);
  return r.model;
}

/** For each unordered pair of columns i<j, as `i,j`: whether some at-most conflict row holds both. */
function pairsInConflictRows(model: BuiltModel): Set<string> {
  const out = new Set<string>();
  for (const row of model.mip.rows) {
    const rule = row.name.replace(/_\d+$/, '');
    if (!CLASH_RULES.includes(rule)) continue;
    expect(row.lower).toBe(-Infinity);
    expect(row.upper).toBe(1);
    for (let x = 0; x < row.indices.length; x++) {
      for (let y = x + 1; y < row.indices.length; y++) out.add(`${row.indices[x]},${row.indices[y]}`);
    }
  }
  return out;
}

/** 1 day, 2-4 items, 2-3 rooms, durations multiples of 10, speakers drawn from a small shared pool. */
const smallEvent: fc.Arbitrary<{ ev: Event; gap: number }> = fc
  .record({
    kinds: fc.array(fc.constantFrom('main_hall', 'lobby', 'classroom'), { minLength: 2, maxLength: 3 }),
    items: fc.array(
      fc.record({
        room: fc.nat(2),
        tens: fc.integer({ min: 1, max: 6 }),
        speakers: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 2 }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    end: fc.constantFrom('10:00', '10:30', '11:00'),
    gap: fc.constantFrom(0, 10, 20),
  })
  .map(({ kinds, items, end, gap }) => {
    const rooms: Room[] = kinds.map((k, i) => room(`r${i}`, k));
    // Each item takes the format of one of the rooms, so every item has a place.
    const its: Item[] = items.map((it, i) =>
      item(`i${i}`, FORMAT_OF[kinds[it.room % kinds.length]!]!, it.tens * 10, it.speakers),
    );
    return { ev: event({ calendar: [win(D, '09:00', end)], rooms, items: its }), gap };
  });

describe('buildModel', () => {
  test('no drift: a pair of placements of different items shares a conflict row iff the checker reports a clash', () => {
    fc.assert(
      fc.property(smallEvent, ({ ev, gap }) => {
        const ctx = buildContext(ev, { gap });
        const model = built(ctx);
        const inRows = pairsInConflictRows(model);
        const ps = model.placements;
        for (let i = 0; i < ps.length; i++) {
          for (let j = i + 1; j < ps.length; j++) {
            if (ps[i]!.item === ps[j]!.item) continue;
            const found = checkSchedule(ctx, [ps[i]!, ps[j]!]).filter((v) => CLASH_RULES.includes(v.rule));
            const clash = found.length > 0;
            if (clash !== inRows.has(`${i},${j}`)) {
              throw new Error(
                `drift for ${JSON.stringify(ps[i])} and ${JSON.stringify(ps[j])}: checker ${clash ? 'reports' : 'does not report'} a clash`,
              );
            }
          }
        }
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  test('the generator does produce clashing and non-clashing pairs', () => {
    // Guards the property above against vacuity: over the same runs, both sides occur.
    let clash = 0;
    let free = 0;
    fc.assert(
      fc.property(smallEvent, ({ ev, gap }) => {
        const model = built(buildContext(ev, { gap }));
        const inRows = pairsInConflictRows(model);
        const n = model.placements.length;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            if (model.placements[i]!.item === model.placements[j]!.item) continue;
            if (inRows.has(`${i},${j}`)) clash += 1;
            else free += 1;
          }
        }
      }),
      { seed: 42, numRuns: 50 },
    );
    expect(clash).toBeGreaterThan(100);
    expect(free).toBeGreaterThan(100);
  });

  test('one binary column per placement, then one clash column per theme pair', () => {
    const ev = event({
      items: [
        item('w1', 'workshop', 120, ['a'], { themes: ['x'] }),
        item('w2', 'workshop', 120, ['b'], { themes: ['x', 'y'], audience: 7 }),
        item('p1', 'plenary', 60, ['c'], { themes: ['z'] }),
      ],
    });
    const ctx = buildContext(ev);
    // Theme clashes alone (track-rooms would add columns for w1 and w2's shared theme too).
    const r = buildModel(ctx, { objective: objectiveOf(ctx, withWeights(NO_WEIGHTS, { 'theme-clash': 1 })) });
    if (!r.ok) throw new Error('unexpected rejections');
    const model = r.model;
    const n = model.placements.length;
    expect(model.mip.columns.slice(0, n).every((c) => c.integer && c.lower === 0 && c.upper === 1 && c.cost === 0)).toBe(true);
    expect(model.mip.columns.slice(n).map((c) => [c.name, c.cost])).toEqual([['clash_w1_w2', 7]]);
    expect(model.goals.filter((g) => g.end > g.first)).toEqual([{ goal: 'theme-clash', first: n, end: n + 1, offset: 0 }]);
    expect(model.mip.columns[0]!.name).toBe(`x_p1_mh_${D}_540`);
  });

  test('one exactly-one row per item, holding every placement of that item and no other', () => {
    const ev = event({ items: [item('w1', 'workshop', 60, ['a']), item('l1', 'lightning', 10, ['a'])] });
    const model = built(buildContext(ev));
    const rows = model.mip.rows.filter((r) => r.name.startsWith('placed-once_'));
    expect(rows).toHaveLength(2);
    for (const [k, id] of ['l1', 'w1'].entries()) {
      const row = rows[k]!;
      expect([row.lower, row.upper]).toEqual([1, 1]);
      expect(row.indices).toEqual(model.placements.flatMap((p, i) => (p.item === id ? [i] : [])));
    }
  });

  test('a pair confined to one room gets no clash column: it can never overlap', () => {
    const ev = event({
      rooms: [room('c1', 'classroom')],
      items: [item('w1', 'workshop', 60, ['a'], { themes: ['x'] }), item('w2', 'workshop', 60, ['b'], { themes: ['x'] })],
    });
    const model = built(buildContext(ev));
    expect(model.goals.find((g) => g.goal === 'theme-clash')).toEqual({ goal: 'theme-clash', first: model.placements.length, end: model.placements.length, offset: 0 });
    expect(model.mip.columns).toHaveLength(model.placements.length);
  });

  test('reports the rejected items instead of a model', () => {
    const r = buildModel(buildContext(event({ items: [item('w1', 'workshop', 60, ['a'], { audience: 1000 })] })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect([...r.rejected.keys()]).toEqual(['w1']);
  });

  test('scheduleOf keeps the placements whose value is above one half', () => {
    const model = built(buildContext(event({ items: [item('l1', 'lightning', 10, ['a'])] })));
    const values = new Float64Array(model.mip.columns.length);
    values[1] = 0.9999;
    values[2] = 0.4;
    expect(scheduleOf(model, values)).toEqual([model.placements[1]]);
  });
});
