import { describe, expect, it } from 'vitest';
import { reportMarkdown } from '../../src/render/report-markdown.js';
import { event, report, schedule, shuffled, shuffledEvent, shuffledReport } from './fixture.js';

describe('reportMarkdown', () => {
  const md = reportMarkdown(event, schedule, report);

  it('states the status in words', () => {
    expect(md).toContain('Valid schedule; the solver stopped before proving it the best: gap 3.2 %');
    expect(md).toContain('at most 40.5 of the cost could still be saved');
    expect(reportMarkdown(event, schedule, { ...report, status: 'optimal', gap: 0, bound: 1240.5 })).toContain(
      'Proven optimal.',
    );
    expect(reportMarkdown(event, schedule, { ...report, gap: null })).toMatch(/stopped before proving it the best/);
  });

  it('says when the bound is only the terms\' own least costs added up, and only then', () => {
    const said = /adds up what each term costs at least on its own[^\n]*beyond the reach of any schedule/;
    // The fixture's solver proved 1,200, more than the terms' 0 + 1,000: its bound is not a sum of the terms'.
    expect(md).not.toMatch(said);
    expect(reportMarkdown(event, schedule, { ...report, bound: 1000, gap: 240.5 / 1240.5 })).toMatch(said);
    // Terms' bounds of 0.5 and 1,000 make a run's whole-unit bound of 1,001: still their sum.
    const halves = report.terms.map((t) => (t.name === 'theme_clash' ? { ...t, bound: 0.5 } : t));
    expect(reportMarkdown(event, schedule, { ...report, terms: halves, bound: 1001, gap: 239.5 / 1240.5 })).toMatch(said);
    // One term with a cost: nothing pulls against it.
    const alone = report.terms.map((t) => (t.name === 'theme_clash' ? { ...t, cost: 0, count: 0 } : t));
    expect(reportMarkdown(event, schedule, { ...report, terms: alone, bound: 1000, gap: 120.5 / 1120.5 })).not.toMatch(said);
    expect(reportMarkdown(event, schedule, { ...report, status: 'optimal', bound: 1000, gap: 0 })).not.toMatch(said);
  });

  it('has a row per objective term with weight, count, cost and bound, and the totals', () => {
    expect(md).toContain('| late_start | 0.5 | 2,241 | 1,120.5 | 1,000 | Minutes after the preferred start |');
    expect(md).toContain('| theme_clash | 40 | 3 | 120 | 0 |');
    expect(md).toContain('| **Total** | | | **1,240.5** | 1,000 | |');
  });

  it('says which steps ran, why and how they ended, and names those not needed', () => {
    expect(md).toContain('- Steps, in order:\n  1. whole (every item, room and start at once): a valid schedule, cost 12.\n- Not needed: diagnose (report.json says why).');
    expect(md).toContain("- Model size (the whole step's model): 1,234 variables");
  });

  it('lists lightning talks by member country, naming the voices missing', () => {
    const coverage = {
      members: [
        { country: 'UY', name: 'Uruguay', talks: { government: ['l01'], civil_society: [], irm: ['l02'] }, other: [] },
        { country: 'CL', name: 'Chile', talks: { government: ['l03'], civil_society: ['l04'], irm: ['l05'] }, other: ['l06'] },
      ],
      regional: ['l07'],
      others: [{ country: 'Canadá', talks: ['l08'] }],
    };
    const text = reportMarkdown(event, schedule, { ...report, coverage });
    expect(text).toContain('## Lightning talks by member country\n\n1 member country of 2 is missing a voice (members.csv lists them):');
    expect(text).toContain('| Uruguay | l01 | **missing** | l02 | |');
    expect(text).toContain('| Chile | l03 | l04 | l05 | l06 |');
    expect(text).toContain('Regional initiatives: l07.');
    expect(text).toContain('Talks of countries not in members.csv: Canadá (l08).');
    expect(md).not.toContain('Lightning talks by member country');
  });

  it('lists an occurrence counted more than once a single time, saying how often it counts', () => {
    const spread = 'theme dance uses 3 rooms on 2014-11-19';
    const terms = report.terms.map((t) => (t.name === 'theme_clash' ? { ...t, occurrences: [spread, spread, 'theme folk uses 2 rooms', 'speaker a on 4 days', 'speaker a on 4 days', 'speaker a on 4 days'] } : t));
    const text = reportMarkdown(event, schedule, { ...report, terms });
    expect(text).toContain(`- ${spread} (counted twice)\n- theme folk uses 2 rooms\n- speaker a on 4 days (counted 3 times)\n`);
  });

  it('counts items per track', () => {
    expect(md).toContain('| Plenary sessions | main hall | 2 |');
    expect(md).toContain('| Lightning talks | lobby | 2 |');
    expect(md).toContain('| Workshops | classrooms | 1 |');
    expect(md).toContain('All 5 submitted items are in the schedule.');
    expect(reportMarkdown(event, schedule.slice(1), report)).toContain('4 of 5 submitted items are in the schedule; 1 are not.');
  });

  it('lists every clash with ids, titles, themes, time and cost', () => {
    expect(md).toContain(
      '- p03 "Open budgets" and w02 "Data for reporters" share fiscal-openness on 2014-11-19 11:00-12:00 (cost 40)',
    );
    expect(md).toContain('- l01 "Civic tech in 5" and x99 share civic-tech and open-data on 2014-11-19 09:00-09:05 (cost 80)');
    expect(reportMarkdown(event, schedule, { ...report, clashes: [] })).toContain('No two items on the same theme');
  });

  it('gives the model size, grid and solve time', () => {
    expect(md).toContain('1,234 variables, 567 constraints and 8,901 non-zero coefficients');
    expect(md).toContain('multiple of 5 minutes');
    expect(md).toContain('12.3 s to solve');
  });

  it('does not depend on input order', () => {
    for (const seed of [15, 16]) {
      expect(reportMarkdown(shuffledEvent(seed), shuffled(schedule, seed), shuffledReport(seed))).toBe(md);
    }
  });
});
