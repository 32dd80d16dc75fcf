import { describe, expect, it } from 'vitest';
import { formatAssignment } from '../../src/render/assignment.js';
import { D1, event } from './fixture.js';

describe('formatAssignment', () => {
  it('names the item and room by id and name, with the span', () => {
    expect(formatAssignment(event, { item: 'p03', room: 'mh', date: D1, start: 660, end: 720 })).toBe(
      'p03 "Open budgets" in mh (Auditorio Principal) at 2014-11-19 11:00-12:00',
    );
  });

  it('stays on one line when a title has a line break', () => {
    expect(formatAssignment(event, { item: 'p01', room: 'mh', date: D1, start: 540, end: 600 })).not.toMatch(/\n/);
  });

  it('shows unknown ids bare instead of throwing, since messages report problems', () => {
    expect(formatAssignment(event, { item: 'x9', room: 'r7', date: D1, start: 540, end: 545 })).toBe(
      'x9 in r7 at 2014-11-19 09:00-09:05',
    );
  });
});
