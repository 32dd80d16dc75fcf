/**
 * Whether each item has a room it can use: of the kind its format needs, and
 * big enough for its audience. A check that speaks of "every room" runs only
 * when rooms.csv was read without problems, so a room left out for a typo
 * cannot make an item look homeless.
 */
import type { InputIssue } from '../../domain/issues.js';
import { FORMATS, ROOM_KIND_OF, type Format, type Item, type Room } from '../../domain/types.js';
import { suitsFormat } from '../../model/rooms.js';
import { cellIssue, hasNoRows } from '../rows/sheet.js';
import { FORMAT_NOUN, type Sheets } from './sheets.js';


export function checkRooms(s: Sheets): readonly InputIssue[] {
  const table = s.themes.table;
  if (table === null) return [];
  const rooms = new Map(s.rooms.rows.map((r) => [r.id, r]));
  const issues: InputIssue[] = [];
  const at = (item: Item, column: string, message: string) => issues.push(cellIssue(table, item.line, column, message));

  for (const item of s.themes.rows) {
    for (const id of item.rooms) {
      const room = rooms.get(id);
      if (room && !suitsFormat(item.format, room)) at(item, 'rooms', wrongRoom(room, item.format));
    }
    const pinned = item.pin.room === undefined ? undefined : rooms.get(item.pin.room);
    if (pinned && !suitsFormat(item.format, pinned)) at(item, 'pin_room', wrongRoom(pinned, item.format));
    if (item.pin.room !== undefined && item.rooms.length > 0 && !item.rooms.includes(item.pin.room)) {
      at(item, 'pin_room', `room ${JSON.stringify(item.pin.room)} is not in this item's rooms (${item.rooms.join(', ')})`);
    }

    const usable = usableRooms(item, rooms, s.rooms.clean ? s.rooms.rows : null);
    if (usable !== null && usable.length > 0 && item.needs.length > 0) {
      const equipped = usable.filter((r) => item.needs.every((f) => r.features.includes(f)));
      if (equipped.length === 0) {
        const closest = usable.map((r) => `${r.id} has ${r.features.length > 0 ? r.features.join(', ') : 'none of them'}`).slice(0, 4);
        at(item, 'needs', `needs ${item.needs.join(', ')}, but no room this item can use has all of them (${closest.join('; ')}${usable.length > 4 ? '; ...' : ''})`);
        continue;
      }
    }
    if (usable !== null && usable.length > 0 && item.audience !== null) {
      const largest = usable.reduce((a, b) => (b.capacity > a.capacity ? b : a));
      if (largest.capacity < item.audience) {
        const which = usable.length === 1 ? 'the only room' : 'the largest room';
        at(
          item,
          'audience',
          `${item.audience} people expected, but ${which} this item can use holds ${largest.capacity} (${name(largest)})`,
        );
      }
    }
  }
  if (hasNoRows(s.rooms) && s.themes.rows.length > 0) {
    // The cause of every "no room of this kind", said once (a rooms or pin_room reference is said in references.ts).
    if (!s.themes.rows.some((i) => i.rooms.length > 0 || i.pin.room !== undefined)) issues.push(noRooms(s));
  } else if (s.rooms.clean) for (const issue of missingKinds(s)) issues.push(issue);
  return issues;
}

/**
 * The rooms an item may end up in: its pinned room, else its rooms list, else
 * every suitable room. null when that cannot be known for sure (a listed room
 * was not read, or rooms.csv has problems and every room would be needed).
 */
function usableRooms(item: Item, rooms: ReadonlyMap<string, Room>, all: readonly Room[] | null): readonly Room[] | null {
  const listed = item.pin.room !== undefined ? [item.pin.room] : item.rooms;
  if (listed.length > 0) {
    const found = listed.map((id) => rooms.get(id));
    if (found.some((r) => r === undefined)) return null;
    return (found as Room[]).filter((r) => suitsFormat(item.format, r));
  }
  return all === null ? null : all.filter((r) => suitsFormat(item.format, r));
}

/** One issue per format whose items have no room at all, at its first item. */
function missingKinds(s: Sheets): readonly InputIssue[] {
  const table = s.themes.table;
  if (table === null) return [];
  const issues: InputIssue[] = [];
  for (const format of FORMATS) {
    const items = s.themes.rows.filter((i) => i.format === format).sort((a, b) => a.line - b.line);
    const first = items[0];
    if (first === undefined || s.rooms.rows.some((r) => suitsFormat(format, r))) continue;
    const kind = ROOM_KIND_OF[format];
    const count = items.length === 1 ? '1 item' : `${items.length} items, the first on this line`;
    const problem = s.rooms.rows.some((r) => r.kind === kind)
      ? `no ${kind} room in ${s.rooms.file} has interpretation, which every plenary needs`
      : `no room in ${s.rooms.file} has kind ${kind}, which ${every(format)} needs`;
    issues.push(cellIssue(table, first.line, 'format', `${problem} (${count})`));
  }
  return issues;
}

function noRooms(s: Sheets): InputIssue {
  const line = s.rooms.table?.headerLine ?? 0;
  const n = s.themes.rows.length;
  return { file: s.rooms.file, line, column: 0, columnName: '', message: `no rooms: the file has a header but no rows, yet ${s.themes.file} has ${n} item${n === 1 ? '' : 's'} to place` };
}

function every(format: Format): string {
  return FORMAT_NOUN[format].replace(/^an? /, 'every ');
}

function wrongRoom(room: Room, format: Format): string {
  const kind = ROOM_KIND_OF[format];
  const needs = `${FORMAT_NOUN[format]} needs a ${kind}${format === 'plenary' ? ' with interpretation' : ''}`;
  if (room.kind === kind) return `room ${JSON.stringify(room.id)} (${room.name}) has no interpretation, but ${needs}`;
  return `room ${JSON.stringify(room.id)} (${room.name}) is a ${room.kind}, but ${needs}`;
}

function name(room: Room): string {
  return `${room.id}, ${room.name}`;
}
