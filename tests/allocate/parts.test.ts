import fc from 'fast-check';
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { assignRoles, slotKey } from '../../src/allocate/roles.js';
import type { Role, Workshop } from '../../src/domain/allocation.js';
import { workshopGroups } from '../../src/allocate/workshops.js';
import { registerAllocate, type AllocateFlags } from '../../src/cli/allocate.js';
import type { Console } from '../../src/cli/console.js';
import { EXIT, exitCodeFor, exitCodeOf, type ExitCode } from '../../src/cli/exit.js';
import { session } from './helpers.js';

describe('roles', () => {
  test('pre-chosen kept; volunteers go where they ranked; one role per person; gaps reported', () => {
    const sessions = [session('s1', 'A', 10, { facilitator: 'pre' }), session('s2', 'A', 10)];
    const out = assignRoles(
      sessions,
      [
        { id: 'v1', roles: ['facilitator', 'note_taker'] },
        { id: 'v2', roles: ['note_taker'] },
        { id: 'pre', roles: ['note_taker'] },
      ],
      new Map([
        ['v1', ['s2']],
        ['v2', ['s2', 's1']],
      ]),
    );
    expect(Object.fromEntries(out.holders)).toEqual({ 's1/facilitator': 'pre', 's2/facilitator': 'v1', 's2/note_taker': 'v2' });
    expect(out.unfilled).toEqual([{ session: 's1', role: 'note_taker' }]);
  });

  test('property: as many slots filled as a volunteer-per-slot count allows, only by volunteers for that role, nobody twice', () => {
    const volunteer = fc.record({ roles: fc.subarray(['facilitator', 'note_taker'] as Role[]), ranks: fc.array(fc.nat(3), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(volunteer, { maxLength: 7 }), (n, vs) => {
        const sessions = Array.from({ length: n }, (_, i) => session(`s${i}`, 'A', 5));
        const volunteers = vs.map((v, i) => ({ id: `v${i}`, roles: v.roles }));
        const lists = new Map(vs.map((v, i) => [`v${i}`, [...new Set(v.ranks.map((r) => `s${r % n}`))]]));
        const out = assignRoles(sessions, volunteers, lists);
        const holders = [...out.holders];
        expect(new Set(holders.map(([, id]) => id)).size).toBe(holders.length);
        for (const [key, id] of holders) {
          const role = key.split('/')[1] as Role;
          expect(volunteers.find((v) => v.id === id)?.roles).toContain(role);
        }
        // The most that can be filled: each role up to n slots and its volunteers, and no more people than there are.
        const fac = volunteers.filter((v) => v.roles.includes('facilitator')).length;
        const note = volunteers.filter((v) => v.roles.includes('note_taker')).length;
        const any = volunteers.filter((v) => v.roles.length > 0).length;
        expect(holders.length).toBe(Math.min(any, Math.min(n, fac) + Math.min(n, note)));
        expect(out.unfilled.length + holders.length).toBe(2 * n);
        for (const u of out.unfilled) expect(out.holders.has(slotKey(u.session, u.role))).toBe(false);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('workshop groups', () => {
  const w = (id: string, date: string, start: number, end: number): Workshop => ({ id, title: id, room: 'c1', capacity: 10, date, start, end });

  test('overlapping workshops form one group; touching ones do not; days apart', () => {
    const groups = workshopGroups([w('w3', 'd1', 840, 1020), w('w1', 'd1', 660, 780), w('w2', 'd1', 720, 840), w('w4', 'd2', 720, 840)]);
    expect(groups.map((g) => [g.label, g.workshops.map((x) => x.id)])).toEqual([
      ['d1 11:00-14:00', ['w1', 'w2']],
      ['d1 14:00-17:00', ['w3']],
      ['d2 12:00-14:00', ['w4']],
    ]);
  });

  test('a chain a-b-c is one group, even though a and c do not overlap (documented as stricter than needed)', () => {
    const groups = workshopGroups([w('a', 'd', 600, 700), w('b', 'd', 650, 800), w('c', 'd', 750, 900)]);
    expect(groups.map((g) => g.workshops.map((x) => x.id))).toEqual([['a', 'b', 'c']]);
  });
});

describe('registerAllocate', () => {
  async function parse(...args: string[]): Promise<{ code: ExitCode; flags?: AllocateFlags; errors: string[] }> {
    const errors: string[] = [];
    let flags: AllocateFlags | undefined;
    let code: ExitCode = EXIT.ok;
    const program = new Command().exitOverride().configureOutput({ writeErr: (t) => errors.push(t), writeOut: () => {} });
    const console: Console = { quiet: true, out: () => {}, error: (t) => errors.push(t), warn: () => {}, status: () => {}, clearStatus: () => {} };
    registerAllocate(program, async (action) => {
      code = exitCodeOf(await action(console));
    });
    // Swap the action for one that records the parsed flags instead of allocating.
    program.commands[0]?.action((_dir: string, f: AllocateFlags) => {
      flags = f;
    });
    try {
      await program.parseAsync(['node', 'convene', 'allocate', ...args]);
    } catch (e) {
      code = exitCodeFor(e, { error: (t) => errors.push(t) }, false);
    }
    return { code, flags, errors };
  }

  test('defaults', async () => {
    const r = await parse('fixtures/ogp-americas');
    expect(r.flags).toEqual({
      out: 'out',
      seed: '2014',
      places: 150,
      tiers: ['civil_society', 'irm', 'academia', 'multilateral', 'private', 'other', 'government'],
      mechanism: 'da',
    });
  });

  test('every flag', async () => {
    const r = await parse('d', '-o', 'x', '--seed', 'abc', '--places', '20', '--tiers', 'irm, civil_society', '--mechanism', 'rank-maximal', '--schedule', 's.csv');
    expect(r.flags).toEqual({ out: 'x', seed: 'abc', places: 20, tiers: ['irm', 'civil_society'], mechanism: 'rank-maximal', schedule: 's.csv' });
  });

  test.each([
    [['--tiers', 'civil_society,activists'], 'expected sectors from'],
    [['--tiers', 'irm,irm'], 'a sector is named twice'],
    [['--mechanism', 'lottery'], 'expected one of da, rank-maximal'],
    [['--places', 'many'], 'expected a whole number'],
  ])('bad usage %j is exit 2', async (args, message) => {
    const r = await parse('d', ...args);
    expect(r.code).toBe(2);
    expect(r.errors.join('')).toContain(message);
  });
});
