import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, test } from 'vitest';
import type { Console } from '../../src/cli/console.js';
import { EXIT, exitCodeFor, exitCodeOf, UsageError, type ExitCode } from '../../src/cli/exit.js';
import { acronymOf, publishCommand, registerPublish, type PublishFlags } from '../../src/cli/publish.js';
import { OGP_DIR, OGP_SCHEDULE } from './fixture.js';

type Captured = Console & { readonly lines: { out: string[]; err: string[] } };

function fakeConsole(): Captured {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    quiet: true,
    out: (t) => lines.out.push(t),
    error: (t) => lines.err.push(t),
    warn: (t) => lines.err.push(t),
    status: () => {},
    clearStatus: () => {},
  };
}

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'convene-publish-cli-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const flags = (out: string, extra: Partial<PublishFlags> = {}): PublishFlags => ({
  out,
  tz: 'America/Costa_Rica',
  lang: 'es',
  gap: 10,
  ...extra,
});
const EPOCH = { SOURCE_DATE_EPOCH: '1415000000' };
const never = () => {
  throw new Error('the clock must not be read when SOURCE_DATE_EPOCH is set');
};

describe('publishCommand', () => {
  test('writes the whole site for the example event', async () => {
    const out = path.join(tmp(), 'site');
    const c = fakeConsole();
    expect(await publishCommand(OGP_DIR, OGP_SCHEDULE, flags(out), c, EPOCH, never)).toBe('done');
    for (const f of ['index.html', 'schedule.json', 'program.ics']) expect(existsSync(path.join(out, f)), f).toBe(true);
    const speakers = readFileSync(path.join(OGP_DIR, 'speakers.csv'), 'utf8').trim().split('\n').length - 1;
    const rooms = readFileSync(path.join(OGP_DIR, 'rooms.csv'), 'utf8').trim().split('\n').length - 1;
    expect(readdirSync(path.join(out, 'ics'))).toHaveLength(speakers + rooms);
    expect(readdirSync(path.join(out, 'speakers'))).toHaveLength(speakers);
    expect(readdirSync(path.join(out, 'rooms'))).toHaveLength(rooms);
    const items = readFileSync(OGP_SCHEDULE, 'utf8').trim().split('\n').length - 1;
    expect(c.lines.out.join('\n')).toMatch(new RegExp(`^Published ${items} items to .*index\\.html and \\d+ more files\\.$`));
    // The title defaults to the folder's name.
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<h1>ogp-americas</h1>');
    expect(readFileSync(path.join(out, 'program.ics'), 'utf8')).toContain('DTSTAMP:20141103T073320Z');
  });

  test('with SOURCE_DATE_EPOCH a re-run is byte-identical', async () => {
    const a = path.join(tmp(), 'a');
    const b = path.join(tmp(), 'b');
    await publishCommand(OGP_DIR, OGP_SCHEDULE, flags(a, { lang: 'en', title: 'OGP 2014' }), fakeConsole(), EPOCH, never);
    await publishCommand(OGP_DIR, OGP_SCHEDULE, flags(b, { lang: 'en', title: 'OGP 2014' }), fakeConsole(), EPOCH, never);
    for (const f of ['index.html', 'schedule.json', 'program.ics', 'ics/mh.ics', 'rooms/mh.md']) {
      expect(readFileSync(path.join(a, f), 'utf8'), f).toBe(readFileSync(path.join(b, f), 'utf8'));
    }
    expect(readFileSync(path.join(a, 'index.html'), 'utf8')).toContain('<html lang="en">');
  });

  test('without SOURCE_DATE_EPOCH the stamp is the clock’s', async () => {
    const out = path.join(tmp(), 'site');
    await publishCommand(OGP_DIR, OGP_SCHEDULE, flags(out), fakeConsole(), {}, () => Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(readFileSync(path.join(out, 'program.ics'), 'utf8')).toContain('DTSTAMP:20260102T030405Z');
  });

  test('an unknown time zone, a bad base URL or a bad SOURCE_DATE_EPOCH is a usage error (exit 2)', async () => {
    const out = path.join(tmp(), 'site');
    for (const [f, env] of [
      [flags(out, { tz: 'Mars/Olympus' }), EPOCH],
      [flags(out, { baseUrl: 'not a url' }), EPOCH],
      [flags(out), { SOURCE_DATE_EPOCH: 'yesterday' }],
    ] as const) {
      const err = await publishCommand(OGP_DIR, OGP_SCHEDULE, f, fakeConsole(), env, never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UsageError);
      expect(exitCodeFor(err, fakeConsole(), false)).toBe(EXIT.badInput);
    }
    expect(existsSync(out)).toBe(false);
  });

  test('a schedule that breaks a hard rule is refused (exit 1) and nothing is written', async () => {
    const dir = tmp();
    const rows = parse(readFileSync(OGP_SCHEDULE, 'utf8'), { columns: true }) as Record<string, string>[];
    // Move a lightning talk onto the opening plenary's room and time.
    const talk = rows.find((r) => r['format'] === 'lightning')!;
    Object.assign(talk, { date: '2014-11-19', start: '09:00', end: '09:10', room: 'mh' });
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, stringify(rows, { header: true }));
    const out = path.join(dir, 'site');
    const c = fakeConsole();
    expect(await publishCommand(OGP_DIR, bad, flags(out), c, EPOCH, never)).toBe('rules-broken');
    expect(c.lines.err.join('\n')).toMatch(/nothing was published/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('registerPublish', () => {
  async function parse(argv: readonly string[]): Promise<{ code: ExitCode | 'not run'; out: string }> {
    let code: ExitCode | 'not run' = 'not run';
    const c = fakeConsole();
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    registerPublish(program, async (action) => {
      try {
        code = exitCodeOf(await action(c));
      } catch (e) {
        code = exitCodeFor(e, c, false);
      }
    });
    try {
      await program.parseAsync(['node', 'convene', ...argv]);
    } catch (e) {
      code = exitCodeFor(e, c, false);
    }
    return { code, out: c.lines.out.join('\n') };
  }

  test('flags reach the command: -o, --tz, --lang, --title', async () => {
    const out = path.join(tmp(), 'site');
    const r = await parse(['publish', OGP_DIR, OGP_SCHEDULE, '-o', out, '--tz', 'America/Panama', '--lang', 'en', '--title', 'OGP 2014']);
    expect(r.code).toBe(EXIT.ok);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('Times in America/Panama');
    expect(html).toContain('<h1>OGP 2014</h1>');
    expect(readFileSync(path.join(out, 'program.ics'), 'utf8')).toContain('UID:p01.ogp-2014@convene');
  });

  test('--lang accepts only es or en', async () => {
    const r = await parse(['publish', OGP_DIR, OGP_SCHEDULE, '-o', path.join(tmp(), 's'), '--lang', 'fr']);
    expect(r.code).toBe(EXIT.badInput);
  });
});

test('acronymOf', () => {
  expect(acronymOf('OGP Américas 2014')).toBe('ogp-americas-2014');
  expect(acronymOf('¡!')).toBe('convene');
});
