import type { Event, Schedule } from '../domain/types.js';

/**
 * Locked rows of a previous schedule become full pins (date, start and room)
 * of their items, overriding the pins in themes.csv. Then every rule, check
 * and explanation treats them as the committee's pins.
 */
export function lockItems(event: Event, schedule: Schedule, locked: readonly string[]): Event {
  const keep = new Map(schedule.filter((a) => locked.includes(a.item)).map((a) => [a.item, a]));
  return {
    ...event,
    items: event.items.map((item) => {
      const a = keep.get(item.id);
      return a ? { ...item, pin: { date: a.date, start: a.start, room: a.room } } : item;
    }),
  };
}
