import { formatSpan } from '../domain/time.js';
import type { Assignment, Event } from '../domain/types.js';

/**
 * `p03 "Open budgets" in mh (Auditorio Principal) at 2014-11-19 11:00-12:00`:
 * how one placement is named in every message.
 *
 * Unlike the file renderers this never throws: checkers and error messages call
 * it precisely when something may be wrong, so an id the event lacks is shown
 * bare (`x9 in r7 at ...`) instead of hiding the message that explains it.
 */
export function formatAssignment(event: Event, a: Assignment): string {
  const item = event.items.find((i) => i.id === a.item);
  const room = event.rooms.find((r) => r.id === a.room);
  const what = item ? `${a.item} "${oneLine(item.title)}"` : a.item;
  const where = room ? `${a.room} (${oneLine(room.name)})` : a.room;
  return `${what} in ${where} at ${formatSpan(a.date, a.start, a.end)}`;
}

/** Messages are one line each; a line break inside a title would split one. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}
