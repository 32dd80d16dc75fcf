/** Checks between files, each with a failing and (where it adds something) a passing input. */
import { describe, expect, test } from 'vitest';
import { csv, event, expectProblems, problems, wholeFile } from './event-fixture.js';

const THEMES = 'id,title,format,duration,speakers,themes,language,level,audience,country,source,score,rooms,pin_date,pin_start,pin_room';

/** themes.csv from rows written after the full header (with the optional pin columns). */
function themes(...rows: readonly string[]): Record<string, string> {
  return { 'themes.csv': csv(THEMES, ...rows) };
}

describe('ids', () => {
  test('an id may not name both a speaker and a room or an item', () => {
    expectProblems(
      event({
        'rooms.csv': csv('id,name,kind,capacity,interpretation', 'hall,Main hall,main_hall,300,yes', 'lobby,Lobby,lobby,80,no', 'sp-3,Classroom,classroom,40,no'),
        ...themes(
          'p01,Opening,plenary,60,sp-1,,es,,250,,,,,,,',
          'sp-2,Budgets,lightning,30,sp-3,,es,,50,,,,,,,',
          'lobby,Data,workshop,120,sp-2,,en,intro,30,,,,,,,',
        ),
      }),
      [
        'rooms.csv:4:1 id: id "sp-3" is also a speaker id (speakers.csv line 4); availability.csv could not tell them apart',
        'themes.csv:3:1 id: id "sp-2" is also a speaker id (speakers.csv line 3); availability.csv could not tell them apart',
        'themes.csv:4:1 id: id "lobby" is also a room id (rooms.csv line 3); availability.csv could not tell them apart',
      ],
    );
  });
});

describe('references', () => {
  test('unknown speakers, rooms, pinned rooms and availability ids', () => {
    expectProblems(
      event({
        ...themes(
          'p01,Opening,plenary,60,sp-1;sp-999|sp-2,,es,,250,,,,hall;annex,,,',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,,roof',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,,,,,',
        ),
        'availability.csv': csv('who,date,start,end,status', 'sp-1,2025-06-03,09:00,12:00,unavailable', 'sp-4,2025-06-02,09:00,10:00,unavailable'),
      }),
      [
        'availability.csv:3:1 who: unknown id "sp-4" (not a speaker, room or item id)',
        'themes.csv:2:5 speakers: unknown speaker "sp-999" (not in speakers.csv)',
        'themes.csv:2:13 rooms: unknown room "annex" (not in rooms.csv)',
        'themes.csv:3:16 pin_room: unknown room "roof" (not in rooms.csv)',
      ],
    );
  });

  test('availability may name speakers, rooms and items', () => {
    const availability = csv(
      'who,date,start,end,status',
      'sp-1,2025-06-03,09:00,12:00,unavailable',
      'hall,2025-06-02,09:00,10:00,unavailable',
      'w01,2025-06-03,09:00,12:00,available',
    );
    expect(problems(event({ 'availability.csv': availability }))).toEqual([]);
  });

  test('an id on a row with other problems is still known: no "unknown" echoes', () => {
    expectProblems(
      event({
        'speakers.csv': csv(
          'id,name,organization,sector,country,languages',
          'sp-1,Ana Ruiz,,government,,',
          'sp-2,Ben Okafor,,ngo,,',
          'sp-3,Carla Díaz,,academia,,',
        ),
      }),
      ['speakers.csv:3:4 sector: expected one of government, civil_society, irm, academia, private, multilateral or other, or an empty cell, got "ngo"'],
    );
  });

  test('references are not checked against a file that is missing', () => {
    expectProblems(event({ 'speakers.csv': undefined }), [
      wholeFile('speakers.csv', 'missing file (expected columns id,name,organization,sector,country,languages)'),
    ]);
  });

  test('a pin_date that is not a calendar date', () => {
    expectProblems(event(themes('p01,Opening,plenary,60,sp-1,,es,,250,,,,,2025-06-09,,', 'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,,', 'w01,Data,workshop,120,sp-2,,en,intro,30,,,,,,,')), [
      'themes.csv:2:14 pin_date: 2025-06-09 is not a date in calendar.csv (its dates: 2025-06-02, 2025-06-03)',
    ]);
  });
});

