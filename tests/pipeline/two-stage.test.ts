/**
 * Times first, then rooms: the `times` and `rooms` stages of the model, and
 * the two-stage solve through planSchedule, compared with the whole model.
 */
import { describe, expect, test } from 'vitest';
import type { Event, Schedule } from '../../src/domain/types.js';
import { checkSchedule } from '../../src/check/check.js';
import { buildModel, type BuiltModel, type BuildOptions } from '../../src/model/build.js';
import { scheduleOf } from '../../src/model/solution.js';
import { buildContext } from '../../src/model/context.js';
import { objectiveOf } from '../../src/model/goals/objective.js';
import { DEFAULT_WEIGHTS } from '../../src/model/goals/registry.js';
import { planSchedule, type ScheduleOutcome } from '../../src/pipeline/schedule.js';
import { timesThenRoomsStep } from '../../src/pipeline/steps/times-then-rooms.js';
import { solve, type Solver } from '../../src/solve/index.js';
import { avail, event, item, room, win } from '../helpers/event.js';
import { stepRequest } from '../helpers/step.js';

const D = '2014-11-19';
const GAP = 10;

function built(ev: Event, options: BuildOptions = {}): BuiltModel {
  const r = buildModel(buildContext(ev, { gap: GAP }), options);
  if (!r.ok) throw new Error('unexpected rejections');
  return r.model;
}

const plan = (ev: Event, model: 'whole' | 'two-stage', solver: Solver = solve) =>
  planSchedule(ev, { gap: GAP, timeLimitSeconds: 30, backend: 'highs', model, now: () => performance.now(), solver });

function scheduled(o: ScheduleOutcome): Extract<ScheduleOutcome, { kind: 'scheduled' }> {
  expect(o.kind, JSON.stringify(o)).toBe('scheduled');
  return o as Extract<ScheduleOutcome, { kind: 'scheduled' }>;
}

/** Three workshops on one theme and a plenary, in two classrooms and a main hall, one morning. */
const workshops = event({
  calendar: [win(D, '09:00', '13:00')],
  rooms: [room('c1', 'classroom', 30), room('c2', 'classroom', 60), room('mh', 'main_hall')],
  items: [
    item('w1', 'workshop', 120, ['a'], { themes: ['x'], audience: 25 }),
    item('w2', 'workshop', 120, ['b'], { themes: ['x'], audience: 50 }),
    item('w3', 'workshop', 60, ['c'], { themes: ['x', 'y'], audience: 20 }),
    item('p1', 'plenary', 60, ['d'], { themes: ['y'] }),
  ],
});

describe('the times stage', () => {
  test('has one column per item and start, and no room rows: rooms are counted per moment', () => {
    const times = built(workshops, { stage: 'times' });
    const whole = built(workshops);
    const starts = new Set(whole.placements.map((p) => `${p.item} ${p.date} ${p.start}`));
    expect(times.placements.length).toBe(starts.size);
    expect(times.placements.every((p) => p.room === '')).toBe(true);
    expect(times.mip.rows.some((r) => r.name.startsWith('room-overlap'))).toBe(false);
    expect(times.mip.rows.some((r) => r.name.startsWith('rooms_'))).toBe(true);
    // Every time a placement of the whole model has, with the same rooms.
    times.placements.forEach((p, i) => {
      const rooms = whole.placements.filter((q) => q.item === p.item && q.date === p.date && q.start === p.start).map((q) => q.room);
      expect(times.roomOptions![i]).toEqual([...rooms].sort());
    });
  });

  test('models theme clashes only for the themes asked', () => {
    const none = built(workshops, { stage: 'times', lazy: new Map([['theme-clash', new Set<string>()]]) });
    const x = built(workshops, { stage: 'times', lazy: new Map([['theme-clash', new Set(['x'])]]) });
    const clashColumns = (m: BuiltModel) => {
      const block = m.goals.find((g) => g.goal === 'theme-clash')!;
      return m.mip.columns.slice(block.first, block.end).map((c) => c.name);
    };
    expect(clashColumns(none)).toEqual([]);
    expect(clashColumns(x)).toEqual(['clash_w1_w2', 'clash_w1_w3', 'clash_w2_w3']);
  });

  test('is a relaxation: its optimum is no higher than the whole model’s', async () => {
    const times = await solve(built(workshops, { stage: 'times' }).mip, { backend: 'highs', timeLimitSeconds: 20 });
    const whole = await solve(built(workshops).mip, { backend: 'highs', timeLimitSeconds: 20 });
    expect(times.status).toBe('optimal');
    expect(whole.status).toBe('optimal');
    if (times.status !== 'optimal' || whole.status !== 'optimal') return;
    expect(times.objective).toBeLessThanOrEqual(whole.objective + 1e-9);
  });
});

