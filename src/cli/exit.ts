/**
 * Exit codes, decided here and nowhere else (documented in the README):
 * 0 done; 1 no valid schedule, or violations found; 2 bad input or usage
 * (including an output folder that cannot be written);
 * 3 an internal error (a bug in convene: please report it).
 */
import { CommanderError } from 'commander';
import { InputError, formatIssues } from '../domain/issues.js';
import { OutputError } from '../io/write.js';

export const EXIT = { ok: 0, noSchedule: 1, badInput: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * How a command that ran to its end ended, in its own terms. Commands
 * return one; exitCodeOf decides the code (what a command throws goes
 * through exitCodeFor).
 */
export type Ending =
  /** Everything asked was written. */
  | 'done'
  /** No valid schedule exists, or none was found in time: nothing written. */
  | 'no-schedule'
  /** A schedule of the items that fit was written (--allow-partial); some are left out. */
  | 'partial'
  /** A schedule given to check or publish breaks hard rules. */
  | 'rules-broken';

export function exitCodeOf(ending: Ending): ExitCode {
  return ending === 'done' ? EXIT.ok : EXIT.noSchedule;
}

/** A mistake in how convene was called, found after commander parsed the line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Printer = { readonly error: (text: string) => void };

/** Maps anything thrown by a command to an exit code, printing it for a person. */
export function exitCodeFor(e: unknown, out: Printer, verbose: boolean): ExitCode {
  if (e instanceof InputError) {
    for (const line of formatIssues(e.issues)) out.error(line);
    out.error(`${e.issues.length} problem${e.issues.length === 1 ? '' : 's'} found in the input; nothing was written.`);
    return EXIT.badInput;
  }
  if (e instanceof OutputError) {
    out.error(`error: ${e.message}`);
    return EXIT.badInput;
  }
  if (e instanceof UsageError) {
    out.error(`error: ${e.message}`);
    return EXIT.badInput;
  }
  if (e instanceof CommanderError) {
    // Help and version are not errors; commander has already printed them.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.badInput;
  }
  const message = e instanceof Error ? e.message : String(e);
  out.error(`internal error: ${message}`);
  out.error('This is a bug in convene, not in your files. Please report it with the command you ran.');
  if (verbose && e instanceof Error && e.stack) out.error(e.stack);
  return EXIT.internal;
}
