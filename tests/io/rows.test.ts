/** One file at a time: each rule about a single row or a single file, with the exact message. */
import { describe, test } from 'vitest';
import { csv, event, expectProblems, wholeFile } from './event-fixture.js';

const THEMES_HEADER = 'id,title,format,duration,speakers,themes,language,level,audience,country,source,score';

describe('missing and malformed files', () => {
  test('a missing required file names the columns it needs', () => {
    expectProblems(event({ 'calendar.csv': undefined }), [
      wholeFile('calendar.csv', 'missing file (expected columns date,start,end,kind,label)'),
    ]);
  });

  test('an empty file', () => {
    expectProblems(event({ 'speakers.csv': '\uFEFF\r\n' }), [
      wholeFile('speakers.csv', 'empty file (expected columns id,name,organization,sector,country,languages)'),
    ]);
  });

  test('a missing column is reported once, on the header line', () => {
    expectProblems(event({ 'rooms.csv': csv('id,name,kind,interpretation', 'hall,Main hall,main_hall,yes', 'x,X,lobby,maybe') }), [
      'rooms.csv:1 capacity: missing column',
      'rooms.csv:3:4 interpretation: expected yes or no (also sí/no, true/false, 1/0, y/n), or an empty cell for no, got "maybe"',
    ]);
  });

  test('a column named twice', () => {
    expectProblems(
      event({
        'rooms.csv': csv(
          'id,name,kind,capacity,interpretation,capacity,notes,notes',
          'hall,Main hall,main_hall,300,yes,30,,',
          'lobby,Lobby,lobby,80,no,,,',
          'c1,Classroom 1,classroom,40,no,,,',
        ),
      }),
      ['rooms.csv:1:6 capacity: duplicate column (first at column 4); only the first is read'],
    );
  });

  test('an unclosed quote makes the file unreadable, located where the quote opens', () => {
    expectProblems(
      event({
        'themes.csv': csv(
          THEMES_HEADER,
          'p01,Opening plenary,plenary,60,sp-1;sp-2,,es,,250,,,',
          'l01,"Budgets in 5 minutes,lightning,30,sp-3,,es,,50,,,',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,',
        ),
      }),
      ['themes.csv:3:2 malformed CSV: unclosed quote'],
    );
  });
});

describe('calendar.csv', () => {
  test('dates, times and kinds that cannot be read', () => {
    expectProblems(
      event({
        'calendar.csv': csv(
          'date,start,end,kind,label',
          '2025-06-02,09:00,12:30,program,Morning',
          '02/06/2025,9am,25:00,session,',
          '2025-02-30,14:00,17:30,program,',
        ),
        'availability.csv': undefined,
      }),
      [
        'calendar.csv:3:1 date: expected a date written YYYY-MM-DD, got "02/06/2025"',
        'calendar.csv:3:2 start: expected a time written HH:MM (24-hour), got "9am"',
        'calendar.csv:3:3 end: expected a time written HH:MM (24-hour), got "25:00"',
        'calendar.csv:3:4 kind: expected one of program, plenary_only or break, got "session"',
        'calendar.csv:4:1 date: expected a date written YYYY-MM-DD, got "2025-02-30"',
      ],
    );
  });

  test('start must come before end', () => {
    expectProblems(
      event({
        'calendar.csv': csv(
          'date,start,end,kind,label',
          '2025-06-02,09:00,12:30,program,Morning',
          '2025-06-02,14:00,14:00,program,Nothing',
          '2025-06-03,12:00,09:00,program,Backwards',
        ),
      }),
      [
        'calendar.csv:3:3 end: expected a time after the start (14:00), got 14:00',
        'calendar.csv:4:3 end: expected a time after the start (12:00), got 09:00',
      ],
    );
  });

  test('program windows may not overlap each other or a break; reported at the later row', () => {
    expectProblems(
      event({
        'calendar.csv': csv(
          'date,start,end,kind,label',
          '2025-06-02,12:30,14:00,break,Lunch',
          '2025-06-02,09:00,13:00,program,Morning',
          '2025-06-02,11:00,12:00,program,',
          '2025-06-02,13:30,14:30,break,Coffee',
          '2025-06-03,09:00,13:00,program,Morning',
          '2025-06-02,14:00,17:00,program,Afternoon',
        ),
      }),
      [
        'calendar.csv:3:2 start: program window "Morning" 2025-06-02 09:00-13:00 overlaps break "Lunch" 2025-06-02 12:30-14:00 (line 2)',
        'calendar.csv:4:2 start: program window 2025-06-02 11:00-12:00 overlaps program window "Morning" 2025-06-02 09:00-13:00 (line 3)',
        'calendar.csv:7:2 start: program window "Afternoon" 2025-06-02 14:00-17:00 overlaps break "Coffee" 2025-06-02 13:30-14:30 (line 5)',
      ],
    );
  });

  test('a calendar with no program window', () => {
    expectProblems(event({ 'calendar.csv': csv('date,start,end,kind,label', '2025-06-02,12:30,14:00,break,Lunch') }), [
      'availability.csv:2:2 date: 2025-06-03 is not a date in calendar.csv (its dates: 2025-06-02)',
      'calendar.csv:1:4 kind: no program window (expected at least one row with kind "program")',
    ]);
  });
});

