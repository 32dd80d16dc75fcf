import { compareText } from './compare.js';
/**
 * File names from ids, for every writer that names a file after an id
 * (publish's calendars and sheets, allocate's rosters). Ids come from spreadsheets and may hold anything
 * (`../x`, `a/b`, `CON`, `Sp-1` beside `sp-1`), so every name is reduced to a
 * safe set of characters and made unique without regard to case, since
 * macOS and Windows folders ignore case.
 */

/** Names Windows refuses as files whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** One id -> a file-name stem of [A-Za-z0-9._-], never empty, never starting with a dot, at most 80 characters. */
export function safeStem(id: string): string {
  let s = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[.]+/, '_')
    .slice(0, 80);
  if (s === '') s = '_';
  if (RESERVED.test(s)) s = `${s}_`;
  return s;
}

/**
 * Ids -> unique stems. Ids are taken in code-unit order, so the same set of
 * ids always yields the same names; a stem already taken (ignoring case) gets
 * `-2`, `-3`, ... Pass every id that will share one folder in one call.
 */
export function fileStems(ids: Iterable<string>): ReadonlyMap<string, string> {
  return allotStems([...ids].map((id) => [id, id] as const));
}

/**
 * Like fileStems, for things of several kinds sharing one folder (a speaker
 * and a room may both be "mh"): each entry is [key, id], the stem comes from
 * the id, the map is by key. Taken by id, then key, in code-unit order.
 */
export function allotStems(entries: Iterable<readonly [key: string, id: string]>): ReadonlyMap<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  const unique = [...new Map([...entries].map(([k, id]) => [k, id] as const))];
  unique.sort(([ka, a], [kb, b]) => compareText(a, b) || compareText(ka, kb));
  for (const [key, id] of unique) {
    const base = safeStem(id);
    let stem = base;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    taken.add(stem.toLowerCase());
    out.set(key, stem);
  }
  return out;
}

/** `stems.get(id)`, for an id known to be in the map. */
export function stemOf(stems: ReadonlyMap<string, string>, id: string): string {
  const stem = stems.get(id);
  if (stem === undefined) throw new Error(`no file name was allotted to id ${JSON.stringify(id)}`);
  return stem;
}
