/**
 * Staged solving (core without lightning talks, then the extension, then the
 * whole model if needed), observed through planSchedule with a spy around the
 * real solver, or with stubs for the outcomes HiGHS will not produce on demand.
 */
import { describe, expect, test } from 'vitest';
import type { Event } from '../../src/domain/types.js';
import { checkSchedule } from '../../src/check/check.js';
import { buildModel, type BuiltModel } from '../../src/model/build.js';
import { buildContext, partOf } from '../../src/model/context.js';
import { planSchedule, type ScheduleOutcome } from '../../src/pipeline/schedule.js';
import { worthStaging } from '../../src/pipeline/steps/staged.js';
import { solve, type SolveResult, type Solver } from '../../src/solve/index.js';
import { avail, event, item, room, win } from '../helpers/event.js';

const D = '2014-11-19';
const GAP = 10;

type Call = { readonly columns: number; readonly fixed: number; readonly initial: boolean };

/** Records each call, then answers with `answer(k)` for the k-th call, or the real solver. */
function spy(answer: (k: number, real: () => Promise<SolveResult>) => Promise<SolveResult> = (_k, real) => real()) {
  const calls: Call[] = [];
  const solver: Solver = async (model, options) => {
    calls.push({
      columns: model.columns.length,
      fixed: model.columns.filter((c) => c.lower === c.upper).length,
      initial: options.initial !== undefined,
    });
    return answer(calls.length - 1, () => solve(model, options));
  };
  return { solver, calls };
}

const plan = (ev: Event, solver: Solver) => planSchedule(ev, { gap: GAP, timeLimitSeconds: 20, backend: 'highs', now: () => 0, solver });

function whole(ev: Event): BuiltModel {
  const r = buildModel(buildContext(ev, { gap: GAP }));
  if (!r.ok) throw new Error('unexpected rejections');
  return r.model;
}

function scheduled(o: ScheduleOutcome): Extract<ScheduleOutcome, { kind: 'scheduled' }> {
  expect(o.kind, JSON.stringify(o)).toBe('scheduled');
  return o as Extract<ScheduleOutcome, { kind: 'scheduled' }>;
}

/** A plenary and a workshop sharing a theme, and a lightning talk; the morning lasts `end`. */
function mixed(end: string, lightningThemes: string[]): Event {
  return event({
    calendar: [win(D, '09:00', end)],
    rooms: [room('mh', 'main_hall'), room('lobby', 'lobby'), room('c1', 'classroom')],
    items: [
      item('p1', 'plenary', 60, ['a'], { themes: ['x'] }),
      item('w1', 'workshop', 60, ['b'], { themes: ['x'] }),
      item('l1', 'lightning', 10, ['c'], { themes: lightningThemes, audience: 5 }),
    ],
  });
}

describe('worthStaging', () => {
  test('only when there are lightning talks and something else', () => {
    const l = item('l1', 'lightning', 10, ['a']);
    const w = item('w1', 'workshop', 60, ['b']);
    expect(worthStaging(buildContext(event({ items: [l, w] })))).toBe(true);
    expect(worthStaging(buildContext(event({ items: [l] })))).toBe(false);
    expect(worthStaging(buildContext(event({ items: [w] })))).toBe(false);
  });
});

