/** What a reader reports, as the user sees it: every issue of the InputError it throws, formatted; [] when it throws none. */
import { formatIssue, InputError } from '../../src/domain/issues.js';

export function issuesOf(run: () => unknown): readonly string[] {
  try {
    run();
    return [];
  } catch (error) {
    return formatted(error);
  }
}

export async function issuesOfAsync(run: () => unknown): Promise<readonly string[]> {
  try {
    await run();
    return [];
  } catch (error) {
    return formatted(error);
  }
}

function formatted(error: unknown): readonly string[] {
  if (!(error instanceof InputError)) throw error;
  return error.issues.map(formatIssue);
}
