/**
 * The allocation files read and checked against each other, pure (no file
 * system): every problem of every file is gathered into one InputError.
 */
import { InputError, type InputIssue } from '../../domain/issues.js';
import type { Item } from '../../domain/types.js';
import type { AllocationInput, Preference, Workshop } from '../../domain/allocation.js';
import { cellIssue, hasNoRows, nothingToReferTo, type FileText, type Sheet } from '../rows/sheet.js';
import { ranksFromInterest } from '../../allocate/interest.js';
import type { Session } from '../../domain/session.js';
import { readInterest } from '../agenda/rows.js';
import { readPreferences } from './preferences.js';
import { readRegistrations } from './registrations.js';
import { readUnconference } from './unconference.js';

export type AllocationFiles = {
  readonly registrations: FileText;
  readonly unconference: FileText;
  readonly preferences: FileText;
  /**
   * interest.csv, read in place of preferences.csv: each person's sessions in a
   * block ranked by their dots, ties by `tieKey`. Marks of proposals that are
   * not sessions (left out of the agenda: `proposals` lists them) are dropped.
   */
  readonly interest?: { readonly text: FileText; readonly proposals: ReadonlySet<string>; readonly tieKey: (registrant: string, session: string) => string };
};

/**
 * `items` are the event's themes.csv items (for workshop ids; empty when
 * there is no themes.csv) and `workshops` the scheduled ones (empty without
 * --schedule). Throws InputError.
 */
export function parseAllocationInput(files: AllocationFiles, items: readonly Item[], workshops: readonly Workshop[]): AllocationInput {
  const { input, issues } = checkAllocationInput(files, items, workshops);
  if (input === null) throw new InputError(issues);
  return input;
}

/** parseAllocationInput without throwing: the input (null when there are problems) and every problem. */
export function checkAllocationInput(
  files: AllocationFiles,
  items: readonly Item[],
  workshops: readonly Workshop[],
): { readonly input: AllocationInput | null; readonly issues: readonly InputIssue[] } {
  const registrations = readRegistrations(files.registrations);
  const unconference = readUnconference(files.unconference);
  const fromInterest = files.interest === undefined ? null : preferencesFromInterest(files.interest, unconference.rows, registrations.ids, unconference.ids);
  const preferences = fromInterest?.sheet ?? readPreferences(files.preferences);
  const issues: InputIssue[] = [...registrations.issues, ...unconference.issues, ...preferences.issues, ...(fromInterest?.issues ?? [])];
  const people = new Map(registrations.rows.map((r) => [r.id, r]));
  // An empty registrations.csv, or a missing or empty unconference.csv, is said once, not on every row naming someone in it.
  const noPeople = hasNoRows(registrations);
  const known = noPeople ? null : registrations.ids;
  const namingPeople: { file: string; lines: number[] }[] = [];
  const unreadable = unconference.table === null && unconference.issues.length > 0;
  const noSessions = (unconference.table === null && !unreadable) || hasNoRows(unconference);
  const namingSessions: number[] = [];
  const itemById = new Map(items.map((i) => [i.id, i]));
  const workshopIds = items.filter((i) => i.format === 'workshop').map((i) => i.id);

  // Pre-chosen roles: known people, registered for the day, one role per block.
  const ut = unconference.table;
  if (ut) {
    const roleInBlock = new Map<string, { session: string; line: number }>();
    for (const s of [...unconference.rows].sort((a, b) => a.line - b.line)) {
      if (itemById.has(s.id)) issues.push(cellIssue(ut, s.line, 'id', `${JSON.stringify(s.id)} is also an item id in themes.csv; session ids must differ from item ids`));
      for (const [column, id] of [['facilitator', s.facilitator], ['note_taker', s.noteTaker]] as const) {
        if (id === null) continue;
        if (noPeople) {
          note(namingPeople, ut.file, s.line);
          continue;
        }
        if (known && !known.has(id)) {
          issues.push(cellIssue(ut, s.line, column, `unknown registrant ${JSON.stringify(id)} (not in registrations.csv)`));
          continue;
        }
        const r = people.get(id);
        if (r && !r.events.includes('civil_society_day')) {
          issues.push(cellIssue(ut, s.line, column, `${id} (${r.name}) is not registered for civil_society_day`));
        }
        const key = `${s.block}\u0000${id}`;
        const before = roleInBlock.get(key);
        if (before && before.session !== s.id) {
          issues.push(cellIssue(ut, s.line, column, `${id} already holds a role in ${before.session} (line ${before.line}), in the same block ${s.block}`));
        } else roleInBlock.set(key, { session: s.id, line: s.line });
      }
    }
  }

  // Preferences: known people and sessions, no session ranked twice, no rank given twice in a block or among workshops.
  const pt = preferences.table;
  const sessionIds = unconference.ids ?? new Map<string, number>();
  if (pt) {
    // Rows come sorted by registrant: check one person's rows at a time, in file order,
    // with maps cleared between people (no key strings built for 200,000 rows).
    const groupOf = new Map<string, string>();
    for (const s of unconference.rows) groupOf.set(s.id, `block ${s.block}`);
    const seen = new Map<string, number>();
    const ranks = new Map<string, Map<number, Preference>>();
    const rows = preferences.rows;
    for (let from = 0; from < rows.length; ) {
      const registrant = (rows[from] as Preference).registrant;
      let to = from + 1;
      while (to < rows.length && (rows[to] as Preference).registrant === registrant) to++;
      const own = rows.slice(from, to).sort((a, b) => a.line - b.line);
      from = to;
      seen.clear();
      ranks.clear();
      const unknown = known !== null && !known.has(registrant);
      for (const p of own) {
        if (unknown) issues.push(cellIssue(pt, p.line, 'registrant', `unknown registrant ${JSON.stringify(registrant)} (not in registrations.csv)`));
        if (noPeople) note(namingPeople, pt.file, p.line);
        const item = itemById.get(p.session);
        const isWorkshop = item?.format === 'workshop';
        if (noSessions && item === undefined) {
          namingSessions.push(p.line);
          continue;
        }
        // An unreadable unconference.csv is reported as such; its sessions cannot be looked up.
        if (unreadable && item === undefined) continue;
        if (!sessionIds.has(p.session) && !isWorkshop) {
          const message = item
            ? `${p.session} is a ${item.format} in themes.csv; only unconference sessions and workshops take places`
            : `unknown session ${JSON.stringify(p.session)} (not in unconference.csv, nor a workshop in themes.csv)`;
          issues.push(cellIssue(pt, p.line, 'session', message));
          continue;
        }
        const first = seen.get(p.session);
        if (first !== undefined) {
          issues.push(cellIssue(pt, p.line, 'session', `${registrant} already ranked ${p.session} on line ${first}`));
          continue;
        }
        seen.set(p.session, p.line);
        const group = isWorkshop ? 'the workshops' : (groupOf.get(p.session) ?? 'block ?');
        let inGroup = ranks.get(group);
        if (!inGroup) ranks.set(group, (inGroup = new Map()));
        const other = inGroup.get(p.rank);
        if (other) {
          issues.push(cellIssue(pt, p.line, 'rank', `${registrant} already gave rank ${p.rank} to ${other.session} (line ${other.line}) in ${group}`));
        } else inGroup.set(p.rank, p);
      }
    }
  }
  for (const { file, lines } of namingPeople) issues.push(nothingToReferTo(registrations, 'registrants', file, lines.sort((a, b) => a - b)));
  if (namingSessions.length > 0) {
    issues.push(nothingToReferTo(unconference, 'sessions (other than workshops in themes.csv)', preferences.file, namingSessions.sort((a, b) => a - b)));
  }
  if (issues.length > 0) return { input: null, issues };
  return {
    input: {
      registrants: registrations.rows,
      sessions: unconference.rows,
      preferences: preferences.rows,
      workshops,
      workshopIds,
    },
    issues,
  };
}

