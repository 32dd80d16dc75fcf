/** The words of the wall board and agenda.md, in Spanish and English (titles and names are shown as written). */
import { labelsFor, longDate, type Lang } from '../publish/labels.js';

export type AgendaWords = {
  readonly day: string;
  readonly block: string;
  readonly space: string;
  readonly session: string;
  readonly seats: (n: number) => string;
  readonly facilitator: string;
  readonly noteTaker: string;
  readonly toBeNamed: string;
  readonly closed: string;
  readonly free: string;
  readonly notInGrid: string;
  readonly language: string;
  readonly proposers: string;
  readonly date: (iso: string) => string;
};

export const AGENDA_WORDS: Readonly<Record<Lang, AgendaWords>> = {
  es: {
    day: 'Día de la Sociedad Civil · autoconferencia',
    block: 'Bloque',
    space: 'Espacio',
    session: 'Sesión',
    seats: (n) => `${n} lugares`,
    facilitator: 'Facilita',
    noteTaker: 'Notas',
    toBeNamed: 'por asignar',
    closed: 'no disponible',
    free: 'libre',
    notInGrid: 'Propuestas que no entraron en la grilla',
    language: 'Idioma',
    proposers: 'Proponen',
    date: (iso) => longDate(labelsFor('es'), iso),
  },
  en: {
    day: 'Civil Society Day · unconference',
    block: 'Block',
    space: 'Space',
    session: 'Session',
    seats: (n) => `${n} seats`,
    facilitator: 'Facilitator',
    noteTaker: 'Notes',
    toBeNamed: 'to be named',
    closed: 'not available',
    free: 'free',
    notInGrid: 'Proposals not in the grid',
    language: 'Language',
    proposers: 'Proposed by',
    date: (iso) => longDate(labelsFor('en'), iso),
  },
};
