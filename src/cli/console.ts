import chalk from 'chalk';
import type { Printer } from './exit.js';

/** Where commands print: stdout for results, stderr for problems and progress. */
export type Console = Printer & {
  readonly out: (text: string) => void;
  readonly warn: (text: string) => void;
  /** Overwrites one status line on a terminal; silent elsewhere. */
  readonly status: (text: string) => void;
  readonly clearStatus: () => void;
  readonly quiet: boolean;
};

export function processConsole(quiet: boolean): Console {
  const tty = Boolean(process.stderr.isTTY) && !quiet;
  let shown = false;
  const clearStatus = () => {
    if (shown) process.stderr.write('\r\x1b[2K');
    shown = false;
  };
  return {
    quiet,
    out: (text) => process.stdout.write(`${text}\n`),
    error: (text) => {
      clearStatus();
      process.stderr.write(`${chalk.red(text)}\n`);
    },
    warn: (text) => {
      clearStatus();
      process.stderr.write(`${chalk.yellow(text)}\n`);
    },
    status: (text) => {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K${chalk.dim(text)}`);
      shown = true;
    },
    clearStatus,
  };
}
