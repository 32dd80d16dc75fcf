/** One printable roster per session, as Markdown. */
import type { Allocation } from '../allocate.js';
import type { Registrant } from '../../domain/allocation.js';
import { fileStems, stemOf } from '../../domain/file-names.js';
import { rosterOf } from './tables.js';

/** Markdown text escaped for a table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * `rosters/<session id>.md` -> text. Workshop ids come from themes.csv and may
 * hold anything (`../x`, `CON`), so each name is the id's safe stem, as
 * publish names its files.
 */
export function rosterFiles(a: Allocation, people: ReadonlyMap<string, Registrant>): Readonly<Record<string, string>> {
  const files: Record<string, string> = {};
  const stems = fileStems(a.seats.map((s) => s.id));
  for (const s of a.seats) {
    const rows = rosterOf(s).map(([id, role], i) => {
      const r = people.get(id);
      return `| ${i + 1} | ${cell(r?.name ?? id)} | ${cell(r?.organization ?? '')} | ${cell(r?.country ?? '')} | ${role} | |`;
    });
    const missing = s.missingRoles.length > 0 ? [`**Missing:** ${s.missingRoles.join(', ')} (no volunteer available).`, ''] : [];
    files[`rosters/${stemOf(stems, s.id)}.md`] = [
      `# ${s.id}: ${s.title.replace(/\r?\n/g, ' ')}`,
      '',
      `${s.kind === 'unconference' ? 'Unconference' : 'Workshop'}, ${s.when}, room ${s.room}, ${rows.length} of ${s.capacity} places.`,
      '',
      ...missing,
      '| # | name | organization | country | role | signature |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n');
  }
  return files;
}