describe('planSchedule in stages', () => {
  test('a free extension proves the schedule optimal after two solves: the core, then the fixed whole', { timeout: 60_000 }, async () => {
    const ev = mixed('11:00', ['z']);
    const { solver, calls } = spy();
    const o = scheduled(await plan(ev, solver));
    expect(checkSchedule(buildContext(ev, { gap: GAP }), o.schedule)).toEqual([]);
    expect([o.report.status, o.report.objective, o.report.bound]).toEqual(['optimal', 0, 0]);
    const n = whole(ev).mip.columns.length;
    expect(calls).toHaveLength(2);
    // The core has no lightning columns; the extension is the whole model with every core column fixed and taken out.
    expect(calls[0]!.columns).toBeLessThan(n);
    expect(calls[1]!.columns).toBe(n - whole(ev).placements.filter((p) => p.item !== 'l1').length);
    expect(calls[1]!.fixed).toBe(0);
  });

  test('a costly extension that meets the goals’ own bound is proven optimal at once, with no solve after it', { timeout: 60_000 }, async () => {
    // p1 and w1 fill the morning side by side or one after the other; l1 shares their theme
    // and cannot avoid both unless they overlap each other, which costs more than l1's audience.
    // 130 minutes of one theme in 120 force one pair: l1's, 5 (bounds.ts), which the extension finds.
    const ev = mixed('11:00', ['x']);
    const { solver, calls } = spy();
    const o = scheduled(await plan(ev, solver));
    expect(checkSchedule(buildContext(ev, { gap: GAP }), o.schedule)).toEqual([]);
    expect(o.report.status).toBe('optimal');
    expect(o.report.objective).toBe(5);
    expect(o.report.bound).toBe(5);
    expect(o.report.clashes.map((c) => [c.a, c.b].sort().join('+')).filter((k) => k === 'p1+w1')).toEqual([]);
    // The core and the extension, cold; the search and the whole model have nothing left to prove.
    expect(calls.map((c) => c.initial)).toEqual([false, false]);
  });

  test('a costly extension is proven optimal on the core and the talks that meet it, without the whole model', { timeout: 60_000 }, async () => {
    // p1 fills one day's only hour in the main hall; its speaker's talk l1 must go to the other day
    // (speaker-days, 60). The core alone costs nothing, so the core cannot prove it; the core with
    // l1 (not l2, whose speaker speaks nowhere else) can.
    const D2 = '2014-11-20';
    const ev = event({
      calendar: [win(D, '09:00', '10:00'), win(D2, '09:00', '10:00')],
      rooms: [room('mh', 'main_hall'), room('lobby', 'lobby')],
      items: [
        item('p1', 'plenary', 60, ['a']),
        // Talks with no country would be one group, the regional initiatives.
        item('l1', 'lightning', 10, ['a'], { country: 'Chile' }),
        item('l2', 'lightning', 10, ['z'], { country: 'Perú' }),
      ],
    });
    const { solver, calls } = spy();
    const o = scheduled(await plan(ev, solver));
    expect(checkSchedule(buildContext(ev, { gap: GAP }), o.schedule)).toEqual([]);
    expect([o.report.status, o.report.objective, o.report.bound]).toEqual(['optimal', 60, 60]);
    // The core, the extension, and beside it the part twice: the core's schedule extended over l1 (cold), then the part from it.
    expect(calls.map((c) => c.initial)).toEqual([false, false, false, true]);
    // The fourth model is the part: the whole model without l2's placements.
    const full = whole(ev);
    expect(calls[3]!.columns).toBe(full.mip.columns.length - full.placements.filter((p) => p.item === 'l2').length);
    // Its start was the part with the core's placements fixed and taken out: l1's placements and the penalty columns left.
    expect(calls[2]!.columns).toBeLessThan(calls[3]!.columns);
  });

  test('the extension’s schedule enters the anytime trace when it is found, before the part that proves it', { timeout: 60_000 }, async () => {
    // The event of the test above; the clock moves a second per solve started: the core (1), the extension (2),
    // beside it the part's start (3), then the part (4). The extension is found after the third started.
    const D2 = '2014-11-20';
    const ev = event({
      calendar: [win(D, '09:00', '10:00'), win(D2, '09:00', '10:00')],
      rooms: [room('mh', 'main_hall'), room('lobby', 'lobby')],
      items: [item('p1', 'plenary', 60, ['a']), item('l1', 'lightning', 10, ['a'], { country: 'Chile' }), item('l2', 'lightning', 10, ['z'], { country: 'Perú' })],
    });
    let clock = 0;
    const { solver, calls } = spy((_k, real) => {
      clock += 1000;
      return real();
    });
    const o = scheduled(await planSchedule(ev, { gap: GAP, timeLimitSeconds: 20, backend: 'highs', now: () => clock, solver }));
    expect(calls).toHaveLength(4);
    expect(o.report.timing.trace).toEqual([{ seconds: 3, cost: 60 }]);
  });

  test('the part started beside an extension that the core already proves is stopped', { timeout: 60_000 }, async () => {
    // l1 shares p1's speaker, so the part (core and l1) starts beside the extension; l2 keeps it a part.
    // Everything fits at no cost: the core proves the extension, and the part is not waited for.
    const ev = event({
      calendar: [win(D, '09:00', '11:00')],
      rooms: [room('mh', 'main_hall'), room('lobby', 'lobby')],
      items: [item('p1', 'plenary', 60, ['a']), item('l1', 'lightning', 10, ['a'], { country: 'Chile' }), item('l2', 'lightning', 10, ['z'], { country: 'Perú' })],
    });
    // The part's solves never end on their own: only being stopped ends them.
    const stopped: number[] = [];
    const solver: Solver = (model, options) => {
      const k = stopped.length;
      stopped.push(-1);
      if (k < 2) return solve(model, options);
      return new Promise((resolve) => {
        const end = () => {
          stopped[k] = k;
          resolve({ status: 'timedout', backend: 'highs', seconds: 0 });
        };
        if (options.signal?.aborted) end();
        else options.signal?.addEventListener('abort', end, { once: true });
      });
    };
    const o = scheduled(await plan(ev, solver));
    expect(checkSchedule(buildContext(ev, { gap: GAP }), o.schedule)).toEqual([]);
    expect([o.report.status, o.report.objective, o.report.bound]).toEqual(['optimal', 0, 0]);
    // The core and the extension ran to their end; the part's start was stopped.
    expect(stopped).toEqual([-1, -1, 2]);
  });

  test('a part of an event keeps its common language, so the core never costs more than the whole', { timeout: 60_000 }, async () => {
    // Among workshops English leads (3 to 2), but with the Spanish lightning talks Spanish is the
    // event's most common language: English clashes cost, Spanish ones do not. w4 and w5 (Spanish)
    // must run at once (both free 09:00-10:00 only); the English ones need not (three classrooms, three hours).
    const ev = event({
      calendar: [win(D, '09:00', '12:30')],
      rooms: [room('lobby', 'lobby'), room('c1', 'classroom'), room('c2', 'classroom'), room('c3', 'classroom')],
      availability: [avail('sp-4', D, '09:00', '10:00', 'available'), avail('sp-5', D, '09:00', '10:00', 'available')],
      items: [
        ...['w1', 'w2', 'w3'].map((id, k) => item(id, 'workshop', 60, [`sp-${k + 1}`], { language: 'en' })),
        ...['w4', 'w5'].map((id, k) => item(id, 'workshop', 60, [`sp-${k + 4}`], { language: 'es' })),
        ...['l1', 'l2', 'l3'].map((id, k) => item(id, 'lightning', 10, [`sp-${k + 6}`], { language: 'es' })),
      ],
    });
    const ctx = buildContext(ev, { gap: GAP });
    const core = partOf(ctx, (i) => i.format !== 'lightning');
    expect([ctx.commonLanguage, core.commonLanguage]).toEqual(['es', 'es']);
    expect(buildContext(core.event, { gap: GAP }).commonLanguage).toBe('en'); // what the core alone would say
    const optimum = async (c: typeof ctx) => {
      const built = buildModel(c);
      if (!built.ok) throw new Error('no model');
      const r = await solve(built.model.mip, { backend: 'highs', timeLimitSeconds: 30 });
      if (r.status !== 'optimal') throw new Error(r.status);
      return r.objective;
    };
    expect(await optimum(ctx)).toBe(0);
    expect(await optimum(core)).toBe(0);
    expect(await optimum(buildContext(core.event, { gap: GAP }))).toBe(20); // a core on its own would claim more than the whole costs
  });

  test('an infeasible core proves the whole event impossible, without solving the whole model', { timeout: 60_000 }, async () => {
    // Three 2-hour workshops, two classrooms, two 2-hour windows back to back: the hallway gap
    // after a workshop ending at 11:00 keeps its room closed at 11:00, so the third never fits.
    const ev = event({
      calendar: [win(D, '09:00', '11:00'), win(D, '11:00', '13:00')],
      rooms: [room('c1', 'classroom'), room('c2', 'classroom'), room('lobby', 'lobby')],
      items: [
        item('w1', 'workshop', 120, ['a']),
        item('w2', 'workshop', 120, ['b']),
        item('w3', 'workshop', 120, ['c']),
        item('l1', 'lightning', 10, ['d']),
      ],
    });
    const { solver, calls } = spy();
    const o = await plan(ev, solver);
    expect(o.kind).toBe('impossible');
    if (o.kind === 'impossible') expect(o.by).toBe('solver');
    // The core, then only the elastic model that names what must give.
    expect(calls).toHaveLength(2);
    expect(calls[0]!.columns).toBeLessThan(whole(ev).mip.columns.length);
    expect(calls[1]!.columns).toBeGreaterThan(whole(ev).mip.columns.length);
    if (o.kind === 'impossible') expect(o.findings.map((f) => f.check)).toEqual(['must-give']);
  });

  test('a core that times out falls back to the whole model', async () => {
    const ev = mixed('11:00', ['z']);
    const { solver, calls } = spy(async (k) =>
      k === 0 ? { status: 'timedout', backend: 'highs', seconds: 20 } : { status: 'infeasible', backend: 'highs', seconds: 1 },
    );
    const o = await plan(ev, solver);
    expect(o.kind).toBe('impossible');
    expect(calls.map((c) => [c.columns, c.fixed])).toEqual([
      [calls[0]!.columns, 0],
      [whole(ev).mip.columns.length, 0],
      // then the elastic model, after the whole one said infeasible
      [calls[2]!.columns, 0],
    ]);
    expect(calls[2]!.columns).toBeGreaterThan(whole(ev).mip.columns.length);
  });

  test('an extension whose values break a rule is failed by the checker, never scheduled', { timeout: 60_000 }, async () => {
    const ev = mixed('11:00', ['z']);
    const model = whole(ev);
    // Place l1 a second time, at no cost: the stages see an optimal answer, the checker does not.
    const { solver } = spy(async (k, real) => {
      const r = await real();
      if (k !== 1 || (r.status !== 'optimal' && r.status !== 'feasible')) return r;
      const values = Float64Array.from(r.values);
      const again = model.placements.findIndex((p, i) => p.item === 'l1' && values[i]! < 0.5);
      expect(again).toBeGreaterThanOrEqual(0);
      values[again] = 1;
      return { ...r, values };
    });
    const o = await plan(ev, solver);
    expect(o.kind).toBe('failed');
    if (o.kind === 'failed') expect(o.violations.map((v) => [v.rule, v.items])).toContainEqual(['placed-once', ['l1']]);
  });
});
