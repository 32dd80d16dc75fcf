/**
 * lightning-groups: a country's talks back to back in one lobby block, in
 * the order government, civil society, IRM; regional initiatives together.
 */
import { describe, expect, test } from 'vitest';
import type { Assignment, Event, Schedule } from '../../../src/domain/types.js';
import { buildContext } from '../../../src/model/context.js';
import { isRegional, lightningGroups, lightningGroupsGoal } from '../../../src/model/goals/lightning.js';
import { DEFAULT_WEIGHTS, withWeights, type Weights } from '../../../src/model/goals/registry.js';
import { planSchedule } from '../../../src/pipeline/schedule.js';
import { avail, event, item, room, speaker, win } from '../../helpers/event.js';

const D = '2014-11-19';
const slow = { timeout: 60_000 };

// Costa Rica's talks listed out of order (IRM first); the government's speaker prefers the morning,
// civil society's the afternoon. Two regional initiatives.
const ev: Event = event({
  calendar: [win(D, '09:00', '10:00'), win(D, '14:00', '15:00')],
  rooms: [room('lobby', 'lobby')],
  speakers: [
    speaker('irm', { sector: 'irm' }),
    speaker('gov', { sector: 'government' }),
    speaker('cso', { sector: 'civil_society' }),
    speaker('r1', { sector: 'multilateral' }),
    speaker('r2', { sector: 'civil_society' }),
  ],
  items: [
    item('l1', 'lightning', 10, ['irm'], { country: 'Costa Rica' }),
    item('l2', 'lightning', 10, ['gov'], { country: 'Costa Rica' }),
    item('l3', 'lightning', 10, ['cso'], { country: 'Costa Rica' }),
    item('r1', 'lightning', 10, ['r1'], { country: 'Regional' }),
    item('r2', 'lightning', 10, ['r2'], { country: '' }),
  ],
  availability: [avail('gov', D, '09:00', '10:00', 'preferred'), avail('cso', D, '14:00', '15:00', 'preferred')],
});

const talk = (id: string, start: number, room = 'lobby'): Assignment => ({ item: id, room, date: D, start, end: start + 10 });

describe('lightning-groups', () => {
  test('orders a country’s talks by sector and tells regional initiatives apart', () => {
    const groups = lightningGroups(buildContext(ev));
    expect(groups.countries.map((g) => g.map((i) => i.id))).toEqual([['l2', 'l3', 'l1']]);
    expect(groups.regional.map((i) => i.id)).toEqual(['r1', 'r2']);
    expect(isRegional(ev.items.find((i) => i.id === 'l1')!)).toBe(false);
  });

  test('counts each broken link and each extra regional block', () => {
    const ctx = buildContext(ev);
    const inOrder: Schedule = [talk('l2', 540), talk('l3', 550), talk('l1', 560), talk('r1', 840), talk('r2', 850)];
    expect(lightningGroupsGoal.score(ctx, inOrder).occurrences.map((o) => o.message)).toEqual([]);
    // IRM before civil society; a gap; the regional talks in two blocks.
    const broken: Schedule = [talk('l2', 540), talk('l1', 550), talk('l3', 570), talk('r1', 580), talk('r2', 840)];
    const found = lightningGroupsGoal.score(ctx, broken).occurrences.map((o) => o.message);
    expect(found).toHaveLength(3);
    expect(found.filter((m) => m.includes('regional initiatives'))).toHaveLength(1);
  });

  test('keeps a country’s talks together and in order, against one speaker’s wish', slow, async () => {
    const weights = (w: number): Weights => withWeights(DEFAULT_WEIGHTS, { 'lightning-groups': w });
    const plan = async (w: number) => {
      const o = await planSchedule(ev, { gap: 10, timeLimitSeconds: 20, backend: 'highs', now: () => performance.now(), weights: weights(w) });
      if (o.kind !== 'scheduled') throw new Error(o.kind);
      return o.schedule;
    };
    const ctx = buildContext(ev);
    // Breaking the order saves a preferred wish (40) but breaks a link (50).
    const on = await plan(50);
    expect(lightningGroupsGoal.score(ctx, on).occurrences.map((o) => o.message)).toEqual([]);
    const at = (s: Schedule, id: string) => s.find((a) => a.item === id)!;
    expect(at(on, 'l3').start).toBe(at(on, 'l2').end);
    expect(at(on, 'l1').start).toBe(at(on, 'l3').end);
    // Off, each speaker gets their wish and the group breaks.
    const off = await plan(0);
    expect(lightningGroupsGoal.score(ctx, off).occurrences.map((o) => o.message).length).toBeGreaterThan(0);
  });
});
