#!/usr/bin/env node
// Seeded benchmark instances, written as ordinary event folders (calendar.csv,
// rooms.csv, themes.csv, speakers.csv, availability.csv) that `convene
// validate` and `convene schedule` read like any other.
//
// Every instance is feasible by construction: a hidden valid schedule (the
// witness) is built first, room by room and window by window, and every row is
// then derived from it so that it stays valid: audiences no larger than the
// witness room, speakers shared only between items that do not meet in the
// witness, availability rows that never cut a witness placement, pins equal to
// the witness. The witness is written beside the event as witness.csv (the
// schedule.csv columns), so `convene check <dir> <dir>/witness.csv` proves it.
//
// Plain JavaScript with no imports from convene: runs before a build.
//   node bench/generate.mjs [instance ...] [--out bench/out]
// Instances: regional, national, global, festival, and regional-rules and national-rules (the first two with issue
// 16's rules; default: all).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each instance is: days, rooms per kind, calendar, themes, load. */
export const INSTANCES = {
  regional: {
    description: 'regional meeting: ~100 items, 2 days, 7 rooms',
    days: 2,
    calendar: 'summit',
    rooms: { main_hall: 2, lobby: 1, classroom: 4 },
    themes: 12,
  },
  national: {
    description: 'national summit: ~250 items, 3 days, 10 rooms',
    days: 3,
    calendar: 'summit',
    rooms: { main_hall: 3, lobby: 2, classroom: 5 },
    themes: 24,
  },
  global: {
    description: 'global summit: ~600 items, 3 days, 25 rooms',
    days: 3,
    calendar: 'summit',
    rooms: { main_hall: 10, lobby: 4, classroom: 11 },
    themes: 60,
  },
  // The same events with issue 16's rules on (drawn from the same seed, then given the rules: see withRules).
  'regional-rules': { base: 'regional', rules: true },
  'national-rules': { base: 'national', rules: true },
  festival: {
    description: 'festival: 98 talks, 3 stages, 3 days, 10-minute grid, per-talk availability windows',
    days: 3,
    calendar: 'festival',
    rooms: { main_hall: 3 },
    themes: 10,
    count: 98,
  },
};

/** The hallway gap `convene schedule` uses by default. */
export const GAP = 10;

const CALENDARS = {
  // 450 program minutes a day; a classroom fits a workshop in each of the first two windows.
  summit: [
    ['08:30', '09:00', 'break', 'Registration'],
    ['09:00', '12:30', 'program', 'Morning'],
    ['12:30', '13:30', 'break', 'Lunch'],
    ['13:30', '16:30', 'program', 'Afternoon'],
    ['16:30', '17:00', 'break', 'Coffee'],
    ['17:00', '18:00', 'program', 'Evening'],
  ],
  // Every edge on the 10-minute grid; 600 stage minutes a day.
  festival: [
    ['11:00', '14:00', 'program', 'Early stage'],
    ['14:00', '15:00', 'break', 'Lunch'],
    ['15:00', '19:00', 'program', 'Afternoon stage'],
    ['19:00', '19:30', 'break', 'Changeover'],
    ['19:30', '22:30', 'program', 'Night stage'],
  ],
};

/** Durations (minutes) by format, repeated entries weighting the draw. */
const DURATIONS = {
  summit: { plenary: [45, 60, 60, 60, 90], lightning: [10, 15], workshop: [120, 150, 180, 180] },
  festival: { plenary: [20, 30, 30, 40, 40, 50, 60, 60] },
};
const FORMAT_OF_KIND = { main_hall: 'plenary', lobby: 'lightning', classroom: 'workshop' };
const ROOM_NAMES = { main_hall: 'Main Hall', lobby: 'Lobby', classroom: 'Classroom' };
const STAGE_NAMES = ['Main Stage', 'River Stage', 'Forest Stage'];

