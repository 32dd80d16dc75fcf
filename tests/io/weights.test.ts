import { describe, expect, test } from 'vitest';
import { formatIssue, InputError } from '../../src/domain/issues.js';
import { parseWeightFlag, parseWeights } from '../../src/io/weights.js';

describe('weights.csv', () => {
  test('reads term,weight rows (any case, decimal comma)', () => {
    expect(parseWeights('Term;Weight\nspeaker-days;0\ntheme-clash;1,5\n')).toEqual({ 'speaker-days': 0, 'theme-clash': 1.5 });
  });

  test('unknown terms and bad weights are reported with file:line:column', () => {
    let error: unknown;
    try {
      parseWeights('term,weight\nfun,3\nspeaker-avoid,-1\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map(formatIssue)).toEqual([
      'weights.csv:2:1 term: unknown soft goal "fun" (one of advanced-clash, audience-overlap, intro-blocks, language-clash, level-flow, lightning-groups, room-size, speaker-avoid, speaker-days, speaker-preferred, speaker-rooms, theme-clash, theme-spread, track-rooms)',
      'weights.csv:3:2 weight: expected a number from 0 to 10,000 (like 2 or 0.5), or an empty cell for the default, got "-1"',
    ]);
  });

  test('--weight term=value', () => {
    expect(parseWeightFlag('speaker-days=0')).toEqual({ 'speaker-days': 0 });
    expect(parseWeightFlag('speaker-days')).toBeNull();
    expect(parseWeightFlag('nope=1')).toBeNull();
  });
});
