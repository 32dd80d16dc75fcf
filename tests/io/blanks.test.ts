/**
 * Blank cells, column by column: where a sensible meaning exists a blank is
 * read as "not known" (and documented in the README's input reference);
 * where none exists (an id, a time, a duration, a capacity) it stays an error.
 */
import { describe, expect, test } from 'vitest';
import { parseAllocationInput } from '../../src/io/allocation/parse.js';
import { parseEvent } from '../../src/io/event.js';
import { parseTeamsInput } from '../../src/io/teams/parse.js';
import { parseWeights } from '../../src/io/weights.js';
import { weighedAudience } from '../../src/domain/types.js';
import { seatsAudience } from '../../src/model/rooms.js';
import { issuesOf } from '../helpers/issues.js';
import { BASE, csv, event, expectProblems } from './event-fixture.js';

const THEMES_HEADER = 'id,title,format,duration,speakers,themes,language,level,audience,country,source,score,rooms,pin_date,pin_start,pin_room,exclusive,setup,teardown,after,needs';

describe('event files', () => {
  test('rooms.csv: a blank name shows the id; a blank interpretation is no', () => {
    const e = parseEvent(event({ 'rooms.csv': csv('id,name,kind,capacity,interpretation', 'hall,Main hall,main_hall,300,yes', 'lobby,,lobby,80,', 'c1,Classroom 1,classroom,40,no') }));
    expect(e.rooms.find((r) => r.id === 'lobby')).toMatchObject({ name: 'lobby', interpretation: false });
  });

  test('rooms.csv: id, kind and capacity stay required', () => {
    expectProblems(event({ 'rooms.csv': csv('id,name,kind,capacity,interpretation', 'hall,Main hall,main_hall,300,yes', 'lobby,Lobby,lobby,80,no', 'c1,Classroom 1,classroom,40,no', ',X,,,no') }), [
      'rooms.csv:5:1 id: expected an id, got an empty cell',
      'rooms.csv:5:3 kind: expected a room kind (like main_hall, lobby or classroom), got an empty cell',
      'rooms.csv:5:4 capacity: expected a whole number from 1 to 100,000, got an empty cell',
    ]);
  });

  test('speakers.csv: a blank name shows the id; blank sector, organization, country and languages are unknown', () => {
    const e = parseEvent(event({ 'speakers.csv': csv('id,name,organization,sector,country,languages', 'sp-1,,,,,', 'sp-2,Ben Okafor,Open Data NG,civil_society,NG,en', 'sp-3,Carla Díaz,,academia,CL,es') }));
    expect(e.speakers[0]).toEqual({ id: 'sp-1', name: 'sp-1', organization: '', sector: null, country: '', languages: [], line: 2 });
  });

  test('themes.csv: every column but id, format and duration may be blank', () => {
    const e = parseEvent(event({ 'themes.csv': csv(THEMES_HEADER, 'p01,Opening plenary,plenary,60,sp-1,,es,,250,,,,,,,,,,,,', 'w01,,workshop,120,,,,,,,,,,,,,,,,,') }));
    expect(e.items.find((i) => i.id === 'w01')).toEqual({
      id: 'w01',
      title: 'w01',
      format: 'workshop',
      duration: 120,
      speakers: [],
      themes: [],
      language: '',
      level: null,
      audience: null,
      country: '',
      source: null,
      score: null,
      rooms: [],
      pin: {},
      exclusive: false,
      setup: 0,
      teardown: 0,
      after: [],
      needs: [],
      line: 3,
    });
    expectProblems(event({ 'themes.csv': csv(THEMES_HEADER, ',Opening,,,sp-1,,es,,250,,,,,,,,,,,,') }), [
      'themes.csv:2:1 id: expected an id, got an empty cell',
      'themes.csv:2:3 format: expected one of plenary, lightning or workshop, got an empty cell',
      'themes.csv:2:4 duration: expected whole minutes from 5 to 1,440 (a day) in steps of 5, got an empty cell',
    ]);
  });

  test('an unknown audience fits any room of its kind and weighs as 0', () => {
    const e = parseEvent(event({ 'themes.csv': csv(THEMES_HEADER, 'p01,Opening plenary,plenary,60,sp-1,,es,,,,,,,,,,,,,,') }));
    const item = e.items[0]!;
    expect(item.audience).toBeNull();
    expect(seatsAudience(item, { id: 'c9', name: 'Tiny room', kind: 'main_hall', capacity: 1, interpretation: true, features: [], line: 2 })).toBe(true);
    expect(weighedAudience(item)).toBe(0);
  });

  test('calendar.csv: a blank label is fine; date, times and kind stay required', () => {
    expectProblems(event({ 'calendar.csv': csv('date,start,end,kind,label', '2025-06-02,09:00,12:30,program,', '2025-06-03,09:00,12:00,program,', ',,,,Lunch') }), [
      'calendar.csv:4:1 date: expected a date written YYYY-MM-DD, got an empty cell',
      'calendar.csv:4:2 start: expected a time written HH:MM (24-hour), got an empty cell',
      'calendar.csv:4:3 end: expected a time written HH:MM (24-hour), got an empty cell',
      'calendar.csv:4:4 kind: expected one of program, plenary_only or break, got an empty cell',
    ]);
  });

  test('availability.csv: every cell is required (a row without times would silently bind a speaker all day)', () => {
    expect(issuesOf(() => parseEvent(event({ 'availability.csv': csv('who,date,start,end,status', 'sp-1,2025-06-03,,,unavailable') })))).toEqual([
      'availability.csv:2:3 start: expected a time written HH:MM (24-hour), got an empty cell',
      'availability.csv:2:4 end: expected a time written HH:MM (24-hour), got an empty cell',
    ]);
  });

  test('an event whose items name no speaker needs no speakers', () => {
    const e = parseEvent({
      ...BASE,
      'speakers.csv': 'id,name,organization,sector,country,languages\n',
      'themes.csv': csv(THEMES_HEADER, 'p01,Code Club,plenary,60,,,,,,,,,,,,,,,,,'),
      'availability.csv': undefined,
    });
    expect(e.items[0]!.speakers).toEqual([]);
  });
});

