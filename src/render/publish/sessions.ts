/**
 * The Civil Society Day's session pages (with --rosters): sessions/<id>.md for
 * each unconference session, with who facilitates and takes notes, how many
 * attend, and a notes template the note-taker fills in and publishes; and
 * sessions/index.html, which links them all, by block.
 */
import { inlineText } from '../text.js';
import { escapeHtml as e } from './escape.js';
import type { Lang } from './labels.js';
import { fileStems, stemOf } from './names.js';
import { compareText } from '../../domain/compare.js';

export type RosterPerson = { readonly id: string; readonly name: string; readonly organization: string };

/** One unconference session joined with its roster. */
export type SessionRoster = {
  readonly id: string;
  readonly title: string;
  /** Sessions of one block run at the same time. */
  readonly block: string;
  readonly room: string;
  readonly capacity: number;
  readonly facilitator: RosterPerson | null;
  readonly noteTaker: RosterPerson | null;
  /** Attendees, roles not counted. */
  readonly attendees: number;
};

type Words = {
  readonly session: string;
  readonly sessions: string;
  readonly block: string;
  readonly room: string;
  readonly facilitator: string;
  readonly noteTaker: string;
  readonly attendeesLabel: string;
  readonly attendees: (n: number, capacity: number) => string;
  readonly toBeNamed: string;
  readonly notes: string;
  readonly takenBy: (name: string) => string;
  readonly template: readonly string[];
  readonly none: string;
};

const WORDS: Readonly<Record<Lang, Words>> = {
  es: {
    session: 'Sesión',
    sessions: 'Sesiones de la autoconferencia',
    block: 'Bloque',
    room: 'Sala',
    facilitator: 'Facilitación',
    noteTaker: 'Toma de notas',
    attendeesLabel: 'Asistentes',
    attendees: (n, capacity) => `${n} (cupo ${capacity}, con roles)`,
    toBeNamed: 'por asignar',
    notes: 'Notas',
    takenBy: (name) => `Notas tomadas por ${name}.`,
    template: ['Participantes (número, sectores, países)', 'Preguntas de partida', 'Puntos principales', 'Acuerdos y próximos pasos', 'Recursos y contactos compartidos'],
    none: 'No hay sesiones.',
  },
  en: {
    session: 'Session',
    sessions: 'Unconference sessions',
    block: 'Block',
    room: 'Room',
    facilitator: 'Facilitator',
    noteTaker: 'Note-taker',
    attendeesLabel: 'Attendees',
    attendees: (n, capacity) => `${n} (capacity ${capacity}, roles included)`,
    toBeNamed: 'to be named',
    notes: 'Notes',
    takenBy: (name) => `Notes taken by ${name}.`,
    template: ['Participants (number, sectors, countries)', 'Opening questions', 'Main points', 'Agreements and next steps', 'Resources and contacts shared'],
    none: 'No sessions.',
  },
};

function person(p: RosterPerson | null, w: Words): string {
  if (!p) return `_${w.toBeNamed}_`;
  return p.organization ? `${inlineText(p.name)} (${inlineText(p.organization)})` : inlineText(p.name);
}

export function sessionPage(s: SessionRoster, eventTitle: string, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [
    `# ${inlineText(s.title)}`,
    '',
    `${inlineText(eventTitle)} · ${w.session} ${inlineText(s.id)}`,
    '',
    `- ${w.block}: ${inlineText(s.block)}`,
    `- ${w.room}: ${inlineText(s.room)}`,
    `- ${w.facilitator}: ${person(s.facilitator, w)}`,
    `- ${w.noteTaker}: ${person(s.noteTaker, w)}`,
    `- ${w.attendeesLabel}: ${w.attendees(s.attendees, s.capacity)}`,
    '',
    `## ${w.notes}`,
    '',
    `_${w.takenBy(s.noteTaker ? inlineText(s.noteTaker.name) : '…')}_`,
    '',
    ...w.template.flatMap((heading) => [`### ${heading}`, '', '- ', '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function sessionsIndex(sessions: readonly SessionRoster[], stems: ReadonlyMap<string, string>, eventTitle: string, lang: Lang): string {
  const w = WORDS[lang];
  const blocks = [...new Set(sessions.map((s) => s.block))].sort(compareText);
  const body =
    sessions.length === 0
      ? `<p>${e(w.none)}</p>`
      : blocks
          .map((b) => {
            const items = sessions
              .filter((s) => s.block === b)
              .map(
                (s) =>
                  `<li><a href="${e(stemOf(stems, s.id))}.md">${e(s.title)}</a> <small>${e(s.room)} · ${e(w.facilitator)}: ${e(s.facilitator?.name ?? w.toBeNamed)}</small></li>`,
              );
            return `<section data-block="${e(b)}"><h2>${e(w.block)} ${e(b)}</h2><ul>${items.join('')}</ul></section>`;
          })
          .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(eventTitle)} — ${e(w.sessions)}</title>`,
    '<style>body{font:15px/1.45 system-ui,sans-serif;margin:1rem auto;max-width:48rem;padding:0 1rem}li{margin:.3rem 0}small{color:#4a5568;display:block}</style>',
    '</head>',
    '<body>',
    `<h1>${e(w.sessions)}</h1>`,
    `<p>${e(eventTitle)}</p>`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** sessions/<stem>.md for every session and sessions/index.html, sessions in id order. */
export function sessionFiles(sessions: readonly SessionRoster[], eventTitle: string, lang: Lang): Readonly<Record<string, string>> {
  const sorted = [...sessions].sort((a, b) => compareText(a.id, b.id));
  const stems = fileStems(sorted.map((s) => s.id));
  const files: Record<string, string> = { 'sessions/index.html': sessionsIndex(sorted, stems, eventTitle, lang) };
  for (const s of sorted) files[`sessions/${stemOf(stems, s.id)}.md`] = sessionPage(s, eventTitle, lang);
  return files;
}
