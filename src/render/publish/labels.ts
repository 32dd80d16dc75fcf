/**
 * Every word the published files show a reader, in Spanish and English.
 * Dates are spelled by hand rather than with Intl locale data, so the output
 * does not change with the ICU build of the machine.
 */
import type { Format, Level } from '../../domain/types.js';

export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type Labels = {
  readonly program: string;
  readonly time: string;
  readonly timesIn: (zone: string) => string;
  readonly days: string;
  readonly tracks: string;
  readonly format: Readonly<Record<Format, string>>;
  /** Where each track runs, for the legend. */
  readonly formatWhere: Readonly<Record<Format, string>>;
  readonly level: Readonly<Record<Level, string>>;
  readonly levelLabel: string;
  readonly language: string;
  /** A speaker's languages (plural). */
  readonly spoken: string;
  readonly languages: Readonly<Record<string, string>>;
  readonly interpretation: string;
  readonly break: string;
  readonly speakers: string;
  readonly room: string;
  readonly rooms: string;
  readonly capacity: string;
  readonly audience: string;
  readonly title: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly nothing: string;
  readonly doorSheet: string;
  readonly speakerSheet: string;
  readonly organization: string;
  readonly country: string;
  readonly themes: string;
  /** The lobby's lightning talks listed by member country (members.csv). */
  readonly byCountry: string;
  readonly regional: string;
  readonly weekdays: readonly string[];
  readonly months: readonly string[];
  readonly longDate: (weekday: string, day: number, month: string, year: number) => string;
};

const ES: Labels = {
  program: 'Programa',
  time: 'Hora',
  timesIn: (zone) => `Horas en ${zone}`,
  days: 'Días',
  tracks: 'Formatos',
  format: { plenary: 'Plenaria', lightning: 'Charla relámpago', workshop: 'Taller' },
  formatWhere: { plenary: 'sala principal', lightning: 'vestíbulo', workshop: 'aulas' },
  level: { intro: 'Introductorio', intermediate: 'Intermedio', advanced: 'Avanzado' },
  levelLabel: 'Nivel',
  language: 'Idioma',
  spoken: 'Idiomas',
  languages: { es: 'español', en: 'inglés', pt: 'portugués', fr: 'francés' },
  interpretation: 'Interpretación simultánea',
  break: 'Pausa',
  speakers: 'Ponentes',
  room: 'Sala',
  rooms: 'Salas',
  capacity: 'Aforo',
  audience: 'Público esperado',
  title: 'Título',
  date: 'Fecha',
  start: 'Inicio',
  end: 'Fin',
  nothing: 'Nada programado.',
  doorSheet: 'Hoja de puerta',
  speakerSheet: 'Agenda de ponente',
  organization: 'Organización',
  country: 'País',
  themes: 'Temas',
  byCountry: 'Charlas relámpago por país',
  regional: 'Iniciativas regionales',
  weekdays: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  longDate: (weekday, day, month, year) => `${weekday} ${day} de ${month} de ${year}`,
};

const EN: Labels = {
  program: 'Program',
  time: 'Time',
  timesIn: (zone) => `Times in ${zone}`,
  days: 'Days',
  tracks: 'Formats',
  format: { plenary: 'Plenary', lightning: 'Lightning talk', workshop: 'Workshop' },
  formatWhere: { plenary: 'main hall', lightning: 'lobby', workshop: 'classrooms' },
  level: { intro: 'Introductory', intermediate: 'Intermediate', advanced: 'Advanced' },
  levelLabel: 'Level',
  language: 'Language',
  spoken: 'Languages',
  languages: { es: 'Spanish', en: 'English', pt: 'Portuguese', fr: 'French' },
  interpretation: 'Simultaneous interpretation',
  break: 'Break',
  speakers: 'Speakers',
  room: 'Room',
  rooms: 'Rooms',
  capacity: 'Capacity',
  audience: 'Expected audience',
  title: 'Title',
  date: 'Date',
  start: 'Start',
  end: 'End',
  nothing: 'Nothing scheduled.',
  doorSheet: 'Door sheet',
  speakerSheet: 'Speaker timetable',
  organization: 'Organization',
  country: 'Country',
  themes: 'Themes',
  byCountry: 'Lightning talks by country',
  regional: 'Regional initiatives',
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  longDate: (weekday, day, month, year) => `${weekday}, ${month} ${day}, ${year}`,
};

export function labelsFor(lang: Lang): Labels {
  return lang === 'es' ? ES : EN;
}

/** "2014-11-19" -> "miércoles 19 de noviembre de 2014" / "Wednesday, November 19, 2014". */
export function longDate(labels: Labels, date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const weekday = labels.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
  return labels.longDate(weekday, d, labels.months[m - 1] ?? '', y);
}

/** A language code as a reader knows it ("es" -> "español"); an unknown code is shown upper-case. */
export function languageName(labels: Labels, code: string): string {
  return labels.languages[code.toLowerCase()] ?? code.toUpperCase();
}
