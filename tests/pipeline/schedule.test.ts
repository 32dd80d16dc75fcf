import { describe, expect, test } from 'vitest';
import type { Event } from '../../src/domain/types.js';
import { checkSchedule } from '../../src/check/check.js';
import { buildModel, type BuiltModel } from '../../src/model/build.js';
import { buildContext } from '../../src/model/context.js';
import type { MipModel } from '../../src/model/mip.js';
import { planSchedule, type ScheduleOutcome, type ScheduleRequest } from '../../src/pipeline/schedule.js';
import { WHOLE_SHARE } from '../../src/pipeline/strategy.js';
import { NO_WEIGHTS, withWeights } from '../../src/model/goals/registry.js';
import type { SolveOptions, SolveResult, Solver } from '../../src/solve/index.js';
import { avail, event, item, room, win } from '../helpers/event.js';

const D = '2014-11-19';

// No lightning talks: the solver is asked once, about the whole model (staging has its own tests).
const ev = event({
  rooms: [room('c1', 'classroom'), room('c2', 'classroom'), room('mh', 'main_hall')],
  items: [item('w1', 'workshop', 60, ['a']), item('w2', 'workshop', 60, ['b']), item('p1', 'plenary', 60, ['a'])],
});

function request(solver?: Solver): ScheduleRequest {
  return { gap: 10, timeLimitSeconds: 20, backend: 'highs', now: () => 0, ...(solver ? { solver } : {}) };
}

function modelOf(e: Event): BuiltModel {
  const r = buildModel(buildContext(e, { gap: 10 }));
  if (!r.ok) throw new Error('unexpected rejections');
  return r.model;
}

/** A stub solver answering `result`, recording what it was asked. */
function stub(result: (model: MipModel) => SolveResult) {
  const calls: { model: MipModel; options: SolveOptions }[] = [];
  const solver: Solver = async (model, options) => {
    calls.push({ model, options });
    return result(model);
  };
  return { solver, calls };
}

/** Values choosing the given placement indices. */
function choose(model: MipModel, indices: readonly number[]): Float64Array {
  const v = new Float64Array(model.columns.length);
  for (const i of indices) v[i] = 1;
  return v;
}

/** The index of the placement of `id` in `roomId` starting at `hour`:00. */
function pick(model: BuiltModel, id: string, roomId: string, hour: number): number {
  const i = model.placements.findIndex((p) => p.item === id && p.room === roomId && p.start === hour * 60);
  if (i < 0) throw new Error(`no placement ${id} ${roomId} ${hour}`);
  return i;
}

function expectKind<K extends ScheduleOutcome['kind']>(o: ScheduleOutcome, kind: K): Extract<ScheduleOutcome, { kind: K }> {
  expect(o.kind).toBe(kind);
  return o as Extract<ScheduleOutcome, { kind: K }>;
}