describe('rooms.csv', () => {
  test('capacity, interpretation, kind, name and id', () => {
    expectProblems(
      event({
        'rooms.csv': csv(
          'id,name,kind,capacity,interpretation',
          'hall,Main hall,main_hall,300,yes',
          'lobby,Lobby,lobby,80,no',
          'c1,Classroom 1,classroom,40,no',
          'c2,Classroom 2,classroom,forty,perhaps',
          'c3,,,0,',
          ',Nameless,classroom,-5,no',
          'c4;c5,Two rooms,classroom,10.5,no',
          'c6,Huge,classroom,99999999999999999999999,no',
          `c7,Huger,classroom,${'9'.repeat(400)},no`,
          'c8,Above the range,classroom,100001,no',
        ),
      }),
      [
        'rooms.csv:5:4 capacity: expected a whole number from 1 to 100,000, got "forty"',
        'rooms.csv:5:5 interpretation: expected yes or no (also sí/no, true/false, 1/0, y/n), or an empty cell for no, got "perhaps"',
        'rooms.csv:6:3 kind: expected a room kind (like main_hall, lobby or classroom), got an empty cell',
        'rooms.csv:6:4 capacity: expected a whole number from 1 to 100,000, got "0"',
        'rooms.csv:7:1 id: expected an id, got an empty cell',
        'rooms.csv:7:4 capacity: expected a whole number from 1 to 100,000, got "-5"',
        'rooms.csv:8:1 id: expected an id without ";" or "|", got "c4;c5"',
        'rooms.csv:8:4 capacity: expected a whole number from 1 to 100,000, got "10.5"',
        'rooms.csv:9:4 capacity: expected a whole number from 1 to 100,000, got "99999999999999999999999"',
        `rooms.csv:10:4 capacity: expected a whole number from 1 to 100,000, got "${'9'.repeat(60)}"... (400 characters)`,
        'rooms.csv:11:4 capacity: expected a whole number from 1 to 100,000, got "100001"',
      ],
    );
  });

  test('a repeated id is reported at the later row', () => {
    expectProblems(
      event({
        'rooms.csv': csv(
          'id,name,kind,capacity,interpretation',
          'hall,Main hall,main_hall,300,yes',
          'lobby,Lobby,lobby,80,no',
          'c1,Classroom 1,classroom,40,no',
          'hall,Main hall again,main_hall,200,yes',
        ),
      }),
      ['rooms.csv:5:1 id: duplicate id "hall" (first on line 2)'],
    );
  });
});

describe('speakers.csv', () => {
  test('sector and name', () => {
    expectProblems(
      event({
        'speakers.csv': csv(
          'id,name,organization,sector,country,languages',
          'sp-1,Ana Ruiz,,Government,,',
          'sp-2,,,ngo,,en',
          'sp-3,Carla Díaz,,academia,CL,es',
          'sp-3,Carla Díaz,,academia,CL,es',
        ),
      }),
      [
        'speakers.csv:3:4 sector: expected one of government, civil_society, irm, academia, private, multilateral or other, or an empty cell, got "ngo"',
        'speakers.csv:5:1 id: duplicate id "sp-3" (first on line 4)',
      ],
    );
  });
});

