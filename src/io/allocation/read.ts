/**
 * An event folder and an optional schedule on disk -> AllocationInput, plus
 * the lottery keys and the hash of the inputs (node:crypto lives here, not in
 * the pure allocate module).
 */
import { createHash } from 'node:crypto';
import type { AllocationInput, Workshop } from '../../domain/allocation.js';
import { InputError } from '../../domain/issues.js';
import type { Item } from '../../domain/types.js';
import { readEvent } from '../event.js';
import { openFolder, readText } from '../files.js';
import type { FileText } from '../rows/sheet.js';
import { THEMES_FILE, readThemes } from '../rows/themes.js';
import { readScheduleFile } from '../schedule.js';
import { parseAllocationInput } from './parse.js';
import { PREFERENCES_FILE } from './preferences.js';
import { REGISTRATIONS_FILE } from './registrations.js';
import { UNCONFERENCE_FILE } from './unconference.js';
import { INTEREST_FILE, PROPOSALS_FILE, readProposals } from '../agenda/rows.js';
import { byId } from '../../domain/compare.js';

/**
 * Reads registrations.csv, unconference.csv and preferences.csv from `dir`
 * (the last two may be absent), the workshop ids from its themes.csv and, with
 * `schedulePath`, the whole event and the workshops' times and rooms from that
 * schedule. Throws InputError.
 */
/**
 * Where the sessions and their rankings come from instead of the folder's
 * unconference.csv and preferences.csv (`allocate --unconference`, `--interest`).
 */
export type AllocationSources = {
  /** An unconference.csv elsewhere, such as the one `convene agenda` wrote. */
  readonly unconference?: string;
  /** Read this interest.csv (`true`: the folder's) in place of preferences.csv; ties by `tieKey`. */
  readonly interest?: string | true;
  readonly tieKey?: (registrant: string, session: string) => string;
};

export async function readAllocationInput(dir: string, schedulePath: string | null, sources: AllocationSources = {}): Promise<AllocationInput> {
  const folder = await openFolder(dir);
  const text = (file: string) => folder.text(file);
  let items: readonly Item[] = [];
  let workshops: readonly Workshop[] = [];
  if (schedulePath !== null) {
    const event = await readEvent(folder);
    const { schedule } = await readScheduleFile(schedulePath, event);
    items = event.items;
    const rooms = new Map(event.rooms.map((r) => [r.id, r]));
    const byItem = new Map(event.items.map((i) => [i.id, i]));
    workshops = schedule.flatMap((a): Workshop[] => {
      const item = byItem.get(a.item);
      if (item?.format !== 'workshop') return [];
      return [{ id: a.item, title: item.title, room: a.room, capacity: rooms.get(a.room)?.capacity ?? 0, date: a.date, start: a.start, end: a.end }];
    });
  } else {
    const themes = readThemes(await text(THEMES_FILE));
    if (themes.table) {
      if (themes.issues.length > 0) throw new InputError(themes.issues);
      items = themes.rows;
    }
  }
  const named = async (path: string): Promise<FileText> =>
    (await readText(path, path)) ?? { file: path, line: 0, column: 0, columnName: '', message: 'no such file' };
  const interest =
    sources.interest === undefined
      ? undefined
      : {
          text: sources.interest === true ? await text(INTEREST_FILE) : await named(sources.interest),
          proposals: new Set(readProposals(await text(PROPOSALS_FILE)).ids?.keys() ?? []),
          tieKey: sources.tieKey ?? ((r: string, s: string) => `${r}:${s}`),
        };
  return parseAllocationInput(
    {
      registrations: await text(REGISTRATIONS_FILE),
      unconference: sources.unconference === undefined ? await text(UNCONFERENCE_FILE) : await named(sources.unconference),
      preferences: interest === undefined ? await text(PREFERENCES_FILE) : undefined,
      ...(interest === undefined ? {} : { interest }),
    },
    items,
    workshops,
  );
}

/** The lottery key of an id: hex SHA-256 of `${seed}:${id}` (UTF-8). Anyone can recompute it with `printf '%s' "$seed:$id" | sha256sum`. */
export function lotteryKey(seed: string): (id: string) => string {
  return (id) => createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');
}

/**
 * SHA-256 of the inputs as read: registrants, sessions, preferences and
 * scheduled workshops as sorted JSON without line numbers, so reordering rows
 * or re-saving a file in another CSV dialect does not change it, and any
 * change of content does.
 */
export function inputsSha256(input: AllocationInput): string {
  const strip = <T extends { readonly line?: number }>(rows: readonly T[]) => rows.map(({ line: _line, ...rest }) => rest);
  const canonical = {
    registrants: strip(input.registrants),
    sessions: strip(input.sessions),
    preferences: strip(input.preferences),
    workshops: [...input.workshops].sort(byId),
  };
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}

/** Orders one person's equally weighted interest marks: hex SHA-256 of `${seed}:${registrant}:${session}`. */
export function markTieKey(seed: string): (registrant: string, session: string) => string {
  return (registrant, session) => createHash('sha256').update(`${seed}:${registrant}:${session}`, 'utf8').digest('hex');
}
