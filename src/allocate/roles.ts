/**
 * Facilitators and note-takers for one unconference block: every session
 * needs one of each. Pre-chosen ones (unconference.csv) are kept; the open
 * slots go to admitted volunteers for that role, at most one role each per
 * block, filling as many slots as possible and, among those ways, preferring
 * people who ranked the session higher (rank-maximal matching with
 * cardinality first; a session the volunteer did not rank counts as a rank
 * after all theirs). Ties go by lottery.
 */
import { rankMaximal } from './rank-maximal.js';
import type { Choice } from './market.js';
import type { Role } from '../domain/allocation.js';
import type { Session } from '../domain/session.js';

export type RoleSlot = { readonly session: string; readonly role: Role };

export type RoleOutcome = {
  /** `${session}/${role}` -> registrant id, pre-chosen ones included. */
  readonly holders: ReadonlyMap<string, string>;
  readonly unfilled: readonly RoleSlot[];
};

export const slotKey = (session: string, role: Role) => `${session}/${role}`;

/**
 * `sessions` of one block sorted by id; `volunteers` admitted, best lottery
 * first, with the roles they offer; `lists` their ranked sessions of this block.
 */
export function assignRoles(
  sessions: readonly Session[],
  volunteers: readonly { readonly id: string; readonly roles: readonly Role[] }[],
  lists: ReadonlyMap<string, readonly string[]>,
): RoleOutcome {
  const holders = new Map<string, string>();
  const busy = new Set<string>();
  for (const s of sessions) {
    if (s.facilitator !== null) holders.set(slotKey(s.id, 'facilitator'), s.facilitator);
    if (s.noteTaker !== null) holders.set(slotKey(s.id, 'note_taker'), s.noteTaker);
  }
  for (const id of holders.values()) busy.add(id);
  const open: RoleSlot[] = sessions.flatMap((s) =>
    (['facilitator', 'note_taker'] as const).filter((role) => !holders.has(slotKey(s.id, role))).map((role) => ({ session: s.id, role })),
  );
  const people = volunteers.filter((v) => !busy.has(v.id) && v.roles.length > 0);
  const choices = people.map((v): Choice[] => {
    const list = lists.get(v.id) ?? [];
    const rankOf = (session: string) => {
      const i = list.indexOf(session);
      return i >= 0 ? i + 1 : list.length + 1;
    };
    return open
      .map((slot, seat) => ({ seat, rank: rankOf(slot.session), ok: v.roles.includes(slot.role) }))
      .filter((c) => c.ok)
      .sort((a, b) => a.rank - b.rank || a.seat - b.seat)
      .map(({ seat, rank }) => ({ seat, rank }));
  });
  const matching = rankMaximal(
    { people: people.map((v) => v.id), seats: open.map((s) => ({ id: slotKey(s.session, s.role), capacity: 1 })), choices },
    { cardinalityFirst: true },
  );
  matching.forEach((seat, p) => {
    const slot = open[seat];
    const person = people[p];
    if (slot && person) holders.set(slotKey(slot.session, slot.role), person.id);
  });
  return { holders, unfilled: open.filter((s) => !holders.has(slotKey(s.session, s.role))) };
}
