/**
 * End to end: the real binary on fixture folders, as a committee member would
 * run it. Colour codes are stripped; exit codes are the README's.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, test } from 'vitest';
import { exampleSchedule } from '../helpers/example.js';
import { tempDirs } from '../helpers/tmp.js';
import { convene, fixture, type Run } from './run.js';

const tmp = tempDirs('convene-cli-');
const slow = { timeout: 120_000 };

// `schedule fixtures/tiny -o <out> --quiet`, solved once for the tests that read its outputs (never write into <out>).
const tinyOut = tempDirs('convene-cli-tiny-', 'all');
let tiny: Promise<Run & { out: string }> | undefined;
function tinySchedule(): Promise<Run & { out: string }> {
  if (!tiny) {
    const out = tinyOut();
    tiny = convene('schedule', fixture('tiny'), '-o', out, '--quiet').then((r) => ({ ...r, out }));
  }
  return tiny;
}

describe('validate', async () => {
  test('a valid event: summary and exit 0', async () => {
    const r = await convene('validate', fixture('tiny'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('7 items (2 plenary, 4 lightning, 1 workshop)');
    expect(r.stdout).toContain('No problems found.');
  });

  test.each(['bad-calendar', 'bad-cells', 'bad-missing-file', 'bad-references', 'bad-times'])(
    '%s: every problem as file:line:column, exit 2, no stack trace',
    async (name) => {
      const r = await convene('validate', fixture(name));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^[a-z]+\.csv(:\d+(:\d+)?)?:? /m);
      expect(r.stderr).toMatch(/\d+ problems? found in the input; nothing was written\./);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      // Each fixture's README lists the messages it must produce.
      const readme = readFileSync(path.join(fixture(name), 'README.md'), 'utf8');
      const block = /```[a-z]*\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
      for (const line of block.split('\n').filter(Boolean)) expect(r.stderr).toContain(line);
    },
  );

  test('a missing folder is bad input, not a crash', async () => {
    const r = await convene('validate', fixture('no-such-event'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-event: no such folder');
  });

  test('a well-formed but impossible event exits 1 and names the culprit', async () => {
    const r = await convene('validate', fixture('infeasible-speaker'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/speaker sp-\d+/);
  });
});

describe('usage', async () => {
  test('an unknown command or flag is a usage error (exit 2)', async () => {
    expect((await convene('frobnicate')).code).toBe(2);
    expect((await convene('schedule', fixture('tiny'), '--no-such-flag')).code).toBe(2);
    const r = await convene('schedule', fixture('tiny'), '--gap', 'ten');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a whole number');
  });

  test('--help and --version exit 0', async () => {
    expect((await convene('--help')).code).toBe(0);
    expect((await convene('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('schedule and check', async () => {
  test('tiny: writes all outputs, which check accepts', slow, async () => {
    const r = await tinySchedule();
    const out = r.out;
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.convene-output', 'by-room.csv', 'by-speaker.csv', 'report.json', 'report.md', 'schedule.csv', 'schedule.md']);
    const c = await convene('check', fixture('tiny'), path.join(out, 'schedule.csv'));
    expect(c.code, c.stdout + c.stderr).toBe(0);
    expect(c.stdout).toContain('all hard rules hold for 7 items');
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { status: string; objective: number };
    expect(report.status).toBe('optimal');
    expect(report.objective).toBe(0);
  });

  test('pins: the pinned fields are kept', slow, async () => {
    const out = tmp();
    expect((await convene('schedule', fixture('pins'), '-o', out, '--quiet')).code).toBe(0);
    const rows = readFileSync(path.join(out, 'schedule.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    expect(row('p02')[3]).toBe('2014-06-02');
    expect(row('l01')[4]).toBe('11:00');
    expect(row('w01')[6]).toBe('c2');
  });

  test('check reports a tampered schedule with ids, titles, room and time, exit 1', slow, async () => {
    const solved = await tinySchedule();
    expect(solved.code).toBe(0);
    const file = path.join(tmp(), 'schedule.csv');
    const rows = parse(readFileSync(path.join(solved.out, 'schedule.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const [first, second] = rows.filter((r) => r['format'] === 'plenary');
    // Move the second plenary onto the first one's start, keeping its length.
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const length = minutes(second!['end']!) - minutes(second!['start']!);
    second!['start'] = first!['start']!;
    second!['end'] = clock(minutes(first!['start']!) + length);
    writeFileSync(file, stringify(rows, { header: true }));
    const r = await convene('check', fixture('tiny'), file);
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.startsWith('room-overlap:')) ?? '';
    for (const p of [first!, second!]) expect(line).toContain(`${p['id']} "${p['title']}"`);
    expect(line).toContain(`room ${first!['room']}`);
    expect(line).toContain(`${first!['date']} ${first!['start']}`);
    expect(r.stderr).toMatch(/1 violation of the hard rules/);
  });

  test.each([
    ['infeasible-speaker', /speaker sp-\d+/],
    ['infeasible-main-hall', /main-hall sessions need at least \d+ minutes/],
    ['infeasible-pin-clash', /pinned to/],
    ['infeasible-workshop-window', /cannot be placed/],
  ])('%s: no schedule, exit 1, the reason in the committee’s terms, nothing written', slow, async (name, reason) => {
    const out = path.join(tmp(), 'out');
    const r = await convene('schedule', fixture(name), '-o', out, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No valid schedule exists');
    expect(r.stderr).toMatch(reason);
    expect(() => readdirSync(out)).toThrow();
  });
});

describe('the bundled example event', async () => {
  const stripTiming = (text: string) =>
    text
      .split('\n')
      // The times: build and solve seconds, and when the best cost fell (report.json's timing.trace).
      .filter((l) => !/"(build|solve)Seconds"|"seconds": |^- Time: /.test(l))
      .join('\n');

  test('reproduces the committed schedule byte for byte, proven optimal, and check accepts it', slow, async () => {
    const r = exampleSchedule();
    const out = r.out;
    expect(r.code, r.stderr).toBe(0);
    const expected = readFileSync(path.join(fixture('ogp-americas'), 'expected', 'schedule.csv'), 'utf8');
    expect(readFileSync(path.join(out, 'schedule.csv'), 'utf8')).toBe(expected);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { status: string; items: number };
    expect(report.status).toBe('optimal');
    const c = await convene('check', fixture('ogp-americas'), path.join(fixture('ogp-americas'), 'expected', 'schedule.csv'));
    expect(c.code, c.stdout).toBe(0);
  });

  test('shuffled input rows give byte-identical outputs (timings aside; members.csv keeps its order)', slow, async () => {
    const shuffled = tmp();
    // members.csv's order is the order reports list the countries in (docs/input-files.md): kept.
    const ordered = new Set(['members.csv']);
    for (const name of readdirSync(fixture('ogp-americas')).filter((n) => n.endsWith('.csv'))) {
      if (ordered.has(name)) {
        writeFileSync(path.join(shuffled, name), readFileSync(path.join(fixture('ogp-americas'), name)));
        continue;
      }
      const [header, ...rows] = readFileSync(path.join(fixture('ogp-americas'), name), 'utf8').trimEnd().split('\n');
      // A fixed permutation: reversed, then odd rows before even ones (no multi-line cells in these files).
      const reordered = [...rows].reverse();
      const permuted = [...reordered.filter((_, i) => i % 2 === 1), ...reordered.filter((_, i) => i % 2 === 0)];
      writeFileSync(path.join(shuffled, name), [header, ...permuted].join('\n') + '\n');
    }
    // Against the layer's one run on the rows as committed.
    const { code, out: a } = exampleSchedule();
    const b = tmp();
    expect(code).toBe(0);
    expect((await convene('schedule', shuffled, '-o', b, '--quiet')).code).toBe(0);
    expect(readdirSync(b).sort()).toEqual(readdirSync(a).sort());
    for (const file of readdirSync(a)) {
      expect(stripTiming(readFileSync(path.join(b, file), 'utf8')), file).toBe(stripTiming(readFileSync(path.join(a, file), 'utf8')));
    }
  });
});

test('an output folder that cannot be written is the user’s problem (exit 2), not a crash', slow, async () => {
  const blocker = path.join(tmp(), 'a-file');
  writeFileSync(blocker, 'not a folder');
  const r = await convene('schedule', fixture('tiny'), '-o', path.join(blocker, 'out'), '--quiet');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('part of the path is a file, not a folder');
  expect(r.stderr).not.toMatch(/^\s+at /m);
});

describe('allocate and publish, through the binary', async () => {
  const expected = () => path.join(fixture('ogp-americas'), 'expected', 'schedule.csv');

  test('allocate: every registrant exactly once in admissions.csv, rosters written', slow, async () => {
    const out = tmp();
    const r = await convene('allocate', fixture('ogp-americas'), '--schedule', expected(), '-o', out);
    expect(r.code, r.stderr).toBe(0);
    const registrants = parse(readFileSync(path.join(fixture('ogp-americas'), 'registrations.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const admissions = parse(readFileSync(path.join(out, 'admissions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(admissions.map((a) => a['id']).sort()).toEqual(registrants.map((g) => g['id']).sort());
    expect(admissions.filter((a) => a['status'] === 'admitted')).toHaveLength(150);
    expect(readdirSync(path.join(out, 'rosters')).length).toBeGreaterThan(0);
  });

  test('allocate: bad input is exit 2 with file:line:column', async () => {
    const r = await convene('allocate', fixture('alloc-bad-references'), '-o', tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^[a-z]+\.csv:\d+:\d+ /m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test('publish: the site is written; an unknown time zone is a usage error', slow, async () => {
    const out = tmp();
    const r = await convene('publish', fixture('ogp-americas'), expected(), '-o', out);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['index.html', 'program.ics', 'schedule.json']) expect(readdirSync(out)).toContain(f);
    expect((await convene('publish', fixture('ogp-americas'), expected(), '-o', tmp(), '--tz', 'Mars/Olympus')).code).toBe(2);
  });
});

describe('why not', async () => {
  test('an impossibility only the solver sees names the item that must give and what holds its place', slow, async () => {
    const r = await convene('schedule', fixture('infeasible-gap'), '-o', path.join(tmp(), 'out'), '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('proven by solver');
    expect(r.stderr).toMatch(/p[12] "[^"]+" cannot be placed together with the rest: .* is taken by p[12]/);
    // Without the hallway gap the same event fits.
    expect((await convene('schedule', fixture('infeasible-gap'), '-o', tmp(), '--quiet', '--gap', '0')).code).toBe(0);
  });

  test('--allow-partial writes the items that fit and unscheduled.csv with reasons, exit 1', slow, async () => {
    const out = tmp();
    const r = await convene('schedule', fixture('infeasible-pin-clash'), '-o', out, '--quiet', '--allow-partial');
    expect(r.code).toBe(1);
    const rows = parse(readFileSync(path.join(out, 'unscheduled.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(['p01', 'p02']).toContain(rows[0]!['id']);
    expect(rows[0]!['reason']).toMatch(/taken by p0[12] \(pinned\)/);
    const placed = parse(readFileSync(path.join(out, 'schedule.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(placed.map((p) => p['id'])).not.toContain(rows[0]!['id']);
    // The placed items keep every rule: the checker's only complaint is the one left out.
    const c = await convene('check', fixture('infeasible-pin-clash'), path.join(out, 'schedule.csv'));
    expect(c.stdout.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^placed-once: ${rows[0]!['id']} "[^"]+" is not placed$`))]);
  });

  test('explain lists where an item could go and what blocks the rest', slow, async () => {
    const expected = path.join(fixture('ogp-americas'), 'expected', 'schedule.csv');
    const r = await convene('explain', fixture('ogp-americas'), expected, 'w05');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^w05 "[^"]+" is in c\d at 2014-11-2\d \d\d:\d\d-\d\d:\d\d\.$/m);
    expect(r.stdout).toMatch(/the room is taken by w\d\d "/);
    expect(r.stdout).toContain('lobby (at any time): it is a workshop but lobby');
    expect((await convene('explain', fixture('ogp-americas'), expected, 'nope')).code).toBe(2);
  });
});

describe('re-runs', async () => {
  test('--baseline on unchanged input moves nothing and says so; changes.csv has only its header', slow, async () => {
    const out = tmp();
    const expected = path.join(fixture('ogp-americas'), 'expected', 'schedule.csv');
    const r = await convene('schedule', fixture('ogp-americas'), '-o', out, '--quiet', '--baseline', expected);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Against the baseline: 0 items moved, 0 changed room');
    expect(readFileSync(path.join(out, 'changes.csv'), 'utf8')).toBe('id,title,from,to,why\n');
    expect(readFileSync(path.join(out, 'schedule.csv'), 'utf8')).toBe(readFileSync(expected, 'utf8'));
  });

  test('--lock keeps a locked row where the file puts it', slow, async () => {
    const first = await tinySchedule();
    expect(first.code).toBe(0);
    const rows = parse(readFileSync(path.join(first.out, 'schedule.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const talk = rows.find((r) => r['format'] === 'lightning')!;
    // Somewhere the solver had no reason to choose: the last ten minutes before lunch.
    talk['start'] = '12:50';
    talk['end'] = '13:00';
    const locked = rows.map((r) => ({ ...r, locked: r === talk ? 'yes' : '' }));
    const lockFile = path.join(tmp(), 'locked.csv');
    writeFileSync(lockFile, stringify(locked, { header: true }));
    const out = tmp();
    const r = await convene('schedule', fixture('tiny'), '-o', out, '--quiet', '--lock', lockFile);
    expect(r.code, r.stderr).toBe(0);
    const again = parse(readFileSync(path.join(out, 'schedule.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const kept = again.find((x) => x['id'] === talk['id'])!;
    expect([kept['date'], kept['start'], kept['room']]).toEqual([talk['date'], '12:50', talk['room']]);
  });
});

test('--weight changes the trade and the report shows it; a bad one is a usage error', slow, async () => {
  // sp-1 either speaks twice on the first day, once in a span marked avoid, or speaks on both days (fixtures/weight-trade/README.md).
  type Term = { name: string; weight: number; count: number };
  const run = async (avoid: number) => {
    const out = tmp();
    const r = await convene('schedule', fixture('weight-trade'), '-o', out, '--quiet', '--weight', `speaker-avoid=${avoid}`, '--weight', 'speaker-days=5');
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(readFileSync(path.join(out, 'schedule.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { terms: Term[] };
    const term = (name: string) => report.terms.find((t) => t.name === name)!;
    return { date: (id: string) => rows.find((x) => x['id'] === id)!['date'], avoid: term('speaker-avoid'), days: term('speaker-days') };
  };
  // Avoiding costs more than a second day: sp-1 speaks on both days, never in the avoided span.
  const costly = await run(100);
  expect(new Set([costly.date('p1'), costly.date('p2')])).toEqual(new Set(['2014-06-01', '2014-06-02']));
  expect(costly.avoid).toMatchObject({ weight: 100, count: 0 });
  expect(costly.days).toMatchObject({ weight: 5, count: 1 });
  // At weight 0 the avoided span is free: sp-1 takes one day, p3 the other.
  const free = await run(0);
  expect([free.date('p1'), free.date('p2'), free.date('p3')]).toEqual(['2014-06-01', '2014-06-01', '2014-06-02']);
  expect(free.avoid).toMatchObject({ weight: 0, count: 1 });
  expect(free.days).toMatchObject({ weight: 5, count: 0 });
  const bad = await convene('schedule', fixture('tiny'), '-o', tmp(), '--weight', 'happiness=3');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('expected term=number');
});

test('schedule --publish also writes the site', slow, async () => {
  const out = tmp();
  const r = await convene('schedule', fixture('tiny'), '-o', out, '--quiet', '--publish', '--lang', 'en');
  expect(r.code, r.stderr).toBe(0);
  expect(readdirSync(path.join(out, 'site'))).toEqual(expect.arrayContaining(['index.html', 'program.ics', 'schedule.json']));
  expect(readFileSync(path.join(out, 'site', 'index.html'), 'utf8')).toContain('<html lang="en"');
  // A bad --tz is refused before solving: exit 2, nothing written.
  const badOut = path.join(tmp(), 'never');
  const bad = await convene('schedule', fixture('tiny'), '-o', badOut, '--quiet', '--publish', '--tz', 'Nope/Zone');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('unknown time zone');
  expect(existsSync(badOut)).toBe(false);
});
