import type { AvailabilityRow, Favourite, Item, Member, Room, Speaker, Window } from '../../domain/types.js';
import type { Sheet } from '../rows/sheet.js';

/** Every input file of an event, each read on its own (see ../rows). */
export type Sheets = {
  readonly calendar: Sheet<Window>;
  readonly rooms: Sheet<Room>;
  readonly themes: Sheet<Item>;
  readonly speakers: Sheet<Speaker>;
  readonly availability: Sheet<AvailabilityRow>;
  readonly favourites: Sheet<Favourite>;
  readonly members: Sheet<Member>;
};

/** "a plenary", "a lightning talk", "a workshop": how messages speak of an item's format. */
export const FORMAT_NOUN = {
  plenary: 'a plenary',
  lightning: 'a lightning talk',
  workshop: 'a workshop',
} as const;
