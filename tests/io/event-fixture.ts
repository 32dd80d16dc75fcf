/** A small valid event, as CSV text, for tests to start from and break one thing at a time. */
import { expect } from 'vitest';
import { formatIssue } from '../../src/domain/issues.js';
import { issuesOf } from '../helpers/issues.js';
import { parseEvent } from '../../src/io/event.js';

export const BASE: Readonly<Record<string, string>> = {
  'calendar.csv': [
    'date,start,end,kind,label',
    '2025-06-02,09:00,12:30,program,Morning',
    '2025-06-02,12:30,14:00,break,Lunch',
    '2025-06-02,14:00,17:30,program,Afternoon',
    '2025-06-03,09:00,12:00,program,Morning',
    '',
  ].join('\n'),
  'rooms.csv': [
    'id,name,kind,capacity,interpretation',
    'hall,Main hall,main_hall,300,yes',
    'lobby,Lobby,lobby,80,no',
    'c1,Classroom 1,classroom,40,no',
    '',
  ].join('\n'),
  'speakers.csv': [
    'id,name,organization,sector,country,languages',
    'sp-1,Ana Ruiz,Ministry of Finance,government,CL,es;en',
    'sp-2,Ben Okafor,Open Data NG,civil_society,NG,en',
    'sp-3,Carla Díaz,Universidad de Chile,academia,CL,es',
    '',
  ].join('\n'),
  'themes.csv': [
    'id,title,format,duration,speakers,themes,language,level,audience,country,source,score',
    'p01,Opening plenary,plenary,60,sp-1;sp-2,open government,es,,250,,committee,9',
    'l01,Budgets in 5 minutes,lightning,30,sp-3,budgets,es,,50,CL,call,7.5',
    'w01,Data for reporters,workshop,120,sp-2,data|journalism,en,intro,30,NG,registration,',
    '',
  ].join('\n'),
  'availability.csv': ['who,date,start,end,status', 'sp-1,2025-06-03,09:00,12:00,unavailable', ''].join('\n'),
};

/** The base event with some files replaced (undefined = the file is missing). */
export function event(overrides: Readonly<Record<string, string | undefined>> = {}): Record<string, string | undefined> {
  return { ...BASE, ...overrides };
}

/** Every issue parseEvent reports, formatted as the user sees them; [] when the event is valid. */
export function problems(files: Readonly<Record<string, string | undefined>>): readonly string[] {
  return issuesOf(() => parseEvent(files));
}

/** The messages of parseEvent on `files`, which must fail. */
export function expectProblems(files: Readonly<Record<string, string | undefined>>, expected: readonly string[]): void {
  expect(problems(files)).toEqual(expected);
}

/** `lines` joined as a CSV file. */
export function csv(...lines: readonly string[]): string {
  return lines.join('\n') + '\n';
}

/**
 * How an issue about a whole file or folder (line 0) is shown. Built with
 * formatIssue so these tests pin our file names and messages, not the layout
 * of file-level issues, which is formatIssue's own business.
 */
export function wholeFile(file: string, message: string): string {
  return formatIssue({ file, line: 0, column: 0, columnName: '', message });
}
