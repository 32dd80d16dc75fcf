/**
 * The rules committees ask for (exclusive items, plenary-only windows,
 * set-up and tear-down, speaker breaks, order, room features): each decides
 * the outcome of a tiny event, is named in words by the checker when broken,
 * and shows in explain as what blocks a place.
 */
import { describe, expect, test } from 'vitest';
import { checkSchedule } from '../../../src/check/check.js';
import { blockerWords, explainItem } from '../../../src/check/explain.js';
import type { Assignment, Event, Schedule } from '../../../src/domain/types.js';
import { buildContext, type RuleOptions } from '../../../src/model/context.js';
import { NO_WEIGHTS } from '../../../src/model/goals/registry.js';
import { planSchedule } from '../../../src/pipeline/schedule.js';
import { event, item, minutes, room, win } from '../../helpers/event.js';

const D = '2014-11-19';
const slow = { timeout: 60_000 };

function at(itemId: string, roomId: string, start: string, duration: number, date = D): Assignment {
  const s = minutes(start);
  return { item: itemId, room: roomId, date, start: s, end: s + duration };
}

/** The hard rules alone, with these rule options. */
async function plan(ev: Event, rules: Partial<RuleOptions> = {}): Promise<Schedule> {
  const o = await planSchedule(ev, { gap: rules.gap ?? 0, speakerGap: rules.speakerGap ?? 0, timeLimitSeconds: 20, backend: 'highs', now: () => 0, weights: NO_WEIGHTS });
  if (o.kind !== 'scheduled') throw new Error(`${o.kind}: ${JSON.stringify(o)}`);
  expect(checkSchedule(buildContext(ev, { gap: rules.gap ?? 0, speakerGap: rules.speakerGap ?? 0 }), o.schedule)).toEqual([]);
  return o.schedule;
}

const of = (s: Schedule, id: string) => s.find((a) => a.item === id)!;
const overlap = (a: Assignment, b: Assignment) => a.date === b.date && a.start < b.end && b.start < a.end;

describe('exclusive', () => {
  const rooms = [room('mh', 'main_hall'), room('c1', 'classroom'), room('c2', 'classroom')];
  const items = [item('p1', 'plenary', 60, ['a'], { exclusive: true }), item('w1', 'workshop', 60, ['b']), item('w2', 'workshop', 60, ['c'])];
  const ev = event({ calendar: [win(D, '09:00', '11:00')], rooms, items });

  test('nothing runs beside an exclusive item', slow, async () => {
    const s = await plan(ev);
    expect(overlap(of(s, 'p1'), of(s, 'w1')) || overlap(of(s, 'p1'), of(s, 'w2'))).toBe(false);
    // A third workshop fits beside the plenary, but not in the one hour the exclusive plenary leaves.
    const crowded = event({ calendar: [win(D, '09:00', '11:00')], rooms, items: [...items, item('w3', 'workshop', 60, ['d'])] });
    const o = await planSchedule(crowded, { gap: 0, timeLimitSeconds: 20, backend: 'highs', now: () => 0, weights: NO_WEIGHTS });
    expect(o.kind).toBe('impossible');
    const open = event({ ...crowded, items: crowded.items.map((i) => ({ ...i, exclusive: false })) });
    expect(checkSchedule(buildContext(open, { gap: 0 }), await plan(open))).toEqual([]);
  });

  test('check names the exclusive item and what runs beside it; explain blocks those times', () => {
    const ctx = buildContext(ev, { gap: 0 });
    const bad = [at('p1', 'mh', '09:00', 60), at('w1', 'c1', '09:30', 60), at('w2', 'c1', '10:30', 30)];
    const vs = checkSchedule(ctx, bad).filter((v) => v.rule === 'exclusive');
    expect(vs.map((v) => v.message)).toEqual([
      'p1 "Title p1" is exclusive, but w1 "Title w1" (c1, 09:30-10:30) runs while it does (2014-11-19 09:00-10:00)',
    ]);
    const { options } = explainItem(ctx, bad, 'w1', 30);
    const blocked = options.find((o) => o.room === 'c1' && o.firstStart <= minutes('09:30') && minutes('09:30') <= o.lastStart)!;
    expect(blocked.blockers.map((b) => blockerWords(ctx, b))).toContain('p1 "Title p1" (mh, 09:00-10:00) is exclusive: nothing else runs then');
  });
});

