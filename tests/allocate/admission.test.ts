import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { admit } from '../../src/allocate/admission.js';
import { drawLottery, lotteryLabel } from '../../src/allocate/lottery.js';
import { DEFAULT_TIERS } from '../../src/domain/allocation.js';
import { SECTORS } from '../../src/domain/types.js';
import { lotteryKey } from '../../src/io/allocation/read.js';
import { person, sha } from './helpers.js';

describe('the lottery', () => {
  test('is the hex SHA-256 of "seed:id", as documented (so anyone can recompute it)', () => {
    // printf '%s' '2014:r001' | sha256sum
    expect(lotteryKey('2014')('r001')).toBe('86377d62326ba5bca4331ab55e1bf2b52d2df53c0409a97331e8714d7b894b05');
    expect(lotteryKey('2014')('r001')).not.toBe(lotteryKey('2015')('r001'));
  });

  test('numbers depend on the ids and the seed, never on their order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 30 }), fc.nat(), (ids, k) => {
        const rotated = [...ids.slice(k % Math.max(1, ids.length)), ...ids.slice(0, k % Math.max(1, ids.length))].reverse();
        expect([...drawLottery(rotated, sha('s'))].sort()).toEqual([...drawLottery(ids, sha('s'))].sort());
        expect([...drawLottery(ids, sha('s')).values()].sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  test('equal keys fall back to the id', () => {
    expect([...drawLottery(['b', 'a', 'c'], () => 'same')]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  test('labels are zero-padded to 4 digits, or more for big draws', () => {
    expect(lotteryLabel(42, 400)).toBe('#0042');
    expect(lotteryLabel(42, 12000)).toBe('#00042');
  });
});

describe('admission', () => {
  const lot = (ids: string[]) => new Map(ids.map((id, i) => [id, i + 1]));

  test('tier first, then lottery; the rest waitlisted in order; others not registered', () => {
    const people = [
      person('a', { sector: 'government' }),
      person('b', { sector: 'civil_society' }),
      person('c', { sector: 'academia' }),
      person('d', { sector: 'civil_society' }),
      person('e', { sector: 'irm' }),
      person('f', { events: ['regional_meeting'] }),
    ];
    const result = admit(people, lot(['a', 'c', 'e', 'd', 'b', 'f']), DEFAULT_TIERS, 3, new Map());
    expect(result.map((x) => [x.id, x.status, x.position, x.reason])).toEqual([
      ['a', 'waitlisted', 2, 'tier 7, lottery #0001, waitlist #2'],
      ['b', 'admitted', 2, 'tier 1, lottery #0005, admitted'],
      ['c', 'waitlisted', 1, 'tier 3, lottery #0002, waitlist #1'],
      ['d', 'admitted', 1, 'tier 1, lottery #0004, admitted'],
      ['e', 'admitted', 3, 'tier 2, lottery #0003, admitted'],
      ['f', 'not registered', null, 'not registered for civil_society_day'],
    ]);
  });

  test('--tiers reorders; unnamed sectors share one last tier; pre-chosen roles come first', () => {
    const people = [person('a', { sector: 'government' }), person('b', { sector: 'private' }), person('c'), person('d', { sector: 'academia' })];
    const result = admit(people, lot(['d', 'b', 'c', 'a']), ['government'], 2, new Map([['c', 'pre-chosen facilitator of u1']]));
    expect(result.map((x) => [x.id, x.tier, x.status])).toEqual([
      ['a', 1, 'admitted'],
      ['b', 2, 'waitlisted'],
      ['c', 0, 'admitted'],
      ['d', 2, 'waitlisted'],
    ]);
    expect(result.find((x) => x.id === 'c')?.reason).toBe('tier 0 (pre-chosen facilitator of u1), lottery #0003, admitted');
  });

  test('property: every admitted person precedes every waitlisted one in (tier, lottery); counts hold', () => {
    const sector = fc.constantFrom(...SECTORS);
    fc.assert(
      fc.property(fc.array(fc.record({ sector, csd: fc.boolean() }), { maxLength: 40 }), fc.nat({ max: 45 }), (rows, places) => {
        const people = rows.map((r, i) => person(`p${i}`, { sector: r.sector, events: r.csd ? ['civil_society_day'] : [] }));
        const draw = drawLottery(people.map((p) => p.id), sha('x'));
        const result = admit(people, draw, DEFAULT_TIERS, places, new Map());
        expect(result).toHaveLength(people.length);
        const key = (x: (typeof result)[number]) => (x.tier ?? 0) * 1e6 + x.lottery;
        const admitted = result.filter((x) => x.status === 'admitted');
        const waitlisted = result.filter((x) => x.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
        expect(admitted.length).toBe(Math.min(places, rows.filter((r) => r.csd).length));
        for (const a of admitted) for (const w of waitlisted) expect(key(a)).toBeLessThan(key(w));
        waitlisted.forEach((w, i) => {
          expect(w.position).toBe(i + 1);
          if (i > 0) expect(key(w)).toBeGreaterThan(key(waitlisted[i - 1] ?? w));
        });
      }),
      { seed: 2014, numRuns: 200 },
    );
  });
});