describe('planSchedule with a stub solver', () => {
  test('passes the built model, backend and time limit to the solver', async () => {
    const { solver, calls } = stub(() => ({ status: 'infeasible', backend: 'highs', seconds: 0 }));
    await planSchedule(ev, request(solver));
    // The plain model first; after "infeasible", the elastic one that finds what must give.
    expect(calls).toHaveLength(2);
    expect(calls[0]!.model).toEqual(modelOf(ev).mip);
    expect(calls[1]!.model.columns.some((c) => c.name.startsWith('unplaced_'))).toBe(true);
    expect(calls[0]!.options.backend).toBe('highs');
    // Its share of the 20 seconds: the whole model comes first, the search after it gets the rest.
    expect(calls[0]!.options.timeLimitSeconds).toBeCloseTo(20 * WHOLE_SHARE, 9);
  });

  test('infeasible: impossible, proven by the solver', async () => {
    const { solver } = stub(() => ({ status: 'infeasible', backend: 'highs', seconds: 1 }));
    const o = expectKind(await planSchedule(ev, request(solver)), 'impossible');
    expect(o.by).toBe('solver');
    expect(o.findings.map((f) => f.check)).toEqual(['solver']);
  });

  test('error: failed, with the solver’s message and no violations', async () => {
    const { solver } = stub(() => ({ status: 'error', message: 'out of memory', backend: 'jslp', seconds: 1 }));
    const o = expectKind(await planSchedule(ev, request(solver)), 'failed');
    expect(o.message).toBe('the jslp solver failed: out of memory');
    expect(o.violations).toEqual([]);
  });

  test('timedout: timedout, with the seconds from the start of solving to the end', async () => {
    // The clock moves only while the solver works: 7.5 s a solve. The whole model's share of the 20 s
    // ends empty-handed; it is solved again in the rest of the run (12.5 s), and times out again.
    let clock = 0;
    const limits: number[] = [];
    const solver: Solver = async (_m, options) => {
      limits.push(options.timeLimitSeconds);
      clock += 7_500;
      return { status: 'timedout', backend: 'highs', seconds: 7.5 };
    };
    expect(await planSchedule(ev, { ...request(solver), now: () => clock })).toEqual({ kind: 'timedout', seconds: 15 });
    expect(limits[0]).toBeCloseTo(20 * WHOLE_SHARE, 9);
    expect(limits.slice(1)).toEqual([12.5]);
  });

  test('a first step that ends its share of the time empty-handed goes on in the rest of the run, and its schedule is searched from', async () => {
    const model = modelOf(ev);
    const picks = [pick(model, 'w1', 'c1', 9), pick(model, 'w2', 'c2', 9), pick(model, 'p1', 'mh', 11)];
    let clock = 0;
    const limits: number[] = [];
    const solver: Solver = async (m, options) => {
      limits.push(options.timeLimitSeconds);
      clock += 4_000;
      if (limits.length === 1) return { status: 'timedout', backend: 'highs', seconds: 4 };
      return { status: 'optimal', values: choose(m, picks), objective: 0, bound: 0, backend: 'highs', seconds: 4 };
    };
    const o = expectKind(await planSchedule(ev, { ...request(solver), now: () => clock }), 'scheduled');
    expect(checkSchedule(buildContext(ev, { gap: 10 }), o.schedule)).toEqual([]);
    // Its share of 20 s, then the 16 s the run had left.
    expect(limits[0]).toBeCloseTo(20 * WHOLE_SHARE, 9);
    expect(limits[1]).toBe(16);
    expect(o.report.steps[0]).toMatchObject({ step: 'whole', ran: true, outcome: 'proven optimal, cost 0' });
  });

  test('values placing an item twice: failed with the violations, never scheduled', async () => {
    const model = modelOf(ev);
    const picks = [pick(model, 'w1', 'c1', 9), pick(model, 'w2', 'c2', 9), pick(model, 'p1', 'mh', 12)];
    const w1Again = pick(model, 'w1', 'c1', 11);
    const { solver } = stub((m) => ({
      status: 'optimal',
      values: choose(m, [...picks, w1Again]),
      objective: 0,
      bound: 0,
      backend: 'highs',
      seconds: 0,
    }));
    const o = await planSchedule(ev, request(solver));
    expect(o.kind).not.toBe('scheduled');
    const failed = expectKind(o, 'failed');
    expect(failed.message).toBe('the highs solver returned a schedule that breaks 1 hard rule(s); nothing was written');
    expect(failed.violations.map((v) => [v.rule, v.items])).toEqual([['placed-once', ['w1']]]);
  });

  test('values leaving an item out or clashing are failed too', async () => {
    const model = modelOf(ev);
    const [w1, w2, p1] = [pick(model, 'w1', 'c1', 9), pick(model, 'w2', 'c2', 9), pick(model, 'p1', 'mh', 12)];
    const missing = stub((m) => ({ status: 'feasible', values: choose(m, [p1, w1]), objective: 0, bound: null, backend: 'highs', seconds: 0 }));
    const o1 = expectKind(await planSchedule(ev, request(missing.solver)), 'failed');
    expect(o1.violations.map((v) => [v.rule, v.items])).toEqual([['placed-once', ['w2']]]);
    // w1 and p1 share speaker a.
    const early = pick(model, 'p1', 'mh', 9);
    const clash = stub((m) => ({ status: 'feasible', values: choose(m, [early, w1, w2]), objective: 0, bound: null, backend: 'highs', seconds: 0 }));
    const o2 = expectKind(await planSchedule(ev, request(clash.solver)), 'failed');
    expect(o2.violations.map((v) => [v.rule, v.items])).toEqual([['speaker-overlap', ['p1', 'w1']]]);
  });

  test('valid values: scheduled, with the report derived from the schedule, not from the solver', async () => {
    const model = modelOf(ev);
    const picks = [pick(model, 'w1', 'c1', 9), pick(model, 'w2', 'c2', 9), pick(model, 'p1', 'mh', 12)];
    const { solver } = stub((m) => ({ status: 'feasible', values: choose(m, picks), objective: 99, bound: 0, backend: 'highs', seconds: 0 }));
    const o = expectKind(await planSchedule(ev, request(solver)), 'scheduled');
    expect(o.schedule.map((a) => a.item)).toEqual(['p1', 'w1', 'w2']);
    expect(checkSchedule(buildContext(ev), o.schedule)).toEqual([]);
    // Re-scored at 0, which the solver's bound of 0 meets: proven optimal, whatever the solver called it.
    expect(o.report.status).toBe('optimal');
    expect(o.report.objective).toBe(0);
    expect(o.report.gap).toBe(0);
    expect(o.report.counts).toEqual([
      { format: 'plenary', items: 1 },
      { format: 'lightning', items: 0 },
      { format: 'workshop', items: 2 },
    ]);
  });

  test('the solver is not asked when direct checks already prove the event impossible', async () => {
    const { solver, calls } = stub(() => ({ status: 'infeasible', backend: 'highs', seconds: 0 }));
    const tooBig = event({ items: [item('w1', 'workshop', 60, ['a'], { audience: 1000 })] });
    const o1 = expectKind(await planSchedule(tooBig, request(solver)), 'impossible');
    expect([o1.by, o1.findings.map((f) => [f.check, f.ids])]).toEqual(['direct checks', [['no-place', ['w1']]]]);
    const busy = event({
      items: [item('w1', 'workshop', 120, ['a']), item('w2', 'workshop', 120, ['a'])],
      availability: [avail('a', D, '12:00', '13:00')],
    });
    const o2 = expectKind(await planSchedule(busy, request(solver)), 'impossible');
    expect([o2.by, o2.findings.map((f) => [f.check, f.ids])]).toEqual(['direct checks', [['speaker-time', ['a', 'w1', 'w2']]]]);
    expect(calls).toHaveLength(0);
  });
});

