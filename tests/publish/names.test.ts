import { describe, expect, test } from 'vitest';
import type { Event } from '../../src/domain/types.js';
import { fileStems, publishFiles, safeStem } from '../../src/render/publish/index.js';
import { writeOutputs } from '../../src/io/write.js';
import { event, schedule } from '../render/fixture.js';
import { OPTIONS } from './fixture.js';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('file names from ids', () => {
  test.each([
    ['sp-001', 'sp-001'],
    ['../../etc/passwd', '__.._etc_passwd'],
    ['a/b\\c', 'a_b_c'],
    ['.hidden', '_hidden'],
    ['', '_'],
    ['María José', 'Maria_Jose'],
    ['CON', 'CON_'],
    ['nul', 'nul_'],
  ])('%j -> %j', (id, stem) => {
    expect(safeStem(id)).toBe(stem);
  });

  test('names never collide, even ignoring case, and do not depend on input order', () => {
    const ids = ['sp-1', 'SP-1', 'sp/1', 'sp_1', 'sp-1-2'];
    const stems = fileStems(ids);
    const lower = [...stems.values()].map((s) => s.toLowerCase());
    expect(new Set(lower).size).toBe(ids.length);
    expect(fileStems([...ids].reverse())).toEqual(stems);
  });

  test('hostile speaker and room ids stay inside their folders, and a room cannot overwrite a speaker’s calendar', async () => {
    const evil: Event = {
      ...event,
      rooms: event.rooms.map((r) => (r.id === 'c1' ? { ...r, id: '../../c1' } : r)),
      speakers: [...event.speakers.map((s) => (s.id === 'sp5' ? { ...s, id: 'mh' } : s))],
    };
    const sched = schedule.map((a) => (a.room === 'c1' ? { ...a, room: '../../c1' } : a));
    const files = publishFiles(evil, sched, OPTIONS);
    for (const name of Object.keys(files)) {
      expect(name.split('/')).not.toContain('..');
      expect(name).toMatch(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)?$/);
    }
    // speaker "mh" and room "mh" share ics/: two files, not one.
    expect(Object.keys(files).filter((n) => /^ics\/mh(-2)?\.ics$/.test(n))).toHaveLength(2);
    const dir = mkdtempSync(path.join(tmpdir(), 'convene-names-'));
    try {
      await writeOutputs(dir, files);
      expect(readdirSync(path.join(dir, 'ics')).length).toBe(evil.speakers.length + evil.rooms.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
