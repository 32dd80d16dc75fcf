import { describe, expect, it } from 'vitest';
import { reportJson } from '../../src/render/report-json.js';
import { event, report, schedule, shuffled, shuffledEvent, shuffledReport } from './fixture.js';

describe('reportJson', () => {
  const text = reportJson(event, schedule, report);
  const doc = JSON.parse(text) as Record<string, unknown>;

  it('is 2-space pretty JSON ending in one newline', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"status"/);
  });

  it('has the fixed key order', () => {
    expect(Object.keys(doc)).toEqual([
      'status',
      'stoppedByUser',
      'objective',
      'bound',
      'gap',
      'terms',
      'counts',
      'clashes',
      'solver',
      'model',
      'steps',
      'coverage',
      'timing',
      'items',
      'unscheduled',
    ]);
  });

  it('lists every planned step with why and whether it ran', () => {
    expect(doc.steps).toEqual([
      { step: 'whole', ran: true, why: 'every item, room and start at once', outcome: 'a valid schedule, cost 12' },
      { step: 'diagnose', ran: false, why: 'no schedule exists', outcome: 'a schedule exists' },
    ]);
  });

  it('adds titles to clashes, sorts them, and writes HH:MM times', () => {
    expect(doc.clashes).toEqual([
      {
        a: 'l01',
        aTitle: 'Civic tech in 5',
        b: 'x99',
        bTitle: '',
        themes: ['civic-tech', 'open-data'],
        date: '2014-11-19',
        start: '09:00',
        end: '09:05',
        cost: 80,
      },
      {
        a: 'p03',
        aTitle: 'Open budgets',
        b: 'w02',
        bTitle: 'Data for reporters',
        themes: ['fiscal-openness'],
        date: '2014-11-19',
        start: '11:00',
        end: '12:00',
        cost: 40,
      },
    ]);
  });

  it('counts every format in a fixed order and totals the placed items', () => {
    expect(doc.counts).toEqual([
      { format: 'plenary', items: 2 },
      { format: 'lightning', items: 2 },
      { format: 'workshop', items: 1 },
    ]);
    expect(doc.items).toBe(5);
  });

  it('does not depend on input order', () => {
    for (const seed of [13, 14]) {
      expect(reportJson(shuffledEvent(seed), shuffled(schedule, seed), shuffledReport(seed))).toBe(text);
    }
  });
});
