import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { issuesOf } from '../helpers/issues.js';
import { parseEvent } from '../../src/io/event.js';
import { parseSchedule, parseScheduleFile, readSchedule } from '../../src/io/schedule.js';
import { scheduleTable } from '../../src/render/index.js';
import { tableToCsv } from '../../src/io/write.js';
import { BASE, csv, wholeFile } from './event-fixture.js';

const EVENT = parseEvent(BASE);
const HEADER = 'id,title,format,date,start,end,room,speakers,themes';

function problems(text: string): readonly string[] {
  return issuesOf(() => parseSchedule(text, 'out/schedule.csv', EVENT));
}

describe('parseSchedule', () => {
  test('reads id, date, start, end and room, sorted by date, start, room, item', () => {
    const text = csv(
      HEADER,
      'w01,Data for reporters,workshop,2025-06-02,14:00,16:00,c1,sp-2,data;journalism',
      'p01,Opening plenary,plenary,2025-06-02,09:00,10:00,hall,sp-1;sp-2,open government',
      'l01,Budgets in 5 minutes,lightning,2025-06-02,9:00,09:30,lobby,sp-3,budgets',
    );
    expect(parseSchedule(text, 'schedule.csv', EVENT)).toEqual([
      { item: 'p01', room: 'hall', date: '2025-06-02', start: 540, end: 600 },
      { item: 'l01', room: 'lobby', date: '2025-06-02', start: 540, end: 570 },
      { item: 'w01', room: 'c1', date: '2025-06-02', start: 840, end: 960 },
    ]);
  });

  test('leaves duplicates, missing items, wrong durations, clashes and odd dates to the checker', () => {
    const text = csv(
      'id,date,start,end,room',
      'p01,2025-06-02,09:00,09:45,hall',
      'p01,2025-06-02,09:00,09:45,hall',
      'w01,2025-07-01,09:00,08:00,hall',
    );
    expect(parseSchedule(text, 'schedule.csv', EVENT)).toHaveLength(3);
  });

  test('reads back what tableToCsv wrote, Excel-style re-saves included', () => {
    const schedule = [
      { item: 'p01', room: 'hall', date: '2025-06-02', start: 540, end: 600 },
      { item: 'w01', room: 'c1', date: '2025-06-02', start: 840, end: 960 },
    ];
    const text = tableToCsv(scheduleTable(EVENT, schedule));
    expect(parseSchedule(text, 'schedule.csv', EVENT)).toEqual(schedule);
    const excel = '\uFEFF' + text.replaceAll(',', ';').replaceAll('\n', '\r\n');
    expect(parseSchedule(excel, 'schedule.csv', EVENT)).toEqual(schedule);
  });

  test('ids that tableToCsv guarded against formulas read back as they were', () => {
    const event = parseEvent({ ...BASE, 'themes.csv': BASE['themes.csv']!.replace('\nl01,', '\n-l01,').replace('\nw01,', '\n@w01,') });
    const schedule = [
      { item: '-l01', room: 'lobby', date: '2025-06-02', start: 540, end: 570 },
      { item: '@w01', room: 'c1', date: '2025-06-02', start: 840, end: 960 },
    ];
    const text = tableToCsv(scheduleTable(event, schedule));
    expect(text).toContain("\n'-l01,");
    expect(parseSchedule(text, 'schedule.csv', event)).toEqual(schedule);
  });

  test('locked rows', () => {
    const text = csv('id,date,start,end,room,locked', 'p01,2025-06-02,09:00,10:00,hall,sí', 'w01,2025-06-02,14:00,16:00,c1,', 'l01,2025-06-02,10:00,10:30,lobby,no');
    expect(parseScheduleFile(text, 'schedule.csv', EVENT).locked).toEqual(['p01']);
  });

  test('cells that cannot be read, unknown items and rooms', () => {
    expect(
      problems(
        csv(
          HEADER + ',locked',
          'p01,Opening,plenary,2025-06-02,09:00,10:00,hall,,,maybe',
          'p99,Ghost,plenary,2025-06-02,09:00,10:00,annex,,,',
          ',x,plenary,June 2,9h,10:00,,,,',
        ),
      ),
    ).toEqual([
      'out/schedule.csv:2:10 locked: expected yes or no, or nothing, got "maybe"',
      'out/schedule.csv:3:1 id: unknown item "p99" (not in themes.csv)',
      'out/schedule.csv:3:7 room: unknown room "annex" (not in rooms.csv)',
      'out/schedule.csv:4:1 id: expected an id, got an empty cell',
      'out/schedule.csv:4:4 date: expected a date written YYYY-MM-DD, got "June 2"',
      'out/schedule.csv:4:5 start: expected a time written HH:MM (24-hour), got "9h"',
      'out/schedule.csv:4:7 room: expected an id, got an empty cell',
    ]);
  });

  test("another event's schedule: the cause once, not a line per row", () => {
    const text = csv(
      'id,date,start,end,room',
      'p01,2025-06-02,09:00,10:00,hall',
      'x1,2025-06-02,10:00,11:00,annex',
      'x2,2025-06-02,11:00,12:00,annex',
    );
    expect(problems(text)).toEqual([
      'out/schedule.csv: 1 of its 3 rows names an item of themes.csv (the first unknown: "x1" on line 3); is it the schedule of another event?',
    ]);
  });

  test('missing columns', () => {
    expect(problems(csv('id,date,start,room', 'p01,2025-06-02,09:00,hall'))).toEqual(['out/schedule.csv:1 end: missing column']);
  });
});

describe('readSchedule', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  test('reads a file, and names a missing one by its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'convene-schedule-'));
    dirs.push(dir);
    const path = join(dir, 'schedule.csv');
    await writeFile(path, csv('id,date,start,end,room', 'p01,2025-06-02,09:00,10:00,hall'));
    expect(await readSchedule(path, EVENT)).toEqual([{ item: 'p01', room: 'hall', date: '2025-06-02', start: 540, end: 600 }]);
    const missing = join(dir, 'nope.csv');
    await expect(readSchedule(missing, EVENT)).rejects.toThrow(wholeFile(missing, 'missing file (expected columns id,date,start,end,room)'));
  });
});
