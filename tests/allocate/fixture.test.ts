/** The bundled event end to end, through the command's own functions (as `convene allocate` runs them). */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_TIERS, type Mechanism } from '../../src/domain/allocation.js';
import type { AllocationReport } from '../../src/allocate/render/index.js';
import { allocateCommand, allocateFiles, type AllocateFlags } from '../../src/cli/allocate.js';
import { parseCsvTable, type CsvTable } from '../../src/io/csv.js';
import { tempDirs } from '../helpers/tmp.js';

const DIR = 'fixtures/ogp-americas';
const SCHEDULE = path.join(DIR, 'expected', 'schedule.csv');
const flags = (mechanism: Mechanism, over: Partial<AllocateFlags> = {}): AllocateFlags => ({
  out: 'unused',
  seed: '2014',
  places: 150,
  tiers: DEFAULT_TIERS,
  mechanism,
  schedule: SCHEDULE,
  ...over,
});

function table(text: string | undefined, file: string): CsvTable {
  const t = parseCsvTable(text ?? '', file);
  if (!('rows' in t)) throw new Error(`${file} unreadable`);
  return t;
}

const runs: Record<Mechanism, Readonly<Record<string, string>>> = { da: {}, 'rank-maximal': {} };
beforeAll(async () => {
  runs.da = await allocateFiles(DIR, flags('da'));
  runs['rank-maximal'] = await allocateFiles(DIR, flags('rank-maximal'));
});
const report = (m: Mechanism) => JSON.parse(runs[m]['allocation-report.json'] ?? '') as AllocationReport;