describe('themes.csv', () => {
  test('cells that cannot be read', () => {
    expectProblems(
      event({
        'themes.csv': csv(
          THEMES_HEADER,
          'p01,Opening plenary,keynote,47,,,es,expert,-3,,walk-in,high',
          'l01,,lightning,0,sp-3,,,,many,,,',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,',
          'w02,All day and more,workshop,1445,sp-2,,en,intro,100001,,,1000001',
        ),
      }),
      [
        'themes.csv:2:3 format: expected one of plenary, lightning or workshop, got "keynote"',
        'themes.csv:2:4 duration: expected whole minutes from 5 to 1,440 (a day) in steps of 5, got "47"',
        'themes.csv:2:8 level: expected one of intro, intermediate or advanced, or an empty cell, got "expert"',
        'themes.csv:2:9 audience: expected a whole number from 0 to 100,000, or an empty cell if not known, got "-3"',
        'themes.csv:2:11 source: expected one of registration, call or committee, or an empty cell, got "walk-in"',
        'themes.csv:2:12 score: expected a number (like 7.5) from -1,000,000 to 1,000,000, or an empty cell, got "high"',
        'themes.csv:3:4 duration: expected whole minutes from 5 to 1,440 (a day) in steps of 5, got "0"',
        'themes.csv:3:9 audience: expected a whole number from 0 to 100,000, or an empty cell if not known, got "many"',
        'themes.csv:5:4 duration: expected whole minutes from 5 to 1,440 (a day) in steps of 5, got "1445"',
        'themes.csv:5:9 audience: expected a whole number from 0 to 100,000, or an empty cell if not known, got "100001"',
        'themes.csv:5:12 score: expected a number (like 7.5) from -1,000,000 to 1,000,000, or an empty cell, got "1000001"',
      ],
    );
  });

  test('a workshop needs 120 minutes, even when another cell of the row is wrong', () => {
    expectProblems(
      event({
        'themes.csv': csv(
          THEMES_HEADER,
          'p01,Opening plenary,plenary,60,sp-1;sp-2,,es,,250,,,',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,',
          'w01,Data,workshop,90,sp-2,,en,,30,,,high',
        ),
      }),
      [
        'themes.csv:4:4 duration: a workshop needs at least 120 minutes, got 90',
        'themes.csv:4:12 score: expected a number (like 7.5) from -1,000,000 to 1,000,000, or an empty cell, got "high"',
      ],
    );
  });

  test('pin cells that cannot be read', () => {
    expectProblems(
      event({
        'themes.csv': csv(
          `${THEMES_HEADER},rooms,pin_date,pin_start,pin_room`,
          'p01,Opening plenary,plenary,60,sp-1;sp-2,,es,,250,,,,,2025-6-2,09:07,',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,noon,',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,,,,,',
        ),
      }),
      [
        'themes.csv:2:14 pin_date: expected a date written YYYY-MM-DD, got "2025-6-2"',
        'themes.csv:2:15 pin_start: expected a time on the 5-minute grid (like 09:05), got "09:07"',
        'themes.csv:3:15 pin_start: expected a time written HH:MM (24-hour), got "noon"',
      ],
    );
  });

  test('a repeated item id', () => {
    expectProblems(
      event({
        'themes.csv': csv(
          THEMES_HEADER,
          'p01,Opening plenary,plenary,60,sp-1;sp-2,,es,,250,,,',
          'p01,Closing plenary,plenary,60,sp-1,,es,,250,,,',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,',
        ),
      }),
      ['themes.csv:3:1 id: duplicate id "p01" (first on line 2)'],
    );
  });
});

describe('availability.csv', () => {
  test('status, times and dates', () => {
    expectProblems(
      event({
        'availability.csv': csv(
          'who,date,start,end,status',
          'sp-1,2025-06-03,09:00,12:00,busy',
          'sp-2,2025-06-02,11:00,10:00,unavailable',
          'hall,2025-06-05,09:00,10:00,unavailable',
          'sp-3,,09:00,10:00,available',
        ),
      }),
      [
        'availability.csv:2:5 status: expected one of unavailable, available, preferred or avoid, got "busy"',
        'availability.csv:3:4 end: expected a time after the start (11:00), got 10:00',
        'availability.csv:4:2 date: 2025-06-05 is not a date in calendar.csv (its dates: 2025-06-02, 2025-06-03)',
        'availability.csv:5:2 date: expected a date written YYYY-MM-DD, got an empty cell',
      ],
    );
  });
});
