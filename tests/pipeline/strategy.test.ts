/**
 * The plan (strategy.ts) by the event's size and the flags: which steps run
 * first, and whether the improvement step ends with the whole model (only
 * below TWO_STAGE_FROM placements, or with --model whole).
 */
import { describe, expect, test } from 'vitest';
import { choosePlan, FIRST_SCHEDULE_FROM, MAX_WHOLE_PLACEMENTS, TWO_STAGE_FROM, WHOLE_SHARE, type PlanFacts } from '../../src/pipeline/strategy.js';

const facts = (over: Partial<PlanFacts>): PlanFacts => ({ placements: 1_000, model: 'auto', staging: false, allowPartial: false, directlyImpossible: false, ...over });
const steps = (f: PlanFacts) => choosePlan(f).map((p) => p.step);
const improve = (f: PlanFacts) => choosePlan(f).find((p) => p.step === 'improve');

describe('choosePlan', () => {
  test('a small event: the whole model first with its share, then the search and the whole model after it', () => {
    const plan = choosePlan(facts({}));
    expect(plan.map((p) => p.step)).toEqual(['whole', 'improve', 'diagnose']);
    expect(plan[0]!.share).toBe(WHOLE_SHARE);
    expect(improve(facts({}))?.wholeAfter).toBe(true);
    // The whole model has had its turn: the search keeps the time, and its reason does not promise the whole model again.
    expect(improve(facts({}))?.why).not.toContain('whole model');
  });

  test('from FIRST_SCHEDULE_FROM placements the whole model, as the first step, stops at its first schedule; below, it may prove', () => {
    expect(choosePlan(facts({}))[0]!.firstSchedule).toBeUndefined();
    expect(choosePlan(facts({ placements: FIRST_SCHEDULE_FROM - 1 }))[0]!.firstSchedule).toBeUndefined();
    expect(choosePlan(facts({ placements: FIRST_SCHEDULE_FROM }))[0]).toMatchObject({ step: 'whole', share: WHOLE_SHARE, firstSchedule: true });
    // Not first (after another step that found nothing): it is the run's only hope of a schedule, and solves on.
    expect(choosePlan(facts({ placements: FIRST_SCHEDULE_FROM, staging: true })).find((p) => p.step === 'whole')?.firstSchedule).toBeUndefined();
    expect(choosePlan(facts({ placements: TWO_STAGE_FROM })).find((p) => p.step === 'whole')?.firstSchedule).toBeUndefined();
  });

  test('the search restarts when it stalls only where the first step stops at its first schedule (large events)', () => {
    expect(improve(facts({ placements: FIRST_SCHEDULE_FROM }))).toMatchObject({ restarts: true });
    expect(improve(facts({ placements: FIRST_SCHEDULE_FROM }))?.why).toContain('restarted');
    expect(improve(facts({ placements: TWO_STAGE_FROM }))).toMatchObject({ restarts: true });
    // Smaller events, staged ones and an asked-for two-stage model: the search ends when it stalls (the whole model may prove after it).
    for (const f of [facts({}), facts({ placements: FIRST_SCHEDULE_FROM - 1 }), facts({ placements: FIRST_SCHEDULE_FROM, staging: true }), facts({ model: 'two-stage' })]) {
      expect(improve(f)?.restarts).toBeUndefined();
      expect(improve(f)?.why).not.toContain('restarted');
    }
  });

  test('lightning talks beside other items: staged first, the whole model only when it finds nothing', () => {
    const plan = choosePlan(facts({ staging: true }));
    expect(plan.map((p) => p.step)).toEqual(['staged', 'whole', 'improve', 'diagnose']);
    expect(plan[1]!.when).toBe('no-schedule');
    expect(plan[1]!.share).toBeUndefined();
    expect(plan[2]!.wholeAfter).toBe(true);
    expect(plan[2]!.why).toContain('then the whole model');
  });

  test('from TWO_STAGE_FROM placements: times first, and the search keeps the time (no whole model after it)', () => {
    for (const placements of [TWO_STAGE_FROM, MAX_WHOLE_PLACEMENTS]) {
      expect(steps(facts({ placements }))).toEqual(['times-then-rooms', 'whole', 'improve', 'diagnose']);
      expect(improve(facts({ placements }))?.wholeAfter).toBe(false);
      expect(improve(facts({ placements }))?.why).not.toContain('whole model');
    }
    expect(improve(facts({ placements: TWO_STAGE_FROM - 1 }))?.wholeAfter).toBe(true);
    // Chosen by size, the two-stage step only gives the search its first schedule; asked for, it also solves for the objective.
    expect(choosePlan(facts({ placements: TWO_STAGE_FROM }))[0]).toMatchObject({ step: 'times-then-rooms', firstSchedule: true });
    expect(choosePlan(facts({ model: 'two-stage' }))[0]!.firstSchedule).toBeUndefined();
  });

  test('beyond MAX_WHOLE_PLACEMENTS no whole model at all, unless --model whole asks for it', () => {
    const huge = MAX_WHOLE_PLACEMENTS + 1;
    expect(steps(facts({ placements: huge }))).toEqual(['times-then-rooms', 'improve']);
    expect(improve(facts({ placements: huge }))?.wholeAfter).toBe(false);
    expect(steps(facts({ placements: huge, model: 'whole' }))).toEqual(['whole', 'improve', 'diagnose']);
    expect(improve(facts({ placements: huge, model: 'whole' }))?.wholeAfter).toBe(true);
  });

  test('--model two-stage on a small event still ends with the whole model', () => {
    expect(steps(facts({ model: 'two-stage' }))).toEqual(['times-then-rooms', 'whole', 'improve', 'diagnose']);
    expect(improve(facts({ model: 'two-stage' }))?.wholeAfter).toBe(true);
  });

  test('directly impossible: nothing to run, or the partial step with --allow-partial', () => {
    expect(steps(facts({ directlyImpossible: true }))).toEqual([]);
    expect(steps(facts({ directlyImpossible: true, allowPartial: true }))).toEqual(['partial']);
  });
});
