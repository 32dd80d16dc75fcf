/**
 * The improvement search: neighbourhoods of a schedule (every other item
 * where it is), and the search from a poor schedule to the optimum, seeded.
 */
import { describe, expect, test } from 'vitest';
import { checkSchedule } from '../../src/check/check.js';
import type { Assignment, Schedule } from '../../src/domain/types.js';
import { buildModel } from '../../src/model/build.js';
import { buildContext } from '../../src/model/context.js';
import { objectiveOf, totalCost } from '../../src/model/goals/objective.js';
import { DEFAULT_WEIGHTS } from '../../src/model/goals/registry.js';
import { scheduleOf } from '../../src/model/solution.js';
import { planSchedule } from '../../src/pipeline/schedule.js';
import type { StepRequest } from '../../src/pipeline/step.js';
import { improveStep, move, withPlaces } from '../../src/pipeline/steps/improve.js';
import { solve } from '../../src/solve/index.js';
import { event, item, minutes, room, win } from '../helpers/event.js';
import { stepRequest } from '../helpers/step.js';

const D = '2014-11-19';
const slow = { timeout: 120_000 };

// Six workshops on two themes in three classrooms over a day: clashes to avoid, rooms to share.
const ev = event({
  calendar: [win(D, '09:00', '11:00'), win(D, '11:30', '13:30'), win(D, '14:30', '16:30')],
  rooms: [room('c1', 'classroom', 60), room('c2', 'classroom', 40), room('c3', 'classroom', 30)],
  items: [
    item('w1', 'workshop', 120, ['a'], { themes: ['x'], audience: 30 }),
    item('w2', 'workshop', 120, ['b'], { themes: ['x'], audience: 25 }),
    item('w3', 'workshop', 120, ['c'], { themes: ['x'], audience: 20 }),
    item('w4', 'workshop', 120, ['d'], { themes: ['y'], audience: 30 }),
    item('w5', 'workshop', 120, ['e'], { themes: ['y'], audience: 25 }),
    item('w6', 'workshop', 120, ['f'], { themes: ['y'], audience: 20 }),
  ],
});
const ctx = buildContext(ev, { gap: 10 });
const objective = objectiveOf(ctx, DEFAULT_WEIGHTS);
const at = (id: string, roomId: string, start: string): Assignment => ({ item: id, room: roomId, date: D, start: minutes(start), end: minutes(start) + 120 });
// Valid, but every theme's workshops run at once.
const poor: Schedule = [at('w1', 'c1', '09:00'), at('w2', 'c2', '09:00'), at('w3', 'c3', '09:00'), at('w4', 'c1', '11:30'), at('w5', 'c2', '11:30'), at('w6', 'c3', '11:30')];

describe('a neighbourhood', () => {
  test('frees its items within their window; every other item stays where it is', async () => {
    const built = buildModel(ctx, { objective, stage: { around: poor, free: new Set(['w3', 'w6']), within: 'day' } });
    if (!built.ok) throw new Error('no model');
    const kept = built.model.placements.filter((p) => p.item !== 'w3' && p.item !== 'w6');
    expect(kept).toEqual(poor.filter((a) => a.item !== 'w3' && a.item !== 'w6'));
    const r = await solve(built.model.mip, { backend: 'highs', timeLimitSeconds: 20 });
    if (r.status !== 'optimal') throw new Error(r.status);
    const s = scheduleOf(built.model, r.values);
    expect(checkSchedule(ctx, s)).toEqual([]);
    // w3 and w6 leave their themes' windows for the free afternoon.
    expect(s.filter((a) => a.item === 'w3' || a.item === 'w6').every((a) => a.start === minutes('14:30'))).toBe(true);
    expect(totalCost(ctx, objective, s)).toBeLessThan(totalCost(ctx, objective, poor));
  });

  test('that must leave (a restart) offers its items every other start, and not their own', () => {
    const free = new Set(['w1', 'w4']);
    const starts = (leave: boolean) => {
      const built = buildModel(ctx, { objective, stage: { around: poor, free, within: 'anywhere', leave } });
      if (!built.ok) throw new Error('no model');
      return built.model.placements.filter((p) => free.has(p.item)).map((p) => `${p.item} ${p.start / 60}`);
    };
    // w1 at 09:00 and w4 at 11:30; each window holds one start of a two-hour workshop (9, 11.5, 14.5 hours).
    const own = ['w1 9', 'w4 11.5'];
    expect(new Set(starts(false))).toEqual(new Set(['w1 9', 'w1 11.5', 'w1 14.5', 'w4 9', 'w4 11.5', 'w4 14.5']));
    expect(new Set(starts(true))).toEqual(new Set(['w1 11.5', 'w1 14.5', 'w4 9', 'w4 14.5']));
    expect(starts(true).some((s) => own.includes(s))).toBe(false);
  });
});