/**
 * interest.csv as ranked preferences: known registrants only, marks of
 * sessions ranked per block by dots (ties by the seeded key); marks of
 * proposals left out of the agenda dropped; anything else is an issue.
 */
function preferencesFromInterest(
  interest: NonNullable<AllocationFiles['interest']>,
  sessions: readonly Session[],
  known: ReadonlyMap<string, number> | null,
  sessionIds: ReadonlyMap<string, number> | null,
): { sheet: Sheet<Preference>; issues: InputIssue[] } {
  const marks = readInterest(interest.text);
  const issues: InputIssue[] = [...marks.issues];
  const it = marks.table;
  const blockOf = new Map(sessions.map((s) => [s.id, s.block]));
  const kept = marks.rows.filter((m) => {
    if (it && known && !known.has(m.registrant)) issues.push(cellIssue(it, m.line, 'registrant', `unknown registrant ${JSON.stringify(m.registrant)} (not in registrations.csv)`));
    if (blockOf.has(m.proposal)) return true;
    if (it && !interest.proposals.has(m.proposal) && !(sessionIds?.has(m.proposal) ?? false)) {
      issues.push(cellIssue(it, m.line, 'proposal', `unknown proposal ${JSON.stringify(m.proposal)} (not a session in unconference.csv, nor in proposals.csv)`));
    }
    return false;
  });
  // Repeated rows of one pair add up, as `convene agenda` reads them.
  const summed = new Map<string, { registrant: string; session: string; weight: number; line: number }>();
  for (const m of kept) {
    const key = `${m.registrant}\u0000${m.proposal}`;
    const before = summed.get(key);
    summed.set(key, { registrant: m.registrant, session: m.proposal, weight: (before?.weight ?? 0) + m.weight, line: before?.line ?? m.line });
  }
  const rows = ranksFromInterest([...summed.values()], (s) => blockOf.get(s), interest.tieKey);
  return { sheet: { file: marks.file, table: null, rows, ids: null, clean: marks.clean, issues: [] }, issues };
}

function note(list: { file: string; lines: number[] }[], file: string, line: number): void {
  const entry = list.find((e) => e.file === file);
  if (entry) entry.lines.push(line);
  else list.push({ file, lines: [line] });
}
