import { describe, expect, test } from 'vitest';
import type { AllocationReport } from '../../src/allocate/render/index.js';
import { DEFAULT_TIERS } from '../../src/domain/allocation.js';
import { allocateCommand, allocateFiles, type AllocateFlags } from '../../src/cli/allocate.js';
import { tempDirs } from '../helpers/tmp.js';

const tmp = tempDirs('convene-tiny-');
const flags: AllocateFlags = { out: 'unused', seed: '2014', places: 6, tiers: DEFAULT_TIERS, mechanism: 'da' };

describe('fixtures/alloc-tiny', async () => {
  const files = await allocateFiles('fixtures/alloc-tiny', flags);
  const report = JSON.parse(files['allocation-report.json'] ?? '') as AllocationReport;
  const sessions = report.unconference.groups.flatMap((g) => g.sessions);

  test('sessions lacking volunteers are reported, in the report and on the printed roster', () => {
    expect(sessions.map((s) => [s.id, s.missingRoles])).toEqual([
      ['a1', ['facilitator']],
      ['a2', ['note_taker']],
      ['b1', []],
    ]);
    expect(files['rosters/a1.md']).toContain('**Missing:** facilitator (no volunteer available).');
    expect(files['allocation-report.md']).toContain('| a1 | 2 | 2 | 100.0 % | facilitator |');
  });

  test('the command warns about the sessions without volunteers, and about the missing schedule', async () => {
    const warned: string[] = [];
    const out = tmp();
    const c = { quiet: true, out: () => {}, error: () => {}, warn: (t: string) => warned.push(t), status: () => {}, clearStatus: () => {} };
    expect(await allocateCommand('fixtures/alloc-tiny', { ...flags, out }, c)).toBe('done');
    expect(warned).toEqual(['No --schedule given: workshop preferences were not allocated.', 'No volunteer for 2 sessions: a1 (facilitator); a2 (note_taker).']);
  });

  test('roles count toward capacity: a1 seats its note-taker and one attendee', () => {
    const a1 = (files['rosters.csv'] ?? '').split('\n').filter((l) => l.startsWith('a1,'));
    expect(a1.map((l) => l.split(',').at(-1))).toEqual(['note_taker', 'attendee']);
    expect(a1[0]).toContain(',r3,');
  });

  test('waitlisted people who ranked sessions are listed with the reason', () => {
    expect(files['itineraries.csv']).toContain('r2,João Silva,unconference,block A,,,,unassigned,,"not admitted to Civil Society Day (tier 7, lottery #0001, waitlist #1)"');
  });

  test('the Focal Point roster and refusals', () => {
    expect(files['focal-point.csv']).toBe(
      [
        'id,name,organization,country,sector,status,reason',
        'r2,João Silva,CGU,Brasil,government,invited,',
        'r5,Ramón Peña,Universidad de Costa Rica,Costa Rica,academia,refused,"closed meeting: sector is academia, not government"',
        'r7,Kwame Baptiste,Office of the Prime Minister,Trinidad and Tobago,government,refused,closed meeting: not a government point of contact',
        '',
      ].join('\n'),
    );
  });

  test('a formula-like cell is neutralised in every CSV', () => {
    for (const name of ['admissions.csv', 'rosters.csv']) {
      expect(files[name]).toContain(`"'=HYPERLINK(`);
      expect(files[name]).not.toMatch(/(^|,)"?=HYPERLINK/m);
    }
  });

  test('--places 0 admits nobody and seats nobody, but still lists everyone', async () => {
    const none = await allocateFiles('fixtures/alloc-tiny', { ...flags, places: 0 });
    const rows = (none['admissions.csv'] ?? '').trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.includes(',admitted,'))).toEqual([]);
    expect((none['rosters.csv'] ?? '').trimEnd().split('\n')).toHaveLength(1);
  });
});