describe('the improvement search', () => {
  // No whole model (the helper's default): the search alone.
  const request = (seed: string): StepRequest => {
    const clock = performance.now();
    return stepRequest(ctx, objective, {
      left: () => 60 - (performance.now() - clock) / 1000,
      incumbent: { schedule: poor, cost: totalCost(ctx, objective, poor), proven: false },
      seed,
    });
  };

  test('with nothing better to find, gives its rounds more nodes three times over before it ends', slow, async () => {
    const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 60, backend: 'highs', now: () => performance.now() });
    if (o.kind !== 'scheduled') throw new Error(o.kind);
    const nodes: (number | undefined)[] = [];
    const recording: typeof solve = (model, options) => {
      nodes.push(options.nodeLimit);
      return solve(model, options);
    };
    const optimum = { schedule: o.schedule, cost: o.report.objective, proven: false };
    const r = await improveStep({ ...request('a'), solver: recording, incumbent: optimum });
    expect(r.kind).toBe('none');
    // 24 rounds in a row without progress at each level, the last of them ending the search.
    expect(nodes).toEqual([1_000, 4_000, 16_000, 64_000].flatMap((n) => Array<number>(24).fill(n)));
  });

  test('with restarts, after stalling at every level makes items leave their times and goes on, keeping the best seen', slow, async () => {
    const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 60, backend: 'highs', now: () => performance.now() });
    if (o.kind !== 'scheduled') throw new Error(o.kind);
    const rounds: { nodes: number | undefined; warm: boolean }[] = [];
    let restarted = false;
    const recording: typeof solve = async (model, options) => {
      rounds.push({ nodes: options.nodeLimit, warm: options.initial !== undefined });
      const r = await solve(model, options);
      // One round after the restart, the time is up.
      if (!options.initial) restarted = true;
      return r;
    };
    const optimum = { schedule: o.schedule, cost: o.report.objective, proven: false };
    const r = await improveStep({ ...request('a'), solver: recording, incumbent: optimum, plan: { restarts: true }, left: () => (restarted ? 0 : 60) });
    // Whatever the restart's schedule costs, nothing beats the optimum the search started from: nothing better to give.
    expect(r).toMatchObject({ kind: 'none', why: 'no better schedule found (after 1 restart)' });
    const levels = [1_000, 4_000, 16_000, 64_000].flatMap((n) => Array<{ nodes: number; warm: boolean }>(24).fill({ nodes: n, warm: true }));
    // Then a restart: the first level's nodes, and no warm start (its items may not stay where they are).
    expect(rounds).toEqual([...levels, { nodes: 1_000, warm: false }]);
  });

  test('from a poor schedule, reaches the whole model’s optimum; the same seed gives the same schedule', slow, async () => {
    const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 60, backend: 'highs', now: () => performance.now() });
    if (o.kind !== 'scheduled') throw new Error(o.kind);
    const optimum = o.report.objective;
    const first = await improveStep(request('a'));
    const again = await improveStep(request('a'));
    if (first.kind !== 'found' || again.kind !== 'found') throw new Error(`${first.kind} ${again.kind}`);
    expect(checkSchedule(ctx, first.schedule)).toEqual([]);
    expect(first.cost).toBe(optimum);
    expect(again.schedule).toEqual(first.schedule);
  });

  test('solves two rounds at a time, on items the other does not free', slow, async () => {
    const inFlight = new Set<ReadonlySet<string>>();
    let most = 0;
    let shared = 0;
    const recording: typeof solve = async (model, options) => {
      // A round's free items: those with more than one placement column (an item that stays has its own place only).
      const columns = new Map<string, number>();
      for (const c of model.columns) if (c.name.startsWith('x_')) columns.set(c.name.split('_')[1]!, (columns.get(c.name.split('_')[1]!) ?? 0) + 1);
      const free = new Set([...columns].filter(([, n]) => n > 1).map(([id]) => id));
      for (const other of inFlight) if ([...free].some((id) => other.has(id))) shared += 1;
      inFlight.add(free);
      most = Math.max(most, inFlight.size);
      try {
        return await solve(model, options);
      } finally {
        inFlight.delete(free);
      }
    };
    const r = await improveStep({ ...request('a'), solver: recording });
    expect(r.kind).toBe('found');
    expect(most).toBe(2);
    expect(shared).toBe(0);
  });

  test('tells the run of each better schedule it keeps, and never of a round’s bound (a neighbourhood’s, not the event’s)', slow, async () => {
    const kept: number[] = [];
    const bounds: (number | null)[] = [];
    const r = await improveStep({ ...request('a'), onSchedule: (cost) => kept.push(cost), onProgress: (p) => bounds.push(p.bound) });
    if (r.kind !== 'found') throw new Error(r.kind);
    expect(bounds).toEqual([]);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((c, k) => c < (k === 0 ? totalCost(ctx, objective, poor) : kept[k - 1]!))).toBe(true);
    expect(kept[kept.length - 1]).toBe(r.cost);
  });
});