describe('planSchedule with HiGHS', () => {
  test('schedules a small event optimally, keeping apart the items that share a theme', { timeout: 60_000 }, async () => {
    // Three 2-hour workshops, two classrooms, a 4.5-hour morning: two fit in one room
    // with the hallway gap, the third overlaps one of them. w3 has the smallest
    // audience, so the best schedule overlaps it with one other, and w1 and w2 run apart.
    const themed = event({
      calendar: [win(D, '09:00', '13:30')],
      rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
      items: [
        item('w1', 'workshop', 120, ['a'], { themes: ['x'], audience: 50 }),
        item('w2', 'workshop', 120, ['b'], { themes: ['x', 'y'], audience: 40 }),
        item('w3', 'workshop', 120, ['c'], { themes: ['x'], audience: 5 }),
      ],
    });
    // Theme clashes alone: the three share theme x, which track-rooms would also weigh.
    const o = expectKind(await planSchedule(themed, { ...request(), gap: 10, weights: withWeights(NO_WEIGHTS, { 'theme-clash': 1 }) }), 'scheduled');
    const ctx = buildContext(themed, { gap: 10 });
    expect(checkSchedule(ctx, o.schedule)).toEqual([]);
    expect(o.schedule.map((a) => a.item).sort()).toEqual(['w1', 'w2', 'w3']);
    expect(o.report.status).toBe('optimal');
    expect(o.report.objective).toBe(o.report.clashes.reduce((n, c) => n + c.cost, 0));
    expect(o.report.objective).toBe(5);
    expect(o.report.clashes).toHaveLength(1);
    expect(o.report.clashes.some((c) => c.a === 'w1' && c.b === 'w2')).toBe(false);
    const w1 = o.schedule.find((a) => a.item === 'w1')!;
    const w2 = o.schedule.find((a) => a.item === 'w2')!;
    expect(w1.end <= w2.start || w2.end <= w1.start).toBe(true);
    expect(o.report.solver).toBe('highs');
    expect(o.report.model.grid).toBe(10);
  });
});

describe('planSchedule stopped by the user', () => {
  /** A solver that finds `picks` at once, then works until it is stopped, and answers with what it found. */
  function patient(picks: (m: MipModel) => readonly number[]): Solver {
    return (model, options) =>
      new Promise((resolve) => {
        const found = { status: 'feasible' as const, values: choose(model, picks(model)), objective: 0, bound: null, backend: 'highs' as const, seconds: 1 };
        if (options.signal?.aborted) return resolve(found);
        options.signal?.addEventListener('abort', () => resolve(found));
      });
  }

  test('the best schedule so far is checked and reported, marked as stopped by the user', async () => {
    const model = modelOf(ev);
    const picks = [pick(model, 'w1', 'c1', 9), pick(model, 'w2', 'c2', 9), pick(model, 'p1', 'mh', 12)];
    const stop = new AbortController();
    const seen: (string | undefined)[] = [];
    const planning = planSchedule(ev, { ...request(patient(() => picks)), signal: stop.signal, onProgress: (p) => seen.push(p.step) });
    setTimeout(() => stop.abort(), 50);
    const o = expectKind(await planning, 'scheduled');
    expect(o.report.stoppedByUser).toBe(true);
    expect(checkSchedule(buildContext(ev), o.schedule)).toEqual([]);
    expect(o.report.steps.filter((s) => !s.ran).map((s) => s.outcome)).toContain('stopped by the user');
    expect(seen).toContain('whole');
  });

  test('stopped before anything was found: nothing to write', async () => {
    const stop = new AbortController();
    stop.abort();
    const { solver } = stub(() => ({ status: 'timedout', backend: 'highs', seconds: 0 }));
    expect((await planSchedule(ev, { ...request(solver), signal: stop.signal })).kind).toBe('stopped');
  });
});

describe('the anytime trace', () => {
  test('holds only costs found: a solver reporting an infinite objective before its first solution adds nothing', async () => {
    const model = modelOf(ev);
    const picks = [pick(model, 'w1', 'c1', 9), pick(model, 'w2', 'c2', 9), pick(model, 'p1', 'mh', 12)];
    const solver: Solver = async (m, options) => {
      options.onProgress?.({ objective: Infinity, bound: null, gap: null, seconds: 0 });
      return { status: 'optimal', values: choose(m, picks), objective: 0, bound: 0, backend: 'highs', seconds: 0 };
    };
    const o = expectKind(await planSchedule(ev, request(solver)), 'scheduled');
    expect(o.report.timing.trace.length).toBeGreaterThan(0);
    for (const point of o.report.timing.trace) expect(Number.isFinite(point.cost), JSON.stringify(point)).toBe(true);
  });
});
