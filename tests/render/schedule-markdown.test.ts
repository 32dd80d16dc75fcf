import { describe, expect, it } from 'vitest';
import { scheduleMarkdown } from '../../src/render/schedule-markdown.js';
import { D1, D2, event, schedule, shuffled, shuffledEvent } from './fixture.js';

/** The cells of one Markdown table row, splitting on unescaped pipes only. */
function cells(line: string): string[] {
  return line
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The table rows (header and separator dropped) of the `## date` section. */
function section(md: string, date: string): { header: string[]; rows: string[][]; text: string } {
  const text = md.split(/^## /m).find((s) => s.startsWith(`${date}\n`)) ?? '';
  const lines = text.split('\n').filter((l) => l.startsWith('|'));
  return { header: cells(lines[0] ?? '| |'), rows: lines.slice(2).map(cells), text };
}

describe('scheduleMarkdown', () => {
  const md = scheduleMarkdown(event, schedule);

  it('has one section per date, in order', () => {
    expect([...md.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual([D1, D2]);
  });

  it('orders room columns main hall, lobby, classroom, showing only rooms used that day', () => {
    expect(section(md, D1).header).toEqual(['Time', 'Auditorio Principal (mh)', 'Lobby (lb)', 'Aula 1 (c1)']);
    expect(section(md, D2).header).toEqual(['Time', 'Auditorio Principal (mh)']);
  });

  it('has a row per start time and a spanning row per break', () => {
    const day1 = section(md, D1).rows;
    expect(day1.map((r) => r[0])).toEqual(['09:00', '09:05', '10:30-11:00 — Café / Coffee', '11:00']);
    expect(day1[2]?.slice(1)).toEqual(['—', '—', '—']);
    // Lunch on day 2 starts after the last item but is still shown.
    expect(section(md, D2).rows.map((r) => r[0])).toEqual(['09:00', '12:00-13:00 — Almuerzo / Lunch']);
  });

  it('puts each item once, in its room column at its start row', () => {
    for (const a of schedule) {
      expect(md.split(`**${a.item}**`)).toHaveLength(2);
    }
    const day1 = section(md, D1);
    const row11 = day1.rows.find((r) => r[0] === '11:00') ?? [];
    expect(row11[day1.header.indexOf('Aula 1 (c1)')]).toBe('**w02** Data for reporters (11:00-12:30)');
    expect(row11[day1.header.indexOf('Lobby (lb)')]).toBe('');
  });

  it('escapes pipes and line breaks in titles', () => {
    expect(md).toContain('**p01** Budgets \\| the data behind them (09:00-10:00)');
    // Every table row of a section has as many cells as its header.
    for (const date of [D1, D2]) {
      const { header, rows } = section(md, date);
      for (const row of rows) expect(row).toHaveLength(header.length);
    }
  });

  it('ends with counts per format and exactly one newline', () => {
    expect(md).toMatch(/[^\n]\n$/);
    expect(md).toContain('Items: 2 plenary, 2 lightning and 1 workshop (5 in all).');
    expect(section(md, D2).text).toContain('Items this day: 1 plenary, 0 lightning and 0 workshop (1 in all).');
  });

  it('does not depend on input order', () => {
    for (const seed of [10, 11, 12]) {
      expect(scheduleMarkdown(shuffledEvent(seed), shuffled(schedule, seed))).toBe(md);
    }
  });
});
