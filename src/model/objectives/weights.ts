/**
 * The weights of the soft goals: defaults here, overridden per event by
 * weights.csv and per run by --weight. A weight of 0 turns a goal off.
 * One theme clash costs its weight times the smaller audience of the pair, so
 * the other defaults are set against a clash of about 50 people.
 */
export const TERM_NAMES = [
  'theme-clash',
  'speaker-avoid',
  'speaker-preferred',
  'speaker-days',
  'room-size',
  'theme-spread',
  'advanced-clash',
  'intro-blocks',
  'language-clash',
  'lightning-groups',
] as const;
export type TermName = (typeof TERM_NAMES)[number];
export type Weights = Readonly<Record<TermName, number>>;

export const DEFAULT_WEIGHTS: Weights = {
  'theme-clash': 1,
  'speaker-avoid': 100,
  'speaker-preferred': 40,
  'speaker-days': 60,
  'room-size': 1,
  'theme-spread': 50,
  'advanced-clash': 100,
  'intro-blocks': 50,
  'language-clash': 20,
  'lightning-groups': 30,
};

export function withWeights(base: Weights, overrides: Readonly<Partial<Record<TermName, number>>>): Weights {
  return { ...base, ...overrides };
}
