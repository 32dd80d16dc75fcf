/**
 * Reading every file of an event and checking them against each other: pure,
 * no file system. All issues of all files are gathered before anything is
 * thrown, so one run lists everything to fix.
 */
import { InputError, type InputIssue } from '../domain/issues.js';
import type { Event } from '../domain/types.js';
import { AVAILABILITY_FILE, readAvailability } from './rows/availability.js';
import { CALENDAR_FILE, readCalendar } from './rows/calendar.js';
import { readRooms, ROOMS_FILE } from './rows/rooms.js';
import { readSpeakers, SPEAKERS_FILE } from './rows/speakers.js';
import { readThemes, THEMES_FILE } from './rows/themes.js';
import { checkReferences } from './validate/references.js';
import { FAVOURITES_FILE, readFavourites } from './rows/favourites.js';
import { MEMBERS_FILE, readMembers } from './rows/members.js';
import { checkRooms } from './validate/rooms.js';
import type { FileText } from './rows/sheet.js';
import type { Sheets } from './validate/sheets.js';
import { checkTimes } from './validate/times.js';

/** The files of an event folder; availability.csv, favourites.csv and members.csv may be left out. */
export const EVENT_FILES = [CALENDAR_FILE, ROOMS_FILE, THEMES_FILE, SPEAKERS_FILE, AVAILABILITY_FILE, FAVOURITES_FILE, MEMBERS_FILE] as const;
export type EventFileName = (typeof EVENT_FILES)[number];

/** Reads each file on its own (an absent key is a missing file). */
export function readSheets(files: Readonly<Record<string, FileText>>): Sheets {
  const text = (name: EventFileName) => (Object.hasOwn(files, name) ? files[name] : undefined);
  return {
    calendar: readCalendar(text(CALENDAR_FILE)),
    rooms: readRooms(text(ROOMS_FILE)),
    themes: readThemes(text(THEMES_FILE)),
    speakers: readSpeakers(text(SPEAKERS_FILE)),
    availability: readAvailability(text(AVAILABILITY_FILE)),
    favourites: readFavourites(text(FAVOURITES_FILE)),
    members: readMembers(text(MEMBERS_FILE)),
  };
}

/** Every issue of every file, in no particular order (InputError sorts them). */
export function validateSheets(s: Sheets): readonly InputIssue[] {
  return [
    ...s.calendar.issues,
    ...s.rooms.issues,
    ...s.themes.issues,
    ...s.speakers.issues,
    ...s.availability.issues,
    ...s.favourites.issues,
    ...s.members.issues,
    ...checkReferences(s),
    ...checkRooms(s),
    ...checkTimes(s),
  ];
}

/**
 * Parses the text of an event's files, keyed by file name (`'calendar.csv'`;
 * undefined or absent = the file is missing; an issue in place of the text =
 * it exists but could not be read). Throws one InputError listing
 * every problem found.
 */
export function parseEvent(files: Readonly<Record<string, FileText>>): Event {
  const sheets = readSheets(files);
  const issues = validateSheets(sheets);
  if (issues.length > 0) throw new InputError(issues);
  return eventFrom(sheets);
}

/** The event the sheets hold, once validateSheets found nothing wrong with them. */
export function eventFrom(sheets: Sheets): Event {
  return {
    calendar: sheets.calendar.rows,
    rooms: sheets.rooms.rows,
    items: sheets.themes.rows,
    speakers: sheets.speakers.rows,
    availability: sheets.availability.rows,
    favourites: sheets.favourites.rows,
    members: sheets.members.rows,
  };
}
