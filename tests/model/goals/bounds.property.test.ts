/**
 * The counted bounds of the overlap goals (theme, language and advanced
 * clashes: pigeonhole, Turán and pair-minutes, bounds.ts), the room-size
 * relaxation and the clash goals' crowding relaxation (crowding.ts) hold at every valid schedule of crowded random events: many
 * items of few themes and languages, in little program time, half of them
 * confined by their speaker's availability to part of it, so that the
 * bounds are often above 0 (the test fails if they seldom are).
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Assignment, Event, Format, Schedule } from '../../../src/domain/types.js';
import { checkSchedule } from '../../../src/check/check.js';
import { candidatePlacements } from '../../../src/model/candidates.js';
import { buildContext } from '../../../src/model/context.js';
import { goalLowerUnits, relaxedBounds } from '../../../src/model/goals/bounds.js';
import { advancedClashGoal, languageClashGoal } from '../../../src/model/goals/pair-overlap.js';
import { roomSizeGoal } from '../../../src/model/goals/room-size.js';
import { themeClashGoal } from '../../../src/model/goals/theme-clash.js';
import { coarsestGrid } from '../../../src/model/grid.js';
import { solve } from '../../../src/solve/index.js';
import { avail, item, room, speaker, win } from '../../helpers/event.js';

const D = '2014-11-19';
const DURATION: Readonly<Record<Format, readonly number[]>> = { lightning: [10, 15, 30], plenary: [30, 60], workshop: [60, 120] };

const itemArb = fc.record({
  format: fc.constantFrom<Format>('plenary', 'workshop', 'workshop', 'lightning', 'lightning'),
  length: fc.nat(2),
  themes: fc.subarray(['x', 'y'], { minLength: 1 }),
  audience: fc.integer({ min: 5, max: 90 }),
  advanced: fc.boolean(),
  language: fc.constantFrom('es', 'en', 'en', 'pt'),
  // Half the speakers are available only part of the morning (from 09:00 + 30 min × from, for 1 to 3 half-hours
  // more than the item lasts): items confined to a span, where the bounds' local argument counts.
  window: fc.option(fc.record({ from: fc.nat(3), extra: fc.integer({ min: 1, max: 3 }) }), { freq: 2 }),
});

const eventArb = fc
  .record({
    items: fc.array(itemArb, { minLength: 4, maxLength: 11 }),
    // A morning of 2 to 3 hours, and sometimes an afternoon hour.
    morning: fc.integer({ min: 4, max: 6 }),
    afternoon: fc.boolean(),
    classrooms: fc.integer({ min: 2, max: 4 }),
  })
  .map(({ items, morning, afternoon, classrooms }): Event => {
    const built = items.map((x, k) => {
      const lengths = DURATION[x.format];
      return item(`i${k}`, x.format, lengths[x.length % lengths.length]!, [`s${k}`], {
        themes: x.themes,
        audience: x.audience,
        level: x.format === 'workshop' ? (x.advanced ? 'advanced' : 'intro') : null,
        language: x.language,
      });
    });
    const end = 9 * 60 + morning * 30;
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const availability = items.flatMap((x, k) => {
      if (!x.window) return [];
      const from = 9 * 60 + 30 * x.window.from;
      return [avail(built[k]!.speakers[0]!, D, hhmm(from), hhmm(from + built[k]!.duration + 30 * x.window.extra), 'available')];
    });
    return {
      calendar: [win(D, '09:00', hhmm(end)), ...(afternoon ? [win(D, '14:00', '15:00')] : [])],
      rooms: [
        room('mh', 'main_hall', 200),
        room('mh2', 'main_hall', 120),
        room('lobby', 'lobby', 200),
        ...Array.from({ length: classrooms }, (_, k) => room(`c${k + 1}`, 'classroom', 40 + 25 * k)),
      ],
      items: built,
      speakers: built.map((i) => speaker(i.speakers[0]!)),
      availability,
      favourites: [],
      members: [],
    };
  });

test('the overlap goals’ counted bounds and the room-size and crowding relaxations never exceed a valid schedule’s cost', { timeout: 120_000 }, async () => {
  const goals = [themeClashGoal, languageClashGoal, advancedClashGoal];
  const above = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(eventArb, fc.infiniteStream(fc.nat()), async (ev, picks) => {
      const ctx = buildContext(ev, { gap: 10 });
      const candidates = candidatePlacements(ctx, coarsestGrid(ctx));
      const draw = picks[Symbol.iterator]();
      const chosen: Assignment[] = [];
      for (const id of ctx.items.keys()) {
        const options = candidates.placements.filter((p) => p.item === id && checkSchedule(ctx, [...chosen, p]).every((v) => v.rule === 'placed-once'));
        if (options.length > 0) chosen.push(options[draw.next().value % options.length]!);
      }
      const schedule: Schedule = chosen;
      fc.pre(schedule.length === ctx.items.size);
      for (const goal of goals) {
        const bound = goalLowerUnits(ctx, goal, candidates);
        expect(bound, goal.name).toBeLessThanOrEqual(goal.score(ctx, schedule).units + 1e-9);
        if (bound > 0) above.set(goal.name, (above.get(goal.name) ?? 0) + 1);
      }
      for (const goal of [roomSizeGoal, themeClashGoal, languageClashGoal]) {
        const relaxed = (await relaxedBounds(ctx, [{ goal, weight: 1 }], candidates, solve, { timeLimitSeconds: 20 })).get(goal.name) ?? 0;
        expect(relaxed, `${goal.name} relaxed`).toBeLessThanOrEqual(goal.score(ctx, schedule).units + 1e-9);
        const tally = (key: string) => above.set(key, (above.get(key) ?? 0) + 1);
        if (relaxed > 0) tally(`${goal.name} relaxed`);
        // The clash goals' relaxation includes their counted bound: it matters where it sees more.
        if (goal === themeClashGoal && relaxed > goalLowerUnits(ctx, goal, candidates)) tally('theme-clash beyond counting');
      }
    }),
    { seed: 7, numRuns: 200 },
  );
  // Each bound was above 0 in several events: the checks above were not all against 0.
  for (const name of ['theme-clash', 'language-clash', 'advanced-clash', 'room-size relaxed', 'theme-clash relaxed', 'language-clash relaxed', 'theme-clash beyond counting']) expect(above.get(name) ?? 0, name).toBeGreaterThanOrEqual(5);
});
