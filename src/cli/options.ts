import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_GAP, DEFAULT_RULE_OPTIONS, type RuleOptions } from '../model/context.js';

/** The help of every writing command's --force. */
export const FORCE_HELP = 'replace the output folder even when it holds files convene did not write there (never the event folder)';

/** A whole number within [min, max], for commander option parsing. */
export function wholeNumber(min: number, max: number) {
  return (text: string): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${text}".`);
    }
    return n;
  };
}

/** A week: longer limits than this are typing mistakes, and timers cannot count much further (2^31 ms). */
export const MAX_SECONDS = 7 * 24 * 3600;

/** A positive number of seconds (decimals allowed), at most MAX_SECONDS. */
export function seconds(text: string): number {
  const n = /^\s*\d*\.?\d+\s*$|^\s*\d+\.\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > MAX_SECONDS) {
    throw new InvalidArgumentError(`expected a number of seconds above 0 and at most ${MAX_SECONDS} (a week), got "${text}".`);
  }
  return n;
}

export function oneOf<T extends string>(values: readonly T[]) {
  return (text: string): T => {
    const v = text.trim().toLowerCase() as T;
    if (!values.includes(v)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}, got "${text}".`);
    return v;
  };
}

/** `--gap <min>`, the same on every command that builds or checks a schedule. */
export function gapOption(description = 'hallway minutes between main-hall sessions or workshops in one room'): Option {
  return new Option('--gap <min>', description).argParser(wholeNumber(0, 240)).default(DEFAULT_GAP);
}

/** `--speaker-gap <min>`: the break a speaker has at least between two items, the same on every command that builds or checks a schedule. */
export function speakerGapOption(): Option {
  return new Option('--speaker-gap <min>', 'minutes a speaker has at least between two of their items (to rest or walk over)').argParser(wholeNumber(0, 240)).default(0);
}

/** The rule options of the flags every schedule command shares. */
export function ruleOptionsOf(flags: { readonly gap: number; readonly speakerGap?: number }): RuleOptions {
  return { ...DEFAULT_RULE_OPTIONS, gap: flags.gap, speakerGap: flags.speakerGap ?? 0 };
}
