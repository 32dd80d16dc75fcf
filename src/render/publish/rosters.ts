/**
 * Joins unconference.csv's sessions with the rows of rosters.csv (as
 * `convene allocate` writes it) into the session pages' input. Pure; the CLI
 * reads both files.
 */
import type { RosterRole, RosterRow, Session } from '../../domain/session.js';
import type { RosterPerson, SessionRoster } from './sessions.js';
import { compareText } from '../../domain/compare.js';

/** A session as unconference.csv declares it (what io's readUnconference returns, without its line). */
export type DeclaredSession = Omit<Session, 'line'>;

/**
 * One SessionRoster per declared session, by id. The roster decides who
 * facilitates and takes notes; a role the roster leaves empty falls back to
 * the id chosen in unconference.csv (shown by id, as no name is known). Rows
 * of sessions not declared (workshops, which rosters.csv also lists) are
 * ignored here; the caller decides whether an unknown session is an error.
 */
export function joinRosters(sessions: readonly DeclaredSession[], rows: readonly RosterRow[]): readonly SessionRoster[] {
  const bySession = new Map<string, RosterRow[]>();
  for (const r of rows) bySession.set(r.session, [...(bySession.get(r.session) ?? []), r]);
  const first = (list: readonly RosterRow[], role: RosterRole): RosterPerson | null => {
    const r = [...list].filter((x) => x.role === role).sort((a, b) => compareText(a.registrant, b.registrant))[0];
    return r ? { id: r.registrant, name: r.name || r.registrant, organization: r.organization } : null;
  };
  const fallback = (id: string | null): RosterPerson | null => (id === null ? null : { id, name: id, organization: '' });
  return [...sessions]
    .sort((a, b) => compareText(a.id, b.id))
    .map((s) => {
      const list = bySession.get(s.id) ?? [];
      return {
        id: s.id,
        title: s.title,
        block: s.block,
        room: s.room,
        capacity: s.capacity,
        facilitator: first(list, 'facilitator') ?? fallback(s.facilitator),
        noteTaker: first(list, 'note_taker') ?? fallback(s.noteTaker),
        attendees: new Set(list.filter((r) => r.role === 'attendee').map((r) => r.registrant)).size,
      };
    });
}
