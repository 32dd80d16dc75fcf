/**
 * Every soft goal of a schedule, scored by our own code: one term each, with
 * its weight, count, cost and occurrences. The model encodes the same goals;
 * this is what reports and the staged solve's certificate trust.
 */
import type { ObjectiveTerm } from '../../domain/report.js';
import type { Schedule } from '../../domain/types.js';
import type { Context } from '../context.js';
import { INTRO_BLOCKS_TERM, scoreIntroBlocks } from './intro-blocks.js';
import { LIGHTNING_TERM, scoreLightningGroups } from './lightning.js';
import { PAIR_TERMS, scorePairOverlaps } from './pair-overlap.js';
import { ROOM_SIZE_TERM, scoreRoomSize } from './room-size.js';
import { scoreSpeakerGoals, SPEAKER_TERMS } from './speakers.js';
import { scoreThemeClashes, THEME_CLASH_TERM } from './theme-clash.js';
import { scoreThemeSpread, THEME_SPREAD_TERM } from './theme-spread.js';
import type { TermName, Weights } from './weights.js';

export function softGoalTerms(ctx: Context, schedule: Schedule, weights: Weights): readonly ObjectiveTerm[] {
  const term = (meta: { name: TermName; description: string }, count: number, occurrences?: readonly string[]): ObjectiveTerm => ({
    ...meta,
    weight: weights[meta.name],
    count,
    cost: weights[meta.name] * count,
    ...(occurrences ? { occurrences } : {}),
  });
  const clashes = scoreThemeClashes(ctx, schedule);
  const speakers = scoreSpeakerGoals(ctx, schedule);
  const sizes = scoreRoomSize(ctx, schedule);
  const spread = scoreThemeSpread(ctx, schedule);
  const advanced = scorePairOverlaps(ctx, schedule, 'advanced-clash');
  const language = scorePairOverlaps(ctx, schedule, 'language-clash');
  const intro = scoreIntroBlocks(ctx, schedule);
  const lightning = scoreLightningGroups(ctx, schedule);
  const messages = (found: readonly { message: string }[]) => found.map((o) => o.message);
  return [
    // A clash costs the weight times the pair's smaller audience: its "count" is the clashes, its cost their sum.
    { ...term(THEME_CLASH_TERM, clashes.length), cost: weights['theme-clash'] * clashes.reduce((n, c) => n + c.cost, 0) },
    term(SPEAKER_TERMS.avoid, speakers.avoid.length, messages(speakers.avoid)),
    term(SPEAKER_TERMS.preferred, speakers.preferred.length, messages(speakers.preferred)),
    term(SPEAKER_TERMS.days, speakers.days.length, messages(speakers.days)),
    term(ROOM_SIZE_TERM, sizes.reduce((n, f) => n + f.units, 0), messages(sizes)),
    term(THEME_SPREAD_TERM, spread.length, spread),
    term(PAIR_TERMS.advanced, advanced.length, advanced),
    term(INTRO_BLOCKS_TERM, intro.length, intro),
    term(PAIR_TERMS.language, language.length, language),
    term(LIGHTNING_TERM, lightning.length, lightning),
  ];
}
