import type { ScheduleReport } from '../../src/domain/report.js';
import type { Assignment, Event, Item, Room, Schedule, Speaker, Window } from '../../src/domain/types.js';

/**
 * A small event built by hand: 3 rooms, 5 items, 5 speakers (sp5 has no item),
 * 2 dates with a break each. Times are minutes since midnight.
 */

const h = (hh: number, mm = 0) => hh * 60 + mm;

const window = (date: string, start: number, end: number, kind: Window['kind'], label: string): Window => ({
  date,
  start,
  end,
  kind,
  label,
  line: 0,
});

const room = (id: string, name: string, kind: string, capacity: number): Room => ({
  id,
  name,
  kind,
  capacity,
  interpretation: false,
  features: [],
  line: 0,
});

const item = (id: string, title: string, format: Item['format'], duration: number, speakers: string[], themes: string[]): Item => ({
  id,
  title,
  format,
  duration,
  speakers,
  themes,
  language: 'es',
  level: null,
  audience: 30,
  country: 'UY',
  source: null,
  score: null,
  rooms: [],
  pin: {},
  exclusive: false,
  setup: 0,
  teardown: 0,
  after: [],
  needs: [],
  line: 0,
});

const speaker = (id: string, name: string): Speaker => ({
  id,
  name,
  organization: 'Org',
  sector: 'civil_society',
  country: 'UY',
  languages: ['es'],
  line: 0,
});

export const D1 = '2014-11-19';
export const D2 = '2014-11-20';

export const event: Event = {
  calendar: [
    window(D1, h(9), h(10, 30), 'program', 'Morning'),
    window(D1, h(10, 30), h(11), 'break', 'Café / Coffee'),
    window(D1, h(11), h(13), 'program', 'Late morning'),
    window(D2, h(9), h(12), 'program', 'Morning'),
    window(D2, h(12), h(13), 'break', 'Almuerzo / Lunch'),
  ],
  // Classroom listed first on purpose: the grid must still put the main hall first.
  rooms: [
    room('c1', 'Aula 1', 'classroom', 25),
    room('mh', 'Auditorio Principal', 'main_hall', 300),
    room('lb', 'Lobby', 'lobby', 80),
  ],
  items: [
    item('p03', 'Open budgets', 'plenary', 60, ['sp3', 'sp1'], ['fiscal-openness']),
    item('p01', 'Budgets | the data\nbehind them', 'plenary', 60, ['sp2'], ['open-data', 'fiscal-openness']),
    item('l01', 'Civic tech in 5', 'lightning', 5, ['sp4'], ['civic-tech']),
    item('l02', 'Parliament APIs', 'lightning', 5, ['sp1'], ['open-data']),
    item('w02', 'Data for reporters', 'workshop', 90, ['sp2', 'sp4'], ['fiscal-openness']),
  ],
  speakers: [
    speaker('sp4', 'Dana Díaz'),
    speaker('sp1', 'Ana Ruiz'),
    speaker('sp3', 'Carla Pérez'),
    speaker('sp5', 'Eva Gómez'),
    speaker('sp2', 'Bruno Silva'),
  ],
  availability: [],
  favourites: [],
  members: [],
};

const at = (itemId: string, roomId: string, date: string, start: number, duration: number): Assignment => ({
  item: itemId,
  room: roomId,
  date,
  start,
  end: start + duration,
});

/**
 * Day 1: two back-to-back lightning talks at 09:00, then after the break p03 and
 * w02 together (they share fiscal-openness). Day 2: p01 alone.
 */
export const schedule: Schedule = [
  at('w02', 'c1', D1, h(11), 90),
  at('p01', 'mh', D2, h(9), 60),
  at('l02', 'lb', D1, h(9, 5), 5),
  at('p03', 'mh', D1, h(11), 60),
  at('l01', 'lb', D1, h(9), 5),
];

export const report: ScheduleReport = {
  unscheduled: [],
  status: 'feasible',
  objective: 1240.5,
  bound: 1200,
  gap: 0.032,
  terms: [
    { name: 'theme_clash', description: 'Two items sharing a theme at the same time', weight: 40, count: 3, cost: 120, bound: 0 },
    { name: 'late_start', description: 'Minutes after the preferred start', weight: 0.5, count: 2241, cost: 1120.5, bound: 1000 },
  ],
  counts: [
    { format: 'workshop', items: 1 },
    { format: 'plenary', items: 2 },
    { format: 'lightning', items: 2 },
  ],
  // Listed out of order, and the second with unsorted themes and an id the event
  // lacks, to show the renderers sort and tolerate both.
  clashes: [
    { a: 'p03', b: 'w02', themes: ['fiscal-openness'], date: D1, start: h(11), end: h(12), cost: 40 },
    { a: 'l01', b: 'x99', themes: ['open-data', 'civic-tech'], date: D1, start: h(9), end: h(9, 5), cost: 80 },
  ],
  solver: 'highs',
  model: { variables: 1234, rows: 567, nonzeros: 8901, grid: 5, step: 'whole' },
  coverage: null,
  stoppedByUser: false,
  steps: [
    { step: 'whole', why: 'every item, room and start at once', ran: true, outcome: 'a valid schedule, cost 12' },
    { step: 'diagnose', why: 'no schedule exists', ran: false, outcome: 'a schedule exists' },
  ],
  timing: { buildSeconds: 0.4321, solveSeconds: 12.3456, trace: [{ seconds: 2.5, cost: 1500 }, { seconds: 11.1, cost: 1240.5 }] },
};

/** A fixed permutation (seeded Fisher-Yates), so a failing shuffle test reproduces. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same event, every array reordered. */
export function shuffledEvent(seed: number): Event {
  return {
    calendar: shuffled(event.calendar, seed),
    rooms: shuffled(event.rooms, seed + 1),
    items: shuffled(event.items, seed + 2),
    speakers: shuffled(event.speakers, seed + 3),
    availability: [],
    favourites: [],
    members: [],
  };
}

/** The same report, its lists reordered. */
export function shuffledReport(seed: number): ScheduleReport {
  return {
    ...report,
    terms: shuffled(report.terms, seed),
    counts: shuffled(report.counts, seed + 1),
    clashes: shuffled(report.clashes, seed + 2),
  };
}
