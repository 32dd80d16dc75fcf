import { describe, expect, it } from 'vitest';
import { bySpeakerTable, NO_ITEM_PLACED } from '../../src/render/by-speaker.js';
import { event, schedule, shuffled, shuffledEvent } from './fixture.js';

describe('bySpeakerTable', () => {
  const table = bySpeakerTable(event, schedule);
  const col = (name: string) => table.header.indexOf(name);

  it('has the documented header', () => {
    expect(table.header).toEqual(['speaker', 'name', 'date', 'start', 'end', 'item', 'title', 'format', 'room']);
    for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  });

  it('has one row per (speaker, item), sorted by speaker, date, start', () => {
    const pairs = table.rows.filter((r) => r[col('item')] !== '').map((r) => `${r[0]}:${r[col('item')]}`);
    const expected = schedule.flatMap((a) => event.items.find((i) => i.id === a.item)?.speakers.map((s) => `${s}:${a.item}`) ?? []);
    expect([...pairs].sort()).toEqual([...expected].sort());
    // sp1 speaks at 09:05 (l02) and 11:00 (p03): time order, not item-id order.
    expect(pairs.filter((p) => p.startsWith('sp1:'))).toEqual(['sp1:l02', 'sp1:p03']);
    const speakers = table.rows.map((r) => r[0] ?? '');
    expect(speakers).toEqual([...speakers].sort());
  });

  it('lists every speaker, marking one with no placed item', () => {
    expect(new Set(table.rows.map((r) => r[0]))).toEqual(new Set(event.speakers.map((s) => s.id)));
    const sp5 = table.rows.filter((r) => r[0] === 'sp5');
    expect(sp5).toHaveLength(1);
    expect(sp5[0]?.[col('name')]).toBe('Eva Gómez');
    expect(sp5[0]?.[col('title')]).toBe(NO_ITEM_PLACED);
    expect([col('date'), col('start'), col('end'), col('item')].map((c) => sp5[0]?.[c])).toEqual(['', '', '', '']);
  });

  it('does not depend on input order', () => {
    for (const seed of [4, 5, 6]) {
      expect(bySpeakerTable(shuffledEvent(seed), shuffled(schedule, seed))).toEqual(table);
    }
  });
});
