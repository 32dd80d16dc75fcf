/**
 * The whole allocation, pure: admission, unconference blocks (roles, then
 * attendees), workshops, and the Focal Point roster. Input is assumed
 * validated (io/allocation checks ids, ranks and capacities).
 */
import { formatSpan } from '../domain/time.js';
import type { Envy, RankProfile } from './audit.js';
import { admit, type Admission } from './admission.js';
import { focalPointRoster, type FocalPointRoster } from './focal-point.js';
import { runGroup } from './group.js';
import { drawLottery, lotteryLabel } from './lottery.js';
import { assignRoles, slotKey } from './roles.js';
import type { AllocationInput, AllocationOptions, Preference, Role } from '../domain/allocation.js';
import { workshopGroups } from './workshops.js';
import { compareText } from '../domain/compare.js';

export type SeatKind = 'unconference' | 'workshop';
export type PlaceRole = 'attendee' | Role;

/** One session or workshop, as allocated. */
export type SeatResult = {
  readonly kind: SeatKind;
  readonly id: string;
  readonly title: string;
  /** The block, or the time span of the workshop cluster. */
  readonly group: string;
  /** `block A` or the workshop's own date and time. */
  readonly when: string;
  readonly room: string;
  readonly capacity: number;
  readonly facilitator: string | null;
  readonly noteTaker: string | null;
  /** Sorted by id. */
  readonly attendees: readonly string[];
  /** Roles no volunteer could fill (unconference only). */
  readonly missingRoles: readonly Role[];
};

export type PlacedItem = {
  readonly registrant: string;
  readonly kind: SeatKind;
  readonly group: string;
  readonly seat: string;
  readonly role: PlaceRole;
  /** Position of the seat in the person's list for the group; null for a role in a session they did not rank. */
  readonly rank: number | null;
};

/** Someone who ranked places in a group and got none there, and why. */
export type Unplaced = { readonly registrant: string; readonly kind: SeatKind; readonly group: string; readonly reason: string };

export type GroupSummary = {
  readonly kind: SeatKind;
  readonly group: string;
  readonly profile: RankProfile;
  readonly envy: Envy;
};

export type Allocation = {
  /** One per registrant, sorted by id. */
  readonly admissions: readonly Admission[];
  readonly lottery: ReadonlyMap<string, number>;
  readonly focalPoint: FocalPointRoster;
  /** Unconference sessions by block then id, then workshops by group then id. */
  readonly seats: readonly SeatResult[];
  /** Sorted by registrant, kind, group. */
  readonly placements: readonly PlacedItem[];
  readonly unplaced: readonly Unplaced[];
  readonly groups: readonly GroupSummary[];
};