describe('rooms for each format', () => {
  const rooms = csv(
    'id,name,kind,capacity,interpretation',
    'hall,Main hall,main_hall,300,yes',
    'hall-b,Hall B,main_hall,500,no',
    'lobby,Lobby,lobby,80,no',
    'c1,Classroom 1,classroom,40,no',
    'c2,Classroom 2,classroom,25,no',
  );

  test('a rooms list or pinned room of the wrong kind', () => {
    expectProblems(
      event({
        'rooms.csv': rooms,
        ...themes(
          'p01,Opening,plenary,60,sp-1,,es,,250,,,,hall;lobby;hall-b,,,',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,,c1',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,,c1|lobby,,,',
          'w02,Maps,workshop,120,sp-2,,en,intro,20,,,,c1,,,c2',
        ),
      }),
      [
        'themes.csv:2:13 rooms: room "hall-b" (Hall B) has no interpretation, but a plenary needs a main_hall with interpretation',
        'themes.csv:2:13 rooms: room "lobby" (Lobby) is a lobby, but a plenary needs a main_hall with interpretation',
        'themes.csv:3:16 pin_room: room "c1" (Classroom 1) is a classroom, but a lightning talk needs a lobby',
        'themes.csv:4:13 rooms: room "lobby" (Lobby) is a lobby, but a workshop needs a classroom',
        'themes.csv:5:16 pin_room: room "c2" is not in this item\'s rooms (c1)',
      ],
    );
  });

  test('no main hall with interpretation for the plenaries', () => {
    expectProblems(
      event({
        'rooms.csv': csv('id,name,kind,capacity,interpretation', 'hall,Main hall,main_hall,300,no', 'lobby,Lobby,lobby,80,no', 'c1,Classroom 1,classroom,40,no'),
        ...themes(
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,,',
          'p01,Opening,plenary,60,sp-1,,es,,250,,,,,,,',
          'p02,Closing,plenary,60,sp-1,,es,,250,,,,,,,',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,,,,,',
        ),
      }),
      ['themes.csv:3:3 format: no main_hall room in rooms.csv has interpretation, which every plenary needs (2 items, the first on this line)'],
    );
  });

  test('no room of the kind a format needs', () => {
    expectProblems(
      event({
        'rooms.csv': csv('id,name,kind,capacity,interpretation', 'hall,Main hall,Main Hall,300,yes', 'c1,Classroom 1,classroom,40,no'),
      }),
      ['themes.csv:3:3 format: no room in rooms.csv has kind lobby, which every lightning talk needs (1 item)'],
    );
  });

  test('"every room" checks wait until rooms.csv has no problems of its own', () => {
    expectProblems(
      event({
        'rooms.csv': csv('id,name,kind,capacity,interpretation', 'hall,Main hall,main_hall,300,yes', 'lobby,Lobby,lobby,eighty,no', 'c1,Classroom 1,classroom,40,no'),
      }),
      ['rooms.csv:3:4 capacity: expected a whole number from 1 to 100,000, got "eighty"'],
    );
  });

  test('an audience larger than every room the item can use', () => {
    expectProblems(
      event({
        'rooms.csv': rooms,
        ...themes(
          'p01,Opening,plenary,60,sp-1,,es,,400,,,,,,,',
          'l01,Budgets,lightning,30,sp-3,,es,,80,,,,,,,',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,,c2,,,',
          'w02,Maps,workshop,120,sp-2,,en,intro,30,,,,,,,c2',
          'w03,Code,workshop,120,sp-2,,en,intro,41,,,,,,,',
          'w04,Laws,workshop,120,sp-2,,en,intro,40,,,,c1;c2,,,',
        ),
      }),
      [
        'themes.csv:2:9 audience: 400 people expected, but the only room this item can use holds 300 (hall, Main hall)',
        'themes.csv:4:9 audience: 30 people expected, but the only room this item can use holds 25 (c2, Classroom 2)',
        'themes.csv:5:9 audience: 30 people expected, but the only room this item can use holds 25 (c2, Classroom 2)',
        'themes.csv:6:9 audience: 41 people expected, but the largest room this item can use holds 40 (c1, Classroom 1)',
      ],
    );
  });
});

