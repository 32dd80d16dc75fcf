import type { Assignment, Room } from '../domain/types.js';
import { ROOM_KIND_OF } from '../domain/types.js';
import { compareText } from '../domain/compare.js';

/** Comparators shared by every output (text by code unit: see domain/compare.ts). */

/** By date, start, room id, item id; `end` last only so that even malformed duplicates sort stably. */
export function compareAssignments(a: Assignment, b: Assignment): number {
  return (
    compareText(a.date, b.date) ||
    a.start - b.start ||
    compareText(a.room, b.room) ||
    compareText(a.item, b.item) ||
    a.end - b.end
  );
}

/** The order a reader expects in the program grid: plenary hall, then lobby, then classrooms. */
const KIND_RANK: ReadonlyMap<string, number> = new Map([
  [ROOM_KIND_OF.plenary, 0],
  [ROOM_KIND_OF.lightning, 1],
  [ROOM_KIND_OF.workshop, 2],
]);

/** main_hall rooms, lobby, classroom, then any other kind (grouped by kind name); by id within a kind. */
export function compareRoomsForGrid(a: Room, b: Room): number {
  const ra = KIND_RANK.get(a.kind) ?? KIND_RANK.size;
  const rb = KIND_RANK.get(b.kind) ?? KIND_RANK.size;
  return ra - rb || compareText(a.kind, b.kind) || compareText(a.id, b.id);
}

/** Distinct values in code-unit order. */
export function uniqueSorted(values: Iterable<string>): readonly string[] {
  return [...new Set(values)].sort(compareText);
}