export function allocate(input: AllocationInput, options: AllocationOptions): Allocation {
  const byId = new Map(input.registrants.map((r) => [r.id, r]));
  const lottery = drawLottery(input.registrants.map((r) => r.id), options.lotteryKey);
  const inLottery = (ids: Iterable<string>) => [...ids].sort((a, b) => (lottery.get(a) ?? 0) - (lottery.get(b) ?? 0));
  const lot = (id: string) => lotteryLabel(lottery.get(id) ?? 0, lottery.size);

  const preChosen = new Map<string, string>();
  for (const s of [...input.sessions].sort((a, b) => compareText(a.id, b.id))) {
    if (s.facilitator !== null && !preChosen.has(s.facilitator)) preChosen.set(s.facilitator, `pre-chosen facilitator of ${s.id}`);
    if (s.noteTaker !== null && !preChosen.has(s.noteTaker)) preChosen.set(s.noteTaker, `pre-chosen note_taker of ${s.id}`);
  }
  const admissions = admit(input.registrants, lottery, options.tiers, options.places, preChosen);
  const status = new Map(admissions.map((a) => [a.id, a]));

  const seats: SeatResult[] = [];
  const placements: PlacedItem[] = [];
  const unplaced: Unplaced[] = [];
  const groups: GroupSummary[] = [];
  const sessionBlock = new Map(input.sessions.map((s) => [s.id, s.block]));
  const listsFor = (prefs: readonly Preference[]) => {
    const lists = new Map<string, string[]>();
    const sorted = [...prefs].sort((a, b) => compareText(a.registrant, b.registrant) || a.rank - b.rank || compareText(a.session, b.session));
    for (const p of sorted) {
      const list = lists.get(p.registrant);
      if (list) list.push(p.session);
      else lists.set(p.registrant, [p.session]);
    }
    return lists;
  };

  // Unconference, block by block.
  const blocks = [...new Set(input.sessions.map((s) => s.block))].sort();
  const prefsByBlock = new Map<string, Preference[]>();
  for (const p of input.preferences) {
    const block = sessionBlock.get(p.session);
    if (block === undefined) continue;
    const list = prefsByBlock.get(block);
    if (list) list.push(p);
    else prefsByBlock.set(block, [p]);
  }
  const admitted = inLottery(admissions.filter((a) => a.status === 'admitted').map((a) => a.id));
  for (const block of blocks) {
    // A pre-chosen role holder left on the waitlist (fewer places than pre-chosen people) leaves the slot open.
    const isAdmitted = (id: string | null) => id !== null && status.get(id)?.status === 'admitted';
    const sessions = input.sessions
      .filter((s) => s.block === block)
      .sort((a, b) => compareText(a.id, b.id))
      .map((s) => ({ ...s, facilitator: isAdmitted(s.facilitator) ? s.facilitator : null, noteTaker: isAdmitted(s.noteTaker) ? s.noteTaker : null }));
    const lists = listsFor(prefsByBlock.get(block) ?? []);
    const roles = assignRoles(
      sessions,
      admitted.map((id) => ({ id, roles: byId.get(id)?.roles ?? [] })),
      lists,
    );
    const roleHolders = new Set(roles.holders.values());
    for (const [key, id] of roles.holders) {
      const [session = '', role = 'facilitator'] = key.split('/');
      const i = (lists.get(id) ?? []).indexOf(session);
      placements.push({ registrant: id, kind: 'unconference', group: block, seat: session, role: role as Role, rank: i >= 0 ? i + 1 : null });
    }
    const filled = (id: string) => Number(roles.holders.has(slotKey(id, 'facilitator'))) + Number(roles.holders.has(slotKey(id, 'note_taker')));
    const outcome = runGroup(
      {
        group: block,
        seats: sessions.map((s) => ({ id: s.id, capacity: Math.max(0, s.capacity - filled(s.id)) })),
        people: admitted.filter((id) => !roleHolders.has(id)),
        lists,
      },
      options.mechanism,
    );
    groups.push({ kind: 'unconference', group: block, profile: outcome.profile, envy: outcome.envy });
    for (const [id, p] of outcome.placed) placements.push({ registrant: id, kind: 'unconference', group: block, seat: p.seat, role: 'attendee', rank: p.rank });
    for (const id of outcome.unplaced) {
      unplaced.push({ registrant: id, kind: 'unconference', group: block, reason: `every session ranked in block ${block} was full` });
    }
    for (const id of lists.keys()) {
      const a = status.get(id);
      if (a && a.status !== 'admitted') {
        unplaced.push({ registrant: id, kind: 'unconference', group: block, reason: `not admitted to Civil Society Day (${a.reason})` });
      }
    }
    const attendeesOf = bySeat(outcome.placed);
    for (const s of sessions) {
      const facilitator = roles.holders.get(slotKey(s.id, 'facilitator')) ?? null;
      const noteTaker = roles.holders.get(slotKey(s.id, 'note_taker')) ?? null;
      seats.push({
        kind: 'unconference',
        id: s.id,
        title: s.title,
        group: block,
        when: `block ${block}`,
        room: s.room,
        capacity: s.capacity,
        facilitator,
        noteTaker,
        attendees: attendeesOf.get(s.id) ?? [],
        missingRoles: roles.unfilled.filter((u) => u.session === s.id).map((u) => u.role),
      });
    }
  }

  // Workshops, cluster by cluster of overlapping ones.
  const scheduled = new Set(input.workshops.map((w) => w.id));
  const workshopPrefs = input.preferences.filter((p) => !sessionBlock.has(p.session));
  for (const [id, list] of listsFor(workshopPrefs.filter((p) => !scheduled.has(p.session)))) {
    unplaced.push({ registrant: id, kind: 'workshop', group: 'unscheduled', reason: `not in the schedule, so not allocated: ${list.join(', ')}` });
  }
  for (const g of workshopGroups(input.workshops)) {
    const ids = new Set(g.workshops.map((w) => w.id));
    const lists = listsFor(workshopPrefs.filter((p) => ids.has(p.session)));
    const attending = [...lists.keys()].filter((id) => byId.get(id)?.events.includes('regional_meeting'));
    const outcome = runGroup({ group: g.label, seats: g.workshops.map((w) => ({ id: w.id, capacity: w.capacity })), people: inLottery(attending), lists }, options.mechanism);
    groups.push({ kind: 'workshop', group: g.label, profile: outcome.profile, envy: outcome.envy });
    for (const [id, p] of outcome.placed) placements.push({ registrant: id, kind: 'workshop', group: g.label, seat: p.seat, role: 'attendee', rank: p.rank });
    for (const id of outcome.unplaced) unplaced.push({ registrant: id, kind: 'workshop', group: g.label, reason: `every workshop ranked at ${g.label} was full (lottery ${lot(id)})` });
    for (const id of lists.keys()) {
      if (!byId.get(id)?.events.includes('regional_meeting')) unplaced.push({ registrant: id, kind: 'workshop', group: g.label, reason: 'not registered for regional_meeting' });
    }
    const attendeesOf = bySeat(outcome.placed);
    for (const w of g.workshops) {
      seats.push({
        kind: 'workshop',
        id: w.id,
        title: w.title,
        group: g.label,
        when: formatSpan(w.date, w.start, w.end),
        room: w.room,
        capacity: w.capacity,
        facilitator: null,
        noteTaker: null,
        attendees: attendeesOf.get(w.id) ?? [],
        missingRoles: [],
      });
    }
  }

  const kindOrder = (k: SeatKind) => (k === 'unconference' ? 0 : 1);
  return {
    admissions,
    lottery,
    focalPoint: focalPointRoster(input.registrants),
    seats,
    placements: placements.sort((a, b) => compareText(a.registrant, b.registrant) || kindOrder(a.kind) - kindOrder(b.kind) || compareText(a.group, b.group)),
    unplaced: unplaced.sort((a, b) => compareText(a.registrant, b.registrant) || kindOrder(a.kind) - kindOrder(b.kind) || compareText(a.group, b.group)),
    groups,
  };
}

/** Seat id -> its attendees, sorted by id. */
function bySeat(placed: ReadonlyMap<string, { readonly seat: string }>): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const [id, p] of placed) {
    const list = map.get(p.seat);
    if (list) list.push(id);
    else map.set(p.seat, [id]);
  }
  for (const list of map.values()) list.sort();
  return map;
}