describe('weights.csv', () => {
  test('a blank weight keeps the default; a blank term is an error', () => {
    expect(parseWeights('term,weight\ntheme-clash,\nspeaker-days,3\n')).toEqual({ 'speaker-days': 3 });
    expect(issuesOf(() => parseWeights('term,weight\n,3\n'))).toEqual([
      'weights.csv:2:1 term: expected a soft goal (one of advanced-clash, audience-overlap, intro-blocks, language-clash, level-flow, lightning-groups, room-size, speaker-avoid, speaker-days, speaker-preferred, speaker-rooms, theme-clash, theme-spread, track-rooms), got an empty cell',
    ]);
  });
});

describe('allocation and teams files', () => {
  const REG = 'id,name,email,organization,sector,country,registered_at,events,roles,point_of_contact';

  test('registrations.csv: blank name shows the id; blank sector is unknown; blank events, roles and point_of_contact are none and no', () => {
    const input = parseAllocationInput({ registrations: csv(REG, 'r1,,,,,,,,,'), unconference: undefined, preferences: undefined }, [], []);
    expect(input.registrants[0]).toMatchObject({ id: 'r1', name: 'r1', sector: null, events: [], roles: [], pointOfContact: false });
  });

  test('unconference.csv: blank title shows the id, blank room is unknown; block and capacity stay required', () => {
    const files = (u: string) => ({ registrations: csv(REG, 'r1,Ana,,,,,,civil_society_day,,'), unconference: u, preferences: undefined });
    const input = parseAllocationInput(files(csv('id,title,block,capacity,room', 'u1,,A,10,')), [], []);
    expect(input.sessions[0]).toMatchObject({ id: 'u1', title: 'u1', room: '' });
    expect(issuesOf(() => parseAllocationInput(files(csv('id,title,block,capacity,room', 'u1,Open data,,,')), [], []))).toEqual([
      'unconference.csv:2:3 block: expected some text, got an empty cell',
      'unconference.csv:2:4 capacity: expected a whole number from 1 to 100,000, got an empty cell',
    ]);
  });

  test('preferences.csv: every cell is required', () => {
    const files = { registrations: csv(REG, 'r1,Ana,,,,,,civil_society_day,,'), unconference: csv('id,title,block,capacity,room', 'u1,T,A,10,'), preferences: csv('registrant,session,rank', 'r1,u1,') };
    expect(issuesOf(() => parseAllocationInput(files, [], []))).toEqual(['preferences.csv:2:3 rank: expected a whole number from 1 to 1,000, got an empty cell']);
  });

  test('projects.csv: a blank title shows the id, blank needs are none; pitched_by stays required', () => {
    const registrations = csv(`${REG},profile,skills,languages,project,team_with`, 'r1,Ana,,,,,,datacamp,,,journalist,,es,p1,');
    const input = parseTeamsInput({ registrations, projects: csv('id,title,pitched_by,needs', 'p1,,r1,') });
    expect(input.projects).toEqual([{ id: 'p1', title: 'p1', pitchedBy: 'r1', needs: [] }]);
    expect(issuesOf(() => parseTeamsInput({ registrations, projects: csv('id,title,pitched_by,needs', 'p1,Budgets,,') }))).toContain(
      'projects.csv:2:3 pitched_by: expected an id, got an empty cell',
    );
  });
});
