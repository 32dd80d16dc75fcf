/**
 * Workshop levels (advanced-clash, intro-blocks) and languages
 * (language-clash): each decides the outcome of a tiny event built so that
 * with its weight at 0 the best schedule is a different one.
 */
import { describe, expect, test } from 'vitest';
import type { Event, Schedule } from '../../../src/domain/types.js';
import { buildContext } from '../../../src/model/context.js';
import type { Context } from '../../../src/model/context.js';
import { introBlocksGoal } from '../../../src/model/goals/intro-blocks.js';
import { advancedClashGoal, languageClashGoal, overlapPairs } from '../../../src/model/goals/pair-overlap.js';
import { DEFAULT_WEIGHTS, NO_WEIGHTS, withWeights, type Weights } from '../../../src/model/goals/registry.js';
import { planSchedule } from '../../../src/pipeline/schedule.js';
import { avail, event, item, room, win } from '../../helpers/event.js';

const D = '2014-11-19';
const slow = { timeout: 60_000 };
// Only the goal under test and the wish that pulls against it.
const ONLY = (goal: string, weight: number): Weights => withWeights(NO_WEIGHTS, { [goal]: weight, 'speaker-preferred': DEFAULT_WEIGHTS['speaker-preferred']! });

const scoreIntroBlocks = (ctx: Context, s: Schedule) => introBlocksGoal.score(ctx, s).occurrences.map((o) => o.message);
const scorePairOverlaps = (ctx: Context, s: Schedule, goal: 'advanced-clash' | 'language-clash') =>
  (goal === 'advanced-clash' ? advancedClashGoal : languageClashGoal).score(ctx, s).occurrences.map((o) => o.message);

async function plan(ev: Event, weights: Weights): Promise<Schedule> {
  const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 20, backend: 'highs', now: () => performance.now(), weights });
  if (o.kind !== 'scheduled') throw new Error(o.kind);
  return o.schedule;
}

const classrooms = [room('c1', 'classroom'), room('c2', 'classroom'), room('c3', 'classroom')];

describe('advanced-clash', () => {
  // Both speakers prefer the morning; two advanced workshops on one theme.
  const ev = event({
    calendar: [win(D, '09:00', '11:00'), win(D, '11:30', '13:30')],
    rooms: classrooms,
    items: [
      item('w1', 'workshop', 120, ['a'], { themes: ['x'], level: 'advanced' }),
      item('w2', 'workshop', 120, ['b'], { themes: ['x', 'y'], level: 'advanced' }),
      item('w3', 'workshop', 120, ['c'], { themes: ['x'], level: 'intro' }),
    ],
    availability: [avail('a', D, '09:00', '11:00', 'preferred'), avail('b', D, '09:00', '11:00', 'preferred')],
  });

  test('pairs only advanced workshops that share a theme', () => {
    expect(overlapPairs(buildContext(ev), 'advanced-clash').map((p) => `${p.a.id}-${p.b.id}`)).toEqual(['w1-w2']);
  });

  test('keeps two advanced workshops on one theme apart, against their speakers’ wish', slow, async () => {
    const on = await plan(ev, ONLY('advanced-clash', 100));
    expect(scorePairOverlaps(buildContext(ev), on, 'advanced-clash')).toEqual([]);
    const off = await plan(ev, ONLY('advanced-clash', 0));
    expect(scorePairOverlaps(buildContext(ev), off, 'advanced-clash')).toHaveLength(1);
  });
});

describe('intro-blocks', () => {
  // Two windows, two intro workshops; their speakers both prefer the morning.
  const ev = event({
    calendar: [win(D, '09:00', '11:00'), win(D, '11:30', '13:30')],
    rooms: classrooms,
    items: [
      item('w1', 'workshop', 120, ['a'], { level: 'intro' }),
      item('w2', 'workshop', 120, ['b'], { level: 'intro' }),
      item('w3', 'workshop', 120, ['c'], { level: 'advanced' }),
      item('w4', 'workshop', 120, ['d'], { level: 'intermediate' }),
    ],
    availability: [avail('a', D, '09:00', '11:00', 'preferred'), avail('b', D, '09:00', '11:00', 'preferred')],
  });

  test('spreads intro workshops so every workshop window offers one', slow, async () => {
    const on = await plan(ev, ONLY('intro-blocks', 50));
    expect(scoreIntroBlocks(buildContext(ev), on)).toEqual([]);
    const off = await plan(ev, ONLY('intro-blocks', 0));
    const missing = scoreIntroBlocks(buildContext(ev), off);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain('11:30');
  });

  test('applies only when the event has intro workshops and others', () => {
    const allIntro = event({ ...ev, items: ev.items.map((i) => ({ ...i, level: 'intro' as const })) });
    expect(scoreIntroBlocks(buildContext(allIntro), [])).toEqual([]);
  });
});

describe('language-clash', () => {
  // Spanish is the most common language; the two English workshops' speakers prefer the morning.
  const ev = event({
    calendar: [win(D, '09:00', '11:00'), win(D, '11:30', '13:30')],
    rooms: classrooms,
    items: [
      item('w1', 'workshop', 120, ['a'], { language: 'en' }),
      item('w2', 'workshop', 120, ['b'], { language: 'en' }),
      item('w3', 'workshop', 120, ['c'], { language: 'es' }),
      item('w4', 'workshop', 120, ['d'], { language: 'es' }),
      item('w5', 'workshop', 120, ['e'], { language: 'es' }),
    ],
    availability: [avail('a', D, '09:00', '11:00', 'preferred'), avail('b', D, '09:00', '11:00', 'preferred')],
  });

  test('pairs sessions in the same language, except the most common one', () => {
    expect(overlapPairs(buildContext(ev), 'language-clash').map((p) => `${p.a.id}-${p.b.id}`)).toEqual(['w1-w2']);
  });

  test('keeps a less common language’s sessions apart', slow, async () => {
    const on = await plan(ev, ONLY('language-clash', 50));
    expect(scorePairOverlaps(buildContext(ev), on, 'language-clash')).toEqual([]);
    const off = await plan(ev, ONLY('language-clash', 0));
    expect(scorePairOverlaps(buildContext(ev), off, 'language-clash')).toHaveLength(1);
  });
});