describe('the rooms stage', () => {
  // c1 and c2; x pinned to c2 09:00-10:00, z pinned to c1 10:00-11:00, y lasts two hours.
  // At 09:00-11:00, y would need c1 at first and c2 later: each moment has a room for everyone, the
  // two hours do not. Only 10:10-12:10 in c2 works.
  const crossing = event({
    calendar: [win(D, '09:00', '12:30')],
    rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
    items: [
      item('x', 'workshop', 60, ['a'], { pin: { room: 'c2', start: 9 * 60 } }),
      item('y', 'workshop', 120, ['b']),
      item('z', 'workshop', 60, ['c'], { pin: { room: 'c1', start: 10 * 60 } }),
    ],
  });
  const times: Schedule = [
    { item: 'x', room: '', date: D, start: 540, end: 600 },
    { item: 'y', room: '', date: D, start: 540, end: 660 },
    { item: 'z', room: '', date: D, start: 600, end: 660 },
  ];

  test('finds no rooms when an item would have to change room halfway', async () => {
    const fixed = built(crossing, { stage: { rooms: times } });
    const r = await solve(fixed.mip, { backend: 'highs', timeLimitSeconds: 10 });
    expect(r.status).toBe('infeasible');
  });

  test('with the day free instead of the times, finds a valid schedule', async () => {
    const day = built(crossing, { stage: { rooms: times, times: 'day' } });
    const r = await solve(day.mip, { backend: 'highs', timeLimitSeconds: 10 });
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    const schedule = scheduleOf(day, r.values);
    expect(checkSchedule(buildContext(crossing, { gap: GAP }), schedule)).toEqual([]);
    const y = schedule.find((a) => a.item === 'y')!;
    expect(y.room).toBe('c2');
    expect(y.start).toBeGreaterThanOrEqual(10 * 60 + 10);
  });

  test('the two-stage solve gets through it and returns a checked schedule', async () => {
    const o = scheduled(await plan(crossing, 'two-stage'));
    expect(checkSchedule(buildContext(crossing, { gap: GAP }), o.schedule)).toEqual([]);
    expect(o.report.model.step).toBe('times-then-rooms');
  });
});

