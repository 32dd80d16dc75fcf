import { describe, expect, test } from 'vitest';
import { costPhrase } from '../../src/render/report-parts.js';

describe('costPhrase', () => {
  test('the total, then the three costliest goals (ties by name), then the rest as one', () => {
    const terms = [
      { name: 'room-size', cost: 23 },
      { name: 'theme-spread', cost: 150 },
      { name: 'speaker-avoid', cost: 100 },
      { name: 'lightning-groups', cost: 60 },
      { name: 'speaker-days', cost: 150 },
      { name: 'theme-clash', cost: 0 },
    ];
    expect(costPhrase(terms)).toBe('cost 483 (speaker-days 150, theme-spread 150, speaker-avoid 100, 2 more goals 83)');
  });

  test('goals that cost nothing are not named; one left over is "1 more goal"', () => {
    expect(costPhrase([{ name: 'a', cost: 0 }])).toBe('cost 0');
    expect(costPhrase([{ name: 'a', cost: 4 }, { name: 'b', cost: 3 }, { name: 'c', cost: 2 }, { name: 'd', cost: 1 }])).toBe('cost 10 (a 4, b 3, c 2, 1 more goal 1)');
  });

  test('float noise of weighted sums is not printed', () => {
    expect(costPhrase([{ name: 'theme-clash', cost: 0.1 + 0.2 }, { name: 'room-size', cost: 493.99999999999994 }])).toBe('cost 494.3 (room-size 494, theme-clash 0.3)');
  });
});