describe('plenary-only windows', () => {
  const ev = event({
    calendar: [win(D, '09:00', '10:00', 'plenary_only', 'Apertura'), win(D, '10:00', '11:00')],
    rooms: [room('mh', 'main_hall'), room('c1', 'classroom')],
    items: [item('p1', 'plenary', 60, ['a']), item('w1', 'workshop', 60, ['b'])],
  });

  test('only main-hall items run in them', slow, async () => {
    const s = await plan(ev);
    expect(of(s, 'w1').start).toBe(minutes('10:00'));
  });

  test('check says the window is for the main hall alone; explain blocks it', () => {
    const ctx = buildContext(ev, { gap: 0 });
    const bad = [at('p1', 'mh', '10:00', 60), at('w1', 'c1', '09:00', 60)];
    expect(checkSchedule(ctx, bad).map((v) => v.message)).toEqual([
      'w1 "Title w1" at 2014-11-19 09:00-10:00 is not a main-hall session, but the window it runs in is for the main hall alone (calendar kind plenary_only)',
    ]);
    const { options } = explainItem(ctx, bad, 'w1', 30);
    const morning = options.find((o) => o.room === 'c1' && o.firstStart === minutes('09:00'))!;
    expect(morning.blockers.map((b) => blockerWords(ctx, b))).toEqual([
      'it is not a main-hall session, but the window it runs in is for the main hall alone (calendar kind plenary_only)',
    ]);
  });
});

describe('set-up and tear-down', () => {
  // One classroom, a morning of 2 h 30: two 60-minute workshops fit back to back,
  // but not once w1 needs 20 minutes of set-up and w2 20 of tear-down... unless set-up falls before 09:00.
  const items = [item('w1', 'workshop', 60, ['a'], { setup: 30 }), item('w2', 'workshop', 60, ['b'])];
  const ev = event({ calendar: [win(D, '09:00', '11:00')], rooms: [room('c1', 'classroom')], items });

  test('the room is taken for the set-up before the item: it goes first or leaves half an hour', slow, async () => {
    const s = await plan(ev);
    const [w1, w2] = [of(s, 'w1'), of(s, 'w2')];
    expect(w1.start - 30 >= w2.end || w2.start >= w1.end).toBe(true);
  });

  test('check counts set-up in the room; explain says the room is taken', () => {
    const ctx = buildContext(ev, { gap: 0 });
    const bad = [at('w2', 'c1', '09:00', 60), at('w1', 'c1', '10:00', 60)];
    expect(checkSchedule(ctx, bad).map((v) => v.message)).toEqual([
      'room c1 (Room c1) holds w2 "Title w2" (09:00-10:00) and w1 "Title w1" (10:00-11:00) at once on 2014-11-19 09:30 (counting set-up and tear-down)',
    ]);
    const { options } = explainItem(ctx, [at('w2', 'c1', '09:00', 60)], 'w1', 30);
    const ten = options.find((o) => o.room === 'c1' && o.firstStart <= minutes('10:00') && minutes('10:00') <= o.lastStart)!;
    expect(ten.blockers.map((b) => blockerWords(ctx, b))).toEqual(['the room is taken by w2 "Title w2" (09:00-10:00)']);
  });

  test('a room must be open for the tear-down too', () => {
    const ev2 = event({
      calendar: [win(D, '09:00', '11:00')],
      rooms: [room('c1', 'classroom')],
      items: [item('w1', 'workshop', 60, ['a'], { teardown: 15 })],
      availability: [{ who: 'c1', date: D, start: minutes('11:00'), end: minutes('12:00'), status: 'unavailable', line: 0 }],
    });
    const ctx = buildContext(ev2, { gap: 0 });
    expect(checkSchedule(ctx, [at('w1', 'c1', '10:00', 60)]).map((v) => v.rule)).toEqual(['availability']);
    expect(checkSchedule(ctx, [at('w1', 'c1', '09:30', 60)])).toEqual([]);
  });
});