describe('a round solved beside another that changed the schedule', () => {
  test('gives its freed items’ places; every other item stays where the schedule has it now', () => {
    const now = poor.map((a) => (a.item === 'w1' ? at('w1', 'c1', '14:30') : a));
    const found = poor.map((a) => (a.item === 'w5' ? at('w5', 'c2', '14:30') : a.item === 'w1' ? at('w1', 'c3', '11:30') : a));
    const merged = withPlaces(now, found, new Set(['w5']));
    expect(merged).toEqual(now.map((a) => (a.item === 'w5' ? at('w5', 'c2', '14:30') : a)));
  });
});

describe('a round’s schedule', () => {
  const current = { schedule: poor, cost: 100 };
  // w1 and w3 trade rooms: the same times, other rooms.
  const swapped: Schedule = poor.map((a) => (a.item === 'w1' ? { ...a, room: 'c3' } : a.item === 'w3' ? { ...a, room: 'c1' } : a));
  const draws = (...values: number[]) => () => {
    const v = values.shift();
    if (v === undefined) throw new Error('one draw too many');
    return v;
  };

  test('that costs less replaces the current one and counts as progress, with no draw', () => {
    expect(move(current, { schedule: swapped, cost: 99 }, draws())).toBe('better');
  });

  test('that costs more, or the same in the same places, leaves it', () => {
    expect(move(current, { schedule: swapped, cost: 101 }, draws(0))).toBe('none');
    expect(move(current, { schedule: [...poor].reverse(), cost: 100 }, draws(0))).toBe('none');
  });

  test('that costs the same with an item elsewhere replaces it on half the draws (a sideways move)', () => {
    expect(move(current, { schedule: swapped, cost: 100 }, draws(0.2))).toBe('sideways');
    expect(move(current, { schedule: swapped, cost: 100 }, draws(0.7))).toBe('none');
  });
});