describe('time', () => {
  test('an item longer than every program window', () => {
    expectProblems(
      event(
        themes(
          'p01,Opening,plenary,240,sp-1,,es,,250,,,,,,,',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,,',
          'w01,Data,workshop,210,sp-2,,en,intro,30,,,,,,,',
          'w02,Maps,workshop,200,sp-2,,en,intro,30,,,,,2025-06-03,,',
        ),
      ),
      [
        'themes.csv:2:4 duration: 240 minutes is longer than every program window (the longest is 210 minutes: 2025-06-02 09:00-12:30)',
        'themes.csv:5:4 duration: 200 minutes is longer than every program window on 2025-06-03 (pin_date) (the longest is 180 minutes: 2025-06-03 09:00-12:00)',
      ],
    );
  });

  test('a pinned start outside the program windows, on a break, or running past the end of its window', () => {
    expectProblems(
      event(
        themes(
          'p01,Opening,plenary,60,sp-1,,es,,250,,,,,2025-06-02,08:00,',
          'p02,Welcome,plenary,60,sp-1,,es,,250,,,,,2025-06-02,13:00,',
          'p03,Closing,plenary,60,sp-1,,es,,250,,,,,,12:30,',
          'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,17:15,',
          'l02,Ports,lightning,30,sp-3,,es,,50,,,,,,18:00,',
          'w01,Data,workshop,120,sp-2,,en,intro,30,,,,,2025-06-03,10:30,',
        ),
      ),
      [
        'themes.csv:2:15 pin_start: 08:00 is outside every program window of 2025-06-02 (09:00-12:30, 14:00-17:30)',
        'themes.csv:3:15 pin_start: 13:00 is during the break "Lunch" (2025-06-02 12:30-14:00)',
        'themes.csv:4:15 pin_start: 12:30 is during the break "Lunch" (2025-06-02 12:30-14:00)',
        'themes.csv:5:15 pin_start: 17:15 + 30 minutes ends at 17:45, after its program window 2025-06-02 14:00-17:30 ends',
        'themes.csv:6:15 pin_start: 18:00 is outside every program window',
        'themes.csv:7:15 pin_start: 10:30 + 120 minutes ends at 12:30, after its program window 2025-06-03 09:00-12:00 ends',
      ],
    );
  });

  test('a pinned start without a date fits if it fits on some date', () => {
    // 11:30 + 60 minutes ends at 12:30: past the 2025-06-03 morning (ends 12:00), within the 2025-06-02 one.
    const files = event(
      themes(
        'p01,Opening,plenary,60,sp-1,,es,,250,,,,,,11:00,',
        'p02,Closing,plenary,60,sp-1,,es,,250,,,,,,11:30,hall',
        'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,,',
        'w01,Data,workshop,120,sp-2,,en,intro,30,,,,c1,2025-06-02,14:00,c1',
      ),
    );
    expect(problems(files)).toEqual([]);
  });

  test('a pin_date that has only breaks', () => {
    expectProblems(
      event({
        'calendar.csv': csv(
          'date,start,end,kind,label',
          '2025-06-02,09:00,12:30,program,Morning',
          '2025-06-03,09:00,12:00,program,Morning',
          '2025-06-04,10:00,11:00,break,Excursion',
        ),
        ...themes('p01,Opening,plenary,60,sp-1,,es,,250,,,,,2025-06-04,,', 'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,,', 'w01,Data,workshop,120,sp-2,,en,intro,30,,,,,,,'),
      }),
      ['themes.csv:2:14 pin_date: 2025-06-04 has no program window in calendar.csv, only breaks'],
    );
  });

  test('time checks wait until calendar.csv has no problems of its own', () => {
    expectProblems(
      event({
        'calendar.csv': csv('date,start,end,kind,label', '2025-06-02,09:00,12:30,program,Morning', '2025-06-03,09:00,25:00,program,Morning'),
        ...themes('p01,Opening,plenary,240,sp-1,,es,,250,,,,,,,', 'l01,Budgets,lightning,30,sp-3,,es,,50,,,,,,,', 'w01,Data,workshop,120,sp-2,,en,intro,30,,,,,,,'),
      }),
      ['calendar.csv:3:3 end: expected a time written HH:MM (24-hour), got "25:00"'],
    );
  });
});