describe('the two-stage solve', () => {
  test('matches the whole model’s proven optimum, and proves it', async () => {
    const two = scheduled(await plan(workshops, 'two-stage'));
    const whole = scheduled(await plan(workshops, 'whole'));
    expect(whole.report.status).toBe('optimal');
    expect(two.report.objective).toBe(whole.report.objective);
    expect(two.report.status).toBe('optimal');
    expect(checkSchedule(buildContext(workshops, { gap: GAP }), two.schedule)).toEqual([]);
    expect(whole.report.model.step).toBe('whole');
  });

  test('adds language-clash rows for a language once it clashes, and still matches the whole model', async () => {
    // Spanish leads among workshops (4 to 3), so English clashes cost. Three English workshops in
    // two windows: one English pair must run at once, whatever the first round without language rows does.
    const ev = event({
      calendar: [win(D, '09:00', '11:00'), win(D, '11:30', '13:30')],
      rooms: ['c1', 'c2', 'c3', 'c4'].map((id) => room(id, 'classroom', 60)),
      items: ['en', 'en', 'en', 'es', 'es', 'es', 'es'].map((language, k) =>
        item(`w${k + 1}`, 'workshop', 120, [`sp-${k + 1}`], { language, audience: 20 }),
      ),
    });
    const columns: number[] = [];
    const spy: Solver = async (model, options) => {
      columns.push(model.columns.length);
      return solve(model, options);
    };
    const two = scheduled(await plan(ev, 'two-stage', spy));
    const whole = scheduled(await plan(ev, 'whole'));
    expect(whole.report.status).toBe('optimal');
    expect([two.report.status, two.report.objective]).toEqual(['optimal', whole.report.objective]);
    expect(two.report.terms.find((t) => t.name === 'language-clash')!.count).toBe(1);
    const without = built(ev, { stage: 'times', lazy: new Map([['language-clash', new Set<string>()]]) }).mip.columns.length;
    const withEn = built(ev, { stage: 'times', lazy: new Map([['language-clash', new Set(['en'])]]) }).mip.columns.length;
    expect(withEn).toBeGreaterThan(without);
    expect(columns).toContain(without);
    expect(columns).toContain(withEn);
  });

  test('adds theme-clash rows for a theme once it clashes', async () => {
    // Theme x has 300 minutes of workshops in a 240-minute morning: some clash is forced.
    const columns: number[] = [];
    const spy: Solver = async (model, options) => {
      columns.push(model.columns.length);
      return solve(model, options);
    };
    const o = scheduled(await plan(workshops, 'two-stage', spy));
    expect(o.report.clashes.length).toBeGreaterThan(0);
    const withoutClashes = built(workshops, { stage: 'times', lazy: new Map([['theme-clash', new Set<string>()]]) }).mip.columns.length;
    const withX = built(workshops, { stage: 'times', lazy: new Map([['theme-clash', new Set(['x'])]]) }).mip.columns.length;
    expect(withX).toBeGreaterThan(withoutClashes);
    expect(columns).toContain(withoutClashes);
    expect(columns.some((n) => n >= withX)).toBe(true);
  });

  test('asked for a first schedule only (a large event), stops after the hard-rules pass: fewer solves, a valid schedule, no proof', async () => {
    const ctx = buildContext(workshops, { gap: GAP });
    const objective = objectiveOf(ctx, DEFAULT_WEIGHTS);
    const run = async (firstSchedule: boolean) => {
      let solves = 0;
      const solver: typeof solve = (model, options) => {
        solves += 1;
        return solve(model, options);
      };
      const r = await timesThenRoomsStep(stepRequest(ctx, objective, { solver, plan: { firstSchedule } }));
      if (r.kind !== 'found') throw new Error(r.kind);
      return { r, solves };
    };
    const first = await run(true);
    const full = await run(false);
    expect(checkSchedule(ctx, first.r.schedule)).toEqual([]);
    expect([first.r.proven, first.r.bound]).toEqual([false, null]);
    expect(full.r.bound).not.toBeNull();
    expect(first.solves).toBeLessThan(full.solves);
  });

  test('an event with no schedule is proven impossible through the stages too', async () => {
    const crowded = event({
      calendar: [win(D, '09:00', '11:00')],
      rooms: [room('c1', 'classroom')],
      items: [item('w1', 'workshop', 90, ['a']), item('w2', 'workshop', 90, ['b'])],
    });
    const o = await plan(crowded, 'two-stage');
    expect(o.kind).toBe('impossible');
  });
});

describe('what must give', () => {
  // Speaker a is free three separate hours; each fits one 35-minute workshop, though the minutes add up.
  const busy = (n: number) =>
    event({
      calendar: [win(D, '09:00', '13:00')],
      rooms: [room('c1', 'classroom'), room('c2', 'classroom'), room('c3', 'classroom')],
      items: Array.from({ length: n }, (_, k) => item(`w${k + 1}`, 'workshop', 35, ['a'])),
      availability: [avail('a', D, '09:00', '10:00', 'available'), avail('a', D, '10:30', '11:30', 'available'), avail('a', D, '12:00', '13:00', 'available')],
    });

  test('names an overbooked speaker when that saves leaving out two items', async () => {
    const o = await plan(busy(5), 'whole');
    expect(o.kind).toBe('impossible');
    if (o.kind !== 'impossible') return;
    expect(o.findings.map((f) => f.check)).toEqual(['rule-must-give']);
    expect(o.findings[0]!.message).toContain('speaker a');
  });

  test('names the item that must give when leaving one out is enough', async () => {
    const o = await plan(busy(4), 'whole');
    expect(o.kind).toBe('impossible');
    if (o.kind !== 'impossible') return;
    expect(o.findings.map((f) => f.check)).toEqual(['must-give']);
  });
});