describe.each(['da', 'rank-maximal'] as const)('ogp-americas with %s', (mechanism) => {
  test('writes every output, with a roster per session and workshop', () => {
    const names = Object.keys(runs[mechanism]);
    for (const f of ['admissions.csv', 'rosters.csv', 'itineraries.csv', 'focal-point.csv', 'allocation-report.md', 'allocation-report.json']) {
      expect(names).toContain(f);
    }
    expect(names.filter((n) => n.startsWith('rosters/'))).toHaveLength(24 + 11);
  });

  test('every registrant appears in admissions.csv exactly once, 150 admitted', () => {
    const t = table(runs[mechanism]['admissions.csv'], 'admissions.csv');
    const ids = t.rows.map((r) => r.get('id'));
    const registered = table(readFileSync(path.join(DIR, 'registrations.csv'), 'utf8'), 'registrations.csv').rows.map((r) => r.get('id'));
    expect([...ids].sort()).toEqual([...registered].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(t.rows.filter((r) => r.get('status') === 'admitted')).toHaveLength(150);
  });

  test('rosters keep capacities, one place per person per block, one role per person per block, roles filled', () => {
    const rosters = table(runs[mechanism]['rosters.csv'], 'rosters.csv').rows;
    const sessions = table(readFileSync(path.join(DIR, 'unconference.csv'), 'utf8'), 'unconference.csv').rows;
    const admitted = new Set(
      table(runs[mechanism]['admissions.csv'], 'a').rows.filter((r) => r.get('status') === 'admitted').map((r) => r.get('id')),
    );
    for (const s of sessions) {
      const rows = rosters.filter((r) => r.get('session') === s.get('id'));
      expect(rows.length).toBeLessThanOrEqual(Number(s.get('capacity')));
      expect(rows.filter((r) => r.get('role') === 'facilitator')).toHaveLength(1);
      expect(rows.filter((r) => r.get('role') === 'note_taker')).toHaveLength(1);
      if (s.get('facilitator')) expect(rows.find((r) => r.get('role') === 'facilitator')?.get('registrant')).toBe(s.get('facilitator'));
    }
    const seen = new Set<string>();
    for (const r of rosters.filter((x) => x.get('kind') === 'unconference')) {
      const key = `${r.get('group')}/${r.get('registrant')}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(admitted.has(r.get('registrant'))).toBe(true);
    }
  });

  test('nobody is in two workshops that overlap in time', () => {
    const schedule = table(readFileSync(SCHEDULE, 'utf8'), 'schedule.csv').rows;
    const when = new Map(schedule.map((r) => [r.get('id'), r]));
    const mine = new Map<string, string[]>();
    for (const r of table(runs[mechanism]['rosters.csv'], 'r').rows.filter((x) => x.get('kind') === 'workshop')) {
      mine.set(r.get('registrant'), [...(mine.get(r.get('registrant')) ?? []), r.get('session')]);
    }
    let people = 0;
    for (const [, ws] of mine) {
      if (ws.length > 1) people += 1;
      for (const a of ws) {
        for (const b of ws) {
          if (a === b) continue;
          const x = when.get(a);
          const y = when.get(b);
          if (!x || !y || x.get('date') !== y.get('date')) continue;
          expect(x.get('end') <= y.get('start') || y.get('end') <= x.get('start'), `${a} ${b}`).toBe(true);
        }
      }
    }
    expect(people).toBeGreaterThan(0);
  });

  test('nothing lost: every (person, block) ranked is seated there or listed unassigned with a reason', () => {
    const prefs = table(readFileSync(path.join(DIR, 'preferences.csv'), 'utf8'), 'p').rows;
    const blockOf = new Map(table(readFileSync(path.join(DIR, 'unconference.csv'), 'utf8'), 'u').rows.map((r) => [r.get('id'), r.get('block')]));
    const itin = table(runs[mechanism]['itineraries.csv'], 'i').rows.filter((r) => r.get('kind') === 'unconference');
    const covered = new Set(itin.map((r) => `${r.get('registrant')}/${r.get('when')}`));
    for (const r of itin.filter((x) => x.get('role') === 'unassigned')) expect(r.get('reason')).not.toBe('');
    for (const p of prefs) {
      const block = blockOf.get(p.get('session'));
      if (block !== undefined) expect(covered.has(`${p.get('registrant')}/block ${block}`), p.get('registrant')).toBe(true);
    }
  });
});

describe('ogp-americas: fairness', () => {
  test('DA leaves no justified envy in any block or workshop group (independent checker)', () => {
    const r = report('da');
    for (const g of [...r.unconference.groups, ...r.workshops.groups]) expect(g.justifiedEnvy, g.group).toEqual({ count: 0, pairs: [] });
  });

  test("rank-maximal's profile is never lexicographically worse than DA's, in every group", () => {
    const da = report('da');
    const rm = report('rank-maximal');
    for (const kind of ['unconference', 'workshops'] as const) {
      da[kind].groups.forEach((g, i) => {
        const other = rm[kind].groups[i];
        expect(other?.group).toBe(g.group);
        const a = other?.profile.byRank ?? [];
        const b = g.profile.byRank;
        const k = a.findIndex((x, j) => x !== b[j]);
        if (k >= 0) expect(a[k] ?? 0).toBeGreaterThan(b[k] ?? 0);
      });
    }
    expect(rm.unconference.firstChoiceShare).toBeGreaterThanOrEqual(da.unconference.firstChoiceShare);
  });

  test('the report names the seed, the version and the hash of the inputs', () => {
    const r = report('da');
    expect(r.seed).toBe('2014');
    expect(r.convene).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.inputsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.admission.byTier[0]).toEqual({ tier: 0, sectors: 'pre-chosen roles', admitted: 4, waitlisted: 0 });
  });

  test('another seed draws another lottery', async () => {
    const other = await allocateFiles(DIR, flags('da', { seed: '2015' }));
    expect(other['admissions.csv']).not.toBe(runs.da['admissions.csv']);
  });
});

describe('ogp-americas: determinism', () => {
  const tmpForAll = tempDirs('convene-alloc-', 'all');
  const tmp = tempDirs('convene-alloc-out-');
  let shuffled = '';
  beforeAll(() => {
    shuffled = tmpForAll();
    mkdirSync(path.join(shuffled, 'expected'));
    const permute = (text: string) => {
      const [header, ...rows] = text.trimEnd().split('\n');
      const reordered = [...rows].reverse();
      return [header, ...reordered.filter((_, i) => i % 2 === 1), ...reordered.filter((_, i) => i % 2 === 0)].join('\n') + '\n';
    };
    for (const name of readdirSync(DIR).filter((n) => n.endsWith('.csv'))) {
      writeFileSync(path.join(shuffled, name), permute(readFileSync(path.join(DIR, name), 'utf8')));
    }
    writeFileSync(path.join(shuffled, 'expected', 'schedule.csv'), permute(readFileSync(SCHEDULE, 'utf8')));
  });

  test.each(['da', 'rank-maximal'] as const)('re-ordering every input row leaves %s outputs byte-identical', async (mechanism) => {
    const again = await allocateFiles(shuffled, flags(mechanism, { schedule: path.join(shuffled, 'expected', 'schedule.csv') }));
    expect(Object.keys(again).sort()).toEqual(Object.keys(runs[mechanism]).sort());
    for (const [name, text] of Object.entries(runs[mechanism])) expect(again[name], name).toBe(text);
  });

  test('allocateCommand writes the files and prints one summary line', async () => {
    const out = tmp();
    const said: string[] = [];
    const c = { quiet: true, out: (t: string) => said.push(t), error: () => {}, warn: () => {}, status: () => {}, clearStatus: () => {} };
    expect(await allocateCommand(DIR, flags('da', { out }), c)).toBe('done');
    expect(readFileSync(path.join(out, 'admissions.csv'), 'utf8')).toBe(runs.da['admissions.csv']);
    expect(readdirSync(path.join(out, 'rosters'))).toContain('u01.md');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Admitted 150, waitlisted 86;/);
  });
});