describe('speaker breaks', () => {
  const ev = event({
    calendar: [win(D, '09:00', '11:00')],
    rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
    items: [item('w1', 'workshop', 60, ['a']), item('w2', 'workshop', 30, ['a'])],
  });

  test('a speaker gets the break between two items', slow, async () => {
    const s = await plan(ev, { speakerGap: 20 });
    const [w1, w2] = [of(s, 'w1'), of(s, 'w2')];
    expect(Math.max(w1.start - w2.end, w2.start - w1.end)).toBeGreaterThanOrEqual(20);
  });

  test('check names the speaker and the break; explain blocks the times too close', () => {
    const ctx = buildContext(ev, { gap: 0, speakerGap: 20 });
    const bad = [at('w1', 'c1', '09:00', 60), at('w2', 'c2', '10:10', 30)];
    expect(checkSchedule(ctx, bad).map((v) => v.message)).toEqual([
      'speaker a (Speaker a) is in w1 "Title w1" (c1, 09:00-10:00) and w2 "Title w2" (c2, 10:10-10:40) at once on 2014-11-19 10:10 (counting the 20-minute break a speaker has between items)',
    ]);
    expect(checkSchedule(buildContext(ev, { gap: 0 }), bad)).toEqual([]);
    const { options } = explainItem(ctx, bad, 'w2', 10);
    const close = options.find((o) => o.room === 'c2' && o.firstStart <= minutes('10:10') && minutes('10:10') <= o.lastStart)!;
    expect(close.blockers.map((b) => blockerWords(ctx, b))).toEqual(['speaker a (Speaker a) is in w1 "Title w1" (c1, 09:00-10:00)']);
  });
});

describe('order', () => {
  const ev = event({
    calendar: [win(D, '09:00', '11:00'), win('2014-11-20', '09:00', '11:00')],
    rooms: [room('c1', 'classroom'), room('c2', 'classroom')],
    items: [item('w1', 'workshop', 60, ['a'], { after: ['w2'] }), item('w2', 'workshop', 60, ['b'], { pin: { date: '2014-11-19', start: minutes('10:00') } })],
  });

  test('an item starts after the items it must follow have ended', slow, async () => {
    const s = await plan(ev);
    const [w1, w2] = [of(s, 'w1'), of(s, 'w2')];
    expect(w1.date > w2.date || (w1.date === w2.date && w1.start >= w2.end)).toBe(true);
  });

  test('check names both items; explain says what it must come after', () => {
    const ctx = buildContext(ev, { gap: 0 });
    const bad = [at('w1', 'c1', '09:00', 60), at('w2', 'c2', '10:00', 60)];
    expect(checkSchedule(ctx, bad).map((v) => v.message)).toEqual([
      'w1 "Title w1" (c1, 2014-11-19 09:00-10:00) must come after w2 "Title w2" (c2, 2014-11-19 10:00-11:00), which has not ended when it starts',
    ]);
    const { options } = explainItem(ctx, bad, 'w1', 30);
    const early = options.find((o) => o.room === 'c1' && o.date === D && o.firstStart === minutes('09:00'))!;
    expect(early.blockers.map((b) => blockerWords(ctx, b))).toEqual(['it must come after w2 "Title w2" (c2, 2014-11-19 10:00-11:00)']);
  });
});

describe('room features', () => {
  const ev = event({
    calendar: [win(D, '09:00', '11:00')],
    rooms: [room('c1', 'classroom', 100, false, ['projector']), room('c2', 'classroom', 100, false, ['projector', 'step-free'])],
    items: [item('w1', 'workshop', 60, ['a'], { needs: ['step-free'] })],
  });

  test('an item goes only where everything it needs is', slow, async () => {
    expect(of(await plan(ev), 'w1').room).toBe('c2');
  });

  test('check names what the room lacks; explain rules the room out at any time', () => {
    const ctx = buildContext(ev, { gap: 0 });
    expect(checkSchedule(ctx, [at('w1', 'c1', '09:00', 60)]).map((v) => v.message)).toEqual([
      'w1 "Title w1" at 2014-11-19 09:00 needs step-free, which c1 (Room c1) does not have',
    ]);
    const c1 = explainItem(ctx, [], 'w1', 30).options.find((o) => o.room === 'c1')!;
    expect(c1.firstStart).toBe(-1);
    expect(c1.blockers.map((b) => blockerWords(ctx, b))).toEqual(['it needs step-free, which c1 (Room c1) does not have']);
  });
});
