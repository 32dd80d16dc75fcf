/**
 * The CSV outputs of allocate as tables (io turns them into text with
 * tableToCsv, which also neutralises formula-like cells). Rows sorted by id.
 */
import type { Allocation } from '../allocate.js';
import { lotteryLabel } from '../lottery.js';
import type { Registrant } from '../../domain/allocation.js';
import type { Table } from '../../domain/table.js';
import { compareText } from '../../domain/compare.js';


type People = ReadonlyMap<string, Registrant>;

export function admissionsTable(a: Allocation, people: People): Table {
  const fp = new Map<string, string>();
  for (const r of a.focalPoint.invited) fp.set(r.id, 'invited');
  for (const r of a.focalPoint.refused) fp.set(r.registrant.id, 'refused');
  return {
    header: ['id', 'name', 'organization', 'sector', 'country', 'status', 'tier', 'lottery', 'position', 'reason', 'focal_point'],
    rows: a.admissions.map((x) => {
      const r = people.get(x.id);
      return [
        x.id,
        r?.name ?? '',
        r?.organization ?? '',
        r?.sector ?? '',
        r?.country ?? '',
        x.status,
        x.tier === null ? '' : String(x.tier),
        lotteryLabel(x.lottery, a.lottery.size),
        x.position === null ? '' : String(x.position),
        x.reason,
        fp.get(x.id) ?? '',
      ];
    }),
  };
}

/** One row per person per session, roles first, then attendees by id. */
export function rostersTable(a: Allocation, people: People): Table {
  const rows: string[][] = [];
  for (const s of a.seats) {
    for (const [id, role] of rosterOf(s)) {
      const r = people.get(id);
      rows.push([s.id, s.kind, s.group, id, r?.name ?? '', r?.organization ?? '', r?.country ?? '', role]);
    }
  }
  return { header: ['session', 'kind', 'group', 'registrant', 'name', 'organization', 'country', 'role'], rows };
}

export function rosterOf(s: Allocation['seats'][number]): readonly (readonly [string, string])[] {
  return [
    ...(s.facilitator === null ? [] : [[s.facilitator, 'facilitator'] as const]),
    ...(s.noteTaker === null ? [] : [[s.noteTaker, 'note_taker'] as const]),
    ...s.attendees.map((id) => [id, 'attendee'] as const),
  ];
}

/** Each participant's places and, for groups where they got none, why. */
export function itinerariesTable(a: Allocation, people: People): Table {
  const seat = new Map(a.seats.map((s) => [s.id, s]));
  const rows: (readonly string[])[] = [
    ...a.placements.map((p) => {
      const s = seat.get(p.seat);
      return [p.registrant, people.get(p.registrant)?.name ?? '', p.kind, s?.when ?? p.group, p.seat, s?.title ?? '', s?.room ?? '', p.role, p.rank === null ? '' : String(p.rank), ''];
    }),
    ...a.unplaced.map((u) => [u.registrant, people.get(u.registrant)?.name ?? '', u.kind, u.kind === 'unconference' ? `block ${u.group}` : u.group, '', '', '', 'unassigned', '', u.reason]),
  ];
  const sorted = [...rows].sort((x, y) => compareText(x[0] ?? '', y[0] ?? '') || compareText(x[2] ?? '', y[2] ?? '') || compareText(x[3] ?? '', y[3] ?? '') || compareText(x[4] ?? '', y[4] ?? ''));
  return { header: ['registrant', 'name', 'kind', 'when', 'session', 'title', 'room', 'role', 'rank', 'reason'], rows: sorted };
}

export function focalPointTable(a: Allocation): Table {
  const rows = [
    ...a.focalPoint.invited.map((r) => [r.id, r.name, r.organization, r.country, r.sector ?? '', 'invited', '']),
    ...a.focalPoint.refused.map(({ registrant: r, reason }) => [r.id, r.name, r.organization, r.country, r.sector ?? '', 'refused', reason]),
  ].sort((x, y) => compareText(x[0] ?? '', y[0] ?? ''));
  return { header: ['id', 'name', 'organization', 'country', 'sector', 'status', 'reason'], rows };
}
