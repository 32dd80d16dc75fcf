import { isProgram, type Assignment, type Event, type Item, type Minutes, type Room, type Speaker, type Window } from '../domain/types.js';
import { availabilityByWho, type Availability, availabilityOf } from './availability.js';
import { compareText } from '../domain/compare.js';

/** Options of one schedule run that change the rules. */
export type RuleOptions = {
  /** Hallway minutes a main-hall session or workshop leaves its room free after it ends (after its tear-down). */
  readonly gap: Minutes;
  /** Minutes a speaker has at least between two of their items (to rest, or to walk over); 0 when absent. */
  readonly speakerGap?: Minutes;
  /**
   * The language whose clashes cost nothing (goals/pair-overlap.ts):
   * absent, the most common one among the items' workshops and lightning
   * talks. A part of an event keeps the whole event's (see partOf).
   */
  readonly commonLanguage?: string | null;
};

/** The hallway gap when none is given (`--gap`). */
export const DEFAULT_GAP: Minutes = 10;

export const DEFAULT_RULE_OPTIONS: RuleOptions = { gap: DEFAULT_GAP };

/** Every start is on this grid (minutes), whatever the data. */
export const BASE_GRID: Minutes = 5;

/**
 * The event indexed for the rules: lookups by id, availability per who, program
 * windows per date. Built once per run; read-only.
 */
export type Context = {
  readonly event: Event;
  readonly options: RuleOptions;
  readonly items: ReadonlyMap<string, Item>;
  readonly rooms: ReadonlyMap<string, Room>;
  readonly speakers: ReadonlyMap<string, Speaker>;
  readonly availability: ReadonlyMap<string, Availability>;
  /** Program windows, by date then start. */
  readonly programWindows: readonly Window[];
  readonly breaks: readonly Window[];
  /** Calendar dates in order. */
  readonly dates: readonly string[];
  /** See RuleOptions.commonLanguage; null when no workshop or lightning talk names a language. */
  readonly commonLanguage: string | null;
};

export function buildContext(event: Event, options: RuleOptions = DEFAULT_RULE_OPTIONS): Context {
  const byDateStart = (a: Window, b: Window) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start - b.start);
  const windows = [...event.calendar].sort(byDateStart);
  return {
    event,
    options,
    items: new Map(event.items.map((i) => [i.id, i])),
    rooms: new Map(event.rooms.map((r) => [r.id, r])),
    speakers: new Map(event.speakers.map((s) => [s.id, s])),
    availability: availabilityByWho(event.availability),
    programWindows: windows.filter(isProgram),
    breaks: windows.filter((w) => w.kind === 'break'),
    dates: [...new Set(windows.map((w) => w.date))].sort(),
    commonLanguage: options.commonLanguage !== undefined ? options.commonLanguage : mostCommonLanguage(event.items),
  };
}

/** The most common language among workshops and lightning talks (the earlier code on a tie); null when none has one. */
function mostCommonLanguage(items: readonly Item[]): string | null {
  const count = new Map<string, number>();
  for (const i of items) if (i.format !== 'plenary' && i.language !== '') count.set(i.language, (count.get(i.language) ?? 0) + 1);
  return [...count.entries()].sort(([l1, n1], [l2, n2]) => n2 - n1 || compareText(l1, l2))[0]?.[0] ?? null;
}

/**
 * The context of some of the event's items, the rest of the event as it
 * is: for a relaxation, or a part solved on its own. What the rules decide
 * from the whole item list (the language whose clashes are free) stays the
 * whole event's, so a part never costs more than its items do in the whole.
 */
export function partOf(ctx: Context, keep: (item: Item) => boolean): Context {
  return buildContext({ ...ctx.event, items: ctx.event.items.filter(keep) }, { ...ctx.options, commonLanguage: ctx.commonLanguage });
}

export function availabilityFor(ctx: Context, who: string): Availability {
  return availabilityOf(ctx.availability, who);
}

/** The program window a placement lies inside, if any (a placement never spans two). */
export function programWindowOf(ctx: Context, a: Pick<Assignment, 'date' | 'start' | 'end'>): Window | undefined {
  return ctx.programWindows.find((w) => w.date === a.date && w.start <= a.start && a.end <= w.end);
}

/** Minutes a room stays blocked after an item of this format ends: lightning talks run back to back. */
export function gapAfter(ctx: Context, item: Item): Minutes {
  return item.format === 'lightning' ? 0 : ctx.options.gap;
}

/** When a placement's room is first taken: its set-up before it starts. */
export function occupiedFrom(ctx: Context, p: Assignment): Minutes {
  return p.start - (ctx.items.get(p.item)?.setup ?? 0);
}

/** Until when a placement's room stays taken: its tear-down, then the hallway gap. */
export function occupiedUntil(ctx: Context, p: Assignment): Minutes {
  const item = ctx.items.get(p.item);
  return p.end + (item ? item.teardown + gapAfter(ctx, item) : 0);
}

/** Until when a placement keeps its speakers: its end, then their break. */
export function speakerBusyUntil(ctx: Context, p: Assignment): Minutes {
  return p.end + (ctx.options.speakerGap ?? 0);
}

/** Item label for messages: `p03 "Open budgets"`. */
export function itemLabel(item: Item): string {
  return `${item.id} "${item.title}"`;
}

export function speakerLabel(ctx: Context, id: string): string {
  const s = ctx.speakers.get(id);
  return s ? `speaker ${id} (${s.name})` : `speaker ${id}`;
}

export function roomLabel(ctx: Context, id: string): string {
  const r = ctx.rooms.get(id);
  return r ? `${id} (${r.name})` : id;
}