const BASE_THEMES = [
  'access-to-information', 'anti-corruption', 'citizen-participation', 'digital-government', 'extractives',
  'fiscal-openness', 'gender-inclusion', 'open-data', 'open-justice', 'open-parliament', 'public-integrity', 'subnational',
];
const QUALIFIERS = ['cities', 'health', 'elections', 'climate', 'education', 'procurement', 'youth', 'media'];
const GENRES = ['folk', 'jazz', 'electronic', 'poetry', 'theatre', 'comedy', 'dance', 'film', 'science', 'children'];
const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elena', 'Fernando', 'Gabriela', 'Hugo', 'Inés', 'João', 'Karen', 'Luis', 'María', 'Nicolás', 'Olga', 'Pablo', 'Quetzal', 'Rosa', 'Sofía', 'Tomás', 'Úrsula', 'Valeria', 'William', 'Ximena', 'Yolanda', 'Zoe'];
const LAST = ['Acosta', 'Benítez', 'Carvalho', 'Díaz', 'Espinoza', 'Fernández', 'García', 'Herrera', 'Ibarra', 'Jiménez', 'López', 'Martínez', 'Núñez', 'Ortega', 'Pereira', 'Quesada', 'Ramírez', 'Silva', 'Torres', 'Vargas', 'Williams', 'Zúñiga'];
const ORGS = ['Ministry of Planning', 'Open Data Institute', 'Transparency Network', 'City Council', 'National University', 'Budget Partnership', 'Press Freedom Foundation', 'Statistics Office'];
const SECTORS = ['government', 'civil_society', 'civil_society', 'irm', 'academia', 'private', 'multilateral', 'other'];
const COUNTRIES = ['Argentina', 'Brasil', 'Canada', 'Chile', 'Colombia', 'Costa Rica', 'México', 'Perú', 'Uruguay', 'United States'];
const LANGUAGES = ['es', 'es', 'en', 'en', 'pt'];
const LEVELS = ['intro', 'intermediate', 'advanced'];
const SOURCES = ['registration', 'call', 'committee'];

// mulberry32, seeded from the instance name (FNV-1a): the same name always gives the same instance.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export function seedOf(text) {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 0x01000193) >>> 0;
  return h;
}

const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const pad = (n, w) => String(n).padStart(w, '0');

