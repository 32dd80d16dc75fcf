/**
 * The command line: commander definitions and the one place where anything a
 * command throws becomes a message and an exit code.
 */
import { Command } from 'commander';
import { registerAgenda } from './agenda.js';
import { registerAllocate } from './allocate.js';
import { registerCheck } from './check.js';
import { registerExplain } from './explain.js';
import { processConsole, type Console } from './console.js';
import { EXIT, exitCodeFor, exitCodeOf, type Ending, type ExitCode } from './exit.js';
import { DEFAULT_MAX_INPUT_MB, MAX_INPUT_MB, setMaxInputMb } from '../io/files.js';
import { wholeNumber } from './options.js';
import { registerPublish } from './publish.js';
import { registerSchedule } from './schedule.js';
import { registerTeams } from './teams.js';
import { registerValidate } from './validate.js';
import { CONVENE_VERSION } from '../io/version.js';


export async function main(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const verbose = process.env['CONVENE_DEBUG'] === '1';
  const program = new Command()
    .name('convene')
    .description('Build the program of a multi-track civic conference and allocate its seats.')
    .version(CONVENE_VERSION)
    .option('-q, --quiet', 'no progress line on stderr')
    .option('--max-input-mb <n>', 'the largest input file read, in MB', wholeNumber(1, MAX_INPUT_MB), DEFAULT_MAX_INPUT_MB)
    .showHelpAfterError('(run convene --help for usage)')
    .exitOverride();
  const run = async (action: (c: Console) => Promise<Ending>) => {
    const c = processConsole(Boolean(program.opts()['quiet']));
    setMaxInputMb(program.opts()['maxInputMb'] as number);
    try {
      code = exitCodeOf(await action(c));
    } catch (e) {
      code = exitCodeFor(e, c, verbose);
    }
  };
  registerValidate(program, run);
  registerSchedule(program, run);
  registerCheck(program, run);
  registerExplain(program, run);
  registerAllocate(program, run);
  registerAgenda(program, run);
  registerPublish(program, run);
  registerTeams(program, run);
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    code = exitCodeFor(e, processConsole(true), verbose);
  }
  return code;
}
