/**
 * explain: where else an item could go, and what blocks each other place,
 * as data (the blockers) and in words, from the same rule findings the
 * checker reports.
 */
import { describe, expect, test } from 'vitest';
import { blockersAt, blockerWords, explainItem, type Blocker } from '../../src/check/explain.js';
import type { Assignment } from '../../src/domain/types.js';
import { buildContext } from '../../src/model/context.js';
import { event, item, minutes, room, win } from '../helpers/event.js';

const D = '2014-11-19';

function at(itemId: string, roomId: string, start: string, duration: number): Assignment {
  const s = minutes(start);
  return { item: itemId, room: roomId, date: D, start: s, end: s + duration };
}

// Two classrooms (one small), a lobby; w1 and w2 share speaker s1; w3 holds c2.
const ev = event({
  calendar: [win(D, '09:00', '11:00')],
  rooms: [room('lobby', 'lobby'), room('c1', 'classroom', 100), room('c2', 'classroom', 20)],
  items: [
    item('w1', 'workshop', 60, ['s1'], { audience: 30 }),
    item('w2', 'workshop', 60, ['s1', 's2'], { audience: 10 }),
    item('w3', 'workshop', 60, ['s3'], { audience: 10 }),
  ],
});
// No hallway gap, so that a room is free again the moment an item ends.
const ctx = buildContext(ev, { gap: 0 });
const schedule = [at('w1', 'c1', '09:00', 60), at('w2', 'c1', '10:00', 60), at('w3', 'c2', '09:00', 60)];

describe('explainItem', () => {
  const { options } = explainItem(ctx, schedule, 'w2', 30);
  const option = (roomId: string, start: string) => options.find((o) => o.room === roomId && o.firstStart <= minutes(start) && minutes(start) <= o.lastStart);

  test('a room of the wrong kind is ruled out at any time, by the room-kind finding', () => {
    const lobby = options.find((o) => o.room === 'lobby')!;
    expect(lobby.firstStart).toBe(-1);
    expect(lobby.blockers).toEqual([{ kind: 'rule', finding: expect.objectContaining({ rule: 'room-kind', item: 'w2', room: 'lobby', problem: 'kind' }) }]);
    expect(blockerWords(ctx, lobby.blockers[0]!)).toBe('it is a workshop but lobby (Room lobby) is a lobby, not a classroom');
  });

  test('a shared speaker blocks a time, naming the speaker and the other item', () => {
    const busy = option('c2', '09:00')!;
    // c2 at 09:00 is held by w3 too, and w1 has w2's speaker s1 then.
    const kinds = busy.blockers.map((b) => b.kind).sort();
    expect(kinds).toEqual(['room-taken', 'speaker-busy']);
    const speaker = busy.blockers.find((b): b is Extract<Blocker, { kind: 'speaker-busy' }> => b.kind === 'speaker-busy')!;
    expect(speaker.speakers).toEqual(['s1']);
    expect(speaker.by.item).toBe('w1');
    expect(blockerWords(ctx, speaker)).toBe('speaker s1 (Speaker s1) is in w1 "Title w1" (c1, 09:00-10:00)');
    expect(busy.blockingItems).toEqual(['w1', 'w3']);
  });

  test('a free place has no blockers', () => {
    expect(option('c2', '10:00')!.blockers).toEqual([]);
  });
});

describe('blockersAt', () => {
  test('a room that no longer exists, and a new length, come before the rules', () => {
    expect(blockersAt(ctx, schedule, at('w2', 'gone', '10:00', 60))).toEqual([{ kind: 'room-gone', room: 'gone' }]);
    const longer = blockersAt(ctx, schedule, at('w2', 'c1', '10:00', 30));
    expect(longer[0]).toEqual({ kind: 'new-duration', minutes: 60 });
    expect(blockerWords(ctx, longer[0]!)).toBe('it now lasts 60 minutes');
  });

  test('capacity blocks with the audience and the seats in words', () => {
    const [b] = blockersAt(ctx, schedule, at('w1', 'c2', '10:00', 60));
    expect(b).toEqual({ kind: 'rule', finding: { rule: 'capacity', item: 'w1', room: 'c2', date: D, start: minutes('10:00') } });
    expect(blockerWords(ctx, b!)).toBe('it expects 30 people but c2 (Room c2) seats 20');
  });
});