/** Draws from `rand`: a whole number in [lo, hi], an element, a shuffled copy. */
export function drawsOf(rand) {
  return {
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(rand() * xs.length)],
    shuffle: (xs) => {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
}
const overlaps = (a, b) => a.date === b.date && a.start < b.end && b.start < a.end;

/**
 * The instance `name` as file texts (and a summary). `seed` defaults to one
 * derived from the name (a rules instance's, from its base's). Pure: nothing
 * is written.
 */
export function generate(name, { seed } = {}) {
  const own = INSTANCES[name];
  if (!own) throw new Error(`unknown instance ${JSON.stringify(name)} (known: ${Object.keys(INSTANCES).join(', ')})`);
  const spec = own.base ? { ...INSTANCES[own.base], ...own, description: `${INSTANCES[own.base].description}, with the committee's rules` } : own;
  seed ??= seedOf(own.base ?? name);
  const rand = rng(seed);
  const { int, pick, shuffle } = drawsOf(rand);
  const festival = spec.calendar === 'festival';
  const grid = festival ? 10 : 5;

  // Calendar: consecutive dates from a fixed first day.
  const dates = Array.from({ length: spec.days }, (_, d) => new Date(Date.UTC(2026, 4, 12 + d)).toISOString().slice(0, 10));
  const calendar = dates.flatMap((date) =>
    CALENDARS[spec.calendar].map(([s, e, kind, label]) => ({ date, start: minutes(s), end: minutes(e), kind, label })),
  );
  const windows = calendar.filter((w) => w.kind === 'program');
  const dayStart = (date) => Math.min(...windows.filter((w) => w.date === date).map((w) => w.start));
  const dayEnd = (date) => Math.max(...windows.filter((w) => w.date === date).map((w) => w.end));

  // Rooms.
  const rooms = [];
  for (const [kind, count] of Object.entries(spec.rooms)) {
    for (let k = 1; k <= count; k++) {
      const id = festival ? `stage-${k}` : `${kind === 'main_hall' ? 'mh' : kind === 'lobby' ? 'lobby' : 'c'}-${pad(k, 2)}`;
      const capacity =
        kind === 'main_hall' ? (festival ? int(8, 30) * 100 : k === 1 ? 800 : int(25, 60) * 10) : kind === 'lobby' ? int(10, 20) * 10 : int(5, 12) * 5;
      const name = festival ? STAGE_NAMES[k - 1] ?? `Stage ${k}` : `${ROOM_NAMES[kind]} ${k}`;
      rooms.push({ id, name, kind, capacity, interpretation: kind === 'main_hall' });
    }
  }

  // The witness: pack each room's windows with items, then thin each room to its load.
  let placed = [];
  const programMinutes = windows.reduce((n, w) => n + w.end - w.start, 0) / dates.length;
  for (const room of rooms) {
    const format = FORMAT_OF_KIND[room.kind];
    const durations = DURATIONS[festival ? 'festival' : 'summit'][format];
    const mine = [];
    for (const w of windows) {
      let t = w.start;
      for (;;) {
        const fits = durations.filter((d) => t + d <= w.end);
        if (fits.length === 0) break;
        const d = pick(fits);
        mine.push({ format, room: room.id, date: w.date, start: t, end: t + d });
        t += d + (format === 'lightning' ? 0 : GAP);
      }
    }
    if (!festival) {
      const target = (0.72 + rand() * 0.12) * programMinutes * dates.length;
      let used = mine.reduce((n, p) => n + p.end - p.start, 0);
      for (const p of shuffle(mine)) {
        if (used <= target) break;
        mine.splice(mine.indexOf(p), 1);
        used -= p.end - p.start;
      }
    }
    placed.push(...mine);
  }
  if (spec.count !== undefined) {
    if (placed.length < spec.count) throw new Error(`${name}: the witness holds only ${placed.length} of ${spec.count} items`);
    placed = shuffle(placed).slice(0, spec.count);
  }

  // Ids in random order, so that nothing in the files follows the witness's order.
  const counters = {};
  const prefix = festival ? { plenary: 't' } : { plenary: 'p', lightning: 'l', workshop: 'w' };
  placed = shuffle(placed).map((p) => {
    counters[p.format] = (counters[p.format] ?? 0) + 1;
    return { ...p, id: `${prefix[p.format]}${pad(counters[p.format], 3)}` };
  });
  placed.sort((a, b) => (a.id < b.id ? -1 : 1));
  const roomOf = new Map(rooms.map((r) => [r.id, r]));

  // Themes: the base list, then qualified variants as the instance grows.
  const themePool = festival
    ? GENRES.slice(0, spec.themes)
    : Array.from({ length: spec.themes }, (_, k) =>
        k < BASE_THEMES.length ? BASE_THEMES[k] : `${BASE_THEMES[k % BASE_THEMES.length]}-${QUALIFIERS[Math.floor(k / BASE_THEMES.length) - 1]}`,
      );
  // A few themes are popular: draw with weight 1/(k+1).
  const themeWeights = themePool.map((_, k) => 1 / (k + 1));
  const themeTotal = themeWeights.reduce((a, b) => a + b, 0);
  const drawTheme = () => {
    let x = rand() * themeTotal;
    for (let k = 0; k < themePool.length; k++) if ((x -= themeWeights[k]) <= 0) return themePool[k];
    return themePool[themePool.length - 1];
  };

  // Speakers: new ones mostly; sometimes one already speaking, if free at that time in the witness.
  let speakers = [];
  const busy = new Map();
  const newSpeaker = () => {
    const id = `sp-${pad(speakers.length + 1, 4)}`;
    speakers.push({
      id,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      organization: pick(ORGS),
      sector: pick(SECTORS),
      country: pick(COUNTRIES),
      languages: [...new Set([pick(LANGUAGES), pick(LANGUAGES)])].sort().join(';'),
    });
    busy.set(id, []);
    return id;
  };
  const speakersPer = { plenary: festival ? [1, 2] : [2, 5], lightning: [1, 1], workshop: [1, 2] };
  let items = [];
  for (const p of placed) {
    const [lo, hi] = speakersPer[p.format];
    const chosen = [];
    for (let k = int(lo, hi); k > 0; k--) {
      let id = null;
      if (speakers.length > 0 && rand() < 0.18) {
        for (let tries = 0; tries < 12 && id === null; tries++) {
          const s = pick(speakers).id;
          const theirs = busy.get(s);
          if (!chosen.includes(s) && theirs.length < 3 && !theirs.some((q) => overlaps(q, p))) id = s;
        }
      }
      id ??= newSpeaker();
      chosen.push(id);
      busy.get(id).push(p);
    }
    const room = roomOf.get(p.room);
    const audience =
      p.format === 'workshop' ? int(Math.ceil(room.capacity * 0.5), room.capacity) : p.format === 'lightning' ? int(20, Math.min(120, room.capacity)) : int(Math.ceil(room.capacity * 0.3), room.capacity);
    const nThemes = p.format === 'plenary' && !festival ? int(1, 3) : int(1, 2);
    const themes = [...new Set(Array.from({ length: nThemes }, drawTheme))].sort();
    items.push({
      id: p.id,
      title: `${festival ? 'Set' : p.format === 'plenary' ? 'Plenary' : p.format === 'lightning' ? 'Lightning talk' : 'Workshop'} ${p.id}: ${themes.join(' and ')}`,
      format: p.format,
      duration: p.end - p.start,
      speakers: chosen.sort(),
      themes,
      language: pick(LANGUAGES),
      level: p.format === 'workshop' ? pick(LEVELS) : '',
      audience,
      country: rand() < 0.3 ? 'Regional' : pick(COUNTRIES),
      source: pick(SOURCES),
      score: (5 + rand() * 5).toFixed(1),
      rooms: '',
      pin: null,
      witness: p,
    });
  }

  // Pins: the opening and the closing in the first main hall, and a few dates.
  const inFirstHall = items.filter((i) => i.witness.room === rooms[0].id).sort((a, b) => cmpWhen(a.witness, b.witness));
  const opening = inFirstHall[0];
  const closing = inFirstHall[inFirstHall.length - 1];
  for (const i of [opening, closing]) if (i) i.pin = { date: i.witness.date, start: i.witness.start, room: i.witness.room };
  for (const i of items) if (i.pin === null && rand() < 0.03) i.pin = { date: i.witness.date };
  // A few workshops limited to their room and one other classroom.
  const classrooms = rooms.filter((r) => r.kind === 'classroom');
  for (const i of items) {
    if (i.format === 'workshop' && rand() < 0.08) i.rooms = [...new Set([i.witness.room, pick(classrooms).id])].sort().join(';');
  }

  // Availability, derived from the witness so that it never cuts it.
  let availability = [];
  const parts = (date) => windows.filter((w) => w.date === date).map((w) => ({ date, start: w.start, end: w.end }));
  for (const s of speakers) {
    const theirs = busy.get(s.id);
    const r = rand();
    if (r < 0.08) {
      // Away for one window (or a whole day) in which they have nothing.
      const options = dates.flatMap((date) => [...parts(date), { date, start: dayStart(date), end: dayEnd(date) }]);
      const free = options.filter((o) => !theirs.some((q) => overlaps(q, o)));
      if (free.length > 0) {
        const o = pick(free);
        availability.push({ who: s.id, date: o.date, start: o.start, end: o.end, status: 'unavailable' });
      }
    } else if (r < 0.12) {
      // Only there on the days they speak.
      for (const date of [...new Set(theirs.map((q) => q.date))].sort()) {
        availability.push({ who: s.id, date, start: dayStart(date), end: dayEnd(date), status: 'available' });
      }
    }
  }
  for (const room of rooms) {
    if (room.kind !== 'classroom' || rand() >= 0.3) continue;
    const empty = windows.filter((w) => !placed.some((p) => p.room === room.id && overlaps(p, w)));
    if (empty.length > 0) {
      const w = pick(empty);
      availability.push({ who: room.id, date: w.date, start: w.start, end: w.end, status: 'unavailable' });
    }
  }
  for (const i of items) {
    const p = i.witness;
    if (festival) {
      // Per-talk windows: a span of 1 to 6 hours on the witness date around the witness slot.
      if (rand() < 0.85) {
        const start = Math.max(dayStart(p.date), p.start - int(0, 18) * grid);
        const end = Math.min(dayEnd(p.date), Math.max(p.end + int(0, 18) * grid, start + 60));
        availability.push({ who: i.id, date: p.date, start, end, status: 'available' });
      }
    } else if (rand() < 0.03) {
      availability.push({ who: i.id, date: p.date, start: dayStart(p.date), end: dayEnd(p.date), status: 'available' });
    }
  }

  let extra = {};
  if (spec.rules) ({ items, placed, availability, speakers, extra } = withRules({ items, placed, availability, speakers, rooms, windows, calendar }, rng(seedOf(name))));

  const files = {
    'calendar.csv': csv(['date', 'start', 'end', 'kind', 'label'], calendar.map((w) => [w.date, hhmm(w.start), hhmm(w.end), w.kind, w.label])),
    'rooms.csv': csv(
      ['id', 'name', 'kind', 'capacity', 'interpretation', ...(spec.rules ? ['features'] : [])],
      rooms.map((r) => [r.id, r.name, r.kind, r.capacity, r.interpretation ? 'yes' : 'no', ...(spec.rules ? [extra.features.get(r.id)] : [])]),
    ),
    'themes.csv': csv(
      [
        'id', 'title', 'format', 'duration', 'speakers', 'themes', 'language', 'level', 'audience', 'country', 'source', 'score', 'rooms', 'pin_date', 'pin_start', 'pin_room',
        ...(spec.rules ? ['exclusive', 'setup', 'teardown', 'after', 'needs'] : []),
      ],
      items.map((i) => [
        i.id, i.title, i.format, i.duration, i.speakers.join(';'), i.themes.join(';'), i.language, i.level, i.audience, i.country, i.source, i.score, i.rooms,
        i.pin?.date ?? '', i.pin?.start === undefined ? '' : hhmm(i.pin.start), i.pin?.room ?? '',
        ...(spec.rules ? [i.exclusive ? 'yes' : '', i.setup || '', i.teardown || '', i.after.join(';'), i.needs] : []),
      ]),
    ),
    ...extra.files,
    'speakers.csv': csv(['id', 'name', 'organization', 'sector', 'country', 'languages'], speakers.map((s) => [s.id, s.name, s.organization, s.sector, s.country, s.languages])),
    'availability.csv': csv(
      ['who', 'date', 'start', 'end', 'status'],
      availability.sort((a, b) => cmp(a.who, b.who) || cmp(a.date, b.date) || a.start - b.start).map((a) => [a.who, a.date, hhmm(a.start), hhmm(a.end), a.status]),
    ),
    'witness.csv': csv(
      ['id', 'title', 'format', 'date', 'start', 'end', 'room', 'speakers', 'themes'],
      [...items].sort((a, b) => cmpWhen(a.witness, b.witness) || cmp(a.witness.room, b.witness.room)).map((i) => [
        i.id, i.title, i.format, i.witness.date, hhmm(i.witness.start), hhmm(i.witness.end), i.witness.room, i.speakers.join(';'), i.themes.join(';'),
      ]),
    ),
  };

  // Loads per room kind: item minutes over program minutes.
  const load = {};
  for (const kind of Object.keys(spec.rooms)) {
    const ids = new Set(rooms.filter((r) => r.kind === kind).map((r) => r.id));
    const used = placed.filter((p) => ids.has(p.room)).reduce((n, p) => n + p.end - p.start, 0);
    load[kind] = used / (programMinutes * dates.length * ids.size);
  }
  const counts = { items: items.length, plenary: 0, lightning: 0, workshop: 0 };
  for (const i of items) counts[i.format] += 1;
  const itemsOf = new Map();
  for (const i of items) for (const sp of i.speakers) itemsOf.set(sp, (itemsOf.get(sp) ?? 0) + 1);
  const shared = speakers.filter((s) => itemsOf.get(s.id) > 1).length;
  const summary = {
    name, seed, description: spec.description, days: dates.length, rooms: rooms.length, grid, ...counts,
    speakers: speakers.length, sharedSpeakers: shared, themes: new Set(items.flatMap((i) => i.themes)).size,
    availabilityRows: availability.length, load,
  };
  files['README.md'] = readme(summary);
  return { files, summary };
}

/**
 * Issue 16's rules, given to an instance so that its witness stays valid,
 * drawn from their own `rand` (the instance's other draws are its base's):
 *
 * - exclusive: the opening (the first item of the first main hall) and the
 *   closing (its last); every other item that overlaps them in the witness
 *   is taken out, with its availability rows (and its speakers', when they
 *   speak nowhere else);
 * - set-up and tear-down (15 or 30 minutes) for about a third of the
 *   workshops, where the witness room is free then (within their window or
 *   the break beside it);
 * - order: about a fifth of the workshops come after an item that ends
 *   before them in the witness (one sharing a theme where there is one);
 * - room features, and for about a sixth of the items one feature their
 *   witness room has;
 * - favourites.csv (registrants' stars, popular items drawn more often) and
 *   members.csv (the countries).
 */
function withRules({ items, placed, availability, speakers, rooms, windows, calendar }, rand) {
  const { int, pick } = drawsOf(rand);
  const first = rooms[0].id;
  const inFirst = items.filter((i) => i.witness.room === first).sort((a, b) => cmpWhen(a.witness, b.witness));
  const exclusive = [inFirst[0], inFirst[inFirst.length - 1]].filter(Boolean);
  const out = new Set(items.filter((i) => !exclusive.includes(i) && exclusive.some((x) => overlaps(x.witness, i.witness))).map((i) => i.id));
  items = items.filter((i) => !out.has(i.id)).map((i) => ({ ...i, exclusive: exclusive.includes(i), setup: 0, teardown: 0, after: [], needs: '' }));
  placed = items.map((i) => i.witness);
  const speaking = new Set(items.flatMap((i) => i.speakers));
  speakers = speakers.filter((sp) => speaking.has(sp.id));
  const known = new Set([...items.map((i) => i.id), ...speakers.map((sp) => sp.id), ...rooms.map((r) => r.id)]);
  availability = availability.filter((a) => known.has(a.who));

  // Set-up and tear-down within the window or the break beside it, the hallway gap outside them.
  const windowOf = (p) => windows.find((w) => w.date === p.date && w.start <= p.start && p.end <= w.end);
  const breakAt = (date, edge, side) => calendar.find((b) => b.kind === 'break' && b.date === date && (side === 'before' ? b.end === edge : b.start === edge));
  const spill = (b) => (b ? Math.min(30, b.end - b.start) : 0);
  for (const room of rooms) {
    const mine = items.filter((i) => i.witness.room === room.id).sort((a, b) => cmpWhen(a.witness, b.witness));
    mine.forEach((item, k) => {
      if (item.format !== 'workshop' || rand() >= 0.35) return;
      const p = item.witness;
      const w = windowOf(p);
      const prev = mine[k - 1]?.witness.date === p.date ? mine[k - 1] : null;
      const next = mine[k + 1]?.witness.date === p.date ? mine[k + 1] : null;
      const from = Math.max(w.start - spill(breakAt(p.date, w.start, 'before')), prev ? prev.witness.end + prev.teardown + GAP : -Infinity);
      const to = Math.min(w.end + spill(breakAt(p.date, w.end, 'after')), next ? next.witness.start - GAP : Infinity);
      item.setup = [30, 15].find((m) => m <= p.start - from) ?? 0;
      item.teardown = [30, 15].find((m) => m <= to - p.end) ?? 0;
    });
  }

  // Order: an earlier item, of a shared theme where there is one.
  for (const item of items) {
    if (item.format !== 'workshop' || rand() >= 0.2) continue;
    const earlier = items.filter((o) => o !== item && cmpWhen(o.witness, item.witness) < 0 && (o.witness.date < item.witness.date || o.witness.end <= item.witness.start));
    const themed = earlier.filter((o) => o.themes.some((t) => item.themes.includes(t)));
    const before = themed.length > 0 ? pick(themed) : earlier.length > 0 ? pick(earlier) : null;
    if (before) item.after = [before.id];
  }

  // Features, and needs that the witness room meets.
  const FEATURES = ['flipcharts', 'projector', 'step-free'];
  const features = new Map(
    rooms.map((r) => [r.id, r.kind === 'main_hall' ? 'projector;step-free' : r.kind === 'lobby' ? 'step-free' : FEATURES.filter(() => rand() < 0.6).join(';')]),
  );
  for (const item of items) {
    const has = features.get(item.witness.room).split(';').filter(Boolean);
    if (has.length > 0 && rand() < 0.16) item.needs = pick(has);
  }

  // Stars: four registrants an item, each starring 3 to 8 items, an item drawn by its audience.
  const total = items.reduce((n, i) => n + i.audience, 0);
  const drawItem = () => {
    let x = rand() * total;
    for (const i of items) if ((x -= i.audience) <= 0) return i.id;
    return items[items.length - 1].id;
  };
  const stars = [];
  for (let r = 1; r <= items.length * 4; r++) {
    const mine = new Set(Array.from({ length: int(3, 8) }, drawItem));
    for (const id of [...mine].sort()) stars.push([`r${pad(r, 4)}`, id]);
  }
  const files = {
    'favourites.csv': csv(['registrant', 'item'], stars),
    'members.csv': csv(['country', 'name'], COUNTRIES.map((c) => [c, ''])),
  };
  return { items, placed, availability, speakers, extra: { features, files } };
}

function readme(s) {
  const loads = Object.entries(s.load).map(([k, v]) => `${k} ${(v * 100).toFixed(0)} %`).join(', ');
  return [
    `# ${s.name}`,
    '',
    `Generated by \`node bench/generate.mjs ${s.name}\` (seed ${s.seed}, from the name${s.name.endsWith('-rules') ? ' of the instance it is drawn as' : ''}): ${s.description}.`,
    '',
    `${s.items} items (${s.plenary} plenaries, ${s.lightning} lightning talks, ${s.workshop} workshops) in ${s.rooms} rooms over ${s.days} days;`,
    `${s.speakers} speakers (${s.sharedSpeakers} with more than one item), ${s.themes} themes, ${s.availabilityRows} availability rows.`,
    `Load (item minutes over program minutes): ${loads}. Every duration, window edge and availability edge is a multiple of ${s.grid} minutes.`,
    '',
    'Feasible by construction: a hidden valid schedule was built first and every file was derived from it so that it stays valid',
    `(with the default --gap ${GAP}). It is witness.csv; \`convene check <this folder> <this folder>/witness.csv\` passes.`,
    '',
  ].join('\n');
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function cmpWhen(a, b) {
  return cmp(a.date, b.date) || a.start - b.start;
}

function csv(header, rows) {
  const cell = (v) => {
    const t = String(v);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** Writes the instance into `dir` (created if missing) and returns its summary. */
export function writeInstance(name, dir, options = {}) {
  const { files, summary } = generate(name, options);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return summary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'out');
  const names = [];
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '--out') out = path.resolve(args[++k] ?? out);
    else names.push(args[k]);
  }
  for (const name of names.length > 0 ? names : Object.keys(INSTANCES)) {
    const s = writeInstance(name, path.join(out, name));
    const loads = Object.entries(s.load).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(', ');
    console.log(`${path.join(out, name)}: ${s.items} items, ${s.rooms} rooms, ${s.days} days, ${s.speakers} speakers (${s.sharedSpeakers} shared), ${s.availabilityRows} availability rows; load ${loads}`);
  }
}
