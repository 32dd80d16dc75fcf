import { describe, expect, it } from 'vitest';
import { scheduleTable, SCHEDULE_COLUMNS } from '../../src/render/schedule-table.js';
import { D1, D2, event, schedule, shuffled, shuffledEvent } from './fixture.js';

describe('scheduleTable', () => {
  const table = scheduleTable(event, schedule);
  const col = (name: string) => table.header.indexOf(name);

  it('has exactly the public columns, in order', () => {
    expect(table.header).toEqual(['id', 'title', 'format', 'date', 'start', 'end', 'room', 'speakers', 'themes']);
    expect(SCHEDULE_COLUMNS).toEqual(table.header);
    for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  });

  it('lists each placed item exactly once', () => {
    const ids = table.rows.map((r) => r[col('id')]);
    expect([...ids].sort()).toEqual(schedule.map((a) => a.item).sort());
  });

  it('sorts by date, start, room id, item id', () => {
    // 09:00 l01, 09:05 l02, then at 11:00 c1 sorts before mh, then day 2.
    expect(table.rows.map((r) => r[col('id')])).toEqual(['l01', 'l02', 'w02', 'p03', 'p01']);
    expect(table.rows.map((r) => r[col('date')])).toEqual([D1, D1, D1, D1, D2]);
  });

  it('writes HH:MM times and keeps the item order of speakers', () => {
    const p03 = table.rows.find((r) => r[0] === 'p03');
    expect(p03?.[col('start')]).toBe('11:00');
    expect(p03?.[col('end')]).toBe('12:00');
    expect(p03?.[col('speakers')]).toBe('sp3;sp1');
    expect(table.rows.find((r) => r[0] === 'p01')?.[col('themes')]).toBe('open-data;fiscal-openness');
  });

  it('keeps titles raw for csv-stringify to quote', () => {
    expect(table.rows.find((r) => r[0] === 'p01')?.[col('title')]).toBe('Budgets | the data\nbehind them');
  });

  it('does not depend on input order', () => {
    for (const seed of [1, 2, 3]) {
      expect(scheduleTable(shuffledEvent(seed), shuffled(schedule, seed))).toEqual(table);
    }
  });

  it('refuses an assignment to an item the event lacks', () => {
    expect(() => scheduleTable(event, [...schedule, { item: 'zz', room: 'mh', date: D1, start: 0, end: 5 }])).toThrow(/"zz"/);
  });
});
