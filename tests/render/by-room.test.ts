import { describe, expect, it } from 'vitest';
import { byRoomTable } from '../../src/render/by-room.js';
import { event, schedule, shuffled, shuffledEvent } from './fixture.js';

describe('byRoomTable', () => {
  const table = byRoomTable(event, schedule);
  const col = (name: string) => table.header.indexOf(name);

  it('has the documented header', () => {
    expect(table.header).toEqual(['room', 'room_name', 'date', 'start', 'end', 'item', 'title', 'format', 'audience', 'capacity']);
    for (const row of table.rows) expect(row).toHaveLength(table.header.length);
  });

  it('sorts by room id, then date and start', () => {
    expect(table.rows.map((r) => `${r[0]}:${r[col('item')]}`)).toEqual(['c1:w02', 'lb:l01', 'lb:l02', 'mh:p03', 'mh:p01']);
  });

  it('puts the audience beside the room capacity', () => {
    const w02 = table.rows.find((r) => r[col('item')] === 'w02');
    expect([w02?.[col('room_name')], w02?.[col('audience')], w02?.[col('capacity')]]).toEqual(['Aula 1', '30', '25']);
  });

  it('does not depend on input order', () => {
    for (const seed of [7, 8, 9]) {
      expect(byRoomTable(shuffledEvent(seed), shuffled(schedule, seed))).toEqual(table);
    }
  });
});
